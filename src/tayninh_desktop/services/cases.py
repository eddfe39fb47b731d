"""User actions on screening and removal cases: open a case, record a dated step with its document, assign a helper,
withdraw a case with its reason; and reading cases with their next step.

Votes, the screening vote, decisions and expulsions are in ``case_votes``. Every action is one transaction with its
audit entry; nothing is ever deleted (a case is closed by its outcome or withdrawn).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.cases import (
    FORM_GROUND,
    HELP_CRITERIA,
    SELF_REVIEW_SOURCES,
    SOURCES,
    STRUCK_OFF_GROUNDS,
    Case,
    CaseKind,
    CaseState,
    CaseStep,
    Outcome,
    RemovalForm,
    Step,
    date_not_before,
)
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import Member, MemberStatus, Standing
from tayninh_desktop.domain.messages_screening import CASE_KIND_LABELS, STATE_VERBS, STEP_LABELS
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, cases_repo, roster_repo
from tayninh_desktop.storage.db import Database

HELP_STEPS = (Step.PROPOSED, Step.OPINION_LOCAL, Step.OPINION_SUPERIOR, Step.COMMITMENT, Step.PROGRESS)
REMOVAL_STEPS = (Step.REQUEST_LETTER, Step.SELF_REVIEW_REQUEST, Step.SELF_REVIEW, Step.CARD_RECOVERED)
TEXT_LIMITS = {"step_text": NOTES_MAX_LENGTH, "withdraw_reason": NOTES_MAX_LENGTH}


def clean_text(text: str) -> str:
    """A text typed in several lines (a commitment, an opinion): each line cleaned, the lines kept."""
    return "\n".join(line for line in (nfc(raw) for raw in (text or "").splitlines()) if line).strip()


def changes_for(case: Case, **more) -> Changes:
    return Changes(screening=True, member_ids=(case.member_id,), **more)


def require_case(db: Database, case_id: str) -> Case:
    case = cases_repo.get(db, case_id) if case_id else None
    if case is None:
        raise DomainError("case_not_found", case=case_id)
    return case


def require_open(db: Database, case: Case) -> Member:
    member = require_member(db, case.member_id)
    if not case.is_open:
        raise DomainError("case_not_open", name=member.full_name, state=STATE_VERBS[case.state.value],
                          date=format_vn_date(case.closed_on))
    return member


def check_day(field: str, on: date | None, today: date) -> date:
    """A step's date: given, and not after today."""
    if on is None:
        raise ValidationError([FieldIssue(field, "required")])
    if on > today:
        raise ValidationError([FieldIssue(field, "date_in_future", {"value": format_vn_date(on)})])
    return on


def cell_on(db: Database, member: Member, on: date, field: str = "step_date") -> str:
    """The member's cell on ``on``; refused when the member was not on the register that day."""
    cell_id = roster_repo.cell_of_on(db, member.id, on)
    if cell_id is None:
        raise ValidationError([FieldIssue(field, "case_member_not_on_register",
                                          {"date": format_vn_date(on), "name": member.full_name})])
    return cell_id


def snapshot(value) -> dict:
    data = asdict(value)
    data.pop("steps", None)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


def insert_step(db: Database, case: Case, step: Step, on: date, **values) -> CaseStep:
    record = CaseStep(new_id(), case.id, step, on, cases_repo.next_seq(db, case.id), **values)
    cases_repo.insert_step(db, record)
    return record


# --- opening ------------------------------------------------------------------------------------------------

def _form_issues(kind: CaseKind, form: str, ground: str, criterion: str) -> list[FieldIssue]:
    if kind is CaseKind.HELP:
        if not criterion:
            return [FieldIssue("criterion", "required")]
        return [] if criterion in HELP_CRITERIA else [FieldIssue("criterion", "bad_choice", {"value": criterion})]
    if form not in {f.value for f in RemovalForm}:
        return [FieldIssue("removal_form", "bad_choice" if form else "required", {"value": form})]
    if form == RemovalForm.EXPELLED:
        return [FieldIssue("removal_form", "case_expulsion_from_discipline")]
    if form == RemovalForm.STRUCK_OFF and ground not in STRUCK_OFF_GROUNDS:
        return [FieldIssue("removal_ground", "case_form_ground" if ground else "required", {"value": ground})]
    return []


def require_no_open(db: Database, member: Member, kind: CaseKind) -> None:
    """One open case per member and kind: a second one is refused, naming the first."""
    existing = cases_repo.open_case_of(db, member.id, kind)
    if existing is not None:
        raise ValidationError([FieldIssue("case_member", "case_open_exists", {
            "name": member.full_name, "kind": CASE_KIND_LABELS[kind.value],
            "opened": format_vn_date(existing.opened_on)})])


