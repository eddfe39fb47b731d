"""Cases on a hand-made register: the help list and its vote, the helper, the screening vote, removal cases of every
form with their levels, escalation and decision; every bad input of issue 12 refused naming the field, nothing
changed."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.cases import CaseState, Outcome, Step
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import case_views, case_votes, cases, ratings, register
from tests.services.screening_world import VOTERS, build, help_case_ready_to_vote, listed_case


@pytest.fixture
def world(home_db, actor, cells, make_form, today):
    return build(home_db, actor, cells, make_form, today)


def dump(db) -> list[str]:
    return [line for line in db.conn.iterdump() if "audit_log" not in line]


def refused(db, call, field: str) -> ValidationError | DomainError:
    """``call`` is refused with a message naming ``field`` (a ValidationError) and changes nothing."""
    before = dump(db)
    with pytest.raises(DomainError) as info:
        call()
    assert dump(db) == before
    if field:
        assert isinstance(info.value, ValidationError), info.value.message
        assert field in info.value.by_field(), info.value.by_field()
    return info.value


def test_help_list_vote_counts_full_members_on_the_meeting_date(home_db, actor, world, today):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    passed, _ = case_votes.record_vote(home_db, actor, case_id, date(2026, 3, 5), present=8, ballots=8, yes=6, no=2,
                                       today=today)
    case = cases.get_case(home_db, case_id)
    vote = case.last(Step.VOTE)
    # 9 voters (the probationary member does not vote, the exempted one is left out): two thirds is 6.
    assert vote.vote.eligible == VOTERS and passed and vote.passed
    assert case.listed_on == date(2026, 3, 5) and case.due_on == date(2027, 3, 5)


def test_a_help_vote_below_two_thirds_closes_the_case_not_listed(home_db, actor, world, today):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    passed, _ = case_votes.record_vote(home_db, actor, case_id, date(2026, 3, 5), present=9, ballots=9, yes=5, no=4,
                                       today=today)
    case = cases.get_case(home_db, case_id)
    assert not passed and case.state is CaseState.CLOSED and case.outcome is Outcome.NOT_LISTED


def test_the_vote_needs_the_proposal_and_both_opinions(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["a"], "giup_do", date(2026, 2, 1), criterion="suy_thoai",
                                 today=today)
    error = refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 3, 5), present=9,
                                                            ballots=9, yes=9, no=0, today=today), "step_date")
    assert "Chi ủy đề xuất" in error.message


def test_more_ballots_than_eligible_is_refused_naming_the_field(home_db, actor, world, today):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    error = refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 3, 5), present=9,
                                                            ballots=10, yes=10, no=0, today=today), "ballots")
    assert error.by_field()["ballots"] == [("Số phiếu thu về: 10 phiếu nhiều hơn số có quyền biểu quyết (9) — kiểm"
                                           " tra lại số phiếu.")]


@pytest.mark.parametrize("figures, field", [
    ({"present": 9, "ballots": 8, "yes": 5, "no": 2, "invalid": 0}, "yes"),   # 5 + 2 + 0 ≠ 8
    ({"present": 10, "ballots": 8, "yes": 6, "no": 2}, "present"),
    ({"present": 6, "ballots": 8, "yes": 6, "no": 2}, "ballots"),
    ({"present": 9, "ballots": 9, "yes": -1, "no": 2}, "yes"),
    ({"present": 9, "ballots": 9, "yes": 6}, "no"),
])
def test_impossible_figures_are_refused(home_db, actor, world, today, figures, field):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 3, 5), today=today,
                                                    **figures), field)


def test_a_cell_vote_takes_its_eligible_from_the_register(home_db, actor, world, today):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 3, 5), eligible=11,
                                                    present=9, ballots=9, yes=9, no=0, today=today), "eligible")


def test_a_second_open_case_of_one_kind_is_refused(home_db, actor, world, today):
    cases.open_case(home_db, actor, world["a"], "giup_do", date(2026, 2, 1), criterion="suy_thoai", today=today)
    error = refused(home_db, lambda: cases.open_case(home_db, actor, world["a"], "giup_do", date(2026, 3, 1),
                                                     criterion="uy_tin_thap", today=today), "case_member")
    assert "đang có hồ sơ giáo dục, giúp đỡ (lập ngày 01/02/2026)" in error.message
    # another kind is another case
    cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 3, 1), form="xoa_ten", ground="bo_sinh_hoat",
                    today=today)


def test_a_helper_must_be_a_full_member_of_the_cell_not_listed(home_db, actor, world, today):
    first = listed_case(home_db, actor, world["a"], today)
    listed_case(home_db, actor, world["b"], today)
    on = date(2025, 4, 1)
    refused(home_db, lambda: cases.assign_helper(home_db, actor, first, world["prob"], on, today=today), "helper_id")
    refused(home_db, lambda: cases.assign_helper(home_db, actor, first, world["other"], on, today=today), "helper_id")
    refused(home_db, lambda: cases.assign_helper(home_db, actor, first, world["old"], on, today=today), "helper_id")
    error = refused(home_db, lambda: cases.assign_helper(home_db, actor, first, world["b"], on, today=today),
                    "helper_id")
    assert "cũng đang trong danh sách" in error.message
    refused(home_db, lambda: cases.assign_helper(home_db, actor, first, world["a"], on, today=today), "helper_id")
    cases.assign_helper(home_db, actor, first, world["c"], on, doc_number="05-NQ/CB", today=today)
    assert cases.get_case(home_db, first).helper_id == world["c"]


def test_twelve_months_of_help_then_the_screening_vote(home_db, actor, world, today):
    case_id = listed_case(home_db, actor, world["a"], today)
    cases.assign_helper(home_db, actor, case_id, world["c"], date(2025, 3, 20), today=today)
    cases.record_step(home_db, actor, case_id, "cam_ket", date(2025, 3, 25), text="Cam kết sinh hoạt đều",
                      today=today)
    cases.record_step(home_db, actor, case_id, "theo_doi", date(2025, 9, 10), text="Có tiến bộ", today=today)
    refused(home_db, lambda: case_votes.screening_vote(home_db, actor, case_id, date(2026, 3, 1), present=9, ballots=9,
                                                       yes=9, no=0, today=today), "step_date")
    passed, removal, _ = case_votes.screening_vote(home_db, actor, case_id, date(2026, 3, 12), present=9, ballots=9,
                                                   yes=7, no=2, today=today)
    case = cases.get_case(home_db, case_id)
    assert passed and removal is None and case.outcome is Outcome.PROGRESSED and case.state is CaseState.CLOSED


def test_not_progressed_opens_a_removal_case_in_the_form_that_fits(home_db, actor, world, today):
    case_id = listed_case(home_db, actor, world["a"], today)
    passed, removal_id, _ = case_votes.screening_vote(home_db, actor, case_id, date(2026, 3, 12), present=9,
                                                      ballots=9, yes=3, no=6, today=today)
    removal = cases.get_case(home_db, removal_id)
    assert not passed and cases.get_case(home_db, case_id).outcome is Outcome.NOT_PROGRESSED
    assert removal.form.value == "xoa_ten" and removal.ground == "khong_tien_bo" and removal.origin_id == case_id


def _removal_to_decision(db, actor, member_id, today, *, vote_on=date(2026, 4, 10)) -> str:
    case_id, _ = cases.open_case(db, actor, member_id, "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="bo_sinh_hoat", today=today)
    for day in (date(2026, 3, 5), date(2026, 3, 15), date(2026, 3, 25)):
        cases.record_step(db, actor, case_id, "yeu_cau_kiem_diem", day, today=today)
    case_votes.record_vote(db, actor, case_id, vote_on, present=9, ballots=9, yes=7, no=2, doc_number="03-NQ/CB",
                           today=today)
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 20), level="committee", eligible=15, present=13,
                           ballots=13, yes=12, no=1, doc_number="21-NQ/ĐU", today=today)
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 25), level="standing", eligible=5, present=5,
                           ballots=5, yes=4, no=1, today=today)
    return case_id


def test_xoa_ten_through_every_level_writes_the_status_event(home_db, actor, world, today):
    case_id = _removal_to_decision(home_db, actor, world["a"], today)
    refused(home_db, lambda: case_votes.decide(home_db, actor, case_id, date(2026, 4, 22), number="15-QĐ/ĐU",
                                               today=today), "decision_date")
    case_votes.decide(home_db, actor, case_id, date(2026, 5, 2), number="15-QĐ/ĐU",
                      card_recovered_on=date(2026, 5, 10), today=today)
    case = cases.get_case(home_db, case_id)
    member = register.get_member(home_db, world["a"])
    event = next(e for e in register.history(home_db, world["a"]) if e.id == case.decision_event_id)
    assert member.status is MemberStatus.STRUCK_OFF and event.doc_number == "15-QĐ/ĐU"
    # the deciding body is the committee's standing committee after 01/07/2025, named from the tree that day
    assert event.doc_issuer == "Ban Thường vụ Đảng ủy xã Hưng Thuận"
    assert case.outcome is Outcome.REMOVED and case.of(Step.CARD_RECOVERED)[0].on == date(2026, 5, 10)


def test_a_decision_before_its_vote_is_refused(home_db, actor, world, today):
    case_id = _removal_to_decision(home_db, actor, world["a"], today)
    error = refused(home_db, lambda: case_votes.decide(home_db, actor, case_id, date(2026, 4, 24), number="15-QĐ/ĐU",
                                                       today=today), "decision_date")
    assert "trước ngày biểu quyết 25/04/2026 (Ban Thường vụ)" in error.message


def test_levels_vote_in_order_and_the_cell_needs_the_self_review(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="khong_dong_dang_phi", today=today)
    refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 4, 1), present=9, ballots=9,
                                                    yes=9, no=0, today=today), "vote_level")
    cases.record_step(home_db, actor, case_id, "tu_kiem_diem", date(2026, 3, 20), source="nop", today=today)
    refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 4, 1), level="committee",
                                                    eligible=15, present=15, ballots=15, yes=15, no=0, today=today),
            "vote_level")
    refused(home_db, lambda: case_votes.decide(home_db, actor, case_id, date(2026, 4, 2), number="1-QĐ/ĐU",
                                               today=today), "")


def test_self_review_requests_up_to_three(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="bo_sinh_hoat", today=today)
    for day in (5, 15, 25):
        cases.record_step(home_db, actor, case_id, "yeu_cau_kiem_diem", date(2026, 3, day), today=today)
    error = refused(home_db, lambda: cases.record_step(home_db, actor, case_id, "yeu_cau_kiem_diem",
                                                       date(2026, 4, 1), today=today), "self_review")
    assert "chỉ yêu cầu đến lần thứ 3" in error.message


def test_three_failed_votes_escalate_to_the_next_level(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="bo_sinh_hoat", today=today)
    cases.record_step(home_db, actor, case_id, "tu_kiem_diem", date(2026, 3, 2), source="tu_choi", today=today)
    for day in (date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1)):
        passed, _ = case_votes.record_vote(home_db, actor, case_id, day, present=9, ballots=9, yes=5, no=4,
                                           today=today)
        assert not passed
    case = cases.get_case(home_db, case_id)
    assert case.level_cleared("cell") and case.last(Step.ESCALATED).level == "cell"
    refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 7, 1), present=9, ballots=9,
                                                    yes=9, no=0, today=today), "vote_level")
    passed, _ = case_votes.record_vote(home_db, actor, case_id, date(2026, 7, 10), level="committee", eligible=15,
                                       present=15, ballots=15, yes=10, no=5, today=today)
    assert passed   # 10 of 15 is two thirds
    assert case_views.next_step(home_db, cases.get_case(home_db, case_id), today).action == "vote_standing"


def test_leaving_on_request_is_refused_with_a_violation_pending(home_db, actor, world, today):
    ratings.record_discipline(home_db, actor, world["a"], "canh_cao", "10/06/2026", announced_on_text="15/06/2026",
                              doc_number="3-QĐ/UBKT", today=today)
    error = refused(home_db, lambda: cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 9, 1),
                                                     form="xin_ra", today=today), "removal_form")
    assert "kỷ luật cảnh cáo ngày 10/06/2026 còn hiệu lực" in error.message


def test_leaving_on_request_without_violation_needs_the_letter(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["b"], "dua_ra", date(2026, 9, 1), form="xin_ra", today=today)
    refused(home_db, lambda: case_votes.record_vote(home_db, actor, case_id, date(2026, 9, 10), present=9, ballots=9,
                                                    yes=9, no=0, today=today), "vote_level")
    cases.record_step(home_db, actor, case_id, "don_de_nghi", date(2026, 9, 2), text="Lý do sức khỏe", today=today)
    case_votes.record_vote(home_db, actor, case_id, date(2026, 9, 10), present=9, ballots=9, yes=9, no=0, today=today)
    case_votes.record_vote(home_db, actor, case_id, date(2026, 9, 20), level="committee", eligible=15, present=15,
                           ballots=15, yes=15, no=0, today=today)
    case_votes.record_vote(home_db, actor, case_id, date(2026, 9, 25), level="standing", eligible=5, present=5,
                           ballots=5, yes=5, no=0, today=today)
    case_votes.decide(home_db, actor, case_id, date(2026, 10, 1), number="20-QĐ/ĐU", today=today)
    assert register.get_member(home_db, world["b"]).status is MemberStatus.LEFT


def test_expulsion_is_recorded_from_the_discipline_track(home_db, actor, world, today):
    discipline_id, _ = ratings.record_discipline(home_db, actor, world["c"], "khai_tru", "10/06/2026",
                                                 announced_on_text="15/06/2026", doc_number="4-QĐ/UBKT",
                                                 issuer="Ủy ban Kiểm tra Đảng ủy", today=today)
    case_id, _ = case_votes.expel(home_db, actor, discipline_id, today=today)
    case = cases.get_case(home_db, case_id)
    assert register.get_member(home_db, world["c"]).status is MemberStatus.EXPELLED
    assert case.form.value == "khai_tru" and case.outcome is Outcome.REMOVED
    warning_id, _ = ratings.record_discipline(home_db, actor, world["d"], "canh_cao", "10/06/2026",
                                              announced_on_text="15/06/2026", today=today)
    refused(home_db, lambda: case_votes.expel(home_db, actor, warning_id, today=today), "discipline_id")
    before = list(home_db.conn.iterdump())   # the expulsion's discipline is corrected in its case, not removed alone
    with pytest.raises(DomainError, match="được ghi từ quyết định trong hồ sơ xử lý"):
        ratings.remove_discipline(home_db, actor, discipline_id, "Ghi nhầm")
    assert list(home_db.conn.iterdump()) == before


def test_withdrawal_keeps_everything(home_db, actor, world, today):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    refused(home_db, lambda: cases.withdraw(home_db, actor, case_id, date(2026, 3, 1), "  ", today=today),
            "withdraw_reason")
    cases.withdraw(home_db, actor, case_id, date(2026, 3, 1), "Ghi nhầm đảng viên", today=today)
    case = cases.get_case(home_db, case_id)
    assert case.state is CaseState.WITHDRAWN and len(case.steps) == 5
    refused(home_db, lambda: cases.record_step(home_db, actor, case_id, "de_xuat", date(2026, 3, 2), today=today), "")
    # withdrawn: a new case of the kind may open
    cases.open_case(home_db, actor, world["a"], "giup_do", date(2026, 3, 2), criterion="suy_thoai", today=today)


def test_the_decision_event_cannot_be_deleted_from_the_history(home_db, actor, world, today):
    case_id = _removal_to_decision(home_db, actor, world["a"], today)
    case_votes.decide(home_db, actor, case_id, date(2026, 5, 2), number="15-QĐ/ĐU", today=today)
    event_id = cases.get_case(home_db, case_id).decision_event_id
    error = refused(home_db, lambda: register.delete_event(home_db, actor, event_id, today=today), "")
    assert error.code == "case_event_delete"


def test_guidance_names_the_next_step_and_its_deadline(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["a"], "giup_do", date(2026, 11, 10), criterion="suy_thoai",
                                 today=today)
    guide = case_views.next_step(home_db, cases.get_case(home_db, case_id), today)
    assert guide.action == "propose" and guide.deadline == date(2026, 12, 31)
    assert "tháng 12" in guide.deadline_text and "(chưa xác nhận)" in guide.deadline_text


def test_settlement_abroad_cites_127_and_needs_the_letter(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["d"], "dua_ra", date(2026, 6, 1), form="dinh_cu", today=today)
    guide = case_views.next_step(home_db, cases.get_case(home_db, case_id), today)
    assert guide.action == "request_letter" and "127-QĐ/TW ngày 03/11/2004" in guide.text
    cases.record_step(home_db, actor, case_id, "don_de_nghi", date(2026, 6, 2), text="Theo chồng định cư", today=today)
    for level, base, day in (("cell", None, 10), ("committee", 15, 20), ("standing", 5, 25)):
        figures = {"eligible": base, "present": base or 9, "ballots": base or 9, "yes": base or 9, "no": 0}
        case_votes.record_vote(home_db, actor, case_id, date(2026, 6, day), level=level, today=today, **figures)
    case_votes.decide(home_db, actor, case_id, date(2026, 7, 1), number="30-QĐ/ĐU", today=today)
    assert register.get_member(home_db, world["d"]).status is MemberStatus.SETTLED_ABROAD


def test_before_july_2025_the_district_standing_committee_decides(demo_copy, actor, today):
    """The deciding body comes from the organisation tree on the decision's date: the demo's commune sat under the
    Trảng Bàng district until 30/06/2025, whose standing committee decided (and no standing-committee level voted
    in the commune)."""
    from tayninh_desktop.domain.members import Standing
    from tayninh_desktop.storage import roster_repo
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_copy)
    try:
        on = date(2024, 3, 1)
        later = {e.member_id for e in roster_repo.roster_on(db, None, date(2024, 6, 1))}
        entry = next(e for e in roster_repo.roster_on(db, None, on) if e.standing is Standing.FULL
                     and e.status is MemberStatus.FULL and e.member_id in later
                     and all(x.event_date < on for x in register.history(db, e.member_id)))   # nothing after
        case_id, _ = cases.open_case(db, actor, entry.member_id, "dua_ra", on, form="xoa_ten",
                                     ground="tieu_chuan_chinh_tri", today=today)
        cases.record_step(db, actor, case_id, "tu_kiem_diem", date(2024, 3, 5), source="nop", today=today)
        voters = case_votes.cell_voters(db, entry.cell_id, date(2024, 3, 20))
        case_votes.record_vote(db, actor, case_id, date(2024, 3, 20), present=voters, ballots=voters, yes=voters, no=0,
                               today=today)
        refused(db, lambda: case_votes.record_vote(db, actor, case_id, date(2024, 4, 1), level="standing", eligible=5,
                                                   present=5, ballots=5, yes=5, no=0, today=today), "vote_level")
        case_votes.record_vote(db, actor, case_id, date(2024, 4, 1), level="committee", eligible=15, present=15,
                               ballots=15, yes=12, no=3, today=today)
        case_votes.decide(db, actor, case_id, date(2024, 5, 2), number="120-QĐ/HU", today=today)
        event_id = cases.get_case(db, case_id).decision_event_id
        event = next(e for e in register.history(db, entry.member_id) if e.id == event_id)
        assert event.doc_issuer == "Ban Thường vụ Huyện ủy Trảng Bàng" and event.doc_number == "120-QĐ/HU"
    finally:
        db.conn.close()
