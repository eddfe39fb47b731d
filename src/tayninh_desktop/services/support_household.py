"""A member's household circumstances, loans from the social-policy bank and the interest paid on them.

These are sensitive personal data (finances): every action, reading included, needs the household-data
permission, which the office's roles have and a read-only account has not (domain/actors.py).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from tayninh_desktop.domain import assistance_forms as forms
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import Household, InterestPayment, Loan
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.vn_money import format_money, format_rate, rate_number
from tayninh_desktop.services import scope, support_reference
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.storage import applications_repo, audit, members_repo, support_repo
from tayninh_desktop.storage.db import Database


def today_or(today: date | None) -> date:
    return today or date.today()


def find_member(db: Database, text: str) -> Member:
    """The member named by id, CCCD or party card number (what the office has at hand)."""
    text = (text or "").strip()
    member = members_repo.get(db, text) or members_repo.find_by(db, "cccd", text) \
        or members_repo.find_by(db, "card_number", text)
    if member is None:
        raise DomainError("member_not_found", member_id=text)
    return member


def _snapshot(value) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(value).items()}


# -- households -------------------------------------------------------------------------------------------

def households_of(db: Database, actor: Actor, member_id: str) -> list[Household]:
    """A member's circumstances, newest year first."""
    actor.require(Permission.HOUSEHOLD_DATA)
    scope.require_member(db, member_id, actor)
    return support_repo.households_of(db, member_id)


def household_of(db: Database, actor: Actor, member_id: str, year: int) -> Household | None:
    actor.require(Permission.HOUSEHOLD_DATA)
    scope.require_member(db, member_id, actor)
    return support_repo.household_of(db, member_id, year)


def record_household(db: Database, actor: Actor, member_id: str, form: dict, *, household_id: str | None = None,
                     today: date | None = None) -> tuple[str, Changes]:
    """Record (or, with ``household_id``, correct) a member's circumstances for one year."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    values = forms.household(form, today)
    with db.atomic():
        member = require_member(db, member_id)
        if values["year"] < member.joined_on.year:
            raise ValidationError([FieldIssue("year", "household_year_out", {
                "year": values["year"], "name": member.full_name, "joined": member.joined_on.year,
                "until": today.year + 1})])
        before = support_repo.household(db, household_id) if household_id else None
        if household_id and (before is None or before.member_id != member_id):
            raise DomainError("household_not_found", household_id=household_id)
        other = support_repo.household_of(db, member_id, values["year"])
        if other is not None and other.id != household_id:
            raise ValidationError([FieldIssue("year", "household_exists", {"name": member.full_name,
                                                                          "year": values["year"]})])
        record = Household(member_id=member_id, id=household_id or new_id(), **values)
        if before:
            support_repo.update_household(db, record)
        else:
            support_repo.insert_household(db, require_home(db).id, record)
        audit.append(db, actor.name, "record_household", "support_households", record.id,
                     _snapshot(before) if before else None, _snapshot(record))
    return record.id, Changes(support=True, member_ids=(member_id,))


def delete_household(db: Database, actor: Actor, household_id: str) -> Changes:
    """Remove a year's circumstances recorded by mistake."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    with db.atomic():
        before = support_repo.household(db, household_id)
        if before is None:
            raise DomainError("household_not_found", household_id=household_id)
        support_repo.delete_household(db, household_id)
        audit.append(db, actor.name, "delete_household", "support_households", household_id, _snapshot(before), None)
    return Changes(support=True, member_ids=(before.member_id,))


# -- loans --------------------------------------------------------------------------------------------------

def loans_of(db: Database, actor: Actor, member_id: str) -> list[Loan]:
    actor.require(Permission.HOUSEHOLD_DATA)
    scope.require_member(db, member_id, actor)
    return support_repo.loans_of(db, member_id)


def all_loans(db: Database, actor: Actor) -> list[Loan]:
    actor.require(Permission.HOUSEHOLD_DATA)
    loans = support_repo.all_loans(db)
    visible = set(scope.visible_member_ids(db, [loan.member_id for loan in loans], actor))
    return [loan for loan in loans if loan.member_id in visible]


