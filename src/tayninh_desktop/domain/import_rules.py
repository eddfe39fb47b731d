"""Matching the rows of an imported list against the register (pure), and what happens to each row.

CCCD first, then card number, then folded name + date of birth; any disagreement is held for the user,
never guessed. A held row is settled by the user's decision (which existing member it is, a new
member, or skip it), checked here against the row's candidates. Headers are read in
``import_headers``, cell values in ``import_values``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.members import MemberData


class MatchKind(StrEnum):
    NEW = "new"
    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Identity:
    """What identifies a member of the register when matching a row."""

    member_id: str
    full_name: str
    birth: date
    cccd: str
    card_number: str


@dataclass(frozen=True)
class MatchDecision:
    kind: MatchKind
    member_id: str | None = None
    code: str = ""
    data: dict = field(default_factory=dict)


def decide_match(cccd: str, card_number: str, by_cccd: Identity | None, by_card: Identity | None,
                 by_name: list[Identity]) -> MatchDecision:
    """CCCD first, then card number, then name + date of birth; any disagreement is held, never guessed."""
    if by_cccd is not None:
        if by_card is not None and by_card.member_id != by_cccd.member_id:
            return MatchDecision(MatchKind.AMBIGUOUS, code="import_card_conflict", data={
                "name": by_cccd.full_name, "value": card_number, "other_name": by_card.full_name})
        return MatchDecision(MatchKind.MATCHED, by_cccd.member_id)
    if by_card is not None:
        if cccd and by_card.cccd and by_card.cccd != cccd:
            return _conflict(by_card, "cccd", cccd, by_card.cccd)
        return MatchDecision(MatchKind.MATCHED, by_card.member_id)
    if len(by_name) > 1:
        return MatchDecision(MatchKind.AMBIGUOUS, code="import_several_matches", data={
            "count": len(by_name), "names": ", ".join(f"{m.full_name} ({m.birth:%d/%m/%Y})" for m in by_name)})
    if by_name:
        member = by_name[0]
        if cccd and member.cccd and member.cccd != cccd:
            return _conflict(member, "cccd", cccd, member.cccd)
        if card_number and member.card_number and member.card_number != card_number:
            return _conflict(member, "card_number", card_number, member.card_number)
        return MatchDecision(MatchKind.MATCHED, member.member_id)
    return MatchDecision(MatchKind.NEW)


def _conflict(member: Identity, name: str, value: str, other: str) -> MatchDecision:
    return MatchDecision(MatchKind.AMBIGUOUS, code="import_identity_conflict", data={
        "name": member.full_name, "field": name, "value": value, "other": other})


@dataclass(frozen=True)
class FieldDiff:
    field: str
    before: str
    after: str


def merge_data(before: MemberData, row: MemberData, present: set[str]) -> tuple[MemberData, list[FieldDiff]]:
    """The member after applying a row: only fields the file has and fills; empty cells erase nothing."""
    old, new = before.as_form(), row.as_form()
    changes: dict[str, object] = {}
    diffs: list[FieldDiff] = []
    for name in [n for n in old if n in present]:
        if not new.get(name) or old.get(name) == new[name]:
            continue
        diffs.append(FieldDiff(name, old.get(name, ""), new[name]))
        changes[name] = getattr(row, name)
        if name == "birth_date":
            changes["birth_year_only"] = row.birth_year_only
    if not changes:
        return before, []
    values = {f: getattr(before, f) for f in before.__dataclass_fields__}
    values.update(changes)
    return MemberData(**values), diffs


class RowStatus(StrEnum):
    """What the import does (or would do) with one member row of the file."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"
    REFUSED = "refused"

