"""Applications for the interest support: submitted → checked (the checklist, each item with its evidence) →
approved (by whom, with which document; the amount computed from the interest paid) → paid from the fund.
An application can be rejected, with its reason, until money has been paid on it.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, timedelta

from tayninh_desktop.domain import assistance_forms as forms
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import Application, ApplicationState, ChecklistEntry, Loan
from tayninh_desktop.domain.assistance_calc import SupportComputation, compute_support, counted_interest
from tayninh_desktop.domain.assistance_reference import SupportPlan
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.messages_support import (
    ACTION_LABELS,
    CATEGORY_LABELS,
    HOUSEHOLD_LABELS,
    STATE_LABELS,
)
from tayninh_desktop.services import scope, support_reference
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.services.support_screening import SCREENED_STATUSES
from tayninh_desktop.storage import applications_repo, audit, support_repo
from tayninh_desktop.storage.db import Database


def _snapshot(a: Application) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(a).items()}


def get(db: Database, actor: Actor, application_id: str) -> Application:
    actor.require(Permission.HOUSEHOLD_DATA)
    application = applications_repo.get(db, application_id)
    if application is None:
        raise DomainError("application_not_found", application_id=application_id)
    scope.require_member(db, application.member_id, actor)
    plan = support_reference.book(db).plan_on(application.period_from)
    order = {c.code: n for n, c in enumerate(plan.checklist)} if plan else {}
    return replace(application, checklist=tuple(sorted(application.checklist,
                                                        key=lambda e: order.get(e.item, len(order)))))


def listing(db: Database, actor: Actor, *, state: str | None = None, start: date | None = None,
            end: date | None = None) -> list[Application]:
    """Applications, newest first (optionally one state, or submitted within a period)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    found = applications_repo.listing(db, state=state, start=start, end=end)
    visible = set(scope.visible_member_ids(db, [a.member_id for a in found], actor))
    return [a for a in found if a.member_id in visible]


def _interest(db: Database, loan: Loan, plan: SupportPlan, start: date, end: date) -> int:
    payments = [(p.paid_on, p.amount) for p in support_repo.payments_of(db, loan.id)]
    return counted_interest(payments, start, end, loan_start=loan.start_date, max_months=plan.max_months)


def _span(start: date, end: date) -> dict:
    return {"start": format_vn_date(start), "end": format_vn_date(end)}


def _category(db: Database, member: Member, plan: SupportPlan, on: date) -> str:
    """The plan's category the member belongs to on ``on`` (from the year's household record), else refused."""
    household = support_repo.household_of(db, member.id, on.year)
    if household is None:
        raise ValidationError([FieldIssue("submitted_on", "no_household_for", {"year": on.year,
                                                                              "name": member.full_name})])
    fits = [c for c in plan.categories if c in household.categories()]
    if not fits:
        raise ValidationError([FieldIssue("submitted_on", "not_in_category", {
            "date": format_vn_date(on), "name": member.full_name, "plan": plan.code, "year": on.year,
            "categories": ", ".join(CATEGORY_LABELS[c.value].lower() for c in plan.categories),
            "found": HOUSEHOLD_LABELS[household.classification.value].lower()})])
    return fits[0].value


