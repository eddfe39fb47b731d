"""Annual ratings (with the rule they were made under), the quota check, discipline and yearly tasks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import add_months, check_year, format_vn_date, parse_vn_date
from tayninh_desktop.domain.discipline import (
    check_discipline,
    default_until,
    disciplined_in,
    in_force_until,
    level_allowed,
)
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import MemberStatus, Standing
from tayninh_desktop.domain.messages_party_life import DISCIPLINE_LABELS, RATING_LABELS
from tayninh_desktop.domain.party_life import (
    DisciplineForm,
    DisciplineRecord,
    DisciplineTrack,
    NotRatedReason,
    Rating,
    RatingLevel,
    TaskAssignment,
    check_rating,
    quota_broken,
)
from tayninh_desktop.domain.rules import Rule
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, before_joining_issue, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.storage import audit, meetings_repo, ratings_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class QuotaCheck:
    year: int
    excellent: int
    good: int
    limit_share: float
    broken: bool
    basis: str


def rating_rule(year: int) -> Rule:
    """The rating rule a year is rated under (the one in force on 31 December of that year)."""
    check_year(year)
    return rules().on("rating_rule", date(year, 12, 31))


def suggested_not_rated(db: Database, member_id: str, year: int) -> NotRatedReason | None:
    """Exempted on 31/12, or in the Party fewer months than the rule asks: not rated."""
    check_year(year)
    member = require_member(db, member_id)
    end = date(year, 12, 31)
    if add_months(member.joined_on, rating_rule(year)["min_months_in_party"]) > end:
        return NotRatedReason.ADMITTED_LATE
    if ratings_repo.status_on(db, member_id, end) == MemberStatus.EXEMPTED.value:
        return NotRatedReason.EXEMPTED
    return None


def _rating_issues(db: Database, member_id: str, year: int, level: str, score: int | None,
                   not_rated_reason: str | None, today: date, *,
                   correcting: bool = False) -> tuple[list[FieldIssue], Rating | None]:
    """Check one rating against the register and the rule of its year; the rating to write if all is well
    (``correcting``: the year's rating is being corrected, so its existence is no refusal)."""
    try:
        level_value = RatingLevel(level)
    except ValueError:
        return [FieldIssue("level", "bad_choice", {"value": level})], None
    reason = NotRatedReason(not_rated_reason) if not_rated_reason else None
    issues: list[FieldIssue] = []
    if date(year, 12, 1) > today:
        issues.append(FieldIssue("year", "rating_year_not_over", {"year": year}))
    rule = rating_rule(year)
    issues += check_rating(rule, level_value, score, reason)
    member = require_member(db, member_id)
    existing = None if correcting else ratings_repo.rating_for(db, member_id, year)
    if existing:
        issues.insert(0, FieldIssue("year", "rating_exists", {
            "name": member.full_name, "year": year, "level": RATING_LABELS[existing.level.value]}))
    if member.joined_on > date(year, 12, 31):
        issues.append(FieldIssue("year", "rating_not_member", {"name": member.full_name, "year": year}))
    if ratings_repo.status_on(db, member_id, date(year, 12, 31)) == MemberStatus.TEMP_IN.value:
        issues.append(FieldIssue("year", "rating_temporary_member", {"name": member.full_name, "year": year}))
    issues += _discipline_cap(db, member, year, level_value, rule)
    return issues, Rating(new_id(), member_id, year, level_value, score, rule.doc_number, reason)


def _discipline_cap(db: Database, member, year: int, level: RatingLevel, rule: Rule) -> list[FieldIssue]:
    """A member disciplined in the year cannot be rated above the rule's ceiling (không hoàn thành nhiệm vụ)."""
    ceiling = rule.get("disciplined_max_level")
    record = disciplined_in(ratings_repo.discipline_of(db, member.id), year) if ceiling else None
    if record is None or level_allowed(level, ceiling):
        return []
    return [FieldIssue("level", "rating_above_discipline", {
        "name": member.full_name, "year": year, "form": DISCIPLINE_LABELS.get(record.form.value, record.form.value),
        "decided": format_vn_date(record.decided_on), "ceiling": RATING_LABELS[ceiling],
        "basis": rule.citation_marked})]


def rate_member(db: Database, actor: Actor, member_id: str, year: int, level: str, *, score: int | None = None,
                not_rated_reason: str | None = None, notes: str = "", today: date | None = None) -> tuple[str, Changes]:
    """Record a member's rating for a year under the rule in force; refused when the year is already rated,
    not yet reviewable, or the score does not support the level."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    check_year(year)
    with db.atomic():
        issues, rating = _rating_issues(db, member_id, year, level, score, not_rated_reason, today)
        if issues:
            raise ValidationError(issues)
        assert rating is not None
        rating = replace(rating, notes=nfc(notes))
        ratings_repo.insert_rating(db, rating)
        audit.append(db, actor.name, "rate_member", "member", member_id, None, _rating_snapshot(rating))
    return rating.id, Changes(party_life=True, member_ids=(member_id,))


def rate_members(db: Database, actor: Actor, year: int, entries: dict[str, tuple[str, int | None, str | None]], *,
                 today: date | None = None) -> Changes:
    """Record several members' ratings for a year in one action (a cell's review): all or nothing."""
    actor.require(Permission.EDIT_REGISTER)
    for member_id in entries:
        scope.require_member(db, member_id, actor)
    check_year(year)
    today = today_or(today)
    with db.atomic():
        ratings: list[Rating] = []
        issues: list[FieldIssue] = []
        for member_id, (level, score, reason) in entries.items():
            found, rating = _rating_issues(db, member_id, year, level, score, reason, today)
            issues += found
            if rating is not None:
                ratings.append(rating)
        if issues:
            raise ValidationError(issues)
        for rating in ratings:
            ratings_repo.insert_rating(db, rating)
        audit.append(db, actor.name, "rate_members", "ratings", str(year), None,
                     {"year": year, "ratings": [_rating_snapshot(r) for r in ratings]})
    return Changes(party_life=True, member_ids=tuple(entries))


def _rating_snapshot(rating: Rating) -> dict:
    return {k: (v.value if hasattr(v, "value") else v) for k, v in asdict(rating).items()}


@dataclass(frozen=True)
class RatingLine:
    """One member of a cell on 31 December, with the rating recorded (if any) and the suggestion."""

    member_id: str
    full_name: str
    status: str
    rating: Rating | None
    suggested_not_rated: NotRatedReason | None


def rating_sheet(db: Database, cell_id: str, year: int) -> list[RatingLine]:
    """The cell's members at the end of the year, in list order, with their ratings for the year (members here
    only in temporary party life are rated at their official cell and left out)."""
    scope.require_cell(db, cell_id)   # a cell secretary: their cell's sheet only
    check_year(year)
    end = date(year, 12, 31)
    roster = meetings_repo.roster_on(db, cell_id, end)
    recorded = ratings_repo.ratings_for_year(db, [r[0] for r in roster], year)
    lines = []
    for member_id, name, status in roster:
        if status == MemberStatus.TEMP_IN.value:
            continue  # rated at the official cell, not counted here
        suggestion = None if member_id in recorded else suggested_not_rated(db, member_id, year)
        lines.append(RatingLine(member_id, name, status, recorded.get(member_id), suggestion))
    return lines


def quota_check(db: Database, year: int) -> QuotaCheck:
    """HTXS against the configured share of HTT ratings in the committee for the year."""
    check_year(year)
    counts = ratings_repo.level_counts(db, year)
    rule = rules().on("rating_quota", date(year, 12, 31))
    excellent, good = counts.get(RatingLevel.EXCELLENT.value, 0), counts.get(RatingLevel.GOOD.value, 0)
    return QuotaCheck(year, excellent, good, rule["excellent_max_share_of_good"], quota_broken(excellent, good, rule),
                      rule.citation_marked)


def ratings_of(db: Database, member_id: str) -> list[Rating]:
    scope.require_member(db, member_id)
    return ratings_repo.ratings_of(db, member_id)


def ratings_for_cell(db: Database, member_ids: list[str], year: int) -> dict[str, Rating]:
    return ratings_repo.ratings_for_year(db, scope.visible_member_ids(db, member_ids), year)


def record_discipline(db: Database, actor: Actor, member_id: str, form: str, decided_on_text: str, *,
                      announced_on_text: str = "", in_force_until_text: str = "", doc_number: str = "",
                      issuer: str = "", reason: str = "", track: str = DisciplineTrack.PARTY.value,
                      today: date | None = None) -> tuple[str, Changes]:
    """Record a discipline decision. Party discipline: its announcement date (it lapses 12 months later without a
    new violation, expulsion excepted); a probationary member only khiển trách or cảnh cáo. State discipline
    (hạ bậc lương, giáng chức, cách chức…): the period its decision sets (a default term otherwise)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    issues: list[FieldIssue] = []
    form_value = _choice("form", form, DisciplineForm, issues)
    track_value = _choice("track", track, DisciplineTrack, issues)
    decided = _date_field("decided_on", decided_on_text, issues, required=True)
    announced = _date_field("announced_on", announced_on_text, issues)
    until = _date_field("in_force_until", in_force_until_text, issues)
    if decided and decided > today:
        issues.append(FieldIssue("decided_on", "date_in_future", {"value": format_vn_date(decided)}))
    issues += length_issues({"doc_number": nfc(doc_number), "issuer": nfc(issuer), "reason": nfc(reason)},
                            {"reason": NOTES_MAX_LENGTH})
    if issues:
        raise ValidationError(issues)
    record = DisciplineRecord(new_id(), member_id, form_value, decided, until, nfc(doc_number), nfc(issuer),
                              nfc(reason), announced, track_value)
    with db.atomic():
        member = require_member(db, member_id)
        standing = ratings_repo.standing_on(db, member_id, decided)
        found = check_discipline(record, Standing(standing) if standing else None, today, rules())
        late = before_joining_issue("decided_on", decided, member.joined_on, member.full_name)
        if found or late:
            raise ValidationError(([late] if late else []) + found)
        record = replace(record, in_force_until=default_until(record, rules()))
        ratings_repo.insert_discipline(db, record)
        audit.append(db, actor.name, "record_discipline", "member", member_id, None,
                     {"form": form_value.value, "track": track_value.value, "decided_on": decided.isoformat(),
                      "announced_on": announced.isoformat() if announced else None,
                      "in_force_until": record.in_force_until.isoformat() if record.in_force_until else None,
                      "doc_number": record.doc_number})
    return record.id, Changes(party_life=True, member_ids=(member_id,))


