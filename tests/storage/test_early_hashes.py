"""The demo's tables hashed by a helper process as soon as they are written (early_hashes): whatever is written to
those tables afterwards (a row added, changed or removed, a compact row, a rating through its stored table), the
scope hashes at the end are exactly those the register gives when hashed whole, and a helper that cannot run
leaves its tables to be hashed at the end."""

import sqlite3

from tayninh_desktop.storage import row_hashes
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.storage.early_hashes import EarlyHashes

EARLY = ("members", "member_events", "attendance_compact", "ratings", "settings")


def _write_after(conn: sqlite3.Connection) -> None:
    """Writes to every kind of table hashed early, after the helper took its snapshot."""
    conn.execute("UPDATE members SET phone = '0911111111' WHERE rowid = (SELECT MIN(rowid) FROM members)")
    conn.execute("UPDATE member_events SET notes = 'Sửa sau' WHERE rowid = (SELECT MAX(rowid) FROM member_events)")
    conn.execute("UPDATE attendance_compact SET reason = 'Ốm' WHERE (meeting_row, member_row) IN"
                 " (SELECT meeting_row, member_row FROM attendance_compact LIMIT 3)")
    conn.execute("UPDATE ratings_compact SET notes = 'Ghi chú' WHERE (member_row, year) IN"
                 " (SELECT member_row, year FROM ratings_compact LIMIT 2)")
    conn.execute("INSERT INTO settings (key, value) VALUES ('sau_khi_bam', '1')")
    conn.execute("DELETE FROM settings WHERE key = 'register.sample'")


def _recorded(conn: sqlite3.Connection, early: EarlyHashes) -> list:
    """What ``record_scopes`` writes into ``audit_rows`` for the register's last entry (its rows replaced, then
    put back as they were)."""
    seq = conn.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
    conn.execute("SAVEPOINT recorded")
    conn.execute("DELETE FROM audit_rows WHERE seq = ?", [seq])
    early.record_scopes(conn, seq)
    found = conn.execute("SELECT scope, hash FROM audit_rows WHERE seq = ? ORDER BY scope", [seq]).fetchall()
    conn.execute("ROLLBACK TO recorded")
    conn.execute("RELEASE recorded")
    return found


def _hashed_early(register, *, helper_reads=None, side=None, forget_writes: bool = False) -> tuple[list, list, set]:
    """The tables of ``EARLY`` hashed by the helper (waited for: its snapshot comes before the writes), then written
    to: (the early hashes at the end, the whole register's hashes, the tables the helper hashed)."""
    db = open_database(register)
    conn = db.conn
    early = EarlyHashes(conn, str(helper_reads or register))
    if side is not None:
        early.side = str(side)
    try:
        conn.execute("BEGIN IMMEDIATE")
        early.tables_done(EARLY)
        done = early.hashed()
        _write_after(conn)
        if forget_writes:
            conn.execute("DELETE FROM temp.early_dirty")
        found = _recorded(conn, early)
        conn.execute("COMMIT")
    finally:
        early.close()
    whole = sorted(row_hashes.iter_scope_hashes(conn))
    db.conn.close()
    return found, whole, done


def test_tables_hashed_early_then_written_give_the_hashes_of_the_whole(demo_copy):
    found, whole, done = _hashed_early(demo_copy)
    assert done == set(EARLY)
    assert found == whole
    assert any(scope.startswith("meeting:") for scope, _ in found)
    assert not list(demo_copy.parent.glob("*.digests*"))   # the helper's file removed


def test_without_the_notes_of_later_writes_the_hashes_would_differ(demo_copy):
    """What the tracking is for: the helper's digests were taken before the writes."""
    stale, whole, _done = _hashed_early(demo_copy, forget_writes=True)
    assert stale != whole


def test_a_helper_that_cannot_read_the_register_leaves_its_tables_to_the_end(demo_copy, tmp_path):
    found, whole, done = _hashed_early(demo_copy, helper_reads=tmp_path / "not-here" / "register.sqlite3",
                                       side=tmp_path / "digests")
    assert done == set()
    assert found == whole
    assert not list(tmp_path.glob("digests*"))
