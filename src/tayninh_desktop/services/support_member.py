"""The support programme as one member's record shows it: the household by year, the loans with the interest
paid on each, when the member was told of the policy, and the applications. Household circumstances and
loans are sensitive: only a role with the household-data permission reads them (checked here, whatever
asks)."""

from __future__ import annotations

from dataclasses import dataclass

from tayninh_desktop.domain.actors import ROLE_PERMISSIONS, Actor, Permission
from tayninh_desktop.domain.assistance import Application, Household, Loan, Outreach
from tayninh_desktop.services import scope
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.storage import applications_repo, support_repo
from tayninh_desktop.storage.db import Database


def may_see(actor: Actor) -> bool:
    """True when this person may see household circumstances and loans (the member dialog shows the tab)."""
    return Permission.HOUSEHOLD_DATA in ROLE_PERMISSIONS[actor.role]


@dataclass(frozen=True)
class LoanLine:
    loan: Loan
    interest_paid: int           # the interest paid on it, every statement recorded
    payments: int                # how many payments


@dataclass(frozen=True)
class MemberSupport:
    member_id: str
    full_name: str
    households: tuple[Household, ...]
    loans: tuple[LoanLine, ...]
    outreach: tuple[Outreach, ...]
    applications: tuple[Application, ...]


def member_support(db: Database, actor: Actor, member_id: str) -> MemberSupport:
    """Everything of the support programme about one member, newest first."""
    actor.require(Permission.HOUSEHOLD_DATA)
    scope.require_member(db, member_id, actor)   # a cell secretary: their own cell's members only
    member = require_member(db, member_id)
    households = sorted(support_repo.households_of(db, member.id), key=lambda h: h.year, reverse=True)
    loans = []
    for loan in sorted(support_repo.loans_of(db, member.id), key=lambda x: x.start_date, reverse=True):
        payments = support_repo.payments_of(db, loan.id)
        loans.append(LoanLine(loan, sum(p.amount for p in payments), len(payments)))
    outreach = sorted(support_repo.outreach_of(db, member.id), key=lambda o: o.told_on, reverse=True)
    return MemberSupport(member.id, member.full_name, tuple(households), tuple(loans), tuple(outreach),
                         tuple(applications_repo.of_member(db, member.id)))
