"""Clean text: digits as digits, and no text that hides what it is.

- Numbers typed with full-width (１２３) or Arabic-Indic (١٢٣) digits become ASCII, so a CCCD typed
  either way is the same CCCD (duplicate detection holds).
- Control characters, and the bidirectional overrides that reorder what is shown (a name that reads
  "Nguyễn" but is stored otherwise), are refused; zero-width characters are removed, and a text made
  only of them is refused as empty.
- A name may not start like a spreadsheet formula (=, +, -, @): exported, it would run as one. Other
  texts may (a note starting "- "); the export writes every text as text (``xlsx_export``).
"""

from __future__ import annotations

import unicodedata

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")
ALLOWED_CONTROLS = frozenset("\n")   # a line break in a note or an address

_ZW_TABLE = str.maketrans("", "", ZERO_WIDTH)


def ascii_digits(text: str) -> str:
    """Every decimal digit of any script as its ASCII digit ("０７２" → "072")."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if unicodedata.category(ch) == "Nd" else ch for ch in text)


def without_zero_width(text: str) -> str:
    return text.translate(_ZW_TABLE)


def text_problem(text: str) -> str | None:
    """The code of what is wrong with ``text`` (as typed, before cleaning), or None."""
    if not text:
        return None
    if text.isprintable():   # no control, format (bidi, zero-width) or separator but the space: one C scan
        return None if text.strip() else "text_invisible"
    if any(ch in BIDI_CONTROLS for ch in text):
        return "text_bidi"
    if any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text):
        return "text_control"
    if not without_zero_width(text).strip():
        return "text_invisible"
    return None


def name_problem(text: str) -> str | None:
    """Like ``text_problem``, and a name may not start like a formula."""
    problem = text_problem(text)
    if problem:
        return problem
    if without_zero_width(text).lstrip(" ").startswith(FORMULA_LEAD):
        return "text_formula"
    return None


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_LEAD)
