"""The superior's aggregated report of a period: the reporting units' returns added up and set side by side.

Totals and per unit (Biểu 1's lines; every form summed, checked by its own rules), the Đề án 03 figures per year
with the reduction against the previous year and the 2015–2020 baseline, each unit's removals against the number
the Đề án allotted it (those over it highlighted), the support programme's figures, and the units still owing
their return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tayninh_desktop.domain.documents_report import TARGET_REDUCTION, baseline_average
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.returns_aggregate import de_an_03_rows, measure_in, summed_forms, summed_support
from tayninh_desktop.domain.stats_checks import CheckResult, check_results
from tayninh_desktop.domain.stats_compute import FormResult
from tayninh_desktop.domain.stats_forms import stat_forms
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services import returns_board, scope
from tayninh_desktop.storage import returns_repo
from tayninh_desktop.storage.db import Database

BIEU_1_KEYS = ("A", "B.1", "B.2", "B.3", "C.1", "C.2", "C.3", "C.4", "C.5", "D")
SUPPORT_KEYS = ("screened", "told", "applied", "approved", "paid", "approved_amount", "paid_amount")


@dataclass(frozen=True)
class UnitFigures:
    code: str
    name: str
    revision: int
    received_at: datetime
    kind: str
    bieu_1: dict[str, int | None]
    measure: int                    # xóa tên + xin ra khỏi Đảng in the period's year (Đề án 03)
    allotted: int | None
    allotment_doc: str
    support: dict[str, int]

    @property
    def over_allotment(self) -> bool:
        return self.allotted is not None and self.measure > self.allotted


@dataclass(frozen=True)
class AggregateReport:
    period: str
    period_label: str
    year: int
    units: tuple[UnitFigures, ...]
    forms: dict[str, FormResult]
    check: CheckResult
    de_an_03: list[dict]
    baseline: float | None
    support: dict[str, int]
    owed: tuple[tuple[str, str, str], ...]      # (code, name, state) of the units still owing the return
    expected: int

    @property
    def totals(self) -> dict[str, int | None]:
        result = self.forms.get("bieu_1")
        return {k: (result.value(k) if result else None) for k in BIEU_1_KEYS}

    @property
    def over(self) -> list[UnitFigures]:
        return [u for u in self.units if u.over_allotment]

    @property
    def target(self) -> float | None:
        return round(self.baseline * (100 - TARGET_REDUCTION) / 100, 1) if self.baseline is not None else None


def _unit(record, year: int, allotted: dict[str, tuple[int, str]]) -> UnitFigures:
    payload = record.payload
    bieu_1 = ((payload.get("indicators") or {}).get("forms") or {}).get("bieu_1") or {}
    values, missing = bieu_1.get("values") or {}, set(bieu_1.get("missing") or ())
    allotment = allotted.get(record.sender_code)
    support = (payload.get("support") or {}).get("totals") or {}
    return UnitFigures(record.sender_code, (payload.get("unit") or {}).get("name", record.sender_code),
                       record.revision, record.received_at, record.kind,
                       {k: None if k in missing else int(values.get(k, 0)) for k in BIEU_1_KEYS},
                       measure_in(payload.get("de_an_03") or {}, year),
                       allotment[0] if allotment else None, allotment[1] if allotment else "",
                       {k: int(support.get(k, 0)) for k in SUPPORT_KEYS})


def aggregate(db: Database, period_text: str | None, *, today: date | None = None) -> AggregateReport:
    """The period's accepted returns added up; refused when none has arrived."""
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    period = parse_period(period_text)
    records = returns_repo.received(db, period=period.code)
    if not records:
        raise DomainError("return_report_no_data", period=period.code)
    allotted = returns_board.allotments(db, period.year)
    units = sorted((_unit(r, period.year, allotted) for r in records), key=lambda u: (fold(u.name), u.code))
    forms = summed_forms(r.payload for r in records)
    known = stat_forms()
    check = check_results({k: v for k, v in forms.items() if k in known}, known)
    sections = [r.payload.get("de_an_03") or {} for r in records]
    start = min((int(s.get("start_year", period.year)) for s in sections if s), default=period.year)
    entered = [b for b in (baseline_average(s.get("baseline")) for s in sections) if b is not None]
    board = returns_board.board(db, today=today, period=period.code)
    owed = tuple((row.unit_code, row.unit_name, row.cells[period.code].state.value) for row in board.owed(period.code))
    return AggregateReport(period.code, period.label, period.year, tuple(units), forms, check,
                           de_an_03_rows(sections, range(start, period.year + 1)),
                           round(sum(entered), 1) if entered else None,
                           summed_support(r.payload.get("support") or {} for r in records), owed, len(board.rows))
