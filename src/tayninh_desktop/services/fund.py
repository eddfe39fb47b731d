"""The support fund: contributions (with their receipts), disbursements (each paying an approved application),
reversals; the balance, a statement for any period, a reconciliation. In integer đồng.

Entries are never edited: a mistake is reversed by a new entry with its reason (one reversal per entry, and
a reversal is never reversed). The fund never goes below zero, on any day: an entry dated in the past is
refused when some later day's balance would become negative.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from tayninh_desktop.domain import assistance_forms as forms
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import ApplicationState, FundEntry, FundKind
from tayninh_desktop.domain.assistance_calc import running_minimum
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.messages_support import ACTION_LABELS, STATE_LABELS
from tayninh_desktop.domain.vn_money import format_money
from tayninh_desktop.services import scope, support_applications
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.storage import applications_repo, audit, fund_repo
from tayninh_desktop.storage.db import Database


def _snapshot(e: FundEntry) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v.value if isinstance(v, FundKind) else v)
            for k, v in asdict(e).items()}


def _never_negative(db: Database, entry: FundEntry, field: str) -> None:
    """Refuse ``entry`` when, written, some day's closing balance would be below zero."""
    series = fund_repo.signed_series(db) + [(entry.entry_date, entry.seq, entry.signed)]
    lowest, when = running_minimum(series)
    if lowest >= 0:
        return
    if when == entry.entry_date:
        before = fund_repo.balance(db, entry.entry_date)
        raise ValidationError([FieldIssue(field, "fund_insufficient", {
            "value": format_money(entry.amount), "date": format_vn_date(entry.entry_date),
            "balance": format_money(before)})])
    raise ValidationError([FieldIssue(field, "fund_would_go_negative", {
        "value": format_money(-lowest), "date": format_vn_date(when)})])


def _write(db: Database, actor: Actor, entry: FundEntry, action: str, field: str) -> None:
    _never_negative(db, entry, field)
    fund_repo.insert(db, require_home(db).id, entry)
    audit.append(db, actor.name, action, "fund_entries", entry.id, None, _snapshot(entry))


def next_receipt_number(db: Database, year: int) -> str:
    """A suggestion for the next receipt: "012/2026" after the year's highest such number."""
    numbers = [n for n in fund_repo.receipt_numbers(db) if n.endswith(f"/{year}") and n.split("/")[0].isdigit()]
    last = max((int(n.split("/")[0]) for n in numbers), default=0)
    return f"{last + 1:03d}/{year}"


def contribute(db: Database, actor: Actor, form: dict, *, today: date | None = None) -> tuple[str, Changes]:
    """Record money given to the fund: by whom (a unit or a person), how much, the day, the receipt number."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    values = forms.contribution(form, today or date.today())
    with db.atomic():
        other = fund_repo.by_receipt(db, values["receipt_number"])
        if other is not None:
            raise ValidationError([FieldIssue("receipt_number", "duplicate_receipt", {
                "value": values["receipt_number"], "date": format_vn_date(other.entry_date), "who": other.contributor})])
        entry = FundEntry(id=new_id(), seq=fund_repo.next_seq(db), entry_date=values["entry_date"],
                          kind=FundKind.CONTRIBUTION, amount=values["amount"], direction=1,
                          contributor=values["contributor"], contributor_kind=values["contributor_kind"].value,
                          receipt_number=values["receipt_number"], reason=values["reason"], recorded_by=actor.name)
        _write(db, actor, entry, "fund_contribution", "contribution_amount")
    return entry.id, Changes(support=True)


def pay(db: Database, actor: Actor, application_id: str, form: dict, *, today: date | None = None
        ) -> tuple[str, Changes]:
    """Pay an approved application from the fund (the amount left to pay, unless a smaller one is given).
    Refused: more than the approved amount left, more than the fund holds on that day."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    values = forms.payment(form, today or date.today())
    with db.atomic():
        application = support_applications.get(db, actor, application_id)
        if application.state is not ApplicationState.APPROVED:
            raise DomainError("application_wrong_state", application=application.label,
                              state=STATE_LABELS[application.state.value], action=ACTION_LABELS["pay"])
        paid = fund_repo.paid_to(db, application.id)
        left = (application.support_amount or 0) - paid
        amount = values["amount"] if values["amount"] is not None else left
        if amount > left:
            raise ValidationError([FieldIssue("payment_amount", "payment_above_approved", {
                "value": format_money(amount), "application": application.label, "left": format_money(left),
                "approved": format_money(application.support_amount), "paid": format_money(paid)})])
        if values["paid_on"] < application.approved_on:
            raise ValidationError([FieldIssue("paid_on", "date_before", {
                "value": format_vn_date(values["paid_on"]), "other_label": "ngày duyệt",
                "other_value": format_vn_date(application.approved_on)})])
        entry = FundEntry(id=new_id(), seq=fund_repo.next_seq(db), entry_date=values["paid_on"],
                          kind=FundKind.DISBURSEMENT, amount=amount, direction=-1, application_id=application.id,
                          receipt_number=values["receipt_number"], reason=f"Chi hỗ trợ lãi suất {application.label}",
                          recorded_by=actor.name)
        _write(db, actor, entry, "fund_disbursement", "payment_amount")
        support_applications.mark_paid_state(db, application, paid + amount)
    return entry.id, Changes(support=True, member_ids=(application.member_id,))