def pending_violation(db: Database, member: Member, on: date) -> str:
    """What keeps a member from leaving on request on ``on`` (a discipline in force, a violation reported in the
    last 12 months, being on the help list); "" when nothing."""
    from tayninh_desktop.domain.dates import add_months
    from tayninh_desktop.domain.discipline import in_force_on, in_force_until
    from tayninh_desktop.domain.messages_party_life import DISCIPLINE_LABELS
    from tayninh_desktop.storage import ratings_repo

    records = ratings_repo.discipline_of(db, member.id)
    until = in_force_until(records)
    for record in records:
        if in_force_on(record, until[record.id], on):
            return (f"kỷ luật {DISCIPLINE_LABELS.get(record.form.value, '').lower()} ngày"
                    f" {format_vn_date(record.decided_on)} còn hiệu lực")
    for fact in cases_repo.facts_between(db, add_months(on, -12), on, member.id):
        if fact.kind in ("vi_pham", "suy_thoai"):
            return f"phản ánh, kết luận vi phạm ngày {format_vn_date(fact.reported_on)}"
    if member.id in cases_repo.listed_on_help(db, on):
        return "đang trong danh sách cần được chi bộ giáo dục, giúp đỡ"
    return ""


def new_case(db: Database, member: Member, kind: CaseKind, on: date, *, form: str = "", ground: str = "",
             criterion: str = "", sign_code: str = "", sign_year: int | None = None, evidence: str = "",
             note: str = "", origin_id: str | None = None) -> Case:
    """Check and insert a case with its first step, inside the caller's transaction."""
    issues = _form_issues(kind, form, ground, criterion)
    issues += length_issues({"step_text": evidence + note}, TEXT_LIMITS)
    if issues:
        raise ValidationError(issues)
    require_no_open(db, member, kind)
    removal_form = RemovalForm(form) if kind is CaseKind.REMOVAL else None
    if removal_form is RemovalForm.ON_REQUEST:
        violation = pending_violation(db, member, on)
        if violation:
            raise ValidationError([FieldIssue("removal_form", "on_request_violation",
                                              {"name": member.full_name, "what": violation})])
    ground = FORM_GROUND.get(removal_form, ground) if removal_form else ""
    case = Case(new_id(), member.id, kind, on, cell_id=cell_on(db, member, on), form=removal_form, ground=ground,
                criterion=criterion if kind is CaseKind.HELP else "", sign_code=sign_code, sign_year=sign_year,
                evidence=clean_text(evidence), note=clean_text(note), origin_id=origin_id)
    cases_repo.insert_case(db, case)
    first = Step.DETECTED if kind is CaseKind.HELP else Step.OPENED
    insert_step(db, case, first, on, text=case.evidence or case.note, source=sign_code)
    return case


