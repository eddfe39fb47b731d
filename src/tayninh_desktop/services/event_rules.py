"""The rules in force on some events of a member's history, checked inside ``register.record_event``.

A leave for working away (its decision, its end under 12 months; abroad its own limit), the return (the
comments brought back), an exit (its ground) and a re-admission (294-QĐ/TW point 3.5). The details are stored
beside the event in the same transaction.
"""

from __future__ import annotations

from tayninh_desktop.domain.away import EventDetails, exit_ground_issues, leave_issues, readmission_issues
from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, length_issues
from tayninh_desktop.services.party_life import rules
from tayninh_desktop.storage import away_repo
from tayninh_desktop.storage.db import Database


def check(db: Database, event: MemberEvent, history: list[MemberEvent], details: EventDetails) -> None:
    """Raise ValidationError when ``event`` breaks a rule in force (history: the member's earlier events)."""
    issues = length_issues({"cell_proposal": details.cell_proposal, "return_comments": details.return_comments,
                            "comments_by": details.comments_by},
                           {"return_comments": NOTES_MAX_LENGTH})
    if event.kind is EventKind.AWAY:
        issues += leave_issues(event, details, rules())
    elif event.kind is EventKind.READMITTED:
        grounds = {event_id: d.ground for event_id, d in away_repo.details_of(db, event.member_id).items()
                   if d.ground}
        issues += readmission_issues(event, history, grounds, details, rules())
    elif event.kind.is_exit:
        issues += exit_ground_issues(details)
    if issues:
        raise ValidationError(issues)


def store(db: Database, event: MemberEvent, details: EventDetails) -> None:
    """Keep the details that go with ``event``."""
    if event.kind is EventKind.AWAY:
        away_repo.insert_leave(db, event.id, details)
    elif event.kind is EventKind.AWAY_ENDED and (details.return_comments or details.comments_by):
        away_repo.insert_return(db, event.id, details)
    elif event.kind.is_exit and details.ground:
        away_repo.insert_ground(db, event.id, details.ground)
