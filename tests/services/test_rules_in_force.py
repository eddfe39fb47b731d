"""Issue 8, party-life rules: each rule of the texts in force, and bad input refused by name with nothing changed."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.party_life import DuesState
from tayninh_desktop.domain.warnings import Severity, WarningKind
from tayninh_desktop.services import dues, dues_terms, meetings, ratings, register, transfers
from tayninh_desktop.services.settings_party_life import set_thematic_absence
from tayninh_desktop.services.warnings import compute_warnings
from tayninh_desktop.services.work_calendar import add_working_days, calendar_for
from tests.services.test_party_life_meetings import build_party, dump


@pytest.fixture
def party(home_db, actor, cells, make_form, today):
    return build_party(home_db, actor, cells, make_form, today)


def _away(db, actor, member_id, start=date(2026, 1, 5), end=date(2026, 12, 31), today=date(2026, 11, 27)):
    register.record_event(db, actor, member_id, EventKind.AWAY, start, end_date=end, place="Bình Dương",
                          doc_number="03-QĐ/ĐU", details=EventDetails(requested_on=start), today=today)


def _warnings(db, member_id, kind, today):
    return [w for w in compute_warnings(db, today=today) if w.member_id == member_id and w.kind is kind]


# --- dues --------------------------------------------------------------------------------------------------

def test_a_deferred_dues_month_never_counts_toward_the_ground(home_db, actor, cells, party, today):
    _away(home_db, actor, party["an"])
    for month in ("02/2026", "03/2026", "04/2026"):
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {party["an"]: (0, "hoan_dong", "")}, today=today)
    assert not _warnings(home_db, party["an"], WarningKind.UNPAID_DUES, today)
    line = next(x for x in dues.dues_sheet(home_db, cells["CB01"].id, "05/2026") if x.member_id == party["an"])
    assert line.state is DuesState.DEFERRED  # away: deferred by default, pays late or in advance


def test_deferral_is_only_for_members_away(home_db, actor, cells, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues.record_dues(home_db, actor, cells["CB01"].id, "03/2026", {party["binh"]: (0, "hoan_dong", "")},
                         today=today)
    assert "Trần Thị Bình không tạm miễn sinh hoạt đi làm ăn xa" in info.value.message
    assert dump(home_db) == before


def test_exempted_from_activity_still_pays_and_is_flagged(home_db, actor, cells, party, today):
    # Giang is exempted from party activity since 01/03/2026: three unpaid months make the ground.
    for month in ("04/2026", "05/2026", "06/2026"):
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {party["giang"]: (0, "chua_dong", "")}, today=today)
    warning = _warnings(home_db, party["giang"], WarningKind.UNPAID_DUES, today)[0]
    assert warning.severity is Severity.REACHED
    with pytest.raises(ValidationError, match="không có quyết định miễn đóng"):
        dues.record_dues(home_db, actor, cells["CB01"].id, "07/2026", {party["giang"]: (0, "mien", "")}, today=today)


def test_amount_computed_from_category_and_base_under_each_text(home_db, actor, cells, party, today):
    dues_terms.set_dues_term(home_db, actor, party["an"], "01/2026", "bhxh", 6_000_000)
    lines = {m: {x.member_id: x for x in dues.dues_sheet(home_db, cells["CB01"].id, m)}[party["an"]]
             for m in ("01/2026", "03/2026")}
    assert lines["01/2026"].due == 60_000 and lines["01/2026"].unconfirmed  # 342-QĐ/TW, marked unconfirmed
    assert lines["03/2026"].due == 60_000 and not lines["03/2026"].unconfirmed  # 01-QĐ/TW, 1 %
    dues_terms.set_dues_term(home_db, actor, party["binh"], "02/2026", "huu_tri", 5_000_000)
    binh = {x.member_id: x for x in dues.dues_sheet(home_db, cells["CB01"].id, "03/2026")}[party["binh"]]
    assert binh.due == 25_000 and binh.category_label == "Lương hưu, 0,5 %"


def test_a_changed_amount_needs_its_reason(home_db, actor, cells, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues.record_dues(home_db, actor, cells["CB01"].id, "03/2026", {party["an"]: (7000, "da_dong", "")},
                         today=today)
    assert info.value.issues[0].field == "amount_reason" and "5.000 đ" in info.value.message
    assert dump(home_db) == before
    dues.record_dues(home_db, actor, cells["CB01"].id, "03/2026", {party["an"]: (7000, "da_dong", "Đóng thêm")},
                     today=today)
    entry = dues.member_dues(home_db, party["an"])[0]
    assert (entry.amount, entry.due, entry.amount_reason) == (7000, 5000, "Đóng thêm")


def test_a_reduction_of_40_percent_is_refused_naming_the_field(home_db, actor, party):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues_terms.grant_relief(home_db, actor, party["an"], "giam", "03/2026", "08/2026", percent=40,
                                decision_number="12-QĐ/ĐU")
    assert info.value.issues[0].field == "percent"
    assert "Tỷ lệ giảm: giảm 40 % không đúng quy định — chỉ được giảm 30 %, 50 %, 70 %" in info.value.message
    assert "01-QĐ/TW" in info.value.message
    assert dump(home_db) == before


def test_a_reduction_longer_than_twelve_months_or_without_decision_is_refused(home_db, actor, party):
    with pytest.raises(ValidationError) as info:
        dues_terms.grant_relief(home_db, actor, party["an"], "giam", "03/2026", "05/2027", percent=50)
    assert {i.field for i in info.value.issues} == {"last_month", "decision_number"}


def test_a_reduction_and_an_exemption_apply_to_the_grid(home_db, actor, cells, party, today):
    dues_terms.grant_relief(home_db, actor, party["an"], "giam", "03/2026", "08/2026", percent=50,
                            decision_number="12-QĐ/ĐU")
    dues_terms.grant_relief(home_db, actor, party["binh"], "mien", "03/2026", ground="tuoi_dang_50",
                            decision_number="13-QĐ/ĐU")
    lines = {x.member_id: x for x in dues.dues_sheet(home_db, cells["CB01"].id, "04/2026")}
    assert lines[party["an"]].due == 2500 and "Giảm 50 %" in lines[party["an"]].relief_label
    assert lines[party["binh"]].state is DuesState.NOT_REQUIRED and lines[party["binh"]].due == 0
    with pytest.raises(ValidationError, match="trùng tháng"):
        dues_terms.grant_relief(home_db, actor, party["an"], "giam", "05/2026", "06/2026", percent=30,
                                decision_number="14-QĐ/ĐU")


def test_a_reduction_recorded_by_mistake_is_removed_with_its_reason(home_db, actor, cells, party):
    relief_id, _ = dues_terms.grant_relief(home_db, actor, party["an"], "giam", "03/2026", "08/2026", percent=50,
                                           decision_number="12-QĐ/ĐU")
    [relief] = dues_terms.member_reliefs(home_db, party["an"])
    assert relief.id == relief_id and relief.percent == 50
    before = dump(home_db)
    with pytest.raises(ValidationError, match="Lý do hủy: chưa nhập"):
        dues_terms.remove_relief(home_db, actor, relief_id, " ")
    with pytest.raises(DomainError, match="Không tìm thấy quyết định miễn, giảm đảng phí"):
        dues_terms.remove_relief(home_db, actor, "khong-co", "Nhầm")
    assert dump(home_db) == before
    changes = dues_terms.remove_relief(home_db, actor, relief_id, "Ghi nhầm đảng viên")
    assert changes.member_ids == (party["an"],) and dues_terms.member_reliefs(home_db, party["an"]) == []
    line = next(x for x in dues.dues_sheet(home_db, cells["CB01"].id, "04/2026") if x.member_id == party["an"])
    assert line.due == 5000 and line.relief_label == ""
    action, before_json, after_json = home_db.execute(
        "SELECT action, before_json, after_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert action == "remove_dues_relief" and '"percent":50' in before_json and "Ghi nhầm đảng viên" in after_json


def test_a_rate_category_needs_its_base(home_db, actor, party):
    with pytest.raises(ValidationError, match="Tiền lương tháng trước làm căn cứ đóng bảo hiểm xã hội"):
        dues_terms.set_dues_term(home_db, actor, party["an"], "03/2026", "bhxh")


# --- discipline --------------------------------------------------------------------------------------------

def test_discipline_lapses_twelve_months_after_announcement(home_db, actor, party, today):
    ratings.record_discipline(home_db, actor, party["an"], "khien_trach", "10/01/2025",
                              announced_on_text="20/01/2025", today=today)
    record = ratings.discipline_of(home_db, party["an"])[0]
    until = ratings.discipline_in_force(home_db, party["an"])[record.id]
    assert until == date(2026, 1, 20)  # announcement + 12 months, not decision + 3 months


def test_a_discipline_recorded_by_mistake_is_removed_with_its_reason(home_db, actor, party, today):
    discipline_id, _ = ratings.record_discipline(home_db, actor, party["an"], "canh_cao", "10/01/2026",
                                                 announced_on_text="20/01/2026", today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError, match="Lý do xóa: chưa nhập"):
        ratings.remove_discipline(home_db, actor, discipline_id, "")
    with pytest.raises(DomainError, match="Không tìm thấy quyết định kỷ luật"):
        ratings.remove_discipline(home_db, actor, "khong-co", "Nhầm")
    assert dump(home_db) == before
    changes = ratings.remove_discipline(home_db, actor, discipline_id, "Ghi nhầm đảng viên")
    assert changes.member_ids == (party["an"],) and ratings.discipline_of(home_db, party["an"]) == []
    action, before_json, after_json = home_db.execute(
        "SELECT action, before_json, after_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert action == "remove_discipline" and '"canh_cao"' in before_json and "Ghi nhầm đảng viên" in after_json


def test_a_yearly_task_is_corrected_not_recorded_twice(home_db, actor, party):
    ratings.assign_task(home_db, actor, party["an"], 2026, "Phụ trách tổ tự quản số 3")
    with pytest.raises(ValidationError, match="đã được phân công nhiệm vụ năm 2026; sửa nhiệm vụ đó"):
        ratings.assign_task(home_db, actor, party["an"], 2026, "Phụ trách tổ 4")
    with pytest.raises(ValidationError, match="chưa được phân công nhiệm vụ năm 2025"):
        ratings.correct_task(home_db, actor, party["an"], 2025, "Phụ trách tổ 4")
    ratings.correct_task(home_db, actor, party["an"], 2026, "Phụ trách tổ tự quản số 4", notes="Theo nghị quyết 3/2026")
    [task] = ratings.tasks_of(home_db, party["an"])
    assert (task.year, task.task, task.notes) == (2026, "Phụ trách tổ tự quản số 4", "Theo nghị quyết 3/2026")
    action, before_json = home_db.execute("SELECT action, before_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert action == "correct_task" and "Phụ trách tổ tự quản số 3" in before_json


def test_a_new_violation_carries_discipline_on_and_expulsion_never_lapses(home_db, actor, party, today):
    ratings.record_discipline(home_db, actor, party["an"], "khien_trach", "10/01/2025",
                              announced_on_text="20/01/2025", today=today)
    ratings.record_discipline(home_db, actor, party["an"], "canh_cao", "01/10/2025", announced_on_text="05/10/2025",
                              today=today)
    first, second = ratings.discipline_of(home_db, party["an"])
    until = ratings.discipline_in_force(home_db, party["an"])
    assert until[first.id] == until[second.id] == date(2026, 10, 5)
    ratings.record_discipline(home_db, actor, party["binh"], "khai_tru", "01/11/2026", announced_on_text="02/11/2026",
                              today=today)
    assert ratings.discipline_of(home_db, party["binh"])[0].in_force_until is None


def test_a_discipline_announced_before_its_decision_is_refused(home_db, actor, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        ratings.record_discipline(home_db, actor, party["an"], "canh_cao", "15/03/2026",
                                  announced_on_text="10/03/2026", today=today)
    assert info.value.issues[0].field == "announced_on"
    assert "Ngày công bố quyết định: ngày công bố 10/03/2026 ở trước ngày quyết định kỷ luật" in info.value.message
    assert dump(home_db) == before


def test_a_probationary_member_only_gets_reprimand_or_warning(home_db, actor, party, today):
    with pytest.raises(ValidationError, match="đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo"):
        ratings.record_discipline(home_db, actor, party["dung"], "cach_chuc", "01/10/2026",
                                  announced_on_text="02/10/2026", today=today)
    ratings.record_discipline(home_db, actor, party["dung"], "canh_cao", "01/10/2026", announced_on_text="02/10/2026",
                              today=today)


def test_state_discipline_is_recorded_with_its_period(home_db, actor, party, today):
    ratings.record_discipline(home_db, actor, party["an"], "ha_bac_luong", "01/06/2026", track="chinh_quyen",
                              in_force_until_text="01/06/2027", issuer="UBND xã", today=today)
    record = ratings.discipline_of(home_db, party["an"])[0]
    assert (record.track.value, record.in_force_until) == ("chinh_quyen", date(2027, 6, 1))
    with pytest.raises(ValidationError, match="không phải hình thức kỷ luật đảng"):
        ratings.record_discipline(home_db, actor, party["an"], "ha_bac_luong", "01/06/2026",
                                  announced_on_text="02/06/2026", today=today)


def test_a_member_disciplined_in_a_year_cannot_be_rated_above_khtnv(home_db, actor, party, today):
    ratings.record_discipline(home_db, actor, party["an"], "khien_trach", "10/05/2025",
                              announced_on_text="12/05/2025", today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        ratings.rate_member(home_db, actor, party["an"], 2025, "tot", score=80, today=today)
    assert "bị kỷ luật Khiển trách ngày 10/05/2025" in info.value.message and "366-QĐ/TW" in info.value.message
    assert dump(home_db) == before
    ratings.rate_member(home_db, actor, party["an"], 2025, "khong_hoan_thanh", today=today)


# --- away, letters, calendar ---------------------------------------------------------------------------------

def test_a_leave_of_18_months_is_refused_naming_the_field(home_db, actor, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        register.record_event(home_db, actor, party["an"], EventKind.AWAY, date(2026, 1, 5),
                              end_date=date(2027, 7, 5), doc_number="03-QĐ/ĐU", today=today)
    assert info.value.issues[0].field == "end_date"
    assert "Đến ngày: tạm miễn 18 tháng — thời hạn phải dưới 12 tháng" in info.value.message
    assert dump(home_db) == before


def test_an_open_ended_leave_or_one_without_decision_is_refused(home_db, actor, party, today):
    with pytest.raises(ValidationError) as info:
        register.record_event(home_db, actor, party["an"], EventKind.AWAY, date(2026, 1, 5), today=today)
    assert {i.field for i in info.value.issues} == {"doc_number", "end_date"}


def test_work_abroad_is_a_separate_case(home_db, actor, party, today):
    with pytest.raises(ValidationError, match="chuyển sinh hoạt đảng ra nước ngoài"):
        register.record_event(home_db, actor, party["an"], EventKind.AWAY, date(2026, 1, 5),
                              end_date=date(2027, 3, 1), doc_number="03-QĐ/ĐU", place="Hàn Quốc",
                              details=EventDetails(abroad=True), today=today)


def test_the_return_keeps_the_comments_of_the_employer(home_db, actor, party, today):
    from tayninh_desktop.storage import away_repo

    _away(home_db, actor, party["an"])
    event_id, _ = register.record_event(home_db, actor, party["an"], EventKind.AWAY_ENDED, date(2026, 10, 1),
                                        details=EventDetails(return_comments="Chấp hành tốt", comments_by="Công ty X"),
                                        today=today)
    assert away_repo.details_of(home_db, party["an"])[event_id].return_comments == "Chấp hành tốt"


def test_an_incoming_letter_is_closed_by_the_transfer_in(home_db, actor, cells, party, today, make_form):
    member_id, _ = register.add_member(home_db, actor, make_form(full_name="Hồ Văn Tới", cccd="072160109999",
                                                                 card_number="99999999"),
                                       cells["CB01"].id, entry=EventKind.TRANSFER_IN, entry_date=date(2026, 9, 20),
                                       today=today)
    transfers.issue_letter(home_db, actor, member_id, "den", date(2026, 8, 3), today=today)
    assert not _warnings(home_db, member_id, WarningKind.TRANSFER_OVERDUE, today)


def test_giong_to_2031_is_not_a_working_day():
    calendar = calendar_for(2031, 2031)
    assert date(2031, 4, 1) in calendar.days_off  # 10/3 âm lịch năm Tân Hợi
    assert add_working_days(date(2031, 3, 31), 1) == date(2031, 4, 2)
    assert date(2031, 1, 23) in calendar.days_off  # Tết Tân Hợi


def test_the_day_next_to_2_9_is_data_per_year_and_a_swapped_saturday_is_worked():
    assert add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 3)  # 31/8 swapped, 1/9 next to 2/9
    assert add_working_days(date(2026, 8, 21), 1) == date(2026, 8, 22)  # Saturday 22/8 worked in exchange


# --- warnings that are true --------------------------------------------------------------------------------

def test_a_reached_ground_stays_open_on_5_january(home_db, actor, cells, party, today):
    for day in ("10/03/2026", "10/06/2026", "10/09/2026"):
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": day},
                                attendance={party["binh"]: ("vang_khong_ly_do", "")}, today=today)
    warning = _warnings(home_db, party["binh"], WarningKind.ABSENCES, date(2027, 1, 5))[0]
    assert warning.severity is Severity.REACHED and warning.data["year"] == 2026 and warning.data["open"]
    assert "còn mở cho đến khi có quyết định" in warning.evidence
    register.record_event(home_db, actor, party["binh"], EventKind.STRUCK_OFF, date(2027, 1, 4),
                          doc_number="05-QĐ/ĐU", details=EventDetails(ground="bo_sinh_hoat"), today=date(2027, 1, 5))
    assert not _warnings(home_db, party["binh"], WarningKind.ABSENCES, date(2027, 1, 5))


def test_thematic_absences_count_only_when_the_setting_says_so(home_db, actor, cells, party, today):
    for day, kind in (("10/03/2026", "thuong_ky"), ("20/03/2026", "chuyen_de"), ("20/06/2026", "chuyen_de"),
                      ("10/09/2026", "thuong_ky")):
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": day, "kind": kind},
                                attendance={party["binh"]: ("vang_khong_ly_do", "")}, today=today)
    near = _warnings(home_db, party["binh"], WarningKind.ABSENCES, today)[0]
    assert near.severity is Severity.NEAR and near.data["months"] == ["2026-03", "2026-09"]
    set_thematic_absence(home_db, actor, True)
    reached = _warnings(home_db, party["binh"], WarningKind.ABSENCES, today)[0]
    assert reached.severity is Severity.REACHED and reached.data["months"] == ["2026-03", "2026-06", "2026-09"]


def test_two_consecutive_years_khtnv_are_flagged(home_db, actor, party, today):
    ratings.rate_member(home_db, actor, party["an"], 2024, "khong_hoan_thanh", today=today)
    ratings.rate_member(home_db, actor, party["an"], 2025, "khong_hoan_thanh", today=today)
    warning = _warnings(home_db, party["an"], WarningKind.TWO_YEARS_INCOMPLETE, today)[0]
    assert warning.data["years"] == [2024, 2025] and "02-HD/BTCTW" in warning.evidence


# --- re-admission, temporary members -------------------------------------------------------------------------

def test_readmission_only_as_294_allows(home_db, actor, cells, party, today):
    cell = cells["CB01"].id
    register.record_event(home_db, actor, party["an"], EventKind.STRUCK_OFF, date(2024, 3, 1),
                          details=EventDetails(ground="khong_dong_dang_phi"), today=today)
    with pytest.raises(ValidationError, match="ít nhất 36 tháng.*01/03/2027.*294-QĐ/TW"):
        register.record_event(home_db, actor, party["an"], EventKind.READMITTED, date(2026, 6, 1), cell_id=cell,
                              today=today)
    register.record_event(home_db, actor, party["binh"], EventKind.STRUCK_OFF, date(2020, 3, 1),
                          details=EventDetails(ground="bo_sinh_hoat"), today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError, match="«Tự bỏ sinh hoạt đảng» — không xem xét kết nạp lại"):
        register.record_event(home_db, actor, party["binh"], EventKind.READMITTED, date(2026, 6, 1), cell_id=cell,
                              today=today)
    assert dump(home_db) == before


def test_readmission_only_once(home_db, actor, cells, party, today):
    cell = cells["CB01"].id
    register.record_event(home_db, actor, party["an"], EventKind.STRUCK_OFF, date(2015, 3, 1),
                          details=EventDetails(ground="khong_dong_dang_phi"), today=today)
    register.record_event(home_db, actor, party["an"], EventKind.READMITTED, date(2018, 6, 1), cell_id=cell,
                          today=today)
    register.record_event(home_db, actor, party["an"], EventKind.STRUCK_OFF, date(2020, 3, 1),
                          details=EventDetails(ground="khong_dong_dang_phi"), today=today)
    with pytest.raises(ValidationError, match="chỉ kết nạp lại 1 lần"):
        register.record_event(home_db, actor, party["an"], EventKind.READMITTED, date(2026, 6, 1), cell_id=cell,
                              today=today)


def test_members_in_temporary_party_life_are_rated_at_their_official_cell(home_db, actor, cells, today, make_form):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id,
                                       entry=EventKind.TRANSFER_IN_TEMPORARY, entry_date=date(2025, 3, 1),
                                       today=today)
    assert member_id not in {x.member_id for x in ratings.rating_sheet(home_db, cells["CB01"].id, 2025)}
    with pytest.raises(ValidationError, match="đánh giá, xếp loại ở chi bộ sinh hoạt chính thức"):
        ratings.rate_member(home_db, actor, member_id, 2025, "tot", today=today)


def test_members_in_temporary_party_life_are_not_in_the_host_cells_numbers(home_db, actor, cells, party, today,
                                                                          make_form):
    guest, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id,
                                   entry=EventKind.TRANSFER_IN_TEMPORARY, entry_date=date(2026, 3, 1), today=today)
    meeting_id, _ = meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                            today=today)
    meeting = meetings.get_meeting(home_db, meeting_id)
    assert guest in {x.member_id for x in meetings.attendance_lines(home_db, meeting_id)}  # attends
    assert (meeting.present, meeting.expected) == (3, 3)  # An, Bình, Dũng; Giang exempted; the guest not counted
