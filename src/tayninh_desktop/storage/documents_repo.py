"""The register of issued documents."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.documents import IssuedDocument
from tayninh_desktop.storage.audit import now_iso

COLUMNS = ["id", "unit_id", "type_code", "number", "year", "symbol", "issued_on", "summary", "signer", "form_id",
           "pdf_sha256", "context_json", "created_at", "updated_at"]
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM documents"


def _document(row) -> IssuedDocument:
    v = dict(zip(COLUMNS, row))
    v["issued_on"] = from_iso(v["issued_on"])
    return IssuedDocument(**v)


def used_numbers(db: Database, unit_id: str, type_code: str, year: int) -> list[int]:
    rows = db.execute("SELECT number FROM documents WHERE unit_id = ? AND type_code = ? AND year = ?",
                      [unit_id, type_code, year])
    return [r[0] for r in rows]


def insert(db: Database, doc: IssuedDocument, issuer_code: str) -> None:
    stamp = now_iso()
    db.execute(
        f"INSERT INTO documents ({', '.join(COLUMNS)}, issuer_code) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
        [doc.id, doc.unit_id, doc.type_code, doc.number, doc.year, doc.symbol, to_iso(doc.issued_on), doc.summary,
         doc.signer, doc.form_id, doc.pdf_sha256, doc.context_json, stamp, stamp, issuer_code])


def set_hash(db: Database, document_id: str, sha256: str) -> None:
    db.execute("UPDATE documents SET pdf_sha256 = ?, updated_at = ? WHERE id = ?", [sha256, now_iso(), document_id])


def get(db: Database, document_id: str) -> IssuedDocument | None:
    row = db.execute(_SELECT + " WHERE id = ?", [document_id]).fetchone()
    return _document(row) if row else None


def listing(db: Database, *, year: int | None = None, type_code: str | None = None) -> list[IssuedDocument]:
    """Issued documents, newest first."""
    sql, params = _SELECT + " WHERE 1 = 1", []
    if year:
        sql += " AND year = ?"
        params.append(year)
    if type_code:
        sql += " AND type_code = ?"
        params.append(type_code)
    return [_document(r) for r in db.execute(sql + " ORDER BY issued_on DESC, number DESC", params)]
