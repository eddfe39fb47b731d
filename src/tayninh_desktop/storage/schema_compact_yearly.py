"""Migrations m048_compact_ratings_tasks (ratings and yearly tasks keyed by integers) and m049_compact_yearly_reclaim
(the space they freed given back to the disk), issue 11.

Ratings and task assignments are a row per member and year (100,000 members × 3 years: 280,000 rows each). m002
keyed them by a UUID of their own and the member's UUID, with an index on each and two 25-character timestamps in
every row: about 150 MB of the 100,000-member register. From m048 their rows live in ``ratings_compact`` and
``tasks_compact``, keyed by what the office looks them up by, the member's integer row id and the year (the
unique index of m002), the rating's level a small integer (``party_life_codes``), the timestamps whole seconds
since 1970 (``created``; ``updated`` NULL while it is the same). The row's own UUID (``id``) stays with it, as a
plain column: it has left the database (the audit log, the command line) and is given back unchanged. A value the
integer form would not give back exactly (a timestamp not written by the program) is kept as the text it was.

``ratings`` and ``task_assignments`` remain, as VIEWs with the columns and values of m002: SQL written against
them reads the same rows as before, and INSTEAD OF triggers turn a plain INSERT, UPDATE or DELETE on them into
the compact rows. The program's own paths read and write the compact tables (``ratings_repo``).

The conversion runs inside the migration's transaction, after the verified copy that ``db.open_database`` makes
before any pending migration; a row that cannot be keyed (its member missing, an unknown level) stops the upgrade
and leaves the register as it was. The row hashes read ratings and tasks through the views, which give the rows
of m002 unchanged: the hashes recorded before the upgrade still hold, and ``check`` vouches for the moved rows
without recording the register again (``row_hashes.THROUGH_VIEW``).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_upgrade import COLUMN_NAMES, TABLE_NAMES
from tayninh_desktop.storage import audit
from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.schema_compact import keyed_log, reclaim
from tayninh_desktop.storage.sql_script import run_script

# ``created`` and ``updated`` have no declared type: an integer (seconds since 1970, UTC) or, when a text is not
# one the program writes, that text as it was.
_TABLES = """
CREATE TABLE ratings_compact (
    member_row INTEGER NOT NULL,
    year INTEGER NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    score INTEGER,
    rule_code TEXT NOT NULL DEFAULT '',
    not_rated_reason TEXT,
    notes TEXT NOT NULL DEFAULT '',
    id TEXT NOT NULL,
    created NOT NULL,
    updated,
    PRIMARY KEY (member_row, year)
) WITHOUT ROWID;

