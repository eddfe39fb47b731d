"""Dates as the office writes them: dd/mm/yyyy on screen, "ngày 05 tháng 02 năm 2026" in documents."""

from __future__ import annotations

import re
from datetime import date

from tayninh_desktop.domain.errors import FieldIssue, ValidationError

YEAR_MIN, YEAR_MAX = 1900, 2999   # the years the register can hold (the same bounds as a month)

_VN_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_vn_date(text: str, *, century_pivot: int = 30) -> date | None:
    """Parse a date typed as dd/mm/yyyy (also d/m/yy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd.

    Returns None for an empty text; raises ValueError for a text that is not a real date.
    Two-digit years up to ``century_pivot`` are read as 20yy, the others as 19yy.
    """
    text = (text or "").strip()
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        return _plausible(date(int(match[1]), int(match[2]), int(match[3])), text)
    match = _VN_DATE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:
        year += 2000 if year <= century_pivot else 1900
    return _plausible(date(year, month, day), text)


def _plausible(value: date, text: str) -> date:
    # A date the register can hold: "01/01/0001" or "31/12/9999" is a slip, not a date of a member's life.
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValueError(text)
    return value


def check_year(year: int | None, field: str = "year") -> int | None:
    """``year`` when the register can hold it (None stays None); otherwise refused naming ``field``."""
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError([FieldIssue(field, "bad_year", {"value": year, "low": YEAR_MIN, "high": YEAR_MAX})])
    return year


def format_vn_date(value: date | None) -> str:
    """dd/mm/yyyy, or "" for no date (not ``strftime``, which imports ``time`` through Qt's import hook at every
    call once PySide6 is loaded: the register table formats three dates a line)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def day_text(day: int) -> str:
    """A day of the month as a document writes it: a leading zero below 10 ("05", "15")."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """A month as a document writes it: months 1 and 2 take a leading zero ("01", "02"), the others do not
    ("3", "12"), so that no digit can be added in front of them by hand (HD 36-HD/VPTW, point 1.4; see
    resources/rules/documents.toml, section date_format)."""
    return f"{month:02d}" if month < 3 else str(month)


def format_long_date(value: date) -> str:
    """The form party documents use: "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026"."""
    return f"ngày {day_text(value.day)} tháng {month_text(value.month)} năm {value.year}"


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def add_months(value: date, months: int) -> date:
    """The same day ``months`` later, clipped to the month's last day (31/01 + 1 → 28/02)."""
    month_index = value.month - 1 + months
    year = value.year + month_index // 12
    month = month_index % 12 + 1
    for day in (value.day, 30, 29, 28):
        try:
            return date(year, month, min(value.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_years(value: date, years: int) -> date:
    return add_months(value, 12 * years)
