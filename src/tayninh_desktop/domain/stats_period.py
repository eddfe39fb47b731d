"""Report periods of the statistical forms: a year, a half year, a quarter or a month.

Typed as ``2026`` (năm), ``2026-H1`` / ``2026-H2`` (6 tháng đầu / cuối năm), ``2026-Q3`` (quý III) or
``2026-06`` (also ``06/2026``; tháng 6). A flow indicator counts the events from the first to the last
day of the period; a stock indicator is the situation at the end of its last day. A period that is
not over yet is counted up to the day the figures are taken ("số liệu đến ngày …"), and its "same
period last year" covers the same days one year earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tayninh_desktop.domain.dates import YEAR_MAX, YEAR_MIN, add_years
from tayninh_desktop.domain.errors import FieldIssue, ValidationError


class PeriodKind(StrEnum):
    YEAR = "nam"
    HALF = "6_thang"
    QUARTER = "quy"
    MONTH = "thang"


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-[Hh]([12])$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_VN = re.compile(r"^(\d{1,2})/(\d{4})$")


@dataclass(frozen=True)
class Period:
    """One report period; ``index`` is the half (1–2), quarter (1–4) or month (1–12), 0 for a year."""

    kind: PeriodKind
    year: int
    index: int = 0

    @property
    def start(self) -> date:
        first_month = {PeriodKind.YEAR: 1, PeriodKind.HALF: 6 * (self.index - 1) + 1,
                       PeriodKind.QUARTER: 3 * (self.index - 1) + 1, PeriodKind.MONTH: self.index}[self.kind]
        return date(self.year, first_month, 1)

    @property
    def months(self) -> int:
        return {PeriodKind.YEAR: 12, PeriodKind.HALF: 6, PeriodKind.QUARTER: 3, PeriodKind.MONTH: 1}[self.kind]

    @property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        month_index = self.start.month - 1 + self.months
        following = date(self.year + month_index // 12, month_index % 12 + 1, 1)
        return following - timedelta(days=1)

    @property
    def code(self) -> str:
        """The canonical text: "2026", "2026-H1", "2026-Q3", "2026-06"."""
        if self.kind is PeriodKind.YEAR:
            return str(self.year)
        if self.kind is PeriodKind.HALF:
            return f"{self.year}-H{self.index}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    @property
    def label(self) -> str:
        """As a form's title says it: "năm 2026", "6 tháng đầu năm 2026", "quý III năm 2026"."""
        if self.kind is PeriodKind.YEAR:
            return f"năm {self.year}"
        if self.kind is PeriodKind.HALF:
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"quý {ROMAN[self.index]} năm {self.year}"
        return f"tháng {self.index} năm {self.year}"

    def shifted(self, years: int) -> Period:
        return Period(self.kind, self.year + years, self.index)

    def previous(self) -> Period:
        """The period of the same kind just before this one (its closing is this one's opening)."""
        if self.kind is PeriodKind.YEAR:
            return Period(self.kind, self.year - 1)
        count = {PeriodKind.HALF: 2, PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}[self.kind]
        if self.index > 1:
            return Period(self.kind, self.year, self.index - 1)
        return Period(self.kind, self.year - 1, count)


@dataclass(frozen=True)
class Window:
    """The days a computation covers: [start, end], end cut at the day the figures are taken."""

    period: Period
    start: date
    end: date

    @property
    def complete(self) -> bool:
        return self.end == self.period.end

    @property
    def opening_day(self) -> date:
        """The day whose end gives the opening balance (the last day of the previous period)."""
        return self.start - timedelta(days=1)

    def same_period_last_year(self) -> Window:
        """The same days one year earlier (29/02 becomes 28/02)."""
        return Window(self.period.shifted(-1), add_years(self.start, -1), add_years(self.end, -1))


def parse_period(text: str | None, field: str = "period") -> Period:
    """The period typed as "2026", "2026-H1", "2026-Q3", "2026-06" or "06/2026"; refused naming ``field``."""
    raw = (text or "").strip()
    period = _match(raw.replace(" ", ""))
    if period is None or not YEAR_MIN <= period.year <= YEAR_MAX:
        raise ValidationError([FieldIssue(field, "bad_stats_period", {"value": raw})])
    return period


def _match(raw: str) -> Period | None:
    if m := _YEAR.match(raw):
        return Period(PeriodKind.YEAR, int(m[1]))
    if m := _HALF.match(raw):
        return Period(PeriodKind.HALF, int(m[1]), int(m[2]))
    if m := _QUARTER.match(raw):
        return Period(PeriodKind.QUARTER, int(m[1]), int(m[2]))
    m = _MONTH.match(raw)
    year, month = (int(m[1]), int(m[2])) if m else (None, None)
    if m is None and (m := _MONTH_VN.match(raw)):
        year, month = int(m[2]), int(m[1])
    if year is not None and 1 <= month <= 12:
        return Period(PeriodKind.MONTH, year, month)
    return None


def window_for(period: Period, today: date) -> Window:
    """The days of ``period`` known on ``today``; refused when the period has not begun."""
    if period.start > today:
        raise ValidationError([FieldIssue("period", "stats_period_not_started",
                                          {"value": period.code, "start": period.start.strftime("%d/%m/%Y")})])
    return Window(period, period.start, min(period.end, today))
