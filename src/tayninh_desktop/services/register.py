"""User actions on the member register: add, edit, record and correct history, merge cells."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from typing import TYPE_CHECKING

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent, MemberState, fold_periods, state_on
from tayninh_desktop.domain.members import Member, MemberData, MemberStatus, parse_member_form
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import member_field_history, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_cell, require_member
from tayninh_desktop.services.organisation import close_unit_record, require_home
from tayninh_desktop.storage import audit, events_repo, members_repo
from tayninh_desktop.storage.db import Database
from tayninh_desktop.storage.members_repo import MemberListRow, MemberSummary
from tayninh_desktop.storage.members_search import ListSearch, TermIndex

if TYPE_CHECKING:   # the rules of events and their cases load with the first event recorded, not at start-up
    from tayninh_desktop.domain.away import EventDetails


def _snapshot(member: Member | MemberData) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(member).items()}


def _duplicate_issues(db: Database, data: MemberData, exclude_id: str | None) -> list[FieldIssue]:
    issues = []
    for column, code in (("cccd", "duplicate_cccd"), ("card_number", "duplicate_card_number")):
        other = members_repo.find_by(db, column, getattr(data, column), exclude_id)
        if other:
            issues.append(FieldIssue(column, code, {"value": getattr(data, column), "other_name": other.full_name,
                                                    "other_birth": format_vn_date(other.birth_date)}))
    return issues


def _refresh(db: Database, member_id: str, events: list[MemberEvent], full_member_on: date | None,
             today: date) -> MemberState:
    """Re-derive the member's periods and today's state from the whole history (refusing an impossible one)."""
    periods = fold_periods(member_id, events, full_member_on)
    events_repo.replace_periods(db, member_id, periods)
    state = state_on(periods, today) or periods[-1].state
    members_repo.update_state(db, member_id, state.cell_id if state.present else _last_cell(events),
                              state.status or MemberStatus.FULL)
    return state


def rebuild_member(db: Database, member_id: str, today: date) -> MemberState:
    """Re-derive a member's periods and state from the history stored (inside the caller's transaction): a member
    brought in whole from another register (merging units)."""
    member = require_member(db, member_id)
    return _refresh(db, member_id, events_repo.events_of(db, member_id), member.full_member_on, today)


def _last_cell(events: list[MemberEvent]) -> str | None:
    cells = [e.cell_id for e in sorted(events, key=lambda e: (e.event_date, e.seq)) if e.cell_id]
    return cells[-1] if cells else None


def entry_events(member_id: str, data: MemberData, cell_id: str, entry: EventKind, entry_date: date | None,
                 doc: dict) -> list[MemberEvent]:
    """The first events of a member entering the register: admission (and full membership) or a transfer in."""
    if entry is EventKind.ADMITTED:
        events = [MemberEvent(new_id(), member_id, EventKind.ADMITTED, data.joined_on, cell_id=cell_id, seq=1,
                              **doc)]
        if data.full_member_on:
            events.append(MemberEvent(new_id(), member_id, EventKind.FULL_MEMBERSHIP, data.full_member_on, seq=2))
        return events
    if entry not in (EventKind.TRANSFER_IN, EventKind.TRANSFER_IN_TEMPORARY):
        raise ValueError(f"a member enters the register by admission or transfer in, not {entry}")
    return [MemberEvent(new_id(), member_id, entry, entry_date or data.joined_on, cell_id=cell_id, seq=1, **doc)]


def add_member(db: Database, actor: Actor, form: dict[str, str], cell_id: str | None, *,
               entry: EventKind = EventKind.ADMITTED, entry_date: date | None = None, doc_number: str = "",
               doc_date: date | None = None, doc_issuer: str = "", today: date | None = None) -> tuple[str, Changes]:
    """Add a member from a form: checks every field and duplicates, writes the member and the first events."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, cell_id, actor)
    today = today or date.today()
    entry = EventKind(entry)
    data = parse_member_form(form, today)
    with db.atomic():
        home = require_home(db)
        issues = _duplicate_issues(db, data, None)
        if issues:
            raise ValidationError(issues)
        first_day = entry_date if entry is not EventKind.ADMITTED and entry_date else data.joined_on
        require_cell(db, cell_id, first_day)
        if entry_date and entry_date > today:
            raise ValidationError([FieldIssue("event_date", "date_in_future", {"value": format_vn_date(entry_date)})])
        member_id = new_id()
        doc = {"doc_number": nfc(doc_number), "doc_date": doc_date, "doc_issuer": nfc(doc_issuer)}
        events = entry_events(member_id, data, cell_id, entry, entry_date, doc)
        members_repo.insert(db, member_id, home.id, data, cell_id, MemberStatus.FULL)
        for event in events:
            events_repo.insert_event(db, event)
        _refresh(db, member_id, events, data.full_member_on, today)
        audit.append(db, actor.name, "add_member", "member", member_id, None, _snapshot(data))
    return member_id, Changes(members=True, history=True, member_ids=(member_id,))


