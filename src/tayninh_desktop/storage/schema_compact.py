"""Migrations m035_compact_party_life (attendance and dues keyed by integers), m036_compact_reclaim (the
space they freed given back to the disk) and m037_meetings_by_kind (an index the warnings read), issue 11.

Attendance and dues are the register's big tables (100,000 members × 36 months: about 3.5 million rows
each). m002 keyed them by the UUIDs of the meeting and the member: two 36-character texts in every row and
again in every index, about two thirds of the file. From m035 their rows live in ``attendance_compact`` and
``dues_compact``, keyed by the integer row ids (``rowid``) of the meeting, the member and the cell, the
states stored as small integers (``party_life_codes``) and the month as the number 202611. UUIDs stay the
identity of members, meetings and cells everywhere they leave the database (returns, JSON, the audit log).

``attendance`` and ``dues`` remain, as VIEWs with the columns and values of m002/m006 (``meeting_id``,
``member_id`` and ``cell_id`` as UUIDs, the states as text, the month as "YYYY-MM"): SQL written against
them reads the same rows as before, and INSTEAD OF triggers turn a plain INSERT, UPDATE or DELETE on them
into the compact rows. The program's own paths read and write the compact tables.

The row ids are stable: ``members``, ``meetings`` and ``units`` all have indexes, and SQLite keeps the
rowids of such tables through VACUUM and the backup API (tests/storage/test_compact_tables.py). A meeting's
attendance goes with it (the ON DELETE CASCADE of m002, now a trigger).

The conversion runs inside the migration's transaction, after the verified copy that ``db.open_database``
makes before any pending migration; a row that cannot be keyed (a meeting or member missing, an unknown
state) stops the upgrade and leaves the register as it was. The new rows are recorded in the audit log
(every scope hashed again, ``audit.mark_everything``).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_upgrade import COLUMN_NAMES, TABLE_NAMES
from tayninh_desktop.storage import audit
from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script

_TABLES = """
CREATE TABLE attendance_compact (
    meeting_row INTEGER NOT NULL,
    member_row INTEGER NOT NULL,
    state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_row, member_row)
) WITHOUT ROWID;

