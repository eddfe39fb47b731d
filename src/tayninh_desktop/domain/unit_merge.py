"""Merging the registers of communes merged into one (pure): which members may be the same person.

A member of an incoming register is compared with the members already in the register and with those of the
other registers being merged: the same CCCD, else the same party card number, else the same name (ignoring
diacritics and case) and date of birth. Each match is shown for a person to decide (the same person, or two
people); the first two identify a person, so they cannot be declared two people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tayninh_desktop.domain.vn_text import fold

CCCD, CARD, NAME_BIRTH = "cccd", "card", "name_birth"
STRONG = (CCCD, CARD)          # an identifier: "two different people" is refused
SAME, DIFFERENT = "same", "different"


@dataclass(frozen=True)
class Candidate:
    member: str                # the incoming member's id
    other: str                 # the member it may duplicate
    other_source: str | None   # None: a member already in this register; else another incoming register
    matched_by: str


def _keys(member: Mapping) -> list[tuple[str, str]]:
    keys = []
    if member.get("cccd"):
        keys.append((CCCD, str(member["cccd"])))
    if member.get("card_number"):
        keys.append((CARD, str(member["card_number"])))
    if member.get("full_name") and member.get("birth_date"):
        keys.append((NAME_BIRTH, f"{fold(str(member['full_name']))}|{member['birth_date']}"))
    return keys


def find_duplicates(incoming: Iterable[Mapping], others: Iterable[tuple[str | None, Mapping]]) -> list[Candidate]:
    """One candidate per (incoming member, other member), with the strongest key they share."""
    index: dict[tuple[str, str], list[tuple[str | None, str]]] = {}
    for source, member in others:
        for key in _keys(member):
            index.setdefault(key, []).append((source, str(member["id"])))
    found: dict[tuple[str, str | None, str], str] = {}
    order = (CCCD, CARD, NAME_BIRTH)
    for member in incoming:
        for key in _keys(member):
            for source, other in index.get(key, ()):
                slot = (str(member["id"]), source, other)
                if slot not in found or order.index(key[0]) < order.index(found[slot]):
                    found[slot] = key[0]
    return [Candidate(m, o, s, by) for (m, s, o), by in sorted(found.items(), key=lambda i: i[0][0])]


def free_code(code: str, taken: set[str], prefix: str) -> str:
    """A unit code not yet used: the code itself, else the old commune's code in front of it."""
    if code not in taken:
        return code
    candidate = f"{prefix}-{code}"[:20]
    n = 2
    while candidate in taken:
        candidate = f"{prefix}-{code}"[:17] + f"-{n}"
        n += 1
    return candidate
