"""The "Hỗ trợ đảng viên" page driven like a clerk: screening and telling, loans, applications to payment, the
fund, the reference data; refusals shown under the fields with nothing written; the home page's line and the
meeting's agenda item. Screenshots go to $TAYNINH_SHOTS when it is set."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.services import fund, support_applications, support_household, support_screening
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.pages.support_page import SupportPage
from tests.services import support_fixtures
from tests.services.support_fixtures import dump

people = support_fixtures.people
TODAY = date(2026, 11, 27)
SHOTS = os.environ.get("TAYNINH_SHOTS", "")
KEEP: list = []


@pytest.fixture(autouse=True)
def _release():
    yield
    KEEP.clear()


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.resize(1366, 768)
        widget.grab().save(str(Path(SHOTS) / f"support-{name}.png"))


@pytest.fixture
def page(context, people, qtbot) -> SupportPage:
    widget = SupportPage(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1166, 740)
    widget.show()
    return widget


def select(view, model, text: str) -> None:
    for row in range(model.rowCount()):
        if text in model.rows[row].cells:
            view.selectRow(row)
            return
    raise AssertionError(f"{text} not in the table")


def submit(dialog, **values) -> bool:
    for name, value in values.items():
        widget = dialog.inputs[name]
        if hasattr(widget, "setEditText") and widget.isEditable():
            widget.setEditText(value)
        elif hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)
    KEEP.append(dialog)
    return dialog.try_submit()


def test_plan_in_force_is_shown_as_unconfirmed(page):
    assert "CHƯA XÁC NHẬN" in page.plan_line.text() and "70 %" in page.plan_line.text()
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Rà soát, thông tin", "Khoản vay", "Hồ sơ đề nghị", "Quỹ hỗ trợ", "Báo cáo", "Căn cứ và định mức"]


def test_viewer_sees_a_notice_not_the_data(home_db, people, qtbot):
    widget = SupportPage(UiContext(home_db, Actor("khach", Role.VIEWER)), today=TODAY)
    qtbot.addWidget(widget)
    assert widget.findChild(type(widget.plan_line), "support_not_allowed") is not None
    assert not hasattr(widget, "screening")


def test_screen_lists_and_filters(page):
    tab = page.screening
    names = [row.cells[0] for row in tab.model.rows]
    assert names == ["Nguyễn Thị Hoa", "Trần Văn Lâm", "Lê Thị Mai", "Võ Văn Phúc"]   # list order (given name)
    assert "toàn đảng bộ: 4 có thể thuộc diện" in tab.summary.text()
    tab.basis.setCurrentIndex(tab.basis.findData("chua_ro"))
    assert [row.cells[0] for row in tab.model.rows] == ["Trần Văn Lâm"]
    tab.basis.setCurrentIndex(tab.basis.findData("ca_nguoi_khong_thuoc_dien"))
    assert "Phạm Văn Nam" in [row.cells[0] for row in tab.model.rows]
    shot(page, "screen")


def test_what_an_application_lacks_wraps_whole(page, qtbot):
    """The "Còn thiếu" column (what is still missing) wraps and its rows grow: never cut on a 1366×768 screen."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from tayninh_desktop.ui.widgets.full_text import is_cut

    tab = page.screening
    view, model = tab.table, tab.model
    page.resize(1166, 740)
    view.setColumnWidth(4, 120)   # a narrow column, as on a laptop with the navigation shown
    qtbot.wait(50)
    column = 4
    texts = [(row, model.index(row, column).data()) for row in range(model.rowCount())]
    assert any(len(text or "") > 20 for _, text in texts), texts
    option = QStyleOptionViewItem()
    option.initFrom(view)
    for row, text in texts:
        if text:
            view.scrollTo(model.index(row, column))
            qtbot.wait(20)
            assert view.wordWrap() and not is_cut(view, option, model.index(row, column), text), (row, text)
    view.setColumnWidth(4, 300)
    tab.basis.setCurrentIndex(tab.basis.findData("ca_nguoi_khong_thuoc_dien"))
    qtbot.wait(50)
    shot(page, "screen-wrapped")


def test_told_from_the_list(page, context, people):
    tab = page.screening
    select(tab.table, tab.model, "Lê Thị Mai")
    dialog = tab.tell()
    before = dump(context.db)
    assert not submit(dialog, told_on="30/11/2026")      # after today: refused under the field
    assert dialog.errors["told_on"].text() == "Ngày thông tin: ngày 30/11/2026 ở sau ngày hôm nay."
    assert dump(context.db) == before
    assert submit(dialog, told_on="20/11/2026")
    mai = next(row for row in tab.model.rows if row.cells[0] == "Lê Thị Mai")
    assert mai.cells[5] == "20/11/2026"


