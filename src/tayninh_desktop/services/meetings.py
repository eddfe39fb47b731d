"""Cell meetings: record a meeting with its attendance grid and its quality self-evaluation."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from tayninh_desktop.domain import party_life_forms
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import check_year, format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.party_life import (
    Attendance,
    AttendanceLine,
    AttendanceState,
    Meeting,
    MeetingKind,
    check_scores,
    default_attendance,
    parse_meeting_form,
)
from tayninh_desktop.domain.rules import Rubric, default_rubric, rubric_from_dict, rubric_to_dict
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_cell
from tayninh_desktop.services.party_life import today_or
from tayninh_desktop.storage import audit, meetings_repo, members_repo, settings_repo
from tayninh_desktop.storage.db import Database

RUBRIC_KEY = "meeting_rubric"


def rubric(db: Database) -> Rubric:
    """The meeting rubric in use: the office's edited one, else the shipped default."""
    stored = settings_repo.get(db, RUBRIC_KEY)
    return rubric_from_dict(stored) if stored else default_rubric()


def set_rubric(db: Database, actor: Actor, data: dict) -> Changes:
    """Replace the meeting rubric (criteria with maximum points, levels, legal basis); checked before saving."""
    actor.require(Permission.EDIT_ORGANISATION)
    try:
        new = rubric_from_dict(data)
    except (KeyError, ValueError, TypeError) as exc:
        raise DomainError("rubric_invalid", reason=str(exc)) from exc
    with db.atomic():
        before = settings_repo.get(db, RUBRIC_KEY)
        settings_repo.put(db, RUBRIC_KEY, rubric_to_dict(new))
        audit.append(db, actor.name, "set_rubric", "settings", RUBRIC_KEY, before, rubric_to_dict(new))
    return Changes(settings=True, party_life=True)


def edit_rubric(db: Database, actor: Actor, form: dict) -> Changes:
    """Save the rubric as the office edited it in the window (texts, criteria rows, level rows); every wrong
    field is named (ValidationError) and nothing is saved."""
    actor.require(Permission.EDIT_ORGANISATION)
    data = party_life_forms.rubric(form, rubric(db).code)
    return set_rubric(db, actor, data)


def rubric_form(db: Database) -> dict:
    """The rubric in use, as the editor shows it (dates as dd/mm/yyyy)."""
    current = rubric_to_dict(rubric(db))
    return {"rubric_name": current["name"], "rubric_doc_number": current["doc_number"],
            "rubric_doc_date": format_vn_date(date.fromisoformat(current["doc_date"])),
            "rubric_basis": current["basis"], "criteria": current["criteria"], "levels": current["levels"]}


def roster(db: Database, cell_id: str, on: date) -> list[AttendanceLine]:
    """The attendance grid for a new meeting: everyone in the cell that day, with the default state."""
    scope.require_cell(db, cell_id)
    return [AttendanceLine(mid, name, MemberStatus(status), default_attendance(MemberStatus(status)))
            for mid, name, status in meetings_repo.roster_on(db, cell_id, on)]


def attendance_lines(db: Database, meeting_id: str) -> list[AttendanceLine]:
    """The grid of a recorded meeting (members in list order with their recorded state)."""
    meeting = get_meeting(db, meeting_id)
    recorded = {a.member_id: a for a in meetings_repo.attendance_of(db, meeting_id)}
    lines = []
    for mid, name, status in meetings_repo.roster_on(db, meeting.cell_id, meeting.meeting_date):
        a = recorded.get(mid)
        state = a.state if a else default_attendance(MemberStatus(status))
        lines.append(AttendanceLine(mid, name, MemberStatus(status), state, a.reason if a else ""))
    return lines


def _check_attendance(db: Database, cell, day: date, given: dict[str, tuple[str, str]]) -> list[Attendance]:
    """The full grid from the defaults and the given states; refuses members not in the cell that day."""
    roster_rows = meetings_repo.roster_on(db, cell.id, day)
    if not roster_rows:
        raise ValidationError([FieldIssue("attendance", "cell_empty_on",
                                          {"cell": cell.name, "date": format_vn_date(day)})])
    in_cell = {mid: (name, MemberStatus(status)) for mid, name, status in roster_rows}
    issues: list[FieldIssue] = []
    for member_id in given:
        if member_id not in in_cell:
            member = members_repo.get(db, member_id)
            issues.append(FieldIssue("attendance", "attendance_not_in_cell", {
                "name": member.full_name if member else member_id, "cell": cell.name, "date": format_vn_date(day)}))
    lines = []
    for member_id, (name, status) in in_cell.items():
        raw_state, reason = given.get(member_id, (default_attendance(status).value, ""))
        try:
            state = AttendanceState(raw_state)
        except ValueError:
            issues.append(FieldIssue("attendance", "bad_choice", {"value": raw_state}))
            continue
        lines.append(Attendance(member_id, state, nfc(reason)))
    if issues:
        raise ValidationError(issues)
    return lines


def _quality(rub: Rubric, scores: dict[str, int] | None) -> tuple[int | None, str, tuple]:
    if not scores:
        return None, "", ()
    issues = check_scores(rub, scores)
    if issues:
        raise ValidationError(issues)
    total = sum(scores.values())
    return total, rub.level_for(total).code, tuple(sorted(scores.items()))


