"""The bundled Liberation Serif (metric-compatible with Times New Roman), registered once, lazily.

Qt and the PC's fonts play no part: every PDF embeds a subset of these four files (reportlab's
default for TrueType fonts), with a ToUnicode map so that copied text comes back exactly.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Installed inside the package from the top-level resources/ (pyproject package-dir).
FONT_DIR = Path(str(resources.files("tayninh_desktop.resources").joinpath("fonts")))

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

FONT_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and the family (so <b> and <i> in paragraphs pick them)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
            addMapping(REGULAR, bold, italic, name)
        _registered = True


@cache
def _cmap(name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def missing_glyphs(text: str, font: str = REGULAR) -> set[str]:
    """The characters of ``text`` the face has no glyph for (whitespace control characters aside)."""
    cmap = _cmap(font)
    return {ch for ch in text if ch not in "\n\r\t" and ord(ch) not in cmap}


def string_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in ``font`` at ``size``."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
