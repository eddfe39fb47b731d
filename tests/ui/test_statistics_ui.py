"""The statistical forms on the "Văn bản" page, and the reinstatement (phục hồi đảng tịch) in a member's
history, driven offscreen; screenshots at 1366×768 go to /tmp/shots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import register
from tayninh_desktop.ui.pages.documents_page import DocumentsPage
from tayninh_desktop.ui.widgets.history_view import HistoryView
from tests.conftest import member_form

SHOTS = Path("/tmp/shots")


def _offered(page) -> set[str]:
    return {page.forms.item(r).data(Qt.ItemDataRole.UserRole) for r in page.forms.enabled_rows()}


def test_the_committee_previews_bieu_1_and_a_cell_is_not_offered_it(demo_context, qtbot):
    page = DocumentsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on.setDate(QDate(2026, 10, 8))
    page.year.setValue(2025)
    assert {"bieu_1", "bieu_2", "bieu_2b", "bieu_3", "bieu_4", "bieu_6", "bieu_7"} <= _offered(page)
    row = next(r for r in range(page.forms.count()) if page.forms.item(r).data(Qt.ItemDataRole.UserRole) == "bieu_1")
    page.forms.setCurrentRow(row)
    assert not page.buttons["issue"].isEnabled()          # a statistical form takes no document number
    page.show_preview()
    assert page.preview.page_count >= 1
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "documents_bieu_1.png"))
    page.unit.setCurrentIndex(1)                          # a cell: the committee's statistics are not its papers
    assert not {"bieu_1", "bieu_7"} & _offered(page)


def test_a_wrongly_expelled_member_is_restored_from_the_history(context, cells, actor, qtbot):
    member_id, _ = register.add_member(context.db, actor, member_form(), cells["CB01"].id, today=date(2026, 1, 5))
    register.record_event(context.db, actor, member_id, EventKind.EXPELLED, date(2025, 6, 1), today=date(2026, 1, 5))
    view = HistoryView(context, member_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    button = view.buttons[EventKind.RESTORED]
    assert button.isEnabled() and button.text() == "Phục hồi đảng tịch"
    assert not view.buttons[EventKind.DIED].isEnabled()
    dialog = view.add_event(EventKind.RESTORED)
    dialog.inputs["event_date"].setText("10/06/2026")
    dialog.inputs["doc_number"].setText("12-QĐ/TU")
    assert dialog.record(), dialog.error.text()
    view.reload()
    kinds = [view.timeline.topLevelItem(i).text(1) for i in range(view.timeline.topLevelItemCount())]
    assert kinds[-1] == "Phục hồi đảng tịch"
    assert not view.buttons[EventKind.RESTORED].isEnabled()
    SHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SHOTS / "history_restored.png"))


def test_a_statistical_form_is_printed_for_a_half_a_quarter_or_a_month(demo_context, qtbot, tmp_path):
    from tests.documents.conftest import pdftotext

    page = DocumentsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on.setDate(QDate(2026, 10, 8))
    page.year.setValue(2026)
    forms = {page.forms.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(page.forms.count())}
    page.forms.setCurrentRow(forms["danh_sach_dang_vien_dang_bo"])
    assert page.fields.isRowVisible(page.part) is False             # a list has no report period
    page.forms.setCurrentRow(forms["bieu_1"])
    assert page.fields.isRowVisible(page.part)
    page.part.setCurrentIndex(page.part.findData("Q2"))
    assert page.request().period == "2026-Q2"
    page.show_preview()
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "documents_bieu_1_quarter.png"))
    page.save_as(str(tmp_path / "quy2.pdf"))
    text = " ".join(pdftotext(tmp_path / "quy2.pdf").split())
    assert "QUÝ II NĂM 2026" in text and "(từ 01/04/2026 đến 30/06/2026)" in text
    page.part.setCurrentIndex(page.part.findData("09"))
    assert page.request().period == "2026-09" and page.preview.page_count == 0    # a new period: no stale preview
