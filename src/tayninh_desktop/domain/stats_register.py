"""The register as the statistical forms read it: each member's dated history folded into steps.

The forms count "đảng viên trong danh sách": members whose official party life is with this
committee — present on the register and not merely hosted (sinh hoạt tạm thời, whose list is kept
by their own organisation). Every event becomes a ``Step`` with the member's situation just before
and after it, so a flow (admissions, transfers, removals) counts an event only when it really moved
the member onto or off the list, and a stock (the list on a date) is read from the same fold.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.lifecycle import MemberEvent, MemberState, apply_event, ordered
from tayninh_desktop.domain.members import Standing
from tayninh_desktop.domain.stats_classify import words


class TransferScope(StrEnum):
    """Where an official transfer came from or went to (Biểu 1, B.2 and C.5)."""

    OTHER_PROVINCE = "tinh_khac"
    IN_PROVINCE = "trong_tinh"


# Events that put a member on the list, or take one off it, as Biểu 1 counts them.
ENTRY_KINDS = frozenset({"ket_nap", "ket_nap_lai", "chuyen_den", "phuc_hoi_dang_tich"})
EXIT_KINDS = frozenset({"tu_tran", "khai_tru", "xoa_ten", "ra_khoi_dang", "dinh_cu_nuoc_ngoai", "chuyen_di"})
ADMISSION_KINDS = ("ket_nap", "ket_nap_lai")
TRANSFER_KINDS = frozenset({"chuyen_den", "chuyen_di"})
_PROVINCE_WORDS = (" tinh ", " thanh pho ", " tinh uy ", " thanh uy ", " tp ")


@cache
def transfer_scope(place: str, issuer: str, home_province: str) -> TransferScope | None:
    """The scope a transfer's place or issuing body names, or None when it names no province.

    "xã Phước Chỉ, tỉnh Tây Ninh" is inside the home province; "Thành ủy Hồ Chí Minh" outside; a
    bare "Đảng ủy xã Phước Chỉ" says nothing and is reported so that the office records the scope.
    """
    text = words(f"{place} {issuer}")
    home = words(home_province).strip()
    if home and f" {home} " in text:
        return TransferScope.IN_PROVINCE
    if any(word in text for word in _PROVINCE_WORDS):
        return TransferScope.OTHER_PROVINCE
    return None


class Step(NamedTuple):
    """One event of a member's history with the member's situation around it (a tuple: a register
    has hundreds of thousands of them)."""

    event_id: str
    kind: str
    day: date
    in_list_before: bool
    in_list_after: bool
    probationary_before: bool
    scope: str | None = None       # transfers: explicit, else read from the place; None = unknown


class Phase(NamedTuple):
    """The member's situation from ``start`` (after that day's events) until the next phase."""

    start: date
    in_list: bool
    probationary: bool
    exempted: bool


class FieldChange(NamedTuple):
    """A dated change of one of the member's texts: from ``changed_on`` the field no longer held
    ``old_value`` (the value it holds now is in the member's file, or in the next change)."""

    field: str
    changed_on: date
    old_value: str


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the forms read about a person: the member's file as it is now, and the dated changes of
    occupation, schooling, qualification and political theory (``changes``, in the order they took
    effect) so that a past cut-off reads the value of that day."""

    id: str
    full_name: str
    gender: str                    # "nam" / "nu"
    birth_date: date
    joined_on: date
    full_member_on: date | None = None
    ethnicity: str = ""
    religion: str = ""
    occupation: str = ""
    education_general: str = ""
    education_professional: str = ""
    political_theory: str = ""
    changes: tuple[FieldChange, ...] = ()

    def value_at(self, name: str, day: date) -> str:
        """The text of field ``name`` at the end of ``day``: the value a later change replaced, else today's."""
        for change in self.changes:
            if change.field == name and change.changed_on > day:
                return change.old_value
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class StatMember:
    person: PersonFacts
    steps: tuple[Step, ...]
    phases: tuple[Phase, ...]
    starts: tuple[date, ...] = field(default=(), repr=False)

    @property
    def id(self) -> str:
        return self.person.id

    def phase_at_end_of(self, day: date) -> Phase | None:
        """The situation at the end of ``day`` (None before the member's first event)."""
        index = bisect_right(self.starts, day)
        return self.phases[index - 1] if index else None

    def in_list_at_end_of(self, day: date) -> bool:
        phase = self.phase_at_end_of(day)
        return phase is not None and phase.in_list


def _in_list(state: MemberState) -> bool:
    return state.present and not state.temp_in


def fold_member(person: PersonFacts, events: list[MemberEvent], scopes: Mapping[str, str],
                home_province: str) -> StatMember:
    """The member's steps and phases; raises DomainError when the history cannot be folded."""
    state = MemberState()
    steps: list[Step] = []
    phases: list[Phase] = []
    for event in ordered(events):
        after = apply_event(state, event, person.full_member_on)
        scope = None
        if event.kind.value in TRANSFER_KINDS:
            scope = scopes.get(event.id) or transfer_scope(event.place, event.doc_issuer, home_province)
        steps.append(Step(event.id, event.kind.value, event.event_date, _in_list(state), _in_list(after),
                          state.standing is Standing.PROBATIONARY, scope))
        phase = Phase(event.event_date, _in_list(after), after.standing is Standing.PROBATIONARY, after.exempted)
        if phases and phases[-1].start == event.event_date:
            phases[-1] = phase
        else:
            phases.append(phase)
        state = after
    return StatMember(person, tuple(steps), tuple(phases), tuple(p.start for p in phases))


@dataclass(frozen=True, slots=True)
class Award:
    """A Huy hiệu Đảng (``years`` 30…90) or a party card (the_moi, the_cap_lai, the_doi) given on a day."""

    member_id: str
    kind: str
    day: date
    years: int | None = None


@dataclass(frozen=True, slots=True)
class RatingFact:
    level: str
    reason: str = ""


@dataclass(frozen=True)
class StatRegister:
    """Everything the forms are computed from: plain data, read once, used for every period."""

    members: tuple[StatMember, ...]
    awards: tuple[Award, ...] = ()
    ratings: Mapping[int, Mapping[str, RatingFact]] = field(default_factory=dict)
    unreadable: tuple[tuple[str, str], ...] = ()     # (member name, reason) of histories that do not fold


def build_register(people: list[PersonFacts],
                   events: Mapping[str, list[MemberEvent]] | Iterable[tuple[str, list[MemberEvent]]], *,
                   scopes: Mapping[str, str] | None = None, home_province: str = "",
                   awards: tuple[Award, ...] = (),
                   ratings: Mapping[int, Mapping[str, RatingFact]] | None = None) -> StatRegister:
    """Fold every member's history; a history that cannot be folded is set aside and named.

    ``events`` maps a member to their events, or yields (member, events) one member at a time so a
    large register is folded without holding every event at once.
    """
    by_id = {person.id: person for person in people}
    histories = events.items() if isinstance(events, Mapping) else events
    members: list[StatMember] = []
    unreadable: list[tuple[str, str]] = []
    for member_id, member_events in histories:
        person = by_id.pop(member_id, None)
        if person is None:
            continue
        try:
            members.append(fold_member(person, member_events, scopes or {}, home_province))
        except DomainError as error:
            unreadable.append((person.full_name, error.message))
    members += [fold_member(person, [], {}, home_province) for person in by_id.values()]   # no event yet
    return StatRegister(tuple(members), awards, ratings or {}, tuple(unreadable))
