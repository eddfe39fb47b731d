"""The register of documents sent (sổ đăng ký văn bản đi): listing it, showing it page by page, printing it.

Each issuer keeps its own: the committee's, and a cell's for the papers the cell issued. A cell secretary
sees and prints their own cell's register only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.output import check_target
from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import check_year, format_vn_date
from tayninh_desktop.domain.documents import DocumentSettings, IssuedDocument
from tayninh_desktop.services import documents_issuer, documents_numbering, organisation, scope
from tayninh_desktop.services.form_catalogue import get_form
from tayninh_desktop.services.print_result import PrintResult
from tayninh_desktop.services.sample_register import frame_settings
from tayninh_desktop.storage import documents_repo
from tayninh_desktop.storage.db import Database


def register_listing(db: Database, *, year: int | None = None, type_code: str | None = None) -> list[IssuedDocument]:
    """The document register (every issuer; a cell secretary: their cell's), newest first."""
    check_year(year)
    found = documents_repo.listing(db, year=year, type_code=type_code)
    cell = scope.scoped_cell(db)
    return found if cell is None else [d for d in found if d.unit_id == cell]


def print_register(db: Database, actor: Actor, out: Path, *, year: int | None = None, cell_id: str | None = None,
                   settings: DocumentSettings | None = None, blank: bool = False) -> PrintResult:
    """Print one issuer's register of documents sent (sổ đăng ký văn bản đi): the committee's, or a cell's
    with ``cell_id``; its own documents only, oldest first, with recipients and copies."""
    actor.require(Permission.READ)
    output_targets.check(out)
    settings = frame_settings(db, settings)
    check_year(year)
    check_target(out)
    require_register_scope(db, actor, cell_id)
    form = get_form("so_dang_ky_van_ban")
    result = render(form, register_context(db, year=year, cell_id=cell_id), out, settings=settings, blank=blank)
    return PrintResult(result.path, result.pages, result.sha256)


def require_register_scope(db: Database, actor: Actor, cell_id: str | None) -> None:
    """A cell secretary sees their own cell's register of documents only (not the committee's, not another's)."""
    if actor.scoped or scope.scoped_cell(db):
        scope.require_cell(db, cell_id, actor)


def register_context(db: Database, *, year: int | None = None, cell_id: str | None = None) -> dict:
    """The values of the printed register of documents sent (the committee's, or a cell's)."""
    if scope.scoped_cell(db):
        scope.require_cell(db, cell_id)
    on = date.today()
    form = get_form("so_dang_ky_van_ban")
    unit = organisation.unit(db, cell_id) if cell_id else organisation.require_home(db)
    docs = documents_numbering.register_of(db, unit.id, year=year)
    rows = [{"symbol": d.symbol, "issued_on": format_vn_date(d.issued_on), "summary": d.summary, "signer": d.signer,
             "recipients": d.recipients, "copies": d.copies or ""} for d in docs]
    name = documents_issuer.name_on(db, unit.id, on)
    return {"header": documents_issuer.header(db, unit, on, form), "documents": rows, "unit_name": name, "issuer_name": name,
            "period_text": f"năm {year}" if year else "", "document_count": len(rows)}


def register_ids(db: Database, *, year: int | None = None, unit_id: str | None = None) -> list[str]:
    """The ids of the document register (one issuer's with ``unit_id``), newest first (a table fetches their
    rows as it paints them); a cell secretary's cell's only."""
    check_year(year)
    own = scope.scoped_cell(db)
    if own is not None and unit_id not in (None, own):
        return []   # another issuer's register shows nothing to a cell secretary
    return documents_repo.ids(db, year=year, unit_id=own or unit_id)


def register_rows(db: Database, document_ids: list[str]) -> list[IssuedDocument]:
    found = documents_repo.get_many(db, document_ids)
    cell = scope.scoped_cell(db)
    return found if cell is None else [d for d in found if d.unit_id == cell]
