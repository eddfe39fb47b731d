"""Dues, ratings, discipline, tasks, letters and contacts; bad input refused with nothing changed."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.party_life import DuesState
from tayninh_desktop.services import dues, ratings, register, transfers
from tests.services.test_party_life_meetings import build_party, dump


@pytest.fixture
def party(home_db, actor, cells, make_form, today):
    return build_party(home_db, actor, cells, make_form, today)


def test_dues_sheet_defaults(home_db, cells, party):
    lines = {x.member_id: x for x in dues.dues_sheet(home_db, cells["CB01"].id, "07/2026")}
    assert set(lines) == {party["an"], party["binh"], party["dung"], party["giang"]}
    assert lines[party["an"]].state is DuesState.PAID and lines[party["an"]].amount == 5000
    assert not lines[party["an"]].recorded
    # exempted from party activity, still pays (HD 27-HD/BTCTW) unless a decision exempts him from dues
    assert lines[party["giang"]].state is DuesState.PAID and lines[party["giang"]].amount == 5000


def test_record_dues_then_sheet_shows_them_and_totals(home_db, actor, cells, party, today):
    dues.record_dues(home_db, actor, cells["CB01"].id, "07/2026",
                     {party["an"]: (10000, "da_dong", "Đóng thêm tự nguyện"), party["binh"]: (0, "chua_dong", "")},
                     today=today)
    lines = {x.member_id: x for x in dues.dues_sheet(home_db, cells["CB01"].id, "07/2026")}
    assert lines[party["binh"]].state is DuesState.UNPAID and lines[party["binh"]].recorded
    assert [e.month for e in dues.arrears(home_db, party["binh"])] == ["2026-07"]
    assert dues.cell_totals(home_db, cells["CB01"].id, 2026)[0] == dues.MonthTotal("2026-07", 10000, 1, 1)
    # the next month's default is again what the rule computes (the extra was voluntary, with its reason)
    nxt = {x.member_id: x for x in dues.dues_sheet(home_db, cells["CB01"].id, "08/2026")}
    assert nxt[party["an"]].amount == 5000 and nxt[party["an"]].due == 5000


def test_dues_for_a_month_before_joining_are_refused(home_db, actor, cells, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues.record_dues(home_db, actor, cells["CB01"].id, "03/2026", {party["dung"]: (5000, "da_dong", "")},
                         today=today)
    assert info.value.issues[0].code == "dues_before_joining"
    assert "Phạm Văn Dũng chưa vào Đảng (vào Đảng ngày 10/05/2026)" in info.value.message
    assert dump(home_db) == before


def test_dues_of_a_member_of_another_cell_are_refused(home_db, actor, cells, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError, match="Lê Thị Cúc không sinh hoạt ở Chi bộ ấp Cầu Xe"):
        dues.record_dues(home_db, actor, cells["CB01"].id, "07/2026", {party["cuc"]: (5000, "da_dong", "")},
                         today=today)
    assert dump(home_db) == before


@pytest.mark.parametrize(("month", "code"), [("13/2026", "bad_month"), ("12/2026", "month_in_future")])
def test_bad_month(home_db, actor, cells, party, today, month, code):
    with pytest.raises(ValidationError) as info:
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {}, today=today)
    assert info.value.issues[0].code == code


def test_negative_amount_refused(home_db, actor, cells, party, today):
    with pytest.raises(ValidationError, match="Số tiền"):
        dues.record_dues(home_db, actor, cells["CB01"].id, "07/2026", {party["an"]: (-5, "da_dong", "")}, today=today)


def test_rating_twice_for_a_year_is_refused(home_db, actor, party, today):
    ratings.rate_member(home_db, actor, party["an"], 2025, "tot", score=80, today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        ratings.rate_member(home_db, actor, party["an"], 2025, "xuat_sac", score=95, today=today)
    assert info.value.issues[0].code == "rating_exists"
    assert "Năm: đảng viên Nguyễn Văn An đã được xếp loại năm 2025 (Hoàn thành tốt nhiệm vụ)" in info.value.message
    assert dump(home_db) == before


def test_rating_records_its_rule(home_db, actor, party, today):
    ratings.rate_member(home_db, actor, party["an"], 2024, "tot", today=today)
    ratings.rate_member(home_db, actor, party["an"], 2025, "xuat_sac", score=92, today=today)
    assert [(r.year, r.rule_code) for r in ratings.ratings_of(home_db, party["an"])] == [
        (2024, "124-QĐ/TW"), (2025, "366-QĐ/TW")]


def test_rating_a_year_not_yet_reviewable_is_refused(home_db, actor, party):
    with pytest.raises(ValidationError, match="chưa đến kỳ đánh giá"):
        ratings.rate_member(home_db, actor, party["an"], 2026, "tot", today=date(2026, 6, 1))


def test_not_rated_suggestions(home_db, party):
    assert ratings.suggested_not_rated(home_db, party["dung"], 2026) is None  # 10/05: over 6 months by 31/12
    assert ratings.suggested_not_rated(home_db, party["giang"], 2026).value == "mien_sinh_hoat"
    assert ratings.suggested_not_rated(home_db, party["an"], 2026) is None


def test_quota_check(home_db, actor, party, today):
    ratings.rate_member(home_db, actor, party["an"], 2025, "xuat_sac", score=95, today=today)
    ratings.rate_member(home_db, actor, party["binh"], 2025, "tot", score=80, today=today)
    check = ratings.quota_check(home_db, 2025)
    assert (check.excellent, check.good, check.broken) == (1, 1, True)


def test_discipline_in_force_twelve_months_from_its_announcement(home_db, actor, party, today):
    ratings.record_discipline(home_db, actor, party["an"], "canh_cao", "15/03/2026", announced_on_text="20/03/2026",
                              today=today)
    record = ratings.discipline_of(home_db, party["an"])[0]
    assert record.in_force_until == date(2027, 3, 20)
    with pytest.raises(ValidationError, match="Ngày quyết định"):
        ratings.record_discipline(home_db, actor, party["an"], "canh_cao", "32/03/2026", today=today)


def test_task_once_per_year(home_db, actor, party):
    ratings.assign_task(home_db, actor, party["an"], 2026, "Tuyên truyền trong tổ tự quản")
    with pytest.raises(ValidationError, match="đã được phân công"):
        ratings.assign_task(home_db, actor, party["an"], 2026, "Việc khác")


def test_letter_deadline_and_outcome(home_db, actor, party, today):
    letter_id, _ = transfers.issue_letter(home_db, actor, party["an"], "di", date(2026, 11, 2), today=today,
                                          letter_number="12-GGT/ĐU")
    letter = transfers.letters_of(home_db, party["an"])[0]
    assert letter.deadline == date(2026, 12, 14)
    transfers.record_letter_outcome(home_db, actor, letter_id, "da_trinh", presented_on=date(2026, 11, 20),
                                    today=today)
    assert transfers.letters_of(home_db, party["an"])[0].outcome.value == "da_trinh"


def test_contact_only_for_members_away(home_db, actor, party, today):
    with pytest.raises(DomainError, match="không ở diện đi làm ăn xa"):
        transfers.record_contact(home_db, actor, party["an"], today, today=today)
    register.record_event(home_db, actor, party["an"], EventKind.AWAY, date(2026, 1, 5), end_date=date(2027, 1, 4),
                          place="Bình Dương", doc_number="03-QĐ/ĐU", today=today)
    transfers.record_contact(home_db, actor, party["an"], date(2026, 10, 1), channel="Zalo", today=today)
    assert transfers.contacts_of(home_db, party["an"])[0].channel == "Zalo"
