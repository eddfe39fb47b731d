"""The command line's demo builds its new register staged (no syncs, the rows committed as each step finishes
them while a helper process hashes those tables, the audit entry that records them in a last transaction): the
register is the one a single transaction gives, row for row, its recorded hashes are what ``check`` computes, and
the helper hashed its tables."""

from datetime import date

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import demo
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


def test_the_staged_demo_checks_and_its_helper_hashed_the_party_life(tmp_path, monkeypatch):
    from tayninh_desktop.storage.early_hashes import EarlyHashes

    hashed: list[set[str]] = []
    original = EarlyHashes.hashed
    monkeypatch.setattr(EarlyHashes, "hashed", lambda self: hashed.append(original(self)) or hashed[-1])
    path = tmp_path / "staged.sqlite3"
    db = open_database(path, create=True)
    demo.generate(db, Actor("demo"), members=120, seed=5, today=TODAY, staged=True)
    assert hashed == [{"members", "member_events", "member_periods", "meetings", "attendance_compact",
                       "dues_compact", "dues_terms", "dues_reliefs", "ratings", "task_assignments", "discipline",
                       "transfer_letters", "away_contacts", "dues_payments", "away_leaves", "away_returns",
                       "exit_grounds", "support_households", "support_loans", "support_interest_payments",
                       "support_outreach"}]
    assert verify_rows(db).problems == []
    chain = verify_chain(db)
    assert chain.ok and chain.unverifiable == 0
    assert not list(tmp_path.glob("*.digests*"))   # the helper's file removed
    db.conn.close()
