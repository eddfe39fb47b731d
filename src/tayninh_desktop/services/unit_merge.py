"""Communes merged into one (as in 2025): their registers combined into this one, each member's history kept with
the old unit.

``plan`` takes a source — another commune's register file, or the register snapshot a unit sent with its return
(at a superior that keeps a consolidated register) — and lists the members who may already be here or in another
source: the same CCCD, card number, or name and date of birth. A person decides each (``decide``): the same
person (the record here is kept; the other one is kept beside it as the member's origin), or two people.
``apply`` brings the source in, in one transaction: the old commune becomes a unit closed on the day of the merge
and merged into this one; its cells continue under this committee from that day (their history before stays
with the old commune); every member comes with their whole history (their events name the old cells) and
a note of where the record came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import from_iso
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.members import Gender, MemberData, MemberStatus
from tayninh_desktop.domain.org import UnitType, UnitVersion, default_header_name
from tayninh_desktop.domain.unit_merge import DIFFERENT, SAME, STRONG, find_duplicates, free_code
from tayninh_desktop.services import organisation, register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import (
    audit,
    events_repo,
    members_repo,
    merge_repo,
    return_data_repo,
    returns_repo,
    units_repo,
)
from tayninh_desktop.storage.db import Database, open_for_check
from tayninh_desktop.storage.merge_repo import MergePair, MergeSource


@dataclass(frozen=True)
class Plan:
    source: MergeSource
    members: int
    pairs: tuple[MergePair, ...]


def _read_register(path: Path) -> tuple[str, str, dict]:
    try:
        src = open_for_check(path)
    except DomainError as error:
        raise DomainError("merge_source_unreadable", file=str(path), reason=error.message) from error
    try:
        home = units_repo.home(src)
        if home is None:
            raise DomainError("merge_source_unreadable", file=str(path), reason="sổ chưa có đảng bộ")
        snap = return_data_repo.snapshot(src)
        return home.code, home.name, {"units": snap.units, "members": snap.members, "events": snap.events}
    finally:
        src.conn.close()


def plan(db: Database, actor: Actor, *, register_file: Path | str | None = None, unit_code: str | None = None,
         merged_on: date) -> tuple[Plan, Changes]:
    """Record a source to merge (a register file, or the last snapshot received from ``unit_code``) and its
    possible duplicates."""
    actor.require(Permission.EDIT_ORGANISATION)
    home = organisation.require_home(db)
    if register_file is not None:
        path = Path(register_file)
        if db.path_text and path.resolve() == Path(db.path_text).resolve():
            raise DomainError("merge_source_same", file=str(path))
        code, name, snapshot = _read_register(path)
        kind, ref = "register", str(path)
    else:
        found = returns_repo.snapshot(db, unit_code or "")
        if found is None:
            raise DomainError("merge_no_snapshot", unit_code=unit_code or "")
        snapshot = json.loads(found[2])
        key = returns_repo.current_key(db, returns_repo.Role.SUBORDINATE, unit_code)
        code, name, kind, ref = unit_code, key.unit_name if key else unit_code, "return", f"{found[0]} r{found[1]}"
    others = [(None, m) for m in merge_repo.home_identities(db)]
    for other in merge_repo.sources(db, "planned"):
        others += [(other.id, m) for m in merge_repo.snapshot(db, other.id).get("members", [])]
    source = MergeSource(new_id(), code, name, kind, ref, merged_on.isoformat(), "planned", "")
    with db.atomic():
        merge_repo.insert_source(db, source, snapshot)
        for candidate in find_duplicates(snapshot.get("members", []), others):
            merge_repo.insert_pair(db, MergePair(new_id(), source.id, candidate.member, candidate.other_source,
                                                 candidate.other, candidate.matched_by, "", ""))
        audit.append(db, actor.name, "plan_unit_merge", "unit", home.id, None,
                     {"source": code, "kind": kind, "members": len(snapshot.get("members", []))})
    return (Plan(merge_repo.source(db, source.id), len(snapshot.get("members", [])),
                 tuple(merge_repo.pairs(db, source.id))), Changes(organisation=True))


def decide(db: Database, actor: Actor, pair_id: str, decision: str) -> Changes:
    """Say whether a possible duplicate is the same person or two people."""
    actor.require(Permission.EDIT_ORGANISATION)
    if decision not in (SAME, DIFFERENT):
        raise ValidationError([FieldIssue("decision", "merge_bad_decision", {"value": decision})])
    with db.atomic():
        pair = merge_repo.pair(db, pair_id)
        if pair is None:
            raise DomainError("merge_pair_not_found", pair=pair_id)
        if decision == DIFFERENT and pair.matched_by in STRONG:
            from tayninh_desktop.domain.messages_returns import MATCH_LABELS

            raise DomainError("merge_different_same_id", by=MATCH_LABELS[pair.matched_by])
        merge_repo.decide(db, pair_id, decision, actor.name)
        audit.append(db, actor.name, "decide_merge_pair", "unit", pair.source_id, {"decision": pair.decision or None},
                     {"pair": pair_id, "decision": decision})
    return Changes(organisation=True)


def _units(db: Database, source: MergeSource, snapshot: dict, home_id: str, on: date) -> dict[str, str]:
    """The old commune (closed, merged into this one) and its cells (continuing under this one from ``on``);
    old unit id → unit id here."""
    taken = {u.code for u in units_repo.all_units(db)}
    home = units_repo.get(db, home_id)
    old_id = new_id()
    code = free_code(source.unit_code, taken, "CU")   # "CU-HT" when the old code is used here already
    taken.add(code)
    units_repo.insert_unit(db, old_id, code, UnitType.COMMUNE_COMMITTEE, "", None)
    units_repo.insert_version(db, new_id(), UnitVersion(old_id, source.unit_name, default_header_name(source.unit_name),
                                                        home.parent_id, None, on))
    units_repo.close_unit(db, old_id, on, home_id)
    mapping = {}
    for unit in snapshot.get("units", []):
        cell_id = new_id()
        cell_code = free_code(str(unit["code"]), taken, source.unit_code)
        taken.add(cell_code)
        units_repo.insert_unit(db, cell_id, cell_code, UnitType(unit["unit_type"]), "", from_iso(unit["valid_from"]))
        closed = from_iso(unit.get("valid_to"))
        units_repo.insert_version(db, new_id(), UnitVersion(cell_id, unit["name"], unit["name"], old_id,
                                                            from_iso(unit["valid_from"]), closed or on))
        if closed is None or closed > on:
            units_repo.insert_version(db, new_id(), UnitVersion(cell_id, unit["name"], unit["name"], home_id, on,
                                                                closed))
        if closed is not None:
            units_repo.close_unit(db, cell_id, closed, None)
        mapping[str(unit["id"])] = cell_id
    return mapping


def _member_data(member: dict) -> MemberData:
    values = {k: member.get(k) for k in members_repo.DATA_COLUMNS}
    for name in ("birth_date", "joined_on", "full_member_on"):
        values[name] = from_iso(values[name])
    values["gender"] = Gender(values["gender"])
    values["birth_year_only"] = bool(values["birth_year_only"])
    return MemberData(**{k: ("" if v is None and k not in ("full_member_on",) else v) for k, v in values.items()})


def _bring_member(db: Database, member: dict, events: list[dict], cells: dict[str, str], home_id: str) -> str:
    member_id = new_id()
    members_repo.insert(db, member_id, home_id, _member_data(member), cells.get(member.get("cell_id") or ""),
                        MemberStatus.FULL)
    for event in events:
        events_repo.insert_event(db, MemberEvent(
            new_id(), member_id, EventKind(event["kind"]), from_iso(event["event_date"]),
            cell_id=cells.get(event.get("cell_id") or ""), end_date=from_iso(event.get("end_date")),
            place=event.get("place") or "", doc_number=event.get("doc_number") or "",
            doc_date=from_iso(event.get("doc_date")), doc_issuer=event.get("doc_issuer") or "",
            notes=event.get("notes") or "", seq=int(event.get("seq") or 0)))
    return member_id


def apply(db: Database, actor: Actor, source_id: str, *, today: date | None = None) -> Changes:
    """Bring a planned source in (every possible duplicate decided first)."""
    actor.require(Permission.EDIT_ORGANISATION)
    today = today or date.today()
    source = merge_repo.source(db, source_id)
    if source is None:
        raise DomainError("merge_not_found", source=source_id)
    if source.state != "planned":
        raise DomainError("merge_already_applied", source=source.unit_name, on=source.merged_on)
    pairs = merge_repo.pairs(db, source_id)
    undecided = [p for p in pairs if not p.decision]
    if undecided:
        raise DomainError("merge_undecided", count=len(undecided), example=undecided[0].id)
    snapshot = merge_repo.snapshot(db, source_id)
    same = {p.member: p for p in pairs if p.decision == SAME}
    events: dict[str, list[dict]] = {}
    for event in snapshot.get("events", []):
        events.setdefault(str(event["member_id"]), []).append(event)
    home = organisation.require_home(db)
    brought = []
    with db.atomic():
        cells = _units(db, source, snapshot, home.id, from_iso(source.merged_on))
        for member in snapshot.get("members", []):
            record = {"member": member, "events": events.get(str(member["id"]), [])}
            kept = same.get(str(member["id"]))
            if kept is not None and kept.other_source_id is None:
                merge_repo.add_origin(db, kept.other, source_id, str(member["id"]), source.unit_code,
                                      source.unit_name, record)
                continue
            member_id = _bring_member(db, member, record["events"], cells, home.id)
            register.rebuild_member(db, member_id, today)
            merge_repo.add_origin(db, member_id, source_id, str(member["id"]), source.unit_code, source.unit_name,
                                  record)
            brought.append(member_id)
        merge_repo.set_state(db, source_id, "applied")
        audit.mark_everything(db)
        audit.append(db, actor.name, "apply_unit_merge", "unit", home.id, None,
                     {"source": source.unit_code, "members": len(brought), "kept_as_same": len(same)})
    return Changes(organisation=True, members=True, history=True, member_ids=tuple(brought))


# --- reading, for the window: the sources, the pairs side by side -------------------------------------------

@dataclass(frozen=True)
class Person:
    """One side of a possible duplicate, with what identifies a person."""

    member_id: str
    full_name: str
    birth_date: date | None
    cccd: str
    card_number: str
    where: str                 # "sổ này" or the merged commune's name


@dataclass(frozen=True)
class PairView:
    id: str
    matched_by: str
    decision: str              # "", SAME or DIFFERENT
    incoming: Person
    other: Person

    @property
    def strong(self) -> bool:
        """Matched by an identifier (CCCD, card): it cannot be declared two people."""
        return self.matched_by in STRONG


def sources(db: Database) -> list[MergeSource]:
    """Every merge recorded, the ones being prepared first."""
    found = merge_repo.sources(db)
    return sorted(found, key=lambda s: (s.state != "planned", s.created_at))


def source_members(db: Database, source_id: str) -> int:
    """How many members the register being merged holds."""
    return len(merge_repo.snapshot(db, source_id).get("members", []))


def snapshot_units(db: Database) -> list[tuple[str, str]]:
    """(code, name) of the reporting units whose return carried their whole register (a merge can start from it)."""
    return [(code, name) for code, name in returns_repo.snapshot_senders(db)]


def _person(record: dict | None, member_id: str, where: str) -> Person:
    record = record or {}
    return Person(member_id, str(record.get("full_name") or ""), from_iso(record.get("birth_date")),
                  str(record.get("cccd") or ""), str(record.get("card_number") or ""), where)


def pair_views(db: Database, source_id: str) -> list[PairView]:
    """The possible duplicates of a merge, each side with name, birth date, CCCD and card number."""
    source = merge_repo.source(db, source_id)
    if source is None:
        raise DomainError("merge_not_found", source=source_id)
    snapshots = {source_id: merge_repo.snapshot(db, source_id)}
    names = {s.id: s.unit_name for s in merge_repo.sources(db)}
    here = {m["id"]: m for m in merge_repo.home_identities(db)}

    def member(origin: str | None, member_id: str) -> Person:
        if origin is None:
            return _person(here.get(member_id), member_id, "sổ này")
        if origin not in snapshots:
            snapshots[origin] = merge_repo.snapshot(db, origin)
        found = next((m for m in snapshots[origin].get("members", []) if str(m["id"]) == member_id), None)
        return _person(found, member_id, names.get(origin, ""))

    return [PairView(p.id, p.matched_by, p.decision, member(source_id, p.member), member(p.other_source_id, p.other))
            for p in merge_repo.pairs(db, source_id)]
