"""Votes and decisions of a case: the cell's secret ballot on the help list, the screening vote after twelve
months, the votes at each level of a removal with their thresholds and the escalation after three failed votes, the
decision of the competent body (taken from the organisation tree on its date) and the member's status event it
writes through ``register.record_event``; an expulsion recorded from the discipline track.

The eligible of a cell's vote are computed from the register on the meeting date (``domain.votes.vote_base``: full
members, those exempted from party activity left out, probationary members without a vote); a committee's or a
standing committee's members are entered (the register does not keep who sits on them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.cases import (
    Case,
    CaseKind,
    CaseState,
    Level,
    Outcome,
    RemovalForm,
    Step,
    VoteFigures,
    date_not_before,
    passes,
    vote_issues,
)
from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.document_rules import vote_rule
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.messages_screening import STEP_LABELS, VOTE_LEVEL_LABELS
from tayninh_desktop.domain.party_life import DisciplineForm, DisciplineTrack
from tayninh_desktop.domain.rules import Rule
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.domain.votes import VoteKind, vote_base
from tayninh_desktop.services import register, scope
from tayninh_desktop.services.cases import (
    cell_on,
    changes_for,
    check_day,
    insert_step,
    new_case,
    require_case,
    require_no_open,
    require_open,
    snapshot,
)
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, cases_repo, ratings_repo, roster_repo, units_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class Authority:
    """Who votes on a removal on a date, and which body decides (its unit and its name that day)."""

    levels: tuple[str, ...]
    decides: str                 # "committee" (the home committee's standing committee) or "superior"
    unit_id: str
    body: str                    # "Ban Thường vụ Đảng ủy xã Hưng Thuận"
    rule: Rule


def authority(db: Database, on: date, *, past_standing: bool = False) -> Authority:
    """The removal authority on ``on`` (resources/rules/screening_procedure.toml): the levels that vote and the body
    that decides, named as the organisation tree names it that day. ``past_standing``: the committee's standing
    committee failed its votes the maximum number of times, so the superior decides."""
    from tayninh_desktop.services import organisation
    from tayninh_desktop.services.documents_issuer import name_on

    rule = rules().on("removal_authority", on)
    home = organisation.require_home(db)
    unit_id = home.id
    if rule["decides"] == "superior" or past_standing:
        version = units_repo.version_on(db, home.id, on)
        unit_id = version.parent_id if version else None
        if not unit_id:
            raise DomainError("deciding_body_missing", date=format_vn_date(on), unit=home.name,
                              basis=rule.citation_marked)
    return Authority(tuple(rule["levels"]), rule["decides"], unit_id, f"Ban Thường vụ {name_on(db, unit_id, on)}",
                     rule)


def cell_voters(db: Database, cell_id: str, on: date) -> int:
    """The base of a cell's vote on ``on``: full members, not exempted from party activity."""
    scope.require_cell(db, cell_id)
    return vote_base(roster_repo.roster_on(db, cell_id, on), on).voters


def _figures(eligible: int, present, ballots, yes, no, invalid) -> VoteFigures:
    figures, issues = vote_issues(eligible, present, ballots, yes, no, invalid)
    if issues:
        raise ValidationError(issues)
    assert figures is not None
    return figures


def _eligible(db: Database, case: Case, level: str, on: date, given: int | None) -> int:
    if level != Level.CELL:
        if given is None:
            raise ValidationError([FieldIssue("eligible", "vote_eligible_needed",
                                              {"level": VOTE_LEVEL_LABELS.get(level, level)})])
        return given
    member = require_member(db, case.member_id)
    computed = cell_voters(db, cell_on(db, member, on), on)
    if given is not None and given != computed:
        raise ValidationError([FieldIssue("eligible", "vote_eligible_given",
                                          {"value": computed, "date": format_vn_date(on)})])
    return computed


def _level_issues(case: Case, level: str, on: date, auth: Authority) -> list[FieldIssue]:
    """A removal vote at ``level``: a level of the procedure that day, its turn (the previous level passed or
    escalated), not passed already, not exhausted by failed votes; its prerequisites (the self-review, the letter)."""
    name = VOTE_LEVEL_LABELS.get(level, level)
    if level not in auth.levels:
        return [FieldIssue("vote_level", "vote_level_not_in_use", {"level": name, "date": format_vn_date(on),
                                                                   "basis": auth.rule.citation_marked})]
    index = auth.levels.index(level)
    for previous in auth.levels[:index]:
        if not case.level_cleared(previous):
            return [FieldIssue("vote_level", "vote_level_not_due", {
                "level": name, "previous": VOTE_LEVEL_LABELS.get(previous, previous)})]
    passed = next((s for s in case.votes(level) if s.passed), None)
    if passed is not None:
        return [FieldIssue("vote_level", "vote_level_done", {"level": name, "date": format_vn_date(passed.on)})]
    escalation = rules().on("vote_escalation", on)
    if case.failed_votes(level) >= escalation["max_failed_votes"]:
        return [FieldIssue("vote_level", "vote_level_exhausted", {"level": name, "count": case.failed_votes(level),
                                                                  "basis": escalation.citation_marked})]
    if level == Level.CELL:
        return _cell_prerequisites(case, on)
    return []