def test_a_rate_of_66_is_refused_in_the_loan_dialog(page, context, people):
    tab = page.screening
    select(tab.table, tab.model, "Trần Văn Lâm")
    dialog = tab.new_loan()
    before = dump(context.db)
    assert not submit(dialog, programme="ho_ngheo", loan_amount="30.000.000", rate="66", start_date="01/03/2026",
                      term_months="36")
    assert "Có phải 6,6 %/năm?" in dialog.errors["rate"].text()
    assert dump(context.db) == before
    assert submit(dialog, rate="6,6")
    assert support_household.loans_of(context.db, context.actor, people["lam"])[0].rate_bp == 660


def test_household_dialog(page, context, people):
    tab = page.screening
    select(tab.table, tab.model, "Trần Văn Lâm")
    dialog = tab.household()
    assert submit(dialog, classification="ngheo", certificate_number="07/GCN", certificate_date="05/01/2026")
    lam = next(row for row in tab.model.rows if row.cells[0] == "Trần Văn Lâm")
    assert lam.cells[2] == "Thuộc đối tượng" and lam.cells[3] == "Hộ nghèo"


def test_application_to_payment_through_the_window(page, context, people, qtbot):
    screen = page.screening
    select(screen.table, screen.model, "Nguyễn Thị Hoa")
    assert submit(screen.apply(), period_from="01/01/2026", period_to="30/09/2026", submitted_on="01/10/2026")
    tab = page.show_tab(2)
    select(tab.table, tab.model, "HS 001/2026")
    assert "Nếu duyệt hôm nay: 2.079.000 đ" in tab.detail.text()
    checklist = tab.check()
    KEEP.append(checklist)
    assert not checklist.try_submit()                       # nothing ticked: every item named
    assert "chưa được đánh dấu đạt" in checklist.status.text()
    for box, evidence in checklist.items.values():
        box.setChecked(True)
        evidence.setText("Bản chính")
    assert checklist.try_submit()
    select(tab.table, tab.model, "HS 001/2026")
    assert submit(tab.approve(), approved_on="10/10/2026", approved_by="Nguyễn Văn Bảy", decision_number="45-QĐ/ĐU")
    fund.contribute(context.db, context.actor, {"entry_date": "01/09/2026", "contributor": "Hội Nông dân",
                                                "contributor_kind": "don_vi", "contribution_amount": "1.000.000",
                                                "receipt_number": "001/2026"}, today=TODAY)
    select(tab.table, tab.model, "HS 001/2026")
    dialog = tab.pay()
    assert not submit(dialog, paid_on="15/10/2026")          # more than the fund holds
    assert "lớn hơn số dư quỹ ngày 15/10/2026 (1.000.000 đ)" in dialog.errors["payment_amount"].text()
    assert not submit(dialog, payment_amount="3.000.000")     # more than approved
    assert "vượt số được duyệt còn lại" in dialog.errors["payment_amount"].text()
    assert submit(dialog, payment_amount="1.000.000")
    shot(page, "applications")
    application = support_applications.listing(context.db, context.actor)[0]
    assert fund.paid_to(context.db, context.actor, application.id) == 1_000_000


def test_fund_contribution_reversal_and_a_reversal_of_a_reversal(page, context):
    tab = page.show_tab(3)
    assert submit(tab.contribute(), contributor="Công ty TNHH Phước Thạnh", contribution_amount="5.000.000")
    assert "5.000.000 đ" in tab.balance.text()
    select(tab.table, tab.model, "Công ty TNHH Phước Thạnh")
    assert submit(tab.reverse(), reversal_reason="Ghi trùng")
    select(tab.table, tab.model, "Đảo bút toán")
    dialog = tab.reverse()
    assert not submit(dialog, reversal_reason="Nhầm")
    assert "không đảo một bút toán đảo" in dialog.status.text() + dialog.errors["entry_date"].text()
    shot(page, "fund")


