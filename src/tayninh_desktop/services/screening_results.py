"""Results of the screening per cell, unit and year (read-only): signs found, listed, helped, progressed, removed by
form, left on request, settled abroad; the reduction against the previous year and the 2015–2020 baseline; the
removals allotted by the Đề án with the warning as a unit approaches or goes over. They feed the Đề án 03 report and
the return to the superior (``return_figures``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from tayninh_desktop.domain.cases import Case, CaseKind, CaseState, Outcome, RemovalForm
from tayninh_desktop.domain.dates import check_year
from tayninh_desktop.domain.documents_report import EXIT_KINDS, MEASURED, baseline_average, reduction
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.services import organisation, scope
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import cases_repo, documents_repo
from tayninh_desktop.storage.db import Database

NEAR, OVER = "near", "over"


@dataclass(frozen=True)
class ResultRow:
    """One unit's year (a cell, or the committee as a whole when ``cell_id`` is None)."""

    year: int
    cell_id: str | None
    name: str
    signs: int = 0                 # members with a sign of the year
    listed: int = 0                # put on the help list in the year
    helped: int = 0                # on the help list at some time in the year
    progressed: int = 0            # screened as progressed in the year
    removed_after_help: int = 0    # removal decided in the year after a help case
    xoa_ten: int = 0
    khai_tru: int = 0
    ra_khoi_dang: int = 0
    dinh_cu_nuoc_ngoai: int = 0
    previous: int | None = None    # the measure (xóa tên + xin ra) of the year before
    baseline: float | None = None  # the 2015–2020 yearly average entered for the unit
    allotted: int | None = None
    allotment_doc: str = ""
    pending: int = 0               # open removal cases (xóa tên, on request) that would count against the allotment

    @property
    def measure(self) -> int:
        """What the Đề án sets out to halve: struck off and left on request."""
        return self.xoa_ten + self.ra_khoi_dang

    @property
    def vs_previous(self) -> float | None:
        return reduction(self.previous, self.measure)

    @property
    def vs_baseline(self) -> float | None:
        return reduction(self.baseline, self.measure)

    @property
    def allotment_state(self) -> str:
        """"over" past the allotment, "near" at the warning share (counting the open cases), "" otherwise."""
        if self.allotted is None:
            return ""
        if self.measure > self.allotted:
            return OVER
        share = rules().on("allotment_warning", date(self.year, 12, 31))["approaching_share"]
        if self.measure + self.pending > self.allotted or self.measure >= share * self.allotted:
            return NEAR
        return ""


def _in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def _case_counts(help_cases: list[Case], removals: list[Case], year: int) -> dict[str, int]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    origins = {c.id for c in help_cases}
    return {
        "listed": sum(_in_year(c.listed_on, year) for c in help_cases),
        "helped": sum(c.listed_on is not None and c.listed_on <= end and (c.closed_on is None or c.closed_on >= start)
                      for c in help_cases),
        "progressed": sum(c.outcome is Outcome.PROGRESSED and _in_year(c.closed_on, year) for c in help_cases),
        "removed_after_help": sum(c.outcome is Outcome.REMOVED and _in_year(c.closed_on, year) and c.origin_id in origins
                                  for c in removals),
    }


def _pending(removals: list[Case]) -> int:
    return sum(c.state is CaseState.OPEN and c.form in (RemovalForm.STRUCK_OFF, RemovalForm.ON_REQUEST)
               for c in removals)


def _exit_counts(exits: list, year: int) -> dict[str | None, tuple[dict[str, int], int]]:
    """Per cell (and None: the committee), the exits of ``year`` by kind and the measure of the year before."""
    out: dict[str | None, tuple[dict[str, int], list[int]]] = {}
    for kind, day, _member, exit_cell in exits:
        for key in {exit_cell, None}:
            counts, before = out.setdefault(key, ({k: 0 for k in EXIT_KINDS}, [0]))
            if day.year == year:
                counts[kind] += 1
            elif kind in MEASURED:
                before[0] += 1
    return {key: (counts, before[0]) for key, (counts, before) in out.items()}


