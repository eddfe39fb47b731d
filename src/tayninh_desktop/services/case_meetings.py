"""Progress notes ("theo dõi, nhận xét") made at a recorded cell meeting (read and checked here; recorded by
``cases.record_step`` and corrected by ``case_corrections``): the meetings a note can be tied to, the checks, and
the notes the minutes of a meeting list.

A listed member's progress is noted at the cell's meetings during the twelve months of help (02-HD/BTCTW); a note
tied to a meeting carries the meeting's date, and the minutes (biên bản họp chi bộ) of that meeting print it.
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.cases import Case, Step
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.messages_cases import AT_MEETING_WORDS, MEETING_ACTIONS
from tayninh_desktop.domain.messages_party_life import MEETING_KIND_LABELS
from tayninh_desktop.domain.party_life import Meeting
from tayninh_desktop.services import scope
from tayninh_desktop.storage import cases_repo, meetings_repo, members_repo, roster_repo
from tayninh_desktop.storage.db import Database

FIELD = "meeting_id"


def require_meeting(db: Database, meeting_id: str) -> Meeting:
    meeting = meetings_repo.get(db, meeting_id) if meeting_id else None
    if meeting is None:
        raise ValidationError([FieldIssue(FIELD, "case_meeting_not_found", {"value": meeting_id})])
    return meeting


def meeting_day(db: Database, meeting_id: str) -> date:
    """The date of a recorded meeting (a note made at it takes that date)."""
    return require_meeting(db, meeting_id).meeting_date


def _period_end(case: Case, today: date) -> date:
    ends = [today] + [d for d in (case.due_on, case.closed_on) if d is not None]
    return min(ends)


def meeting_choices(db: Database, case: Case, today: date) -> list[Meeting]:
    """The recorded meetings of the member's cell during the help period (from the listing vote to the due date,
    not after today), newest first: the meetings a progress note can be tied to."""
    if case.listed_on is None:
        return []
    end = _period_end(case, today)
    cells = {c for c in (case.cell_id, roster_repo.cell_of_on(db, case.member_id, end)) if c}
    found = [m for cell in cells for m in meetings_repo.meetings_of_cell(db, cell, case.listed_on, end)]
    mine = [m for m in found if roster_repo.cell_of_on(db, case.member_id, m.meeting_date) == m.cell_id]
    return sorted(mine, key=lambda m: (m.meeting_date, m.id), reverse=True)


def meeting_label(meeting: Meeting) -> str:
    """"Ngày 05/03/2026 — thường kỳ" (the choice the window offers)."""
    kind = MEETING_KIND_LABELS.get(meeting.kind.value, "").lower()
    return f"Ngày {format_vn_date(meeting.meeting_date)}" + (f" — {kind}" if kind else "")


def meeting_issues(db: Database, case: Case, member: Member, step: Step, meeting_id: str,
                   on: date) -> list[FieldIssue]:
    """What is wrong with tying a step of ``case`` dated ``on`` to the meeting: only a progress note is, at a
    meeting of the member's cell that day, within the help period, on the meeting's date."""
    from tayninh_desktop.services.documents_issuer import name_on

    if step is not Step.PROGRESS:
        return [FieldIssue(FIELD, "case_meeting_not_for_step")]
    meeting = require_meeting(db, meeting_id)
    day = meeting.meeting_date
    issues = []
    member_cell = roster_repo.cell_of_on(db, member.id, day)
    if member_cell != meeting.cell_id:
        issues.append(FieldIssue(FIELD, "case_meeting_other_cell", {
            "date": format_vn_date(day), "cell": name_on(db, meeting.cell_id, day), "name": member.full_name,
            "member_cell": name_on(db, member_cell, day) if member_cell else "không chi bộ nào"}))
    start, end = case.listed_on, case.due_on
    if start is None or day < start or (end is not None and day > end):
        issues.append(FieldIssue(FIELD, "case_meeting_outside_period", {
            "date": format_vn_date(day), "name": member.full_name, "start": format_vn_date(start),
            "end": format_vn_date(end)}))
    if on != day:
        issues.append(FieldIssue("step_date", "case_meeting_date", {"value": format_vn_date(on),
                                                                    "date": format_vn_date(day)}))
    return issues


def at_meeting_words(db: Database, meeting_id: str | None) -> str:
    """"tại kỳ họp chi bộ ngày 05/03/2026" for a step tied to a meeting ("" otherwise, or when it was removed)."""
    meeting = meetings_repo.get(db, meeting_id) if meeting_id else None
    return AT_MEETING_WORDS.format(date=format_vn_date(meeting.meeting_date)) if meeting else ""


def minutes_values(db: Database, cell_id: str, on: date) -> dict:
    """The progress notes recorded at the cell's meetings of ``on`` (the minutes list them); {} when none."""
    scope.require_cell(db, cell_id)
    notes = []
    for meeting in meetings_repo.meetings_of_cell(db, cell_id, on, on):
        for member_id, step in cases_repo.steps_at_meeting(db, meeting.id):
            notes.append((member_id, step))
    if not notes:
        return {}
    cases = {s.case_id: cases_repo.get(db, s.case_id) for _m, s in notes}
    people = {m.id: m.full_name for m in members_repo.get_many(db, [m for m, _s in notes] + [
        c.helper_id for c in cases.values() if c is not None and c.helper_id])}
    rows = []
    for member_id, step in notes:
        helper = cases[step.case_id].helper_id if cases.get(step.case_id) else None
        rows.append({"name": people.get(member_id, ""), "text": step.text.replace("\n", "; "),
                     "helper_text": f" (người giúp đỡ: đồng chí {people[helper]})" if helper in people else ""})
    return {"progress_notes": rows}


def refuse_removing_meeting(db: Database, meeting: Meeting, action: str = "delete") -> None:
    """A meeting removed as entered by mistake (or moved to another day) must not carry a progress note in force
    (the note would lose its meeting, or its date): the notes are named, to be corrected first."""
    notes = cases_repo.steps_at_meeting(db, meeting.id)
    if notes:
        names = {m.id: m.full_name for m in members_repo.get_many(db, [m for m, _s in notes])}
        raise DomainError("meeting_has_case_notes", date=format_vn_date(meeting.meeting_date),
                          names=", ".join(dict.fromkeys(names.get(m, "") for m, _s in notes)),
                          action=MEETING_ACTIONS[action])
