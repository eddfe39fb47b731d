"""Identifiers: UUIDs for everything that can travel in a return; integer ids never leave the machine."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar

# A demo register is a function of its seed: inside ``drawn_from``, new ids come from the caller's seeded source
# (some demo steps read rows back ordered by id, so random ids would make the same seed give another register).
_source: ContextVar[Callable[[], str] | None] = ContextVar("id_source", default=None)


def new_id() -> str:
    source = _source.get()
    if source is None:
        return str(uuid.uuid4())
    return source()


@contextlib.contextmanager
def drawn_from(source: Callable[[], str]) -> Iterator[None]:
    """New ids from ``source`` inside the block (the demo's seeded ids; real ids are always random)."""
    token = _source.set(source)
    try:
        yield
    finally:
        _source.reset(token)
