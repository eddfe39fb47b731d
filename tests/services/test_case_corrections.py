"""Correcting a step recorded by mistake: a new step supersedes it with its reason (audited), the old one is kept and
shown as corrected, the case is not withdrawn; what the case stands on follows the correction; every refusal names
its field and changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.cases import CaseState, Step
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import case_views, case_votes, cases, integrity
from tayninh_desktop.services.case_corrections import Correction, correct_step
from tayninh_desktop.storage import cases_repo
from tests.services.screening_world import build, help_case_ready_to_vote, listed_case, removal_through_levels


@pytest.fixture
def world(home_db, actor, cells, make_form, today):
    return build(home_db, actor, cells, make_form, today)


def dump(db) -> list[str]:
    return [line for line in db.conn.iterdump() if "audit_log" not in line]


def refused(db, call, field: str) -> DomainError:
    before = dump(db)
    with pytest.raises(DomainError) as info:
        call()
    assert dump(db) == before
    if field:
        assert isinstance(info.value, ValidationError), info.value.message
        assert field in info.value.by_field(), info.value.by_field()
    return info.value


def test_a_corrected_note_is_kept_struck_and_its_correction_takes_its_place(home_db, actor, world, today):
    case_id = listed_case(home_db, actor, world["a"], today)
    wrong, _ = cases.record_step(home_db, actor, case_id, "theo_doi", date(2025, 4, 8), text="Vắng họp tháng 4",
                                 today=today)
    cases.record_step(home_db, actor, case_id, "theo_doi", date(2025, 5, 8), text="Có tiến bộ", today=today)
    new_id, _ = correct_step(home_db, actor, case_id, wrong, "Ghi nhầm: tháng 4 đồng chí có mặt",
                             Correction(text="Có mặt, phát biểu ý kiến"), today=today)
    case = cases.get_case(home_db, case_id)
    assert case.state is CaseState.OPEN and case.listed
    assert [s.text for s in case.of(Step.PROGRESS)] == ["Có mặt, phát biểu ý kiến", "Có tiến bộ"]   # in its place
    assert [s.id for s in case.all_steps].index(new_id) == [s.id for s in case.all_steps].index(wrong) + 1
    steps = {s["id"]: s for s in case_views.case_as_dict(home_db, case, today)["steps"]}
    assert steps[wrong]["superseded_by"] == new_id and steps[wrong]["words"].startswith("ĐÃ SỬA — Ghi nhầm")
    assert steps[new_id]["corrects"] == wrong
    assert "sửa lại bước đã ghi ngày 08/04/2025; lý do: Ghi nhầm: tháng 4 đồng chí có mặt" in steps[new_id]["words"]
    entry = home_db.execute("SELECT action, before_json, after_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert entry[0] == "case_step_correction" and "Vắng họp tháng 4" in entry[1] and "Ghi nhầm" in entry[2]
    assert integrity.check_file(Path(home_db.path_text)).ok


def test_a_help_vote_corrected_to_another_day_moves_the_twelve_months(home_db, actor, world, today):
    case_id = listed_case(home_db, actor, world["a"], today)             # 8/9 on 10/03/2025
    vote = cases.get_case(home_db, case_id).last(Step.VOTE)
    correct_step(home_db, actor, case_id, vote.id, "Chi bộ họp ngày 12/3, không phải 10/3",
                 Correction(on=date(2025, 3, 12), yes=7, no=2), today=today)
    case = cases.get_case(home_db, case_id)
    assert case.listed_on == date(2025, 3, 12) and case.due_on == date(2026, 3, 12)
    assert (case.last(Step.VOTE).vote.yes, case.last(Step.VOTE).passed) == (7, True)
    # the hook the warnings and the screening read takes the correction, not the superseded vote
    assert cases_repo.closing_cases(home_db, [world["a"]], date(2025, 1, 1))[world["a"]][0] == "2025-03-12"


def test_figures_that_change_the_result_are_refused(home_db, actor, world, today):
    case_id = listed_case(home_db, actor, world["a"], today)
    vote = cases.get_case(home_db, case_id).last(Step.VOTE)
    error = refused(home_db, lambda: correct_step(home_db, actor, case_id, vote.id, "Đếm lại phiếu",
                                                  Correction(yes=5, no=4), today=today), "yes")
    assert "kết quả là «không đạt», khác kết quả đã ghi «đạt»" in error.message
    error = refused(home_db, lambda: correct_step(home_db, actor, case_id, vote.id, "Đếm lại phiếu",
                                                  Correction(present=9, ballots=10, yes=9, no=1), today=today), "ballots")
    assert "nhiều hơn số có quyền biểu quyết" in error.message


def test_the_helper_corrected_is_the_cases_helper_and_is_checked(home_db, actor, world, today):
    case_id = listed_case(home_db, actor, world["a"], today)
    cases.assign_helper(home_db, actor, case_id, world["b"], date(2025, 3, 12), today=today)
    helper = cases.get_case(home_db, case_id).last(Step.HELPER)
    refused(home_db, lambda: correct_step(home_db, actor, case_id, helper.id, "Nhầm người",
                                          Correction(helper_id=world["prob"]), today=today), "helper_id")
    correct_step(home_db, actor, case_id, helper.id, "Nghị quyết phân công đồng chí Cường",
                 Correction(helper_id=world["c"]), today=today)
    assert cases.get_case(home_db, case_id).helper_id == world["c"]


def test_a_committee_vote_keeps_its_entered_base(home_db, actor, world, today):
    case_id = removal_through_levels(home_db, actor, world["a"], today)
    vote = cases.get_case(home_db, case_id).votes("committee")[-1]
    correct_step(home_db, actor, case_id, vote.id, "Số phiếu ghi nhầm", Correction(present=14, ballots=14, yes=13,
                                                                                   no=1), today=today)
    corrected = cases.get_case(home_db, case_id).votes("committee")[-1]
    assert (corrected.vote.eligible, corrected.vote.yes, corrected.passed) == (15, 13, True)
    refused(home_db, lambda: correct_step(home_db, actor, case_id, vote.id, "lại", Correction(yes=12, no=2),
                                          today=today), "correct_step")   # corrected already: correct the new one


@pytest.mark.parametrize("which, words", [
    ("lap_ho_so", "rút hồ sơ"), ("quyet_dinh", "Quá trình sinh hoạt"),
])
def test_steps_corrected_otherwise_say_how(home_db, actor, world, today, which, words):
    case_id = removal_through_levels(home_db, actor, world["a"], today)
    case_votes.decide(home_db, actor, case_id, date(2026, 5, 2), number="15-QĐ/ĐU", today=today)
    step = cases.get_case(home_db, case_id).of(Step(which))[0]
    error = refused(home_db, lambda: correct_step(home_db, actor, case_id, step.id, "Nhầm",
                                                  Correction(on=date(2026, 3, 2)), today=today), "correct_step")
    assert words in error.message


def test_reason_change_and_state_are_required(home_db, actor, world, today):
    case_id = help_case_ready_to_vote(home_db, actor, world["a"], today)
    proposal = cases.get_case(home_db, case_id).last(Step.PROPOSED)
    refused(home_db, lambda: correct_step(home_db, actor, case_id, proposal.id, "  ", Correction(doc_number="02"),
                                          today=today), "correction_reason")
    refused(home_db, lambda: correct_step(home_db, actor, case_id, proposal.id, "Không đổi gì",
                                          Correction(doc_number="01-DS/CB"), today=today), "correct_step")
    refused(home_db, lambda: correct_step(home_db, actor, case_id, proposal.id, "Ngày",
                                          Correction(on=date(2026, 1, 1)), today=today), "step_date")
    refused(home_db, lambda: correct_step(home_db, actor, case_id, "khong-co", "Nhầm", Correction(doc_number="2"),
                                          today=today), "correct_step")
    cases.withdraw(home_db, actor, case_id, date(2026, 3, 1), "Lập nhầm đảng viên")
    error = refused(home_db, lambda: correct_step(home_db, actor, case_id, proposal.id, "Nhầm",
                                                  Correction(doc_number="02"), today=today), "")
    assert "đã rút" in error.message


def test_the_last_failed_vote_that_escalated_keeps_its_date(home_db, actor, world, today):
    case_id, _ = cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="bo_sinh_hoat", today=today)
    cases.record_step(home_db, actor, case_id, "tu_kiem_diem", date(2026, 3, 2), source="tu_choi", today=today)
    for day in (date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1)):
        case_votes.record_vote(home_db, actor, case_id, day, present=9, ballots=9, yes=5, no=4, today=today)
    last = cases.get_case(home_db, case_id).votes("cell")[-1]
    error = refused(home_db, lambda: correct_step(home_db, actor, case_id, last.id, "Ngày họp",
                                                  Correction(on=date(2026, 6, 3)), today=today), "step_date")
    assert "đưa hồ sơ lên cấp trên" in error.message
    correct_step(home_db, actor, case_id, last.id, "Số phiếu", Correction(yes=4, no=5), today=today)
    assert cases.get_case(home_db, case_id).votes("cell")[-1].vote.yes == 4


def test_a_paper_issued_for_a_vote_stays_with_its_correction(papers_ready, actor, cells, make_form, today, tmp_path):
    from tayninh_desktop.services import documents

    ids = build(papers_ready, actor, cells, make_form, today)
    case_id = removal_through_levels(papers_ready, actor, ids["a"], today)
    issued, _ = documents.print_form(papers_ready, actor, "nghi_quyet_de_nghi_xoa_ten", tmp_path / "nq.pdf",
                                     documents.PrintRequest(case_id=case_id))
    vote = cases.get_case(papers_ready, case_id).votes("cell")[-1]
    assert vote.document_id == issued.document_id
    correct_step(papers_ready, actor, case_id, vote.id, "Số phiếu ghi nhầm", Correction(yes=8, no=1), today=today)
    assert cases.get_case(papers_ready, case_id).votes("cell")[-1].document_id == issued.document_id
