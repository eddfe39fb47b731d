"""The "Văn bản" page: forms for the selection, preview, print, save, issue, register, signers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from tayninh_desktop.services import documents, documents_register, organisation
from tayninh_desktop.ui.models.document_table_model import DocumentTableModel
from tayninh_desktop.ui.pages.documents_page import DocumentsPage
from tayninh_desktop.ui.tasks import TaskRunner

SHOTS = Path("/tmp/shots")


@pytest.fixture
def page(demo_context, qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    widget = DocumentsPage(demo_context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.on.setDate(QDate(2026, 10, 8))
    return widget


def _choose(page, form_id: str) -> None:
    for row in range(page.forms.count()):
        if page.forms.item(row).data(Qt.ItemDataRole.UserRole) == form_id:
            page.forms.setCurrentRow(row)
            return
    raise AssertionError(f"{form_id} not offered")


def _forms(page) -> set[str]:
    """The forms that can be chosen now (a member form without a member is listed but disabled)."""
    return {page.forms.item(r).data(Qt.ItemDataRole.UserRole) for r in page.forms.enabled_rows()}


def _item(page, form_id: str):
    return next(page.forms.item(r) for r in range(page.forms.count())
                if page.forms.item(r).data(Qt.ItemDataRole.UserRole) == form_id)


def test_forms_follow_the_selection(page):
    committee = _forms(page)
    assert {"bao_cao_de_an_03", "danh_sach_dang_vien_mau_7", "quyet_dinh"} <= committee
    assert "ho_so_hop_chi_bo" not in committee
    page.unit.setCurrentIndex(1)
    cell = _forms(page)
    assert {"ho_so_hop_chi_bo", "bien_ban_hop_chi_bo", "bao_cao_de_an_03"} <= cell
    assert "trich_ngang_dang_vien" not in cell
    assert "chọn đảng viên" in _item(page, "trich_ngang_dang_vien").toolTip()   # listed, greyed, says why
    page.member.setCurrentIndex(1)
    assert "trich_ngang_dang_vien" in _forms(page)


def test_preview_renders_the_dossier_and_prints_it(page, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    page.unit.setCurrentIndex(1)
    page.member.setCurrentIndex(1)
    _choose(page, "ho_so_hop_chi_bo")
    page.show_preview()
    assert page.preview.page_count > 5
    assert documents_register.register_listing(page.context.db) == []   # a preview issues nothing
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "documents_page.png"))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_document(printer) == page.preview.page_count
    from pypdf import PdfReader

    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == page.preview.page_count


def test_print_without_preview_says_so(page):
    assert page.print_document() == 0
    assert "Xem trước" in page.status.text()


def test_issue_numbers_the_document_and_the_register_shows_it(page, tmp_path, qtmodeltester):
    _choose(page, "bao_cao_de_an_03")
    page.show_preview()
    page.issue(str(tmp_path / "bc.pdf"))
    assert (tmp_path / "bc.pdf").exists()
    assert "01-BC/ĐU" in page.status.text()
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 0)) == "01-BC/ĐU"
    qtmodeltester.check(page.model, force_py=True)
    page.table.selectRow(0)
    page.reprint_selected(str(tmp_path / "again.pdf"))
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "bc.pdf").read_bytes()


def test_save_as_writes_a_draft(page, tmp_path):
    page.unit.setCurrentIndex(1)
    _choose(page, "danh_sach_dang_vien")
    page.show_preview()
    page.save_as(str(tmp_path / "ds.pdf"))
    assert (tmp_path / "ds.pdf").read_bytes().startswith(b"%PDF")
    assert documents_register.register_listing(page.context.db) == []


def test_model_passes_qtmodeltester_empty_and_lazy(demo_context, qtmodeltester):
    model = DocumentTableModel(demo_context.db)
    model.year = date(2026, 1, 1).year
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_actions_that_cannot_apply_are_disabled_with_the_reason(page):
    assert not page.buttons["print"].isEnabled() and "Xem trước" in page.buttons["print"].toolTip()
    _choose(page, "danh_sach_dang_vien_dang_bo")
    assert not page.buttons["issue"].isEnabled() and "không cấp số" in page.buttons["issue"].toolTip()
    _choose(page, "bao_cao_de_an_03")
    assert not page.buttons["issue"].isEnabled() and "Xem trước" in page.buttons["issue"].toolTip()
    page.show_preview()
    assert page.buttons["issue"].isEnabled()
    page.blank.setChecked(True)
    assert not page.buttons["issue"].isEnabled() and "không cấp số" in page.buttons["issue"].toolTip()
    page.blank.setChecked(False)
    page.show_preview()
    assert page.buttons["print"].isEnabled() and page.buttons["print"].toolTip() == ""


def test_each_form_shows_a_one_line_description(page):
    from tayninh_desktop.ui.widgets.form_list import DESCRIPTION_ROLE

    for row in range(page.forms.count()):
        item = page.forms.item(row)
        description = item.data(DESCRIPTION_ROLE)
        assert description and "\n" not in description and description.endswith(".")
        assert description.rstrip(".") in item.toolTip()


def test_the_preview_folder_is_removed_with_the_page(demo_context, qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    widget = DocumentsPage(demo_context)
    folder = widget._folder.path
    _choose(widget, "danh_sach_dang_vien_dang_bo")
    widget.show_preview()
    first = widget.preview.path
    widget.show_preview()
    assert not first.exists() and widget.preview.path.exists()   # one preview file at a time
    widget.cleanup()
    assert not folder.exists()


def test_the_preview_folder_goes_when_the_widget_is_destroyed(demo_context, qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(TaskRunner, "synchronous", True)
    widget = DocumentsPage(demo_context)
    folder = widget._folder.path
    _choose(widget, "danh_sach_dang_vien_dang_bo")
    widget.show_preview()
    widget.preview.clear()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not folder.exists(), timeout=2000)
    QApplication.processEvents()


def test_a_crashed_session_leaves_no_folder_for_ever(tmp_path):
    import os

    from tayninh_desktop.ui.widgets.preview_folder import PREFIX, sweep_stale

    old, fresh = tmp_path / f"{PREFIX}old", tmp_path / f"{PREFIX}new"
    old.mkdir()
    fresh.mkdir()
    (old / "xem-truoc-1.pdf").write_bytes(b"%PDF")
    os.utime(old, (1, 1))
    assert sweep_stale(tmp_path) == 1
    assert not old.exists() and fresh.exists()


def test_voting_slips_carry_the_questions_typed_on_the_page(page, tmp_path):
    from pypdf import PdfReader

    page.unit.setCurrentIndex(1)
    _choose(page, "phieu_bieu_quyet")
    page.questions.setPlainText("Thông qua Nghị quyết tháng 10 năm 2026\n\n  Kết nạp quần chúng Lê Văn Tám  \n")
    assert page.question_lines() == ("Thông qua Nghị quyết tháng 10 năm 2026", "Kết nạp quần chúng Lê Văn Tám")
    out = tmp_path / "phieu.pdf"
    page.show_preview()
    page.save_as(str(out))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())  # slips wrap lines
    assert "Đồng ý thông qua Nghị quyết tháng 10 năm 2026" in text and "Đồng ý kết nạp quần chúng Lê Văn Tám" in text


def test_the_committee_can_pick_any_member_for_a_letter(page, tmp_path):
    from pypdf import PdfReader

    page.unit.setCurrentIndex(0)                        # the committee itself
    assert page.unit.currentData() is None or page.unit.currentIndex() == 0
    assert page.member.count() > 300                    # every active member, "name — cell"
    page.member.setCurrentIndex(5)
    name = page.member.currentText().split(" — ")[0]
    assert "giay_gioi_thieu_sinh_hoat_dang" in _forms(page)
    _choose(page, "giay_gioi_thieu_sinh_hoat_dang")
    out = tmp_path / "ggt.pdf"
    page.show_preview()
    page.save_as(str(out))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert name in text and "GIẤY GIỚI THIỆU" in text


def test_office_forms_are_offered_and_a_broken_one_is_named(demo_context, qtbot, tmp_path, monkeypatch):
    from tests.documents.test_office_forms import INVITATION

    monkeypatch.setattr(TaskRunner, "synchronous", True)
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "forms"
    folder.mkdir(parents=True)
    (folder / "giay_moi_hop.toml").write_text(INVITATION, encoding="utf-8")
    (folder / "go_sai.toml").write_text(INVITATION.replace("scope =", "scop ="), encoding="utf-8")
    page = DocumentsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.unit.setCurrentIndex(1)
    assert "giay_moi_hop" in _forms(page)
    assert _item(page, "giay_moi_hop").text() == "Giấy mời họp chi bộ mở rộng (mẫu của văn phòng)"
    assert page.office_note.isVisibleTo(page)
    assert "«go_sai.toml»: có khóa «scop» không dùng được" in page.office_note.text()
    _choose(page, "giay_moi_hop")
    page.show_preview()
    assert page.preview.page_count >= 1
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        page.grab().save(str(SHOTS / "documents-office-forms.png"))
    (folder / "go_sai.toml").unlink()
    page.unit.setCurrentIndex(0)
    assert not page.office_note.isVisibleTo(page)


def test_the_register_tab_shows_one_issuers_register(page, tmp_path):
    from PySide6.QtWidgets import QTabWidget

    cell = organisation.cells(page.context.db)[0]
    request = documents.PrintRequest(cell_id=cell.id, on=date(2026, 10, 8), content=("Học tập chuyên đề.",))
    documents.print_form(page.context.db, page.context.actor, "nghi_quyet_chi_bo", tmp_path / "nq.pdf", request)
    _choose(page, "bao_cao_de_an_03")
    page.show_preview()
    page.issue(str(tmp_path / "bc.pdf"))
    assert [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())] == ["01-BC/ĐU"]
    page.register_unit.setCurrentIndex(page.register_unit.findData(cell.id))
    assert [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())] == ["01-NQ/CB"]
    page.findChild(QTabWidget, "documents_tabs").setCurrentIndex(1)
    page.grab().save(str(SHOTS / "documents_register.png"))
    page.print_register(str(tmp_path / "so.pdf"))
    from tests.documents.conftest import pdftotext

    text = pdftotext(tmp_path / "so.pdf")
    assert "01-NQ/CB" in text and "BC/ĐU" not in text


def test_register_numbers_and_dates_are_never_cut(page, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabWidget

    from tayninh_desktop.ui.widgets.full_text import FullTextDelegate

    _choose(page, "bao_cao_de_an_03")
    page.show_preview()
    page.issue(str(tmp_path / "bc.pdf"))
    page.findChild(QTabWidget, "documents_tabs").setCurrentIndex(1)
    page.show()
    table = page.table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and isinstance(table.itemDelegate(), FullTextDelegate)
    metrics = table.fontMetrics()
    for column in (0, 1, 2, 4, 5):   # number, date, kind, signer, check code
        text = page.model.data(page.model.index(0, column))
        assert table.columnWidth(column) >= metrics.horizontalAdvance(text), (column, text)
    assert table.columnWidth(3) >= 300        # the summary has the rest of the row
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "documents_register_fit.png"))
