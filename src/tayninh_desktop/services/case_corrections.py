"""Correcting a step recorded by mistake, without withdrawing the case: a new step supersedes it, with the reason,
in one transaction with its audit entry; the old one stays in the case, shown as corrected ("đã sửa").

What can be corrected: the dated steps (proposal, opinions, commitment, progress notes and the meeting they were
made at, the member's letter, self-review requests and the self-review, the card's recovery), the helper assigned,
and a counted vote (its figures, its document, its date where nothing hangs on that day) as long as the corrected
figures give the result recorded, which the following steps stand on. The opening step, the decision (written into
the member's history) and what the program recorded itself are corrected otherwise, and the refusal says how.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.cases import (
    SELF_REVIEW_SOURCES,
    SOURCES,
    Case,
    CaseKind,
    CaseState,
    CaseStep,
    Level,
    Step,
    date_not_before,
    passes,
    vote_issues,
)
from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.document_rules import vote_rule
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.messages_cases import NOT_CORRECTABLE, VOTE_DATE_FIXED
from tayninh_desktop.domain.messages_screening import STEP_LABELS
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.domain.votes import VoteKind
from tayninh_desktop.services import case_meetings
from tayninh_desktop.services.case_votes import cell_voters
from tayninh_desktop.services.cases import (
    cell_on,
    changes_for,
    clean_text,
    helper_issues,
    require_case,
    snapshot,
)
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, cases_repo
from tayninh_desktop.storage.db import Database

SIMPLE = (Step.PROPOSED, Step.OPINION_LOCAL, Step.OPINION_SUPERIOR, Step.COMMITMENT, Step.PROGRESS,
          Step.REQUEST_LETTER, Step.SELF_REVIEW_REQUEST, Step.SELF_REVIEW, Step.CARD_RECOVERED)
VOTES = (Step.VOTE, Step.REVIEW_VOTE)
CORRECTABLE = (*SIMPLE, Step.HELPER, *VOTES)
FIGURES = ("present", "ballots", "yes", "no", "invalid", "eligible")


@dataclass(frozen=True)
class Correction:
    """What changes in a step; None keeps the value as recorded (``meeting_id=""`` unties a note from its
    meeting)."""

    on: date | None = None
    doc_number: str | None = None
    doc_date: date | None = None
    doc_issuer: str | None = None
    source: str | None = None
    text: str | None = None
    meeting_id: str | None = None
    helper_id: str | None = None
    present: int | None = None
    ballots: int | None = None
    yes: int | None = None
    no: int | None = None
    invalid: int | None = None
    eligible: int | None = None

    def figures_given(self) -> bool:
        return any(getattr(self, name) is not None for name in FIGURES)


def correctable(step: CaseStep) -> bool:
    return step.step in CORRECTABLE


def _require_step(case: Case, step_id: str) -> CaseStep:
    old = case.step(step_id) if step_id else None
    if old is None:
        raise ValidationError([FieldIssue("correct_step", "case_step_not_found", {"value": step_id})])
    label = STEP_LABELS[old.step.value]
    later = case.superseded_by().get(old.id)
    if later is not None:
        raise ValidationError([FieldIssue("correct_step", "case_step_already_corrected", {
            "step": label, "date": format_vn_date(old.on), "reason": later.correction_reason})])
    if old.step not in CORRECTABLE:
        raise ValidationError([FieldIssue("correct_step", "case_step_not_correctable", {
            "step": label, "why": NOT_CORRECTABLE.get(old.step.value, "")})])
    return old


def _base(old: CaseStep, change: Correction, reason: str) -> CaseStep:
    """The correcting step: the old one's values with the given ones, in the old one's place (a paper issued for the
    step stays attached to it)."""
    def text(value: str | None, kept: str) -> str:
        return kept if value is None else nfc(value).strip()

    meeting = old.meeting_id if change.meeting_id is None else (change.meeting_id or None)
    return replace(old, id=new_id(), on=change.on or old.on, doc_number=text(change.doc_number, old.doc_number),
                   doc_date=change.doc_date or old.doc_date, doc_issuer=text(change.doc_issuer, old.doc_issuer),
                   source=old.source if change.source is None else change.source,
                   text=old.text if change.text is None else clean_text(change.text), meeting_id=meeting,
                   helper_id=change.helper_id or old.helper_id, corrects_id=old.id,
                   correction_reason=reason)


def _simple_issues(db: Database, case: Case, member: Member, new: CaseStep) -> list[FieldIssue]:
    """The checks ``cases.record_step`` makes, on the corrected values."""
    issues = date_not_before("step_date", new.on, case.opened_on, "ngày lập hồ sơ")
    if new.step is Step.OPINION_LOCAL and new.source not in SOURCES[:2]:
        issues.append(FieldIssue("step_source", "bad_choice" if new.source else "required", {"value": new.source}))
    if new.step is Step.SELF_REVIEW and new.source not in SELF_REVIEW_SOURCES:
        issues.append(FieldIssue("step_source", "bad_choice" if new.source else "required", {"value": new.source}))
    if new.step in (Step.COMMITMENT, Step.PROGRESS, Step.OPINION_LOCAL) and not new.text:
        issues.append(FieldIssue("step_text", "required"))
    if new.step in (Step.COMMITMENT, Step.PROGRESS, Step.HELPER):
        issues += date_not_before("step_date", new.on, case.listed_on, "ngày đưa vào danh sách")
    if new.step is Step.CARD_RECOVERED:
        decision = case.last(Step.DECISION)
        issues += date_not_before("step_date", new.on, decision.on if decision else None, "ngày quyết định")
    if new.step is Step.HELPER:
        issues += helper_issues(db, member, new.helper_id or "", new.on)
    if new.meeting_id:
        issues += case_meetings.meeting_issues(db, case, member, new.step, new.meeting_id, new.on)
    issues += length_issues({"step_text": new.text, "doc_number": new.doc_number, "doc_issuer": new.doc_issuer},
                            {"step_text": NOTES_MAX_LENGTH})
    return issues


def _neighbours(case: Case, old: CaseStep) -> tuple[CaseStep | None, CaseStep | None]:
    index = next(i for i, s in enumerate(case.steps) if s.id == old.id)
    return (case.steps[index - 1] if index else None,
            case.steps[index + 1] if index + 1 < len(case.steps) else None)


def _date_fixed(case: Case, old: CaseStep) -> str:
    """Why a vote's date cannot change ("" when it can)."""
    if old.step is Step.REVIEW_VOTE:
        return VOTE_DATE_FIXED["review"]
    votes = case.votes(old.level)
    if old.passed is False and votes and votes[-1].id == old.id and any(
            s.step is Step.ESCALATED and s.level == old.level for s in case.steps):
        return VOTE_DATE_FIXED["escalated"]
    return ""


