"""Issue 8 (last gap): dues paid in advance by a member working away, or months in arrears settled late — several
months in one action, refused by name with nothing written when the rule or the register says no."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.party_life import DuesState
from tayninh_desktop.domain.warnings import WarningKind
from tayninh_desktop.services import dues, dues_payments, register, transfers
from tayninh_desktop.services.documents_letters import letter_context
from tayninh_desktop.services.dues_payments import PaymentRequest
from tayninh_desktop.services.warnings import compute_warnings
from tayninh_desktop.storage import dues_repo, letters_repo
from tests.services.test_party_life_meetings import build_party, dump


@pytest.fixture
def party(home_db, actor, cells, make_form, today):
    ids = build_party(home_db, actor, cells, make_form, today)
    register.record_event(home_db, actor, ids["an"], EventKind.AWAY, date(2026, 6, 5), end_date=date(2027, 5, 4),
                          place="Bình Dương", doc_number="07-QĐ/ĐU", details=EventDetails(requested_on=date(2026, 6, 1)),
                          today=today)
    return ids


def _unpaid(db, member_id, today):
    return [w for w in compute_warnings(db, today=today) if w.member_id == member_id
            and w.kind is WarningKind.UNPAID_DUES]


def _advance(first="07/2026", last="12/2026", paid_on=date(2026, 7, 2), **extra):
    return PaymentRequest(first, last, paid_on, "Trần Văn Thu", **extra)


def _line(db, cells, member_id, month):
    return next(x for x in dues.dues_sheet(db, cells["CB01"].id, month) if x.member_id == member_id)


def test_months_paid_in_advance_are_paid_and_no_longer_count_as_unpaid(home_db, actor, cells, party, today):
    for month in ("07/2026", "08/2026", "09/2026"):   # the grid was marked before the receipt reached the office
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {party["an"]: (0, "chua_dong", "")}, today=today)
    assert _unpaid(home_db, party["an"], today)
    payment_id, changes = dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)
    assert changes.party_life and changes.member_ids == (party["an"],)
    assert not _unpaid(home_db, party["an"], today)
    line = _line(home_db, cells, party["an"], "08/2026")
    assert line.state is DuesState.PAID and line.paid_as == "advance" and line.amount == line.due
    [payment] = dues_payments.payments(home_db, party["an"])
    assert (payment.id, payment.from_month, payment.to_month, payment.kind) == (payment_id, "2026-07", "2026-12",
                                                                              "advance")
    assert payment.amount == 6 * line.due
    entry = home_db.execute("SELECT action, entity_id FROM audit_log ORDER BY rowid DESC LIMIT 1").fetchone()
    assert tuple(entry) == ("record_dues_advance", party["an"])


def test_an_overlapping_payment_is_refused_naming_the_field_and_nothing_is_written(home_db, actor, party, today):
    dues_payments.record_advance(home_db, actor, party["an"], _advance(last="09/2026"), today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues_payments.record_advance(home_db, actor, party["an"], _advance("09/2026", "12/2026", date(2026, 8, 30)),
                                     today=today)
    assert ("Từ tháng: tháng 09/2026 — đảng viên Nguyễn Văn An đã có khoản đóng trước từ tháng 07/2026 đến tháng"
            " 09/2026") in info.value.message
    assert dump(home_db) == before


def test_an_advance_needs_a_leave_for_working_away_covering_the_months(home_db, actor, party, today):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:    # Bình is not away
        dues_payments.record_advance(home_db, actor, party["binh"], _advance(), today=today)
    assert "Từ tháng: tháng 07/2026 — đảng viên Trần Thị Bình không có quyết định tạm miễn sinh hoạt" in \
        info.value.message and "01-QĐ/TW" in info.value.message
    with pytest.raises(ValidationError) as info:    # An's leave ends in 05/2027
        dues_payments.record_advance(home_db, actor, party["an"], _advance("11/2026", "06/2027", date(2026, 11, 3)),
                                     today=today)
    assert "Đến tháng: tháng 06/2027" in info.value.message
    assert dump(home_db) == before


@pytest.mark.parametrize(("request_", "words"), [
    (PaymentRequest("07/2026", "08/2027", date(2026, 7, 2), "Thu"), "Đến tháng: 14 tháng, quá 12 tháng"),
    (PaymentRequest("09/2026", "07/2026", date(2026, 7, 2), "Thu"), "Đến tháng: tháng 07/2026 ở trước"),
    (PaymentRequest("07/2026", "08/2026", date(2026, 7, 2), " "), "Người thu: chưa nhập"),
    (PaymentRequest("07/2026", "08/2026", date(2026, 12, 2), "Thu"), "Ngày đóng: ngày 02/12/2026 chưa đến"),
    (PaymentRequest("13/2026", "08/2026", date(2026, 7, 2), "Thu"), "Từ tháng"),
    (PaymentRequest("06/2026", "08/2026", date(2026, 7, 2), "Thu"), "Từ tháng: tháng 06/2026 đã qua"),
    (PaymentRequest("07/2026", "08/2026", date(2026, 7, 2), "Thu", amount=5000),
     "Lý do số tiền khác mức tính: số tiền 5.000 đ khác tổng mức tính theo quy định (10.000 đ) cho 2 tháng"),
])
def test_bad_input_is_refused_by_name(home_db, actor, party, today, request_, words):
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues_payments.record_advance(home_db, actor, party["an"], request_, today=today)
    assert words in info.value.message
    assert dump(home_db) == before


def test_another_amount_with_its_reason_is_split_over_the_months(home_db, actor, cells, party, today):
    dues_payments.record_advance(home_db, actor, party["an"],
                                 _advance(last="08/2026", amount=25000, reason="Đóng thêm tự nguyện"), today=today)
    lines = [_line(home_db, cells, party["an"], m) for m in ("07/2026", "08/2026")]
    assert [x.amount for x in lines] == [12500, 12500]
    assert sum(t.collected for t in dues.cell_totals(home_db, cells["CB01"].id, 2026)) >= 25000


def test_months_in_arrears_settled_late(home_db, actor, cells, party, today):
    for month in ("02/2026", "03/2026", "04/2026"):
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {party["binh"]: (0, "chua_dong", "")}, today=today)
    assert _unpaid(home_db, party["binh"], today)
    dues_payments.record_settlement(home_db, actor, party["binh"],
                                    PaymentRequest("02/2026", "04/2026", date(2026, 11, 20), "Trần Văn Thu",
                                                   approval="Chi bộ đồng ý ngày 15/11/2026"), today=today)
    assert not _unpaid(home_db, party["binh"], today)
    line = _line(home_db, cells, party["binh"], "03/2026")
    assert line.state is DuesState.PAID and line.paid_as == "late"


def test_a_settlement_needs_months_in_arrears_and_after_joining(home_db, actor, cells, party, today):
    dues.record_dues(home_db, actor, cells["CB01"].id, "05/2026", {party["binh"]: (5000, "da_dong", "")}, today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues_payments.record_settlement(home_db, actor, party["binh"],
                                        PaymentRequest("05/2026", "06/2026", date(2026, 11, 20), "Thu"), today=today)
    assert "Từ tháng: tháng 05/2026 — đảng viên Trần Thị Bình đã ghi đã đóng đảng phí" in info.value.message
    assert "Đến tháng: tháng 06/2026 — đảng viên Trần Thị Bình không nợ đảng phí" in info.value.message
    with pytest.raises(ValidationError) as info:    # Dũng was admitted on 10/05/2026
        dues_payments.record_settlement(home_db, actor, party["dung"],
                                        PaymentRequest("03/2026", "04/2026", date(2026, 11, 20), "Thu"), today=today)
    assert "Từ tháng: tháng 03/2026 ở trước ngày vào Đảng của đảng viên Phạm Văn Dũng (10/05/2026)" in \
        info.value.message
    assert dump(home_db) == before


def test_an_away_member_settles_deferred_months(home_db, actor, cells, party, today):
    dues_payments.record_settlement(home_db, actor, party["an"],
                                    PaymentRequest("06/2026", "10/2026", date(2026, 11, 20), "Thu"), today=today)
    assert _line(home_db, cells, party["an"], "06/2026").paid_as == "late"


def test_the_grid_never_records_another_state_over_a_paid_month(home_db, actor, cells, party, today):
    dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues.record_dues(home_db, actor, cells["CB01"].id, "08/2026", {party["an"]: (0, "chua_dong", "")},
                         today=today)
    assert "tháng 08/2026 — đảng viên Nguyễn Văn An đã đóng trước (ngày 02/07/2026)" in info.value.message
    assert dump(home_db) == before
    entries = {x.member_id: (x.amount, x.state.value, x.reason)
               for x in dues.dues_sheet(home_db, cells["CB01"].id, "08/2026")}
    dues.record_dues(home_db, actor, cells["CB01"].id, "08/2026", entries, today=today)   # saved again: kept
    assert _line(home_db, cells, party["an"], "08/2026").paid_as == "advance"


def test_the_transfer_letter_counts_the_months_paid_in_advance(home_db, actor, party, today):
    dues_payments.record_advance(home_db, actor, party["an"], _advance("11/2026", "04/2027", date(2026, 11, 3)),
                                 today=today)
    letter_id, _ = transfers.issue_letter(home_db, actor, party["an"], "di", date(2026, 11, 20),
                                          counterpart="Đảng ủy phường Hòa Thành", today=today)
    letter = letters_repo.get_letter(home_db, letter_id)
    context = letter_context(home_db, letter, None, date(2026, 11, 20))
    assert (context["dues_paid_through"], context["dues_year"]) == ("2027-04", "2027")


def test_a_payment_edited_outside_the_program_is_named_by_check(home_db, actor, party, today, db_path):
    import sqlite3

    from tayninh_desktop.services import integrity

    dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)
    home_db.conn.close()
    assert integrity.check_file(db_path).ok
    conn = sqlite3.connect(str(db_path))
    conn.execute("UPDATE dues_payments SET amount = 1")
    conn.commit()
    conn.close()
    report = integrity.check_file(db_path)
    (problem,) = [f for f in report.findings() if f.data.get("id") == party["an"]]
    assert problem.code == "row_changed" and problem.data["tables"] == "dues_payments"


def test_the_demo_shows_a_few_deferred_months_settled_late(demo_db_path):
    import sqlite3

    conn = sqlite3.connect(f"file:{demo_db_path}?mode=ro", uri=True)
    try:
        payments = conn.execute("SELECT member_row, from_month, to_month, kind FROM dues_payments").fetchall()
        assert 1 <= len(payments) <= 3 and {p[3] for p in payments} == {"late"}
        for member_row, first, last, _ in payments:
            states = {r[0] for r in conn.execute("SELECT state FROM dues_compact WHERE member_row = ? AND month"
                                                 " BETWEEN ? AND ?", [member_row, first, last])}
            assert states == {0}   # paid
    finally:
        conn.close()


def test_the_dues_book_of_a_cell_marks_advance_and_late_months(home_db, actor, cells, party, today, tmp_path):
    import subprocess

    from tayninh_desktop.services import documents

    dues.record_dues(home_db, actor, cells["CB01"].id, "03/2026", {party["binh"]: (0, "chua_dong", "")}, today=today)
    dues_payments.record_settlement(home_db, actor, party["binh"],
                                    PaymentRequest("03/2026", "03/2026", date(2026, 11, 20), "Thu"), today=today)
    dues_payments.record_advance(home_db, actor, party["an"], _advance("07/2026", "08/2026"), today=today)
    dues.record_dues(home_db, actor, cells["CB01"].id, "04/2026", {party["binh"]: (0, "chua_dong", "")}, today=today)
    result, _ = documents.print_form(home_db, actor, "so_thu_dang_phi", tmp_path / "so.pdf",
                                     documents.PrintRequest(cell_id=cells["CB01"].id, year=2026, on=today))
    text = subprocess.run(["pdftotext", "-layout", str(result.path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "SỔ THU ĐẢNG PHÍ NĂM 2026" in text
    an = next(line for line in text.splitlines() if "Nguyễn Văn An" in line)
    assert an.count("5.000 T") == 2 and "10.000" in an
    binh = next(line for line in text.splitlines() if "Trần Thị Bình" in line)
    assert "5.000 C" in binh and " K " in f"{binh} "
    assert "2 tháng đóng trước, 1 tháng đóng chậm" in text


def test_a_payment_of_no_member_is_named_by_the_orphan_probe(home_db, actor, party, today):
    from tayninh_desktop.storage.integrity import foreign_key_problems

    dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)
    assert not foreign_key_problems(home_db)
    home_db.execute("UPDATE dues_payments SET member_row = 99999")
    assert "dues_payments (1) → members" in foreign_key_problems(home_db)


def test_a_payment_recorded_by_mistake_is_cancelled_and_its_months_are_as_before(home_db, actor, cells, party, today):
    for month in ("07/2026", "08/2026"):   # unpaid with a reason, then an advance over them by mistake
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {party["an"]: (0, "chua_dong", "Chưa liên lạc")},
                         today=today)
    history, unpaid = dues_repo.member_history(home_db, party["an"]), _unpaid(home_db, party["an"], today)
    payment_id, _ = dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)
    assert not _unpaid(home_db, party["an"], today)
    changes = dues_payments.cancel_payment(home_db, actor, party["an"], payment_id, "Ghi nhầm đảng viên")
    assert changes.party_life and changes.member_ids == (party["an"],)
    assert dues_repo.member_history(home_db, party["an"]) == history   # 07–08 unpaid again, 09–12 not recorded
    assert _unpaid(home_db, party["an"], today) == unpaid
    assert dues_payments.payments(home_db, party["an"]) == []
    action, after = home_db.execute("SELECT action, after_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert action == "cancel_dues_payment" and json.loads(after)["reason"] == "Ghi nhầm đảng viên"
    again, _ = dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)   # paid again
    assert [p.id for p in dues_payments.payments(home_db, party["an"])] == [again]


def test_a_cancellation_needs_a_reason_and_a_payment_of_the_member(home_db, actor, party, today):
    payment_id, _ = dues_payments.record_advance(home_db, actor, party["an"], _advance(), today=today)
    before = dump(home_db)
    with pytest.raises(ValidationError) as info:
        dues_payments.cancel_payment(home_db, actor, party["an"], payment_id, "  ")
    assert "Lý do hủy: chưa nhập" in info.value.message
    with pytest.raises(DomainError) as info:   # another member's payment number
        dues_payments.cancel_payment(home_db, actor, party["binh"], payment_id, "Nhầm")
    assert f"Đảng viên Trần Thị Bình không có khoản đóng trước, đóng chậm số {payment_id}" in info.value.message
    assert dump(home_db) == before


def test_the_demo_settlement_cancelled_leaves_its_months_deferred(demo_copy, actor):
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_copy)
    try:
        member_id, payment_id = db.execute("SELECT m.id, p.id FROM dues_payments p JOIN members m"
                                           " ON m.rowid = p.member_row ORDER BY p.id LIMIT 1").fetchone()
        [payment] = dues_payments.payments(db, member_id)
        dues_payments.cancel_payment(db, actor, member_id, payment_id, "Kiểm tra hủy")
        months = dues_payments.months_of(payment.from_month, payment.to_month)
        states = {e.state for e in dues_repo.member_history(db, member_id) if e.month in months}
        assert states == {DuesState.DEFERRED}
    finally:
        db.conn.close()
