"""Monthly dues: the grid of a cell and month, entered in one action; arrears and totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.dues import DueFigure, DuesRelief, ReliefKind, compute_due
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.messages_dues import EXEMPTION_GROUND_SHORT, PAYMENT_KINDS, RELIEF_LABELS
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
from tayninh_desktop.domain.rules import Rule
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_cell, require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, dues_payments_repo, dues_repo
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


@dataclass(frozen=True)
class _MonthFacts:
    """What the grid and the checks of a month need about its members, read once."""

    figures: dict[str, DueFigure]
    away: set[str]
    rule: Rule | None


def _month_facts(db: Database, member_ids: list[str], month: str) -> _MonthFacts:
    book = rules()
    terms = dues_repo.terms_of(db, member_ids)
    reliefs = dues_repo.reliefs_of(db, member_ids)
    figures = {m: compute_due(month, terms.get(m, []), reliefs.get(m, []), book) for m in member_ids}
    away = dues_repo.away_in_month(db, member_ids, month_first_day(month).isoformat(),
                                   month_last_day(month).isoformat())
    return _MonthFacts(figures, away, book.find("dues_rule", month_first_day(month)))


def dues_sheet(db: Database, cell_id: str, month_text: str) -> list[DuesLine]:
    """The dues grid of a cell and month: recorded entries, else the default (the amount the rule in force computes
    from the member's category and base — the last amount paid while no base is recorded —, paid; exempted by
    decision: not required; away for work: deferred)."""
    scope.require_cell(db, cell_id)   # a cell secretary: their cell's sheet only
    month = parse_month(month_text)
    roster = _roster(db, cell_id, month)
    ids = [r[0] for r in roster]
    recorded = dues_repo.entries_for(db, ids, month)
    last = dues_repo.last_amounts(db, ids, month)
    facts = _month_facts(db, ids, month)
    deferral = bool(facts.rule and facts.rule.get("deferral_for_away", False))
    covered = dues_payments_repo.kinds_in_month(db, ids, month)
    lines = []
    for member_id, name, status, _joined in roster:
        status = MemberStatus(status)
        figure = facts.figures[member_id]
        shown = {"due": figure.amount, "category_label": figure.category_label,
                 "relief_label": relief_label(figure.relief), "unconfirmed": figure.unconfirmed}
        entry = recorded.get(member_id)
        if entry:
            paid_as = covered[member_id][0] if member_id in covered and entry.state is DuesState.PAID else ""
            lines.append(DuesLine(member_id, name, status, entry.amount, entry.state, entry.reason, True, **shown,
                                  paid_as=paid_as))
            continue
        state = default_dues_state(status, figure.exempt, deferral and member_id in facts.away)
        amount = 0 if state is not DuesState.PAID else (
            figure.amount if figure.amount is not None else last.get(member_id, 0))
        lines.append(DuesLine(member_id, name, status, amount, state, **shown))
    return lines


def relief_label(relief: DuesRelief | None) -> str:
    """"Giảm 50 % (QĐ 12-QĐ/ĐU)" / "Miễn đóng: …" — how the grid shows a relief."""
    if relief is None:
        return ""
    number = f" ({relief.decision_number})" if relief.decision_number else ""
    if relief.kind is ReliefKind.EXEMPT:
        return f"{RELIEF_LABELS['mien']} ({EXEMPTION_GROUND_SHORT.get(relief.ground, relief.ground)}){number}"
    return f"{RELIEF_LABELS['giam']} {relief.percent} %{number}"


def record_dues(db: Database, actor: Actor, cell_id: str, month_text: str,
                entries: dict[str, tuple[int, str, str]], *, today: date | None = None) -> Changes:
    """Record a cell's dues for a month: member id → (amount in đồng, state, reason), in one action.

    Refused: a month that does not exist or has not started, a member not in the cell that month, a month
    before the member joined the Party, a negative amount or an unknown state, an amount that differs from
    the one the rule computes without a reason, "exempted" without an exemption decision, "deferred" for a
    member who was not away for work that month.
    """
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, cell_id, actor)
    today = today_or(today)
    month = parse_month(month_text)
    if month_first_day(month) > today:
        raise ValidationError([FieldIssue("month", "month_in_future", {"value": month_label(month)})])
    with db.atomic():
        cell = require_cell(db, cell_id, month_last_day(month), "month")
        roster = {r[0]: r for r in _roster(db, cell.id, month)}
        facts = _month_facts(db, [m for m in entries if m in roster], month)
        issues: list[FieldIssue] = []
        clean: list[DuesEntry] = []
        for member_id, (amount, state, reason) in entries.items():
            issue = _entry_issue(db, roster, cell.name, member_id, month, amount, state) or \
                _rule_issue(facts, roster[member_id][1], member_id, month, amount, state, nfc(reason))
            if issue:
                issues.append(issue)
                continue
            due = facts.figures[member_id].amount
            changed = due is not None and DuesState(state) is DuesState.PAID and int(amount) != due
            clean.append(DuesEntry(member_id, month, int(amount), DuesState(state), nfc(reason), cell.id, due,
                                   nfc(reason) if changed else ""))
        clean = _outside_payments(db, clean, roster, month, issues)
        if issues:
            raise ValidationError(issues)
        before = dues_repo.entries_for(db, [e.member_id for e in clean], month)
        dues_repo.upsert_many(db, clean)
        audit.append(db, actor.name, "record_dues", "cell", cell.id,
                     {"month": month, "entries": {k: [v.amount, v.state.value] for k, v in before.items()}},
                     {"month": month, "entries": {e.member_id: [e.amount, e.state.value, e.reason] for e in clean}})
    return Changes(party_life=True, member_ids=tuple(e.member_id for e in clean))


def _outside_payments(db: Database, clean: list[DuesEntry], roster: dict, month: str,
                      issues: list[FieldIssue]) -> list[DuesEntry]:
    """A month covered by a payment of several months (đóng trước / đóng chậm) belongs to that payment: the grid
    saved again leaves it as it is; another state over it is refused."""
    covered = dues_payments_repo.kinds_in_month(db, [e.member_id for e in clean], month)
    for entry in clean:
        if entry.member_id in covered and entry.state is not DuesState.PAID:
            kind, paid_on = covered[entry.member_id]
            issues.append(FieldIssue("dues", "dues_month_in_payment", {
                "month": month_label(month), "name": roster[entry.member_id][1], "other": PAYMENT_KINDS[kind],
                "paid_on": format_vn_date(paid_on)}))
    return [e for e in clean if e.member_id not in covered]


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


def _rule_issue(facts: _MonthFacts, name: str, member_id: str, month: str, amount: int, state: str,
                reason: str) -> FieldIssue | None:
    """What the rule in force says about one entry: deferral only when away, exemption only by decision, a
    changed amount only with its reason."""
    figure = facts.figures[member_id]
    basis = facts.rule.citation_marked if facts.rule else ""
    data = {"month": month_label(month), "name": name, "basis": basis}
    if state == DuesState.DEFERRED.value and member_id not in facts.away:
        return FieldIssue("dues", "dues_defer_not_away", data)
    if state == DuesState.NOT_REQUIRED.value and not figure.exempt:
        return FieldIssue("dues", "dues_not_exempt", data)
    if state == DuesState.PAID.value and figure.amount is not None and amount != figure.amount and not reason:
        return FieldIssue("amount_reason", "dues_amount_changed",
                          {**data, "amount": money_text(amount), "due": money_text(figure.amount)})
    return None


def money_text(amount: int) -> str:
    return f"{amount:,} đ".replace(",", ".")


def arrears(db: Database, member_id: str) -> list[DuesEntry]:
    """The member's months recorded unpaid (with or without reason), oldest first."""
    scope.require_member(db, member_id)
    return [e for e in dues_repo.member_history(db, member_id)
            if e.state in (DuesState.UNPAID, DuesState.UNPAID_EXCUSED)]


def member_dues(db: Database, member_id: str) -> list[DuesEntry]:
    scope.require_member(db, member_id)
    return dues_repo.member_history(db, member_id)


def cell_totals(db: Database, cell_id: str, year: int) -> list[MonthTotal]:
    """Per month of the year: collected amount, members paid, members unpaid (deferred and exempted months are
    neither)."""
    scope.require_cell(db, cell_id)
    return [MonthTotal(*row) for row in dues_repo.cell_totals(db, cell_id, f"{year}-01", f"{year}-12")]


def rule_of_month(month_text: str) -> Rule:
    """The dues text in force in a month (342-QĐ/TW before 02/2026, 01-QĐ/TW from then), for the screen's line."""
    return rules().on("dues_rule", month_first_day(parse_month(month_text)))
