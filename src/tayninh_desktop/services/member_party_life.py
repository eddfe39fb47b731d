"""One member's party life on a page (the member dialog's "Sinh hoạt đảng" tab): read only.

The year's attendance and dues (counts and months), ratings by year, discipline with the period in force,
task assignments, transfer letters with their deadline and outcome, and — for a member working away —
where, how to reach him, the arrangement and its end, and the contacts. The actions are the existing
ones of ``meetings``, ``dues``, ``ratings`` and ``transfers``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.month_strip import YearStrip, year_strip
from tayninh_desktop.domain.party_life import (
    AttendanceState,
    AwayContact,
    DisciplineRecord,
    DuesEntry,
    DuesState,
    Rating,
    TaskAssignment,
    TransferLetter,
)
from tayninh_desktop.services import dues, meetings, ratings, register, transfers
from tayninh_desktop.storage import away_repo, ratings_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class YearTally:
    """Counts per state in a year, and the months ("YYYY-MM") of each state."""

    counts: dict[str, int] = field(default_factory=dict)
    months: dict[str, list[str]] = field(default_factory=dict)

    def count(self, state: str) -> int:
        return self.counts.get(state, 0)


@dataclass(frozen=True)
class AwayStint:
    """The member's current (or last) time away: where, since, until, the arrangement agreed; the latest leave's
    request and the cell's proposal, abroad or not; the comments brought back on return."""

    place: str
    since: date
    until: date | None
    arrangement: str
    ongoing: bool
    details: EventDetails = field(default_factory=EventDetails)
    return_details: EventDetails = field(default_factory=EventDetails)


@dataclass(frozen=True)
class MemberPartyLife:
    member_id: str
    full_name: str
    status: MemberStatus
    phone: str
    year: int
    attendance: YearTally
    dues: YearTally
    dues_paid: int
    arrears: list[DuesEntry]
    ratings: list[Rating]
    discipline: list[DisciplineRecord]
    discipline_until: dict[str, date | None]
    tasks: list[TaskAssignment]
    letters: list[TransferLetter]
    away: AwayStint | None
    contacts: list[AwayContact]
    strip: YearStrip | None = None      # the year month by month: meetings and dues

    @property
    def last_contact(self) -> date | None:
        return max((c.contacted_on for c in self.contacts), default=None)


def _tally(pairs: list[tuple[str, str]]) -> YearTally:
    counts: dict[str, int] = {}
    months: dict[str, list[str]] = {}
    for state, month in pairs:
        counts[state] = counts.get(state, 0) + 1
        if month not in months.setdefault(state, []):
            months[state].append(month)
    return YearTally(counts, months)


def _away(events: list[MemberEvent], details: dict[str, EventDetails]) -> AwayStint | None:
    """The latest stint away, with its extensions (a later AWAY event before it ended moves the end date)."""
    stint: AwayStint | None = None
    for event in events:
        if event.kind is EventKind.AWAY:
            arrangement = " ".join(p for p in (event.doc_number, event.notes) if p)
            leave = details.get(event.id, EventDetails())
            if stint and stint.ongoing:
                stint = AwayStint(event.place or stint.place, stint.since, event.end_date,
                                  arrangement or stint.arrangement, True, leave)
            else:
                stint = AwayStint(event.place, event.event_date, event.end_date, arrangement, True, leave)
        elif event.kind is EventKind.AWAY_ENDED and stint:
            stint = AwayStint(stint.place, stint.since, event.event_date, stint.arrangement, False, stint.details,
                              details.get(event.id, EventDetails()))
    return stint


def member_party_life(db: Database, member_id: str, year: int, *, today: date | None = None) -> MemberPartyLife:
    """Everything the member's party-life tab shows, for ``year`` where it is by year."""
    member = register.get_member(db, member_id)
    attended = meetings.member_attendance(db, member_id, year)
    attendance = _tally([(a.state.value, m.meeting_date.strftime("%Y-%m")) for m, a in attended])
    entries = [e for e in dues.member_dues(db, member_id) if e.month.startswith(f"{year}-")]
    away = _away(register.history(db, member_id), away_repo.details_of(db, member_id))
    return MemberPartyLife(
        member_id, member.full_name, member.status, member.phone, year, attendance,
        _tally([(e.state.value, e.month) for e in entries]), paid_amount(entries), dues.arrears(db, member_id),
        sorted(ratings.ratings_of(db, member_id), key=lambda r: -r.year), ratings.discipline_of(db, member_id),
        ratings.discipline_in_force(db, member_id), ratings_repo.tasks_of(db, member_id), transfers.letters_of(db, member_id), away,
        transfers.contacts_of(db, member_id) if away else [],
        year_strip(year, [(m.meeting_date, a.state.value) for m, a in attended], [(e.month, e.state.value) for e in entries],
                   today or date.today()))


def required_meetings(tally: YearTally) -> int:
    """Meetings the member had to attend (all but those he was excused from by his status)."""
    return sum(tally.counts.values()) - tally.count(AttendanceState.NOT_REQUIRED.value)


def paid_amount(entries: list[DuesEntry]) -> int:
    return sum(e.amount for e in entries if e.state is DuesState.PAID)
