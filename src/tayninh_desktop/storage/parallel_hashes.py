"""Every scope hash of a register on two cores: the demo's new register (millions of party-life rows) recorded
with its audit entry.

The register's rows are committed (in the temporary file of a register being built) before the entry's transaction
hashes them, so a helper process can read them beside the program's own connection: the helper hashes every
meeting (meetings and their attendance) and the last third of the members (by row id), the program the other
members and the rest. The digests
are those ``row_hashes.iter_scope_hashes`` gives alone (the same function, on the same committed rows); a helper
that cannot run leaves its share to the program.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tayninh_desktop.storage import row_hashes

SIDE_KINDS = ("meeting",)   # hashed by the helper
PROGRAM_SHARE = (2, 3)   # of the members (by row id), the part the program hashes; the helper hashes the rest


def _side(conn: sqlite3.Connection, pivot: int | None, guard_blobs: bool) -> list[tuple[str, str]]:
    rows = list(row_hashes.iter_scope_hashes(conn, kinds=SIDE_KINDS, guard_blobs=guard_blobs))
    if pivot is not None:
        rows += row_hashes.iter_scope_hashes(conn, kinds=("member",), guard_blobs=guard_blobs,
                                             member_split=("high", pivot))
    return rows


def side_kinds(path: str, pivot: int | None = None) -> list[tuple[str, str]]:
    """In the helper process: the scopes of ``SIDE_KINDS`` of the register in ``path``, read only, and the scopes
    of the members from row id ``pivot`` on."""
    conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        try:
            return _side(conn, pivot, False)
        except sqlite3.OperationalError as exc:
            if not row_hashes.is_blob_error(exc):
                raise
            # A blob where text belongs: hashed again, guarded (as the program does; text without a blob hashes
            # the same either way).
            return _side(conn, pivot, True)
    finally:
        conn.close()


def _pivot(conn: sqlite3.Connection) -> int | None:
    """The member row id from which the helper hashes the members (None: no members)."""
    share, whole = PROGRAM_SHARE
    row = conn.execute("SELECT rowid FROM main.members ORDER BY rowid LIMIT 1 OFFSET"
                       f" (SELECT COUNT(*) * {share} / {whole} FROM main.members)").fetchone()
    return row[0] if row else None


def iter_scope_hashes(conn: sqlite3.Connection, path: str) -> Iterator[tuple[str, str]]:
    """What ``row_hashes.iter_scope_hashes(conn)`` gives for a register whose rows are all committed in the plain
    file ``path`` (the helper's scopes last)."""
    pivot = _pivot(conn)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        side = pool.submit(side_kinds, path, pivot)
        if pivot is None:
            yield from row_hashes.iter_scope_hashes(conn, skip_kinds=SIDE_KINDS)
        else:
            yield from row_hashes.iter_scope_hashes(conn, skip_kinds=(*SIDE_KINDS, "member"))
            yield from row_hashes.iter_scope_hashes(conn, kinds=("member",), member_split=("low", pivot))
        try:
            rows = side.result()
        except Exception:   # noqa: BLE001 - no helper (no processes here): the program hashes them itself
            rows = _side(conn, pivot, False)
        yield from rows
