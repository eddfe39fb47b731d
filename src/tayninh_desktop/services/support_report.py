"""The support programme's report for a period, per cell and for the committee: members screened as possibly
eligible, told, applications submitted, approved and paid, the amounts; the fund's movements. The same figures,
as plain numbers, are what the return to the superior carries (``return_figures``).

A member is counted in the cell he belonged to on the day that matters: the end of the period for the
screening and the telling, the day of submission for an application.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import ApplicationState, FundKind
from tayninh_desktop.domain.assistance_reference import SupportPlan
from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.services import scope, support_reference, support_screening
from tayninh_desktop.services.party_life import cell_names
from tayninh_desktop.storage import applications_repo, fund_repo, support_repo
from tayninh_desktop.storage.db import Database

FIGURES = ("screened", "told", "told_in_period", "applied", "approved", "paid", "rejected", "approved_amount",
           "paid_amount")
LABELS = {"screened": "Có thể thuộc diện hỗ trợ", "told": "Đã được thông tin", "told_in_period": "Thông tin trong kỳ",
          "applied": "Hồ sơ đề nghị", "approved": "Được duyệt", "paid": "Đã chi trả", "rejected": "Từ chối",
          "approved_amount": "Số tiền được duyệt (đ)", "paid_amount": "Số tiền đã chi (đ)"}


def parse_period(text: str | None = None, start: date | None = None, end: date | None = None,
                 today: date | None = None) -> tuple[date, date]:
    """A report period: "2026", "06/2026" or "2026-06", "H1/2026" (6 tháng đầu năm), "H2/2026"; or from–to."""
    today = today or date.today()
    text = (text or "").strip().upper()
    if not text:
        start = start or date(today.year, 1, 1)
        end = end or today
        if end < start:
            raise ValidationError([FieldIssue("date_to", "statement_period_reversed", {
                "value": format_vn_date(end), "start": format_vn_date(start)})])
        return start, end
    match = re.fullmatch(r"(\d{4})|(\d{1,2})[/-](\d{4})|(\d{4})-(\d{1,2})|H([12])[/-](\d{4})", text)
    if match is None:
        raise ValidationError([FieldIssue("period", "report_period", {"value": text})])
    if match[1]:
        year = int(match[1])
        return date(year, 1, 1), date(year, 12, 31)
    if match[6]:
        year, half = int(match[7]), int(match[6])
        return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    month, year = (int(match[2]), int(match[3])) if match[2] else (int(match[5]), int(match[4]))
    if not 1 <= month <= 12:
        raise ValidationError([FieldIssue("period", "report_period", {"value": text})])
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def parse_day(text: str, field: str) -> date | None:
    try:
        return parse_vn_date(text or "")
    except ValueError:
        raise ValidationError([FieldIssue(field, "bad_date", {"value": text})]) from None


@dataclass
class CellFigures:
    cell_id: str
    cell_name: str
    values: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIGURES, 0))


@dataclass(frozen=True)
class SupportReport:
    start: date
    end: date
    plan: SupportPlan
    cells: tuple[CellFigures, ...]
    totals: dict[str, int]
    fund: dict[str, int]

    @property
    def period_text(self) -> str:
        return f"từ ngày {format_vn_date(self.start)} đến ngày {format_vn_date(self.end)}"


def _count_applications(db: Database, start: date, end: date, cells: dict[str, CellFigures], names: dict) -> None:
    def bucket(member_id: str, day: date) -> CellFigures:
        state = support_repo.state_on(db, member_id, day) or support_repo.state_on(db, member_id, end)
        cell_id = (state[0] if state else None) or ""
        return cells.setdefault(cell_id, CellFigures(cell_id, names.get(cell_id, "Không rõ chi bộ")))

    for application in applications_repo.listing(db):
        figures = bucket(application.member_id, application.submitted_on).values
        if start <= application.submitted_on <= end:
            figures["applied"] += 1
        if application.approved_on and start <= application.approved_on <= end:
            figures["approved"] += 1
            figures["approved_amount"] += application.support_amount or 0
        if application.state is ApplicationState.REJECTED and application.rejected_on and \
                start <= application.rejected_on <= end:
            figures["rejected"] += 1
        paid = _paid_between(db, application.id, start, end)
        if paid:
            figures["paid_amount"] += paid
            if application.state is ApplicationState.PAID:
                figures["paid"] += 1


def _paid_between(db: Database, application_id: str, start: date, end: date) -> int:
    total = 0
    for entry in fund_repo.entries(db, start, end):
        if entry.application_id == application_id and entry.kind in (FundKind.DISBURSEMENT, FundKind.REVERSAL):
            total -= entry.signed
    return total


def build_report(db: Database, actor: Actor, start: date, end: date) -> SupportReport:
    """The figures of the period ``start``–``end`` (inclusive), per cell and in total."""
    actor.require(Permission.HOUSEHOLD_DATA)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    plan = support_reference.plan_on(db, end, "period")
    names = cell_names(db)
    cells: dict[str, CellFigures] = {}
    for line in support_screening.run_screen(db, actor, end).lines:
        figures = cells.setdefault(line.cell_id, CellFigures(line.cell_id, line.cell_name)).values
        figures["screened"] += 1
        if line.told:
            figures["told"] += 1
            if line.told_on >= start:
                figures["told_in_period"] += 1
    _count_applications(db, start, end, cells, names)
    ordered = tuple(sorted(cells.values(), key=lambda c: c.cell_name))
    totals = {key: sum(c.values[key] for c in ordered) for key in FIGURES}
    entries = fund_repo.entries(db, start, end)
    fund = {"opening": fund_repo.balance(db, start - timedelta(days=1)),
            "contributions": sum(e.signed for e in entries if e.kind is FundKind.CONTRIBUTION
                                 or (e.kind is FundKind.REVERSAL and not e.application_id)),
            "disbursements": -sum(e.signed for e in entries if e.kind is FundKind.DISBURSEMENT
                                  or (e.kind is FundKind.REVERSAL and e.application_id)),
            "closing": fund_repo.balance(db, end)}
    return SupportReport(start, end, plan, ordered, totals, fund)


def return_figures(db: Database, actor: Actor, start: date, end: date) -> dict:
    """The figures the return to the superior carries: plain numbers with stable keys."""
    scope.require_committee(db, actor)
    report = build_report(db, actor, start, end)
    return {"period": {"from": start.isoformat(), "to": end.isoformat()}, "plan": report.plan.code,
            "plan_unconfirmed": report.plan.unconfirmed, "totals": dict(report.totals), "fund": dict(report.fund),
            "cells": [{"cell_id": c.cell_id, "cell": c.cell_name, **c.values} for c in report.cells]}
