"""Migrations m044 and m045: what the statistical forms read, kept for past cut-offs and read fast.

m044_member_field_changes — the dated changes of a member's occupation, schooling, qualification and
political theory.
The member's file keeps today's texts; a change made in the member form is also written here with the
day it took effect, the value it replaced and the new one, so that a statistical form for a past
cut-off reads the value of that day (Biểu 2 and 3 of Hướng dẫn 11-HD/BTCTW count occupation, schooling,
qualification and theory "at the end of the period"). The value on a day is the old value of the first
change after that day, else today's text.

m045_members_statistics_index — the member columns the forms count (sex, birth date, date of admission,
ethnic group, religion and the four texts) in one covering index, so that counting a 100,000-member list
by profile reads the narrow index instead of every wide member row (see storage/stats_sql_repo.py).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m044_member_field_changes(db: Database) -> None:
    """One row per change of a work field, in the order they took effect (``changed_on``, ``seq``)."""
    run_script(
        db,
        """
        CREATE TABLE member_field_changes (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            field TEXT NOT NULL CHECK (field IN ('occupation', 'education_general', 'education_professional',
                                                 'political_theory')),
            changed_on TEXT NOT NULL,
            seq INTEGER NOT NULL,
            old_value TEXT NOT NULL,
            new_value TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX member_field_changes_member ON member_field_changes(member_id, field, changed_on, seq);
        CREATE INDEX member_field_changes_day ON member_field_changes(changed_on, member_id);
        """,
    )


@MIGRATIONS()
def m045_members_statistics_index(db: Database) -> None:
    """A covering index of the member columns the statistical forms read (an index: no data changes)."""
    run_script(
        db,
        """
        CREATE INDEX members_statistics ON members(id, gender, birth_date, joined_on, ethnicity, religion,
                                                   occupation, education_general, education_professional,
                                                   political_theory);
        """,
    )
