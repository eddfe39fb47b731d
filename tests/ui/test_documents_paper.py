"""The Văn bản page's paper: a preview never stale, the body typed in the window, the Word file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, Qt

from tayninh_desktop.domain.rich_text import Run, paragraph
from tayninh_desktop.services import documents, documents_register
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.pages.documents_page import DocumentsPage
from tayninh_desktop.ui.tasks import TaskRunner

SHOTS = Path("/tmp/shots")
GATED = ("print", "save", "word", "issue")


@pytest.fixture
def page(demo_context, qtbot):
    widget = DocumentsPage(demo_context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.on.setDate(QDate(2026, 10, 8))
    return widget


def _choose(page, form_id: str) -> None:
    rows = [r for r in range(page.forms.count()) if page.forms.item(r).data(Qt.ItemDataRole.UserRole) == form_id]
    page.forms.setCurrentRow(rows[0])


def _keys(widget, text: str) -> None:
    """Vietnamese typed key by key (QTest's keyClicks takes Latin-1 only): what an input method delivers."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _type_report(page, qtbot) -> None:
    """A body typed as a clerk types it: a bold run, then two numbered points."""
    edit = page.body.edit
    edit.setFocus()
    _keys(edit, "Chi bộ đã họp ")
    page.body.bold.click()
    _keys(edit, "12 kỳ")
    page.body.bold.click()
    _keys(edit, " trong năm.")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    page.body.numbered.click()
    _keys(edit, "Rà soát đảng viên;")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    _keys(edit, "Thu đảng phí <b>đủ</b>.")


def _save_signers(page, name: str) -> None:
    """The signers are set on the Settings page; the Văn bản page hears of it through the changes."""
    from tayninh_desktop.ui.widgets.signers_settings import SignersSection

    section = SignersSection(page.context)
    section.secretary.setText(name)
    section.save_signers()
    section.deleteLater()


CHANGES = {
    "date": lambda p: p.on.setDate(QDate(2026, 10, 9)),
    "year": lambda p: p.year.setValue(p.year.value() - 1),
    "unit": lambda p: p.unit.setCurrentIndex(1),
    "form": lambda p: _choose(p, "cong_van"),
    "blank": lambda p: p.blank.setChecked(True),
    "summary": lambda p: p.summary.setText("kết quả năm"),
    "body": lambda p: p.body.edit.insertPlainText("Thêm một câu."),
    "signers": lambda p: _save_signers(p, "Lê Văn Mới"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_clears_the_preview_and_holds_printing_saving_issuing(page, change):
    _choose(page, "bao_cao")
    page.show_preview()
    assert page.preview.page_count >= 1
    assert all(page.buttons[key].isEnabled() for key in GATED)
    CHANGES[change](page)
    assert page.preview.page_count == 0
    assert page.preview.info.text() == s.PREVIEW_STALE
    for key in GATED:
        assert not page.buttons[key].isEnabled(), key
    assert page.buttons["save"].toolTip() == s.NEEDS_FRESH_PREVIEW
    page.save_as("/nonexistent/never.pdf")              # a direct call keeps the same rule, writes nothing
    assert page.status.text() == s.NEEDS_FRESH_PREVIEW


def test_a_render_that_ends_after_a_change_is_dropped(page, qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)
    _choose(page, "danh_sach_dang_vien_dang_bo")
    page.show_preview()                  # on the worker
    page.on.setDate(QDate(2026, 10, 20))  # the clerk changes the date while it renders
    qtbot.waitUntil(lambda: not page._busy_now, timeout=20000)
    assert page.preview.page_count == 0 and page.status.text() == s.RENDER_OUTDATED
    assert not page.buttons["print"].isEnabled()
    assert list(page._folder.path.glob("*.pdf")) == []   # its file is not left behind


def test_the_inputs_shown_are_those_the_form_reads(page):
    _choose(page, "bao_cao")
    visible = {key: page.fields.isRowVisible(w) for key, w in
               (("questions", page.questions), ("summary", page.summary), ("content", page.content))}
    assert visible == {"questions": False, "summary": True, "content": False}   # the body replaces the lines
    assert page.paper_tabs.isTabEnabled(0) and page.paper_tabs.currentIndex() == 0
    page.unit.setCurrentIndex(1)
    _choose(page, "phieu_bieu_quyet")
    assert page.fields.isRowVisible(page.questions) and not page.fields.isRowVisible(page.summary)
    assert not page.paper_tabs.isTabEnabled(0) and page.paper_tabs.tabToolTip(0) == s.BODY_NOT_FOR_FORM


def test_the_body_typed_in_the_window_is_issued_stored_and_reprinted(page, qtbot, tmp_path):
    _choose(page, "bao_cao")
    page.summary.setText("kết quả công tác năm 2026")
    _type_report(page, qtbot)
    assert page.body.body() == (
        paragraph([Run("Chi bộ đã họp "), Run("12 kỳ", True), Run(" trong năm.")]),
        paragraph([Run("Rà soát đảng viên;")], 1), paragraph([Run("Thu đảng phí <b>đủ</b>.")], 2))
    page.show_preview()
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "documents_body_preview.png"))
    page.paper_tabs.setCurrentIndex(0)
    page.grab().save(str(SHOTS / "documents_body_editor.png"))
    page.issue(str(tmp_path / "bc.pdf"))
    assert "01-BC/ĐU" in page.status.text()
    assert not page.buttons["issue"].isEnabled()           # issuing again needs a new preview
    (doc,) = documents_register.register_listing(page.context.db)
    assert json.loads(doc.context_json)["body"][2]["runs"] == [["Thu đảng phí <b>đủ</b>.", False]]
    again = documents.reprint(page.context.db, page.context.actor, doc.id, tmp_path / "again.pdf")
    assert again.path.read_bytes() == (tmp_path / "bc.pdf").read_bytes()


def test_pasting_keeps_the_words_only(page):
    _choose(page, "thong_bao")
    mime = QMimeData()
    mime.setHtml("<p><b style='color:red'>Đỏ đậm</b></p><table><tr><td>ô</td></tr></table>")
    mime.setText("Đỏ đậm\nô")
    page.body.edit.insertFromMimeData(mime)
    assert page.body.body() == (paragraph([Run("Đỏ đậm")]), paragraph([Run("ô")]))


def test_the_outline_of_a_decision_starts_the_body(page):
    _choose(page, "quyet_dinh")
    button = page.body.outline_button
    assert button.isVisible() or button.isVisibleTo(page) and button.isEnabled()
    button.click()
    body = page.body.body()
    assert body[0].text.startswith("- Căn cứ Điều lệ Đảng") and [p.number for p in body[3:]] == [1, 2, 3]
    assert not button.isEnabled()                          # never over what is typed


def test_the_word_file_is_the_paper_just_previewed(page, qtbot, tmp_path):
    from docx import Document

    _choose(page, "bao_cao")
    page.summary.setText("kết quả công tác năm 2026")
    _type_report(page, qtbot)
    page.show_preview()
    page.save_word(str(tmp_path / "bc.docx"))
    assert "bc.docx" in page.status.text()
    document = Document(str(tmp_path / "bc.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Chi bộ đã họp 12 kỳ trong năm." in texts and "2. Thu đảng phí <b>đủ</b>." in texts
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "12 kỳ" in bold
    assert documents_register.register_listing(page.context.db) == []   # a Word file is never numbered