def update_member(db: Database, actor: Actor, member_id: str, form: dict[str, str], *,
                  today: date | None = None, changes_effective: date | None = None,
                  correction: bool = False) -> Changes:
    """Save the edited fields of a member; the history is re-derived (a changed ngày chính thức counts).

    A change of occupation, schooling, qualification or political theory is also recorded with the day it
    took effect (``changes_effective``, today by default) so that past cut-offs count the value of their day;
    ``correction``: the edit mends a typing mistake and records no dated change."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today or date.today()
    data = parse_member_form(form, today)
    effective = changes_effective or today
    with db.atomic():
        before = require_member(db, member_id)
        fields = [] if correction else member_field_history.changed_fields(before.data, data)
        issues = _duplicate_issues(db, data, member_id) + member_field_history.effective_issues(
            db, before, fields, effective, today)
        if issues:
            raise ValidationError(issues)
        members_repo.update_data(db, member_id, data)
        dated = member_field_history.record(db, actor.name, member_id, before.data, data, fields, effective)
        events = events_repo.events_of(db, member_id)
        _refresh(db, member_id, events, data.full_member_on, today)
        after = _snapshot(data) | ({"dated_changes": dated} if dated else {})
        audit.append(db, actor.name, "update_member", "member", member_id, _snapshot(before.data), after)
    return Changes(members=True, member_ids=(member_id,))


def record_event(db: Database, actor: Actor, member_id: str, kind: EventKind, event_date: date, *,
                 cell_id: str | None = None, end_date: date | None = None, place: str = "", doc_number: str = "",
                 doc_date: date | None = None, doc_issuer: str = "", notes: str = "",
                 details: EventDetails | None = None, today: date | None = None) -> tuple[str, Changes]:
    """Record one change of a member's situation with its document; refused if the history cannot allow it,
    or if it breaks a rule in force on that event (a leave, a re-admission: ``services/event_rules``)."""
    from tayninh_desktop.services import event_rules

    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today or date.today()
    if event_date > today:
        raise ValidationError([FieldIssue("event_date", "date_in_future", {"value": format_vn_date(event_date)})])
    with db.atomic():
        member = require_member(db, member_id)
        if kind.needs_cell:
            require_cell(db, cell_id, event_date)
        else:
            cell_id = None
        event = MemberEvent(new_id(), member_id, kind, event_date, cell_id=cell_id, end_date=end_date,
                            place=nfc(place), doc_number=nfc(doc_number), doc_date=doc_date,
                            doc_issuer=nfc(doc_issuer), notes=nfc(notes), seq=events_repo.next_seq(db, member_id))
        history = events_repo.events_of(db, member_id)
        details = _clean_details(details)
        event_rules.check(db, event, history, details)
        events = [*history, event]
        full_on = member.full_member_on
        if kind is EventKind.FULL_MEMBERSHIP:
            full_on = event_date
            members_repo.update_data(db, member_id, replace(member.data, full_member_on=event_date))
        events_repo.insert_event(db, event)
        event_rules.store(db, event, details)
        _refresh(db, member_id, events, full_on, today)
        audit.append(db, actor.name, f"event:{kind.value}", "member", member_id, {"status": member.status.value},
                     {"event": _snapshot_event(event), "details": _snapshot_event(details)})
    return event.id, Changes(members=True, history=True, member_ids=(member_id,))


def _clean_details(details: EventDetails | None) -> EventDetails:
    if details is None:
        from tayninh_desktop.domain.away import EventDetails

        return EventDetails()
    return replace(details, cell_proposal=nfc(details.cell_proposal).strip(),
                   return_comments=nfc(details.return_comments).strip(), comments_by=nfc(details.comments_by).strip())


def _snapshot_event(event: MemberEvent | EventDetails) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(event).items()}


def delete_event(db: Database, actor: Actor, event_id: str, *, today: date | None = None) -> Changes:
    """Remove an event recorded by mistake; refused when the rest of the history would not hold."""
    from tayninh_desktop.storage import cases_repo

    actor.require(Permission.EDIT_REGISTER)
    today = today or date.today()
    with db.atomic():
        event = events_repo.get_event(db, event_id)
        if event is None:
            raise DomainError("event_not_found")
        case_id = cases_repo.case_for_event(db, event_id)
        if case_id:   # written by a case's decision: the history keeps it (a wrong decision is corrected by another)
            raise DomainError("case_event_delete", case=case_id)
        member = require_member(db, event.member_id)
        remaining = [e for e in events_repo.events_of(db, event.member_id) if e.id != event_id]
        if not remaining:
            raise DomainError("event_cannot_delete_first")
        full_on = member.full_member_on
        if event.kind is EventKind.FULL_MEMBERSHIP:
            full_on = None
            members_repo.update_data(db, member.id, replace(member.data, full_member_on=None))
        _refresh(db, event.member_id, remaining, full_on, today)
        events_repo.delete_event(db, event_id)
        audit.append(db, actor.name, "delete_event", "member", event.member_id, {"event": _snapshot_event(event)},
                     None)
    return Changes(members=True, history=True, member_ids=(event.member_id,))


def merge_cells(db: Database, actor: Actor, source_ids: list[str], target_id: str, on: date, *,
                doc_number: str = "", doc_date: date | None = None, today: date | None = None) -> Changes:
    """Merge cells into ``target_id`` from ``on``: their members move (a dated event each) and the cells close."""
    actor.require(Permission.EDIT_ORGANISATION)
    today = today or date.today()
    if target_id in source_ids:
        raise DomainError("merge_same_unit")
    with db.atomic():
        target = require_cell(db, target_id, on)
        moved: list[str] = []
        for source_id in source_ids:
            source = require_cell(db, source_id, on)
            for member_id in events_repo.member_ids_in_cell_on(db, source.id, on):
                member = require_member(db, member_id)
                event = MemberEvent(new_id(), member_id, EventKind.MOVED_CELL, on, cell_id=target.id,
                                    doc_number=nfc(doc_number), doc_date=doc_date,
                                    notes=f"Hợp nhất {source.name} vào {target.name}",
                                    seq=events_repo.next_seq(db, member_id))
                events = [*events_repo.events_of(db, member_id), event]
                events_repo.insert_event(db, event)
                _refresh(db, member_id, events, member.full_member_on, today)
                moved.append(member_id)
            close_unit_record(db, source, on, target.id)
            audit.append(db, actor.name, "merge_cell", "unit", source.id, {"name": source.name},
                         {"merged_into": target.id, "from": on.isoformat(), "members_moved": len(moved)})
    return Changes(organisation=True, members=True, history=True, member_ids=tuple(moved))


def get_member(db: Database, member_id: str) -> Member:
    return require_member(db, member_id)


def history(db: Database, member_id: str) -> list[MemberEvent]:
    scope.require_member(db, member_id)
    return events_repo.events_of(db, member_id)


def members_in_cell_on(db: Database, cell_id: str, on: date) -> list[Member]:
    """Who belonged to the cell on that date, in official list order."""
    scope.require_cell(db, cell_id)
    return members_repo.get_many(db, events_repo.member_ids_in_cell_on(db, cell_id, on))


def list_rowids(db: Database, *, search: str = "", cell_id: str | None = None,
                statuses: tuple[str, ...] | None = None, order: str = "sort_key",
                descending: bool = False, limit: int | None = None) -> list[int]:
    cell_id = scope.cell_filter(db, cell_id)   # a cell secretary sees their cell's list only
    return members_repo.list_rowids(db, search=search, cell_id=cell_id, statuses=statuses, order=order,
                                    descending=descending, limit=limit)


def list_rowids_in(db: Database, db_path: str = "", **filters) -> list[int]:
    """``list_rowids`` through a connection of its own when the register is a file: the window's worker reads
    the ordered list of the whole register while the window goes on (and may write) on its own."""
    if not db_path:
        return list_rowids(db, **filters)
    from tayninh_desktop.storage.db import connect_like

    own = connect_like(db)
    try:
        return list_rowids(own, **filters)
    finally:
        own.conn.close()


def count_rowids(db: Database, *, cell_id: str | None = None, statuses: tuple[str, ...] | None = None) -> int:
    """How many members the list of these filters holds."""
    return members_repo.count_matching(db, cell_id=scope.cell_filter(db, cell_id), statuses=statuses)


def rowids_of(db: Database, member_ids: list[str]) -> set[int]:
    """The register table's rows of these members (those this session may see)."""
    found = members_repo.rowids_of(db, member_ids)
    cell = scope.scoped_cell(db)
    return found if cell is None else found & set(members_repo.list_rowids(db, cell_id=cell))


