"""Migrations m022 and m023: what the official statistics need beyond the member history.

m022_statistics_typed — the figures of a statistical form the register cannot know (forgeries found
through transfer letters, commendations, youth-union members…), typed in per unit, period, form and
row, so that the printed form and the return can mark them as typed.

m023_member_awards — Huy hiệu Đảng given to a member (30 … 90 years) and party cards issued, re-issued
after a loss or replaced (Biểu 7, parts II and III); and, for an official transfer in or out, whether it
crossed the province boundary when the event's place does not say (Biểu 1, B.2 and C.5).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m022_statistics_typed(db: Database) -> None:
    """Typed figures of the statistical forms, one per unit, period, form and row."""
    run_script(
        db,
        """
        CREATE TABLE statistics_typed (
            unit_id TEXT NOT NULL REFERENCES units(id),
            period TEXT NOT NULL,
            form_id TEXT NOT NULL,
            row_key TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value >= 0),
            note TEXT NOT NULL DEFAULT '',
            typed_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (unit_id, period, form_id, row_key)
        ) WITHOUT ROWID;
        """,
    )


@MIGRATIONS()
def m023_member_awards(db: Database) -> None:
    """Badges and party cards of members; the province scope of official transfers."""
    run_script(
        db,
        """
        CREATE TABLE member_awards (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            badge_years INTEGER,
            awarded_on TEXT NOT NULL,
            doc_number TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX member_awards_date ON member_awards(awarded_on, kind);
        CREATE INDEX member_awards_member ON member_awards(member_id, awarded_on);

        CREATE TABLE transfer_scopes (
            event_id TEXT PRIMARY KEY REFERENCES member_events(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )
