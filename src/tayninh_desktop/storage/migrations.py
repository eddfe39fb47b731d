"""The schema, as append-only migrations (m001_…, m002_…) of one sqlite-utils migration set.

Each area keeps its migration in its own ``schema_<area>.py`` module, registered on ``MIGRATIONS``;
the import order below is the order in which they apply. Never edit an applied migration: add one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from tayninh_desktop.storage.sql_script import run_script

MIGRATIONS = Migrations("tayninh_desktop")


@MIGRATIONS()
def m001_register(db: Database) -> None:
    """Settings, the organisation tree, members, their history and its projection, the audit log."""
    run_script(
        db,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE units (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            unit_type TEXT NOT NULL,
            place_name TEXT NOT NULL DEFAULT '',
            valid_from TEXT,
            valid_to TEXT,
            merged_into_id TEXT REFERENCES units(id),
            is_home INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE unit_versions (
            id TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL REFERENCES units(id),
            name TEXT NOT NULL,
            header_name TEXT NOT NULL,
            parent_id TEXT REFERENCES units(id),
            valid_from TEXT,
            valid_to TEXT,
            doc_number TEXT NOT NULL DEFAULT '',
            doc_date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX unit_versions_unit ON unit_versions(unit_id, valid_from);
        CREATE INDEX unit_versions_parent ON unit_versions(parent_id);

        CREATE TABLE members (
            id TEXT PRIMARY KEY,
            owner_unit_id TEXT NOT NULL REFERENCES units(id),
            full_name TEXT NOT NULL,
            family_name TEXT NOT NULL,
            middle_name TEXT NOT NULL,
            given_name TEXT NOT NULL,
            other_name TEXT NOT NULL DEFAULT '',
            gender TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            birth_year_only INTEGER NOT NULL DEFAULT 0,
            hometown TEXT NOT NULL DEFAULT '',
            permanent_address TEXT NOT NULL DEFAULT '',
            current_address TEXT NOT NULL DEFAULT '',
            ethnicity TEXT NOT NULL DEFAULT '',
            religion TEXT NOT NULL DEFAULT '',
            cccd TEXT NOT NULL DEFAULT '',
            card_number TEXT NOT NULL DEFAULT '',
            dossier_number TEXT NOT NULL DEFAULT '',
            joined_on TEXT NOT NULL,
            full_member_on TEXT,
            occupation TEXT NOT NULL DEFAULT '',
            education_general TEXT NOT NULL DEFAULT '',
            education_professional TEXT NOT NULL DEFAULT '',
            political_theory TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            cell_id TEXT REFERENCES units(id),
            status TEXT NOT NULL,
            name_folded TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            search_text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX members_cccd ON members(cccd) WHERE cccd <> '';
        CREATE UNIQUE INDEX members_card ON members(card_number) WHERE card_number <> '';
        CREATE INDEX members_sort ON members(sort_key);
        CREATE INDEX members_cell_sort ON members(cell_id, sort_key);
        CREATE INDEX members_status_sort ON members(status, sort_key);
        CREATE INDEX members_name_birth ON members(name_folded, birth_date);

        CREATE VIRTUAL TABLE members_fts USING fts5(
            search_text, content='members', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0'
        );
        CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
            INSERT INTO members_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
        END;
        CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
            INSERT INTO members_fts(members_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        END;
        CREATE TRIGGER members_fts_update AFTER UPDATE OF search_text ON members BEGIN
            INSERT INTO members_fts(members_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
            INSERT INTO members_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
        END;

        CREATE TABLE member_events (
            id TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            event_date TEXT NOT NULL,
            seq INTEGER NOT NULL DEFAULT 0,
            cell_id TEXT REFERENCES units(id),
            end_date TEXT,
            place TEXT NOT NULL DEFAULT '',
            doc_number TEXT NOT NULL DEFAULT '',
            doc_date TEXT,
            doc_issuer TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX member_events_member ON member_events(member_id, event_date, seq);
        CREATE INDEX member_events_kind_date ON member_events(kind, event_date);

        CREATE TABLE member_periods (
            member_id TEXT NOT NULL REFERENCES members(id),
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            present INTEGER NOT NULL,
            cell_id TEXT REFERENCES units(id),
            standing TEXT,
            status TEXT,
            away_until TEXT,
            PRIMARY KEY (member_id, valid_from)
        ) WITHOUT ROWID;
        CREATE INDEX member_periods_cell ON member_periods(cell_id, valid_from, valid_to);

        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            before_json TEXT,
            after_json TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        """
    )


# Later areas register their migrations by being imported here, in order.
# (one line per area; keep the order: it is the order of application, hence isort off)
# isort: off
from tayninh_desktop.storage import schema_party_life  # noqa: F401
from tayninh_desktop.storage import schema_documents  # noqa: F401
from tayninh_desktop.storage import schema_meeting_secretary  # noqa: F401
from tayninh_desktop.storage import schema_rules  # noqa: F401
from tayninh_desktop.storage import schema_papers  # noqa: F401
from tayninh_desktop.storage import schema_support  # noqa: F401
# isort: on
# Issue 9 (safety): the keyed audit chain and row hashes (m014).
# isort: off
from tayninh_desktop.storage import schema_integrity  # noqa: F401
from tayninh_desktop.storage import schema_statistics  # noqa: F401
from tayninh_desktop.storage import schema_screening  # noqa: F401
# isort: on
# Issue 14 (returns): keys, returns sent and received, merging units (m038–m041).
# isort: off
from tayninh_desktop.storage import schema_returns  # noqa: F401
# isort: on
# Issue 15 (accounts): accounts and roles (m032), the audit page's indexes (m033).
# isort: off
from tayninh_desktop.storage import schema_accounts  # noqa: F401
# isort: on
# Issues 12 and 14 polish: progress notes at a meeting, corrected steps (m042); one store of allotments (m043).
# isort: off
from tayninh_desktop.storage import schema_case_steps  # noqa: F401
from tayninh_desktop.storage import schema_allotments  # noqa: F401
# isort: on
# Issue 11 (perf2): attendance and dues keyed by integers, views under the old names (m035).
# isort: off
from tayninh_desktop.storage import schema_compact  # noqa: F401
# isort: on
# Statistics polish: the dated changes of occupation and schooling (m044).
# isort: off
from tayninh_desktop.storage import schema_field_history  # noqa: F401
# isort: on
# Issue 8 (last gap): dues paid in advance or settled late, several months at once (m046).
# isort: off
from tayninh_desktop.storage import schema_dues_payments  # noqa: F401
# isort: on
# Issue 11 (search as you type): prefix indexes of one and two letters in the members' full-text index (m047).
# isort: off
from tayninh_desktop.storage import schema_search  # noqa: F401
# isort: on
# Issue 11 (compact2): ratings and yearly tasks keyed by integers, views under the old names (m048, m049).
# isort: off
from tayninh_desktop.storage import schema_compact_yearly  # noqa: F401
# isort: on
