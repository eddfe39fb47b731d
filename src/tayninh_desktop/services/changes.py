"""What a user action changed, so the window refreshes only the pages concerned (pages never poll)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    organisation: bool = False
    members: bool = False
    history: bool = False
    party_life: bool = False
    documents: bool = False
    settings: bool = False
    support: bool = False      # the support programme: households, loans, outreach, applications, the fund
    screening: bool = False
    member_ids: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            organisation=self.organisation or other.organisation,
            members=self.members or other.members,
            history=self.history or other.history,
            party_life=self.party_life or other.party_life,
            documents=self.documents or other.documents,
            settings=self.settings or other.settings,
            support=self.support or other.support,
            screening=self.screening or other.screening,
            member_ids=self.member_ids + other.member_ids,
            note=self.note or other.note,
        )
