"""Monthly dues: the grid of a cell and month, entered in one action; arrears and totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.party_life import (
    DuesEntry,
    DuesLine,
    DuesState,
    default_dues_state,
    month_first_day,
    month_label,
    month_last_day,
    parse_month,
)
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_cell, require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, dues_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class MonthTotal:
    month: str
    collected: int
    paid: int
    unpaid: int


def _roster(db: Database, cell_id: str, month: str):
    return dues_repo.roster_for_month(db, cell_id, month_first_day(month).isoformat(),
                                      month_last_day(month).isoformat())


def dues_sheet(db: Database, cell_id: str, month_text: str) -> list[DuesLine]:
    """The dues grid of a cell and month: recorded entries, else defaults (last amount paid, "đã đóng")."""
    month = parse_month(month_text)
    roster = _roster(db, cell_id, month)
    ids = [r[0] for r in roster]
    recorded = dues_repo.entries_for(db, ids, month)
    last = dues_repo.last_amounts(db, ids, month)
    book = rules()
    default_amount = book.on("dues_amount", month_first_day(month))["default_amount"]
    exempted_rule = book.on("exempted_dues", month_first_day(month))
    lines = []
    for member_id, name, status, _joined in roster:
        status = MemberStatus(status)
        entry = recorded.get(member_id)
        if entry:
            lines.append(DuesLine(member_id, name, status, entry.amount, entry.state, entry.reason, True))
        else:
            state = default_dues_state(status, exempted_rule)
            amount = 0 if state is DuesState.NOT_REQUIRED else last.get(member_id, default_amount)
            lines.append(DuesLine(member_id, name, status, amount, state))
    return lines


def record_dues(db: Database, actor: Actor, cell_id: str, month_text: str,
                entries: dict[str, tuple[int, str, str]], *, today: date | None = None) -> Changes:
    """Record a cell's dues for a month: member id → (amount in đồng, state, reason), in one action.

    Refused: a month that does not exist or has not started, a member not in the cell that month,
    a month before the member joined the Party, a negative amount or an unknown state.
    """
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    month = parse_month(month_text)
    if month_first_day(month) > today:
        raise ValidationError([FieldIssue("month", "month_in_future", {"value": month_label(month)})])
    with db.atomic():
        cell = require_cell(db, cell_id, month_last_day(month), "month")
        roster = {r[0]: r for r in _roster(db, cell.id, month)}
        issues: list[FieldIssue] = []
        clean: list[DuesEntry] = []
        for member_id, (amount, state, reason) in entries.items():
            issue = _entry_issue(db, roster, cell.name, member_id, month, amount, state)
            if issue:
                issues.append(issue)
                continue
            clean.append(DuesEntry(member_id, month, int(amount), DuesState(state), nfc(reason), cell.id))
        if issues:
            raise ValidationError(issues)
        before = dues_repo.entries_for(db, [e.member_id for e in clean], month)
        dues_repo.upsert_many(db, clean)
        audit.append(db, actor.name, "record_dues", "cell", cell.id,
                     {"month": month, "entries": {k: [v.amount, v.state.value] for k, v in before.items()}},
                     {"month": month, "entries": {e.member_id: [e.amount, e.state.value, e.reason] for e in clean}})
    return Changes(party_life=True, member_ids=tuple(e.member_id for e in clean))


def _entry_issue(db: Database, roster: dict, cell_name: str, member_id: str, month: str, amount, state: str):
    if member_id not in roster:
        member = require_member(db, member_id)
        if member.joined_on > month_last_day(month):
            return FieldIssue("dues", "dues_before_joining", {"month": month_label(month), "name": member.full_name,
                                                              "joined": format_vn_date(member.joined_on)})
        return FieldIssue("dues", "dues_not_in_cell", {"month": month_label(month), "name": member.full_name,
                                                       "cell": cell_name})
    name, joined = roster[member_id][1], date.fromisoformat(roster[member_id][3])
    if joined > month_last_day(month):
        return FieldIssue("dues", "dues_before_joining", {"month": month_label(month), "name": name,
                                                          "joined": format_vn_date(joined)})
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        return FieldIssue("amount", "bad_amount", {"value": amount})
    if state not in DuesState._value2member_map_:
        return FieldIssue("dues", "bad_choice", {"value": state})
    return None


def arrears(db: Database, member_id: str) -> list[DuesEntry]:
    """The member's months recorded unpaid (with or without reason), oldest first."""
    return [e for e in dues_repo.member_history(db, member_id)
            if e.state in (DuesState.UNPAID, DuesState.UNPAID_EXCUSED)]


def member_dues(db: Database, member_id: str) -> list[DuesEntry]:
    return dues_repo.member_history(db, member_id)


def cell_totals(db: Database, cell_id: str, year: int) -> list[MonthTotal]:
    """Per month of the year: collected amount, members paid, members unpaid."""
    return [MonthTotal(*row) for row in dues_repo.cell_totals(db, cell_id, f"{year}-01", f"{year}-12")]
