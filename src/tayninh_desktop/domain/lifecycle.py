"""A member's history: dated events, and the situation they add up to on any date.

The history is never overwritten. Every change of situation is an event with its document; the
status, the cell and the standing on a date are folded from the events, and the fold also refuses
histories that cannot happen (made a full member twice, moved after being struck off…).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.members import MemberStatus, Standing


class EventKind(StrEnum):
    ADMITTED = "ket_nap"
    FULL_MEMBERSHIP = "chinh_thuc"
    TRANSFER_IN = "chuyen_den"
    TRANSFER_IN_TEMPORARY = "chuyen_den_tam_thoi"
    TRANSFER_OUT = "chuyen_di"
    TRANSFER_OUT_TEMPORARY = "chuyen_di_tam_thoi"
    RETURNED = "tro_ve"
    MOVED_CELL = "chuyen_chi_bo"
    EXEMPTED = "mien_sinh_hoat"
    EXEMPTION_ENDED = "het_mien_sinh_hoat"
    AWAY = "di_lam_an_xa"
    AWAY_ENDED = "het_di_lam_an_xa"
    STRUCK_OFF = "xoa_ten"
    EXPELLED = "khai_tru"
    LEFT_ON_REQUEST = "ra_khoi_dang"
    SETTLED_ABROAD = "dinh_cu_nuoc_ngoai"
    DIED = "tu_tran"
    READMITTED = "ket_nap_lai"
    RESTORED = "phuc_hoi_dang_tich"   # party membership restored (Quy định 117-QĐ/TW, 18/8/2023)

    @property
    def needs_cell(self) -> bool:
        return self in CELL_EVENTS

    @property
    def is_exit(self) -> bool:
        return self in EXIT_STATUS

    @property
    def has_end_date(self) -> bool:
        return self in (EventKind.AWAY, EventKind.TRANSFER_OUT_TEMPORARY, EventKind.TRANSFER_IN_TEMPORARY)


CELL_EVENTS = frozenset({EventKind.ADMITTED, EventKind.TRANSFER_IN, EventKind.TRANSFER_IN_TEMPORARY,
                         EventKind.MOVED_CELL, EventKind.READMITTED, EventKind.RESTORED})
ENTRY_EVENTS = frozenset({EventKind.ADMITTED, EventKind.TRANSFER_IN, EventKind.TRANSFER_IN_TEMPORARY})

EXIT_STATUS = {
    EventKind.TRANSFER_OUT: MemberStatus.TRANSFERRED_OUT,
    EventKind.STRUCK_OFF: MemberStatus.STRUCK_OFF,
    EventKind.EXPELLED: MemberStatus.EXPELLED,
    EventKind.LEFT_ON_REQUEST: MemberStatus.LEFT,
    EventKind.SETTLED_ABROAD: MemberStatus.SETTLED_ABROAD,
    EventKind.DIED: MemberStatus.DIED,
}

# Exits a decision can undo by restoring the membership (phục hồi đảng tịch: expelled or out of the
# Party wrongly, Quy định 117-QĐ/TW ngày 18/8/2023); the member returns with the standing they had.
RESTORABLE = frozenset({MemberStatus.EXPELLED, MemberStatus.STRUCK_OFF, MemberStatus.LEFT})

# Exits after which re-admission can be considered (not death, not a transfer).
READMISSIBLE = frozenset({MemberStatus.STRUCK_OFF, MemberStatus.EXPELLED, MemberStatus.LEFT,
                          MemberStatus.SETTLED_ABROAD})


@dataclass(frozen=True)
class MemberEvent:
    """One dated change in a member's situation, with the document that decided it."""

    id: str
    member_id: str
    kind: EventKind
    event_date: date
    cell_id: str | None = None
    end_date: date | None = None
    place: str = ""
    doc_number: str = ""
    doc_date: date | None = None
    doc_issuer: str = ""
    notes: str = ""
    seq: int = 0


@dataclass(frozen=True)
class MemberState:
    """The situation of a member from one event to the next."""

    present: bool = False
    cell_id: str | None = None
    standing: Standing | None = None
    exempted: bool = False
    away: bool = False
    away_until: date | None = None
    temp_out: bool = False
    temp_in: bool = False
    exit_status: MemberStatus | None = None

    @property
    def status(self) -> MemberStatus | None:
        if not self.present:
            return self.exit_status
        if self.temp_out:
            return MemberStatus.TEMP_OUT
        if self.exempted:
            return MemberStatus.EXEMPTED
        if self.away:
            return MemberStatus.AWAY
        if self.temp_in:
            return MemberStatus.TEMP_IN
        return MemberStatus.FULL if self.standing is Standing.FULL else MemberStatus.PROBATIONARY