def record_meeting(db: Database, actor: Actor, cell_id: str, form: dict[str, str], *,
                   attendance: dict[str, tuple[str, str]] | None = None, scores: dict[str, int] | None = None,
                   meeting_id: str | None = None, today: date | None = None) -> tuple[str, Changes]:
    """Record (or, with ``meeting_id``, correct) a meeting and its whole attendance grid in one action.

    ``attendance`` maps member id → (state, reason); members not given are present (or "miễn" when
    exempted or away). Refused: a date that does not exist or is in the future, a second regular
    meeting in the month, a member who was not in the cell that day, scores outside the rubric.
    """
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, cell_id, actor)
    today = today_or(today)
    data = parse_meeting_form(form, today)
    with db.atomic():
        cell = require_cell(db, cell_id, data.meeting_date, "meeting_date")
        before = meetings_repo.get(db, meeting_id) if meeting_id else None
        if meeting_id and before is None:
            raise DomainError("meeting_not_found", meeting_id=meeting_id)
        if before is not None and before.meeting_date != data.meeting_date:
            from tayninh_desktop.services.case_meetings import refuse_removing_meeting

            refuse_removing_meeting(db, before, "move")   # a progress note made at it keeps its date
        month = data.meeting_date.strftime("%Y-%m")
        if data.kind is MeetingKind.REGULAR:
            other = meetings_repo.regular_in_month(db, cell.id, month, exclude_id=meeting_id)
            if other:
                raise ValidationError([FieldIssue("meeting_date", "meeting_exists", {
                    "cell": cell.name, "month": data.meeting_date.strftime("%m/%Y"),
                    "date": format_vn_date(other.meeting_date)})])
        lines = _check_attendance(db, cell, data.meeting_date, attendance or {})
        missing = [a for a in lines if a.state is AttendanceState.EXCUSED and not a.reason]
        rub = rubric(db)
        total, level, score_items = _quality(rub, scores)
        # Members here only in temporary party life attend but are not counted in the cell's numbers.
        counted = [a for a in lines if a.member_id not in _temporary_members(db, cell.id, data.meeting_date)]
        present = sum(a.state is AttendanceState.PRESENT for a in counted)
        expected = sum(a.state is not AttendanceState.NOT_REQUIRED for a in counted)
        meeting = Meeting(**asdict(data), id=meeting_id or new_id(), cell_id=cell.id, quality_score=total,
                          quality_level=level, rubric_code=rub.code if scores else "", scores=score_items,
                          present=present, expected=expected)
        # What the correction replaces, read before it is written (the audit log keeps both).
        replaced = _snapshot(before, meetings_repo.attendance_of(db, meeting.id)) if before else None
        if before:
            meetings_repo.update_meeting(db, meeting)
        else:
            meetings_repo.insert_meeting(db, meeting)
        meetings_repo.replace_attendance(db, meeting.id, lines)
        audit.append(db, actor.name, "update_meeting" if before else "record_meeting", "meeting", meeting.id,
                     replaced, _snapshot(meeting, lines))
    note = f"{len(missing)} người vắng có lý do chưa ghi lý do" if missing else ""
    return meeting.id, Changes(party_life=True, member_ids=tuple(a.member_id for a in lines), note=note)


def _temporary_members(db: Database, cell_id: str, day: date) -> set[str]:
    return {mid for mid, _name, status in meetings_repo.roster_on(db, cell_id, day)
            if status == MemberStatus.TEMP_IN.value}


def _snapshot(meeting: Meeting | None, lines: list[Attendance]) -> dict | None:
    if meeting is None:
        return None
    data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(meeting).items()}
    data["absent"] = {a.member_id: [a.state.value, a.reason] for a in lines if a.state is not AttendanceState.PRESENT}
    return data


def delete_meeting(db: Database, actor: Actor, meeting_id: str, reason: str) -> Changes:
    """Remove a meeting recorded by mistake, with its attendance and the reason (the audit keeps both)."""
    actor.require(Permission.EDIT_REGISTER)
    from tayninh_desktop.services.case_meetings import refuse_removing_meeting

    reason = nfc(reason or "").strip()
    with db.atomic():
        meeting = get_meeting(db, meeting_id)
        scope.require_cell(db, meeting.cell_id, actor)
        if not reason:
            raise ValidationError([FieldIssue("delete_reason", "required")])
        refuse_removing_meeting(db, meeting)   # a progress note in force made at it is corrected first
        lines = meetings_repo.attendance_of(db, meeting_id)
        meetings_repo.delete_meeting(db, meeting_id)
        audit.append(db, actor.name, "delete_meeting", "meeting", meeting_id, _snapshot(meeting, lines),
                     {"reason": reason})
    return Changes(party_life=True)


def get_meeting(db: Database, meeting_id: str) -> Meeting:
    meeting = meetings_repo.get(db, meeting_id)
    if meeting is None:
        raise DomainError("meeting_not_found", meeting_id=meeting_id)
    scope.require_cell(db, meeting.cell_id)   # a cell secretary: their cell's meetings only
    return meeting


def meetings_of_cell(db: Database, cell_id: str, year: int) -> list[Meeting]:
    """The cell's meetings in a year, newest first."""
    scope.require_cell(db, cell_id)
    check_year(year)
    return meetings_repo.meetings_of_cell(db, cell_id, date(year, 1, 1), date(year, 12, 31))


def member_attendance(db: Database, member_id: str, year: int) -> list[tuple[Meeting, Attendance]]:
    scope.require_member(db, member_id)
    check_year(year)
    return meetings_repo.member_attendance(db, member_id, date(year, 1, 1), date(year, 12, 31))