def results(db: Database, year: int, *, today: date | None = None, with_signs: bool = True,
            signs: list | None = None, cells: list[Unit] | None = None) -> list[ResultRow]:
    """One row per cell that has anything to show in ``year``, then the committee's total row. ``signs``: the year's
    screening already run (the page has it), else it is run here (``with_signs``). ``cells``: every cell, closed
    ones included, in the committee's order (``organisation.cells``), when the caller has read them."""
    from tayninh_desktop.services import screening
    from tayninh_desktop.services.reports_de_an_03 import baselines

    check_year(year)
    today = today_or(today)
    home = organisation.require_home(db)
    every = cases_repo.listing(db, with_steps=False)
    by_cell: dict[str | None, list[Case]] = {None: every}
    for case in every:
        by_cell.setdefault(case.cell_id, []).append(case)
    exits = _exit_counts(documents_repo.exit_events(db, EXIT_KINDS, date(year - 1, 1, 1), date(year, 12, 31)), year)
    found: dict[str | None, set[str]] = {}
    if signs is None and with_signs and year <= today.year:
        signs = screening.run(db, year, today=today).signs
    for sign in signs or ():
        found.setdefault(sign.cell_id, set()).add(sign.member_id)
        found.setdefault(None, set()).add(sign.member_id)
    allotted = {a.unit_id: a for a in cases_repo.allotments(db, year)}
    entered = baselines(db)
    cells = {c.id: c.name for c in (organisation.cells(db, include_closed=True) if cells is None else cells)}
    wanted = set(by_cell) | set(exits) | set(found) | {u for u in allotted if u in cells}
    rows = []
    own = scope.scoped_cell(db)   # a cell secretary: their cell's row only (no other cell, no committee total)
    chosen = [(own, cells.get(own, ""))] if own else [*((c, n) for c, n in cells.items() if c in wanted),
                                                      (None, home.name)]
    for cell_id, name in chosen:
        mine = by_cell.get(cell_id, [])
        counts, before = exits.get(cell_id, ({k: 0 for k in EXIT_KINDS}, 0))
        unit = home.id if cell_id is None else cell_id
        allotment = allotted.get(unit)
        row = ResultRow(year, cell_id, name, len(found.get(cell_id, ())),
                        **_case_counts([c for c in mine if c.kind is CaseKind.HELP],
                                       [c for c in mine if c.kind is CaseKind.REMOVAL], year),
                        **counts, previous=before,
                        baseline=baseline_average({str(k): v for k, v in entered.get(unit, {}).items()}),
                        allotted=allotment.allotted if allotment else None,
                        allotment_doc=allotment.doc_number if allotment else "",
                        pending=_pending([c for c in mine if c.kind is CaseKind.REMOVAL]))
        if cell_id is None or own or _has_content(row):
            rows.append(row)
    return rows


def _has_content(row: ResultRow) -> bool:
    return any((row.signs, row.listed, row.helped, row.progressed, row.measure, row.khai_tru, row.dinh_cu_nuoc_ngoai,
                row.previous, row.allotted is not None, row.pending))


def row_as_dict(row: ResultRow) -> dict:
    data = asdict(row)
    data.update({"measure": row.measure, "vs_previous": row.vs_previous, "vs_baseline": row.vs_baseline,
                 "allotment_state": row.allotment_state})
    return data


def help_rows(db: Database, years: range, cell_id: str | None = None) -> list[dict]:
    """The Đề án 03 report's help-list part: per year, listed, helped, progressed, removed after the help (a cell
    secretary's session: their cell's)."""
    cell_id = scope.cell_filter(db, cell_id)
    every = cases_repo.listing(db, cell_id=cell_id, with_steps=False)
    help_cases = [c for c in every if c.kind is CaseKind.HELP]
    removals = [c for c in every if c.kind is CaseKind.REMOVAL]
    if not help_cases:
        return []
    out = []
    for year in years:
        counts = _case_counts(help_cases, removals, year)
        out.append({"year": year, "listed": counts["listed"], "helped": counts["helped"],
                    "progressed": counts["progressed"], "removed": counts["removed_after_help"]})
    return out


def return_figures(db: Database, year: int, *, today: date | None = None) -> dict:
    """The figures of the screening the return to the superior carries for ``year``: the committee's row and each
    cell's, each with its reduction and its allotment (the returns issue calls this)."""
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    rows = results(db, year, today=today)
    return {"year": year, "committee": row_as_dict(rows[-1]), "cells": [row_as_dict(r) for r in rows[:-1]]}
