"""Screening a year on a hand-made register: each detector proposes the member its facts name, with the evidence;
a sign changes nothing; a ground reached last year stays open until a case decides it; a bad office rule file
disables only its own detectors; results, allotments and the home page's help due dates."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.warnings import Severity, WarningKind
from tayninh_desktop.services import (
    case_votes,
    cases,
    dues,
    meetings,
    ratings,
    register,
    screening,
    screening_records,
    screening_results,
)
from tayninh_desktop.services.warnings import compute_warnings
from tests.services.screening_world import build, listed_case


@pytest.fixture
def world(home_db, actor, cells, make_form, today):
    return build(home_db, actor, cells, make_form, today)


def absent(db, actor, cell_id, member_id, days, today):
    for day in days:
        meetings.record_meeting(db, actor, cell_id, {"meeting_date": day},
                                attendance={member_id: ("vang_khong_ly_do", "")}, today=today)


def codes(run, member_id) -> set[tuple[str, bool]]:
    return {(s.code, s.carried) for s in run.signs if s.member_id == member_id}


def test_three_months_absent_is_a_ground_two_an_early_sign(home_db, actor, cells, world, today):
    cb01 = cells["CB01"].id
    absent(home_db, actor, cb01, world["a"], ["10/01/2026", "10/03/2026", "10/06/2026"], today)
    meetings.record_meeting(home_db, actor, cb01, {"meeting_date": "10/08/2026"},
                            attendance={world["b"]: ("vang_khong_ly_do", ""), world["c"]: ("vang_co_ly_do", "Ốm")},
                            today=today)
    before = [line for line in home_db.conn.iterdump()]
    run = screening.run(home_db, 2026, today=today)
    assert list(home_db.conn.iterdump()) == before          # a sign never changes anything
    sign = next(s for s in run.signs if s.member_id == world["a"])
    assert sign.code == "bo_sinh_hoat_3_thang" and sign.ground == "bo_sinh_hoat"
    assert sign.evidence == "Vắng sinh hoạt không lý do 3 tháng trong năm 2026: tháng 01/2026, 03/2026, 06/2026."
    assert sign.basis == "294-QĐ/TW ngày 26/05/2025"
    assert codes(run, world["b"]) == {("vang_sinh_hoat_1_2_thang", False)}
    assert not codes(run, world["c"])                      # an excused absence is no sign


def test_unpaid_dues_and_a_deferred_month(home_db, actor, cells, world, today):
    for month in ("01/2026", "02/2026", "05/2026"):
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {world["d"]: (0, "chua_dong", "")}, today=today)
    run = screening.run(home_db, 2026, today=today)
    assert codes(run, world["d"]) == {("khong_dong_dang_phi_3_thang", False)}


def test_a_ground_stays_open_across_the_new_year_until_a_case_decides_it(home_db, actor, cells, world, today):
    cb01 = cells["CB01"].id
    absent(home_db, actor, cb01, world["a"], ["10/02/2025", "10/04/2025", "10/09/2025"], today)
    run = screening.run(home_db, 2026, today=today)
    assert codes(run, world["a"]) == {("bo_sinh_hoat_3_thang", True)}
    carried = next(s for s in run.signs if s.member_id == world["a"])
    assert carried.year == 2025 and carried.basis == "294-QĐ/TW ngày 26/05/2025"   # in force at the end of 2025
    # the case decides it (the committee decided against removing: the ground is closed all the same)
    case_id, _ = cases.open_case(home_db, actor, world["a"], "dua_ra", date(2026, 1, 10), form="xoa_ten",
                                 ground="bo_sinh_hoat", sign_code="bo_sinh_hoat_3_thang", sign_year=2025,
                                 today=today)
    assert codes(screening.run(home_db, 2026, today=today), world["a"])   # open case: still a sign until decided
    cases.record_step(home_db, actor, case_id, "tu_kiem_diem", date(2026, 1, 20), source="nop", today=today)
    case_votes.record_vote(home_db, actor, case_id, date(2026, 2, 5), present=9, ballots=9, yes=9, no=0, today=today)
    case_votes.record_vote(home_db, actor, case_id, date(2026, 2, 15), level="committee", eligible=15, present=15,
                           ballots=15, yes=15, no=0, today=today)
    case_votes.record_vote(home_db, actor, case_id, date(2026, 2, 20), level="standing", eligible=5, present=5,
                           ballots=5, yes=5, no=0, today=today)
    case_votes.decide(home_db, actor, case_id, date(2026, 3, 1), number="9-QĐ/ĐU", removed=False, today=today)
    assert not codes(screening.run(home_db, 2026, today=today), world["a"])
    # and the early warnings read the same hook
    open_grounds = [w for w in compute_warnings(home_db, today=today)
                    if w.member_id == world["a"] and w.data.get("open")]
    assert not open_grounds


def test_two_years_not_completed_and_a_new_violation_under_discipline(home_db, actor, world, today):
    for year in (2024, 2025):
        ratings.rate_member(home_db, actor, world["e"], year, "khong_hoan_thanh", today=today)
    ratings.record_discipline(home_db, actor, world["f"], "canh_cao", "10/01/2026", announced_on_text="12/01/2026",
                              doc_number="1-QĐ/UBKT", today=today)
    ratings.record_discipline(home_db, actor, world["f"], "khien_trach", "10/05/2026", announced_on_text="12/05/2026",
                              doc_number="2-QĐ/UBKT", today=today)
    screening_records.add_fact(home_db, actor, world["g"], "uy_tin_thap", "mat_tran", date(2026, 4, 2),
                               source_name="Ban công tác mặt trận ấp Cầu Xe", text="Nhiều lần gây mất trật tự",
                               today=today)
    run = screening.run(home_db, 2026, today=today)
    assert codes(run, world["e"]) == {("hai_nam_khong_hoan_thanh", False)}
    reoffence = next(s for s in run.signs if s.member_id == world["f"])
    assert reoffence.code == "tai_pham_khi_dang_ky_luat" and "kỷ luật cảnh cáo ngày 10/01/2026" in reoffence.evidence
    reported = next(s for s in run.signs if s.member_id == world["g"])
    assert reported.code == "phan_anh_noi_cu_tru_lam_viec" and "Ban công tác mặt trận ấp Cầu Xe" in reported.evidence


def test_away_past_its_end_probation_and_help_overdue(home_db, actor, world, today):
    register.record_event(home_db, actor, world["h"], EventKind.AWAY, date(2025, 12, 1), end_date=date(2026, 6, 1),
                          doc_number="7-QĐ/ĐU", place="TP. Hồ Chí Minh", details=EventDetails(), today=today)
    listed_case(home_db, actor, world["i"], today, on=date(2025, 9, 10))
    run = screening.run(home_db, 2026, today=today)
    assert ("di_lam_an_xa_qua_han", False) in codes(run, world["h"])
    assert codes(run, world["i"]) == {("giup_do_12_thang_khong_tien_bo", False)}
    later = screening.run(home_db, 2027, today=date(2027, 7, 20))
    assert ("du_bi_qua_han_xet", False) in codes(later, world["prob"])   # 12 months on 10/05/2027 + 30 working days


def test_one_cell_only(home_db, actor, cells, world, today):
    absent(home_db, actor, cells["CB01"].id, world["a"], ["10/01/2026"], today)
    absent(home_db, actor, cells["CB02"].id, world["other"], ["10/01/2026"], today)
    run = screening.run(home_db, 2026, cell_id=cells["CB02"].id, today=today)
    assert {s.member_id for s in run.signs} == {world["other"]}


def test_a_bad_office_rule_file_disables_only_its_own_rules(home_db, actor, cells, world, today, tmp_path):
    absent(home_db, actor, cells["CB01"].id, world["a"], ["10/01/2026", "10/02/2026", "10/03/2026"], today)
    (tmp_path / "detectors_van_phong.toml").write_text(
        '[[detector]]\ncode = "thu"\nmeasure = "absent_months"\nlevel = "sign"\ndescription = "Thử"\nmin = 1\n'
        'nguong = 2\nbasis = "Thử"\ndoc_number = "1-HD/THU"\ndoc_date = 2024-01-01\nvalid_from = 2024-01-01\n',
        encoding="utf-8")
    run = screening.run(home_db, 2026, today=today, folder=tmp_path)
    problem = run.detector_set.problems[0]
    assert problem.file == "detectors_van_phong.toml" and problem.codes == ("thu",) and "«nguong»" in problem.message
    assert codes(run, world["a"]) == {("bo_sinh_hoat_3_thang", False)}


def test_a_year_not_yet_come_is_refused(home_db, today):
    from tayninh_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        screening.run(home_db, 2027, today=today)
    assert "screening_year" in info.value.by_field()


def test_results_allotment_and_the_home_page(home_db, actor, cells, world, today):
    home = home_db.execute("SELECT id FROM units WHERE is_home = 1").fetchone()[0]
    screening_records.set_allotment(home_db, actor, home, 2026, 1, "15-CV/ĐU", date(2026, 1, 20))
    for key in ("a", "b"):
        case_id, _ = cases.open_case(home_db, actor, world[key], "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                     ground="tieu_chuan_chinh_tri", today=today)
        cases.record_step(home_db, actor, case_id, "tu_kiem_diem", date(2026, 3, 2), source="nop", today=today)
        if key == "a":
            for level, base in (("cell", None), ("committee", 15), ("standing", 5)):
                figures = {"eligible": base, "present": base or 9, "ballots": base or 9, "yes": base or 9, "no": 0}
                case_votes.record_vote(home_db, actor, case_id, date(2026, 4, 1), level=level, today=today, **figures)
            case_votes.decide(home_db, actor, case_id, date(2026, 4, 5), number="3-QĐ/ĐU", today=today)
    listed_case(home_db, actor, world["c"], today, on=date(2025, 12, 10))
    rows = screening_results.results(home_db, 2026, today=today)
    total = rows[-1]
    assert total.cell_id is None and total.xoa_ten == 1 and total.pending == 1 and total.allotted == 1
    assert total.allotment_state == "near" and total.helped == 1
    warnings = compute_warnings(home_db, today=today)
    allotment = next(w for w in warnings if w.kind is WarningKind.ALLOTMENT)
    assert allotment.severity is Severity.NEAR and "số được phân bổ là 1 (văn bản 15-CV/ĐU" in allotment.evidence
    due = next(w for w in warnings if w.kind is WarningKind.HELP_DUE)   # 12 months on 10/12/2026, within 30 days
    assert due.member_id == world["c"] and due.severity is Severity.NOTICE and "10/12/2026" in due.evidence
    passed = next(w for w in compute_warnings(home_db, today=date(2026, 12, 20)) if w.kind is WarningKind.HELP_DUE)
    assert passed.severity is Severity.REACHED
    refused = pytest.raises(Exception)
    with refused:
        screening_records.set_allotment(home_db, actor, home, 2026, 3, "  ")
