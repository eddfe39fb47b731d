"""What the office writes for a paper on the "Văn bản" page: the questions voted on, the trích yếu, the
content (one item a line), each read back as the lines typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from tayninh_desktop.ui import strings_documents as s


def _box(name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name, placeholderText=placeholder)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * lines)
    return box


def lines_of(box: QPlainTextEdit) -> tuple[str, ...]:
    """The lines typed, trimmed, empty lines dropped."""
    return tuple(line.strip() for line in box.toPlainText().splitlines() if line.strip())


class PaperInputs:
    """The three inputs and the rows they take in the page's form."""

    def __init__(self) -> None:
        self.questions = _box("questions", s.QUESTIONS_PLACEHOLDER, 4)
        self.summary = QLineEdit(objectName="summary", placeholderText=s.SUMMARY_PLACEHOLDER)
        self.content = _box("content", s.CONTENT_PLACEHOLDER, 5)

    def rows(self) -> tuple:
        return ((s.LABEL_QUESTIONS, self.questions), (s.LABEL_SUMMARY, self.summary), (s.LABEL_CONTENT, self.content))
