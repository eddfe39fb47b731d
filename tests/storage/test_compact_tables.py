"""Attendance and dues keyed by integers (m035): the upgrade of a register made before it, the views under the old
names, the codes, the row ids that must never move."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tayninh_desktop.services import integrity
from tayninh_desktop.storage import party_life_codes, row_hashes
from tayninh_desktop.storage.backup import BACKUP_MARK
from tayninh_desktop.storage.db import backups_dir, open_database
from tests.storage import old_registers, register_figures
from tests.storage.old_registers import assert_same, assert_upgrade_refused

NAMES = ("attendance", "dues", "attendance_compact", "dues_compact")


@pytest.fixture(scope="module")
def before() -> dict:
    return old_registers.figures("before_m035")


@pytest.fixture
def old_register(tmp_path, before) -> Path:
    """The register the program made before m035 (its key on this computer, as on the one that made it)."""
    return old_registers.unpack("before_m035", before["key"], tmp_path / "so-cu.sqlite3")


def tables(path: Path) -> dict[str, str]:
    return old_registers.table_kinds(path, NAMES)


def test_the_old_register_is_upgraded_with_every_figure_unchanged(old_register, before):
    assert tables(old_register) == {"attendance": "table", "dues": "table"}
    size = old_register.stat().st_size
    db = open_database(old_register)
    try:
        # m036 gave the freed pages back (the few m048 frees later, under a tenth of the file, stay for later writes)
        pages, free = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "freelist_count"))
        assert free < pages * 0.1
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert old_register.stat().st_size - free * db.execute("PRAGMA page_size").fetchone()[0] < size * 0.7
        assert tables(old_register) == {"attendance": "view", "dues": "view", "attendance_compact": "table",
                                        "dues_compact": "table"}
        after = register_figures.figures(db)
        entry = db.execute("SELECT actor, after_json FROM audit_log WHERE action = 'upgrade_compact_party_life'"
                           ).fetchone()
    finally:
        db.conn.close()
    # Kinds of warning added since the register was made, and fields added to what the services return, are not
    # figures of the program that made it: every figure that program gave must be there, the same.
    after["warnings"] = [w for w in after["warnings"] if w["kind"] in before["warning_kinds"]]
    # The same warnings, in whatever order the program lists them now (cells are ordered by code since); their
    # figures, not their sentences (numbers are written the Vietnamese way since: 25,9 %).
    old_warnings = [{k: v for k, v in w.items() if k != "evidence"} for w in before["figures"].get("warnings", [])]
    after["warnings"] = [{k: v for k, v in w.items() if k != "evidence"} for w in after["warnings"]]
    fields = sorted({key for w in old_warnings for key in w})

    def by_fields(w: dict) -> str:
        return json.dumps([w.get(key) for key in fields], ensure_ascii=False, sort_keys=True, default=str)

    after["warnings"] = sorted(after["warnings"], key=by_fields)
    before = {**before, "figures": {**before["figures"], "warnings": sorted(old_warnings, key=by_fields)}}
    for name, figure in before["figures"].items():
        assert_same(figure, after[name], name)
    assert len(after["warnings"]) == 17 and after["counts"] == [[150, 221, 5170, 4787]]
    assert json.loads(entry[1]) == {"migration": "m035_compact_party_life", "attendance": 5170, "dues": 4787}
    report = integrity.check_file(old_register)
    assert report.ok and not report.findings() and not report.pending_migrations



def test_a_verified_copy_is_made_before_the_upgrade(old_register, before):
    db = open_database(old_register)
    db.conn.close()
    (copy,) = backups_dir(old_register).glob("truoc-nang-cap-*.sqlite3")
    conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == BACKUP_MARK
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'attendance'").fetchone()[0] == "table"
        counts = conn.execute(register_figures.SQL_FIGURES["counts"]).fetchall()
    finally:
        conn.close()
    assert [list(r) for r in counts] == before["figures"]["counts"]


@pytest.mark.parametrize(("sql", "column"), [
    (("INSERT INTO attendance (meeting_id, member_id, state, reason)"
      " SELECT meeting_id, 'khong-co', state, reason FROM attendance LIMIT 1"), "member_id"),
    (("UPDATE dues SET state = 'da_tra' WHERE (member_id, month) ="
      " (SELECT member_id, month FROM dues ORDER BY member_id, month LIMIT 1)"), "state"),
])
def test_a_row_that_cannot_be_keyed_stops_the_upgrade_and_changes_nothing(old_register, sql, column):
    assert_upgrade_refused(old_register, sql, column)
    assert tables(old_register) == {"attendance": "table", "dues": "table"}


def test_the_views_read_and_write_the_compact_rows(demo_copy):
    conn = sqlite3.connect(demo_copy)
    member_id, month, amount = conn.execute("SELECT member_id, month, amount FROM dues WHERE state = 'da_dong'"
                                            " ORDER BY member_id, month LIMIT 1").fetchone()
    conn.execute("UPDATE dues SET amount = amount + 1000, state = 'chua_dong' WHERE member_id = ? AND month = ?",
                 (member_id, month))
    row = conn.execute("SELECT d.amount, d.state, d.month FROM dues_compact d JOIN members m ON m.rowid = d.member_row"
                       " WHERE m.id = ? AND d.month = ?", (member_id, party_life_codes.month_code(month))).fetchone()
    assert row == (amount + 1000, party_life_codes.DUES_CODES["chua_dong"], party_life_codes.month_code(month))
    meeting_id, present = conn.execute("SELECT meeting_id, COUNT(*) FROM attendance WHERE state = 'co_mat'"
                                       " GROUP BY meeting_id ORDER BY meeting_id LIMIT 1").fetchone()
    conn.execute("DELETE FROM attendance WHERE meeting_id = ? AND state = 'co_mat'", (meeting_id,))
    assert conn.execute("SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND state = 'co_mat'",
                        (meeting_id,)).fetchone()[0] == 0
    conn.execute("INSERT INTO attendance (meeting_id, member_id, state) SELECT ?, id, 'vang_co_ly_do' FROM members"
                 " ORDER BY id LIMIT 1", (meeting_id,))
    assert conn.execute("SELECT state, reason FROM attendance WHERE meeting_id = ? AND member_id ="
                        " (SELECT id FROM members ORDER BY id LIMIT 1)", (meeting_id,)).fetchone() == ("vang_co_ly_do", "")
    with pytest.raises(sqlite3.IntegrityError):   # an unknown member or state is refused, as a foreign key was
        conn.execute("INSERT INTO dues (member_id, month, state) VALUES ('khong-co', '2026-01', 'da_dong')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO dues (member_id, month, state) VALUES (?, '2026-13', 'da_dong')", (member_id,))
    conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))   # its attendance goes with it
    assert conn.execute("SELECT COUNT(*) FROM attendance_compact WHERE meeting_row NOT IN"
                        " (SELECT rowid FROM meetings)").fetchone()[0] == 0
    assert present > 0
    conn.rollback()
    conn.close()


def test_the_codes_of_the_program_and_of_the_views_agree(fresh_db):
    pairs = [(table, text, code) for table, codes in (("attendance", party_life_codes.ATTENDANCE_CODES),
                                                    ("dues", party_life_codes.DUES_CODES))
             for text, code in codes.items()]
    for table, text, code in pairs:
        sql = f"SELECT sql FROM sqlite_master WHERE name = '{table}'"
        view = fresh_db.execute(sql).fetchone()[0]
        assert f"WHEN {code} THEN '{text}'" in view
        trigger = fresh_db.execute(f"SELECT sql FROM sqlite_master WHERE name = '{table}_insert'").fetchone()[0]
        assert f"WHEN '{text}' THEN {code}" in trigger
    assert party_life_codes.month_text(party_life_codes.month_code("2026-02")) == "2026-02"


def test_vacuum_keeps_every_row_id_and_figure(demo_copy):
    """The compact rows hold row ids of members, meetings and cells: SQLite keeps the row ids of tables that have
    an index through VACUUM (and the backup API copies pages), so nothing points elsewhere afterwards."""
    db = open_database(demo_copy)
    before = register_figures.figures(db)
    db.conn.close()
    conn = sqlite3.connect(demo_copy)
    conn.execute("VACUUM")
    conn.close()
    db = open_database(demo_copy)
    after = register_figures.figures(db)
    db.conn.close()
    assert after == before
    assert integrity.check_file(demo_copy).ok


def test_a_compact_table_hashes_the_same_in_whatever_order_its_rows_were_written(tmp_path, demo_db_path):
    path = tmp_path / "xao-tron.sqlite3"
    shutil.copy(demo_db_path, path)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT * FROM attendance_compact").fetchall()
    random.Random(3).shuffle(rows)
    conn.execute("DELETE FROM attendance_compact")
    conn.executemany("INSERT INTO attendance_compact VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    everything = row_hashes.scope_hashes(conn)
    meetings = [s for s in everything if s.startswith("meeting:")]
    some = random.Random(5).sample(meetings, 25)
    assert row_hashes.scope_hashes(conn, some) == {s: everything[s] for s in some}
    original = sqlite3.connect(demo_db_path)
    assert row_hashes.scope_hashes(original, some) == {s: everything[s] for s in some}
    original.close()
    conn.close()


def test_a_column_added_with_an_empty_default_changes_no_recorded_hash(demo_copy):
    """Another area's migration may add a column to any table, the compact ones included: the rows recorded
    before still verify, and a value written into the new column is seen."""
    conn = sqlite3.connect(demo_copy)
    before = row_hashes.scope_hashes(conn)
    for table in ("members", "meetings", "dues_compact", "attendance_compact"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN ghi_chu_moi TEXT NOT NULL DEFAULT ''")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN so_moi INTEGER")
    assert row_hashes.scope_hashes(conn) == before
    member_row, member_id = conn.execute("SELECT rowid, id FROM members ORDER BY id LIMIT 1").fetchone()
    conn.execute("UPDATE dues_compact SET ghi_chu_moi = 'x' WHERE member_row = ? AND month ="
                 " (SELECT MIN(month) FROM dues_compact WHERE member_row = ?)", (member_row, member_row))
    changed = row_hashes.scope_hashes(conn, [f"member:{member_id}"])[f"member:{member_id}"]
    assert row_hashes.tables_of(changed)["dues"] != row_hashes.tables_of(before[f"member:{member_id}"])["dues"]
    conn.close()


def test_a_blob_slipped_into_a_text_column_is_named(demo_copy):
    db = open_database(demo_copy)
    db.conn.close()
    conn = sqlite3.connect(demo_copy)
    member_id = conn.execute("SELECT id FROM members ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute("UPDATE members SET notes = x'00ff' WHERE id = ?", (member_id,))
    conn.execute("UPDATE attendance_compact SET reason = x'41' WHERE meeting_row = (SELECT MIN(meeting_row)"
                 " FROM attendance_compact)")
    conn.commit()
    conn.close()
    found = {(f.data["scope"], f.data["tables"]) for f in integrity.check_file(demo_copy).rows}
    assert ("member", "members") in found and ("meeting", "attendance") in found
