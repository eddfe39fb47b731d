"""Migrations m038–m041: returns on a USB stick, the keys they travel with, and merging units.

m038_exchange_keys — this installation's key pairs (public halves here; the private halves sealed in the key
folder, ``storage/keystore``, named by their id) and the key cards imported from the superior and from the units
that report to this one.

m039_returns_sent — each period a unit sent (locked after export; reopened with a reason, which is kept), each
package sent with its revision, the figures as sent and the receipt the superior sent back.

m040_returns_received — at the receiving end: every package accepted (a newer revision supersedes the older,
both kept), every package refused with its reason, and the periods the superior asked for with their deadline.

m041_unit_merge — registers of communes merged into this one: each source with its snapshot, the possible
duplicates found and the decision taken on each, and, for each member brought in, where the record came from.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m038_exchange_keys(db: Database) -> None:
    """Own keys and the key cards of the superior and of the reporting units."""
    run_script(
        db,
        """
        CREATE TABLE exchange_keys (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            unit_id TEXT REFERENCES units(id),
            sign_public TEXT NOT NULL,
            receive_public TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            sign_secret_id TEXT NOT NULL DEFAULT '',
            receive_secret_id TEXT NOT NULL DEFAULT '',
            confirmed_by TEXT NOT NULL DEFAULT '',
            retired_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX exchange_keys_current ON exchange_keys(role, unit_code) WHERE retired_at IS NULL;
        """,
    )


@MIGRATIONS()
def m039_returns_sent(db: Database) -> None:
    """Periods locked by an export, their reopenings, and the packages sent."""
    run_script(
        db,
        """
        CREATE TABLE return_periods (
            period TEXT PRIMARY KEY,
            locked INTEGER NOT NULL DEFAULT 0,
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE return_reopenings (
            id TEXT PRIMARY KEY,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE returns_sent (
            id TEXT PRIMARY KEY,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            kind TEXT NOT NULL,
            receiver_code TEXT NOT NULL,
            file_name TEXT NOT NULL,
            package_sha256 TEXT NOT NULL UNIQUE,
            sent_at TEXT NOT NULL,
            figures_json TEXT NOT NULL,
            explanations_json TEXT NOT NULL DEFAULT '[]',
            receipt_state TEXT NOT NULL DEFAULT '',
            receipt_at TEXT,
            receipt_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (period, revision)
        );
        """,
    )


@MIGRATIONS()
def m040_returns_received(db: Database) -> None:
    """Packages accepted and refused at the receiving end; the periods asked for."""
    run_script(
        db,
        """
        CREATE TABLE returns_received (
            id TEXT PRIMARY KEY,
            sender_code TEXT NOT NULL,
            sender_unit_id TEXT REFERENCES units(id),
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            kind TEXT NOT NULL,
            package_sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            made_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL,
            manifest_json TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            snapshot_json TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (sender_code, period, revision)
        );
        CREATE INDEX returns_received_period ON returns_received(period, sender_code, state);
        CREATE TABLE return_rejections (
            id TEXT PRIMARY KEY,
            sender_code TEXT NOT NULL,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            package_sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            reason_code TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX return_rejections_period ON return_rejections(period, sender_code);
        CREATE TABLE return_expectations (
            period TEXT PRIMARY KEY,
            deadline TEXT NOT NULL,
            doc_number TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )


@MIGRATIONS()
def m041_unit_merge(db: Database) -> None:
    """Registers merged into this one: the sources, the possible duplicates and their decisions, the origins."""
    run_script(
        db,
        """
        CREATE TABLE merge_sources (
            id TEXT PRIMARY KEY,
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            source_kind TEXT NOT NULL,
            source_ref TEXT NOT NULL,
            merged_on TEXT NOT NULL,
            state TEXT NOT NULL,
            snapshot_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE merge_pairs (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES merge_sources(id),
            source_member TEXT NOT NULL,
            other_source_id TEXT,
            other_member TEXT NOT NULL,
            matched_by TEXT NOT NULL,
            decision TEXT NOT NULL DEFAULT '',
            decided_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX merge_pairs_source ON merge_pairs(source_id);
        CREATE TABLE member_origins (
            member_id TEXT NOT NULL REFERENCES members(id),
            source_id TEXT NOT NULL REFERENCES merge_sources(id),
            original_id TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            record_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (member_id, source_id, original_id)
        ) WITHOUT ROWID;
        """,
    )