@dataclass(frozen=True)
class MemberPeriod:
    """A stretch of time with one situation: [valid_from, valid_to), valid_to None = until now."""

    member_id: str
    valid_from: date
    valid_to: date | None
    state: MemberState


def _refuse(event: MemberEvent, reason: str) -> DomainError:
    from tayninh_desktop.domain.messages import render
    from tayninh_desktop.domain.messages_register import EVENT_LABELS

    return DomainError("event_not_allowed", event=EVENT_LABELS.get(event.kind.value, event.kind.value),
                       value=event.event_date.strftime("%d/%m/%Y"), reason=render(reason), reason_code=reason)


def apply_event(state: MemberState, event: MemberEvent, full_member_on: date | None) -> MemberState:
    """The state after ``event``; raises DomainError when the event cannot follow ``state``."""
    kind = event.kind
    if kind in ENTRY_EVENTS:
        if state.present:
            raise _refuse(event, "event_already_present")
        standing = Standing.PROBATIONARY
        if kind is not EventKind.ADMITTED and full_member_on and full_member_on <= event.event_date:
            standing = Standing.FULL
        return MemberState(present=True, cell_id=event.cell_id, standing=standing,
                           temp_in=kind is EventKind.TRANSFER_IN_TEMPORARY, away_until=event.end_date)
    if kind is EventKind.READMITTED:
        if state.present or state.exit_status not in READMISSIBLE:
            raise _refuse(event, "event_not_removed")
        return MemberState(present=True, cell_id=event.cell_id, standing=Standing.PROBATIONARY)
    if kind is EventKind.RESTORED:
        if state.present or state.exit_status not in RESTORABLE:
            raise _refuse(event, "event_not_restorable")
        return MemberState(present=True, cell_id=event.cell_id, standing=state.standing or Standing.FULL)
    if not state.present:
        raise _refuse(event, "event_not_present")
    if kind.is_exit:
        return MemberState(present=False, exit_status=EXIT_STATUS[kind], standing=state.standing)
    return _apply_change(state, event)


def _apply_change(state: MemberState, event: MemberEvent) -> MemberState:
    kind = event.kind
    if kind is EventKind.FULL_MEMBERSHIP:
        if state.standing is not Standing.PROBATIONARY:
            raise _refuse(event, "event_already_full")
        return replace(state, standing=Standing.FULL)
    if kind is EventKind.MOVED_CELL:
        if event.cell_id == state.cell_id:
            raise _refuse(event, "event_same_cell")
        return replace(state, cell_id=event.cell_id, temp_in=False)
    if kind is EventKind.EXEMPTED:
        if state.exempted:
            raise _refuse(event, "event_already_exempted")
        return replace(state, exempted=True)
    if kind is EventKind.EXEMPTION_ENDED:
        if not state.exempted:
            raise _refuse(event, "event_not_exempted")
        return replace(state, exempted=False)
    if kind is EventKind.AWAY:
        if event.end_date and event.end_date <= event.event_date:
            raise _refuse(event, "event_end_before_start")
        return replace(state, away=True, away_until=event.end_date)
    if kind is EventKind.AWAY_ENDED:
        if not state.away:
            raise _refuse(event, "event_not_away")
        return replace(state, away=False, away_until=None)
    if kind is EventKind.TRANSFER_OUT_TEMPORARY:
        if event.end_date and event.end_date <= event.event_date:
            raise _refuse(event, "event_end_before_start")
        return replace(state, temp_out=True)
    if kind is EventKind.RETURNED:
        if not state.temp_out:
            raise _refuse(event, "event_not_temp_out")
        return replace(state, temp_out=False)
    raise AssertionError(f"unhandled event kind {kind}")


def ordered(events: list[MemberEvent]) -> list[MemberEvent]:
    return sorted(events, key=lambda e: (e.event_date, e.seq))


def fold_periods(member_id: str, events: list[MemberEvent], full_member_on: date | None) -> list[MemberPeriod]:
    """The member's periods from the first event on; raises DomainError for an impossible history."""
    periods: list[MemberPeriod] = []
    state = MemberState()
    history = ordered(events)
    if history and history[0].kind not in ENTRY_EVENTS:
        raise _refuse(history[0], "event_not_present")
    for event in history:
        state = apply_event(state, event, full_member_on)
        if periods and periods[-1].valid_from == event.event_date:
            periods[-1] = replace(periods[-1], state=state)
            continue
        if periods:
            periods[-1] = replace(periods[-1], valid_to=event.event_date)
        periods.append(MemberPeriod(member_id, event.event_date, None, state))
    return periods


def state_on(periods: list[MemberPeriod], on: date) -> MemberState | None:
    """The state on a date, or None before the member's first event."""
    for period in periods:
        if period.valid_from <= on and (period.valid_to is None or on < period.valid_to):
            return period.state
    return None