def search_rowids(db: Database, search: str) -> set[int] | None:
    """The members matching a search typed in the register (None when nothing is typed)."""
    found = members_repo.match_rowids(db, search)
    cell = scope.scoped_cell(db)
    if found is None or cell is None:
        return found
    return found & set(members_repo.list_rowids(db, cell_id=cell))


def search_in_list(db: Database, finder: ListSearch, rowids: list[int], search: str) -> list[int] | None:
    """The rows of ``rowids`` (a list from ``list_rowids``, so within this session's scope) that ``search``
    matches, in the same order, from the index ``finder`` keeps in memory or from FTS5; None: nothing typed."""
    return finder.in_order(db, rowids, search)


def search_index_in(db: Database, db_path: str, version: tuple[int, int]) -> TermIndex:
    """The search's index read on the window's worker through a connection of its own, marked with the version
    the window's connection had when it asked (``ListSearch.stale``)."""
    if not db_path:
        return TermIndex(db, version)
    from tayninh_desktop.storage.db import connect_like

    own = connect_like(db)
    try:
        return TermIndex(own, version)
    finally:
        own.conn.close()


def list_rows(db: Database, *, search: str = "", cell_id: str | None = None,
              statuses: tuple[str, ...] | None = None) -> list[MemberListRow]:
    """The members that match, in list order, as stored texts: for printing a whole list (`members list`)."""
    return members_repo.list_rows(db, search=search, cell_id=scope.cell_filter(db, cell_id), statuses=statuses)


def summaries(db: Database, rowids: list[int]) -> list[MemberSummary]:
    found = members_repo.summaries(db, rowids)
    cell = scope.scoped_cell(db)
    if cell is None:
        return found
    own = set(scope.visible_member_ids(db, [s.id for s in found]))
    return [s for s in found if s.id in own]


def member_count(db: Database) -> int:
    cell = scope.scoped_cell(db)
    return members_repo.count(db) if cell is None else members_repo.count_matching(db, cell_id=cell)
