"""The printed cross-check: "Biên bản đối chiếu danh sách đảng viên" of a cell on a date.

The form (``forms/bien_ban_doi_chieu_danh_sach.toml``) is rendered by the documents engine; this
module builds its context from a ``CrossCheckResult``: the header of the committee on the date,
the counts, and one table for each side's missing members and for the fields that differ.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.forms import get_form
from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents import DocumentHeader, DocumentSettings
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.services import organisation
from tayninh_desktop.services.crosscheck import CrossCheckResult
from tayninh_desktop.services.documents_context import signers
from tayninh_desktop.services.sample_register import frame_settings

FORM_ID = "bien_ban_doi_chieu_danh_sach"


def _conclusion(result: CrossCheckResult) -> str:
    counts = result.counts
    if result.agrees:
        return "danh sách của chi bộ khớp hoàn toàn với sổ đảng viên."
    parts = [f"{counts['only_in_file']} đảng viên chỉ có trong danh sách" if counts["only_in_file"] else "",
             f"{counts['only_in_register']} đảng viên chỉ có trong sổ" if counts["only_in_register"] else "",
             f"{counts['differs']} đảng viên khác thông tin" if counts["differs"] else "",
             f"{counts['unreadable']} dòng không đọc được" if counts["unreadable"] else ""]
    return "danh sách của chi bộ chưa khớp với sổ: " + "; ".join(p for p in parts if p) + "."


def crosscheck_context(db, result: CrossCheckResult, *, printed_on: date | None = None) -> dict:
    """The values of the form: issued by the committee, dated ``printed_on`` (today)."""
    printed_on = printed_on or date.today()
    home = organisation.require_home(db)
    lines = organisation.header_lines(db, home.id, printed_on)
    header = DocumentHeader(superior_line=lines.superior_line, issuer_line=lines.issuer_line,
                            issuer_code=lines.issuer_code, place_name=lines.place_name, type_code="BB", on=printed_on)
    by_status = {status: [line for line in result.lines if line.status == status] for status in result.counts}
    differs = [{"full_name": line.full_name, "row": line.row, "field": field_label(d.field), "in_file": d.after,
                "in_register": d.before} for line in by_status["differs"] for d in line.diffs]
    file_count = sum(1 for line in result.lines if line.row is not None)
    return {
        "header": header, "checked": True, "committee_name": home.name, "unit_name": home.name,
        "cell_name": result.cell_name, "file_name": result.file_name, "sheet": result.sheet or "",
        "as_of": printed_on, "on_text": format_vn_date(result.on), "file_count": file_count,
        "register_count": file_count - len(by_status["only_in_file"]) - len(by_status["unreadable"])
        + len(by_status["only_in_register"]),
        **{k: str(v) for k, v in result.counts.items()}, "conclusion": _conclusion(result),
        "only_in_file_rows": [{"full_name": line.full_name, "birth": line.birth, "row": line.row,
                               "note": " ".join(line.details)} for line in by_status["only_in_file"]],
        "only_in_register_rows": [{"full_name": line.full_name, "birth": line.birth, "card_number": line.card_number,
                                   "note": ""} for line in by_status["only_in_register"]],
        "differs_rows": differs,
        "unreadable_rows": [{"row": line.row, "name_part": f" ({line.full_name})" if line.full_name else "",
                             "reason": "; ".join(d.split(": ", 1)[-1] for d in line.details)}
                            for line in by_status["unreadable"]],
        "cell_secretary": signers(db, result.cell_id)[0] if result.cell_id else "",
    }


def print_crosscheck(db, actor: Actor, result: CrossCheckResult, out: Path | str, *,
                     printed_on: date | None = None, settings: DocumentSettings | None = None) -> Path:
    """Write the biên bản of a cross-check as a PDF (atomically); the register is not changed."""
    actor.require(Permission.READ)
    output_targets.check(out, inputs=(result.source_path,))
    context = crosscheck_context(db, result, printed_on=printed_on)
    return render(get_form(FORM_ID), context, Path(out), settings=frame_settings(db, settings)).path
