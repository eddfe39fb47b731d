"""What the screening adds to the early warnings of the home page: the help due dates coming or passed, and a unit
approaching or over the removals the Đề án allotted it."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.domain.warnings import EarlyWarning, Severity, WarningKind
from tayninh_desktop.services.party_life import rules
from tayninh_desktop.storage import cases_repo
from tayninh_desktop.storage.db import Database


def help_due_warnings(db: Database, today: date, names: dict[str, str] | None = None) -> list[EarlyWarning]:
    """A listed member's twelve months ending within the warning days (a reminder), or ended without the screening
    vote (reached: the cell must screen)."""
    from tayninh_desktop.services.case_views import help_due_dates

    out = []
    for item in help_due_dates(db, today, names):
        rule = rules().on("help_period", item.listed_on)
        code = "warn_help_passed" if item.passed else "warn_help_due"
        evidence = render(code, {"listed": format_vn_date(item.listed_on), "due": format_vn_date(item.due_on),
                                 "months": rule["months"], "basis": rule.citation_marked})
        out.append(EarlyWarning(WarningKind.HELP_DUE, Severity.REACHED if item.passed else Severity.NOTICE, evidence,
                                item.cell_id, item.cell_name, item.member_id, item.member_name, basis=rule.citation,
                                data={"case_id": item.case_id, "due": item.due_on.isoformat(),
                                      "passed": item.passed}))
    return out


def allotment_warnings(db: Database, today: date, cells: list[Unit] | None = None) -> list[EarlyWarning]:
    """Units with an allotment this year that approach it (counting the open cases) or went over it. ``cells``:
    every cell, closed ones included, in the committee's order, when the caller has read them."""
    if not cases_repo.allotments(db, today.year):
        return []
    from tayninh_desktop.services.screening_results import NEAR, OVER, results

    out = []
    for row in results(db, today.year, today=today, with_signs=False, cells=cells):
        state = row.allotment_state
        if state not in (NEAR, OVER):
            continue
        rule = rules().on("allotment_warning", date(row.year, 12, 31))
        evidence = render("warn_allotment_over" if state == OVER else "warn_allotment_near", {
            "name": row.name, "year": row.year, "measure": row.measure, "pending": row.pending,
            "allotted": row.allotted, "doc": row.allotment_doc, "basis": rule.citation_marked})
        out.append(EarlyWarning(WarningKind.ALLOTMENT, Severity.REACHED if state == OVER else Severity.NEAR, evidence,
                                row.cell_id, row.name if row.cell_id else "", basis=rule.citation,
                                data={"year": row.year, "measure": row.measure, "allotted": row.allotted,
                                      "pending": row.pending}))
    return out


def warnings(db: Database, today: date, cells: list[Unit] | None = None) -> list[EarlyWarning]:
    """The screening's warnings. ``cells``: every cell, closed ones included, in the committee's order (the early
    warnings read them once for all their parts)."""
    names = None if cells is None else {u.id: u.name for u in cells}
    return help_due_warnings(db, today, names) + allotment_warnings(db, today, cells)
