"""The command line's demo builds its new register staged (no write-ahead log, no syncs, the rows in one
transaction and the audit entry that records them in a second, hashed beside a helper process): the register is
the one a single transaction gives, row for row, its recorded hashes are what ``check`` computes, and the helper's
share of the hashes is what the program computes alone."""

import sqlite3
from datetime import date

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import demo
from tayninh_desktop.storage import parallel_hashes, row_hashes
from tayninh_desktop.storage.audit_verify import verify_chain, verify_rows
from tayninh_desktop.storage.db import open_database

TODAY = date(2026, 11, 27)
NOT_COMPARED = ("audit_log", "audit_rows", "_sqlite_migrations")   # times (in the hashes too), the chain's key
# m048's tables keep their times as numbers of seconds: compared through their views, whose times are texts.
THROUGH_VIEWS = {"ratings_compact": "ratings", "tasks_compact": "task_assignments"}


def _build(path, staged: bool) -> dict:
    db = open_database(path, create=True)
    demo.generate(db, Actor("demo"), members=120, seed=5, today=TODAY, staged=staged)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2   # FULL again
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                                       " 'sqlite_%' AND name NOT LIKE 'members_fts%' ORDER BY name")]
    tables = [THROUGH_VIEWS.get(t, t) for t in tables if t not in NOT_COMPARED]
    rows = {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in tables}
    rows["audit_rows"] = db.execute("SELECT seq, scope FROM audit_rows ORDER BY seq, scope").fetchall()
    rows["audit_log"] = db.execute("SELECT seq, actor, action, entity, entity_id, after_json, rows_digest = ''"
                                   " FROM audit_log ORDER BY seq").fetchall()
    db.conn.close()
    return rows


def _without_times(rows: dict) -> dict:
    def clean(value):
        return "T" if isinstance(value, str) and len(value) == 25 and value[10] == "T" else value
    return {t: [tuple(clean(v) for v in r) for r in found] for t, found in rows.items()}


def test_the_staged_demo_is_the_one_transaction_demo(tmp_path):
    staged = _build(tmp_path / "staged.sqlite3", staged=True)
    single = _build(tmp_path / "single.sqlite3", staged=False)
    assert _without_times(staged).keys() == _without_times(single).keys()
    for table in staged:
        assert _without_times(staged)[table] == _without_times(single)[table], table
    assert {r[0] for r in staged["audit_rows"]} == {staged["audit_log"][-1][0]}   # the demo's entry records all


def test_the_staged_demo_checks_and_its_helper_hashes_as_the_program_does(tmp_path):
    path = tmp_path / "staged.sqlite3"
    db = open_database(path, create=True)
    demo.generate(db, Actor("demo"), members=120, seed=5, today=TODAY, staged=True)
    assert verify_rows(db).problems == []
    chain = verify_chain(db)
    assert chain.ok and chain.unverifiable == 0
    db.conn.close()
    conn = sqlite3.connect(path)
    alone = list(row_hashes.iter_scope_hashes(conn))
    shared = list(parallel_hashes.iter_scope_hashes(conn, str(path)))
    assert any(scope.startswith("meeting:") for scope, _ in alone)
    assert sorted(shared) == sorted(alone)
    assert parallel_hashes.side_kinds(str(path)) == [r for r in alone if r[0].startswith("meeting:")]
    conn.close()
