"""User actions on the organisation tree: set up the committee, cells, renames, merges, superiors."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.org import (
    ALLOWED_PARENTS,
    HeaderLines,
    Unit,
    UnitType,
    UnitVersion,
    code_order_key,
    default_header_name,
    valid_unit_code,
)
from tayninh_desktop.domain.validation import text_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, settings_repo, units_repo
from tayninh_desktop.storage.db import Database

HOME_UNIT_KEY = "home_unit_id"
MAX_UNIT_NAME = 120  # "Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã …" fits with room to spare


def _check_new_unit(db: Database, code: str, name: str, unit_type: UnitType, parent: Unit | None) -> None:
    issues: list[FieldIssue] = []
    if not valid_unit_code(code):
        issues.append(FieldIssue("code", "bad_unit_code", {"code": code}))
    else:
        other = units_repo.by_code(db, code)
        if other:
            issues.append(FieldIssue("code", "duplicate_unit_code", {"code": code, "other_name": other.name}))
    if not name:
        issues.append(FieldIssue("name", "required"))
    elif text_issues({"name": name}, ("name",)):
        issues += text_issues({"name": name}, ("name",))
    elif len(name) > MAX_UNIT_NAME:
        issues.append(FieldIssue("name", "too_long", {"length": len(name), "max": MAX_UNIT_NAME}))
    elif parent is not None:
        twin = _open_sibling_named(db, parent.id, name)
        if twin:
            issues.append(FieldIssue("name", "duplicate_unit_name", {"name": twin.name, "code": twin.code}))
    parent_type = parent.unit_type if parent else None
    if parent_type not in ALLOWED_PARENTS[unit_type]:
        issues.append(FieldIssue("parent_id", "unit_parent_type", {
            "unit": name, "unit_type": unit_type.label, "parent": parent.name if parent else "—",
            "parent_type": parent.unit_type.label if parent else "—"}))
    if issues:
        raise ValidationError(issues)


def _open_sibling_named(db: Database, parent_id: str, name: str) -> Unit | None:
    """An open unit under ``parent_id`` with the same name (case and spacing aside), if any."""
    key = " ".join(nfc(name).split()).casefold()
    return next((u for u in units_repo.all_units(db) if u.parent_id == parent_id and u.valid_to is None
                 and " ".join(u.name.split()).casefold() == key), None)


def _insert_unit(db: Database, code: str, name: str, unit_type: UnitType, parent: Unit | None,
                 valid_from: date | None, place_name: str, header_name: str | None, is_home: bool = False) -> str:
    unit_id = new_id()
    units_repo.insert_unit(db, unit_id, code, unit_type, place_name, valid_from, is_home=is_home)
    units_repo.insert_version(db, new_id(), UnitVersion(unit_id, name, header_name or default_header_name(name),
                                                        parent.id if parent else None, valid_from, None))
    return unit_id


def initialise(db: Database, actor: Actor, *, unit_code: str, unit_name: str, superior_name: str,
               superior_code: str | None = None, place_name: str = "",
               superior_type: UnitType = UnitType.PROVINCE_COMMITTEE, established: date | None = None,
               unit_type: UnitType = UnitType.COMMUNE_COMMITTEE) -> str:
    """Create the committee that owns this installation and its superior; returns the committee's id.

    ``unit_type`` is a commune's committee by default; a superior that only receives returns (a province's
    committee) has no superior in the tree: ``superior_name`` is then only recorded in the audit entry."""
    actor.require(Permission.EDIT_ORGANISATION)
    unit_code, unit_name, superior_name = nfc(unit_code), nfc(unit_name), nfc(superior_name)
    if not valid_unit_code(unit_code):   # before a superior code is made from it
        raise ValidationError([FieldIssue("code", "bad_unit_code", {"code": unit_code})])
    with db.atomic():
        home = units_repo.home(db)
        if home:
            raise DomainError("already_initialised", unit=home.name)
        superior = None
        if superior_type in ALLOWED_PARENTS[unit_type]:
            superior_code = nfc(superior_code or "") or f"{unit_code}-CT"
            _check_new_unit(db, superior_code, superior_name, superior_type, None)
            superior_id = _insert_unit(db, superior_code, superior_name, superior_type, None, None, "", None)
            superior = units_repo.get(db, superior_id)
        _check_new_unit(db, unit_code, unit_name, unit_type, superior)
        home_id = _insert_unit(db, unit_code, unit_name, unit_type, superior, established,
                               nfc(place_name), None, is_home=True)
        settings_repo.put(db, HOME_UNIT_KEY, home_id)
        audit.append(db, actor.name, "initialise", "unit", home_id, None,
                     {"code": unit_code, "name": unit_name, "superior": superior_name, "type": unit_type.value})
    return home_id


def create_unit(db: Database, actor: Actor, *, code: str, name: str, unit_type: UnitType = UnitType.CELL,
                parent_id: str | None = None, valid_from: date | None = None, place_name: str = "",
                header_name: str | None = None) -> tuple[str, Changes]:
    """Add a unit (a cell by default) under ``parent_id`` (the home committee when not given)."""
    actor.require(Permission.EDIT_ORGANISATION)
    code, name = nfc(code), nfc(name)
    with db.atomic():
        parent = units_repo.get(db, parent_id) if parent_id else units_repo.home(db)
        if parent_id and parent is None:
            raise DomainError("unit_not_found", unit=parent_id)
        _check_new_unit(db, code, name, unit_type, parent)
        unit_id = _insert_unit(db, code, name, unit_type, parent, valid_from, nfc(place_name), header_name)
        audit.append(db, actor.name, "create_unit", "unit", unit_id, None,
                     {"code": code, "name": name, "type": unit_type.value, "parent": parent.id if parent else None})
    return unit_id, Changes(organisation=True)


def _require_unit(db: Database, unit_id: str) -> Unit:
    unit = units_repo.get(db, unit_id)
    if unit is None:
        raise DomainError("unit_not_found", unit=unit_id)
    return unit


def _new_version(db: Database, unit: Unit, on: date, *, name: str, parent_id: str | None,
                 header_name: str | None, doc_number: str, doc_date: date | None) -> None:
    current = units_repo.version_on(db, unit.id, on)
    if unit.valid_to is not None:
        raise DomainError("unit_closed", unit=unit.name, value=unit.valid_to.strftime("%d/%m/%Y"))
    if current and current.valid_from == on:
        db.execute("DELETE FROM unit_versions WHERE unit_id = ? AND valid_from = ?", [unit.id, on.isoformat()])
    else:
        units_repo.close_current_version(db, unit.id, on)
    units_repo.insert_version(db, new_id(), UnitVersion(unit.id, name, header_name or default_header_name(name),
                                                        parent_id, on, None), doc_number, doc_date)


def rename_unit(db: Database, actor: Actor, unit_id: str, new_name: str, on: date, *, doc_number: str = "",
                doc_date: date | None = None, header_name: str | None = None) -> Changes:
    """Give a unit a new name from ``on``; the old name stays for documents dated before."""
    actor.require(Permission.EDIT_ORGANISATION)
    new_name = nfc(new_name)
    if not new_name:
        raise ValidationError([FieldIssue("name", "required")])
    if len(new_name) > MAX_UNIT_NAME:
        raise ValidationError([FieldIssue("name", "too_long", {"length": len(new_name), "max": MAX_UNIT_NAME})])
    if text_issues({"name": new_name}, ("name",)):
        raise ValidationError(text_issues({"name": new_name}, ("name",)))
    with db.atomic():
        unit = _require_unit(db, unit_id)
        _new_version(db, unit, on, name=new_name, parent_id=unit.parent_id, header_name=header_name,
                     doc_number=doc_number, doc_date=doc_date)
        audit.append(db, actor.name, "rename_unit", "unit", unit_id, {"name": unit.name},
                     {"name": new_name, "from": on.isoformat(), "doc": doc_number})
    return Changes(organisation=True, members=True)


def move_unit(db: Database, actor: Actor, unit_id: str, new_parent_id: str, on: date, *, doc_number: str = "",
              doc_date: date | None = None) -> Changes:
    """Place a unit under another superior from ``on`` (e.g. the end of the district level on 1/7/2025)."""
    actor.require(Permission.EDIT_ORGANISATION)
    with db.atomic():
        unit = _require_unit(db, unit_id)
        parent = _require_unit(db, new_parent_id)
        if parent.unit_type not in ALLOWED_PARENTS[unit.unit_type]:
            raise ValidationError([FieldIssue("parent_id", "unit_parent_type", {
                "unit": unit.name, "unit_type": unit.unit_type.label, "parent": parent.name,
                "parent_type": parent.unit_type.label})])
        _new_version(db, unit, on, name=unit.name, parent_id=parent.id, header_name=unit.header_name,
                     doc_number=doc_number, doc_date=doc_date)
        audit.append(db, actor.name, "move_unit", "unit", unit_id, {"parent": unit.parent_id},
                     {"parent": parent.id, "from": on.isoformat()})
    return Changes(organisation=True)


def close_unit_record(db: Database, unit: Unit, on: date, merged_into_id: str | None) -> None:
    """Close a unit inside the caller's transaction (merges and dissolutions)."""
    units_repo.close_unit(db, unit.id, on, merged_into_id)


