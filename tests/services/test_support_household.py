"""Households, loans and interest paid: recorded, restricted to the office, bad input refused with nothing changed."""

from __future__ import annotations

import pytest

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import support_household
from tests.services import support_fixtures
from tests.services.support_fixtures import dump, household, interest, loan

people = support_fixtures.people


def test_household_per_year_with_certificate(home_db, actor, people, today):
    records = support_household.households_of(home_db, actor, people["hoa"])
    assert [(h.year, h.classification.value, h.certificate_number) for h in records] == \
        [(2026, "can_ngheo", "15/GCN-UBND")]
    household(home_db, actor, people["hoa"], today, year="2025", classification="ngheo")
    assert [h.year for h in support_household.households_of(home_db, actor, people["hoa"])] == [2026, 2025]


def test_second_record_for_the_same_year_is_refused(home_db, actor, people, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        household(home_db, actor, people["hoa"], today, classification="ngheo")
    assert caught.value.by_field()["year"] == [
        "Năm: đảng viên Nguyễn Thị Hoa đã có hoàn cảnh gia đình năm 2026; sửa bản ghi đó."]
    assert dump(home_db) == before


def test_viewer_may_not_see_household_data(home_db, people):
    viewer = Actor("khach", Role.VIEWER)
    for call in (lambda: support_household.households_of(home_db, viewer, people["hoa"]),
                 lambda: support_household.loans_of(home_db, viewer, people["hoa"]),
                 lambda: support_household.payments_of(home_db, viewer, people["hoa_loan"])):
        with pytest.raises(DomainError) as caught:
            call()
        assert caught.value.code == "permission_denied"


def test_clerk_may_see_and_record_household_data(home_db, people, today):
    clerk = Actor("van-thu", Role.CLERK)
    assert support_household.households_of(home_db, clerk, people["mai"])
    household(home_db, clerk, people["lam"], today, classification="ngheo")


def test_loan_and_its_interest(home_db, actor, people):
    loans = support_household.loans_of(home_db, actor, people["hoa"])
    assert [(x.programme, x.amount, x.rate_bp, x.term_months) for x in loans] == [("can_ngheo", 50_000_000, 792, 36)]
    payments = support_household.payments_of(home_db, actor, people["hoa_loan"])
    assert [(p.paid_on.isoformat(), p.amount) for p in payments] == [
        ("2026-01-15", 990_000), ("2026-04-15", 990_000), ("2026-07-15", 990_000)]
    assert support_household.loan_label(home_db, loans[0]) == \
        "Cho vay hộ cận nghèo — số KU-0001 — 50.000.000 đ, 7,92 %/năm, vay 15/03/2025"


def test_a_rate_of_66_where_6_6_was_meant(home_db, actor, people, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        loan(home_db, actor, people["lam"], today, programme="ho_ngheo", contract_number="KU-0100", rate="66")
    message = caught.value.by_field()["rate"][0]
    assert message.startswith("Lãi suất (%/năm): 66 %/năm không hợp lý — lãi suất chương trình «Cho vay hộ nghèo»"
                              " là 6,6 %/năm")
    assert "Có phải 6,6 %/năm?" in message
    assert dump(home_db) == before


def test_a_monthly_rate_typed_as_a_yearly_one(home_db, actor, people, today):
    with pytest.raises(ValidationError) as caught:
        loan(home_db, actor, people["lam"], today, programme="ho_ngheo", contract_number="KU-0100", rate="0,55")
    assert "Có phải 6,6 %/năm?" in caught.value.by_field()["rate"][0]


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("rate", "6,6,6", "Lãi suất (%/năm): «6,6,6» không phải lãi suất hợp lệ (ví dụ 6,6 — phần trăm một năm)."),
    ("loan_amount", "50,5", "Số tiền vay: «50,5» không phải số tiền hợp lệ (số đồng nguyên, ví dụ 5.000.000)."),
    ("loan_amount", "0", "Số tiền vay: số tiền phải lớn hơn 0."),
    ("term_months", "0", "Thời hạn vay (tháng): «0» không phải số hợp lệ (từ 1 đến 240)."),
    ("start_date", "31/02/2025", ("Ngày vay: «31/02/2025» không phải ngày hợp lệ; nhập theo dạng ngày/tháng/năm,"
                                 " ví dụ 05/02/1960.")),
    ("programme", "vay_tieu_dung", ("Chương trình vay: «vay_tieu_dung» không phải chương trình cho vay của NHCSXH"
                                   " có trong danh mục.")),
    ("contract_number", "KU-0001", ("Số khế ước / sổ vay vốn: số KU-0001 đã có ở khoản vay của đảng viên"
                                   " Nguyễn Thị Hoa.")),
])
def test_bad_loans_are_refused_naming_the_field(home_db, actor, people, today, field, value, expected):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        loan(home_db, actor, people["lam"], today, **{"contract_number": "KU-0100", field: value})
    assert expected in caught.value.by_field()[field]
    assert dump(home_db) == before


