"""The dated changes of a member's occupation, schooling, qualification and political theory.

The member form keeps today's texts; when one of these four changes, the edit also records the day the
change took effect (today unless the clerk says otherwise), the value it replaced and the new one
(m044), so that a statistical form for a past cut-off counts the value of that day. A correction of a
typing mistake is not a change of the person's situation: it is saved without a dated change.
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import FieldIssue
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import Member, MemberData
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.storage import field_changes_repo
from tayninh_desktop.storage.db import Database
from tayninh_desktop.storage.field_changes_repo import FieldChangeRecord

WORK_FIELDS = ("occupation", "education_general", "education_professional", "political_theory")
EFFECTIVE_FIELD = "changes_effective_on"


def changed_fields(before: MemberData, after: MemberData) -> list[str]:
    """The work fields whose text the edit changes."""
    return [name for name in WORK_FIELDS if getattr(before, name) != getattr(after, name)]


def effective_issues(db: Database, member: Member, fields: list[str], effective_on: date,
                     today: date) -> list[FieldIssue]:
    """Why the changes cannot take effect on ``effective_on`` (nothing when they can)."""
    if not fields:
        return []
    if effective_on > today:
        return [FieldIssue(EFFECTIVE_FIELD, "date_in_future", {"value": format_vn_date(effective_on)})]
    if effective_on < member.birth_date:
        return [FieldIssue(EFFECTIVE_FIELD, "field_change_before_birth",
                           {"value": format_vn_date(effective_on), "birth": format_vn_date(member.birth_date)})]
    for name in fields:
        last = field_changes_repo.last_change_on(db, member.id, name)
        if last is not None and effective_on < last:
            return [FieldIssue(EFFECTIVE_FIELD, "field_change_before_last",
                               {"what": field_label(name), "last": format_vn_date(last),
                                "value": format_vn_date(effective_on)})]
    return []


def record(db: Database, recorded_by: str, member_id: str, before: MemberData, after: MemberData,
           fields: list[str], effective_on: date) -> list[dict]:
    """Write one dated change per changed field (inside the caller's transaction); what the audit keeps."""
    seq = field_changes_repo.next_seq(db, member_id)
    written = []
    for offset, name in enumerate(fields):
        change = FieldChangeRecord(new_id(), member_id, name, effective_on, seq + offset, getattr(before, name),
                                   getattr(after, name), recorded_by)
        field_changes_repo.insert(db, change)
        written.append({"field": name, "on": effective_on.isoformat(), "old": change.old_value,
                        "new": change.new_value})
    return written


def history(db: Database, member_id: str) -> list[FieldChangeRecord]:
    """The member's dated changes of occupation and schooling, in the order they took effect."""
    return field_changes_repo.of_member(db, member_id)
