"""A form's figures as the lines of its table: label, the three value columns as text, marks.

Comparison forms print kỳ này / cùng kỳ năm trước / (%) = (2) × 100 / (3); breakdown forms print
tổng số / trong đó nữ / tỷ lệ (%) of the form's total. Numbers are written the Vietnamese way
(1.234; 45,3). A typed figure carries ``typed``; one still to type is left empty (``missing``) so a
printed form can be completed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from tayninh_desktop.domain.stats_compute import FormResult
from tayninh_desktop.domain.stats_forms import BREAKDOWN, REVIEW, StatForm, StatRow


@dataclass(frozen=True)
class DisplayRow:
    key: str
    label: str
    level: int
    bold: bool
    cells: tuple[str, str, str]
    typed: bool = False
    missing: bool = False
    hidden: bool = False
    note: str = ""
    values: tuple[float | None, float | None] = (None, None)


def number_text(value: int | None) -> str:
    """1234567 → "1.234.567"; None → ""."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def decimal_text(value: float | None, digits: int = 1) -> str:
    """45.25 → "45,3" (one decimal, comma); None → ""."""
    return "" if value is None else f"{value:.{digits}f}".replace(".", ",")


def ratio_text(part: float | None, whole: float | None) -> str:
    """part × 100 / whole with one decimal; empty when there is nothing to compare with."""
    if part is None or not whole:
        return ""
    return decimal_text(part * 100 / whole)


def _value(row: StatRow, result: FormResult | None) -> float | None:
    if result is None or not row.has_value:
        return None
    return result.average(row.key) if row.average else result.value(row.key)


def _text(row: StatRow, value: float | None) -> str:
    return decimal_text(value) if row.average else number_text(value)   # type: ignore[arg-type]


def comparison_rows(form: StatForm, current: FormResult | None, previous: FormResult | None) -> list[DisplayRow]:
    out = []
    for row in form.rows:
        now, before = _value(row, current), _value(row, previous)
        missing = bool(current is not None and row.key in current.missing)
        cells = (_text(row, now), _text(row, before), ratio_text(now, before))
        out.append(DisplayRow(row.key, row.label, row.level, row.bold, cells,
                              typed=bool(current is not None and row.key in current.typed), missing=missing,
                              note=row.note, values=(now, before)))
    return out


def breakdown_rows(form: StatForm, current: FormResult | None) -> list[DisplayRow]:
    whole = current.value(form.total_key) if current is not None and form.total_key else None
    out = []
    for row in form.rows:
        total = _value(row, current)
        female = current.values.get(f"{row.key}:nu") if current is not None and row.has_value else None
        hidden = bool(row.hide_zero and current is not None and not total)
        cells = (number_text(total), number_text(female), ratio_text(total, whole))  # type: ignore[arg-type]
        out.append(DisplayRow(row.key, row.label, row.level, row.bold, cells, hidden=hidden, note=row.note,
                              values=(total, female)))
    return out


def review_rows(form: StatForm, current: FormResult | None) -> list[DisplayRow]:
    """One line per row (a "Tập thể" figure too, so that it can be typed): the figure in the first cell; the
    print puts each companion figure under "Tập thể" of its line (``statistics_print``)."""
    out = []
    for row in form.rows:
        value = _value(row, current)
        missing = bool(current is not None and row.key in current.missing)
        out.append(DisplayRow(row.key, row.label, row.level, row.bold, (number_text(value), "", ""),  # type: ignore[arg-type]
                              typed=bool(current is not None and row.key in current.typed), missing=missing,
                              note=row.note, values=(value, None)))
    return out


def display_rows(form: StatForm, current: FormResult | None, previous: FormResult | None = None) -> list[DisplayRow]:
    """The table lines of ``form`` (``current`` None: a blank form with its labels only)."""
    if form.layout == BREAKDOWN:
        return breakdown_rows(form, current)
    if form.layout == REVIEW:
        return review_rows(form, current)
    return comparison_rows(form, current, previous)