CREATE TABLE tasks_compact (
    member_row INTEGER NOT NULL,
    year INTEGER NOT NULL,
    task TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    id TEXT NOT NULL,
    created NOT NULL,
    updated,
    PRIMARY KEY (member_row, year)
) WITHOUT ROWID;
"""

# Text → code, as in party_life_codes.RATING_CODES (tests/storage/test_compact_yearly.py checks that they agree).
_LEVEL_CODE = ("CASE {x} WHEN 'xuat_sac' THEN 0 WHEN 'tot' THEN 1 WHEN 'hoan_thanh' THEN 2"
               " WHEN 'khong_hoan_thanh' THEN 3 WHEN 'khong_xep_loai' THEN 4 END")
_LEVEL_TEXT = ("CASE {x} WHEN 0 THEN 'xuat_sac' WHEN 1 THEN 'tot' WHEN 2 THEN 'hoan_thanh'"
               " WHEN 3 THEN 'khong_hoan_thanh' WHEN 4 THEN 'khong_xep_loai' END")
# A timestamp as the program writes it ("2026-12-02T07:03:05+00:00") ↔ seconds since 1970; any other text as it is.
_ISO = "'%Y-%m-%dT%H:%M:%S+00:00'"
_SECONDS = "CAST(strftime('%s', substr({x}, 1, 19)) AS INTEGER)"
_STAMP_CODE = ("(CASE WHEN typeof({x}) = 'text' AND length({x}) = 25 AND substr({x}, 20) = '+00:00'"
               f" AND strftime({_ISO}, {_SECONDS}, 'unixepoch') = {{x}} THEN {_SECONDS} ELSE {{x}} END)")
_STAMP_TEXT = f"(CASE WHEN typeof({{x}}) = 'integer' THEN strftime({_ISO}, {{x}}, 'unixepoch') ELSE {{x}} END)"
# ``updated``: NULL while it is ``created``.
_UPDATED_CODE = "(CASE WHEN {u} IS {c} THEN NULL ELSE " + _STAMP_CODE.format(x="{u}") + " END)"
_MEMBER_ROW = "(SELECT rowid FROM members WHERE id = {x})"


def _stamp(x: str) -> str:
    return _STAMP_CODE.replace("{x}", x)


def _updated(u: str, c: str) -> str:
    return _UPDATED_CODE.replace("{u}", u).replace("{c}", c)


def _copy_rows(db: Database) -> None:
    """The m002 rows into the compact tables, in key order; every row must find its member and level."""
    _refuse_unkeyable(db)
    db.execute(
        "INSERT INTO ratings_compact (member_row, year, level, score, rule_code, not_rated_reason, notes, id,"
        " created, updated)"
        f" SELECT m.rowid, r.year, {_LEVEL_CODE.format(x='r.level')}, r.score, r.rule_code, r.not_rated_reason,"
        f" r.notes, r.id, {_stamp('r.created_at')}, {_updated('r.updated_at', 'r.created_at')}"
        " FROM ratings r JOIN members m ON m.id = r.member_id ORDER BY 1, 2")
    db.execute(
        "INSERT INTO tasks_compact (member_row, year, task, notes, id, created, updated)"
        f" SELECT m.rowid, t.year, t.task, t.notes, t.id, {_stamp('t.created_at')},"
        f" {_updated('t.updated_at', 't.created_at')}"
        " FROM task_assignments t JOIN members m ON m.id = t.member_id ORDER BY 1, 2")
    for old, new in (("ratings", "ratings_compact"), ("task_assignments", "tasks_compact")):
        before, after = (db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (old, new))
        if before != after:   # cannot happen after the checks above; never drop rows silently
            raise DomainError("upgrade_rows_lost", table=old, table_name=TABLE_NAMES[old], before=before, after=after)


def _refuse_unkeyable(db: Database) -> None:
    checks = (
        ("ratings", "member_id", ("SELECT COUNT(*) FROM ratings r WHERE NOT EXISTS"
                                  " (SELECT 1 FROM members m WHERE m.id = r.member_id)")),
        ("ratings", "level", f"SELECT COUNT(*) FROM ratings WHERE {_LEVEL_CODE.format(x='level')} IS NULL"),
        ("task_assignments", "member_id", ("SELECT COUNT(*) FROM task_assignments t WHERE NOT EXISTS"
                                           " (SELECT 1 FROM members m WHERE m.id = t.member_id)")),
    )
    for table, column, sql in checks:
        count = db.execute(sql).fetchone()[0]
        if count:
            raise DomainError("upgrade_unkeyable", table=table, table_name=TABLE_NAMES[table], column=column,
                              column_name=COLUMN_NAMES[column], count=count, path=getattr(db, "path_text", "") or "?")


# The ratings of a year by level (the quota, the dashboard, the statistics, the warnings' incomplete years).
_INDEXES = """
CREATE INDEX ratings_year_level ON ratings_compact(year, level);
"""


def _views() -> str:
    level = _LEVEL_TEXT.format(x="r.level")

    def stamps(t: str) -> str:
        return (f"{_STAMP_TEXT.format(x=f'{t}.created')} AS created_at,"
                f" {_STAMP_TEXT.format(x=f'ifnull({t}.updated, {t}.created)')} AS updated_at")
    return f"""
CREATE VIEW ratings AS
    SELECT r.id AS id, m.id AS member_id, r.year AS year, {level} AS level, r.score AS score,
        r.rule_code AS rule_code, r.not_rated_reason AS not_rated_reason, r.notes AS notes, {stamps('r')}
    FROM ratings_compact r JOIN members m ON m.rowid = r.member_row;

CREATE VIEW task_assignments AS
    SELECT t.id AS id, m.id AS member_id, t.year AS year, t.task AS task, t.notes AS notes, {stamps('t')}
    FROM tasks_compact t JOIN members m ON m.rowid = t.member_row;