CREATE TABLE dues_compact (
    member_row INTEGER NOT NULL,
    month INTEGER NOT NULL CHECK (month BETWEEN 100001 AND 999912 AND month % 100 BETWEEN 1 AND 12),
    cell_row INTEGER,
    amount INTEGER,
    state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 4),
    reason TEXT NOT NULL DEFAULT '',
    due INTEGER,
    amount_reason TEXT NOT NULL DEFAULT '',
    CHECK (amount IS NOT NULL OR due IS NOT NULL),
    PRIMARY KEY (member_row, month)
) WITHOUT ROWID;
"""

# Text → code, as in party_life_codes (tests/storage/test_compact_tables.py checks that the two agree).
_ATTENDANCE_CODE = ("CASE {x} WHEN 'co_mat' THEN 0 WHEN 'vang_co_ly_do' THEN 1 WHEN 'vang_khong_ly_do' THEN 2"
                    " WHEN 'mien' THEN 3 END")
_DUES_CODE = ("CASE {x} WHEN 'da_dong' THEN 0 WHEN 'chua_dong_co_ly_do' THEN 1 WHEN 'chua_dong' THEN 2"
              " WHEN 'mien' THEN 3 WHEN 'hoan_dong' THEN 4 END")
_ATTENDANCE_TEXT = ("CASE {x} WHEN 0 THEN 'co_mat' WHEN 1 THEN 'vang_co_ly_do' WHEN 2 THEN 'vang_khong_ly_do'"
                    " WHEN 3 THEN 'mien' END")
_DUES_TEXT = ("CASE {x} WHEN 0 THEN 'da_dong' WHEN 1 THEN 'chua_dong_co_ly_do' WHEN 2 THEN 'chua_dong'"
              " WHEN 3 THEN 'mien' WHEN 4 THEN 'hoan_dong' END")
_MONTH_CODE = "(CAST(substr({x}, 1, 4) AS INTEGER) * 100 + CAST(substr({x}, 6, 2) AS INTEGER))"
# The amount paid is stored only when it differs from the amount due (most months: as due), NULL otherwise.
_AMOUNT_STORED = "(CASE WHEN {a} = {d} THEN NULL ELSE {a} END)"
_MONTH_TEXT = "printf('%04d-%02d', {x} / 100, {x} % 100)"

_MEETING_ROW = "(SELECT rowid FROM meetings WHERE id = {x})"
_MEMBER_ROW = "(SELECT rowid FROM members WHERE id = {x})"
_CELL_ROW = "(SELECT rowid FROM units WHERE id = {x})"


def _copy_rows(db: Database) -> None:
    """The m002 rows into the compact tables, in key order; every row must find its meeting, member and state."""
    _refuse_unkeyable(db)
    db.execute(
        "INSERT INTO attendance_compact (meeting_row, member_row, state, reason)"
        f" SELECT g.rowid, m.rowid, {_ATTENDANCE_CODE.format(x='a.state')}, a.reason FROM attendance a"
        " JOIN meetings g ON g.id = a.meeting_id JOIN members m ON m.id = a.member_id ORDER BY 1, 2")
    db.execute(
        "INSERT INTO dues_compact (member_row, month, cell_row, amount, state, reason, due, amount_reason)"
        f" SELECT m.rowid, {_MONTH_CODE.format(x='d.month')}, u.rowid, {_AMOUNT_STORED.format(a='d.amount', d='d.due')},"
        f" {_DUES_CODE.format(x='d.state')}, d.reason, d.due, d.amount_reason FROM dues d"
        " JOIN members m ON m.id = d.member_id LEFT JOIN units u ON u.id = d.cell_id ORDER BY 1, 2")
    for old, new in (("attendance", "attendance_compact"), ("dues", "dues_compact")):
        before, after = (db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (old, new))
        if before != after:   # cannot happen after the checks above; never drop rows silently
            raise DomainError("upgrade_rows_lost", table=old, table_name=TABLE_NAMES[old], before=before, after=after)


def _refuse_unkeyable(db: Database) -> None:
    checks = (
        ("attendance", "meeting_id", ("SELECT COUNT(*) FROM attendance a WHERE NOT EXISTS"
                                      " (SELECT 1 FROM meetings g WHERE g.id = a.meeting_id)")),
        ("attendance", "member_id", ("SELECT COUNT(*) FROM attendance a WHERE NOT EXISTS"
                                     " (SELECT 1 FROM members m WHERE m.id = a.member_id)")),
        ("attendance", "state", f"SELECT COUNT(*) FROM attendance WHERE {_ATTENDANCE_CODE.format(x='state')} IS NULL"),
        ("dues", "member_id", ("SELECT COUNT(*) FROM dues d WHERE NOT EXISTS"
                               " (SELECT 1 FROM members m WHERE m.id = d.member_id)")),
        ("dues", "cell_id", ("SELECT COUNT(*) FROM dues d WHERE d.cell_id IS NOT NULL AND NOT EXISTS"
                             " (SELECT 1 FROM units u WHERE u.id = d.cell_id)")),
        ("dues", "state", f"SELECT COUNT(*) FROM dues WHERE {_DUES_CODE.format(x='state')} IS NULL"),
        ("dues", "month", ("SELECT COUNT(*) FROM dues WHERE month NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                           " OR CAST(substr(month, 6, 2) AS INTEGER) NOT BETWEEN 1 AND 12")),
    )
    for table, column, sql in checks:
        count = db.execute(sql).fetchone()[0]
        if count:
            raise DomainError("upgrade_unkeyable", table=table, table_name=TABLE_NAMES[table], column=column,
                              column_name=COLUMN_NAMES[column], count=count, path=getattr(db, "path_text", "") or "?")


# The exceptions the warnings read (unexcused absences, months unpaid without reason), small partial indexes; the
# state is in them although constant, because SQLite reads a partial index alone (without a lookup of each row
# in the table) only when the index holds every column the query names, its WHERE's included.
_INDEXES = """
CREATE INDEX attendance_absent ON attendance_compact(member_row, state) WHERE state = 2;
CREATE INDEX dues_unpaid ON dues_compact(month, member_row, state) WHERE state = 2;
CREATE TRIGGER meetings_attendance_cascade AFTER DELETE ON meetings BEGIN
    DELETE FROM attendance_compact WHERE meeting_row = OLD.rowid;
END;
"""


def _views() -> str:
    a_text, d_text = _ATTENDANCE_TEXT.format(x="a.state"), _DUES_TEXT.format(x="d.state")
    return f"""
CREATE VIEW attendance AS
    SELECT g.id AS meeting_id, m.id AS member_id, {a_text} AS state, a.reason AS reason
    FROM attendance_compact a JOIN meetings g ON g.rowid = a.meeting_row JOIN members m ON m.rowid = a.member_row;

CREATE VIEW dues AS
    SELECT m.id AS member_id, {_MONTH_TEXT.format(x='d.month')} AS month, u.id AS cell_id,
        ifnull(d.amount, d.due) AS amount,
        {d_text} AS state, d.reason AS reason, d.due AS due, d.amount_reason AS amount_reason
    FROM dues_compact d JOIN members m ON m.rowid = d.member_row LEFT JOIN units u ON u.rowid = d.cell_row;
"""


def _view_triggers() -> str:
    new_meeting, old_meeting = _MEETING_ROW.format(x="NEW.meeting_id"), _MEETING_ROW.format(x="OLD.meeting_id")
    new_member, old_member = _MEMBER_ROW.format(x="NEW.member_id"), _MEMBER_ROW.format(x="OLD.member_id")
    a_code, d_code = _ATTENDANCE_CODE.format(x="NEW.state"), _DUES_CODE.format(x="NEW.state")
    month = _MONTH_CODE.format(x="NEW.month")
    old_month = _MONTH_CODE.format(x="OLD.month")
    cell = _CELL_ROW.format(x="NEW.cell_id")
    amount = _AMOUNT_STORED.format(a="ifnull(NEW.amount, 0)", d="NEW.due")
    return f"""