def get_loan(db: Database, actor: Actor, loan_id: str) -> Loan:
    actor.require(Permission.HOUSEHOLD_DATA)
    loan = support_repo.loan(db, loan_id)
    if loan is None:
        raise DomainError("loan_not_found", loan_id=loan_id)
    scope.require_member(db, loan.member_id, actor)
    return loan


def _check_rate(db: Database, programme: str, rate_bp: int, start: date) -> list[FieldIssue]:
    """Refuse a rate no social-policy loan has (66 typed for 6,6; 0,55 a month typed as a year's rate)."""
    book = support_reference.book(db)
    record = book.programme(programme, start)
    plan = book.plan_on(start) or book.plans[-1]
    if record is None:
        return [FieldIssue("programme", "unknown_programme", {"value": programme})]
    low = record.rate_bp // 4
    if low <= rate_bp <= plan.plausible_max_rate_bp:
        return []
    guess = rate_bp // 10 if rate_bp > plan.plausible_max_rate_bp else rate_bp * 12   # 66 → 6,6; 0,55 → 6,6
    hint = ""
    if low <= guess <= plan.plausible_max_rate_bp:
        from tayninh_desktop.domain.messages import render

        hint = render("rate_hint", {"suggestion": rate_number(guess)})
    return [FieldIssue("rate", "rate_implausible", {
        "value": rate_number(rate_bp), "programme": record.name, "rate": format_rate(record.rate_bp),
        "basis": record.citation + (" — chưa xác nhận" if record.is_unconfirmed("rate") else ""),
        "limit": f"{rate_number(low)}–{rate_number(plan.plausible_max_rate_bp)} %/năm", "hint": hint})]


def _check_loan(db: Database, values: dict, loan_id: str | None) -> None:
    issues = _check_rate(db, values["programme"], values["rate_bp"], values["start_date"])
    if values["contract_number"]:
        other = support_repo.loan_by_contract(db, values["contract_number"])
        if other is not None and other.id != loan_id:
            owner = members_repo.get(db, other.member_id)
            issues.append(FieldIssue("contract_number", "duplicate_contract", {
                "value": values["contract_number"], "name": owner.full_name if owner else ""}))
    if loan_id:
        first = support_repo.first_payment_day(db, loan_id)
        if first is not None and values["start_date"] > first:
            issues.append(FieldIssue("start_date", "loan_start_after_payment", {
                "start": format_vn_date(values["start_date"]), "first": format_vn_date(first)}))
    if issues:
        raise ValidationError(issues)


def record_loan(db: Database, actor: Actor, member_id: str, form: dict, *, loan_id: str | None = None,
                today: date | None = None) -> tuple[str, Changes]:
    """Record (or correct) a loan as the member's loan book shows it. Refused: an unknown programme, a rate no
    such loan has, a contract number already used, a start date after an interest payment already recorded."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    values = forms.loan(form, today_or(today))
    with db.atomic():
        member = require_member(db, member_id)
        before = support_repo.loan(db, loan_id) if loan_id else None
        if loan_id and (before is None or before.member_id != member.id):
            raise DomainError("loan_not_found", loan_id=loan_id)
        _check_loan(db, values, loan_id)
        loan = Loan(member_id=member.id, id=loan_id or new_id(), **values)
        if before:
            support_repo.update_loan(db, loan)
        else:
            support_repo.insert_loan(db, require_home(db).id, loan)
        audit.append(db, actor.name, "record_loan", "support_loans", loan.id,
                     _snapshot(before) if before else None, _snapshot(loan))
    return loan.id, Changes(support=True, member_ids=(member.id,))


def delete_loan(db: Database, actor: Actor, loan_id: str) -> Changes:
    """Remove a loan recorded by mistake: only one without interest payments or applications (those would lose
    what they stand on; correct the loan instead)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    with db.atomic():
        loan = get_loan(db, actor, loan_id)
        payments, applications = support_repo.payments_of(db, loan.id), applications_repo.of_loan(db, loan.id)
        if payments or applications:
            raise DomainError("loan_in_use", contract=loan.contract_number or format_vn_date(loan.start_date),
                              payments=len(payments), applications=len(applications))
        support_repo.delete_loan(db, loan.id)
        audit.append(db, actor.name, "delete_loan", "support_loans", loan.id, _snapshot(loan), None)
    return Changes(support=True, member_ids=(loan.member_id,))


