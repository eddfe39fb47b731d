"""The dues page's "Đóng trước / đóng chậm…" dialog: a refusal under its field, then the months paid in the grid
with their mark; the dialog fits a 1366×768 screen."""

from __future__ import annotations

import os
from datetime import date

import pytest

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.party_life import DuesState
from tayninh_desktop.services import dues_payments, register
from tayninh_desktop.ui.pages.dues_page import DuesPage
from tests.services.test_party_life_meetings import build_party

TODAY = date(2026, 11, 27)


@pytest.fixture
def party(context, cells, actor, make_form):
    ids = build_party(context.db, actor, cells, make_form, TODAY)
    register.record_event(context.db, actor, ids["an"], EventKind.AWAY, date(2026, 6, 5), end_date=date(2027, 5, 4),
                          place="Bình Dương", doc_number="07-QĐ/ĐU", details=EventDetails(requested_on=date(2026, 6, 1)),
                          today=TODAY)
    return ids


def _page(qtbot, context, cells, month):
    page = DuesPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.cell.setCurrentIndex(page.cell.findData(cells["CB01"].id))
    page.month.setText(month)
    page.load()
    return page


def _select(page, member_id):
    row = next(i for i, x in enumerate(page.model.rows) if x.member_id == member_id)
    page.grid.setCurrentIndex(page.model.index(row, 3))
    return row


def test_the_payment_dialog_records_months_in_advance_shown_in_the_grid(context, party, cells, qtbot, tmp_path):
    page = _page(qtbot, context, cells, "11/2026")
    row = _select(page, party["an"])
    dialog = page.record_payment()
    qtbot.addWidget(dialog)
    assert "12 tháng" in dialog.hint.text() and "giới hạn của chương trình" in dialog.hint.text()
    assert "chưa xác nhận" in dialog.hint.text() and "Chưa có khoản" in dialog.hint.text()
    dialog.inputs["payment_to"].setText("06/2027")
    dialog.inputs["dues_paid_on"].setText("03/11/2026")
    dialog.inputs["dues_received_by"].setText("Trần Văn Thu")
    assert dialog.try_submit() is False          # the leave ends in 05/2027
    assert "tháng 06/2027" in dialog.errors["payment_to"].text()
    assert dialog.errors["payment_to"].isVisibleTo(dialog)
    dialog.inputs["payment_to"].setText("04/2027")
    dialog.resize(dialog.sizeHint())
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["SHOT_DIR"], "dues_payment_dialog.png"))
    assert dialog.sizeHint().width() <= 1366 and dialog.sizeHint().height() <= 700
    assert dialog.try_submit() is True
    line = page.model.rows[row]
    assert line.state is DuesState.PAID and line.paid_as == "advance"
    assert page.model.data(page.model.index(row, 6)) == "Đã đóng (đóng trước)"
    [payment] = dues_payments.payments(context.db, party["an"])
    assert (payment.from_month, payment.to_month, payment.received_by) == ("2026-11", "2027-04", "Trần Văn Thu")
    if os.environ.get("SHOT_DIR"):
        page.resize(1366, 768)
        page.grab().save(os.path.join(os.environ["SHOT_DIR"], "dues_page.png"))


def test_the_dialog_asks_for_a_member_first(context, party, cells, qtbot):
    page = _page(qtbot, context, cells, "11/2026")
    page.grid.setCurrentIndex(page.model.index(-1, -1))
    assert page.record_payment() is None and page.message.text()


def test_a_payment_recorded_by_mistake_is_cancelled_from_the_page(context, party, cells, qtbot, actor):
    page = _page(qtbot, context, cells, "11/2026")
    row = _select(page, party["an"])
    assert page.cancel_payment() is None and "chưa có khoản" in page.message.text()
    dues_payments.record_advance(context.db, actor, party["an"], dues_payments.PaymentRequest(
        "11/2026", "12/2026", date(2026, 11, 3), "Trần Văn Thu"), today=TODAY)
    page.load()
    _select(page, party["an"])
    assert page.model.rows[row].state is DuesState.PAID
    dialog = page.cancel_payment()
    qtbot.addWidget(dialog)
    assert dialog.inputs["dues_payment"].currentText() == "Đóng trước 11/2026–12/2026 (10.000 đ, ngày 03/11/2026)"
    assert dialog.try_submit() is False and dialog.errors["cancel_reason"].isVisibleTo(dialog)
    dialog.inputs["cancel_reason"].setText("Ghi nhầm tháng")
    dialog.resize(dialog.sizeHint())
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["SHOT_DIR"], "dues_cancel_payment_dialog.png"))
    assert dialog.try_submit() is True
    assert dues_payments.payments(context.db, party["an"]) == []
    assert page.model.rows[row].state is not DuesState.PAID and page.model.rows[row].paid_as == ""
