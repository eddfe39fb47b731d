"""Migrations m018–m020: the support programme for members in hardship and its fund.

m018: household circumstances per member and year, loans from the social-policy bank, interest paid.
m019: telling members of the policy (outreach, a presentation at a cell meeting), the applications and their
      eligibility checklists.
m020: the fund's ledger. Entries are never edited nor deleted (triggers refuse it): a mistake is reversed by a
      new entry that names the one it reverses; one reversal per entry.

Money is integer đồng; a rate is integer hundredths of a percent a year. Removing a meeting (recorded by
mistake) removes the presentation recorded with it and the "told at the meeting" records it made.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m018_support_households_loans(db: Database) -> None:
    """Household circumstances, loans, interest payments."""
    run_script(
        db,
        """
        CREATE TABLE support_households (
            id TEXT PRIMARY KEY,
            owner_unit_id TEXT NOT NULL REFERENCES units(id),
            member_id TEXT NOT NULL REFERENCES members(id),
            year INTEGER NOT NULL,
            classification TEXT NOT NULL,
            certificate_number TEXT NOT NULL DEFAULT '',
            certificate_date TEXT,
            certificate_issuer TEXT NOT NULL DEFAULT '',
            discharged TEXT NOT NULL DEFAULT '',
            discharged_on TEXT,
            income_per_person INTEGER,
            rural INTEGER NOT NULL DEFAULT 1,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX support_households_member_year ON support_households(member_id, year);
        CREATE INDEX support_households_year ON support_households(year, member_id);

        CREATE TABLE support_loans (
            id TEXT PRIMARY KEY,
            owner_unit_id TEXT NOT NULL REFERENCES units(id),
            member_id TEXT NOT NULL REFERENCES members(id),
            programme TEXT NOT NULL,
            contract_number TEXT NOT NULL DEFAULT '',
            amount INTEGER NOT NULL CHECK (amount > 0),
            rate_bp INTEGER NOT NULL CHECK (rate_bp > 0),
            start_date TEXT NOT NULL,
            term_months INTEGER NOT NULL CHECK (term_months > 0),
            end_date TEXT NOT NULL,
            purpose TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX support_loans_member ON support_loans(member_id, start_date);
        CREATE INDEX support_loans_running ON support_loans(end_date, start_date, member_id);
        CREATE UNIQUE INDEX support_loans_contract ON support_loans(contract_number) WHERE contract_number <> '';

        CREATE TABLE support_interest_payments (
            id TEXT PRIMARY KEY,
            loan_id TEXT NOT NULL REFERENCES support_loans(id),
            paid_on TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            period_from TEXT,
            period_to TEXT,
            reference TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX support_interest_loan ON support_interest_payments(loan_id, paid_on);
        """,
    )


@MIGRATIONS()
def m019_support_outreach_applications(db: Database) -> None:
    """Outreach, policy presentations at meetings, applications with their checklists."""
    run_script(
        db,
        """
        CREATE TABLE support_outreach (
            id TEXT PRIMARY KEY,
            owner_unit_id TEXT NOT NULL REFERENCES units(id),
            member_id TEXT NOT NULL REFERENCES members(id),
            told_on TEXT NOT NULL,
            told_by TEXT NOT NULL DEFAULT '',
            how TEXT NOT NULL,
            meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX support_outreach_member ON support_outreach(member_id, told_on);
        CREATE INDEX support_outreach_meeting ON support_outreach(meeting_id) WHERE meeting_id IS NOT NULL;

        CREATE TABLE support_presentations (
            meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            plan_code TEXT NOT NULL,
            presented_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE support_applications (
            id TEXT PRIMARY KEY,
            owner_unit_id TEXT NOT NULL REFERENCES units(id),
            number INTEGER NOT NULL,
            year INTEGER NOT NULL,
            member_id TEXT NOT NULL REFERENCES members(id),
            loan_id TEXT NOT NULL REFERENCES support_loans(id),
            plan_code TEXT NOT NULL,
            category TEXT NOT NULL,
            period_from TEXT NOT NULL,
            period_to TEXT NOT NULL,
            submitted_on TEXT NOT NULL,
            state TEXT NOT NULL,
            interest_paid INTEGER NOT NULL DEFAULT 0,
            support_amount INTEGER,
            computation TEXT NOT NULL DEFAULT '',
            checked_on TEXT,
            checked_by TEXT NOT NULL DEFAULT '',
            approved_on TEXT,
            approved_by TEXT NOT NULL DEFAULT '',
            decision_number TEXT NOT NULL DEFAULT '',
            rejected_on TEXT,
            rejected_by TEXT NOT NULL DEFAULT '',
            rejection_reason TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (year, number)
        );
        CREATE INDEX support_applications_member ON support_applications(member_id);
        CREATE INDEX support_applications_loan ON support_applications(loan_id, period_from);
        CREATE INDEX support_applications_state ON support_applications(state, submitted_on);

        CREATE TABLE support_checklist (
            application_id TEXT NOT NULL REFERENCES support_applications(id),
            item TEXT NOT NULL,
            ok INTEGER NOT NULL,
            evidence TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (application_id, item)
        ) WITHOUT ROWID;
        """,
    )


@MIGRATIONS()
def m020_support_fund(db: Database) -> None:
    """The fund's ledger, append-only."""
    run_script(
        db,
        """
        CREATE TABLE fund_entries (
            id TEXT PRIMARY KEY,
            owner_unit_id TEXT NOT NULL REFERENCES units(id),
            seq INTEGER NOT NULL UNIQUE,
            entry_date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('thu', 'chi', 'dao')),
            amount INTEGER NOT NULL CHECK (amount > 0),
            direction INTEGER NOT NULL CHECK (direction IN (1, -1)),
            contributor TEXT NOT NULL DEFAULT '',
            contributor_kind TEXT NOT NULL DEFAULT '',
            receipt_number TEXT NOT NULL DEFAULT '',
            application_id TEXT REFERENCES support_applications(id),
            reverses_id TEXT REFERENCES fund_entries(id),
            reason TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX fund_entries_date ON fund_entries(entry_date, seq);
        CREATE INDEX fund_entries_application ON fund_entries(application_id) WHERE application_id IS NOT NULL;
        CREATE UNIQUE INDEX fund_entries_receipt ON fund_entries(receipt_number)
            WHERE kind = 'thu' AND receipt_number <> '';
        CREATE UNIQUE INDEX fund_entries_reversal ON fund_entries(reverses_id) WHERE reverses_id IS NOT NULL;
        CREATE TRIGGER fund_entries_never_edited BEFORE UPDATE ON fund_entries BEGIN
            SELECT RAISE(ABORT, 'fund entries are never edited: reverse the entry instead');
        END;
        CREATE TRIGGER fund_entries_never_deleted BEFORE DELETE ON fund_entries BEGIN
            SELECT RAISE(ABORT, 'fund entries are never deleted: reverse the entry instead');
        END;
        """,
    )