def reverse(db: Database, actor: Actor, entry_id: str, form: dict, *, today: date | None = None
            ) -> tuple[str, Changes]:
    """Reverse an entry written by mistake, with the reason. A reversal is not reversed again, an entry is
    reversed once; reversing a payment makes its application approved-and-unpaid again."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    values = forms.reversal(form, today or date.today())
    with db.atomic():
        original = fund_repo.get(db, entry_id)
        if original is None:
            raise DomainError("entry_not_found", entry_id=entry_id)
        label = f"số {original.seq}"
        if original.kind is FundKind.REVERSAL:
            raise ValidationError([FieldIssue("entry_id", "reverse_reversal", {"value": label})])
        done = fund_repo.reversal_of(db, original.id)
        if done is not None:
            raise ValidationError([FieldIssue("entry_id", "already_reversed", {
                "value": label, "date": format_vn_date(done.entry_date)})])
        if values["entry_date"] < original.entry_date:
            raise ValidationError([FieldIssue("entry_date", "reversal_before_entry", {
                "value": format_vn_date(values["entry_date"]), "date": format_vn_date(original.entry_date)})])
        entry = FundEntry(id=new_id(), seq=fund_repo.next_seq(db), entry_date=values["entry_date"],
                          kind=FundKind.REVERSAL, amount=original.amount, direction=-original.direction,
                          contributor=original.contributor, application_id=original.application_id,
                          reverses_id=original.id, reason=values["reason"], recorded_by=actor.name)
        _write(db, actor, entry, "fund_reversal", "entry_id")
        member_ids: tuple[str, ...] = ()
        if original.application_id:
            application = applications_repo.get(db, original.application_id)
            support_applications.mark_paid_state(db, application, fund_repo.paid_to(db, application.id))
            member_ids = (application.member_id,)
    return entry.id, Changes(support=True, member_ids=member_ids)


def balance(db: Database, actor: Actor, on: date | None = None) -> int:
    actor.require(Permission.READ)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    return fund_repo.balance(db, on)


def get_entry(db: Database, actor: Actor, entry_id: str) -> FundEntry:
    actor.require(Permission.READ)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    entry = fund_repo.get(db, entry_id) or (fund_repo.by_seq(db, int(entry_id)) if entry_id.isdigit() else None)
    if entry is None:
        raise DomainError("entry_not_found", entry_id=entry_id)
    return entry


@dataclass(frozen=True)
class StatementLine:
    entry: FundEntry
    balance: int               # after the entry
    reversed_by: int | None    # seq of the entry that reversed it


@dataclass(frozen=True)
class Statement:
    start: date | None
    end: date | None
    opening: int
    lines: tuple[StatementLine, ...]
    money_in: int
    money_out: int
    closing: int


def statement(db: Database, actor: Actor, start: date | None = None, end: date | None = None) -> Statement:
    """The ledger from ``start`` to ``end`` (inclusive; open ends: from the first entry, to the last): the
    opening balance, every entry with the balance after it, totals in and out, the closing balance."""
    actor.require(Permission.READ)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    if start and end and end < start:
        raise ValidationError([FieldIssue("date_to", "statement_period_reversed", {
            "value": format_vn_date(end), "start": format_vn_date(start)})])
    opening = fund_repo.balance(db, date.fromordinal(start.toordinal() - 1)) if start else 0
    reversed_by = {e.reverses_id: e.seq for e in fund_repo.entries(db) if e.reverses_id}
    lines, running = [], opening
    for entry in fund_repo.entries(db, start, end):
        running += entry.signed
        lines.append(StatementLine(entry, running, reversed_by.get(entry.id)))
    money_in = sum(line.entry.amount for line in lines if line.entry.direction > 0)
    money_out = sum(line.entry.amount for line in lines if line.entry.direction < 0)
    return Statement(start, end, opening, tuple(lines), money_in, money_out, running)


def paid_to(db: Database, actor: Actor, application_id: str) -> int:
    """Money paid for an application: its disbursements less their reversals."""
    actor.require(Permission.READ)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    return fund_repo.paid_to(db, application_id)


def entry_subject(db: Database, actor: Actor, entry: FundEntry) -> str:
    """Who an entry is about, as the ledger shows it: the contributor, or the application and its member."""
    actor.require(Permission.READ)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    if entry.kind is FundKind.CONTRIBUTION or not entry.application_id:
        return entry.contributor
    application = applications_repo.get(db, entry.application_id)
    if application is None:
        return ""
    from tayninh_desktop.storage import members_repo

    member = members_repo.get(db, application.member_id)
    return f"{application.label} — {member.full_name if member else ''}"