def _vote_kind(case: Case, step: CaseStep) -> VoteKind:
    if step.step is Step.REVIEW_VOTE:
        return VoteKind.SCREENING
    if case.kind is CaseKind.HELP:
        return VoteKind.HELP_LIST
    return Level(step.level or Level.CELL).vote_kind


def _vote(db: Database, case: Case, member: Member, old: CaseStep, new: CaseStep,
          change: Correction) -> tuple[CaseStep, list[FieldIssue]]:
    """The corrected vote: its figures checked against the base of its (corrected) date; the same result."""
    issues: list[FieldIssue] = []
    if new.on != old.on:
        why = _date_fixed(case, old)
        if why:
            return new, [FieldIssue("step_date", "case_vote_date_fixed", {"why": why})]
        before, after = _neighbours(case, old)
        issues += date_not_before("step_date", new.on, before.on if before else case.opened_on, "ngày của bước trước")
        if after is not None and new.on > after.on:
            issues.append(FieldIssue("step_date", "case_date_after", {
                "value": format_vn_date(new.on), "other_label": "ngày của bước sau",
                "other_value": format_vn_date(after.on)}))
        if issues:
            return new, issues
    v = old.vote
    assert v is not None
    given = change.figures_given()
    present, ballots, yes, no = (getattr(change, n) if getattr(change, n) is not None else getattr(v, n)
                                 for n in ("present", "ballots", "yes", "no"))
    invalid = change.invalid if change.invalid is not None else (None if given else v.invalid)
    if (old.level or Level.CELL) == Level.CELL:
        eligible = cell_voters(db, cell_on(db, member, new.on), new.on)
        if change.eligible is not None and change.eligible != eligible:
            return new, [FieldIssue("eligible", "vote_eligible_given", {"value": eligible,
                                                                         "date": format_vn_date(new.on)})]
    else:
        eligible = change.eligible if change.eligible is not None else v.eligible
    figures, issues = vote_issues(eligible, present, ballots, yes, no, invalid)
    if figures is None:
        return new, issues
    passed = passes(vote_rule(_vote_kind(case, old), new.on), figures)
    if passed != old.passed:
        words = {True: "đạt", False: "không đạt"}
        return new, [FieldIssue("yes", "case_vote_outcome_changed", {"new": words[passed], "old": words[bool(old.passed)]})]
    return replace(new, vote=figures, passed=passed), []


