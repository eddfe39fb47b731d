"""Numbers as Vietnamese write them: a dot between thousands (1.234.567), a comma before decimals (26,2) and a
space before the percent sign (26,2 %). Money is in domain.documents / the pages (5.000.000 đ)."""

from __future__ import annotations


def number(value: int) -> str:
    """1234567 → "1.234.567"."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, digits: int = 1) -> str:
    """26.25 → "26,3" (rounded half to even as Python does, digits after the comma)."""
    whole, _, fraction = f"{value:,.{digits}f}".partition(".")
    text = whole.replace(",", ".")
    return f"{text},{fraction}" if fraction else text


def percent_value(value: float, digits: int = 1) -> str:
    """26.2 → "26,2 %"."""
    return f"{decimal(value, digits)} %"


def percent(part: float, whole: float, digits: int = 1) -> str:
    """The share of ``part`` in ``whole``: 5 of 19 → "26,3 %" ("—" when the whole is 0)."""
    if not whole:
        return "—"
    return percent_value(100 * part / whole, digits)
