"""The ``check`` action: database integrity, foreign keys, the search index and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from tayninh_desktop.storage import audit, integrity
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    search_index: list[str] = field(default_factory=list)
    audit_rows: int = 0
    audit_broken_at: int | None = None

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.search_index) and self.audit_broken_at is None


def check(db: Database) -> CheckReport:
    """Verify the whole database; read-only."""
    rows, broken = audit.verify_chain(db)
    return CheckReport(integrity=integrity.integrity_problems(db), foreign_keys=integrity.foreign_key_problems(db),
                       search_index=integrity.fts_problems(db), audit_rows=rows, audit_broken_at=broken)
