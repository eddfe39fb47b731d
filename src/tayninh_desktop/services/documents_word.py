"""Papers as Word files (.docx) in the same HD 36 frame as their PDF, for the office to finish in Word.

A Word file is never numbered here: a numbered paper saved before it is issued says "DỰ THẢO" and leaves its
number to write, as its preview does; once issued, ``reprint_docx`` gives the Word file of the paper as
the register keeps it (its number, date and typed body). A meeting dossier binds several papers: each is
saved on its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tayninh_desktop.documents import context_codec
from tayninh_desktop.documents.docx_writer import WordResult, render_docx
from tayninh_desktop.documents.output import check_target
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.documents import DocumentSettings
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents_letters, scope
from tayninh_desktop.services.documents import (
    PrintRequest,
    _require_scope,
    build_context,
    checked_request,
    has_content,
)
from tayninh_desktop.services.documents_register import register_context, require_register_scope
from tayninh_desktop.services.form_catalogue import get_form
from tayninh_desktop.services.sample_register import frame_settings
from tayninh_desktop.storage import documents_repo
from tayninh_desktop.storage.db import Database

SUFFIX = ".docx"


def _check_word_target(out: Path) -> None:
    if Path(out).suffix.lower() != SUFFIX:
        raise DomainError("word_needs_docx", path=str(out))
    check_target(out)


def save_docx(db: Database, actor: Actor, form_id: str, out: Path, request: PrintRequest,
              *, settings: DocumentSettings | None = None) -> WordResult:
    """Save a paper as a Word file (nothing is numbered or entered in the register)."""
    actor.require(Permission.READ)
    settings = frame_settings(db, settings)
    form = get_form(form_id)
    request = checked_request(request)
    _require_scope(db, actor, request)
    _check_word_target(out)
    if form.parts:
        raise DomainError("word_not_for_dossier", form=form.name)
    if form.source == "document_register":
        require_register_scope(db, actor, request.cell_id)
        context = register_context(db, year=request.year, cell_id=request.cell_id)
    else:
        request, _ = documents_letters.effective_request(db, form, request)
        context = build_context(db, form_id, request)
        if form.numbered and not request.blank and has_content(form, context):   # not issued: a draft
            context["header"] = replace(context["header"], number=None, draft=True)
    return render_docx(form, context, out, settings=settings, blank=request.blank)


def reprint_docx(db: Database, actor: Actor, document_id: str, out: Path,
                 *, settings: DocumentSettings | None = None) -> WordResult:
    """The Word file of an issued paper, from the values the register recorded (same number, same date)."""
    actor.require(Permission.READ)
    doc = documents_repo.get(db, document_id)
    if doc is None:
        raise DomainError("document_not_found", document_id=document_id)
    scope.require_cell(db, doc.unit_id, actor)   # a cell secretary: their cell's papers only
    settings = frame_settings(db, settings)
    _check_word_target(out)
    return render_docx(get_form(doc.form_id), context_codec.loads(doc.context_json), out, settings=settings)
