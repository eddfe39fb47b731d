"""Who acts: every service call names the person, whose role decides what they may do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tayninh_desktop.domain.errors import DomainError


class Role(StrEnum):
    ADMIN = "quan_tri"
    CLERK = "van_thu"
    VIEWER = "xem"


class Permission(StrEnum):
    EDIT_REGISTER = "edit_register"
    EDIT_ORGANISATION = "edit_organisation"
    READ = "read"
    # The support programme's household circumstances and loans (sensitive personal data: finances): the
    # office may see and record them; a read-only account may not. Until accounts exist, the office role is
    # today's clerk and administrator roles.
    HOUSEHOLD_DATA = "household_data"


ROLE_PERMISSIONS = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset({Permission.EDIT_REGISTER, Permission.READ, Permission.HOUSEHOLD_DATA}),
    Role.VIEWER: frozenset({Permission.READ}),
}


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role = Role.ADMIN

    def require(self, permission: Permission) -> None:
        if permission not in ROLE_PERMISSIONS[self.role]:
            raise DomainError("permission_denied", actor=self.name, permission=permission.value)