"""


def _view_triggers() -> str:
    new_member, old_member = _MEMBER_ROW.format(x="NEW.member_id"), _MEMBER_ROW.format(x="OLD.member_id")
    level = _LEVEL_CODE.format(x="NEW.level")
    created, updated = _stamp("NEW.created_at"), _updated("NEW.updated_at", "NEW.created_at")
    return f"""
CREATE TRIGGER ratings_insert INSTEAD OF INSERT ON ratings BEGIN
    INSERT INTO ratings_compact (member_row, year, level, score, rule_code, not_rated_reason, notes, id, created,
        updated)
    VALUES ({new_member}, NEW.year, {level}, NEW.score, ifnull(NEW.rule_code, ''), NEW.not_rated_reason,
        ifnull(NEW.notes, ''), NEW.id, {created}, {updated});
END;
CREATE TRIGGER ratings_update INSTEAD OF UPDATE ON ratings BEGIN
    UPDATE ratings_compact SET member_row = {new_member}, year = NEW.year, level = {level}, score = NEW.score,
        rule_code = ifnull(NEW.rule_code, ''), not_rated_reason = NEW.not_rated_reason,
        notes = ifnull(NEW.notes, ''), id = NEW.id, created = {created}, updated = {updated}
    WHERE member_row = {old_member} AND year = OLD.year;
END;
CREATE TRIGGER ratings_delete INSTEAD OF DELETE ON ratings BEGIN
    DELETE FROM ratings_compact WHERE member_row = {old_member} AND year = OLD.year;
END;
CREATE TRIGGER task_assignments_insert INSTEAD OF INSERT ON task_assignments BEGIN
    INSERT INTO tasks_compact (member_row, year, task, notes, id, created, updated)
    VALUES ({new_member}, NEW.year, NEW.task, ifnull(NEW.notes, ''), NEW.id, {created}, {updated});
END;
CREATE TRIGGER task_assignments_update INSTEAD OF UPDATE ON task_assignments BEGIN
    UPDATE tasks_compact SET member_row = {new_member}, year = NEW.year, task = NEW.task,
        notes = ifnull(NEW.notes, ''), id = NEW.id, created = {created}, updated = {updated}
    WHERE member_row = {old_member} AND year = OLD.year;
END;
CREATE TRIGGER task_assignments_delete INSTEAD OF DELETE ON task_assignments BEGIN
    DELETE FROM tasks_compact WHERE member_row = {old_member} AND year = OLD.year;
END;
"""


@MIGRATIONS()
def m048_compact_ratings_tasks(db: Database) -> None:
    """Ratings and yearly tasks keyed by the member's integer row id and the year; views under the old names."""
    run_script(db, _TABLES)
    _copy_rows(db)
    moved = db.execute("SELECT EXISTS (SELECT 1 FROM ratings_compact) OR EXISTS (SELECT 1 FROM tasks_compact)"
                       ).fetchone()[0]
    run_script(db, "DROP TABLE ratings;\nDROP TABLE task_assignments;")
    run_script(db, _INDEXES)
    run_script(db, _views())
    run_script(db, _view_triggers())
    if moved and keyed_log(db):
        # The rows changed their form, not their values: hashed through the views (row_hashes.THROUGH_VIEW) they
        # give the digests recorded before, so nothing is recorded again; the entry says what was moved.
        audit.append(db, audit.SYSTEM_ACTOR, "upgrade_compact_ratings_tasks", "register", None, None,
                     {"migration": "m048_compact_ratings_tasks",
                      "ratings": db.execute("SELECT COUNT(*) FROM ratings_compact").fetchone()[0],
                      "task_assignments": db.execute("SELECT COUNT(*) FROM tasks_compact").fetchone()[0]})


# m048 frees about a fifth of the 100,000-member register (a twentieth of the 150-member demo, whose other tables
# weigh more per member): reclaimed from a tenth of the file on, the rest left to later writes.
RECLAIM_SHARE = 0.1


@MIGRATIONS(transactional=False)
def m049_compact_yearly_reclaim(db: Database) -> None:
    """Give back to the disk the pages m048 freed, as m036 does for m035's (``schema_compact.reclaim``)."""
    reclaim(db, RECLAIM_SHARE)
