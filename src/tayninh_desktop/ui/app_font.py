"""The window's own font: Liberation Sans, shipped with the program.

Qt brings no fonts, and a PC may lack one with Vietnamese coverage; loading the bundled face means
every label and table shows full diacritics whatever is installed (the same family of fonts as
the printed documents, under the same licence, resources/fonts/LICENSE-Liberation.txt).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_DIR = Path(str(resources.files("tayninh_desktop.resources").joinpath("fonts")))
UI_FACES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf")
UI_POINT_SIZE = 10


def install(app: QApplication) -> str | None:
    """Load the bundled faces and make them the application font; returns the family (None if unreadable)."""
    family = None
    for name in UI_FACES:
        font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
        if font_id >= 0 and family is None:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        app.setFont(QFont(family, UI_POINT_SIZE))
    return family
