"""A member's year at a glance: twelve months of meetings and of dues, one state per month.

A month with several meetings shows the one that matters most (an unexcused absence before an excused one,
before presence); a month nothing was recorded for says so — never "present" or "paid"; months still to
come are only that. Each month keeps its meetings' dates and states for the tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

NOT_RECORDED = "none"
FUTURE = "future"
# Which of a month's meetings the month shows: the first found in this order.
ATTENDANCE_WEIGHT = ("vang_khong_ly_do", "vang_co_ly_do", "co_mat", "mien")


@dataclass(frozen=True)
class MonthCell:
    month: int                              # 1..12
    state: str                              # a state value, NOT_RECORDED or FUTURE
    meetings: tuple[tuple[date, str], ...] = ()   # the month's meetings (date, attendance state)


@dataclass(frozen=True)
class YearStrip:
    year: int
    meetings: tuple[MonthCell, ...]
    dues: tuple[MonthCell, ...]


def _future(year: int, month: int, today: date) -> bool:
    return (year, month) > (today.year, today.month)


def _attendance_cell(year: int, month: int, held: list[tuple[date, str]], today: date) -> MonthCell:
    if not held:
        return MonthCell(month, FUTURE if _future(year, month, today) else NOT_RECORDED)
    states = {state for _, state in held}
    shown = next((s for s in ATTENDANCE_WEIGHT if s in states), held[0][1])
    return MonthCell(month, shown, tuple(sorted(held)))


def year_strip(year: int, attendance: Iterable[tuple[date, str]], dues: Iterable[tuple[str, str]],
               today: date) -> YearStrip:
    """The strip of ``year`` from (meeting date, attendance state) and ("YYYY-MM", dues state) pairs."""
    by_month: dict[int, list[tuple[date, str]]] = {}
    for day, state in attendance:
        if day.year == year:
            by_month.setdefault(day.month, []).append((day, state))
    paid = {int(month[5:7]): state for month, state in dues if month.startswith(f"{year}-")}
    meetings = tuple(_attendance_cell(year, m, by_month.get(m, []), today) for m in range(1, 13))
    dues_cells = tuple(MonthCell(m, paid[m] if m in paid else FUTURE if _future(year, m, today) else NOT_RECORDED)
                       for m in range(1, 13))
    return YearStrip(year, meetings, dues_cells)
