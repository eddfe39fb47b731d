"""The body of a free-text paper, typed in the window: paragraphs, numbered points and bold — nothing more,
because that is all the paper prints (``domain.rich_text``). Pasting from Word or a web page keeps the
words only, so what the screen shows is what the paper prints.

The editor shows the body in the paper's own face and size (Liberation Serif, the metric twin of Times
New Roman, 14 pt as HD 36 asks) so that a line that looks long on screen is long on paper too.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QToolButton, QVBoxLayout, QWidget

from tayninh_desktop.domain.rich_text import BodyParagraph, Run, paragraph
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.app_font import FONT_DIR

PAPER_FACES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf")
PAPER_POINT_SIZE = 14
_family: str | None = None


def paper_family() -> str:
    """The family of the paper's face, loaded once from the bundled files ("" when unreadable)."""
    global _family
    if _family is None:
        ids = [QFontDatabase.addApplicationFont(str(FONT_DIR / name)) for name in PAPER_FACES]
        families = [QFontDatabase.applicationFontFamilies(i)[0] for i in ids if i >= 0]
        _family = families[0] if families else ""
    return _family


class BodyEdit(QTextEdit):
    """A text box that takes only words from the clipboard: no fonts, colours, tables or pictures."""

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(source.text(), QTextCharFormat())


def _runs(block: QTextBlock) -> list[Run]:
    runs = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            runs.append(Run(fragment.text(), fragment.charFormat().fontWeight() >= QFont.Weight.Bold))
        it += 1
    return runs


class BodyEditor(QWidget):
    """The editor with its two tools (bold, numbered point) and the form's outline to start from."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.edit = BodyEdit(objectName="body", acceptRichText=False, placeholderText=s.BODY_PLACEHOLDER)
        family = paper_family()
        self.edit.document().setDefaultFont(QFont(family or self.font().family(), PAPER_POINT_SIZE))
        self.bold = QToolButton(objectName="body_bold", text=s.BODY_BOLD, checkable=True, toolTip=s.BODY_BOLD_TIP)
        self.bold.setShortcut(QKeySequence.StandardKey.Bold)
        bold_font = self.bold.font()
        bold_font.setBold(True)
        self.bold.setFont(bold_font)
        self.numbered = QToolButton(objectName="body_numbered", text=s.BODY_NUMBERED, checkable=True,
                                    toolTip=s.BODY_NUMBERED_TIP)
        self.outline_button = QPushButton(s.BODY_OUTLINE, objectName="body_outline")
        self.hint = QLabel(s.BODY_HINT, objectName="body_hint", wordWrap=True)
        self._outline: tuple[BodyParagraph, ...] = ()
        bar = QHBoxLayout()
        for widget in (self.bold, self.numbered):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.outline_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.hint)
        self.bold.toggled.connect(self.set_bold)
        self.numbered.toggled.connect(self.set_numbered)
        self.outline_button.clicked.connect(lambda: self.set_body(self._outline))
        self.edit.cursorPositionChanged.connect(self._show_format)
        self.edit.textChanged.connect(self._text_changed)
        self.set_outline(())

    # -- the tools -------------------------------------------------------------------------------
    def set_bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        cursor = self.edit.textCursor()
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)
        self.edit.setFocus()

    def set_numbered(self, on: bool) -> None:
        """Make the paragraphs under the cursor numbered points (going on from a list just above), or plain."""
        cursor = self.edit.textCursor()
        doc = self.edit.document()
        first, last = doc.findBlock(cursor.selectionStart()), doc.findBlock(cursor.selectionEnd())
        cursor.beginEditBlock()
        block = first
        while block.isValid():
            if on and block.textList() is None:
                above = block.previous().textList() if block.previous().isValid() else None
                if above is not None and above.format().style() == QTextListFormat.Style.ListDecimal:
                    above.add(block)
                else:
                    QTextCursor(block).createList(QTextListFormat.Style.ListDecimal)
            elif not on and block.textList() is not None:
                block.textList().remove(block)
                plain = block.blockFormat()
                plain.setIndent(0)
                QTextCursor(block).setBlockFormat(plain)
            if block == last:
                break
            block = block.next()
        cursor.endEditBlock()
        self.edit.setFocus()

    def _show_format(self) -> None:
        for button, on in ((self.bold, self.edit.fontWeight() >= QFont.Weight.Bold),
                           (self.numbered, self.edit.textCursor().currentList() is not None)):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)

    def _text_changed(self) -> None:
        self._update_outline_button()
        self.changed.emit()

    # -- the body as data ------------------------------------------------------------------------
    def body(self) -> tuple[BodyParagraph, ...]:
        """The paragraphs typed (empty ones dropped), each numbered point with the number shown on screen."""
        out = []
        block = self.edit.document().begin()
        while block.isValid():
            numbers = block.textList()
            typed = paragraph(_runs(block), numbers.itemNumber(block) + 1 if numbers is not None else None)
            if typed.runs:
                out.append(typed)
            block = block.next()
        return tuple(out)

    def set_body(self, body: tuple[BodyParagraph, ...]) -> None:
        """Show a body (numbered points that follow each other share one list, so they count on)."""
        self.edit.clear()
        cursor = QTextCursor(self.edit.document())
        current = None
        for index, para in enumerate(body):
            if index:   # a new paragraph would carry on the one before (its list too): it starts plain
                cursor.insertBlock(QTextBlockFormat())
            for run in para.runs:
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
                cursor.insertText(run.text.replace("\n", "\u2028"), fmt)
            if para.number is None:
                current = None
            elif current is not None and current.count() + 1 == para.number:
                current.add(cursor.block())
            else:
                current = cursor.createList(QTextListFormat.Style.ListDecimal)
        self.edit.moveCursor(QTextCursor.MoveOperation.Start)

    def set_outline(self, lines: tuple[tuple[str, bool, bool], ...]) -> None:
        """The chosen form's outline (its headings, a decision's articles), offered while the editor is empty."""
        numbers, body = 0, []
        for text, bold, numbered in lines:
            numbers = numbers + 1 if numbered else 0
            body.append(paragraph([Run(text, bold)], numbers if numbered else None))
        self._outline = tuple(body)
        self._update_outline_button()

    def _update_outline_button(self) -> None:
        empty = not self.edit.document().toPlainText().strip()
        self.outline_button.setVisible(bool(self._outline))
        self.outline_button.setEnabled(empty)
        self.outline_button.setToolTip(s.BODY_OUTLINE_TIP if empty else s.BODY_OUTLINE_NOT_EMPTY)
