"""A demo register is a function of its seed: the same seed twice gives the same register (tests and
benchmarks rely on its figures; random ids once made the same seed give different warnings)."""

from datetime import date

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import demo
from tayninh_desktop.storage.db import open_database

TODAY = date(2026, 11, 27)
FINGERPRINT = [
    "SELECT id, full_name, birth_date, cell_id, status FROM members ORDER BY id",
    "SELECT member_id, month, amount, state FROM dues ORDER BY member_id, month",
    "SELECT meeting_id, member_id, state FROM attendance ORDER BY meeting_id, member_id",
    "SELECT member_id, kind, event_date, cell_id FROM member_events ORDER BY member_id, event_date, kind",
]


def _fingerprint(path) -> list:
    db = open_database(path, create=True)
    demo.generate(db, Actor("demo"), members=150, seed=11, today=TODAY)
    rows = [db.execute(sql).fetchall() for sql in FINGERPRINT]
    db.conn.close()
    return rows


def test_the_same_seed_gives_the_same_register(tmp_path):
    first, second = _fingerprint(tmp_path / "a.sqlite3"), _fingerprint(tmp_path / "b.sqlite3")
    assert [len(rows) for rows in first] == [len(rows) for rows in second]
    assert first == second
