"""The support policy presented at a cell meeting, as an item of the meeting's agenda.

Saving a meeting with the item marks every member present as told on the meeting's day (one record per
member, tied to the meeting); members absent that day are listed to be told in person, until someone
records that they were. Correcting the meeting's attendance corrects the records; taking the item off (or
deleting the meeting) removes them. The meeting and its item are saved in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import Outreach
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.party_life import AttendanceState, Meeting
from tayninh_desktop.services import meetings, scope, support_reference
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.storage import audit, members_repo, support_repo
from tayninh_desktop.storage.db import Database

HOW = "Phổ biến tại buổi sinh hoạt chi bộ ngày {date} ({plan})"


@dataclass(frozen=True)
class Presentation:
    """A meeting's presentation of the policy: who was told there, who is still to be told in person."""

    meeting_id: str
    meeting_date: date
    plan_code: str
    presented_by: str
    told: tuple[tuple[str, str], ...]          # (member id, name)
    to_tell: tuple[tuple[str, str, str], ...]  # (member id, name, attendance state) absent and not told since


def _present_members(db: Database, meeting: Meeting) -> list[tuple[str, str, AttendanceState]]:
    return [(line.member_id, line.full_name, line.state) for line in meetings.attendance_lines(db, meeting.id)]


def _sync(db: Database, actor: Actor, meeting: Meeting, presented: bool, presented_by: str) -> dict | None:
    """Make the meeting's outreach records follow its attendance (or remove them); the audit's "after"."""
    before = support_repo.presentation(db, meeting.id)
    support_repo.delete_outreach_of_meeting(db, meeting.id)
    if not presented:
        support_repo.delete_presentation(db, meeting.id)
        return None if before is None else {"removed": True}
    plan = support_reference.plan_on(db, meeting.meeting_date, "meeting_date")
    lines = _present_members(db, meeting)
    present = [(mid, name) for mid, name, state in lines if state is AttendanceState.PRESENT]
    if not present:
        raise DomainError("presentation_empty", date=format_vn_date(meeting.meeting_date))
    by = presented_by or meetings_chair(db, meeting) or actor.name
    support_repo.put_presentation(db, meeting.id, plan.code, by)
    how = HOW.format(date=format_vn_date(meeting.meeting_date), plan=plan.code)
    home, stamp = require_home(db).id, audit.now_iso()
    support_repo.insert_outreach_many(db, [support_repo.outreach_values(
        Outreach(member_id=mid, told_on=meeting.meeting_date, how=how, told_by=by, meeting_id=meeting.id,
                 id=new_id()), home, stamp) for mid, _ in present])
    return {"plan": plan.code, "presented_by": by, "told": [mid for mid, _ in present]}


def meetings_chair(db: Database, meeting: Meeting) -> str:
    """The chair's name (party life records it as typed, or in its demo as the member's id)."""
    if len(meeting.chair) == 36 and meeting.chair.count("-") == 4:
        member = members_repo.get(db, meeting.chair)
        return member.full_name if member else ""
    return meeting.chair


def record_meeting(db: Database, actor: Actor, cell_id: str, form: dict[str, str], *, presented: bool,
                   presented_by: str = "", attendance: dict[str, tuple[str, str]] | None = None,
                   scores: dict[str, int] | None = None, meeting_id: str | None = None,
                   today: date | None = None) -> tuple[str, Changes]:
    """Record (or correct) a meeting as ``meetings.record_meeting`` does, with or without the policy
    presentation on its agenda, in one transaction."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, cell_id, actor)
    with db.atomic():
        saved_id, changes = meetings.record_meeting(db, actor, cell_id, form, attendance=attendance, scores=scores,
                                                    meeting_id=meeting_id, today=today)
        meeting = meetings.get_meeting(db, saved_id)
        after = _sync(db, actor, meeting, presented, presented_by)
        if after is not None:
            audit.append(db, actor.name, "support_presentation", "support_presentations", saved_id, None, after)
    return saved_id, changes | Changes(support=presented or after is not None)


def present_at_meeting(db: Database, actor: Actor, meeting_id: str, presented_by: str = "") -> Changes:
    """Add the policy presentation to a meeting already recorded (the command line's ``support present``)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_meeting(db, meeting_id, actor)
    with db.atomic():
        meeting = meetings.get_meeting(db, meeting_id)
        after = _sync(db, actor, meeting, True, presented_by)
        audit.append(db, actor.name, "support_presentation", "support_presentations", meeting_id, None, after)
    return Changes(support=True)


def presentation_of(db: Database, actor: Actor, meeting_id: str) -> Presentation | None:
    """The presentation held at a meeting, with who is still to be told in person (None: not on its agenda)."""
    actor.require(Permission.READ)
    scope.require_meeting(db, meeting_id, actor)
    held = support_repo.presentation(db, meeting_id)
    if held is None:
        return None
    meeting = meetings.get_meeting(db, meeting_id)
    told_here = {o.member_id for o in support_repo.outreach_of_meeting(db, meeting_id)}
    told, to_tell = [], []
    for mid, name, state in _present_members(db, meeting):
        if mid in told_here:
            told.append((mid, name))
        elif state in (AttendanceState.EXCUSED, AttendanceState.UNEXCUSED) and not any(
                o.told_on >= meeting.meeting_date for o in support_repo.outreach_of(db, mid)):
            to_tell.append((mid, name, state.value))
    return Presentation(meeting_id, meeting.meeting_date, held[0], held[1], tuple(told), tuple(to_tell))
