"""Ratings and yearly tasks keyed by integers (m048, m049): the upgrade of a register made by the program before it,
the views under the old names, the codes and the stored timestamps."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tayninh_desktop.services import integrity
from tayninh_desktop.storage import party_life_codes
from tayninh_desktop.storage.backup import BACKUP_MARK
from tayninh_desktop.storage.db import backups_dir, open_database
from tests.storage import old_registers, rating_figures
from tests.storage.old_registers import assert_same, assert_upgrade_refused

NAMES = ("ratings", "task_assignments", "ratings_compact", "tasks_compact")


@pytest.fixture(scope="module")
def before() -> dict:
    return old_registers.figures("before_m048")


@pytest.fixture
def old_register(tmp_path, before) -> Path:
    """The register the program made before m048 (its key on this computer, as on the one that made it)."""
    return old_registers.unpack("before_m048", before["key"], tmp_path / "so-truoc-m048.sqlite3")


def tables(path: Path) -> dict[str, str]:
    return old_registers.table_kinds(path, NAMES)


def test_the_register_of_today_is_upgraded_with_every_figure_unchanged(old_register, before):
    assert tables(old_register) == {"ratings": "table", "task_assignments": "table"}
    conn = sqlite3.connect(old_register)
    recorded = conn.execute("SELECT COUNT(*), SUM(length(hash)) FROM audit_rows").fetchone()
    conn.close()
    db = open_database(old_register)
    try:
        # (a small register's freed pages, under a tenth of it, are left to later writes; m049 gives back a large
        # one's: bench/README.md)
        assert tables(old_register) == {"ratings": "view", "task_assignments": "view", "ratings_compact": "table",
                                        "tasks_compact": "table"}
        after = rating_figures.figures(db)
        entry = db.execute("SELECT actor, after_json FROM audit_log WHERE action = 'upgrade_compact_ratings_tasks'"
                           ).fetchone()
        report = integrity.check(db)
        # Hashed through the views, the moved rows give the digests recorded before: nothing is recorded again.
        assert db.execute("SELECT COUNT(*), SUM(length(hash)) FROM audit_rows").fetchone() == recorded
    finally:
        db.conn.close()
    after["warnings"] = [w for w in after["warnings"] if w["kind"] in before["warning_kinds"]]
    for name, figure in before["figures"].items():
        assert_same(figure, after[name], name)
    counts = before["figures"]["counts"][0]
    assert json.loads(entry[1]) == {"migration": "m048_compact_ratings_tasks", "ratings": counts[1],
                                    "task_assignments": counts[2]}
    assert report.ok, report.as_dict()   # ĐẠT: the moved rows are recorded with the upgrade's entry
    assert integrity.check_file(old_register).ok


def test_a_verified_copy_is_made_before_the_upgrade(old_register, before):
    db = open_database(old_register)
    db.conn.close()
    (copy,) = backups_dir(old_register).glob("truoc-nang-cap-*.sqlite3")
    conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == BACKUP_MARK
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'ratings'").fetchone()[0] == "table"
        counts = conn.execute(rating_figures.SQL_FIGURES["counts"]).fetchall()
    finally:
        conn.close()
    assert [list(r) for r in counts] == before["figures"]["counts"]


@pytest.mark.parametrize(("sql", "column"), [
    ("UPDATE ratings SET member_id = 'khong-co' WHERE id = (SELECT MIN(id) FROM ratings)", "member_id"),
    ("UPDATE ratings SET level = 'gioi' WHERE id = (SELECT MIN(id) FROM ratings)", "level"),
    ("UPDATE task_assignments SET member_id = 'khong-co' WHERE id = (SELECT MIN(id) FROM task_assignments)",
     "member_id"),
])
def test_a_row_that_cannot_be_keyed_stops_the_upgrade_and_changes_nothing(old_register, sql, column):
    assert_upgrade_refused(old_register, sql, column)
    assert tables(old_register) == {"ratings": "table", "task_assignments": "table"}


def test_the_views_read_and_write_the_compact_rows(demo_copy):
    conn = sqlite3.connect(demo_copy)
    member_id, year, rating_id = conn.execute("SELECT member_id, year, id FROM ratings WHERE level = 'tot'"
                                              " ORDER BY member_id, year LIMIT 1").fetchone()
    conn.execute("UPDATE ratings SET level = 'hoan_thanh', notes = 'sửa', updated_at = '2026-12-01T08:00:00+00:00'"
                 " WHERE member_id = ? AND year = ?", (member_id, year))
    row = conn.execute("SELECT r.level, r.notes, r.id, typeof(r.updated) FROM ratings_compact r JOIN members m"
                       " ON m.rowid = r.member_row WHERE m.id = ? AND r.year = ?", (member_id, year)).fetchone()
    assert row == (party_life_codes.RATING_CODES["hoan_thanh"], "sửa", rating_id, "integer")
    assert conn.execute("SELECT level, updated_at FROM ratings WHERE id = ?", (rating_id,)).fetchone() == (
        "hoan_thanh", "2026-12-01T08:00:00+00:00")
    # A timestamp the program does not write is kept as the text it was.
    conn.execute("INSERT INTO task_assignments (id, member_id, year, task, created_at, updated_at)"
                 " VALUES ('t-1', ?, 2030, 'Việc mới', '2030-01-02 03:04:05', '2030-01-02 03:04:05')", (member_id,))
    assert conn.execute("SELECT id, task, notes, created_at, updated_at FROM task_assignments WHERE member_id = ?"
                        " AND year = 2030", (member_id,)).fetchone() == (
        "t-1", "Việc mới", "", "2030-01-02 03:04:05", "2030-01-02 03:04:05")
    assert conn.execute("SELECT typeof(created), updated FROM tasks_compact WHERE id = 't-1'").fetchone() == (
        "text", None)
    conn.execute("DELETE FROM task_assignments WHERE member_id = ? AND year = 2030", (member_id,))
    assert conn.execute("SELECT COUNT(*) FROM tasks_compact WHERE id = 't-1'").fetchone()[0] == 0
    with pytest.raises(sqlite3.IntegrityError):   # an unknown member or level is refused, as a foreign key was
        conn.execute("INSERT INTO ratings (id, member_id, year, level, created_at, updated_at)"
                     " VALUES ('r-1', 'khong-co', 2030, 'tot', 'x', 'x')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO ratings (id, member_id, year, level, created_at, updated_at)"
                     " VALUES ('r-1', ?, 2030, 'gioi', 'x', 'x')", (member_id,))
    conn.rollback()
    conn.close()


def test_the_codes_of_the_program_and_of_the_views_agree(fresh_db):
    view = fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = 'ratings'").fetchone()[0]
    trigger = fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = 'ratings_insert'").fetchone()[0]
    for text, code in party_life_codes.RATING_CODES.items():
        assert f"WHEN {code} THEN '{text}'" in view
        assert f"WHEN '{text}' THEN {code}" in trigger
    for text in ("2026-12-02T07:03:05+00:00", "2026-02-29T07:03:05+00:00", "2026-12-02 07:03:05", "",
                 "2026-12-02T07:03:05+07:00", "1969-12-31T23:59:59+00:00"):
        code = party_life_codes.stamp_code(text)
        assert party_life_codes.stamp_text(code) == text
        stored = fresh_db.execute(
            "SELECT (CASE WHEN typeof(?1) = 'text' AND length(?1) = 25 AND substr(?1, 20) = '+00:00'"
            " AND strftime('%Y-%m-%dT%H:%M:%S+00:00', CAST(strftime('%s', substr(?1, 1, 19)) AS INTEGER),"
            " 'unixepoch') = ?1 THEN CAST(strftime('%s', substr(?1, 1, 19)) AS INTEGER) ELSE ?1 END)",
            [text]).fetchone()[0]
        assert stored == code and type(stored) is type(code)
    assert isinstance(party_life_codes.stamp_code("2026-12-02T07:03:05+00:00"), int)


def test_a_rating_changed_outside_the_program_is_named(demo_copy):
    db = open_database(demo_copy)
    db.conn.close()
    conn = sqlite3.connect(demo_copy)
    conn.execute("UPDATE ratings_compact SET level = 0 WHERE (member_row, year) ="
                 " (SELECT member_row, year FROM ratings_compact WHERE level = 3 LIMIT 1)")
    conn.execute("UPDATE tasks_compact SET task = 'khác' WHERE (member_row, year) ="
                 " (SELECT member_row, year FROM tasks_compact LIMIT 1)")
    conn.commit()
    conn.close()
    found = {(f.data["scope"], f.data["tables"]) for f in integrity.check_file(demo_copy).rows}
    assert ("member", "ratings") in found and ("member", "task_assignments") in found


def test_the_programs_writes_after_the_upgrade_are_recorded(old_register):
    """The program's own paths write the compact rows; each action's row hashes (noted on the stored tables,
    hashed through the views) are recorded with its entry, so ``check`` still says ĐẠT."""
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import rating_correction, ratings
    from tests.storage.register_figures import TODAY

    db = open_database(old_register)
    try:
        actor = Actor("van-thu")
        member_id = db.execute("SELECT member_id FROM ratings WHERE year = 2025 AND level = 'tot'"
                               " ORDER BY member_id DESC LIMIT 1").fetchone()[0]
        rating_correction.correct_rating(db, actor, member_id, 2025, "hoan_thanh", reason="Sửa theo biên bản",
                                         today=TODAY)
        ratings.correct_task(db, actor, member_id, 2025, "Việc đã sửa", notes="ghi chú")
        ratings.assign_task(db, actor, member_id, 2027, "Việc năm sau")
        assert [r.level.value for r in ratings.ratings_of(db, member_id) if r.year == 2025] == ["hoan_thanh"]
        assert [(t.year, t.task) for t in ratings.tasks_of(db, member_id)][:2] == [(2027, "Việc năm sau"),
                                                                                 (2025, "Việc đã sửa")]
        created, updated = db.execute("SELECT created_at, updated_at FROM task_assignments WHERE member_id = ?"
                                      " AND year = 2025", [member_id]).fetchone()
        assert created < updated and updated.endswith("+00:00")
        report = integrity.check(db)
    finally:
        db.conn.close()
    assert report.ok, report.as_dict()