def remove_discipline(db: Database, actor: Actor, discipline_id: str, reason: str) -> Changes:
    """Remove a discipline decision recorded by mistake, with the reason (the audit keeps the decision). One that a
    removal case's decision recorded is corrected in that case instead."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_record(db, "discipline", discipline_id, actor)
    reason = nfc(reason or "").strip()
    with db.atomic():
        record = ratings_repo.get_discipline(db, discipline_id)
        if record is None:
            raise DomainError("discipline_not_found", discipline_id=discipline_id)
        member = require_member(db, record.member_id)
        if ratings_repo.discipline_case(db, discipline_id):
            raise DomainError("discipline_from_case", form=DISCIPLINE_LABELS[record.form.value],
                              date=format_vn_date(record.decided_on), name=member.full_name)
        if not reason:
            raise ValidationError([FieldIssue("discipline_remove_reason", "required")])
        ratings_repo.delete_discipline(db, discipline_id)
        audit.append(db, actor.name, "remove_discipline", "member", record.member_id,
                     {"id": record.id, "form": record.form.value, "track": record.track.value,
                      "decided_on": record.decided_on.isoformat(),
                      "announced_on": record.announced_on.isoformat() if record.announced_on else None,
                      "in_force_until": record.in_force_until.isoformat() if record.in_force_until else None,
                      "doc_number": record.doc_number, "issuer": record.issuer, "reason": record.reason},
                     {"reason": reason})
    return Changes(party_life=True, member_ids=(record.member_id,))


def _choice(name: str, value: str, enum: type, issues: list[FieldIssue]):
    try:
        return enum(value)
    except ValueError:
        issues.append(FieldIssue(name, "bad_choice", {"value": value}))
        return None


def discipline_in_force(db: Database, member_id: str) -> dict[str, date | None]:
    """When each of the member's discipline records stops being in force (new violations taken into account)."""
    return in_force_until(ratings_repo.discipline_of(db, member_id))


