"""The dossier of a cell meeting: every paper the meeting needs, in one PDF, from the register.

The parts are the dossier form's ``parts`` (forms/ho_so_hop_chi_bo.toml): the agenda, the
attendance sheet, the minutes, the draft resolution, the voting slips (one per member entitled to
vote, per question, each stating the motion), one vote-count record per question, and a record of
each member under discussion. The monthly resolution is voted by show of hands: a meeting with
nothing to decide by secret ballot has no slips and no vote count. Chair and attendance come from
the meeting recorded in party life when there is one that day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from tayninh_desktop.documents.dossier import DossierPart, render_dossier
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents import DocumentSettings
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.votes import VoteKind
from tayninh_desktop.services import documents_votes
from tayninh_desktop.services.form_catalogue import get_form
from tayninh_desktop.storage import events_repo, members_repo
from tayninh_desktop.storage.db import Database

ANNEX_FORM = "trich_ngang_dang_vien"
VOTE_COUNT_FORM = "bien_ban_kiem_phieu"
SLIPS_FORM = "phieu_bieu_quyet"
SECRET_PARTS = (SLIPS_FORM, VOTE_COUNT_FORM)
PART_TITLES = {
    "chuong_trinh_hop_chi_bo": "Chương trình kỳ họp",
    "danh_sach_hop_chi_bo": "Danh sách đảng viên dự họp (có cột ký tên)",
    "bien_ban_hop_chi_bo": "Biên bản họp chi bộ",
    "nghi_quyet_chi_bo": "Dự thảo Nghị quyết chi bộ",
    "phieu_bieu_quyet": "Phiếu biểu quyết ({count} phiếu)",
    VOTE_COUNT_FORM: "Biên bản kiểm phiếu: {question}",
    ANNEX_FORM: "Phụ lục: trích ngang đảng viên {name}",
}
ANNEX_GROUP = "Phụ lục: trích ngang lý lịch, quá trình sinh hoạt của đảng viên được xem xét"


def _agenda(ctx: dict, names: list[str], questions: list[str]) -> list[str]:
    items = [
        "Ổn định tổ chức; báo cáo số đảng viên có mặt, vắng mặt; giới thiệu chủ trì, thư ký.",
        "Thông tin thời sự; phổ biến văn bản, chủ trương của cấp trên.",
        f"Đánh giá kết quả thực hiện nhiệm vụ tháng trước; triển khai nhiệm vụ tháng {ctx['month']}.",
    ]
    if names:
        items.append(f"Xem xét trường hợp đảng viên: {', '.join(names)} (trích ngang kèm theo hồ sơ).")
    items.append("Đảng viên thảo luận, đóng góp ý kiến.")
    items.append(f"Biểu quyết giơ tay thông qua Nghị quyết {ctx['meeting_title']}.")
    if questions:
        items.append("Bỏ phiếu kín: " + "; ".join(questions) + "; kiểm phiếu, công bố kết quả.")
    items.append("Chủ trì kết luận; thông qua biên bản và nghị quyết; bế mạc.")
    return items


def _lower_first(text: str) -> str:
    """"Kết nạp …" → "kết nạp …" (the slip reads "Đồng ý kết nạp …"); an acronym stays."""
    return text[:1].lower() + text[1:] if text[:2].istitle() else text


def _questions(names: list[str], given: tuple[str, ...], kind: VoteKind) -> list[str]:
    """What the meeting decides by secret ballot: the typed questions, then one motion per member discussed."""
    return [_lower_first(q) for q in given] + [documents_votes.motion(kind, name) for name in names]


def _discussed(db: Database, ctx: dict, cell_id: str, on: date, member_ids: tuple[str, ...]) -> list:
    in_cell = set(events_repo.member_ids_in_cell_on(db, cell_id, on))
    members = []
    for member_id in member_ids:
        member = members_repo.get(db, member_id)
        if member is None:
            raise DomainError("member_not_found", member_id=member_id)
        if member_id not in in_cell:
            raise DomainError("member_not_in_cell", name=member.full_name, cell=ctx["cell_name"],
                              date=format_vn_date(on))
        members.append(member)
    return members


def _with_cases(db: Database, request):
    """A dossier asked for cases only: the meeting's cell is the first case's, its date the case's cell vote."""
    if request.cell_id or not request.case_ids:
        return request
    from tayninh_desktop.services.dossier_cases import meeting_of
    from tayninh_desktop.storage import cases_repo

    case = cases_repo.get(db, request.case_ids[0])
    if case is None:
        raise DomainError("case_not_found", case=request.case_ids[0])
    return replace(request, cell_id=case.cell_id, on=request.on or meeting_of(case, date.today()))


