"""Migration m014_integrity: a keyed audit chain and the hashes of the rows each audited action wrote.

``audit_log`` gains ``mac_version`` (0: the unkeyed SHA-256 entries written before; 1: HMAC-SHA-256
with the register's secret), ``key_id`` (which secret, by its public id) and ``rows_digest`` (the
hash of the entry's ``audit_rows``). ``audit_rows`` holds, for each entry, the hash of every scope
(member, meeting, unit, document, setting…) the action wrote: the last audited state of each.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m014_integrity(db: Database) -> None:
    """Keyed audit entries and the row hashes of each audited action."""
    run_script(
        db,
        """
        ALTER TABLE audit_log ADD COLUMN mac_version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN rows_digest TEXT NOT NULL DEFAULT '';
        CREATE TABLE audit_rows (
            seq INTEGER NOT NULL REFERENCES audit_log(seq),
            scope TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (scope, seq)
        ) WITHOUT ROWID;
        CREATE INDEX audit_rows_seq ON audit_rows(seq);
        """,
    )