def header_lines(db: Database, unit_id: str, on: date) -> HeaderLines:
    """The superior line and issuer line of a document issued by ``unit_id`` on ``on``."""
    unit = _require_unit(db, unit_id)
    version = units_repo.version_on(db, unit_id, on) or units_repo.versions(db, unit_id)[-1]
    superior = units_repo.version_on(db, version.parent_id, on) if version.parent_id else None
    place = unit.place_name
    if not place:
        home = units_repo.home(db)
        place = home.place_name if home else ""
    if superior is None and unit.unit_type is UnitType.PROVINCE_COMMITTEE:
        # HD 36: a provincial committee heads its papers "ĐẢNG BỘ TỈNH …" over "TỈNH ỦY"
        return HeaderLines(superior_line=version.header_name.upper(), issuer_line=_committee_word(version.name),
                           issuer_code=unit.unit_type.issuer_code, place_name=place)
    return HeaderLines(superior_line=superior.header_name.upper() if superior else "",
                       issuer_line=version.name.upper(), issuer_code=unit.unit_type.issuer_code, place_name=place)


def _committee_word(name: str) -> str:
    """"Tỉnh ủy Tây Ninh" → "TỈNH ỦY" (the issuing body under its đảng bộ's line)."""
    for word in ("Tỉnh ủy", "Thành ủy"):
        if name.startswith(word):
            return word.upper()
    return name.upper()