def open_case(db: Database, actor: Actor, member_id: str, kind: str, on: date | None, *, form: str = "",
              ground: str = "", criterion: str = "", sign_code: str = "", sign_year: int | None = None,
              evidence: str = "", note: str = "", today: date | None = None) -> tuple[str, Changes]:
    """Open a case for a member (from a sign, or by the cell committee): a help case with its criterion, or a
    removal case in its form (xóa tên on a ground, on request only without violations, settlement abroad)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    on = check_day("step_date", on, today)
    try:
        case_kind = CaseKind(kind)
    except ValueError:
        raise ValidationError([FieldIssue("case_kind", "bad_choice", {"value": kind})]) from None
    with db.atomic():
        member = require_member(db, member_id)
        case = new_case(db, member, case_kind, on, form=form, ground=ground, criterion=criterion,
                        sign_code=sign_code, sign_year=sign_year, evidence=evidence, note=note)
        audit.append(db, actor.name, "open_case", "case", case.id, None, snapshot(case))
    return case.id, changes_for(case)


# --- dated steps --------------------------------------------------------------------------------------------

def _step_issues(case: Case, step: Step, on: date, source: str, db: Database) -> list[FieldIssue]:
    kind_steps = HELP_STEPS if case.kind is CaseKind.HELP else REMOVAL_STEPS
    if step not in kind_steps:
        return [FieldIssue("step_text", "case_step_not_for_kind", {"step": STEP_LABELS[step.value],
                                                                   "kind": CASE_KIND_LABELS[case.kind.value]})]
    issues = date_not_before("step_date", on, case.opened_on, "ngày lập hồ sơ")
    if step in (Step.COMMITMENT, Step.PROGRESS):
        if not case.listed:
            return [FieldIssue("step_text", "case_step_needs", {"step": STEP_LABELS[step.value],
                                                                "needs": STEP_LABELS[Step.VOTE.value]})]
        issues += date_not_before("step_date", on, case.listed_on, "ngày đưa vào danh sách")
    if step in (Step.PROPOSED, Step.OPINION_LOCAL, Step.OPINION_SUPERIOR) and case.listed:
        issues.append(FieldIssue("step_text", "help_already_listed", {"name": "", "date": format_vn_date(case.listed_on)}))
    if step is Step.OPINION_LOCAL and source not in SOURCES[:2]:
        issues.append(FieldIssue("step_source", "bad_choice" if source else "required", {"value": source}))
    if step is Step.SELF_REVIEW and source not in SELF_REVIEW_SOURCES:
        issues.append(FieldIssue("step_source", "bad_choice" if source else "required", {"value": source}))
    if step in (Step.SELF_REVIEW_REQUEST, Step.SELF_REVIEW) and case.form is not RemovalForm.STRUCK_OFF:
        issues.append(FieldIssue("step_text", "case_step_not_for_kind", {"step": STEP_LABELS[step.value],
                                                                         "kind": "xóa tên"}))
    if step is Step.SELF_REVIEW_REQUEST:
        rule = rules().on("self_review", on)
        count = len(case.of(Step.SELF_REVIEW_REQUEST))
        if count >= rule["max_requests"]:
            issues.append(FieldIssue("self_review", "self_review_too_many", {
                "count": count, "max": rule["max_requests"], "basis": rule.citation_marked}))
    if step is Step.CARD_RECOVERED:
        decision = case.last(Step.DECISION)
        if decision is None or not case.decision_event_id:
            issues.append(FieldIssue("step_text", "case_step_needs", {"step": STEP_LABELS[step.value],
                                                                      "needs": STEP_LABELS[Step.DECISION.value]}))
        else:
            issues += date_not_before("step_date", on, decision.on, "ngày quyết định")
    return issues


def record_step(db: Database, actor: Actor, case_id: str, step: str, on: date | None, *, doc_number: str = "",
                doc_date: date | None = None, doc_issuer: str = "", source: str = "", text: str = "",
                meeting_id: str | None = None, today: date | None = None) -> tuple[str, Changes]:
    """Record a dated step of a case with its document: the cell committee's proposal, the opinions of the hamlet
    front committee or workplace and of the superior, the member's commitment, a progress note (made at a recorded
    cell meeting of the help period: ``meeting_id``, its date the note's), the member's letter, a self-review request
    (up to three) or the self-review, the recovery of the card."""
    from tayninh_desktop.services import case_meetings

    actor.require(Permission.EDIT_REGISTER)
    scope.require_record(db, "cases", case_id, actor)
    today = today_or(today)
    if meeting_id and on is None:
        on = case_meetings.meeting_day(db, meeting_id)
    on = check_day("step_date", on, today)
    try:
        kind = Step(step)
    except ValueError:
        raise ValidationError([FieldIssue("step_text", "bad_choice", {"value": step})]) from None
    text, doc_number, doc_issuer = clean_text(text), nfc(doc_number).strip(), nfc(doc_issuer).strip()
    with db.atomic():
        case = require_case(db, case_id)
        member = require_member(db, case.member_id)
        if not (kind is Step.CARD_RECOVERED and case.state is CaseState.CLOSED):
            require_open(db, case)
        issues = _step_issues(case, kind, on, source, db)
        issues += length_issues({"step_text": text, "doc_number": doc_number, "doc_issuer": doc_issuer}, TEXT_LIMITS)
        if kind in (Step.COMMITMENT, Step.PROGRESS, Step.OPINION_LOCAL) and not text:
            issues.append(FieldIssue("step_text", "required"))
        if meeting_id and not issues:
            issues += case_meetings.meeting_issues(db, case, member, kind, meeting_id, on)
        if issues:
            raise ValidationError([replace(i, data={**i.data, "name": i.data.get("name") or member.full_name})
                                   for i in issues])
        record = insert_step(db, case, kind, on, doc_number=doc_number, doc_date=doc_date, doc_issuer=doc_issuer,
                             source=source, text=text, meeting_id=meeting_id or None)
        audit.append(db, actor.name, f"case_step:{kind.value}", "case", case.id, None, snapshot(record))
    return record.id, changes_for(case)


def assign_helper(db: Database, actor: Actor, case_id: str, helper_id: str, on: date | None, *,
                  doc_number: str = "", doc_date: date | None = None, today: date | None = None) -> Changes:
    """The cell's resolution assigning a helper: a full member of the same cell on that date, not the member, not on
    the help list himself."""
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    on = check_day("step_date", on, today)
    with db.atomic():
        case = require_case(db, case_id)
        member = require_open(db, case)
        if not case.listed:
            raise DomainError("help_not_listed", name=member.full_name)
        issues = date_not_before("step_date", on, case.listed_on, "ngày đưa vào danh sách")
        issues += helper_issues(db, member, helper_id, on)
        if issues:
            raise ValidationError(issues)
        record = insert_step(db, case, Step.HELPER, on, doc_number=nfc(doc_number).strip(), doc_date=doc_date,
                             helper_id=helper_id)
        cases_repo.update_case(db, replace(case, helper_id=helper_id))
        audit.append(db, actor.name, "case_helper", "case", case.id, {"helper_id": case.helper_id},
                     snapshot(record))
    return changes_for(case)


def helper_issues(db: Database, member: Member, helper_id: str, on: date) -> list[FieldIssue]:
    if not helper_id:
        return [FieldIssue("helper_id", "required")]
    if helper_id == member.id:
        return [FieldIssue("helper_id", "helper_self")]
    from tayninh_desktop.services.documents_issuer import name_on
    from tayninh_desktop.storage import members_repo

    helper = members_repo.get(db, helper_id)
    if helper is None:
        raise DomainError("member_not_found", member_id=helper_id)
    cell_id = roster_repo.cell_of_on(db, member.id, on)
    entry = next((e for e in roster_repo.roster_on(db, cell_id, on) if e.member_id == helper_id), None) \
        if cell_id else None
    if entry is None or entry.standing is not Standing.FULL or entry.status in (MemberStatus.TEMP_IN,
                                                                               MemberStatus.EXEMPTED):
        return [FieldIssue("helper_id", "helper_not_full_member", {
            "name": helper.full_name, "cell": name_on(db, cell_id, on) if cell_id else "chi bộ",
            "date": format_vn_date(on)})]
    if helper_id in cases_repo.listed_on_help(db, on):
        return [FieldIssue("helper_id", "helper_listed", {"name": helper.full_name})]
    return []


def helper_choices(db: Database, case: Case, on: date) -> list[Member]:
    """The members who may help on ``on``: full members of the case's cell that day, at home, not the member."""
    from tayninh_desktop.storage import members_repo

    if not case.cell_id:
        return []
    entries = [e for e in roster_repo.roster_on(db, case.cell_id, on) if e.member_id != case.member_id
               and e.standing is Standing.FULL and e.status is MemberStatus.FULL]
    return members_repo.get_many(db, [e.member_id for e in entries])