def dossier_parts(db: Database, cover: FormDefinition, request, build_context) -> tuple[dict, list[DossierPart]]:
    """The cover's values and the parts, each with the values of its form; the cases bound to the meeting add their
    member, their motion, their tally (the figures recorded that day) and their resolution."""
    from tayninh_desktop.services import dossier_cases

    request = _with_cases(db, request)
    if not request.cell_id:
        raise DomainError("dossier_needs_cell")
    on = request.on or date.today()
    request = replace(request, on=on, member_id=None, motion=request.motion or VoteKind.HELP_LIST)
    base = build_context(db, cover.id, request)
    discussed = _discussed(db, base, request.cell_id, on, request.member_ids)
    bound = dossier_cases.bound_cases(db, request.case_ids, request.cell_id, base["cell_name"], on)
    questions = _questions([m.full_name for m in discussed], request.questions, request.motion or VoteKind.HELP_LIST)
    questions += [b.question for b in bound]
    discussed += [b.member for b in bound if b.member.id not in {m.id for m in discussed}]
    names = [m.full_name for m in discussed]
    tallies = {b.question: dossier_cases.tally_values(db, _cell(db, request.cell_id), on, b) for b in bound}
    extra = {"questions": questions, "summary": f"lãnh đạo thực hiện nhiệm vụ tháng {base['month']} năm {on.year}", "agenda": _agenda(base, names, questions),
             "discussed_names": ", ".join(names) or "không", "printed_on": format_vn_date(date.today())}
    parts: list[DossierPart] = []
    for form_id in cover.parts:
        form = get_form(form_id)
        if form_id in SECRET_PARTS and not questions:   # show of hands only: no ballots
            continue
        if form_id == ANNEX_FORM:
            for member in discussed:
                ctx = build_context(db, form_id, replace(request, member_id=member.id))
                parts.append(DossierPart(form, ctx, PART_TITLES[form_id].format(name=member.full_name),
                                         group=ANNEX_GROUP))
            continue
        ctx = {**build_context(db, form_id, request), **extra}
        if form_id == VOTE_COUNT_FORM:
            for question in questions:
                parts.append(DossierPart(form, {**ctx, "question": question, **tallies.get(question, {})},
                                         PART_TITLES[form_id].format(question=question)))
            parts += dossier_cases.resolution_parts(db, bound, request, build_context)
            continue
        if form_id == SLIPS_FORM:
            ctx["questions"] = questions
        if form.numbered:   # a resolution is adopted at the meeting: the dossier carries its draft
            ctx["header"] = replace(ctx["header"], number=None, draft=True)
        title = PART_TITLES.get(form_id, form.name).format(count=len(questions) * int(ctx.get("slip_copies") or 1))
        parts.append(DossierPart(form, ctx, title))
    return {**base, **extra}, parts


def _cell(db: Database, cell_id: str):
    from tayninh_desktop.services import organisation

    return organisation.unit(db, cell_id)


def print_dossier(db: Database, form: FormDefinition, out: Path, request, build_context,
                  settings: DocumentSettings | None = None):
    """Render the dossier of ``form`` to ``out`` (atomically): (path, pages, sha256)."""
    cover_ctx, parts = dossier_parts(db, form, request, build_context)
    return render_dossier(form, cover_ctx, parts, out, settings=settings)
