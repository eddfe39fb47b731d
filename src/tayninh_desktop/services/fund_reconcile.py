"""The fund's reconciliation: the ledger against the applications it pays, and against the cash counted.

Every disbursement must pay an approved application and never more than approved; an application marked
paid must have received exactly its amount; the balance must never have gone below zero; what the office
counts in the cash box or the bank account, when given, must equal the balance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import Application, ApplicationState, FundKind
from tayninh_desktop.domain.assistance_calc import running_minimum
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.vn_money import format_money
from tayninh_desktop.services import scope
from tayninh_desktop.storage import applications_repo, fund_repo, members_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class PendingPayment:
    application: Application
    member_name: str
    approved: int
    paid: int

    @property
    def left(self) -> int:
        return self.approved - self.paid


@dataclass(frozen=True)
class Reconciliation:
    on: date
    contributions: int          # money in (contributions less their reversals)
    disbursements: int          # money out (payments less their reversals)
    balance: int
    entries: int
    reversals: int
    problems: tuple[str, ...]   # sentences; empty when everything agrees
    pending: tuple[PendingPayment, ...] = field(default_factory=tuple)
    counted: int | None = None

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.balance

    @property
    def agrees(self) -> bool:
        return not self.problems and not self.difference


def _net(entries, kind: FundKind) -> int:
    ids = {e.id for e in entries if e.kind is kind}
    gross = sum(e.amount for e in entries if e.kind is kind)
    return gross - sum(e.amount for e in entries if e.kind is FundKind.REVERSAL and e.reverses_id in ids)


def _application_problems(db: Database, entries) -> tuple[list[str], list[PendingPayment]]:
    problems: list[str] = []
    pending: list[PendingPayment] = []
    paid_ids = {e.application_id for e in entries if e.application_id}
    for application_id in sorted(paid_ids):
        application = applications_repo.get(db, application_id)
        paid = fund_repo.paid_to(db, application_id)
        if application is None or application.support_amount is None:
            problems.append(f"Có khoản chi {format_money(paid)} không gắn với hồ sơ đã duyệt nào.")
            continue
        if paid > application.support_amount:
            problems.append(f"Hồ sơ {application.label}: đã chi {format_money(paid)}, vượt số được duyệt"
                            f" {format_money(application.support_amount)}.")
        if application.state is ApplicationState.PAID and paid != application.support_amount:
            problems.append(f"Hồ sơ {application.label} ghi «đã chi trả» nhưng sổ quỹ chi {format_money(paid)}"
                            f" trên {format_money(application.support_amount)}.")
    for application in applications_repo.listing(db, state=ApplicationState.APPROVED.value):
        member = members_repo.get(db, application.member_id)
        pending.append(PendingPayment(application, member.full_name if member else "",
                                      application.support_amount or 0, fund_repo.paid_to(db, application.id)))
    return problems, pending


def reconcile(db: Database, actor: Actor, on: date | None = None, counted: int | None = None) -> Reconciliation:
    """Reconcile the fund as of ``on`` (today): totals, problems found, payments still due, cash difference."""
    actor.require(Permission.READ)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    on = on or date.today()
    entries = fund_repo.entries(db, None, on)
    problems, pending = _application_problems(db, entries)
    lowest, when = running_minimum((e.entry_date, e.seq, e.signed) for e in entries)
    if lowest < 0:
        problems.append(f"Quỹ bị âm {format_money(-lowest)} ngày {format_vn_date(when)}.")
    balance = sum(e.signed for e in entries)
    contributions, disbursements = _net(entries, FundKind.CONTRIBUTION), _net(entries, FundKind.DISBURSEMENT)
    if contributions - disbursements != balance:
        problems.append(f"Tổng thu {format_money(contributions)} trừ tổng chi {format_money(disbursements)}"
                        f" không bằng số dư {format_money(balance)}.")
    return Reconciliation(on, contributions, disbursements, balance, len(entries),
                          sum(e.kind is FundKind.REVERSAL for e in entries), tuple(problems), tuple(pending), counted)
