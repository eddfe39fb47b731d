"""Migrations m010–m012 of the papers: the committee's terms, the document register per issuer and term,
the fields of the giấy giới thiệu sinh hoạt đảng on a transfer letter.

- m010_congresses: the close dates of the committee's congresses (the term of HD 36 point 1.3.1 runs from
  the day after a congress closes to the close of the next), as data the office enters.
- m011_documents_by_term: documents are numbered per issuer, type and term (no longer per calendar
  year); the register also keeps the recipients and the number of copies. The table is rebuilt because
  SQLite cannot drop the old UNIQUE (…, year, number): a new term restarts at 01 within a year. Rows
  issued before keep a NULL term (they were numbered per year) and still count in the term they fall in.
- m012_letter_papers: what the giấy giới thiệu prints from the transfer letter (dues paid through, the
  member's number in the sổ đảng viên) and the issued document that carries the letter's number.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m010_congresses(db: Database) -> None:
    """Congress close dates per unit (the committee's terms)."""
    run_script(
        db,
        """
        CREATE TABLE congresses (
            id TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL REFERENCES units(id),
            closed_on TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (unit_id, closed_on)
        );
        """
    )


@MIGRATIONS()
def m011_documents_by_term(db: Database) -> None:
    """The document register numbered per issuer, type and term, with recipients and copies."""
    run_script(
        db,
        """
        CREATE TABLE documents_new (
            id TEXT PRIMARY KEY,
            unit_id TEXT NOT NULL REFERENCES units(id),
            type_code TEXT NOT NULL,
            issuer_code TEXT NOT NULL,
            number INTEGER NOT NULL,
            year INTEGER NOT NULL,
            term_start TEXT,
            symbol TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '',
            recipients TEXT NOT NULL DEFAULT '',
            copies INTEGER NOT NULL DEFAULT 0,
            form_id TEXT NOT NULL,
            context_json TEXT NOT NULL DEFAULT '{}',
            pdf_sha256 TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (unit_id, type_code, term_start, number)
        );
        INSERT INTO documents_new (id, unit_id, type_code, issuer_code, number, year, term_start, symbol, issued_on,
                                   summary, signer, form_id, context_json, pdf_sha256, created_at, updated_at)
            SELECT id, unit_id, type_code, issuer_code, number, year, NULL, symbol, issued_on, summary, signer,
                   form_id, context_json, pdf_sha256, created_at, updated_at FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_new RENAME TO documents;
        CREATE INDEX documents_issued ON documents(issued_on);
        CREATE INDEX documents_unit_type ON documents(unit_id, type_code, issued_on);
        """
    )


@MIGRATIONS()
def m012_letter_papers(db: Database) -> None:
    """Transfer letters: dues paid through, the number in the sổ đảng viên, the document that printed it."""
    run_script(
        db,
        """
        ALTER TABLE transfer_letters ADD COLUMN dues_paid_through TEXT NOT NULL DEFAULT '';
        ALTER TABLE transfer_letters ADD COLUMN register_number TEXT NOT NULL DEFAULT '';
        ALTER TABLE transfer_letters ADD COLUMN document_id TEXT REFERENCES documents(id);
        """
    )
