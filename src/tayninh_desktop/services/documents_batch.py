"""Several numbered papers of one form issued in one action and printed in one PDF (the reminder letters to every
unit owing a return): each letter takes its own number of its type in the committee's term and its own line of the
document register (reprinted alone from its recorded values), all in one transaction; the PDF holding them all is
moved into place only after the commit, and a refusal leaves neither a number nor a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tayninh_desktop.documents import context_codec
from tayninh_desktop.documents.batch import render_batch_bytes
from tayninh_desktop.documents.engine import recipient_lines, render_bytes
from tayninh_desktop.documents.fields import fill
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.documents.output import check_target, sha256_hex, stage
from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.documents import DOCUMENT_TYPES, DocumentSettings, IssuedDocument, format_symbol
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.services import documents_issuer, documents_numbering, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, documents_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class IssuedBatch:
    path: Path
    pages: int
    sha256: str
    symbols: tuple[str, ...]
    document_ids: tuple[str, ...]


def _summary(form: FormDefinition, context: dict) -> str:
    about = fill(form.summary, context, markup=False, dotted=False).strip(" ()") if form.summary else ""
    return " ".join(p for p in (DOCUMENT_TYPES.get(form.type_code, form.name), about) if p)


def _issue_one(db: Database, actor: Actor, form: FormDefinition, issuer, context: dict,
               settings: DocumentSettings | None) -> tuple[dict, IssuedDocument]:
    header = context["header"]
    on = header.on or date.today()
    number, term = documents_numbering.take_number(db, issuer.unit.id, form.type_code, on)
    context = {**context, "header": replace(header, number=number, draft=False)}
    symbol = format_symbol(number, form.type_code, header.issuer_code)
    data, _pages = render_bytes(form, context, settings=settings)   # the letter alone, as a reprint prints it
    recipients = recipient_lines(form, context)
    doc = IssuedDocument(id=new_id(), unit_id=issuer.unit.id, type_code=form.type_code, number=number, year=on.year,
                         symbol=symbol, issued_on=on, summary=_summary(form, context), signer=issuer.signer.name,
                         form_id=form.id, pdf_sha256=sha256_hex(data),
                         context_json=context_codec.dumps(context_codec.prune(form, context)), term_start=term.start,
                         recipients="\n".join(recipients), copies=len(recipients))
    documents_repo.insert(db, doc, header.issuer_code)
    audit.append(db, actor.name, "issue_document", "document", doc.id, None,
                 {"symbol": symbol, "form": form.id, "date": on.isoformat(), "sha256": doc.pdf_sha256})
    return context, doc


def issue_batch(db: Database, actor: Actor, form: FormDefinition, contexts: Sequence[dict], request, out: Path | str,
                *, settings: DocumentSettings | None = None) -> tuple[IssuedBatch, Changes]:
    """Issue one numbered paper per context (``request`` says who issues them) and print them all to ``out``."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, getattr(request, "cell_id", None), actor)
    out = Path(out)
    output_targets.check(out)
    check_target(out)
    staged = None
    try:
        with db.atomic():
            issuer = documents_issuer.resolve(db, form, request, contexts[0]["header"].on or date.today())
            documents_issuer.require_signer(issuer)
            issued = [_issue_one(db, actor, form, issuer, dict(ctx), settings) for ctx in contexts]
            data, pages = render_batch_bytes(form, [ctx for ctx, _doc in issued], settings=settings)
            staged = stage(out, data)
        staged.publish()
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    docs = [doc for _ctx, doc in issued]
    symbols = tuple(d.symbol for d in docs)
    return (IssuedBatch(out, pages, sha256_hex(data), symbols, tuple(d.id for d in docs)),
            Changes(documents=True, note=", ".join(symbols)))