def test_receipt_printed_to_the_chosen_file(page, context, tmp_path):
    from tests.documents.conftest import pdftotext

    tab = page.show_tab(3)
    assert submit(tab.contribute(), contributor="Bà Lê Thị Bảy", contributor_kind="ca_nhan",
                  contribution_amount="2.500.000")
    select(tab.table, tab.model, "Bà Lê Thị Bảy")
    tab.print_receipt(str(tmp_path / "phieu-thu.pdf"))
    text = " ".join(pdftotext(tmp_path / "phieu-thu.pdf").split())
    assert "PHIẾU THU" in text and "Hai triệu năm trăm nghìn đồng chẵn" in text


def test_statement_import_dialog(page, context, people, tmp_path):
    path = tmp_path / "sao-ke.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    for c, text in enumerate(["STT", "Họ và tên", "Số khế ước", "Ngày thu lãi", "Lãi thực thu"], start=1):
        ws.cell(1, c, text)
    ws.append([1, "Nguyễn Thị Hoa", "KU-0001", "15/10/2026", 990_000])
    ws.append([2, "Ai Đó", "KU-9", "15/10/2026", 10_000])
    book.save(path)
    tab = page.show_tab(1)
    dialog = tab.import_statement(str(path))
    KEEP.append(dialog)
    assert "1 dòng mới, 0 đã có, 1 bị từ chối" in dialog.summary.text()
    assert dialog.save_report(str(tmp_path / "bao-cao.xlsx")).exists()
    assert dialog.apply()
    assert len(support_household.payments_of(context.db, context.actor, people["hoa_loan"])) == 4
    shot(dialog, "statement")


def test_reference_editor_refuses_a_bad_share_and_saves_a_rate(page, context):
    from tayninh_desktop.services import support_reference
    from tayninh_desktop.ui.dialogs.support_reference_dialog import ReferenceDialog

    tab = page.show_tab(5)
    assert "toàn bộ" in [row.cells[1] for row in tab.plans_model.rows]
    dialog = tab.edit("plan")
    assert isinstance(dialog, ReferenceDialog)
    KEEP.append(dialog)
    dialog.table.item(1, dialog.columns.index("share")).setText("170")
    assert not dialog.try_submit()
    assert "Kế hoạch hỗ trợ, dòng 2, trường «share»" in dialog.status.text()
    programmes = tab.edit("programmes")
    KEEP.append(programmes)
    programmes.table.item(0, programmes.columns.index("rate")).setText("6,5")
    programmes.table.item(0, programmes.columns.index("unconfirmed")).setText("")
    assert programmes.try_submit()
    record = support_reference.book(context.db).programme("ho_ngheo", TODAY)
    assert record.rate_bp == 650 and not record.unconfirmed
    assert tab.programmes_model.rows[0].background == ""
    shot(page, "reference")


def test_home_line_counts_and_opens_the_page(context, people, qtbot):
    from tayninh_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    home = window.show_page("warnings")
    home.support_line.refresh()                      # not shown yet: waits
    assert home.support_line.counts is None
    window.show()                                    # shown: computes
    assert home.support_line.counts is not None
    assert home.support_line.text().startswith("<b>Hỗ trợ đảng viên khó khăn:</b> 3 đảng viên có thể thuộc diện")
    assert "Chi bộ ấp Cầu Xe: 2" in home.support_line.text() and "1 đảng viên chưa rõ hoàn cảnh" in \
        home.support_line.text()
    page = home.support_line.open_support()
    assert page is window.pages["support"] and page.screening.untold.isChecked()


def test_meeting_with_the_policy_on_its_agenda(context, cells, people, qtbot):
    from tayninh_desktop.ui.pages.meetings_page import MeetingsPage

    meetings_page = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(meetings_page)
    meetings_page.cell.setCurrentIndex(meetings_page.cell.findData(cells["CB01"].id))
    meetings_page.date.setText("10/11/2026")
    meetings_page.load_roster()
    meetings_page.all_present.click()   # a new meeting starts with nobody marked
    lines = meetings_page.model.rows
    lam = next(i for i, line in enumerate(lines) if line.full_name == "Trần Văn Lâm")
    assert meetings_page.model.set_state_by_key(lam, "k")      # absent without reason
    meetings_page.support_item.setChecked(True)
    assert meetings_page.save() is not None
    assert "Đã ghi 2 người có mặt được thông tin chính sách hỗ trợ." in meetings_page.message.text()
    assert "Cần thông tin trực tiếp cho người vắng: Trần Văn Lâm." in meetings_page.message.text()
    told = support_screening.outreach_of(context.db, context.actor, people["hoa"])
    assert told and told[0].told_on == date(2026, 11, 10)
