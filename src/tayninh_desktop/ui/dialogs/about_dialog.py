"""About the program: what it is, and what its security covers and does not (so the office adds BitLocker)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from tayninh_desktop.ui import strings_accounts as s


class AboutDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.ABOUT_TITLE)
        self.setMinimumWidth(640)
        text = QLabel(s.ABOUT_TEXT, objectName="about_text", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
