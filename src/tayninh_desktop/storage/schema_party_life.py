"""Migration m002_party_life: meetings, attendance, dues, ratings, discipline, tasks, letters, members away.

Attendance and dues are the big tables (100,000 members × 36 months ≈ 3.6M rows each): they are
WITHOUT ROWID tables keyed by what the office looks them up by (a meeting's grid; a member's month),
carry no per-row timestamps (the meeting or the entry action has them, and the audit log), and keep
small partial indexes of the exceptions (absences, unpaid months) that the warnings read.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m002_party_life(db: Database) -> None:
    """Party life tables."""
    run_script(
        db,
        """
        CREATE TABLE meetings (
            id TEXT PRIMARY KEY,
            cell_id TEXT NOT NULL REFERENCES units(id),
            meeting_date TEXT NOT NULL,
            kind TEXT NOT NULL,
            chair TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            rubric_code TEXT NOT NULL DEFAULT '',
            scores_json TEXT NOT NULL DEFAULT '{}',
            quality_score INTEGER,
            quality_level TEXT NOT NULL DEFAULT '',
            present INTEGER NOT NULL DEFAULT 0,
            expected INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX meetings_cell_date ON meetings(cell_id, meeting_date);
        CREATE INDEX meetings_date ON meetings(meeting_date);

        CREATE TABLE attendance (
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            member_id TEXT NOT NULL REFERENCES members(id),
            state TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (meeting_id, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX attendance_absent ON attendance(member_id) WHERE state = 'vang_khong_ly_do';

        CREATE TABLE dues (
            member_id TEXT NOT NULL REFERENCES members(id),
            month TEXT NOT NULL,
            cell_id TEXT REFERENCES units(id),
            amount INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (member_id, month)
        ) WITHOUT ROWID;
        CREATE INDEX dues_unpaid ON dues(month, member_id) WHERE state = 'chua_dong';
        CREATE INDEX dues_cell_month ON dues(cell_id, month);

        CREATE TABLE ratings (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL,
            level TEXT NOT NULL,
            score INTEGER,
            rule_code TEXT NOT NULL DEFAULT '',
            not_rated_reason TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ratings_member_year ON ratings(member_id, year);
        CREATE INDEX ratings_year_level ON ratings(year, level);

        CREATE TABLE discipline (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            form TEXT NOT NULL,
            decided_on TEXT NOT NULL,
            in_force_until TEXT,
            doc_number TEXT NOT NULL DEFAULT '',
            issuer TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX discipline_member ON discipline(member_id, decided_on);

        CREATE TABLE task_assignments (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL,
            task TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX task_assignments_member_year ON task_assignments(member_id, year);

        CREATE TABLE transfer_letters (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            direction TEXT NOT NULL,
            temporary INTEGER NOT NULL DEFAULT 0,
            letter_number TEXT NOT NULL DEFAULT '',
            issued_on TEXT NOT NULL,
            deadline TEXT NOT NULL,
            counterpart TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL,
            presented_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX transfer_letters_member ON transfer_letters(member_id, issued_on);
        CREATE INDEX transfer_letters_pending ON transfer_letters(deadline) WHERE outcome = 'cho';

        CREATE TABLE away_contacts (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            contacted_on TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX away_contacts_member ON away_contacts(member_id, contacted_on);
        """,
    )
