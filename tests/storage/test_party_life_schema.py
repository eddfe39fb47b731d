"""The party-life migration and its repositories."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.party_life import Attendance, AttendanceState, DuesEntry, DuesState, Meeting
from tayninh_desktop.storage import dues_repo, meetings_repo
from tayninh_desktop.storage.migrations import MIGRATIONS

TABLES = {"meetings", "attendance_compact", "dues_compact", "ratings_compact", "discipline", "tasks_compact",
          "transfer_letters", "away_contacts"}


def test_migration_is_registered_after_the_register(fresh_db):
    names = [m.name for m in MIGRATIONS.applied(fresh_db)]
    assert names.index("m002_party_life") == names.index("m001_register") + 1
    assert TABLES <= set(fresh_db.table_names())
    assert {"attendance", "dues"} <= set(fresh_db.view_names())   # m035: the old names, as views
    assert {"ratings", "task_assignments"} <= set(fresh_db.view_names())   # m048


def test_big_tables_have_no_rowid_and_partial_indexes(fresh_db):
    for table in ("ratings_compact", "tasks_compact"):   # m048: keyed by the member's row id and the year
        sql = fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert "WITHOUT ROWID" in sql and "PRIMARY KEY (member_row, year)" in sql
    for table in ("attendance_compact", "dues_compact"):
        sql = fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert "WITHOUT ROWID" in sql and "_row INTEGER NOT NULL" in sql and "TEXT NOT NULL," not in sql.split("reason")[0]
    for index in ("attendance_absent", "dues_unpaid"):
        assert "WHERE" in fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]


def test_meeting_and_attendance_roundtrip(home_db, cells, actor, make_form, today):
    from tayninh_desktop.services import register

    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    meeting = Meeting(meeting_date=date(2026, 3, 5), id="m1", cell_id=cells["CB01"].id, scores=(("chuan_bi", 10),))
    with home_db.atomic():
        meetings_repo.insert_meeting(home_db, meeting)
        meetings_repo.replace_attendance(home_db, "m1", [Attendance(member_id, AttendanceState.UNEXCUSED)])
        dues_repo.upsert_many(home_db, [DuesEntry(member_id, "2026-03", 0, DuesState.UNPAID, "", cells["CB01"].id)])
    assert meetings_repo.get(home_db, "m1") == meeting
    assert meetings_repo.unexcused_months(home_db, date(2026, 1, 1), date(2026, 12, 31)) == {member_id: ["2026-03"]}
    assert dues_repo.unpaid_months(home_db, "2026-01", "2026-12") == {member_id: ["2026-03"]}
    assert meetings_repo.year_counts(home_db, 2026) == {member_id: {"vang_khong_ly_do": 1}}
    assert dues_repo.year_counts(home_db, 2026) == {member_id: {"chua_dong": 1}}
    assert [m.id for m, _ in meetings_repo.member_attendance(home_db, member_id, date(2026, 1, 1),
                                                               date(2026, 12, 31))] == ["m1"]
