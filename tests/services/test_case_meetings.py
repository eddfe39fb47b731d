"""Progress notes tied to a recorded cell meeting of the help period: the choices, the checks (each refusal names the
field and changes nothing), the minutes of that meeting listing them, and a meeting that keeps its notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.cases import Step
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import case_meetings, case_views, cases, documents, integrity, meetings
from tests.documents.conftest import pdftotext, requires_poppler
from tests.services.screening_world import build, listed_case


@pytest.fixture
def world(home_db, actor, cells, make_form, today):
    ids = build(home_db, actor, cells, make_form, today)
    ids["case"] = listed_case(home_db, actor, ids["a"], today)          # listed 10/03/2025, due 10/03/2026
    cases.assign_helper(home_db, actor, ids["case"], ids["b"], date(2025, 3, 12), today=today)
    record = lambda cell, day: meetings.record_meeting(home_db, actor, cells[cell].id, {"meeting_date": day},
                                                       today=today)[0]
    ids["april"] = record("CB01", "08/04/2025")
    ids["may"] = record("CB01", "08/05/2025")
    ids["late"] = record("CB01", "08/04/2026")      # after the twelve months
    ids["other_cell"] = record("CB02", "09/04/2025")
    return ids


def dump(db) -> list[str]:
    return [line for line in db.conn.iterdump() if "audit_log" not in line]


def test_the_choices_are_the_members_cell_meetings_in_the_help_period(home_db, world, today):
    case = cases.get_case(home_db, world["case"])
    chosen = case_meetings.meeting_choices(home_db, case, today)
    assert [m.id for m in chosen] == [world["may"], world["april"]]
    assert case_meetings.meeting_label(chosen[0]) == "Ngày 08/05/2025 — thường kỳ"


def test_a_progress_note_takes_the_meetings_date_and_shows_it(home_db, actor, world, today):
    step_id, _ = cases.record_step(home_db, actor, world["case"], "theo_doi", None, meeting_id=world["april"],
                                   text="Đã tham gia sinh hoạt đầy đủ, đóng đảng phí đúng hạn", today=today)
    case = cases.get_case(home_db, world["case"])
    note = case.step(step_id)
    assert note.on == date(2025, 4, 8) and note.meeting_id == world["april"]
    shown = case_views.case_as_dict(home_db, case, today)["steps"][-1]
    assert shown["meeting_id"] == world["april"] and shown["meeting_date"] == "2025-04-08"
    assert "tại kỳ họp chi bộ ngày 08/04/2025" in shown["words"]


@pytest.mark.parametrize("meeting, on, field, words", [
    ("other_cell", None, "meeting_id", "Chi bộ"),
    ("late", None, "meeting_id", "ngoài thời gian giáo dục, giúp đỡ"),
    ("april", date(2025, 4, 9), "step_date", "khác ngày của kỳ họp"),
    ("nothing", date(2025, 4, 9), "meeting_id", "không tìm thấy kỳ họp"),
])
def test_a_wrong_meeting_is_refused_naming_the_field(home_db, actor, world, today, meeting, on, field, words):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        cases.record_step(home_db, actor, world["case"], "theo_doi", on, meeting_id=world.get(meeting, meeting),
                          text="Có tiến bộ", today=today)
    assert field in info.value.by_field()
    assert words in info.value.message
    assert dump(home_db) == before


def test_only_a_progress_note_is_tied_to_a_meeting(home_db, actor, world, today):
    with pytest.raises(ValidationError) as info:
        cases.record_step(home_db, actor, world["case"], "cam_ket", None, meeting_id=world["april"],
                          text="Cam kết sửa chữa", today=today)
    assert "meeting_id" in info.value.by_field()


@requires_poppler
def test_the_minutes_of_the_meeting_list_the_notes_made_at_it(home_db, actor, world, today, tmp_path):
    cases.record_step(home_db, actor, world["case"], "theo_doi", None, meeting_id=world["april"],
                      text="Đã tham gia sinh hoạt đầy đủ, sửa chữa khuyết điểm", today=today)
    cell = cases.get_case(home_db, world["case"]).cell_id
    out = tmp_path / "bien-ban.pdf"
    documents.print_form(home_db, actor, "bien_ban_hop_chi_bo", out,
                         documents.PrintRequest(cell_id=cell, on=date(2025, 4, 8)))
    text = " ".join(pdftotext(out).split())
    assert "theo dõi, nhận xét đảng viên trong danh sách cần được chi bộ giáo dục, giúp đỡ" in text
    assert "Đồng chí Nguyễn Văn An (người giúp đỡ: đồng chí Trần Thị Bình): Đã tham gia sinh hoạt đầy đủ" in text
    other = tmp_path / "bien-ban-5.pdf"
    documents.print_form(home_db, actor, "bien_ban_hop_chi_bo", other,
                         documents.PrintRequest(cell_id=cell, on=date(2025, 5, 8)))
    assert "nhận xét đảng viên trong danh sách" not in " ".join(pdftotext(other).split())


def test_a_meeting_with_a_note_is_neither_removed_nor_moved_until_the_note_is_corrected(home_db, actor, world,
                                                                                          today, cells):
    from tayninh_desktop.services.case_corrections import Correction, correct_step

    step_id, _ = cases.record_step(home_db, actor, world["case"], "theo_doi", None, meeting_id=world["april"],
                                   text="Có tiến bộ", today=today)
    with pytest.raises(DomainError) as info:
        meetings.delete_meeting(home_db, actor, world["april"], "Ghi nhầm")
    assert "Nguyễn Văn An" in info.value.message and "trước khi xóa kỳ họp" in info.value.message
    with pytest.raises(DomainError) as info:
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/04/2025"},
                                meeting_id=world["april"], today=today)
    assert "trước khi đổi ngày kỳ họp" in info.value.message
    correct_step(home_db, actor, world["case"], step_id, "Ghi nhầm kỳ họp: nhận xét tại kỳ họp tháng 5",
                 Correction(meeting_id=world["may"]), today=today)
    meetings.delete_meeting(home_db, actor, world["april"], "Ghi nhầm")
    case = cases.get_case(home_db, world["case"])
    old, new = case.step(step_id), case.last(Step.PROGRESS)
    assert old.meeting_id is None and old.on == date(2025, 4, 8)      # the corrected note keeps its date
    assert new.meeting_id == world["may"] and new.on == date(2025, 5, 8)
    assert integrity.check_file(Path(home_db.path_text)).ok