def _check_loan(db: Database, loan: Loan, member: Member, plan: SupportPlan, start: date, end: date,
                exclude_id: str | None = None) -> None:
    contract = loan.contract_number or format_vn_date(loan.start_date)
    issues: list[FieldIssue] = []
    if loan.member_id != member.id:
        issues.append(FieldIssue("loan_id", "loan_not_of_member", {"contract": contract, "name": member.full_name}))
    programme = support_reference.book(db).programme(loan.programme, start)
    if programme is None or not programme.production:
        issues.append(FieldIssue("loan_id", "programme_not_eligible", {
            "programme": programme.name if programme else loan.programme, "plan": plan.code}))
    if end < loan.start_date or start >= loan.end_date:
        issues.append(FieldIssue("period_from", "loan_not_running", {
            **_span(start, end), "contract": contract, "loan_start": format_vn_date(loan.start_date),
            "loan_end": format_vn_date(loan.end_date)}))
    for other in applications_repo.of_loan(db, loan.id):
        if other.id != exclude_id and other.state is not ApplicationState.REJECTED and \
                other.period_from <= end and start <= other.period_to:
            issues.append(FieldIssue("period_from", "application_overlap", {
                "contract": contract, "other": other.label, **_span(other.period_from, other.period_to)}))
    if not issues and _interest(db, loan, plan, start, end) <= 0:
        issues.append(FieldIssue("period_to", "no_interest_in_period", {"contract": contract, **_span(start, end)}))
    if issues:
        raise ValidationError(issues)


def _plan_for(db: Database, start: date, end: date) -> SupportPlan:
    plan = support_reference.plan_on(db, start, "period_from")
    if not plan.covers(end):
        raise ValidationError([FieldIssue("period_to", "period_outside_plan", {
            **_span(start, end), "plan": plan.code, "plan_from": format_vn_date(plan.valid_from),
            "plan_to": format_vn_date(plan.valid_to - timedelta(days=1)) if plan.valid_to else "nay"})])
    return plan


def submit(db: Database, actor: Actor, member_id: str, form: dict, *, today: date | None = None
           ) -> tuple[str, Changes]:
    """Receive an application: the member's loan and the period of interest paid. Refused: a member off the
    register or outside the plan's categories on the day it is handed in, a loan of another member or of a
    programme outside the plan, a period outside the plan or the loan, a period already applied for, a
    period without interest paid."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    values = forms.application(form, today or date.today())
    start, end, submitted = values["period_from"], values["period_to"], values["submitted_on"]
    with db.atomic():
        member = require_member(db, member_id)
        state = support_repo.state_on(db, member.id, submitted)
        if state is None or state[1] not in SCREENED_STATUSES:
            raise ValidationError([FieldIssue("submitted_on", "member_not_active", {
                "name": member.full_name, "date": format_vn_date(submitted)})])
        loan = support_repo.loan(db, values["loan_id"])
        if loan is None:
            raise ValidationError([FieldIssue("loan_id", "required")])
        plan = _plan_for(db, start, end)
        category = _category(db, member, plan, submitted)
        _check_loan(db, loan, member, plan, start, end)
        application = Application(
            id=new_id(), number=applications_repo.next_number(db, submitted.year), member_id=member.id,
            loan_id=loan.id, plan_code=plan.code, category=category, period_from=start, period_to=end,
            submitted_on=submitted, state=ApplicationState.SUBMITTED,
            interest_paid=_interest(db, loan, plan, start, end), notes=values["notes"])
        applications_repo.insert(db, require_home(db).id, application)
        audit.append(db, actor.name, "submit_support_application", "support_applications", application.id, None,
                     _snapshot(application))
    return application.id, Changes(support=True, member_ids=(member.id,))


def _require_state(application: Application, action: str, *states: ApplicationState) -> None:
    if application.state not in states:
        raise DomainError("application_wrong_state", application=application.label,
                          state=STATE_LABELS[application.state.value], action=ACTION_LABELS[action])


def _save(db: Database, actor: Actor, action: str, before: Application, after: Application) -> Changes:
    applications_repo.update(db, after)
    audit.append(db, actor.name, action, "support_applications", after.id, _snapshot(before), _snapshot(after))
    return Changes(support=True, member_ids=(after.member_id,))


def check(db: Database, actor: Actor, application_id: str, items: dict[str, tuple[bool, str]], *,
          checked_on: str, checked_by: str = "", today: date | None = None) -> Changes:
    """Record the eligibility check: every item of the plan's checklist passed, each with its evidence (an item
    that fails means the application is to be rejected, with the reason)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_record(db, "support_applications", application_id, actor)
    form = forms.Form({"checked_on": checked_on, "checked_by": checked_by}, today or date.today())
    on, by = form.day("checked_on", required=True), form.text("checked_by", limit=80)
    form.done()
    with db.atomic():
        application = get(db, actor, application_id)
        _require_state(application, "check", ApplicationState.SUBMITTED, ApplicationState.CHECKED)
        plan = support_reference.plan_on(db, application.period_from)
        labels = {c.code: c.label for c in plan.checklist}
        issues = [FieldIssue("checklist", "checklist_unknown_item", {"value": code, "plan": plan.code})
                  for code in items if code not in labels]
        entries = []
        for code, label in labels.items():
            ok, evidence = items.get(code, (False, ""))
            evidence = " ".join(str(evidence or "").split())
            if not ok:
                issues.append(FieldIssue("checklist", "checklist_incomplete", {"item": label}))
            elif not evidence:
                issues.append(FieldIssue("checklist", "checklist_no_evidence", {"item": label}))
            entries.append(ChecklistEntry(code, bool(ok), evidence))
        if issues:
            raise ValidationError(issues)
        applications_repo.replace_checklist(db, application.id, tuple(entries))
        after = replace(application, state=ApplicationState.CHECKED, checked_on=on, checked_by=by or actor.name,
                        checklist=tuple(entries))
        return _save(db, actor, "check_support_application", application, after)


