"""Giới thiệu: the program's version, its data folder, the register open, the licence of the fonts, and what its
security covers and does not (so the office adds BitLocker)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
)

from tayninh_desktop.config import data_dir, program_version
from tayninh_desktop.ui import strings_accounts as sa
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.app_font import FONT_DIR

LICENCE_FILE = "LICENSE-Liberation.txt"


class AboutDialog(QDialog):
    def __init__(self, context, sample: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(sw.ABOUT_TITLE)
        self.setObjectName("about_dialog")
        self.setMinimumWidth(640)
        licence = FONT_DIR / LICENCE_FILE
        about = sw.ABOUT_TEXT.format(version=program_version(), data_dir=data_dir(), register=context.db_path or "—",
                                     sample=sw.ABOUT_SAMPLE if sample else "", licence=licence)
        self.text = QLabel(about + sa.ABOUT_SECURITY, objectName="about_text", wordWrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(widgetResizable=True)   # fits a laptop screen whatever the text's length
        scroll.setWidget(self.text)
        self.licence = QTextBrowser(objectName="about_licence")
        self.licence.setPlainText(licence.read_text(encoding="utf-8") if licence.is_file() else "")
        self.licence.hide()
        show_licence = QPushButton(sw.ABOUT_LICENCE_BUTTON, objectName="about_show_licence")
        show_licence.clicked.connect(self._show_licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(show_licence, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 2)
        layout.addWidget(self.licence, 1)
        layout.addWidget(buttons)
        self.resize(700, 560)

    def _show_licence(self) -> None:
        self.licence.setVisible(True)