def withdraw(db: Database, actor: Actor, case_id: str, on: date | None, reason: str, *,
             today: date | None = None) -> Changes:
    """Withdraw a case with its reason (entered by mistake, the member moved away, died…): nothing is deleted."""
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    on = check_day("step_date", on, today)
    reason = clean_text(reason)
    issues = [] if reason else [FieldIssue("withdraw_reason", "withdraw_needs_reason")]
    issues += length_issues({"withdraw_reason": reason}, TEXT_LIMITS)
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        case = require_case(db, case_id)
        require_open(db, case)
        issues = date_not_before("step_date", on, max([case.opened_on, *(s.on for s in case.steps)]),
                                 "ngày của bước trước")
        if issues:
            raise ValidationError(issues)
        insert_step(db, case, Step.WITHDRAWN, on, text=reason)
        after = replace(case, state=CaseState.WITHDRAWN, outcome=Outcome.WITHDRAWN, closed_on=on)
        cases_repo.update_case(db, after)
        audit.append(db, actor.name, "withdraw_case", "case", case.id, {"state": case.state.value},
                     {"state": after.state.value, "reason": reason, "on": on.isoformat()})
    return changes_for(case)


# --- reading ------------------------------------------------------------------------------------------------

def get_case(db: Database, case_id: str) -> Case:
    return require_case(db, case_id)


def list_cases(db: Database, *, cell_id: str | None = None, kind: str | None = None,
               states: tuple[str, ...] | None = None) -> list[Case]:
    """Cases in list order of the members' names; ``states``: open, closed, withdrawn (all when None); a cell
    secretary's session: their cell's (asking for another is refused)."""
    cell_id = scope.cell_filter(db, cell_id)
    return cases_repo.listing(db, cell_id=cell_id, kind=CaseKind(kind) if kind else None,
                              states=tuple(CaseState(s) for s in states) if states else None)


def cases_of_member(db: Database, member_id: str) -> list[Case]:
    scope.require_member(db, member_id)
    return cases_repo.cases_of_member(db, member_id)
