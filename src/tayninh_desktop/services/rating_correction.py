"""Correcting a saved rating: a wrong key or a score typed wrong is put right, never silently overwritten —
the same checks as a new rating, a reason, and the audit log keeps what it replaced."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import check_year
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.party_life import NotRatedReason, RatingLevel
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import today_or
from tayninh_desktop.services.ratings import _rating_issues, _rating_snapshot
from tayninh_desktop.storage import audit, ratings_repo
from tayninh_desktop.storage.db import Database

REASON_LIMIT = 500


def correct_rating(db: Database, actor: Actor, member_id: str, year: int, level: str, *, reason: str,
                   score: int | None = None, not_rated_reason: str | None = None,
                   today: date | None = None) -> Changes:
    """Correct a member's saved rating of ``year`` to ``level`` (and ``score``), giving the reason.

    Refused: no rating saved for the year, no reason, nothing changed, or anything a new rating would be refused
    for (the score does not support the level, discipline in the year caps it, the year is not over…)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    check_year(year)
    today = today_or(today)
    reason = " ".join(nfc(reason or "").split())
    if score is not None and (not isinstance(score, int) or isinstance(score, bool)):
        raise ValidationError([FieldIssue("score", "bad_number", {"value": score, "low": 0, "high": 100})])
    with db.atomic():
        member = require_member(db, member_id)
        existing = ratings_repo.rating_for(db, member_id, year)
        if existing is None:
            raise ValidationError([FieldIssue("year", "rating_not_recorded", {"name": member.full_name,
                                                                              "year": year})])
        issues, checked = _rating_issues(db, member_id, year, level, score, not_rated_reason, today, correcting=True)
        if not reason:
            issues.append(FieldIssue("correction_reason", "required"))
        elif len(reason) > REASON_LIMIT:
            issues.append(FieldIssue("correction_reason", "too_long", {"length": len(reason), "max": REASON_LIMIT}))
        if checked is not None and not issues and (checked.level, checked.score, checked.not_rated_reason) == \
                (existing.level, existing.score, existing.not_rated_reason):
            issues.append(FieldIssue("level", "correction_unchanged", {"name": member.full_name, "year": year}))
        if issues:
            raise ValidationError(issues)
        corrected = replace(existing, level=RatingLevel(level), score=score, rule_code=checked.rule_code,
                            not_rated_reason=NotRatedReason(not_rated_reason) if not_rated_reason else None)
        ratings_repo.update_rating(db, corrected)
        audit.append(db, actor.name, "correct_rating", "member", member_id, _rating_snapshot(existing),
                     {**_rating_snapshot(corrected), "reason": reason})
    return Changes(party_life=True, member_ids=(member_id,))
