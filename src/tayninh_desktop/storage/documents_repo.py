"""The register of issued documents."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.documents import IssuedDocument
from tayninh_desktop.domain.lifecycle import MemberEvent
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.events_repo import EVENT_COLUMNS, event_from_row

COLUMNS = ["id", "unit_id", "type_code", "number", "year", "symbol", "issued_on", "summary", "signer", "form_id",
           "pdf_sha256", "context_json", "created_at", "updated_at", "term_start", "recipients", "copies"]
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM documents"


def _document(row) -> IssuedDocument:
    v = dict(zip(COLUMNS, row))
    v["issued_on"] = from_iso(v["issued_on"])
    v["term_start"] = from_iso(v["term_start"])
    return IssuedDocument(**v)


def used_numbers(db: Database, unit_id: str, type_code: str, start: date, end: date | None) -> list[int]:
    """The numbers of ``type_code`` the unit issued from ``start`` to ``end`` (inclusive; None: open)."""
    sql = "SELECT number FROM documents WHERE unit_id = ? AND type_code = ? AND issued_on >= ?"
    params: list = [unit_id, type_code, to_iso(start)]
    if end is not None:
        sql += " AND issued_on <= ?"
        params.append(to_iso(end))
    return [r[0] for r in db.execute(sql, params)]


def insert(db: Database, doc: IssuedDocument, issuer_code: str) -> None:
    stamp = now_iso()
    db.execute(
        f"INSERT INTO documents ({', '.join(COLUMNS)}, issuer_code) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
        [doc.id, doc.unit_id, doc.type_code, doc.number, doc.year, doc.symbol, to_iso(doc.issued_on), doc.summary,
         doc.signer, doc.form_id, doc.pdf_sha256, doc.context_json, stamp, stamp, to_iso(doc.term_start),
         doc.recipients, doc.copies, issuer_code])


def set_hash(db: Database, document_id: str, sha256: str) -> None:
    db.execute("UPDATE documents SET pdf_sha256 = ?, updated_at = ? WHERE id = ?", [sha256, now_iso(), document_id])


def get(db: Database, document_id: str) -> IssuedDocument | None:
    row = db.execute(_SELECT + " WHERE id = ?", [document_id]).fetchone()
    return _document(row) if row else None


def listing(db: Database, *, year: int | None = None, type_code: str | None = None,
            unit_id: str | None = None) -> list[IssuedDocument]:
    """Issued documents (of one issuer when ``unit_id`` is given), newest first."""
    sql, params = _SELECT + " WHERE 1 = 1", []
    if unit_id:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    if year:
        sql += " AND year = ?"
        params.append(year)
    if type_code:
        sql += " AND type_code = ?"
        params.append(type_code)
    return [_document(r) for r in db.execute(sql + " ORDER BY issued_on DESC, number DESC", params)]


def ids(db: Database, *, year: int | None = None, unit_id: str | None = None) -> list[str]:
    """The ids of issued documents (of one issuer when given), newest first (the register page fetches rows
    as they are painted)."""
    sql, params = "SELECT id FROM documents WHERE 1 = 1", []
    if year:
        sql += " AND year = ?"
        params.append(year)
    if unit_id:
        sql += " AND unit_id = ?"
        params.append(unit_id)
    return [r[0] for r in db.execute(sql + " ORDER BY issued_on DESC, number DESC", params)]


def get_many(db: Database, document_ids: list[str]) -> list[IssuedDocument]:
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    by_id = {d.id: d for d in map(_document, db.execute(_SELECT + f" WHERE id IN ({marks})", document_ids))}
    return [by_id[i] for i in document_ids if i in by_id]


def exit_events(db: Database, kinds: tuple[str, ...], start: date, end: date) -> list[tuple[str, date, str, str | None]]:
    """(kind, date, member id, the cell the member was in just before) of the events of ``kinds`` in
    [start, end]. An exit event carries no cell: the member's last period before it tells which."""
    marks = ", ".join("?" * len(kinds))
    rows = db.execute(
        "SELECT e.kind, e.event_date, e.member_id, (SELECT p.cell_id FROM member_periods p"
        "  WHERE p.member_id = e.member_id AND p.present = 1 AND p.valid_from < e.event_date"
        "  ORDER BY p.valid_from DESC LIMIT 1)"
        f" FROM member_events e WHERE e.kind IN ({marks}) AND e.event_date BETWEEN ? AND ?"
        " ORDER BY e.event_date", [*kinds, to_iso(start), to_iso(end)]).fetchall()
    return [(r[0], from_iso(r[1]), r[2], r[3]) for r in rows]


def member_events(db: Database, member_ids: list[str], kinds: tuple[str, ...]) -> list[MemberEvent]:
    """The events of ``kinds`` of these members, by member and date (the Mẫu 7-HSĐV columns 9–13)."""
    out: list[MemberEvent] = []
    marks = ", ".join("?" * len(kinds))
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM member_events WHERE kind IN ({marks})"
            f" AND member_id IN ({', '.join('?' * len(chunk))}) ORDER BY member_id, event_date, seq",
            [*kinds, *chunk]).fetchall()
        out.extend(event_from_row(r) for r in rows)
    return out


def members_left_between(db: Database, start: date, end: date, cell_id: str | None = None) -> list[str]:
    """Members whose last period ended in [start, end] (left the committee), optionally from one cell."""
    sql = ("SELECT p.member_id FROM member_periods p JOIN members m ON m.id = p.member_id"
           " WHERE p.present = 1 AND p.valid_to BETWEEN ? AND ?"
           " AND NOT EXISTS (SELECT 1 FROM member_periods q WHERE q.member_id = p.member_id AND q.present = 1"
           "  AND q.valid_from >= p.valid_to)")
    params: list = [to_iso(start), to_iso(end)]
    if cell_id:
        sql += " AND p.cell_id = ?"
        params.append(cell_id)
    return [r[0] for r in db.execute(sql + " ORDER BY m.sort_key", params)]


def earliest_record(db: Database, excluded_kinds: tuple[str, ...]) -> date | None:
    """The first day of party life the register recorded: its earliest meeting, or member event of a
    kind other than ``excluded_kinds`` (None when it has recorded neither)."""
    marks = ", ".join("?" * len(excluded_kinds))
    row = db.execute(
        "SELECT MIN(d) FROM (SELECT MIN(meeting_date) AS d FROM meetings"
        f" UNION ALL SELECT MIN(event_date) FROM member_events WHERE kind NOT IN ({marks}))",
        list(excluded_kinds)).fetchone()
    return from_iso(row[0]) if row and row[0] else None
