"""The demo's members drawn straight into rows: the same rows the demo drew through the register's forms (pinned by
their digest), and every member's periods and situation those of ``fold_periods`` over the member's events."""

import hashlib
from datetime import date

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.lifecycle import fold_periods, state_on
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import demo
from tayninh_desktop.storage import events_repo
from tayninh_desktop.storage.db import open_database

TODAY = date(2026, 11, 27)
# Digests of the rows (timestamps left out) the demo made through MemberData, MemberEvent and fold_periods
# before it drew them straight into rows (400 members, 4 cells, seed 11, TODAY).
DIGESTS = {
    "SELECT * FROM members ORDER BY rowid":
        (400, "6f0bf7fe866d86b3963a4045216501f00c1cc565d56f36b03c04c466d601ea16"),
    # The 829 events of the members' phase: the 830th is the removal a screening case decides after party life,
    # whose stream (and so the ids drawn after it) changed with the batched draws of demo_draws.
    "SELECT * FROM member_events ORDER BY rowid LIMIT 829":
        (829, "28e114fbcef3ab750b4647877ae13f635abe421f789c0af9f83eeaf5ba67bf0a"),
    "SELECT * FROM member_periods ORDER BY member_id, valid_from":
        (830, "ad18480bd77768792a97e476039c1478dbab0eb682e58da555761c7dc8f2f846"),
}


def _demo(tmp_path, members: int = 400, cells: int = 4):
    db = open_database(tmp_path / "demo.sqlite3", create=True)
    demo.generate(db, Actor("demo"), members=members, cells=cells, seed=11, today=TODAY)
    return db


def _digest(db, sql: str) -> tuple[int, str]:
    cursor = db.execute(sql)
    columns = [c[0] for c in cursor.description]
    digest = hashlib.sha256()
    count = 0
    for row in cursor:
        digest.update(repr(tuple(v for c, v in zip(columns, row, strict=True)
                                 if c not in ("created_at", "updated_at"))).encode())
        count += 1
    return count, digest.hexdigest()


def test_the_members_their_events_and_periods_are_the_rows_the_demo_always_drew(tmp_path):
    db = _demo(tmp_path)
    assert {sql: _digest(db, sql) for sql in DIGESTS} == DIGESTS


def test_every_members_periods_and_situation_are_the_fold_of_its_events(tmp_path):
    db = _demo(tmp_path, members=1500, cells=7)
    members = db.execute("SELECT id, cell_id, status FROM members").fetchall()
    kinds = set()
    for member_id, cell_id, status in members:
        history = events_repo.events_of(db, member_id)
        kinds |= {e.kind for e in history}
        full = db.execute("SELECT full_member_on FROM members WHERE id = ?", [member_id]).fetchone()[0]
        periods = fold_periods(member_id, history, date.fromisoformat(full) if full else None)
        stored = db.execute("SELECT * FROM member_periods WHERE member_id = ? ORDER BY valid_from",
                            [member_id]).fetchall()
        assert [tuple(r) for r in stored] == [tuple(events_repo.period_values(p)) for p in periods], member_id
        state = state_on(periods, TODAY) or periods[-1].state
        expected_cell = state.cell_id if state.present else next(
            (e.cell_id for e in reversed(history) if e.cell_id), None)
        assert (cell_id, status) == (expected_cell, (state.status or MemberStatus.FULL).value), member_id
    # The histories the demo draws: every kind of entry, change and exit it knows.
    assert {"ket_nap", "chinh_thuc", "chuyen_den", "chuyen_chi_bo", "mien_sinh_hoat", "di_lam_an_xa",
            "het_di_lam_an_xa", "tu_tran", "chuyen_di"} <= {k.value for k in kinds}