def _cell_prerequisites(case: Case, on: date) -> list[FieldIssue]:
    form = case.form
    if form in (RemovalForm.ON_REQUEST, RemovalForm.ABROAD) and not case.of(Step.REQUEST_LETTER):
        return [FieldIssue("vote_level", "case_step_needs", {"step": STEP_LABELS[Step.VOTE.value],
                                                             "needs": STEP_LABELS[Step.REQUEST_LETTER.value]})]
    if form is RemovalForm.STRUCK_OFF:
        rule = rules().on("self_review", on)
        if not case.of(Step.SELF_REVIEW) and len(case.of(Step.SELF_REVIEW_REQUEST)) < rule["max_requests"]:
            needs = (f"{STEP_LABELS[Step.SELF_REVIEW.value].lower()}, hoặc đủ {rule['max_requests']} lần"
                     f" {STEP_LABELS[Step.SELF_REVIEW_REQUEST.value].lower()} ({rule.citation_marked})")
            return [FieldIssue("vote_level", "case_step_needs", {"step": STEP_LABELS[Step.VOTE.value], "needs": needs})]
    return []


def record_vote(db: Database, actor: Actor, case_id: str, on: date | None, *, level: str = Level.CELL,
                present: int | None = None, ballots: int | None = None, yes: int | None = None,
                no: int | None = None, invalid: int | None = None, eligible: int | None = None,
                doc_number: str = "", doc_date: date | None = None,
                today: date | None = None) -> tuple[bool, Changes]:
    """Record a counted vote of a case: the cell's ballot on the help list, or a removal vote at its level. Returns
    whether it passed. A help-list vote that fails closes the case; a level's third failed vote escalates it."""
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    on = check_day("step_date", on, today)
    with db.atomic():
        case = require_case(db, case_id)
        member = require_open(db, case)
        if case.kind is CaseKind.HELP:
            return _help_vote(db, actor, case, member, on, present, ballots, yes, no, invalid, eligible, doc_number,
                              doc_date)
        auth = authority(db, on)
        issues = _level_issues(case, level, on, auth)
        issues += date_not_before("step_date", on, max([case.opened_on, *(s.on for s in case.steps)]),
                                  "ngày của bước trước")
        if issues:
            raise ValidationError(issues)
        figures = _figures(_eligible(db, case, level, on, eligible), present, ballots, yes, no, invalid)
        passed = passes(vote_rule(Level(level).vote_kind, on), figures)
        record = insert_step(db, case, Step.VOTE, on, level=level, vote=figures, passed=passed,
                             doc_number=nfc(doc_number).strip(), doc_date=doc_date)
        escalation = rules().on("vote_escalation", on)
        if not passed and case.failed_votes(level) + 1 >= escalation["max_failed_votes"]:
            insert_step(db, case, Step.ESCALATED, on, level=level, text=escalation.citation_marked)
        audit.append(db, actor.name, "case_vote", "case", case.id, None, snapshot(record))
    return passed, changes_for(case)


def _help_vote(db, actor, case: Case, member, on: date, present, ballots, yes, no, invalid, eligible, doc_number,
               doc_date) -> tuple[bool, object]:
    if case.listed:
        raise ValidationError([FieldIssue("step_date", "help_already_listed", {
            "name": member.full_name, "date": format_vn_date(case.listed_on)})])
    for step in (Step.PROPOSED, Step.OPINION_LOCAL, Step.OPINION_SUPERIOR):
        if not case.of(step):
            raise ValidationError([FieldIssue("step_date", "case_step_needs", {
                "step": STEP_LABELS[Step.VOTE.value], "needs": STEP_LABELS[step.value]})])
    issues = date_not_before("step_date", on, max(s.on for s in case.steps), "ngày của bước trước")
    if issues:
        raise ValidationError(issues)
    figures = _figures(_eligible(db, case, Level.CELL, on, eligible), present, ballots, yes, no, invalid)
    passed = passes(vote_rule(VoteKind.HELP_LIST, on), figures)
    record = insert_step(db, case, Step.VOTE, on, level=Level.CELL, vote=figures, passed=passed,
                         doc_number=nfc(doc_number).strip(), doc_date=doc_date)
    if passed:
        months = rules().on("help_period", on)["months"]
        after = replace(case, listed_on=on, due_on=add_months(on, months))
    else:
        after = replace(case, state=CaseState.CLOSED, outcome=Outcome.NOT_LISTED, closed_on=on)
    cases_repo.update_case(db, after)
    audit.append(db, actor.name, "case_vote", "case", case.id, None, snapshot(record))
    return passed, changes_for(case)


