"""The "Thống kê" page driven offscreen: the forms of a period with this period and last year's figures, a
typed row entered and cleared, the check, a badge recorded and removed, a transfer's scope recorded; the
period chooser (half, quarter, month). Screenshots at 1366×768 go to /tmp/shots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import register, statistics_records
from tayninh_desktop.ui.pages.statistics_page import StatisticsPage
from tests.conftest import member_form

SHOTS = Path("/tmp/shots")
TODAY = date(2026, 11, 27)


def _page(context, qtbot) -> StatisticsPage:
    page = StatisticsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    return page


def _choose_form(page, form_id: str) -> None:
    forms = page.forms.forms
    row = next(r for r in range(forms.count()) if forms.item(r).data(Qt.ItemDataRole.UserRole) == form_id)
    forms.setCurrentRow(row)


def _select(view, model, key: str) -> None:
    view.selectRow(next(r for r in range(model.rowCount()) if model.key(r) == key))


def test_the_forms_of_the_half_year_with_both_columns_and_a_typed_row(demo_context, qtbot):
    page = _page(demo_context, qtbot)
    assert page.period.code() == "2026-H1"
    tab = page.forms
    assert tab.form_id() == "bieu_1" and tab.model.rowCount() == 17
    first = [tab.model.rows[0].cells[i] for i in range(5)]
    assert first[0] == "A" and first[2] and first[3]                    # this period and the same last year
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "statistics_bieu_1.png"))
    _choose_form(page, "bieu_2")
    assert "CHƯA XÁC NHẬN" in tab.unconfirmed.text() and not tab.unconfirmed.isHidden()   # the age rule
    _select(tab.table, tab.model, "I.doan_vien")
    missing_before = tab.check_line.text()
    dialog = tab.type_value()
    dialog.inputs["typed_value"].setText("1")
    dialog.inputs["typed_note"].setText("Theo báo cáo của Đoàn xã")
    dialog.ok.click()
    line = next(row for row in tab.model.rows if row.key == "I.doan_vien")
    assert line.cells[2] == "1 (nhập tay)"
    assert statistics_records.typed_figures(demo_context.db, "2026-H1", "bieu_2")[0].value == 1
    assert tab.check_line.text() == missing_before        # other rows of Biểu 2 are still to type
    _select(tab.table, tab.model, "I.doan_vien")
    more = tab.type_value()
    more.inputs["typed_value"].setText("999")               # more youth-union members than new members
    more.ok.click()
    assert tab.check_line.text().startswith("1 lỗi")          # the check of the period, on the page
    page.grab().save(str(SHOTS / "statistics_check_error.png"))
    _select(tab.table, tab.model, "I.doan_vien")
    tab.clear_value(ask=False)
    assert next(row for row in tab.model.rows if row.key == "I.doan_vien").cells[2] == "chưa nhập"
    page.grab().save(str(SHOTS / "statistics_bieu_2.png"))


def test_a_counted_row_is_not_typed_and_a_bad_figure_is_refused(demo_context, qtbot):
    page = _page(demo_context, qtbot)
    tab = page.forms
    _select(tab.table, tab.model, "A")
    assert tab.type_value() is None and "nền vàng" in tab.message.text()
    _choose_form(page, "bieu_2")
    _select(tab.table, tab.model, "I.doan_vien")
    dialog = tab.type_value()
    dialog.inputs["typed_value"].setText("mười")
    dialog.ok.click()
    assert dialog.isVisible() and "mười" in dialog.errors["typed_value"].text()
    assert statistics_records.typed_figures(demo_context.db, "2026-H1", "bieu_2") == []


def test_a_period_chosen_by_quarter_or_month_and_one_not_begun(demo_context, qtbot):
    page = _page(demo_context, qtbot)
    page.period.set_code("2026-Q3")
    assert "quý III năm 2026" in page.forms.line.text()
    page.period.set_code("2026-10")
    assert "tháng 10 năm 2026" in page.forms.line.text()
    page.period.set_code("2027-H1")
    assert "01/01/2027" in page.forms.line.text() and page.forms.model.rowCount() == 0


def test_a_badge_is_recorded_from_the_page_and_removed(demo_context, qtbot):
    page = _page(demo_context, qtbot)
    page.tabs.setCurrentIndex(1)
    awards = page.awards
    before = awards.model.rowCount()
    member = register.summaries(demo_context.db, register.list_rowids(demo_context.db, limit=400))
    veteran = next(m for m in member if m.joined_on.year <= 1990)
    dialog = awards.add()
    dialog.search.setText(veteran.card_number or veteran.full_name)
    dialog.found.setCurrentRow(0)
    dialog.years.setCurrentIndex(0)                                   # 30 years
    dialog.day.setText("03/02/2026")
    dialog.decision.setText("15-QĐ/TU")
    assert dialog.record(), dialog.error.text()
    assert awards.model.rowCount() == before + 1
    page.grab().save(str(SHOTS / "statistics_awards.png"))
    _select(awards.table, awards.model, awards.model.rows[-1].key)
    awards.delete(ask=False)
    assert awards.model.rowCount() == before


def test_an_award_dialog_names_what_is_wrong(demo_context, qtbot):
    page = _page(demo_context, qtbot)
    dialog = page.awards.add()
    assert not dialog.record() and "Chọn một đảng viên" in dialog.error.text()
    dialog.search.setText("khong co ai ten nay")
    assert dialog.found.item(0).text() == "Không tìm thấy đảng viên nào."


def test_the_scope_of_a_transfer_is_recorded_from_the_page(context, cells, actor, qtbot):
    form = member_form(joined_on="04/04/2004", full_member_on="04/04/2005")
    register.add_member(context.db, actor, form, cells["CB01"].id, entry=EventKind.TRANSFER_IN,
                        entry_date=date(2026, 4, 1), doc_issuer="Đảng ủy xã Phước Chỉ", today=TODAY)
    page = _page(context, qtbot)
    page.tabs.setCurrentIndex(2)
    tab = page.transfers
    assert "1 lượt chưa rõ phạm vi" in tab.summary.text()
    assert tab.model.rows[0].cells[5] == "chưa rõ — chọn phạm vi"
    tab.set_scope("trong_tinh")
    assert "Chọn một lượt" in tab.message.text()
    tab.table.selectRow(0)
    tab.set_scope("trong_tinh")
    assert tab.model.rows[0].cells[5] == "trong tỉnh (văn phòng ghi)" and "0 lượt chưa rõ" in tab.summary.text()
    page.grab().save(str(SHOTS / "statistics_transfers.png"))
    page.tabs.setCurrentIndex(0)
    line = next(row for row in page.forms.model.rows if row.key == "B.2.b")
    assert line.cells[2] == "1"
