"""What the party-life actions share: the cell a fact belongs to, its roster, the rules in force.

The actions themselves live in ``meetings``, ``dues``, ``ratings``, ``transfers`` and ``warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.rules import RuleBook, party_life_rules
from tayninh_desktop.storage import dues_repo, meetings_repo, units_repo
from tayninh_desktop.storage.db import Database


def rules() -> RuleBook:
    """The rule book in force (the shipped rules; overrides would be merged here)."""
    return party_life_rules()


def cell_names(db: Database) -> dict[str, str]:
    """Every cell's current name by id (closed cells included, for history)."""
    return {u.id: u.name for u in units_repo.cells(db, include_closed=True)}


def today_or(today: date | None) -> date:
    return today or date.today()


@dataclass(frozen=True)
class MemberYearCounts:
    """A member's year: meetings by attendance state, dues months by state."""

    member_id: str
    attendance: dict[str, int]
    dues: dict[str, int]

    @property
    def unexcused(self) -> int:
        return self.attendance.get("vang_khong_ly_do", 0)

    @property
    def unpaid(self) -> int:
        return self.dues.get("chua_dong", 0)


def member_year_counts(db: Database, year: int) -> dict[str, MemberYearCounts]:
    """Every member's attendance and dues counts for a year (reports, screening, the benchmark)."""
    attendance = meetings_repo.year_counts(db, year)
    dues = dues_repo.year_counts(db, year)
    return {member_id: MemberYearCounts(member_id, attendance.get(member_id, {}), dues.get(member_id, {}))
            for member_id in attendance.keys() | dues.keys()}
