"""Every button and context menu in Vietnamese, Qt's own included (PySide6 ships no qtbase_vi translation)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit

from tayninh_desktop.ui.strings_qt import QT_TEXTS

VIETNAMESE = set(QT_TEXTS.values())


def _shown(text: str) -> str:
    return text.split("\t")[0]


def test_text_box_context_menus_are_vietnamese(qtbot):
    for box in (QLineEdit(), QPlainTextEdit(), QTextEdit()):
        qtbot.addWidget(box)
        menu = box.createStandardContextMenu()
        texts = [_shown(a.text()) for a in menu.actions() if a.text()]
        assert texts and all(t in VIETNAMESE for t in texts), texts
        assert "&Sao chép" in texts and "&Dán" in texts


def test_standard_buttons_are_vietnamese(qtbot):
    every = QDialogButtonBox.StandardButton(0)
    for flag in QDialogButtonBox.StandardButton:
        if flag.value and flag is not QDialogButtonBox.StandardButton.NoButton:
            every |= flag
    box = QDialogButtonBox(every)
    qtbot.addWidget(box)
    texts = [b.text() for b in box.buttons()]
    assert len(texts) >= 15
    assert all(t in VIETNAMESE for t in texts), texts
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(message)
    assert sorted(b.text() for b in message.buttons()) == ["&Có", "&Không", "Hủy"]


def test_no_english_left_in_the_table():
    for english, vietnamese in QT_TEXTS.items():
        assert vietnamese and vietnamese != english or re.fullmatch(r"[%\d\s]+", english), english
