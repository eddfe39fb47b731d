"""Finding the member or the cell an action is about, refusing clearly when it is not there."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.org import Unit, UnitType
from tayninh_desktop.services import scope
from tayninh_desktop.storage import members_repo, units_repo


def require_member(db, member_id: str) -> Member:
    member = members_repo.get(db, member_id)
    if member is None:
        raise DomainError("member_not_found", member_id=member_id)
    scope.require_cell(db, member.cell_id)   # a cell secretary: their own cell's members only
    return member


def require_cell(db, cell_id: str | None, on: date, field: str = "cell_id") -> Unit:
    """The cell, open on ``on``; a missing choice or a closed cell is reported against ``field``."""
    if not cell_id:
        raise ValidationError([FieldIssue(field, "required")])
    unit = units_repo.get(db, cell_id)
    if unit is None:
        raise DomainError("unit_not_found", unit=cell_id)
    if unit.unit_type is not UnitType.CELL:
        raise DomainError("unit_not_cell", unit=unit.name)
    if not unit.is_open_on(on):
        raise ValidationError([FieldIssue(field, "cell_closed_on", {"cell": unit.name, "date": format_vn_date(on)})])
    scope.require_cell(db, unit.id)
    return unit