def _case_after(case: Case, old: CaseStep, new: CaseStep) -> Case:
    """What the case keeps about the step (the listing date and the twelve months, the helper, the closing date)."""
    if old.step is Step.HELPER and case.of(Step.HELPER)[-1].id == old.id:
        return replace(case, helper_id=new.helper_id)
    if old.step is Step.VOTE and case.kind is CaseKind.HELP and new.on != old.on:
        if old.passed:
            months = rules().on("help_period", new.on)["months"]
            return replace(case, listed_on=new.on, due_on=add_months(new.on, months))
        return replace(case, closed_on=new.on)
    return case


def _same(old: CaseStep, new: CaseStep) -> bool:
    skip = {"id", "corrects_id", "correction_reason", "document_id"}
    return all(getattr(old, f.name) == getattr(new, f.name) for f in fields(CaseStep) if f.name not in skip)


def correct_step(db: Database, actor: Actor, case_id: str, step_id: str, reason: str,
                 change: Correction = Correction(), *, today: date | None = None) -> tuple[str, Changes]:
    """Correct a recorded step of a case: a new step with the corrected values and the reason supersedes it (the old
    one is kept, shown as corrected); the case is not withdrawn. Returns the new step's id."""
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    reason = clean_text(reason)
    issues = [] if reason else [FieldIssue("correction_reason", "correction_needs_reason")]
    issues += length_issues({"correction_reason": reason}, {"correction_reason": NOTES_MAX_LENGTH})
    if change.on is not None and change.on > today:
        issues.append(FieldIssue("step_date", "date_in_future", {"value": format_vn_date(change.on)}))
    if issues:
        raise ValidationError(issues)
    if change.meeting_id and change.on is None:
        change = replace(change, on=case_meetings.meeting_day(db, change.meeting_id))
    with db.atomic():
        case = require_case(db, case_id)
        member = require_member(db, case.member_id)
        if case.state is CaseState.WITHDRAWN:
            raise DomainError("case_correction_withdrawn", name=member.full_name, date=format_vn_date(case.closed_on))
        old = _require_step(case, step_id)
        new = _base(old, change, reason)
        if old.step in VOTES:
            new, issues = _vote(db, case, member, old, new, change)
        else:
            issues = _simple_issues(db, case, member, new)
        if issues:
            raise ValidationError(issues)
        if _same(old, new):
            raise ValidationError([FieldIssue("correct_step", "case_correction_unchanged")])
        cases_repo.insert_step(db, new)
        after = _case_after(case, old, new)
        if after is not case:
            cases_repo.update_case(db, after)
        audit.append(db, actor.name, "case_step_correction", "case", case.id, snapshot(old), snapshot(new))
    return new.id, changes_for(case)
