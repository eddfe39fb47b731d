"""Dues paid for several months at once: in advance by a member on leave for working away, or late for months in
arrears (Quy định 01-QĐ/TW; before 02/2026, 342-QĐ/TW). The rule ``dues_advance`` of ``resources/rules/dues.toml``
gives the longest span one payment may cover (a program guard, said so on the screen).

A payment is one row of ``dues_payments`` and the months it covers are written paid in the dues, in one action:
every reader of the dues (the grid, the warnings and the screening, the giấy giới thiệu) sees them paid, and the
grid shows "đóng trước" / "đóng chậm". The grid never records another state over such a month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.dues import compute_due, months_between
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.messages_dues import PAYMENT_KINDS
from tayninh_desktop.domain.party_life import (
    DuesEntry,
    DuesState,
    month_first_day,
    month_label,
    month_last_day,
    parse_month,
)
from tayninh_desktop.domain.rules import Rule
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, dues_payments_repo, dues_repo
from tayninh_desktop.storage.db import Database
from tayninh_desktop.storage.dues_payments_repo import PaymentRow

ADVANCE, LATE = "advance", "late"
DEFAULT_MAX_MONTHS = 12
ARREARS = (DuesState.UNPAID, DuesState.UNPAID_EXCUSED, DuesState.DEFERRED)


@dataclass(frozen=True)
class PaymentRequest:
    """What the office typed: the span, the day, who received it; the amount (None: the computed sum), the reason
    when it differs, and the approval or decision it rests on."""

    from_month: str
    to_month: str
    paid_on: date | None
    received_by: str
    amount: int | None = None
    reason: str = ""
    approval: str = ""


def record_advance(db: Database, actor: Actor, member_id: str, request: PaymentRequest, *,
                   today: date | None = None) -> tuple[int, Changes]:
    """Record dues paid in advance: every month from the month of payment on, within a leave for working away."""
    return _record(db, actor, member_id, request, ADVANCE, today)


def record_settlement(db: Database, actor: Actor, member_id: str, request: PaymentRequest, *,
                      today: date | None = None) -> tuple[int, Changes]:
    """Record months in arrears (unpaid, unpaid with reason or deferred) settled late, before the month of payment."""
    return _record(db, actor, member_id, request, LATE, today)


def payments(db: Database, member_id: str) -> list[PaymentRow]:
    """The member's payments of several months, oldest first."""
    scope.require_member(db, member_id)
    return dues_payments_repo.of_member(db, member_id)


def advance_rule(month: str) -> Rule | None:
    """The ``dues_advance`` record in force in ``month`` (the span's guard and its basis)."""
    return rules().find("dues_advance", month_first_day(month))


def months_of(first: str, last: str) -> list[str]:
    out, year, number = [], int(first[:4]), int(first[5:7])
    for _ in range(months_between(first, last)):
        out.append(f"{year:04d}-{number:02d}")
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return out


def _record(db: Database, actor: Actor, member_id: str, request: PaymentRequest, kind: str,
            today: date | None) -> tuple[int, Changes]:
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    with db.atomic():
        member = require_member(db, member_id)
        span, issues = _span_issues(request, today)
        if issues:
            raise ValidationError(issues)
        months = months_of(*span)
        rule = advance_rule(months[0])
        basis = rule.citation_marked if rule else ""
        limit = int(rule["max_months"]) if rule else DEFAULT_MAX_MONTHS
        if len(months) > limit:
            raise ValidationError([FieldIssue("payment_to", "dues_payment_too_long",
                                              {"count": len(months), "limit": limit, "basis": basis})])
        name = member.full_name
        if member.joined_on and member.joined_on > month_last_day(months[0]):
            raise ValidationError([FieldIssue("payment_from", "dues_payment_before_joining", {
                "month": month_label(months[0]), "name": name, "joined": format_vn_date(member.joined_on)})])
        issues = _month_issues(db, member_id, name, months, kind, request.paid_on, basis)
        figures = _figures(db, member_id, months)
        amount, amount_issue = _amount(request, figures, months)
        if amount_issue:
            issues.append(amount_issue)
        if issues:
            raise ValidationError(issues)
        return _write(db, actor, member_id, request, kind, months, figures, amount)