def _date_field(name: str, text: str, issues: list[FieldIssue], required: bool = False) -> date | None:
    if not (text or "").strip():
        if required:
            issues.append(FieldIssue(name, "required"))
        return None
    try:
        return parse_vn_date(text)
    except ValueError:
        issues.append(FieldIssue(name, "bad_date", {"value": text}))
        return None


def assign_task(db: Database, actor: Actor, member_id: str, year: int, task: str, *, notes: str = "") -> Changes:
    """Record the member's task for the year (phân công nhiệm vụ); one assignment per member and year."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    if not nfc(task):
        raise ValidationError([FieldIssue("task", "required")])
    with db.atomic():
        member = require_member(db, member_id)
        if ratings_repo.task_for(db, member_id, year):
            raise ValidationError([FieldIssue("task", "task_exists", {"name": member.full_name, "year": year})])
        assignment = TaskAssignment(new_id(), member_id, year, nfc(task), nfc(notes))
        ratings_repo.insert_task(db, assignment)
        audit.append(db, actor.name, "assign_task", "member", member_id, None, {"year": year, "task": assignment.task})
    return Changes(party_life=True, member_ids=(member_id,))


def correct_task(db: Database, actor: Actor, member_id: str, year: int, task: str, *, notes: str = "") -> Changes:
    """Correct the member's task of the year as recorded (a wrong word, a changed assignment); the audit keeps the
    text before."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    if not nfc(task):
        raise ValidationError([FieldIssue("task", "required")])
    with db.atomic():
        member = require_member(db, member_id)
        found = ratings_repo.task_for(db, member_id, year)
        if found is None:
            raise ValidationError([FieldIssue("task", "task_missing", {"name": member.full_name, "year": year})])
        ratings_repo.update_task(db, member_id, year, nfc(task), nfc(notes))
        audit.append(db, actor.name, "correct_task", "member", member_id,
                     {"year": year, "task": found.task, "notes": found.notes},
                     {"year": year, "task": nfc(task), "notes": nfc(notes)})
    return Changes(party_life=True, member_ids=(member_id,))


def tasks_of(db: Database, member_id: str) -> list[TaskAssignment]:
    """The member's yearly tasks, latest year first."""
    scope.require_member(db, member_id)
    return ratings_repo.tasks_of(db, member_id)


def discipline_of(db: Database, member_id: str) -> list[DisciplineRecord]:
    scope.require_member(db, member_id)
    return ratings_repo.discipline_of(db, member_id)
