"""Migrations m026–m028 of the screening (issue 12): cases with their steps, the facts entered about a member's
decline, and the removals allotted to each unit per year.

- m026_cases: a member's case (help or removal) and its dated steps with their documents and vote figures; one
  open case per member and kind (a partial unique index, the service says it in Vietnamese first).
- m027_screening_facts: a decline concluded by the committee, or reported by the hamlet front committee or the
  workplace, entered with its source and document (the detectors read them; nothing is decided by them).
- m028_removal_allotments: the number of removals (xóa tên and leaving on request) the Đề án allotted to a unit
  for a year, with the document that allotted it.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m026_cases(db: Database) -> None:
    """Cases and their steps."""
    run_script(
        db,
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            form TEXT NOT NULL DEFAULT '',
            ground TEXT NOT NULL DEFAULT '',
            criterion TEXT NOT NULL DEFAULT '',
            sign_code TEXT NOT NULL DEFAULT '',
            sign_year INTEGER,
            evidence TEXT NOT NULL DEFAULT '',
            cell_id TEXT REFERENCES units(id),
            opened_on TEXT NOT NULL,
            state TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT '',
            closed_on TEXT,
            origin_id TEXT REFERENCES cases(id),
            listed_on TEXT,
            due_on TEXT,
            helper_id TEXT REFERENCES members(id),
            decision_event_id TEXT REFERENCES member_events(id),
            discipline_id TEXT REFERENCES discipline(id),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX cases_one_open ON cases(member_id, kind) WHERE state = 'dang_xu_ly';
        CREATE INDEX cases_member ON cases(member_id, opened_on);
        CREATE INDEX cases_cell ON cases(cell_id, state);
        CREATE INDEX cases_due ON cases(due_on) WHERE state = 'dang_xu_ly' AND due_on IS NOT NULL;

        CREATE TABLE case_steps (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id),
            step TEXT NOT NULL,
            on_date TEXT NOT NULL,
            seq INTEGER NOT NULL,
            level TEXT NOT NULL DEFAULT '',
            doc_number TEXT NOT NULL DEFAULT '',
            doc_date TEXT,
            doc_issuer TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            eligible INTEGER,
            present INTEGER,
            ballots INTEGER,
            yes INTEGER,
            no INTEGER,
            invalid INTEGER,
            passed INTEGER,
            helper_id TEXT REFERENCES members(id),
            document_id TEXT REFERENCES documents(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX case_steps_case ON case_steps(case_id, seq);
        CREATE INDEX case_steps_step_date ON case_steps(step, on_date);
        """,
    )


@MIGRATIONS()
def m027_screening_facts(db: Database) -> None:
    """Facts about a member's decline, entered with their source."""
    run_script(
        db,
        """
        CREATE TABLE screening_facts (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            source_name TEXT NOT NULL DEFAULT '',
            reported_on TEXT NOT NULL,
            doc_number TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX screening_facts_date ON screening_facts(reported_on);
        CREATE INDEX screening_facts_member ON screening_facts(member_id, reported_on);
        """,
    )


@MIGRATIONS()
def m028_removal_allotments(db: Database) -> None:
    """Removals allotted per unit and year, with their document."""
    run_script(
        db,
        """
        CREATE TABLE removal_allotments (
            id TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL REFERENCES units(id),
            year INTEGER NOT NULL,
            allotted INTEGER NOT NULL,
            doc_number TEXT NOT NULL,
            doc_date TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (unit_id, year)
        );
        """,
    )
