"""Every scope hash of a register on two cores: the demo's new register (millions of party-life rows) recorded
with its audit entry.

The register's rows are committed (in the temporary file of a register being built) before the entry's transaction
hashes them, so a helper process can read them beside the program's own connection: the helper hashes every
meeting (meetings and their attendance, a third of the work), the program every member and the rest. The digests
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


def side_kinds(path: str) -> list[tuple[str, str]]:
    """In the helper process: the scopes of ``SIDE_KINDS`` of the register in ``path``, read only."""
    conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        try:
            return list(row_hashes.iter_scope_hashes(conn, kinds=SIDE_KINDS))
        except sqlite3.OperationalError as exc:
            if not row_hashes.is_blob_error(exc):
                raise
            # A blob where text belongs: hashed again, guarded (as the program does; text without a blob hashes
            # the same either way).
            return list(row_hashes.iter_scope_hashes(conn, kinds=SIDE_KINDS, guard_blobs=True))
    finally:
        conn.close()


def iter_scope_hashes(conn: sqlite3.Connection, path: str) -> Iterator[tuple[str, str]]:
    """What ``row_hashes.iter_scope_hashes(conn)`` gives for a register whose rows are all committed in the plain
    file ``path`` (the scopes of ``SIDE_KINDS`` last)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        side = pool.submit(side_kinds, path)
        yield from row_hashes.iter_scope_hashes(conn, skip_kinds=SIDE_KINDS)
        try:
            rows = side.result()
        except Exception:   # noqa: BLE001 - no helper (no processes here): the program hashes them itself
            rows = list(row_hashes.iter_scope_hashes(conn, kinds=SIDE_KINDS))
        yield from rows
