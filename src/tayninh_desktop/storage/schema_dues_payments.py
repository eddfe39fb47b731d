"""Migration m046 of the dues (issue 8, last gap): payments covering several months at once.

A member on leave for working away may pay in advance (``advance``) or settle months in arrears late (``late``).
One row per payment, keyed like ``dues_compact`` by the member's row id and the first month covered (a number such
as 202606); payments of a member never overlap, so the key is unique. The months covered are also written to
``dues_compact`` as paid, so that every reader of the dues (the grid, the warnings, the screening, the letters)
sees them paid; this table says how they were paid (the grid shows "đóng trước" / "đóng chậm").
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m046_dues_payments(db: Database) -> None:
    """A payment of several months: its span, amount, day, receiver, kind, reason and the approval it rests on."""
    run_script(
        db,
        """
        CREATE TABLE dues_payments (
            member_row INTEGER NOT NULL,
            from_month INTEGER NOT NULL CHECK (from_month BETWEEN 100001 AND 999912
                                               AND from_month % 100 BETWEEN 1 AND 12),
            to_month INTEGER NOT NULL CHECK (to_month >= from_month AND to_month % 100 BETWEEN 1 AND 12),
            id INTEGER NOT NULL UNIQUE,
            amount INTEGER NOT NULL CHECK (amount >= 0),
            paid_on TEXT NOT NULL,
            received_by TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('advance', 'late')),
            reason TEXT NOT NULL DEFAULT '',
            approval TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            PRIMARY KEY (member_row, from_month)
        ) WITHOUT ROWID;
        """,
    )