def computation(db: Database, application: Application, on: date | None = None) -> SupportComputation:
    """The support the application would get if approved on ``on`` (its interest paid, the plan's share, caps)."""
    plan = support_reference.plan_on(db, application.period_from)
    loan = support_repo.loan(db, application.loan_id)
    interest = _interest(db, loan, plan, application.period_from, application.period_to)
    year = (on or application.approved_on or date.today()).year
    already = applications_repo.support_in_year(db, application.member_id, year, exclude_id=application.id)
    return compute_support(plan, interest, loan.amount, already)


def approve(db: Database, actor: Actor, application_id: str, form: dict, *, today: date | None = None) -> Changes:
    """Approve a checked application: who approved, the document, the day; the amount is computed then."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    values = forms.decision(form, today or date.today())
    with db.atomic():
        application = get(db, actor, application_id)
        _require_state(application, "approve", ApplicationState.CHECKED)
        result = computation(db, application, values["on"])
        if result.amount <= 0:
            raise DomainError("support_zero", application=application.label, why=result.text)
        after = replace(application, state=ApplicationState.APPROVED, approved_on=values["on"],
                        approved_by=values["by"], decision_number=values["decision_number"],
                        interest_paid=result.interest_paid, support_amount=result.amount, computation=result.text)
        return _save(db, actor, "approve_support_application", application, after)


def reject(db: Database, actor: Actor, application_id: str, form: dict, *, today: date | None = None) -> Changes:
    """Reject an application, with the reason (not one on which money has been paid)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    values = forms.decision(form, today or date.today(), reason=True)
    from tayninh_desktop.storage import fund_repo

    with db.atomic():
        application = get(db, actor, application_id)
        _require_state(application, "reject", ApplicationState.SUBMITTED, ApplicationState.CHECKED,
                       ApplicationState.APPROVED)
        if fund_repo.paid_to(db, application.id) > 0:
            raise DomainError("application_wrong_state", application=application.label,
                              state="đã chi một phần", action=ACTION_LABELS["reject"])
        after = replace(application, state=ApplicationState.REJECTED, rejected_on=values["on"],
                        rejected_by=values["by"] or actor.name, rejection_reason=values["reason"])
        return _save(db, actor, "reject_support_application", application, after)


def mark_paid_state(db: Database, application: Application, paid: int) -> Application:
    """The state that follows the money paid: fully paid → paid; reversed back → approved."""
    assert application.support_amount is not None
    state = ApplicationState.PAID if paid >= application.support_amount else ApplicationState.APPROVED
    after = replace(application, state=state)
    if after.state is not application.state:
        applications_repo.update(db, after)
    return after