def home_unit(db: Database) -> Unit | None:
    return units_repo.home(db)


def require_home(db: Database) -> Unit:
    home = units_repo.home(db)
    if home is None:
        raise DomainError("not_initialised")
    return home


def cells(db: Database, *, include_closed: bool = False) -> list[Unit]:
    """The cells in the committee's order: by code, numbers compared as numbers (org.code_order_key) — the one
    order of cells on every page, list and report. The open cells are the choices a person has: a cell secretary's
    session gets their own cell only. With ``include_closed`` (every cell that ever was, to name the cells of a
    history) nothing is left out: names of cells are not restricted."""
    found = sorted(units_repo.cells(db, include_closed=include_closed), key=lambda u: code_order_key(u.code))
    own = scope.scoped_cell(db)
    return [u for u in found if u.id == own] if own is not None and not include_closed else found


def cell_by_code(db: Database, code: str) -> Unit:
    unit = units_repo.by_code(db, code)
    if unit is None or unit.unit_type is not UnitType.CELL:
        raise DomainError("unit_not_found", unit=code)
    return unit


def unit(db: Database, unit_id: str) -> Unit:
    return _require_unit(db, unit_id)


def unit_versions(db: Database, unit_id: str) -> list[UnitVersion]:
    return units_repo.versions(db, unit_id)


def tree(db: Database, on: date | None = None) -> list[tuple[Unit, int]]:
    """Every unit with its depth, parents before children; with ``on``, the tree as it stood that day."""
    units = units_repo.all_units(db)
    if on is None:
        parent_of = {u.id: u.parent_id for u in units}
        visible = units
    else:
        parent_of = {}
        visible = []
        for u in units:
            version = units_repo.version_on(db, u.id, on)
            if version is not None or u.unit_type is UnitType.PROVINCE_COMMITTEE:
                visible.append(u)
                parent_of[u.id] = version.parent_id if version else None
    children: dict[str | None, list[Unit]] = {}
    for u in visible:
        children.setdefault(parent_of.get(u.id), []).append(u)
    ordered: list[tuple[Unit, int]] = []

    def walk(parent_id: str | None, depth: int) -> None:
        for child in sorted(children.get(parent_id, []), key=lambda x: (x.valid_to is not None,
                                                                         code_order_key(x.code))):
            ordered.append((child, depth))
            walk(child.id, depth + 1)

    walk(None, 0)
    return ordered


def unit_as_dict(u: Unit) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(u).items()}


def active_member_count(db: Database, cell_id: str) -> int:
    """Members on the register whose cell this is today."""
    return units_repo.count_present_in_cell(db, cell_id)
