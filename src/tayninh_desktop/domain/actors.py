"""Who acts: every service call names the person, whose role decides what they may do and where.

Roles (issue 15): the administrator (accounts, settings, keys, and everything else), the office
(everything in the register and the procedures), the cell secretary (the same, for their own cell only:
reads and writes), the viewer (reads only, never the household circumstances).

How a service checks (docs/development.md, "Roles and cell scope"): ``actor.require(Permission.X)``
first, as always; then, for anything that belongs to a cell, ``actor.require_cell(cell_id)`` (or the
read helpers of ``services/scope.py``, which also work for reads that are not given an actor).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tayninh_desktop.domain.errors import DomainError


class Role(StrEnum):
    ADMIN = "quan_tri"
    CLERK = "van_thu"                    # the office: everything in the register and the procedures
    CELL_SECRETARY = "bi_thu_chi_bo"     # the office's rights, for one cell
    VIEWER = "xem"


class Permission(StrEnum):
    EDIT_REGISTER = "edit_register"
    EDIT_ORGANISATION = "edit_organisation"
    READ = "read"
    # The support programme's household circumstances and loans (sensitive personal data: finances): the
    # office may see and record them (a cell secretary for their own cell); a read-only account may not.
    HOUSEHOLD_DATA = "household_data"
    MANAGE_ACCOUNTS = "manage_accounts"   # accounts, their roles, passwords and locks
    MANAGE_KEYS = "manage_keys"           # the register's encryption and its keys
    READ_AUDIT = "read_audit"             # the audit trail on screen, its export and the integrity check


ROLE_PERMISSIONS = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset({Permission.EDIT_REGISTER, Permission.READ, Permission.HOUSEHOLD_DATA,
                           Permission.READ_AUDIT}),
    Role.CELL_SECRETARY: frozenset({Permission.EDIT_REGISTER, Permission.READ, Permission.HOUSEHOLD_DATA}),
    Role.VIEWER: frozenset({Permission.READ}),
}

# The actor of a register that has no accounts yet (fresh from init or demo): it acts as its administrator.
DEFAULT_ADMIN_NAME = "quản trị"


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role = Role.ADMIN
    cell_id: str | None = None       # a cell secretary's own cell (None: the whole committee)
    account_id: str | None = None    # the logged-in account (None: a register without accounts, a system task)

    @property
    def scoped(self) -> bool:
        """True when this person may act on one cell only."""
        return self.role is Role.CELL_SECRETARY

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise DomainError("permission_denied", actor=self.name, permission=permission.value)

    def sees_cell(self, cell_id: str | None) -> bool:
        """May this person see (and, with the permission, change) what belongs to ``cell_id``?
        ``None`` is the committee as a whole: outside a secretary's scope."""
        return not self.scoped or (cell_id is not None and cell_id == self.cell_id)

    def require_cell(self, cell_id: str | None) -> None:
        """Refuse a cell secretary asking for another cell (or for the committee as a whole)."""
        if not self.sees_cell(cell_id):
            raise DomainError("cell_out_of_scope", actor=self.name)

    def cell_filter(self, requested: str | None) -> str | None:
        """The cell a list may show: what was asked for, or a secretary's own cell (asking for another is
        refused; asking for the whole committee gets their cell)."""
        if not self.scoped:
            return requested
        if requested is not None:
            self.require_cell(requested)
        return self.cell_id
