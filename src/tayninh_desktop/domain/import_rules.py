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
    candidates: tuple[str, ...] = ()   # the members a held row may be (for the user to choose from)


def decide_match(cccd: str, card_number: str, by_cccd: Identity | None, by_card: Identity | None,
                 by_name: list[Identity]) -> MatchDecision:
    """CCCD first, then card number, then name + date of birth; any disagreement is held, never guessed."""
    if by_cccd is not None:
        if by_card is not None and by_card.member_id != by_cccd.member_id:
            return MatchDecision(MatchKind.AMBIGUOUS, code="import_card_conflict", data={
                "name": by_cccd.full_name, "value": card_number, "other_name": by_card.full_name},
                candidates=(by_cccd.member_id, by_card.member_id))
        return MatchDecision(MatchKind.MATCHED, by_cccd.member_id)
    if by_card is not None:
        if cccd and by_card.cccd and by_card.cccd != cccd:
            return _conflict(by_card, "cccd", cccd, by_card.cccd)
        return MatchDecision(MatchKind.MATCHED, by_card.member_id)
    if len(by_name) > 1:
        return MatchDecision(MatchKind.AMBIGUOUS, code="import_several_matches", data={
            "count": len(by_name), "names": ", ".join(f"{m.full_name} ({m.birth:%d/%m/%Y})" for m in by_name)},
            candidates=tuple(m.member_id for m in by_name))
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
        "name": member.full_name, "field": name, "value": value, "other": other}, candidates=(member.member_id,))


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


# The dates of a member's history: changed only by dated events with their document, never by a list.
HISTORY_FIELDS = ("joined_on", "full_member_on")


def identity_disagreement(register: MemberData, row: MemberData) -> tuple[str, ...]:
    """The identity fields (name, birth date) on which a row that matched a member by CCCD or card number
    disagrees with that member. Diacritics and case are not a disagreement; a bare birth year agrees
    with any date of that year."""
    from tayninh_desktop.domain.vn_text import fold

    out = []
    if fold(register.full_name) != fold(row.full_name):
        out.append("full_name")
    if register.birth_year_only or row.birth_year_only:
        same_birth = register.birth_date.year == row.birth_date.year
    else:
        same_birth = register.birth_date == row.birth_date
    if not same_birth:
        out.append("birth_date")
    return tuple(out)


def history_changes(diffs: list[FieldDiff]) -> list[FieldDiff]:
    """The differences of a row that would rewrite the member's history (refused)."""
    return [d for d in diffs if d.field in HISTORY_FIELDS]


class RowStatus(StrEnum):
    """What the import does (or would do) with one member row of the file."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"
    REFUSED = "refused"
    SKIPPED = "skipped"      # held, and the user decided not to import it


# What the user may decide for a held row, besides the id of one of its candidate members.
DECIDE_NEW = "new"
DECIDE_SKIP = "skip"


def possible_duplicates(rows: list[tuple[int, str, date, str, str]]) -> dict[int, tuple[int, ...]]:
    """New rows that may be one person twice: same folded name and birth date, not told apart by identifiers.

    ``rows`` are (row number, folded name, birth, CCCD, card number) of the rows to be added. Rows with
    the same name and birth are different people only when each has a CCCD (or each a card number):
    identical numbers are refused elsewhere. Returns each suspect row with all the rows of its group.
    """
    groups: dict[tuple[str, date], list[tuple[int, str, date, str, str]]] = {}
    for row in rows:
        groups.setdefault((row[1], row[2]), []).append(row)
    out: dict[int, tuple[int, ...]] = {}
    for group in groups.values():
        if len(group) < 2 or all(r[3] for r in group) or all(r[4] for r in group):
            continue
        numbers = tuple(r[0] for r in group)
        out.update({number: numbers for number in numbers})
    return out



def _day(text: str) -> date | None:
    parts = text.strip().split("/")
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])) if len(parts) == 3 else None
    except ValueError:
        return None


def left_the_list(values: dict[str, str]) -> str:
    """The Mẫu 7 column ("died", "left_party", "moved_out") saying a row's member is no longer on the list, or "".

    A transfer out followed by a later transfer in is a member who came back.
    """
    for name in ("died", "left_party"):
        if values.get(name, "").strip():
            return name
    moved_out = values.get("moved_out", "").strip()
    if not moved_out:
        return ""
    out_day, in_day = _day(moved_out), _day(values.get("moved_in", ""))
    return "" if out_day and in_day and in_day > out_day else "moved_out"
