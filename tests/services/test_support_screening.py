"""Finding and telling: who may be eligible, by what, what is missing; told in person or at a cell meeting."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import meetings, support_presentation, support_screening
from tests.services import support_fixtures
from tests.services.support_fixtures import dump

people = support_fixtures.people


def by_name(result):
    return {line.full_name: line for line in result.lines}


def test_screen_lists_by_category_by_loan_and_unknown(home_db, actor, people, today):
    result = support_screening.run_screen(home_db, actor, today)
    lines = by_name(result)
    assert result.plan.code == "KH-2026"
    assert lines["Nguyễn Thị Hoa"].basis.value == "doi_tuong"
    assert lines["Nguyễn Thị Hoa"].categories == ("can_ngheo",)
    assert lines["Nguyễn Thị Hoa"].missing == ()
    assert lines["Lê Thị Mai"].missing == ("chưa ghi khoản vay NHCSXH",)
    assert lines["Võ Văn Phúc"].basis.value == "khoan_vay"
    assert lines["Võ Văn Phúc"].missing == ("chưa ghi hoàn cảnh gia đình năm 2026",)
    assert lines["Trần Văn Lâm"].basis.value == "chua_ro"
    assert lines["Trần Văn Lâm"].missing == ("chưa ghi hoàn cảnh gia đình năm 2026", "chưa ghi khoản vay NHCSXH")
    assert "Phạm Văn Nam" not in lines           # circumstances known, outside the categories
    assert result.counts() == {"screened": 4, "told": 0, "doi_tuong": 2, "khoan_vay": 1, "chua_ro": 1}


def test_last_year_is_given_as_a_hint(home_db, actor, people, today):
    from tests.services.support_fixtures import household

    household(home_db, actor, people["lam"], today, year="2025", classification="ngheo")
    line = by_name(support_screening.run_screen(home_db, actor, today))["Trần Văn Lâm"]
    assert line.missing[0] == "chưa ghi hoàn cảnh gia đình năm 2026 (năm 2025: hộ nghèo)"


def test_screen_is_refused_to_a_viewer(home_db, people, today):
    with pytest.raises(DomainError):
        support_screening.run_screen(home_db, Actor("khach", Role.VIEWER), today)


def test_told_in_person(home_db, actor, people, today):
    support_screening.record_told(home_db, actor, people["mai"], {"told_on": "20/11/2026", "how": "Gặp tại nhà",
                                                                  "told_by": "Bí thư chi bộ"}, today=today)
    line = by_name(support_screening.run_screen(home_db, actor, today))["Lê Thị Mai"]
    assert line.told_on == date(2026, 11, 20)
    record = support_screening.outreach_of(home_db, actor, people["mai"])[0]
    assert (record.told_by, record.how) == ("Bí thư chi bộ", "Gặp tại nhà")


@pytest.mark.parametrize(("form", "field", "message"), [
    ({"told_on": "20/11/2026"}, "how", "Hình thức thông tin: chưa nhập (bắt buộc)."),
    ({"told_on": "30/11/2026", "how": "Gặp"}, "told_on", "Ngày thông tin: ngày 30/11/2026 ở sau ngày hôm nay."),
    ({"told_on": "01/01/1990", "how": "Gặp"}, "told_on",
     "Ngày thông tin: ngày 01/01/1990 đảng viên Lê Thị Mai chưa vào Đảng (vào Đảng 16/01/1994)."),
])
def test_bad_told_records_are_refused(home_db, actor, people, today, form, field, message):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        support_screening.record_told(home_db, actor, people["mai"], form, today=today)
    assert caught.value.by_field()[field] == [message]
    assert dump(home_db) == before


def test_untold_counts_per_cell(home_db, actor, cells, people, today):
    counts = {c.cell_name: (c.untold_eligible, c.untold_unknown)
              for c in support_screening.untold_counts(home_db, actor, today)}
    assert counts == {"Chi bộ ấp Cầu Xe": (2, 1), "Chi bộ ấp Suối Dộp": (1, 0)}


def test_presentation_at_a_meeting_tells_those_present(home_db, actor, cells, people, today):
    meeting_id, changes = support_presentation.record_meeting(
        home_db, actor, cells["CB01"].id, {"meeting_date": "10/11/2026", "chair": "Nguyễn Thị Hoa"}, presented=True,
        attendance={people["lam"]: ("vang_co_ly_do", "Ốm")}, today=today)
    assert changes.support and changes.party_life
    shown = support_presentation.presentation_of(home_db, actor, meeting_id)
    assert shown.plan_code == "KH-2026" and shown.presented_by == "Nguyễn Thị Hoa"
    assert sorted(name for _, name in shown.told) == ["Nguyễn Thị Hoa", "Võ Văn Phúc"]
    assert [(name, state) for _, name, state in shown.to_tell] == [("Trần Văn Lâm", "vang_co_ly_do")]
    hoa = support_screening.outreach_of(home_db, actor, people["hoa"])[0]
    assert hoa.told_on == date(2026, 11, 10) and hoa.meeting_id == meeting_id
    assert hoa.how == "Phổ biến tại buổi sinh hoạt chi bộ ngày 10/11/2026 (KH-2026)"
    # Lâm told in person afterwards: no longer to be told
    support_screening.record_told(home_db, actor, people["lam"], {"told_on": "15/11/2026", "how": "Gặp tại nhà"},
                                  today=today)
    assert support_presentation.presentation_of(home_db, actor, meeting_id).to_tell == ()


def test_correcting_the_meeting_corrects_who_was_told(home_db, actor, cells, people, today):
    meeting_id, _ = support_presentation.record_meeting(
        home_db, actor, cells["CB01"].id, {"meeting_date": "10/11/2026"}, presented=True, today=today)
    assert len(support_presentation.presentation_of(home_db, actor, meeting_id).told) == 3
    support_presentation.record_meeting(
        home_db, actor, cells["CB01"].id, {"meeting_date": "10/11/2026"}, presented=True, meeting_id=meeting_id,
        attendance={people["phuc"]: ("vang_khong_ly_do", "")}, today=today)
    shown = support_presentation.presentation_of(home_db, actor, meeting_id)
    assert len(shown.told) == 2 and [name for _, name, _ in shown.to_tell] == ["Võ Văn Phúc"]
    support_presentation.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/11/2026"},
                                        presented=False, meeting_id=meeting_id, today=today)
    assert support_presentation.presentation_of(home_db, actor, meeting_id) is None
    assert support_screening.outreach_of(home_db, actor, people["hoa"]) == []


def test_deleting_the_meeting_removes_its_presentation(home_db, actor, cells, people, today):
    meeting_id, _ = support_presentation.record_meeting(
        home_db, actor, cells["CB01"].id, {"meeting_date": "10/11/2026"}, presented=True, today=today)
    meetings.delete_meeting(home_db, actor, meeting_id, "Ghi nhầm")
    assert support_screening.outreach_of(home_db, actor, people["hoa"]) == []


def test_a_refused_meeting_leaves_no_presentation(home_db, actor, cells, people, today):
    before = dump(home_db)
    with pytest.raises(ValidationError):
        support_presentation.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "31/12/2026"},
                                            presented=True, today=today)
    assert dump(home_db) == before


def test_present_at_a_recorded_meeting(home_db, actor, cells, people, today):
    meeting_id, _ = meetings.record_meeting(home_db, actor, cells["CB02"].id, {"meeting_date": "12/11/2026"},
                                            today=today)
    support_presentation.present_at_meeting(home_db, actor, meeting_id, "Bí thư")
    shown = support_presentation.presentation_of(home_db, actor, meeting_id)
    assert sorted(name for _, name in shown.told) == ["Lê Thị Mai", "Phạm Văn Nam"]
    assert by_name(support_screening.run_screen(home_db, actor, today))["Lê Thị Mai"].told
