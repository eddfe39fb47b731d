"""Hướng dẫn: the user guide in a read-only viewer — docs/huong-dan.md when the program has it, else the README —
with its pictures (docs/huong-dan/*.png, made by `scripts/screenshots.py --guide docs/huong-dan`) scaled to the
viewer's width. The bundle ships both (installer/tayninh-desktop.spec, beside the program's own files)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
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
        contents = getattr(sys, "_MEIPASS", None)   # PyInstaller's folder of the program's files (_internal)
        if contents:
            roots.insert(1, Path(contents))
    return roots


def guide_file() -> Path | None:
    """The guide to show: the first of docs/huong-dan.md, README.md found (None when neither is there)."""
    for name in GUIDE_NAMES:
        for root in _roots():
            path = root / name
            if path.is_file():
                return path
    return None


PICTURE_WIDTH = 820   # px: a 1366-pixel screenshot shown whole in the 900-pixel dialog


class GuideView(QTextBrowser):
    """A read-only browser whose pictures are read beside the guide's file and scaled down to fit."""

    def __init__(self, base: Path | None, parent=None) -> None:
        super().__init__(parent, objectName="guide_text")
        self.base = base

    def picture(self, name: str) -> QImage:
        """The picture ``name`` (relative to the guide's folder), scaled to the viewer; null when missing."""
        url = QUrl(name)
        path = Path(url.toLocalFile()) if url.isLocalFile() else (self.base or Path()) / url.path()
        image = QImage(str(path))
        if not image.isNull() and image.width() > PICTURE_WIDTH:
            image = image.scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return image

    def loadResource(self, kind: int, url: QUrl):
        if kind == QTextDocument.ResourceType.ImageResource.value and self.base is not None:
            image = self.picture(url.toString())
            if not image.isNull():
                return image
        return super().loadResource(kind, url)


class GuideDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(sw.GUIDE_TITLE)
        self.setObjectName("guide_dialog")
        self.source = guide_file()
        self.viewer = GuideView(self.source.parent if self.source else None)
        self.viewer.setOpenExternalLinks(False)
        self.viewer.setReadOnly(True)
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
