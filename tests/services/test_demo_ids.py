"""Identifiers: random version-4 UUIDs, and inside the demo's ``seeded`` the same ids for the same seed, made a batch at a
time but exactly those one ``getrandbits(128)`` per id gives (a demo register is a function of its seed)."""

import random
import uuid

from tayninh_desktop.domain import ids
from tayninh_desktop.services import demo_ids


def _one_draw_per_id(seed: int, count: int) -> list[str]:
    rng = random.Random(f"ids-{seed}")
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(count)]


def test_seeded_ids_are_one_draw_per_id_across_batches():
    count = demo_ids.BATCH * 2 + 17
    with demo_ids.seeded(2026):
        made = [ids.new_id() for _ in range(count)]
    assert made == _one_draw_per_id(2026, count)
    assert all(uuid.UUID(text).version == 4 for text in made[:50])


def test_the_same_seed_gives_the_same_ids_and_outside_the_block_they_are_random():
    with demo_ids.seeded(5):
        first = [ids.new_id() for _ in range(3)]
    with demo_ids.seeded(5):
        again = [ids.new_id() for _ in range(3)]
    assert first == again == _one_draw_per_id(5, 3)
    loose = ids.new_id()
    assert loose not in first and uuid.UUID(loose).version == 4


def test_nested_seeds_keep_their_own_streams():
    with demo_ids.seeded(1):
        a = ids.new_id()
        with demo_ids.seeded(2):
            b = ids.new_id()
        c = ids.new_id()
    assert [a, c] == _one_draw_per_id(1, 2)
    assert b == _one_draw_per_id(2, 1)[0]
