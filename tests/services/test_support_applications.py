"""Applications from submission to payment, the support computed, and the fund's ledger."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import fund, fund_reconcile, support_applications
from tests.services import support_fixtures
from tests.services.support_fixtures import dump, interest, loan

people = support_fixtures.people

ITEMS = {"la_dang_vien": (True, "Xác nhận của chi bộ ngày 02/10/2026"),
         "thuoc_doi_tuong": (True, "Giấy chứng nhận hộ cận nghèo 15/GCN-UBND"),
         "khoan_vay": (True, "Sổ vay vốn KU-0001"), "da_tra_lai": (True, "3 biên lai thu lãi"),
         "don_de_nghi": (True, "Đơn ngày 01/10/2026")}


def submit(db, actor, member_id, loan_id, today, **extra):
    form = {"loan_id": loan_id, "period_from": "01/01/2026", "period_to": "30/09/2026",
            "submitted_on": "01/10/2026", **extra}
    return support_applications.submit(db, actor, member_id, form, today=today)[0]


def approved(db, actor, people, today) -> str:
    application_id = submit(db, actor, people["hoa"], people["hoa_loan"], today)
    support_applications.check(db, actor, application_id, ITEMS, checked_on="05/10/2026", today=today)
    support_applications.approve(db, actor, application_id, {"approved_on": "10/10/2026",
                                                             "approved_by": "Nguyễn Văn Bảy, Phó Bí thư",
                                                             "decision_number": "45-QĐ/ĐU"}, today=today)
    return application_id


def contribute(db, actor, today, amount="5.000.000", receipt="001/2026", day="01/09/2026"):
    return fund.contribute(db, actor, {"entry_date": day, "contributor": "Công ty TNHH Phước Thạnh",
                                       "contributor_kind": "don_vi", "contribution_amount": amount,
                                       "receipt_number": receipt}, today=today)[0]


def test_application_from_submission_to_payment(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    application = support_applications.get(home_db, actor, application_id)
    assert application.label == "HS 001/2026"
    assert application.state.value == "da_duyet" and application.category == "can_ngheo"
    assert application.interest_paid == 2_970_000 and application.support_amount == 2_079_000
    assert application.computation == ("70 % × 2.970.000 đ lãi đã trả = 2.079.000 đ → 2.079.000 đ"
                                       " (làm tròn xuống đến đồng, bỏ phần lẻ dưới 1 đồng)")
    assert [e.item for e in application.checklist] == list(ITEMS)
    contribute(home_db, actor, today)
    fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    assert support_applications.get(home_db, actor, application_id).state.value == "da_chi"
    assert fund.balance(home_db, actor) == 5_000_000 - 2_079_000


def test_rounding_down_and_the_principal_cap(home_db, actor, people, today):
    big = loan(home_db, actor, people["hoa"], today, contract_number="KU-0009", loan_amount="150.000.000",
               start_date="01/01/2026")
    interest(home_db, actor, big, today, "01/07/2026", "1.234.567")
    application_id = submit(home_db, actor, people["hoa"], big, today)
    computed = support_applications.computation(home_db, support_applications.get(home_db, actor, application_id))
    # 70 % × 1.234.567 × 100/150 million = 576.131,27 → 576.131 (down to the đồng)
    assert computed.amount == 576_131
    assert "100.000.000 đ/150.000.000 đ" in computed.text and "576.131,26 đ → 576.131 đ" in computed.text


def test_yearly_cap(home_db, actor, people, today):
    from tayninh_desktop.domain.assistance_calc import compute_support
    from tayninh_desktop.services import support_reference

    plan = support_reference.plan_on(home_db, today)
    computed = compute_support(plan, 20_000_000, 50_000_000, already_this_year=9_000_000)
    assert computed.amount == 1_000_000
    assert "mức tối đa 10.000.000 đ/đảng viên/năm" in computed.text


def test_an_application_for_a_member_outside_the_categories(home_db, actor, people, today):
    nam_loan = loan(home_db, actor, people["nam"], today, contract_number="KU-0003")
    interest(home_db, actor, nam_loan, today, "01/06/2026", "300.000")
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        submit(home_db, actor, people["nam"], nam_loan, today)
    assert caught.value.by_field()["submitted_on"] == [
        ("Ngày nộp hồ sơ: ngày 01/10/2026, đảng viên Phạm Văn Nam không thuộc đối tượng của KH-2026 (quân nhân, công"
        " an xuất ngũ về địa phương, hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình); hoàn cảnh năm 2026:"
        " không thuộc các diện trên.")]
    assert dump(home_db) == before


def test_an_application_without_circumstances_recorded(home_db, actor, people, today):
    interest(home_db, actor, people["phuc_loan"], today, "01/06/2026", "300.000")
    with pytest.raises(ValidationError) as caught:
        submit(home_db, actor, people["phuc"], people["phuc_loan"], today)
    assert "chưa ghi hoàn cảnh gia đình năm 2026 của đảng viên Võ Văn Phúc" in caught.value.message


@pytest.mark.parametrize(("extra", "field", "fragment"), [
    ({"period_to": "15/10/2026"}, "period_to", "kỳ đề nghị kết thúc ngày 15/10/2026, sau ngày nộp hồ sơ"),
    ({"period_from": "01/12/2025"}, "period_to", ("kỳ 01/12/2025–30/09/2026 không nằm trọn trong thời gian của"
                                                 " 90-KH/TU (18/07/2022–31/12/2025)")),
    ({"period_from": "01/08/2026"}, "period_to", "chưa có lần trả lãi nào trong kỳ 01/08/2026–30/09/2026"),
])
def test_bad_applications_are_refused(home_db, actor, people, today, extra, field, fragment):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        submit(home_db, actor, people["hoa"], people["hoa_loan"], today, **extra)
    assert fragment in " ".join(caught.value.by_field()[field])
    assert dump(home_db) == before


def test_the_same_period_twice_is_refused(home_db, actor, people, today):
    first = submit(home_db, actor, people["hoa"], people["hoa_loan"], today)
    with pytest.raises(ValidationError) as caught:
        submit(home_db, actor, people["hoa"], people["hoa_loan"], today, period_from="01/07/2026")
    assert "đã có hồ sơ HS 001/2026 cho kỳ 01/01/2026–30/09/2026" in caught.value.message
    support_applications.reject(home_db, actor, first, {"rejected_on": "02/10/2026",
                                                        "rejection_reason": "Nộp nhầm kỳ"}, today=today)
    submit(home_db, actor, people["hoa"], people["hoa_loan"], today, period_from="01/07/2026")


def test_a_loan_outside_the_plans_programmes(home_db, actor, people, today):
    student = loan(home_db, actor, people["hoa"], today, programme="hoc_sinh_sinh_vien", contract_number="HS-1",
                   rate="6,6")
    interest(home_db, actor, student, today, "01/06/2026", "100.000")
    with pytest.raises(ValidationError) as caught:
        submit(home_db, actor, people["hoa"], student, today)
    assert "chương trình «Cho vay học sinh, sinh viên có hoàn cảnh khó khăn» không thuộc phạm vi hỗ trợ" in \
        caught.value.message


def test_checklist_needs_every_item_with_evidence(home_db, actor, people, today):
    application_id = submit(home_db, actor, people["hoa"], people["hoa_loan"], today)
    before = dump(home_db)
    items = dict(ITEMS, da_tra_lai=(True, ""), don_de_nghi=(False, ""))
    with pytest.raises(ValidationError) as caught:
        support_applications.check(home_db, actor, application_id, items, checked_on="05/10/2026", today=today)
    assert caught.value.by_field()["checklist"] == [
        ("Danh mục kiểm tra: mục «Đã trả lãi trong kỳ đề nghị (biên lai hoặc sao kê của ngân hàng)» đạt nhưng chưa"
        " ghi giấy tờ chứng minh."),
        "Danh mục kiểm tra: mục «Có đơn đề nghị của đảng viên, có ý kiến của chi bộ» chưa được đánh dấu đạt."]
    assert dump(home_db) == before


def test_states_in_order(home_db, actor, people, today):
    application_id = submit(home_db, actor, people["hoa"], people["hoa_loan"], today)
    with pytest.raises(DomainError) as caught:
        support_applications.approve(home_db, actor, application_id, {
            "approved_on": "10/10/2026", "approved_by": "A", "decision_number": "1-QĐ/ĐU"}, today=today)
    assert caught.value.message == "Hồ sơ HS 001/2026 đang ở trạng thái «Đã nộp»: không thể duyệt."


def test_rejection_needs_a_reason(home_db, actor, people, today):
    application_id = submit(home_db, actor, people["hoa"], people["hoa_loan"], today)
    with pytest.raises(ValidationError) as caught:
        support_applications.reject(home_db, actor, application_id, {"rejected_on": "02/10/2026"}, today=today)
    assert caught.value.by_field()["rejection_reason"] == ["Lý do từ chối: chưa nhập (bắt buộc)."]
    support_applications.reject(home_db, actor, application_id, {"rejected_on": "02/10/2026",
                                                                 "rejection_reason": "Không đủ giấy tờ"}, today=today)
    rejected = support_applications.get(home_db, actor, application_id)
    assert (rejected.state.value, rejected.rejection_reason) == ("tu_choi", "Không đủ giấy tờ")


def test_a_payment_above_the_approved_amount(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026", "payment_amount": "2.500.000"},
                 today=today)
    assert caught.value.by_field()["payment_amount"] == [
        ("Số tiền chi: 2.500.000 đ vượt số được duyệt còn lại của hồ sơ HS 001/2026 (2.079.000 đ; đã duyệt"
        " 2.079.000 đ, đã chi 0 đ).")]
    assert dump(home_db) == before


def test_a_disbursement_larger_than_the_balance(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today, amount="1.000.000")
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    assert caught.value.by_field()["payment_amount"] == [
        "Số tiền chi: 2.079.000 đ lớn hơn số dư quỹ ngày 15/10/2026 (1.000.000 đ)."]
    assert dump(home_db) == before


def test_partial_payments_then_paid(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today)
    fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026", "payment_amount": "1.000.000"}, today=today)
    assert support_applications.get(home_db, actor, application_id).state.value == "da_duyet"
    fund.pay(home_db, actor, application_id, {"paid_on": "16/10/2026"}, today=today)
    assert support_applications.get(home_db, actor, application_id).state.value == "da_chi"


def test_reversal_with_reason_and_never_a_reversal_of_a_reversal(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today)
    payment_id, _ = fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    reversal_id, _ = fund.reverse(home_db, actor, payment_id, {"entry_date": "16/10/2026",
                                                                "reversal_reason": "Chi nhầm người nhận"}, today=today)
    assert support_applications.get(home_db, actor, application_id).state.value == "da_duyet"
    assert fund.balance(home_db, actor) == 5_000_000
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        fund.reverse(home_db, actor, reversal_id, {"entry_date": "17/10/2026", "reversal_reason": "Nhầm"},
                     today=today)
    assert caught.value.by_field()["entry_id"] == [
        "Bút toán: bút toán số 3 là bút toán đảo; không đảo một bút toán đảo — ghi lại bút toán đúng nếu cần."]
    with pytest.raises(ValidationError) as caught:
        fund.reverse(home_db, actor, payment_id, {"entry_date": "17/10/2026", "reversal_reason": "Nhầm"}, today=today)
    assert "đã được đảo ngày 16/10/2026" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        fund.reverse(home_db, actor, payment_id, {"entry_date": "17/10/2026"}, today=today)
    assert caught.value.by_field()["reversal_reason"] == ["Lý do đảo bút toán: chưa nhập (bắt buộc)."]
    assert dump(home_db) == before


def test_reversing_a_contribution_may_not_leave_the_fund_negative(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribution = contribute(home_db, actor, today)
    fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    with pytest.raises(ValidationError) as caught:
        fund.reverse(home_db, actor, contribution, {"entry_date": "20/10/2026", "reversal_reason": "Trùng phiếu"},
                     today=today)
    assert "lớn hơn số dư quỹ ngày 20/10/2026 (2.921.000 đ)" in caught.value.message


def test_a_back_dated_payment_may_not_make_a_past_day_negative(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today, day="20/10/2026")
    with pytest.raises(ValidationError) as caught:
        fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    assert "lớn hơn số dư quỹ ngày 15/10/2026 (0 đ)" in caught.value.message


def test_entries_are_never_edited_in_the_database(home_db, actor, people, today):
    import sqlite3

    contribute(home_db, actor, today)
    with pytest.raises(sqlite3.IntegrityError):
        home_db.execute("UPDATE fund_entries SET amount = 1")
    with pytest.raises(sqlite3.IntegrityError):
        home_db.execute("DELETE FROM fund_entries")


def test_duplicate_receipt_numbers_are_refused(home_db, actor, people, today):
    contribute(home_db, actor, today)
    with pytest.raises(ValidationError) as caught:
        contribute(home_db, actor, today, amount="1.000.000")
    assert caught.value.by_field()["receipt_number"] == [
        "Số phiếu thu: số phiếu thu 001/2026 đã dùng cho khoản đóng góp ngày 01/09/2026 của Công ty TNHH Phước Thạnh."]
    assert fund.next_receipt_number(home_db, 2026) == "002/2026"


def test_statement_for_a_period(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today, amount="3.000.000", receipt="001/2026", day="01/09/2026")
    contribute(home_db, actor, today, amount="2.000.000", receipt="002/2026", day="01/10/2026")
    fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    statement = fund.statement(home_db, actor, date(2026, 10, 1), date(2026, 10, 31))
    assert statement.opening == 3_000_000
    assert [(line.entry.kind.value, line.balance) for line in statement.lines] == [("thu", 5_000_000),
                                                                                  ("chi", 2_921_000)]
    assert (statement.money_in, statement.money_out, statement.closing) == (2_000_000, 2_079_000, 2_921_000)
    with pytest.raises(ValidationError):
        fund.statement(home_db, actor, date(2026, 10, 31), date(2026, 10, 1))


def test_reconciliation(home_db, actor, people, today):
    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today)
    report = fund_reconcile.reconcile(home_db, actor, today, counted=5_000_000)
    assert report.problems == () and report.balance == 5_000_000 and report.difference == 0 and report.agrees
    assert [p.application.id for p in report.pending] == [application_id] and report.pending[0].left == 2_079_000
    fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    report = fund_reconcile.reconcile(home_db, actor, today, counted=3_000_000)
    assert report.pending == () and report.difference == 79_000 and not report.agrees


def test_report_for_a_period_and_its_return_figures(home_db, actor, people, today):
    from tayninh_desktop.services import support_report, support_screening

    application_id = approved(home_db, actor, people, today)
    contribute(home_db, actor, today)
    fund.pay(home_db, actor, application_id, {"paid_on": "15/10/2026"}, today=today)
    support_screening.record_told(home_db, actor, people["mai"], {"told_on": "20/11/2026", "how": "Gặp"}, today=today)
    start, end = support_report.parse_period("2026")
    figures = support_report.return_figures(home_db, actor, start, end)
    assert figures["totals"] == {"screened": 4, "told": 1, "told_in_period": 1, "applied": 1, "approved": 1, "paid": 1,
                                 "rejected": 0, "approved_amount": 2_079_000, "paid_amount": 2_079_000}
    assert figures["fund"] == {"opening": 0, "contributions": 5_000_000, "disbursements": 2_079_000,
                               "closing": 2_921_000}
    by_cell = {c["cell"]: (c["screened"], c["applied"]) for c in figures["cells"]}
    assert by_cell == {"Chi bộ ấp Cầu Xe": (3, 1), "Chi bộ ấp Suối Dộp": (1, 0)}
    assert figures["plan"] == "KH-2026" and figures["plan_unconfirmed"] is True


@pytest.mark.parametrize(("text", "expected"), [
    ("2026", ("2026-01-01", "2026-12-31")), ("02/2026", ("2026-02-01", "2026-02-28")),
    ("2026-12", ("2026-12-01", "2026-12-31")), ("H2/2026", ("2026-07-01", "2026-12-31")),
])
def test_report_periods(text, expected):
    from tayninh_desktop.services import support_report

    start, end = support_report.parse_period(text)
    assert (start.isoformat(), end.isoformat()) == expected


def test_bad_report_period():
    from tayninh_desktop.services import support_report

    with pytest.raises(ValidationError) as caught:
        support_report.parse_period("13/2026")
    assert "«13/2026» không phải kỳ báo cáo" in caught.value.message
