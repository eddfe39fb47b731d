"""The demo's ids: version-4 UUID texts drawn from a generator seeded by the demo's seed (the same seed, the same
register), a batch at a time.

Batch ``k`` is ``getrandbits(128 * BATCH)`` of the generator, whose 128-bit parts from the lowest up are what
``BATCH`` calls of ``getrandbits(128)`` give one after the other (the generator fills a long number 32 bits at a
time from its low end): the ids are those one draw per id gives, each written as ``str(uuid.UUID(int=n,
version=4))`` writes it. The demo draws a million of them: formatted together (numpy), not one f-string each.
"""

from __future__ import annotations

import random
from contextlib import AbstractContextManager

from tayninh_desktop.domain.ids import drawn_from

BATCH = 4096
_DASHES = ((0, 8, 0), (8, 12, 9), (12, 16, 14), (16, 20, 19), (20, 32, 24))   # hex digits → place in the text


class SeededIds:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"ids-{seed}")
        self.ready: list[str] = []

    def next(self) -> str:
        if not self.ready:
            self.ready = self._batch()
        return self.ready.pop()

    def _batch(self) -> list[str]:
        import numpy as np  # not at import: the window imports the demo, and numpy costs its start-up ~70 ms

        raw = self.rng.getrandbits(128 * BATCH).to_bytes(16 * BATCH, "little")
        octets = np.frombuffer(raw, dtype=np.uint8).reshape(BATCH, 16)[:, ::-1].copy()   # each id big-endian
        octets[:, 6] = (octets[:, 6] & 0x0F) | 0x40   # version 4
        octets[:, 8] = (octets[:, 8] & 0x3F) | 0x80   # the RFC 4122 variant
        digits = np.frombuffer(octets.tobytes().hex().encode("ascii"), dtype="S1").reshape(BATCH, 32)
        text = np.full((BATCH, 36), b"-", dtype="S1")
        for start, end, at in _DASHES:
            text[:, at:at + end - start] = digits[:, start:end]
        whole = text.tobytes().decode("ascii")
        return [whole[i:i + 36] for i in range((BATCH - 1) * 36, -1, -36)]   # popped from the end: first id last


def seeded(seed: int) -> AbstractContextManager[None]:
    """New ids drawn from ``seed`` inside the block."""
    return drawn_from(SeededIds(seed).next)