def screening_vote(db: Database, actor: Actor, case_id: str, on: date | None, *, present: int | None = None,
                   ballots: int | None = None, yes: int | None = None, no: int | None = None,
                   invalid: int | None = None, form: str = RemovalForm.STRUCK_OFF, ground: str = "khong_tien_bo",
                   doc_number: str = "", doc_date: date | None = None,
                   today: date | None = None) -> tuple[bool, str | None, Changes]:
    """The cell's screening vote when the twelve months of help end: progressed → off the list (the case closes);
    not → the case closes and a removal case opens in the form that fits. Returns (passed, the removal case id)."""
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    on = check_day("step_date", on, today)
    with db.atomic():
        case = require_case(db, case_id)
        member = require_open(db, case)
        if not case.listed:
            raise DomainError("help_not_listed", name=member.full_name)
        assert case.due_on is not None
        if on < case.due_on:
            months = rules().on("help_period", case.listed_on)["months"]
            raise ValidationError([FieldIssue("step_date", "review_too_early", {
                "value": format_vn_date(on), "months": months, "due": format_vn_date(case.due_on)})])
        figures = _figures(_eligible(db, case, Level.CELL, on, None), present, ballots, yes, no, invalid)
        passed = passes(vote_rule(VoteKind.SCREENING, on), figures)
        if not passed:
            require_no_open(db, member, CaseKind.REMOVAL)
        record = insert_step(db, case, Step.REVIEW_VOTE, on, level=Level.CELL, vote=figures, passed=passed,
                             doc_number=nfc(doc_number).strip(), doc_date=doc_date)
        outcome = Outcome.PROGRESSED if passed else Outcome.NOT_PROGRESSED
        cases_repo.update_case(db, replace(case, state=CaseState.CLOSED, outcome=outcome, closed_on=on))
        removal_id = None
        if not passed:
            evidence = (f"Sàng lọc ngày {format_vn_date(on)}: không được công nhận tiến bộ ({figures.yes}/"
                        f"{figures.eligible} phiếu đồng ý) sau thời gian giáo dục, giúp đỡ từ"
                        f" {format_vn_date(case.listed_on)}.")
            removal = new_case(db, member, CaseKind.REMOVAL, on, form=form, ground=ground, evidence=evidence,
                               origin_id=case.id)
            removal_id = removal.id
        audit.append(db, actor.name, "case_screening_vote", "case", case.id, None,
                     {**snapshot(record), "removal_case": removal_id})
    return passed, removal_id, changes_for(case)


def _decision_issues(case: Case, on: date, auth: Authority) -> tuple[list[FieldIssue], bool]:
    """What a decision needs: every level that votes before it cleared; the member's letter for a removal on
    request. Returns (issues, whether the superior decides because the standing committee's votes failed)."""
    escalation = rules().on("vote_escalation", on)
    needed = [lv for lv in auth.levels if auth.decides == "committee" or lv != Level.STANDING]
    for level in needed:
        if not case.level_cleared(level):
            hint = f" (hoặc chưa đủ {escalation['max_failed_votes']} lần biểu quyết không đạt để báo cáo cấp trên)"
            raise DomainError("decision_needs_levels", level=VOTE_LEVEL_LABELS.get(level, level), escalation=hint)
    past_standing = auth.decides == "committee" and Level.STANDING in auth.levels and not any(
        s.passed for s in case.votes(Level.STANDING))
    last = max((s for s in case.steps if s.step is Step.VOTE), key=lambda s: s.on, default=None)
    issues = []
    if last is not None and on < last.on:
        issues.append(FieldIssue("decision_date", "decision_before_vote", {
            "value": format_vn_date(on), "vote": format_vn_date(last.on),
            "level": VOTE_LEVEL_LABELS.get(last.level, last.level)}))
    return issues, past_standing


def _printed_number(db: Database, case: Case, number: str, doc_date: date | None) -> tuple[str, date | None]:
    """The decision's number: as typed, else the quyết định the program printed for the case (its number, date)."""
    if number:
        return number, doc_date
    from tayninh_desktop.services.screening_papers import issued_decision

    paper = issued_decision(db, case)
    if paper is None:
        raise ValidationError([FieldIssue("decision_number", "required")])
    return paper.symbol, paper.issued_on


