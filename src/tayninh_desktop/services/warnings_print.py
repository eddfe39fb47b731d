"""The warnings list on paper (danh sách cảnh báo sớm): the warnings as the home page shows them (a cell, a
kind, the order the clerk sorted), each with its evidence and legal basis, in the party document frame."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.output import check_target
from tayninh_desktop.domain import messages_warnings as m
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents import DocumentSettings
from tayninh_desktop.domain.messages_party_life import WARNING_LABELS
from tayninh_desktop.domain.warnings import EarlyWarning, Severity
from tayninh_desktop.services import organisation, scope
from tayninh_desktop.services.form_catalogue import get_form
from tayninh_desktop.storage.db import Database

FORM_ID = "danh_sach_canh_bao"


def _who(w: EarlyWarning) -> str:
    if w.member_name:
        return w.member_name
    return m.MONTH.format(month=f"{w.month[5:7]}/{w.month[:4]}") if w.month else m.COMMITTEE


def _evidence(w: EarlyWarning) -> str:
    """The evidence, with its basis when the evidence does not cite it already."""
    return w.evidence if not w.basis or w.basis in w.evidence else f"{w.evidence} (Căn cứ: {w.basis})"


def list_values(db: Database, warnings: Sequence[EarlyWarning], cell_id: str | None, kind: str | None,
                on: date) -> dict:
    """The rows and the words over them: which cells and kinds, the counts by severity (a cell secretary's session:
    their cell's only)."""
    cell_id = scope.cell_filter(db, cell_id)
    if scope.scoped_cell(db) is not None:
        warnings = [w for w in warnings if w.cell_id == cell_id]
    count = {severity: sum(w.severity is severity for w in warnings) for severity in Severity}
    cells = organisation.unit(db, cell_id).name if cell_id else m.ALL_CELLS
    kinds = WARNING_LABELS.get(kind, kind).lower() if kind else m.ALL_KINDS
    rows = [{"severity": m.SEVERITY_WORDS[w.severity.value], "kind": WARNING_LABELS.get(w.kind.value, w.kind.value),
             "cell": w.cell_name or m.COMMITTEE, "who": _who(w), "evidence": _evidence(w)} for w in warnings]
    counts = m.COUNTS.format(total=len(rows), reached=count[Severity.REACHED], near=count[Severity.NEAR],
                             notice=count[Severity.NOTICE]) if rows else m.NONE
    return {"warnings": rows, "scope_text": m.SCOPE.format(cells=cells, kinds=kinds, date=format_vn_date(on)),
            "counts_text": counts}


def computed_values(db: Database, cell_id: str | None, on: date) -> dict:
    """The list of a cell (or the committee) computed on ``on`` (the Văn bản page and the command line)."""
    from tayninh_desktop.services.warnings import compute_warnings

    cell_id = scope.cell_filter(db, cell_id)
    return list_values(db, compute_warnings(db, cell_id=cell_id, today=on), cell_id, None, on)


def print_warnings(db: Database, actor: Actor, out: Path, warnings: Sequence[EarlyWarning], *,
                   cell_id: str | None = None, kind: str | None = None, on: date | None = None,
                   settings: DocumentSettings | None = None):
    """Print the warnings given (as shown: filtered and sorted) to ``out``; nothing is numbered."""
    from tayninh_desktop.services.documents import PrintRequest, PrintResult, build_context

    actor.require(Permission.READ)
    cell_id = scope.cell_filter(db, cell_id, actor)
    if actor.scoped:
        warnings = [w for w in warnings if w.cell_id == cell_id]
    check_target(out)
    on = on or date.today()
    form = get_form(FORM_ID)
    request = PrintRequest(cell_id=cell_id, on=on, issue=False)
    context = build_context(db, FORM_ID, request, values=list_values(db, warnings, cell_id, kind, on))
    result = render(form, context, out, settings=settings)
    return PrintResult(result.path, result.pages, result.sha256)