# -- interest paid ------------------------------------------------------------------------------------------

def payments_of(db: Database, actor: Actor, loan_id: str) -> list[InterestPayment]:
    actor.require(Permission.HOUSEHOLD_DATA)
    get_loan(db, actor, loan_id)   # a cell secretary: their cell's members' loans only
    return support_repo.payments_of(db, loan_id)


def check_payment(db: Database, loan: Loan, paid_on: date, amount: int) -> list[FieldIssue]:
    """What is wrong with an interest payment on ``loan`` (shared by typing and importing)."""
    contract = loan.contract_number or format_vn_date(loan.start_date)
    if paid_on < loan.start_date:
        return [FieldIssue("paid_on", "payment_before_loan", {"value": format_vn_date(paid_on), "contract": contract,
                                                              "start": format_vn_date(loan.start_date)})]
    if any(p.paid_on == paid_on and p.amount == amount for p in support_repo.payments_of(db, loan.id)):
        return [FieldIssue("paid_on", "payment_duplicate", {"value": format_vn_date(paid_on), "contract": contract,
                                                            "amount": format_money(amount)})]
    return []


def record_payment(db: Database, actor: Actor, loan_id: str, form: dict, *, today: date | None = None,
                   source: str = "nhập tay") -> tuple[str, Changes]:
    """Record interest the member paid the bank, as the statement or receipt shows it."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_record(db, "support_loans", loan_id, actor)
    values = forms.interest_payment(form, today_or(today))
    with db.atomic():
        loan = get_loan(db, actor, loan_id)
        issues = check_payment(db, loan, values["paid_on"], values["amount"])
        if issues:
            raise ValidationError(issues)
        payment = InterestPayment(loan_id=loan.id, id=new_id(), source=source, **values)
        support_repo.insert_payment(db, payment)
        audit.append(db, actor.name, "record_interest_payment", "support_interest_payments", payment.id, None,
                     _snapshot(payment))
    return payment.id, Changes(support=True, member_ids=(loan.member_id,))


def delete_payment(db: Database, actor: Actor, payment_id: str) -> Changes:
    """Remove an interest payment recorded by mistake (not one an approved application counted)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    with db.atomic():
        payment = support_repo.payment(db, payment_id)
        if payment is None:
            raise DomainError("payment_not_found", payment_id=payment_id)
        for application in applications_repo.of_loan(db, payment.loan_id):
            if application.state.value in ("da_duyet", "da_chi") and \
                    application.period_from <= payment.paid_on <= application.period_to:
                raise DomainError("payment_in_approved", value=format_vn_date(payment.paid_on),
                                  application=application.label)
        support_repo.delete_payment(db, payment_id)
        audit.append(db, actor.name, "delete_interest_payment", "support_interest_payments", payment_id,
                     _snapshot(payment), None)
    loan = support_repo.loan(db, payment.loan_id)
    return Changes(support=True, member_ids=(loan.member_id,) if loan else ())


def loan_label(db: Database, loan: Loan) -> str:
    """"Cho vay hộ nghèo — KƯ 123 — 30.000.000 đ, 6,6 %/năm, vay 05/03/2024"."""
    programme = support_reference.book(db).programme(loan.programme, loan.start_date)
    name = programme.name if programme else loan.programme
    contract = f" — số {loan.contract_number}" if loan.contract_number else ""
    return (f"{name}{contract} — {format_money(loan.amount)}, {format_rate(loan.rate_bp)},"
            f" vay {format_vn_date(loan.start_date)}")



def member_names(db: Database, member_ids) -> dict[str, str]:
    """Full names of members by id (the support page's tables name the member of each row)."""
    return {m.id: m.full_name for m in members_repo.get_many(db, sorted(set(member_ids)))}
