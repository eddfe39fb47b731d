"""Migration m003_documents: the register of issued documents (sổ đăng ký văn bản đi)."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m003_documents(db: Database) -> None:
    """Issued documents: number per type, issuer and year; the form and values to reprint; the PDF's hash."""
    run_script(
        db,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL REFERENCES units(id),
            type_code TEXT NOT NULL,
            issuer_code TEXT NOT NULL,
            number INTEGER NOT NULL,
            year INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '',
            form_id TEXT NOT NULL,
            context_json TEXT NOT NULL DEFAULT '{}',
            pdf_sha256 TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (unit_id, type_code, year, number)
        );
        CREATE INDEX documents_issued ON documents(issued_on);
        """
    )
