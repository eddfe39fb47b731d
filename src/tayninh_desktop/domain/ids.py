"""Identifiers: UUIDs for everything that can travel in a return; integer ids never leave the machine."""

from __future__ import annotations

import contextlib
import random
import uuid
from collections.abc import Iterator
from contextvars import ContextVar

# A demo register is a function of its seed: while ``seeded`` is active, new ids come from a seeded generator
# (some demo steps read rows back ordered by id, so random ids would make the same seed give another register).
_seeded: ContextVar[random.Random | None] = ContextVar("seeded_ids", default=None)


_VERSION_MASK = ~((0xC000 << 48) | (0xF000 << 64))
_VERSION_4 = (0x8000 << 48) | (4 << 76)


def new_id() -> str:
    rng = _seeded.get()
    if rng is None:
        return str(uuid.uuid4())
    # str(uuid.UUID(int=n, version=4)) without building the object (the demo draws a million of them)
    text = f"{(rng.getrandbits(128) & _VERSION_MASK) | _VERSION_4:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@contextlib.contextmanager
def seeded(seed: int) -> Iterator[None]:
    """New ids drawn from ``seed`` inside the block (the demo only; real ids are always random)."""
    token = _seeded.set(random.Random(f"ids-{seed}"))
    try:
        yield
    finally:
        _seeded.reset(token)
