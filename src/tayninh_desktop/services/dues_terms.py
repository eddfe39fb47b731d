"""A member's dues category and base (dated), and the exemptions and reductions granted by decision."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dues import (
    DueFigure,
    DuesRelief,
    DuesTerm,
    ReliefKind,
    check_money,
    check_relief,
    compute_due,
    month_start,
    overlapping,
)
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.messages_dues import RELIEF_LABELS
from tayninh_desktop.domain.party_life import month_label, parse_month
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules
from tayninh_desktop.storage import audit, dues_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class MemberDues:
    """A member's dues terms and reliefs, and what ``month`` computes to."""

    terms: list[DuesTerm]
    reliefs: list[DuesRelief]
    month: str
    figure: DueFigure


def categories(month_text: str) -> list[tuple[str, str, bool]]:
    """The categories of the rule in force in a month: (code, label, unconfirmed)."""
    day = month_start(parse_month(month_text, "from_month"))
    return [(code, r["label"], r.unconfirmed) for code, r in sorted(rules().keyed("dues_category", day).items())]


def set_dues_term(db: Database, actor: Actor, member_id: str, from_month_text: str, category: str,
                  base: int | None = None, *, notes: str = "") -> Changes:
    """Record that from a month on the member pays as ``category`` on ``base`` (a salary or pension, in đồng).

    Refused: an unknown category for the rule of that month, a rate category without its base, an absurd base,
    a second term starting the same month."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    from_month = parse_month(from_month_text, "from_month")
    category_rule = rules().find("dues_category", month_start(from_month), key=category)
    issues: list[FieldIssue] = []
    if category_rule is None:
        issues.append(FieldIssue("category", "dues_unknown_category", {"value": category,
                                                                        "month": month_label(from_month)}))
    elif category_rule.get("rate_permille") and base is None:
        issues.append(FieldIssue("base", "dues_term_needs_base", {"category": category_rule["label"],
                                                                  "base_label": category_rule.get("base_label", "")}))
    money = check_money("base", base)
    issues += [money] if money else []
    issues += length_issues({"notes": nfc(notes)}, {"notes": NOTES_MAX_LENGTH})
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        member = require_member(db, member_id)
        if any(t.from_month == from_month for t in dues_repo.terms_of(db, [member_id]).get(member_id, [])):
            raise ValidationError([FieldIssue("from_month", "dues_term_exists", {
                "name": member.full_name, "month": month_label(from_month)})])
        term = DuesTerm(new_id(), member_id, from_month, category, base, nfc(notes))
        dues_repo.insert_term(db, term)
        audit.append(db, actor.name, "set_dues_term", "member", member_id, None, asdict(term))
    return Changes(party_life=True, member_ids=(member_id,))


def grant_relief(db: Database, actor: Actor, member_id: str, kind: str, first_month_text: str,
                 last_month_text: str = "", *, percent: int = 0, ground: str = "", decision_number: str = "",
                 decision_date: date | None = None, issuer: str = "", reason: str = "") -> tuple[str, Changes]:
    """Record an exemption (by category, on application) or a reduction (30/50/70 %, at most 12 months, by
    decision) under the rule in force in its first month; refused when it breaks that rule or overlaps another."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    try:
        kind_value = ReliefKind(kind)
    except ValueError:
        raise ValidationError([FieldIssue("relief_kind", "bad_choice", {"value": kind})]) from None
    try:
        percent = int(percent or 0)
    except (TypeError, ValueError):
        raise ValidationError([FieldIssue("percent", "bad_number", {"value": percent, "low": 1, "high": 99})]) from None
    first = parse_month(first_month_text, "first_month")
    last = parse_month(last_month_text, "last_month") if (last_month_text or "").strip() else None
    relief = DuesRelief(new_id(), member_id, kind_value, first, last, int(percent or 0), ground,
                        nfc(decision_number), decision_date, nfc(issuer), nfc(reason))
    rule = rules().on("dues_rule", month_start(first))
    issues = check_relief(relief, rule) + length_issues({"reason": relief.reason}, {"reason": NOTES_MAX_LENGTH})
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        member = require_member(db, member_id)
        other = overlapping(relief, dues_repo.reliefs_of(db, [member_id]).get(member_id, []))
        if other is not None:
            raise ValidationError([FieldIssue("first_month", "dues_relief_overlap", {
                "name": member.full_name, "other": RELIEF_LABELS[other.kind.value].lower(),
                "first": month_label(other.first_month), "number": other.decision_number or "không số"})])
        dues_repo.insert_relief(db, relief)
        audit.append(db, actor.name, "grant_dues_relief", "member", member_id, None,
                     {**asdict(relief), "kind": kind_value.value, "decision_date": str(decision_date or "")})
    return relief.id, Changes(party_life=True, member_ids=(member_id,))


def remove_relief(db: Database, actor: Actor, relief_id: str, reason: str) -> Changes:
    """Remove an exemption or reduction recorded by mistake, with the reason (the months already recorded keep their
    amounts; the months not yet recorded compute without it). The audit keeps the decision removed."""
    actor.require(Permission.EDIT_REGISTER)
    reason = nfc(reason or "").strip()
    with db.atomic():
        relief = dues_repo.get_relief(db, relief_id)
        if relief is None:
            raise DomainError("dues_relief_not_found", relief_id=relief_id)
        scope.require_member(db, relief.member_id, actor)
        if not reason:
            raise ValidationError([FieldIssue("remove_reason", "required")])
        dues_repo.delete_relief(db, relief_id)
        audit.append(db, actor.name, "remove_dues_relief", "member", relief.member_id,
                     {**asdict(relief), "kind": relief.kind.value,
                      "decision_date": str(relief.decision_date or "")}, {"reason": reason})
    return Changes(party_life=True, member_ids=(relief.member_id,))


def member_reliefs(db: Database, member_id: str) -> list[DuesRelief]:
    """The member's exemptions and reductions, oldest first."""
    scope.require_member(db, member_id)
    require_member(db, member_id)
    return dues_repo.reliefs_of(db, [member_id]).get(member_id, [])


def member_dues_terms(db: Database, member_id: str, month_text: str) -> MemberDues:
    """The member's terms and reliefs, and the amount ``month`` computes to under the rule in force."""
    month = parse_month(month_text)
    require_member(db, member_id)
    terms = dues_repo.terms_of(db, [member_id]).get(member_id, [])
    reliefs = dues_repo.reliefs_of(db, [member_id]).get(member_id, [])
    return MemberDues(terms, reliefs, month, compute_due(month, terms, reliefs, rules()))