def _span_issues(request: PaymentRequest, today: date) -> tuple[tuple[str, str], list[FieldIssue]]:
    issues: list[FieldIssue] = []
    first = last = ""
    for field, text in (("payment_from", request.from_month), ("payment_to", request.to_month)):
        if not (text or "").strip():
            issues.append(FieldIssue(field, "required"))
            continue
        try:
            value = parse_month(text, field)
        except ValidationError as error:
            issues.extend(error.issues)
            continue
        first, last = (value, last) if field == "payment_from" else (first, value)
    if request.paid_on is None:
        issues.append(FieldIssue("dues_paid_on", "required"))
    elif request.paid_on > today:
        issues.append(FieldIssue("dues_paid_on", "dues_payment_day_in_future",
                                 {"value": format_vn_date(request.paid_on)}))
    if not nfc(request.received_by or "").strip():
        issues.append(FieldIssue("dues_received_by", "required"))
    if first and last and last < first:
        issues.append(FieldIssue("payment_to", "dues_payment_end_before_start",
                                 {"first": month_label(first), "last": month_label(last)}))
    return (first, last), issues


def _month_issues(db: Database, member_id: str, name: str, months: list[str], kind: str, paid_on: date,
                  basis: str) -> list[FieldIssue]:
    """The first month that breaks each check (one sentence per check, naming the month)."""
    issues: dict[str, FieldIssue] = {}
    existing = dues_payments_repo.of_member(db, member_id)
    recorded = {e.month: e for e in dues_repo.member_history(db, member_id)}
    leaves = dues_payments_repo.leave_spans(db, member_id)
    paid_month = paid_on.strftime("%Y-%m")

    def note(check: str, month: str, code: str, **data) -> None:
        field = "payment_from" if month == months[0] else "payment_to"
        issues.setdefault(check, FieldIssue(field, code, {"month": month_label(month), "name": name, **data}))

    for month in months:
        other = next((p for p in existing if p.covers(month)), None)
        if other is not None:
            note("overlap", month, "dues_payment_overlap", other=PAYMENT_KINDS[other.kind],
                 first=month_label(other.from_month), last=month_label(other.to_month),
                 paid_on=format_vn_date(other.paid_on))
            continue
        entry = recorded.get(month)
        if entry is not None and entry.state is DuesState.PAID:
            note("paid", month, "dues_payment_month_paid")
            continue
        first_day, last_day = month_first_day(month), month_last_day(month)
        away = any(start <= last_day and (end is None or end >= first_day) for start, end in leaves)
        if kind == ADVANCE:
            if month < paid_month:
                note("ahead", month, "dues_advance_not_ahead", paid_on=format_vn_date(paid_on))
            elif not away:
                note("away", month, "dues_advance_not_away", basis=basis)
        else:
            if month >= paid_month:
                note("past", month, "dues_late_not_past", paid_on=format_vn_date(paid_on))
            elif not (entry is not None and entry.state in ARREARS or entry is None and away):
                note("arrears", month, "dues_late_no_arrears")
    return list(issues.values())


def _figures(db: Database, member_id: str, months: list[str]) -> dict[str, int | None]:
    book = rules()
    terms = dues_repo.terms_of(db, [member_id]).get(member_id, [])
    reliefs = dues_repo.reliefs_of(db, [member_id]).get(member_id, [])
    return {m: compute_due(m, terms, reliefs, book).amount for m in months}


def _amount(request: PaymentRequest, figures: dict[str, int | None],
            months: list[str]) -> tuple[int, FieldIssue | None]:
    """The amount received: the computed sum when none is typed; another amount only with its reason."""
    missing = next((m for m in months if figures[m] is None), None)
    reason = nfc(request.reason or "").strip()
    amount = request.amount
    if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
        return 0, FieldIssue("dues_payment_amount", "bad_amount", {"value": amount})
    if missing is not None:
        if amount is None or not reason:
            field = "dues_payment_amount" if amount is None else "payment_reason"
            return 0, FieldIssue(field, "dues_payment_amount_unknown", {"month": month_label(missing)})
        return amount, None
    total = sum(figures[m] or 0 for m in months)
    if amount is None:
        return total, None
    if amount != total and not reason:
        return amount, FieldIssue("payment_reason", "dues_payment_amount_changed", {
            "amount": _money(amount), "due": _money(total), "count": len(months)})
    return amount, None


def _money(amount: int) -> str:
    return f"{amount:,} đ".replace(",", ".")


def _shares(amount: int, figures: dict[str, int | None], months: list[str]) -> dict[str, int]:
    """Each month's part of the amount: its computed due when the amount is their sum, else an even split (the
    remainder on the first month)."""
    if all(figures[m] is not None for m in months) and amount == sum(figures[m] or 0 for m in months):
        return {m: figures[m] or 0 for m in months}
    part, rest = divmod(amount, len(months))
    return {m: part + (rest if i == 0 else 0) for i, m in enumerate(months)}


