"""Hướng dẫn: the user guide in a read-only viewer — docs/huong-dan.md when the program has it, else the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from tayninh_desktop.config import program_dir
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.screen_fit import fit_to_screen

GUIDE_NAMES = ("docs/huong-dan.md", "README.md")


def _roots() -> list[Path]:
    """Where the guide may be: beside the bundled program, and the source checkout (an installed-from-source
    program)."""
    roots = [Path(__file__).resolve().parents[4]]
    bundled = program_dir()
    if bundled is not None:
        roots.insert(0, bundled)
    return roots


def guide_file() -> Path | None:
    """The guide to show: the first of docs/huong-dan.md, README.md found (None when neither is there)."""
    for name in GUIDE_NAMES:
        for root in _roots():
            path = root / name
            if path.is_file():
                return path
    return None


class GuideDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(sw.GUIDE_TITLE)
        self.setObjectName("guide_dialog")
        self.viewer = QTextBrowser(objectName="guide_text")
        self.viewer.setOpenExternalLinks(False)
        self.viewer.setReadOnly(True)
        self.source = guide_file()
        if self.source is None:
            self.viewer.setPlainText(sw.GUIDE_MISSING)
        else:
            self.viewer.setMarkdown(self.source.read_text(encoding="utf-8"))
        where = QLabel(str(self.source or ""), objectName="guide_source")
        where.setStyleSheet("color: #666; font-size: 9pt;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 680)
