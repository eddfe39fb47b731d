"""An empty page says what to do and offers the action: one widget for every page with nothing to show yet.

``EmptyState(title, text, actions)`` shows a heading, a sentence or two, and a button per action
(label, callable). ``EmptySwitch(content, empty)`` holds a page's real content and its empty state and shows one
of them: the page calls ``switch.set_empty(nothing_to_show)`` whenever it reloads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, title: str, text: str, actions: list[tuple[str, Callable[[], object]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.title = QLabel(title, objectName="empty_title", wordWrap=True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.text = QLabel(text, objectName="empty_text", wordWrap=True)
        self.text.setStyleSheet("font-size: 11pt; color: #333;")
        self.text.setMaximumWidth(720)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for index, (label, action) in enumerate(actions):
            button = QPushButton(label, objectName=f"empty_action_{index}")
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _checked=False, act=action: act())
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 32, 32, 32)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addSpacing(12)
        column.addLayout(row)
        column.addStretch(1)
        column.setAlignment(Qt.AlignmentFlag.AlignTop)


class EmptySwitch(QStackedWidget):
    """A page's content or, while there is nothing to show, its empty state."""

    def __init__(self, content: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.empty = empty
        self.addWidget(content)
        self.addWidget(empty)

    def set_empty(self, empty: bool) -> None:
        self.setCurrentWidget(self.empty if empty else self.content)

    @property
    def showing_empty(self) -> bool:
        return self.currentWidget() is self.empty