def test_a_loan_whose_start_date_is_after_its_first_interest_payment(home_db, actor, people, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        support_household.record_loan(home_db, actor, people["hoa"], {
            "programme": "can_ngheo", "contract_number": "KU-0001", "loan_amount": "50.000.000", "rate": "7,92",
            "start_date": "01/02/2026", "term_months": "36"}, loan_id=people["hoa_loan"], today=today)
    assert caught.value.by_field()["start_date"] == [
        "Ngày vay: ngày vay 01/02/2026 sau lần trả lãi đầu tiên (15/01/2026) — kiểm tra lại ngày vay hoặc ngày trả lãi."]
    assert dump(home_db) == before


def test_interest_paid_before_the_loan_started(home_db, actor, people, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as caught:
        interest(home_db, actor, people["hoa_loan"], today, "01/03/2025", "500.000")
    assert caught.value.by_field()["paid_on"] == [
        "Ngày trả lãi: ngày trả lãi 01/03/2025 trước ngày vay 15/03/2025 của khoản vay KU-0001."]
    assert dump(home_db) == before


def test_the_same_payment_twice_is_refused(home_db, actor, people, today):
    with pytest.raises(ValidationError) as caught:
        interest(home_db, actor, people["hoa_loan"], today, "15/04/2026", "990.000")
    assert "đã có lần trả lãi 990.000 đ ngày 15/04/2026" in caught.value.message


def test_correcting_a_loan_keeps_its_payments(home_db, actor, people, today):
    support_household.record_loan(home_db, actor, people["hoa"], {
        "programme": "can_ngheo", "contract_number": "KU-0001", "loan_amount": "60.000.000", "rate": "7,92",
        "start_date": "15/03/2025", "term_months": "48"}, loan_id=people["hoa_loan"], today=today)
    loan_ = support_household.get_loan(home_db, actor, people["hoa_loan"])
    assert (loan_.amount, loan_.term_months) == (60_000_000, 48)
    assert len(support_household.payments_of(home_db, actor, loan_.id)) == 3
    actions = [r[0] for r in home_db.execute("SELECT action FROM audit_log WHERE entity = 'support_loans'")]
    assert actions == ["record_loan", "record_loan", "record_loan"]


def test_a_loan_recorded_by_mistake_is_deleted_but_not_one_in_use(home_db, actor, people, today):
    spare = loan(home_db, actor, people["mai"], today, contract_number="KU-0077")
    support_household.delete_loan(home_db, actor, spare)
    assert support_household.loans_of(home_db, actor, people["mai"]) == []
    before = dump(home_db)
    with pytest.raises(DomainError) as caught:
        support_household.delete_loan(home_db, actor, people["hoa_loan"])
    assert caught.value.message.startswith("Khoản vay KU-0001 đã có 3 lần trả lãi và 0 hồ sơ đề nghị: không xóa")
    assert dump(home_db) == before
