"""Meetings and attendance: the grid defaults, the action, and bad input refused with nothing changed."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.party_life import AttendanceState
from tayninh_desktop.services import meetings, register


def build_party(db, actor, cells, make_form, today):
    """Members: An, Bình (CB01), Cúc (CB02), Dũng (CB01, admitted 10/05/2026), Em (CB01 → CB02 on 01/06/2026),
    Giang (CB01, exempted from 01/03/2026)."""
    ids = {}
    people = [("an", "Nguyễn Văn An", "CB01", "16/01/1994", "16/01/1995"),
              ("binh", "Trần Thị Bình", "CB01", "03/02/2001", "03/02/2002"),
              ("cuc", "Lê Thị Cúc", "CB02", "05/05/2005", "05/05/2006"),
              ("dung", "Phạm Văn Dũng", "CB01", "10/05/2026", ""),
              ("em", "Võ Văn Em", "CB01", "01/01/2010", "01/01/2011"),
              ("giang", "Đỗ Văn Giang", "CB01", "01/01/1980", "01/01/1981")]
    for index, (key, name, cell, joined, full) in enumerate(people):
        form = make_form(full_name=name, joined_on=joined, full_member_on=full, cccd=f"07216010{index:04d}",
                         card_number=f"1000{index:04d}", gender="nam")
        ids[key], _ = register.add_member(db, actor, form, cells[cell].id, today=today)
    register.record_event(db, actor, ids["em"], EventKind.MOVED_CELL, date(2026, 6, 1), cell_id=cells["CB02"].id,
                          today=today)
    register.record_event(db, actor, ids["giang"], EventKind.EXEMPTED, date(2026, 3, 1), today=today)
    return ids


@pytest.fixture
def party(home_db, actor, cells, make_form, today):
    return build_party(home_db, actor, cells, make_form, today)


def dump(db) -> list[str]:
    return list(db.conn.iterdump())


def test_roster_everyone_present_by_default(home_db, cells, party):
    lines = meetings.roster(home_db, cells["CB01"].id, date(2026, 7, 10))
    by_id = {x.member_id: x.state for x in lines}
    assert set(by_id) == {party["an"], party["binh"], party["dung"], party["giang"]}  # Em moved out on 01/06
    assert by_id[party["an"]] is AttendanceState.PRESENT
    assert by_id[party["giang"]] is AttendanceState.NOT_REQUIRED


def test_record_meeting_with_absences(home_db, actor, cells, party, today):
    meeting_id, changes = meetings.record_meeting(
        home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026", "chair": "Nguyễn Văn An"},
        attendance={party["binh"]: ("vang_khong_ly_do", ""), party["dung"]: ("vang_co_ly_do", "Ốm")},
        scores={"chuan_bi": 15, "ty_le_du": 18, "noi_dung": 25, "phe_binh": 15, "ket_luan": 12}, today=today)
    assert changes.party_life
    meeting = meetings.get_meeting(home_db, meeting_id)
    assert (meeting.present, meeting.expected) == (1, 3)
    assert meeting.quality_score == 85 and meeting.quality_level == "tot"
    states = {x.member_id: (x.state, x.reason) for x in meetings.attendance_lines(home_db, meeting_id)}
    assert states[party["binh"]] == (AttendanceState.UNEXCUSED, "")
    assert states[party["dung"]] == (AttendanceState.EXCUSED, "Ốm")
    assert home_db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == "record_meeting"


def test_correcting_a_meeting_replaces_its_grid(home_db, actor, cells, party, today):
    meeting_id, _ = meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                            attendance={party["binh"]: ("vang_khong_ly_do", "")}, today=today)
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"}, attendance={},
                            meeting_id=meeting_id, today=today)
    assert meetings.get_meeting(home_db, meeting_id).present == 3


def test_attendance_for_a_member_not_in_the_cell_that_day_is_refused(home_db, actor, cells, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                attendance={party["em"]: ("co_mat", "")}, today=today)
    assert info.value.issues[0].field == "attendance"
    assert "Võ Văn Em" in info.value.message and "10/07/2026" in info.value.message
    assert "Điểm danh" in info.value.message
    assert dump(home_db) == before


def test_attendance_before_the_member_moved_is_accepted(home_db, actor, cells, party, today):
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/05/2026"},
                            attendance={party["em"]: ("vang_khong_ly_do", "")}, today=today)


def test_meeting_on_a_date_that_does_not_exist_changes_nothing(home_db, actor, cells, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError, match="Ngày họp: «31/02/2026» không phải ngày hợp lệ"):
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "31/02/2026"}, today=today)
    assert dump(home_db) == before


def test_second_regular_meeting_in_a_month_is_refused(home_db, actor, cells, party, today):
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"}, today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError, match="đã có buổi sinh hoạt thường kỳ tháng 07/2026"):
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "20/07/2026"}, today=today)
    assert dump(home_db) == before
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "20/07/2026", "kind": "chuyen_de"},
                            today=today)


def test_score_outside_the_rubric_is_refused(home_db, actor, cells, party, today):
    with pytest.raises(ValidationError, match="ngoài khoảng 0–15"):
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                scores={"chuan_bi": 16}, today=today)


def test_viewer_cannot_record(home_db, cells, party, today):
    from tayninh_desktop.domain.actors import Actor, Role

    with pytest.raises(DomainError, match="không có quyền"):
        meetings.record_meeting(home_db, Actor("xem", Role.VIEWER), cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                today=today)


def test_edited_rubric_is_used(home_db, actor, cells, party, today):
    from tayninh_desktop.domain.rules import default_rubric, rubric_to_dict

    data = rubric_to_dict(default_rubric())
    data["criteria"] = [{"code": "chung", "label": "Đánh giá chung", "max": 10}]
    meetings.set_rubric(home_db, actor, data)
    assert meetings.rubric(home_db).total == 10
    with pytest.raises(DomainError, match="Biểu đánh giá không hợp lệ"):
        meetings.set_rubric(home_db, actor, {"code": "x"})


def test_delete_meeting(home_db, actor, cells, party, today):
    meeting_id, _ = meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                            today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError, match="Lý do xóa: chưa nhập"):
        meetings.delete_meeting(home_db, actor, meeting_id, "  ")
    assert dump(home_db) == before
    meetings.delete_meeting(home_db, actor, meeting_id, "Ghi nhầm ngày")
    assert home_db.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == 0
    action, after = home_db.execute("SELECT action, after_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert action == "delete_meeting" and "Ghi nhầm ngày" in after
    with pytest.raises(DomainError):
        meetings.delete_meeting(home_db, actor, meeting_id, "Lần nữa")
