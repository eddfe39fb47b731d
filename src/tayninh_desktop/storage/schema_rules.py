"""Migrations m006–m008: the party-life rules in force (issue 8).

m006: dues by category and base (dated facts per member), exemptions, reductions and deferrals by decision,
      and on each recorded month the amount computed from them and the reason when the amount differs.
m007: discipline in force: the announcement date, party or state discipline, and the period of a state one.
m008: members working away (the leave decision's details, the comments on return) and the ground of an exit
      from the Party (re-admission is refused for the excluded grounds).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m006_dues_categories(db: Database) -> None:
    """Dues terms and reliefs; the computed amount and the reason of a changed amount on each month."""
    run_script(
        db,
        """
        CREATE TABLE dues_terms (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            from_month TEXT NOT NULL,
            category TEXT NOT NULL,
            base INTEGER,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX dues_terms_member_month ON dues_terms(member_id, from_month);

        CREATE TABLE dues_reliefs (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            percent INTEGER NOT NULL DEFAULT 0,
            ground TEXT NOT NULL DEFAULT '',
            first_month TEXT NOT NULL,
            last_month TEXT,
            decision_number TEXT NOT NULL DEFAULT '',
            decision_date TEXT,
            issuer TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX dues_reliefs_member ON dues_reliefs(member_id, first_month);

        ALTER TABLE dues ADD COLUMN due INTEGER;
        ALTER TABLE dues ADD COLUMN amount_reason TEXT NOT NULL DEFAULT '';
        """,
    )


@MIGRATIONS()
def m007_discipline_in_force(db: Database) -> None:
    """Announcement date and track of each discipline; party discipline lapses 12 months after announcement."""
    run_script(
        db,
        """
        ALTER TABLE discipline ADD COLUMN announced_on TEXT;
        ALTER TABLE discipline ADD COLUMN track TEXT NOT NULL DEFAULT 'dang';
        -- Recorded before the announcement date was asked: the decision date stands in for it, and the period
        -- in force is re-derived from it (12 months, 69-QĐ/TW Điều 2 khoản 5; expulsion never lapses).
        UPDATE discipline SET in_force_until = CASE WHEN form = 'khai_tru' THEN NULL
            ELSE date(decided_on, '+12 months') END;
        """,
    )


@MIGRATIONS()
def m008_members_away(db: Database) -> None:
    """The details of a leave for working away and of the return; the ground of an exit from the Party."""
    run_script(
        db,
        """
        CREATE TABLE away_leaves (
            event_id TEXT PRIMARY KEY REFERENCES member_events(id) ON DELETE CASCADE,
            abroad INTEGER NOT NULL DEFAULT 0,
            requested_on TEXT,
            cell_proposal TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE away_returns (
            event_id TEXT PRIMARY KEY REFERENCES member_events(id) ON DELETE CASCADE,
            comments TEXT NOT NULL DEFAULT '',
            comments_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE exit_grounds (
            event_id TEXT PRIMARY KEY REFERENCES member_events(id) ON DELETE CASCADE,
            ground TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    )
