"""About the program: what it is, and what its security covers and does not (so the office adds BitLocker)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tayninh_desktop.ui import strings_accounts as s


class AboutDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.ABOUT_TITLE)
        self.setMinimumWidth(640)
        text = QLabel(s.ABOUT_TEXT, objectName="about_text", wordWrap=True)
        close = QPushButton("Đóng", objectName="about_close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addLayout(buttons)
