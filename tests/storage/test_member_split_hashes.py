"""The demo's audit entry hashes the members in two parts, one in a helper process (parallel_hashes): the two
parts split by a member row id are every member scope once, with the scopes of a member that is gone (its rows
left behind) in the program's part."""

import sqlite3
from datetime import date

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import demo
from tayninh_desktop.storage import parallel_hashes, row_hashes
from tayninh_desktop.storage.db import open_database


def test_the_two_parts_of_the_members_are_every_member_scope_once(tmp_path):
    path = tmp_path / "demo.sqlite3"
    db = open_database(path, create=True)
    demo.generate(db, Actor("demo"), members=90, seed=3, today=date(2026, 11, 27))
    db.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    gone = conn.execute("SELECT m.rowid FROM members m WHERE EXISTS (SELECT 1 FROM dues_compact d"
                        " WHERE d.member_row = m.rowid) ORDER BY m.rowid DESC LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM members WHERE rowid = ?", [gone])   # its events, periods and dues stay behind
    conn.commit()
    whole = sorted(row_hashes.iter_scope_hashes(conn, kinds=("member",)))
    pivot = parallel_hashes._pivot(conn)
    assert pivot is not None and pivot < gone
    low = list(row_hashes.iter_scope_hashes(conn, kinds=("member",), member_split=("low", pivot)))
    high = list(row_hashes.iter_scope_hashes(conn, kinds=("member",), member_split=("high", pivot)))
    assert low and high
    assert sorted(low + high) == whole
    assert any(scope == f"member:#{gone}" for scope, _ in high)   # its compact rows: named by their row id
    assert sorted(parallel_hashes.iter_scope_hashes(conn, str(path))) == sorted(row_hashes.iter_scope_hashes(conn))
    conn.close()
