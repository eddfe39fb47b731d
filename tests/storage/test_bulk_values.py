"""Many rows to an INSERT (the demo's compact rows): every row written, in its order, whatever the count."""

import sqlite3

import pytest

from tayninh_desktop.storage import bulk_values


@pytest.mark.parametrize("count", [0, 1, 99, 100, 101, 20_000, 20_150])
def test_every_row_in_its_order(count):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b INTEGER, c TEXT)")
    rows = [(i, None if i % 7 else i * 2, "lý do" if i % 3 == 0 else "") for i in range(count)]
    bulk_values.insert_rows(conn, "INSERT INTO t (a, b, c)", 3, iter(rows))
    assert conn.execute("SELECT a, b, c FROM t ORDER BY rowid").fetchall() == rows