def decide(db: Database, actor: Actor, case_id: str, on: date | None, *, number: str = "", doc_date: date | None = None,
           removed: bool = True, card_recovered_on: date | None = None, notes: str = "",
           today: date | None = None) -> Changes:
    """Record the decision of the competent body (number, date; the body from the organisation tree on that date)
    and, when it removes the member, the member's status event written by it; the card's recovery with it. Without a
    number, the quyết định the program printed for the case gives it (its number and date)."""
    actor.require(Permission.EDIT_REGISTER)
    today = today_or(today)
    on = check_day("decision_date", on, today)
    if card_recovered_on is not None:
        issues = date_not_before("card_recovered_on", card_recovered_on, on, "ngày quyết định")
        if card_recovered_on > today:
            issues.append(FieldIssue("card_recovered_on", "date_in_future", {"value": format_vn_date(card_recovered_on)}))
        if issues:
            raise ValidationError(issues)
    with db.atomic():
        case = require_case(db, case_id)
        member = require_open(db, case)
        _require_removal(case)
        issues, past_standing = _decision_issues(case, on, authority(db, on))
        if issues:
            raise ValidationError(issues)
        number, doc_date = _printed_number(db, case, nfc(number).strip(), doc_date)
        body = authority(db, on, past_standing=past_standing).body
        event_id = None
        if removed:
            event_id, _ = register.record_event(
                db, actor, member.id, case.form.event_kind, on, doc_number=number, doc_date=doc_date or on,
                doc_issuer=body, notes=nfc(notes), details=EventDetails(ground=case.ground), today=today)
        record = insert_step(db, case, Step.DECISION, on, doc_number=number, doc_date=doc_date or on, doc_issuer=body,
                             passed=removed, text=nfc(notes))
        if card_recovered_on is not None and removed:
            insert_step(db, case, Step.CARD_RECOVERED, card_recovered_on)
        cases_repo.update_case(db, replace(case, state=CaseState.CLOSED, closed_on=on, decision_event_id=event_id,
                                           outcome=Outcome.REMOVED if removed else Outcome.NOT_REMOVED))
        audit.append(db, actor.name, "case_decision", "case", case.id, None, {**snapshot(record), "event_id": event_id})
    return changes_for(case, members=removed, history=removed, party_life=removed)


def _require_removal(case: Case) -> None:
    """A decision closes a removal case (an expulsion is recorded from its discipline decision); one on request or
    for settlement abroad needs the member's letter."""
    if case.kind is not CaseKind.REMOVAL or case.form is RemovalForm.EXPELLED:
        raise ValidationError([FieldIssue("removal_form", "case_step_not_for_kind", {
            "step": STEP_LABELS[Step.DECISION.value], "kind": "giáo dục, giúp đỡ"})])
    if case.form in (RemovalForm.ON_REQUEST, RemovalForm.ABROAD) and not case.of(Step.REQUEST_LETTER):
        raise DomainError("decision_needs_request", form=STEP_LABELS[Step.REQUEST_LETTER.value].lower())


def expel(db: Database, actor: Actor, discipline_id: str, *, today: date | None = None) -> tuple[str, Changes]:
    """Record an expulsion from the discipline track: a removal case in the form khai trừ, decided by the
    discipline decision already recorded, writing the member's status event."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_record(db, "discipline", discipline_id, actor)
    today = today_or(today)
    with db.atomic():
        record = ratings_repo.get_discipline(db, discipline_id) if discipline_id else None
        if record is None:
            raise ValidationError([FieldIssue("discipline_id", "case_discipline_not_found",
                                              {"value": discipline_id})])
        if record.form is not DisciplineForm.EXPULSION or record.track is not DisciplineTrack.PARTY:
            raise ValidationError([FieldIssue("discipline_id", "case_discipline_not_expulsion")])
        member = require_member(db, record.member_id)
        require_no_open(db, member, CaseKind.REMOVAL)
        on = record.decided_on
        case = Case(new_id(), member.id, CaseKind.REMOVAL, on, cell_id=cell_on(db, member, on),
                    form=RemovalForm.EXPELLED, ground="khac", evidence=nfc(record.reason), discipline_id=record.id)
        cases_repo.insert_case(db, case)
        insert_step(db, case, Step.OPENED, on, text=nfc(record.reason))
        event_id, _ = register.record_event(db, actor, member.id, RemovalForm.EXPELLED.event_kind, on,
                                            doc_number=record.doc_number, doc_date=on, doc_issuer=record.issuer,
                                            notes=nfc(record.reason), details=EventDetails(ground="khac"),
                                            today=today)
        insert_step(db, case, Step.DECISION, on, doc_number=record.doc_number, doc_date=on,
                    doc_issuer=record.issuer, passed=True)
        cases_repo.update_case(db, replace(case, state=CaseState.CLOSED, outcome=Outcome.REMOVED, closed_on=on,
                                           decision_event_id=event_id))
        audit.append(db, actor.name, "case_expulsion", "case", case.id, None,
                     {"discipline_id": record.id, "event_id": event_id})
    return case.id, changes_for(case, members=True, history=True, party_life=True)