CREATE TRIGGER attendance_insert INSTEAD OF INSERT ON attendance BEGIN
    INSERT INTO attendance_compact (meeting_row, member_row, state, reason)
    VALUES ({new_meeting}, {new_member}, {a_code}, ifnull(NEW.reason, ''));
END;
CREATE TRIGGER attendance_update INSTEAD OF UPDATE ON attendance BEGIN
    UPDATE attendance_compact SET meeting_row = {new_meeting}, member_row = {new_member}, state = {a_code},
        reason = ifnull(NEW.reason, '')
    WHERE meeting_row = {old_meeting} AND member_row = {old_member};
END;
CREATE TRIGGER attendance_delete INSTEAD OF DELETE ON attendance BEGIN
    DELETE FROM attendance_compact WHERE meeting_row = {old_meeting} AND member_row = {old_member};
END;
CREATE TRIGGER dues_insert INSTEAD OF INSERT ON dues BEGIN
    INSERT INTO dues_compact (member_row, month, cell_row, amount, state, reason, due, amount_reason)
    VALUES ({new_member}, {month}, {cell}, {amount}, {d_code}, ifnull(NEW.reason, ''), NEW.due,
            ifnull(NEW.amount_reason, ''));
END;
CREATE TRIGGER dues_update INSTEAD OF UPDATE ON dues BEGIN
    UPDATE dues_compact SET member_row = {new_member}, month = {month}, cell_row = {cell},
        amount = {amount}, state = {d_code}, reason = ifnull(NEW.reason, ''), due = NEW.due,
        amount_reason = ifnull(NEW.amount_reason, '')
    WHERE member_row = {old_member} AND month = {old_month};
END;
CREATE TRIGGER dues_delete INSTEAD OF DELETE ON dues BEGIN
    DELETE FROM dues_compact WHERE member_row = {old_member} AND month = {old_month};
END;
"""


@MIGRATIONS()
def m035_compact_party_life(db: Database) -> None:
    """Attendance and dues keyed by the integer row ids of meeting, member and cell; views under the old names."""
    run_script(db, _TABLES)
    _copy_rows(db)
    moved = db.execute("SELECT EXISTS (SELECT 1 FROM attendance_compact) OR EXISTS (SELECT 1 FROM dues_compact)"
                       ).fetchone()[0]
    run_script(db, "DROP TABLE attendance;\nDROP TABLE dues;")
    run_script(db, _INDEXES)
    run_script(db, _views())
    run_script(db, _view_triggers())
    if moved and keyed_log(db):
        # The rows changed their form (and the row hashes with them): record the register as it now is.
        audit.mark_everything(db)
        audit.append(db, audit.SYSTEM_ACTOR, "upgrade_compact_party_life", "register", None, None,
                     {"migration": "m035_compact_party_life",
                      "attendance": db.execute("SELECT COUNT(*) FROM attendance_compact").fetchone()[0],
                      "dues": db.execute("SELECT COUNT(*) FROM dues_compact").fetchone()[0]})


def keyed_log(db: Database) -> bool:
    """The keyed audit log exists (m014 applied): a register from before it is recorded by its baseline seal."""
    return "mac_version" in {r[1] for r in db.execute("PRAGMA table_info(audit_log)")}


# The space the UUID-keyed tables took (two thirds of a large register) is free after m035 but still in the file.
RECLAIM_SHARE = 0.2   # reclaimed when at least this share of the file is free pages


@MIGRATIONS(transactional=False)
def m036_compact_reclaim(db: Database) -> None:
    """Give back to the disk the pages m035 freed (VACUUM, outside any transaction; row ids are kept: every table
    whose row ids are referenced has an index). A register with little free space, or a disk too full for the
    temporary copy VACUUM makes, is left as it is: the space is reused by later writes."""
    reclaim(db, RECLAIM_SHARE)


def reclaim(db: Database, share: float) -> None:
    """VACUUM when at least ``share`` of the file is free pages (m036, m049); a disk too full for the temporary
    copy, or a register busy, leaves it as it is."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    if not pages or free < pages * share:
        return
    try:
        db.execute("VACUUM")
    except sqlite3.OperationalError:   # disk full, or the register busy: not worth refusing to open for
        return


@MIGRATIONS()
def m037_meetings_by_kind(db: Database) -> None:
    """The meetings of a kind in a date range, with their cell, read from an index alone: the warnings ask for
    every cell's regular meetings of the year and for the month and kind of every absence (30,000 meetings a
    year on the 100,000-member register), which otherwise read each meeting's whole row."""
    run_script(db, "CREATE INDEX meetings_kind_date ON meetings(kind, meeting_date, cell_id);")