def _write(db: Database, actor: Actor, member_id: str, request: PaymentRequest, kind: str, months: list[str],
           figures: dict[str, int | None], amount: int) -> tuple[int, Changes]:
    reason, approval = nfc(request.reason or "").strip(), nfc(request.approval or "").strip()
    received_by = nfc(request.received_by).strip()
    payment = PaymentRow(0, member_id, months[0], months[-1], amount, request.paid_on, received_by, kind, reason,
                         approval)
    payment_id = dues_payments_repo.insert(db, payment)
    shares = _shares(amount, figures, months)
    note = f"{PAYMENT_KINDS[kind].capitalize()} ngày {format_vn_date(request.paid_on)}"
    before = months_before(dues_repo.member_history(db, member_id), months)
    entries = []
    fallback = dues_payments_repo.current_cell(db, member_id)
    for month in months:
        cell_id = dues_payments_repo.cell_in_month(db, member_id, month_first_day(month).isoformat(),
                                                   month_last_day(month).isoformat()) or fallback
        due = figures[month]
        changed = due is None or shares[month] != due
        entries.append(DuesEntry(member_id, month, shares[month], DuesState.PAID, note, cell_id, due,
                                 (reason or note) if changed else ""))
    dues_repo.upsert_many(db, entries)
    audit.append(db, actor.name, f"record_dues_{kind}", "member", member_id,
                 {"months": before},
                 {"payment_id": payment_id, "from_month": months[0], "to_month": months[-1], "amount": amount,
                  "paid_on": request.paid_on.isoformat(), "received_by": received_by, "reason": reason,
                  "approval": approval})
    return payment_id, Changes(party_life=True, member_ids=(member_id,))


def months_before(history: list[DuesEntry], months: list[str]) -> dict[str, list]:
    """The audit's "before" of a payment: each covered month that had an entry, with everything needed to put it
    back when the payment is cancelled (amount, state, reason, amount due, reason of a changed amount, cell)."""
    return {e.month: [e.amount, e.state.value, e.reason, e.due, e.amount_reason, e.cell_id]
            for e in history if e.month in months}


def cancel_payment(db: Database, actor: Actor, member_id: str, payment_id: int, reason: str) -> Changes:
    """Cancel a payment recorded by mistake: the months it covered go back to what they were before it (as its
    audit entry recorded them; a month that had no entry is no longer recorded), the payment is removed, and the
    audit keeps the payment, the reason and who cancelled it."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    reason = nfc(reason or "").strip()
    if not reason:
        raise ValidationError([FieldIssue("cancel_reason", "required")])
    with db.atomic():
        member = require_member(db, member_id)
        payment = dues_payments_repo.get(db, member_id, payment_id)
        if payment is None:
            raise DomainError("dues_payment_not_found", payment_id=payment_id, name=member.full_name)
        before = dues_payments_repo.months_before(db, member_id, payment_id)
        if before is None:
            raise DomainError("dues_payment_no_history", payment_id=payment_id, name=member.full_name)
        months = months_of(payment.from_month, payment.to_month)
        current = {e.month: e for e in dues_repo.member_history(db, member_id) if e.month in months}
        restored = [_restored(member_id, before[m], current.get(m), m) for m in months if m in before]
        dues_repo.upsert_many(db, restored)
        dues_repo.delete_months(db, member_id, [m for m in months if m not in before])
        dues_payments_repo.delete(db, member_id, payment_id)
        audit.append(db, actor.name, "cancel_dues_payment", "member", member_id,
                     {"payment_id": payment_id, "kind": payment.kind, "from_month": payment.from_month,
                      "to_month": payment.to_month, "amount": payment.amount, "paid_on": payment.paid_on.isoformat(),
                      "received_by": payment.received_by},
                     {"reason": reason, "months": months_before(restored, months)})
    return Changes(party_life=True, member_ids=(member_id,))


def _restored(member_id: str, values: list, current: DuesEntry | None, month: str) -> DuesEntry:
    """A month as it was (an entry recorded before the audit kept the whole month has amount and state only: its
    amount due and cell stay as they are now)."""
    amount, state, *rest = values
    reason, due, amount_reason, cell_id = (rest + [None] * 4)[:4] if rest else \
        ("", current.due if current else None, "", current.cell_id if current else None)
    return DuesEntry(member_id, month, amount, DuesState(state), reason or "", cell_id, due, amount_reason or "")


def covering(db: Database, member_ids: list[str], month: str) -> dict[str, tuple[str, date]]:
    """member id → (kind, day paid) of the payment covering ``month``."""
    return dues_payments_repo.kinds_in_month(db, member_ids, month)
