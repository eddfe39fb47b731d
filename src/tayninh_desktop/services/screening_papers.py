"""The papers of the screening, with their content (not dotted lines): the values a form prints about a case (the
commitment, the slips' motion, the tally, the cell's resolution and tờ trình proposing removal, the decision with its
articles) and about a cell's help list (the proposed list, the resolution listing members, the helpers assigned),
and the report to the superior. The forms are TOML files in ``forms/``; this module only computes their values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.domain.cases import Case, CaseKind, CaseStep, Level, RemovalForm, Step
from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.document_rules import vote_rule
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_documents import FRACTION_WORDS, MOTIONS
from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS
from tayninh_desktop.domain.messages_screening import (
    CRITERION_LABELS,
    DECISION_WORDS,
    FORM_LABELS,
    FORM_WORDS,
    SOURCE_LABELS,
)
from tayninh_desktop.domain.votes import VoteKind
from tayninh_desktop.services import documents_issuer, documents_lists, scope
from tayninh_desktop.storage import cases_repo, members_repo
from tayninh_desktop.storage.db import Database

CASE_SOURCE = "screening_case"
LIST_SOURCES = ("help_proposed", "help_listing", "help_helpers", "screening_results")
# Forms that print a case's values without being made for cases (the slips, the tally, the decision).
CASE_FORMS = ("phieu_bieu_quyet", "bien_ban_kiem_phieu", "quyet_dinh")
# The tallies of a removal's votes above the cell: the committee's and the standing committee's.
LEVEL_TALLIES = {"bien_ban_kiem_phieu_dang_uy": Level.COMMITTEE, "bien_ban_kiem_phieu_ban_thuong_vu": Level.STANDING}


def effective_request(db: Database, form: FormDefinition, request):
    """A print about a case: the case, and the request with the case's cell and the date the paper belongs to
    (the vote's, the decision's, the commitment's) when none was given."""
    if not request.case_id:
        if form.source == CASE_SOURCE and not request.blank:   # a blank sheet is filled by hand: no case needed
            raise DomainError("form_needs", form=form.name, what="hồ sơ (--case)")
        return request, None
    case = cases_repo.get(db, request.case_id)
    if case is None:
        raise DomainError("case_not_found", case=request.case_id)
    if form.source != CASE_SOURCE and form.id not in CASE_FORMS:
        raise DomainError("form_not_for_case", form=form.name)
    on = request.on or paper_date(case, form.id)
    return replace(request, cell_id=request.cell_id or case.cell_id, member_id=None, on=on), case


def paper_date(case: Case, form_id: str) -> date:
    """The date a case's paper belongs to when the office gives none."""
    step = {"ban_cam_ket": case.last(Step.COMMITMENT), "quyet_dinh": case.last(Step.DECISION),
            "nghi_quyet_ket_qua_giup_do": case.last(Step.REVIEW_VOTE)}.get(form_id)
    if form_id in ("bien_ban_kiem_phieu", "nghi_quyet_de_nghi_xoa_ten", "to_trinh_xoa_ten"):
        step = cell_vote(case)
    if form_id in LEVEL_TALLIES:
        step = level_vote(case, LEVEL_TALLIES[form_id])
    return step.on if step else date.today()


def level_vote(case: Case, level: str) -> CaseStep | None:
    votes = case.votes(level)
    return votes[-1] if votes else None


def paper_text(text: str) -> str:
    """A text as it goes on paper: the screen's «» quotes become the typographic quotes documents use."""
    return (text or "").replace("«", "“").replace("»", "”")


def cell_vote(case: Case) -> CaseStep | None:
    votes = [s for s in case.steps if s.step is Step.VOTE and s.level == Level.CELL]
    return votes[-1] if votes else None


def _vote_kind(case: Case, step: CaseStep | None) -> VoteKind:
    if step is not None and step.step is Step.REVIEW_VOTE:
        return VoteKind.SCREENING
    if case.kind is CaseKind.HELP:
        return VoteKind.HELP_LIST
    return Level(step.level).vote_kind if step and step.level else VoteKind.REMOVAL


def vote_values(case: Case, step: CaseStep, name: str) -> dict:
    """The figures a paper prints about a counted vote, from the vote as recorded (they add up on paper)."""
    v = step.vote
    assert v is not None
    kind = _vote_kind(case, step)
    rule = vote_rule(kind, step.on)
    fraction = FRACTION_WORDS.get((rule.numerator, rule.denominator, rule.strict), f"{rule.numerator}/{rule.denominator}")
    return {"meeting_date": step.on, "vb_voters": v.eligible, "present_voters": v.present, "issued": v.present,
            "returned": v.ballots, "valid": v.yes + v.no, "invalid": v.invalid, "yes": v.yes, "no": v.no,
            "yes_pct": v.percent(v.yes), "no_pct": v.percent(v.no), "secret_needed": rule.needed(v.eligible),
            "secret_fraction": fraction, "question": MOTIONS[kind.value].format(name=name),
            "conclusion": ("đạt " if step.passed else "không đạt ") + fraction}


def _ground_text(case: Case) -> str:
    if case.kind is CaseKind.HELP:
        return CRITERION_LABELS.get(case.criterion, case.criterion)
    if case.form is RemovalForm.STRUCK_OFF:
        return EXIT_GROUNDS.get(case.ground, case.ground).lower()
    return FORM_LABELS[case.form.value].lower() if case.form else ""


def _history(case: Case) -> list[str]:
    lines = []
    for step in case.steps:
        if step.step is Step.SELF_REVIEW_REQUEST:
            lines.append(f"Ngày {format_vn_date(step.on)}, chi ủy yêu cầu đồng chí viết bản tự kiểm điểm.")
        elif step.step is Step.SELF_REVIEW:
            lines.append(f"Ngày {format_vn_date(step.on)}: " + ("đồng chí đã nộp bản tự kiểm điểm." if step.source ==
                                                               "nop" else "đồng chí không viết bản tự kiểm điểm."))
        elif step.step is Step.REQUEST_LETTER:
            lines.append(f"Ngày {format_vn_date(step.on)}, đồng chí có đơn đề nghị: {step.text or 'không ghi lý do'}.")
        elif step.step is Step.OPENED and case.origin_id:
            lines.append(step.text)
    return [paper_text(line) for line in lines]


def case_context(db: Database, form: FormDefinition, case: Case, on: date, ctx: dict) -> dict:
    """Everything a case's paper prints; the paper's own fields (issuer, signer, header) are already in ``ctx``."""
    member = members_repo.get(db, case.member_id)
    assert member is not None
    helper = members_repo.get(db, case.helper_id) if case.helper_id else None
    cell_name = documents_issuer.name_on(db, case.cell_id, on) if case.cell_id else ctx.get("cell_name", "")
    out = {**documents_lists.member_row(member), "cell_name": cell_name, "criterion": _ground_text(case),
           "ground_text": _ground_text(case), "listed_on": case.listed_on, "due_on": case.due_on,
           "helper_name": helper.full_name if helper else "", "history_lines": _history(case) or None}
    commitment = case.last(Step.COMMITMENT)
    if commitment is not None:
        out["commitment_lines"] = paper_text(commitment.text).split("\n")
    progress = [paper_text(f"Ngày {format_vn_date(s.on)}: {s.text}") for s in case.of(Step.PROGRESS)]
    out["progress_lines"] = progress or None
    if form.id in LEVEL_TALLIES:
        step = level_vote(case, LEVEL_TALLIES[form.id])
    else:
        step = case.last(Step.REVIEW_VOTE) if form.id == "nghi_quyet_ket_qua_giup_do" else cell_vote(case)
    if step is not None and step.vote is not None:
        out.update(vote_values(case, step, member.full_name))
    if form.id in LEVEL_TALLIES:
        out.update(_level_values(db, case, member, on, LEVEL_TALLIES[form.id], {**ctx, **out}))
    elif form.id == "phieu_bieu_quyet":
        kind = VoteKind.SCREENING if case.listed else (VoteKind.HELP_LIST if case.kind is CaseKind.HELP
                                                       else VoteKind.REMOVAL)
        out["question"] = MOTIONS[kind.value].format(name=member.full_name)
    if form.id == "phieu_bieu_quyet" and not ctx.get("questions"):
        out["questions"] = [out["question"]]
    builder = {"nghi_quyet_ket_qua_giup_do": _review_resolution, "nghi_quyet_de_nghi_xoa_ten": _removal_resolution,
               "to_trinh_xoa_ten": _removal_request, "quyet_dinh": _decision}.get(form.id)
    if builder is not None:
        out.update(builder(db, case, member, on, {**ctx, **out}))
    return out


def _review_resolution(db, case: Case, member, on: date, ctx: dict) -> dict:
    step = case.last(Step.REVIEW_VOTE)
    if step is None:
        return {"summary": f"về kết quả giáo dục, giúp đỡ đảng viên {member.full_name}"}
    if step.passed:
        items = [(f"Công nhận đồng chí {member.full_name} đã tiến bộ; đưa đồng chí ra khỏi danh sách đảng viên cần"
                 " được chi bộ giáo dục, giúp đỡ."),
                 "Đồng chí tiếp tục phát huy ưu điểm, thực hiện tốt nhiệm vụ đảng viên; chi ủy tiếp tục theo dõi."]
    else:
        removal = next((c for c in cases_repo.cases_of_member(db, member.id) if c.origin_id == case.id), None)
        form = FORM_LABELS[removal.form.value].lower() if removal and removal.form else "xóa tên"
        items = [f"Đồng chí {member.full_name} không tiến bộ sau thời gian giáo dục, giúp đỡ.",
                 (f"Chi bộ làm thủ tục đề nghị cấp có thẩm quyền xem xét, quyết định hình thức đưa ra khỏi Đảng:"
                 f" {form}.")]
    return {"summary": f"về kết quả giáo dục, giúp đỡ đảng viên {member.full_name}",
            "resolutions": [*items, "Chi ủy báo cáo kết quả lên cấp ủy cấp trên theo quy định./."]}


def _level_values(db, case: Case, member, on: date, level: str, ctx: dict) -> dict:
    """What the committee's or the standing committee's tally says besides the figures: the body that votes, its
    members, the motion, and the threshold in force (documents.toml vote_committee / vote_standing)."""
    if case.kind is not CaseKind.REMOVAL or case.form is RemovalForm.EXPELLED:
        raise DomainError("form_not_for_case", form="Biên bản kiểm phiếu")
    from tayninh_desktop.services.case_votes import authority

    decision = _removal_words(case)
    kind = Level(level).vote_kind
    rule = vote_rule(kind, on)
    out = {"secret_fraction": FRACTION_WORDS.get((rule.numerator, rule.denominator, rule.strict),
                                                 f"{rule.numerator}/{rule.denominator}")}
    if level == Level.COMMITTEE:
        out.update(body_name=ctx.get("committee_name", "Đảng ủy"), members_word="đảng ủy viên",
                   question=f"{FORM_WORDS[case.form.value]} đồng chí {member.full_name}",
                   proposal_text=f"đề nghị của {ctx['cell_name']} về việc {decision} đồng chí {member.full_name}")
    else:
        escalated = any(s.step is Step.ESCALATED and s.level == Level.STANDING for s in case.steps)
        out.update(body_name=authority(db, on, past_standing=escalated).body, members_word="ủy viên Ban Thường vụ",
                   question=f"{decision} đồng chí {member.full_name}",
                   proposal_text=(f"đề nghị của {ctx.get('committee_name', 'Đảng ủy')} về việc {decision} đồng chí"
                                  f" {member.full_name}"))
    return out


def _removal_words(case: Case) -> str:
    return DECISION_WORDS[case.form.value] if case.form else "xóa tên"


def _removal_resolution(db, case: Case, member, on: date, ctx: dict) -> dict:
    words = _removal_words(case)
    return {"summary": f"đề nghị {words} đảng viên {member.full_name}",
            "rule_basis": "Quy định thi hành Điều lệ Đảng và Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng",
            "resolutions": [(f"Đề nghị {ctx.get('report_to') or 'cấp ủy cấp trên'} xem xét, quyết định {words}"
                            f" đồng chí {member.full_name} ({ctx['ground_text']})."),
                            ("Chi ủy hoàn chỉnh hồ sơ, báo cáo cấp ủy cấp trên; thông báo nghị quyết đến đồng chí"
                            f" {member.full_name}./.")]}


def _removal_request(db, case: Case, member, on: date, ctx: dict) -> dict:
    words = _removal_words(case)
    content = [(f"Đồng chí {member.full_name}, sinh năm {member.birth_date.year}, vào Đảng ngày"
               f" {format_vn_date(member.joined_on)}, đảng viên {ctx['cell_name']}: {ctx['ground_text']}."),
               *_history(case)]
    if "yes" in ctx:
        content.append(f"Ngày {format_vn_date(ctx['meeting_date'])}, chi bộ họp, biểu quyết bằng phiếu kín: có quyền"
                       f" biểu quyết {ctx['vb_voters']} đồng chí, có mặt {ctx['present_voters']}, đồng ý {ctx['yes']}"
                       f" phiếu ({ctx['yes_pct']}%), không đồng ý {ctx['no']} phiếu ({ctx['no_pct']}%), không hợp lệ"
                       f" {ctx['invalid']} phiếu: {ctx['conclusion']}.")
    content.append(f"Chi bộ đề nghị {words} đồng chí {member.full_name}; kèm theo: nghị quyết của chi bộ, bản tự kiểm"
                   " điểm (hoặc các lần yêu cầu), đơn của đảng viên và các văn bản liên quan.")
    return {"summary": f"đề nghị {words} đảng viên {member.full_name}", "content": content,
            "addressee": ctx.get("report_to") or "Đảng ủy"}


def _abroad_basis(case: Case, on: date) -> list[str]:
    """Settlement abroad: the decision cites Quy định 127-QĐ/TW (screening_procedure.toml)."""
    if case.form is not RemovalForm.ABROAD and case.ground != "dinh_cu":
        return []
    from tayninh_desktop.services.party_life import rules

    rule = rules().on("settlement_abroad", on)
    return [(f"Quy định số {rule.doc_number}, ngày {rule.doc_date:%d/%m/%Y} của Ban Bí thư về đảng viên có quan hệ hôn"
            " nhân với người nước ngoài")]


def _decision(db, case: Case, member, on: date, ctx: dict) -> dict:
    """The quyết định's grounds and articles; refused when the decision belongs to a superior body."""
    from tayninh_desktop.services.case_votes import authority

    auth = authority(db, on)
    if auth.decides != "committee":
        raise DomainError("decision_by_superior", body=auth.body, date=format_vn_date(on))
    if case.kind is not CaseKind.REMOVAL or case.form is RemovalForm.EXPELLED:
        raise DomainError("form_not_for_case", form="Quyết định")
    decision = case.last(Step.DECISION)
    if decision is not None:
        raise DomainError("decision_already_recorded", number=decision.doc_number, date=format_vn_date(decision.on))
    words = _removal_words(case)
    proposers = [f"{ctx['cell_name']} (nghị quyết ngày {format_vn_date(s.on)}" + (f", số {s.doc_number})" if
                 s.doc_number else ")") for s in case.votes(Level.CELL) if s.passed]
    proposers += [f"Đảng ủy (nghị quyết ngày {format_vn_date(s.on)}" + (f", số {s.doc_number})" if s.doc_number else
                  ")") for s in case.votes(Level.COMMITTEE) if s.passed]
    birth = str(member.birth_date.year)
    article_1 = (f"{words.capitalize()} đồng chí {member.full_name}, sinh năm {birth}, quê quán"
                 f" {member.hometown or '...'}, vào Đảng ngày {format_vn_date(member.joined_on)}, đảng viên"
                 f" {ctx['cell_name']}" + (f", số thẻ đảng viên {member.card_number}" if member.card_number else "")
                 + f". Lý do: {ctx['ground_text']}.")
    return {"summary": f"về việc {words} đảng viên {member.full_name}", "deciding_body": auth.body,
            "grounds": ["Quy định thi hành Điều lệ Đảng và các hướng dẫn của Trung ương", *_abroad_basis(case, on),
                        f"Quy chế làm việc của {ctx.get('committee_name', 'Đảng ủy')}"],
            "proposer": " và ".join(proposers) or ctx["cell_name"],
            "articles": [article_1,
                         (f"Đồng chí {member.full_name} nộp lại thẻ đảng viên cho chi bộ; chi bộ thu hồi thẻ đảng viên,"
                         " nộp về Văn phòng Đảng ủy; Văn phòng Đảng ủy ghi quá trình sinh hoạt đảng và cập nhật cơ sở"
                         " dữ liệu đảng viên."),
                         (f"Văn phòng Đảng ủy, {ctx['cell_name']} và đồng chí {member.full_name} chịu trách nhiệm thi"
                         " hành Quyết định này. Quyết định có hiệu lực kể từ ngày ký./.")]}


# --- a cell's help list --------------------------------------------------------------------------------------

def list_context(db: Database, source: str, cell_id: str | None, on: date, year: int | None) -> dict:
    """The rows of a cell's help-list paper on ``on`` (or of the committee's report for ``year``)."""
    if source == "screening_results":
        scope.require_committee(db)
        return _results_context(db, year or on.year, on)
    if cell_id is None:
        raise DomainError("form_needs", form="Danh sách giúp đỡ", what="chi bộ (--cell)")
    scope.require_cell(db, cell_id)
    help_cases = [c for c in cases_repo.listing(db, cell_id=cell_id, kind=CaseKind.HELP)]
    if source == "help_proposed":
        chosen = [c for c in help_cases if c.is_open and not c.listed and c.opened_on <= on]
    elif source == "help_listing":
        voted = [c for c in help_cases if c.listed_on == on]
        chosen = voted or [c for c in help_cases if c.listed_on and c.listed_on.year == on.year and c.listed_on <= on]
    else:
        chosen = [c for c in help_cases if c.listed_on and c.listed_on <= on and (c.closed_on is None or
                                                                                  c.closed_on > on) and c.helper_id]
    members = {m.id: m for m in members_repo.get_many(db, [c.member_id for c in chosen] +
                                                         [c.helper_id for c in chosen if c.helper_id])}
    rows = [_list_row(index, case, members) for index, case in enumerate(chosen, start=1)]
    out = {"cases": rows, "case_count": len(rows)}
    if source == "help_listing" and rows:
        out["resolutions"] = [(f"Đưa {len(rows)} đồng chí có tên dưới đây vào danh sách đảng viên cần được chi bộ giáo"
                              f" dục, giúp đỡ; thời gian giúp đỡ 12 tháng kể từ ngày chi bộ biểu quyết.")]
        first = next((c for c in chosen if c.listed_on), None)
        if first is not None:
            out["meeting_date"] = first.listed_on
    return out


def _list_row(index: int, case: Case, members: dict) -> dict:
    member = members[case.member_id]
    vote = next((s for s in reversed(case.steps) if s.step is Step.VOTE and s.passed), None)
    local = case.last(Step.OPINION_LOCAL)
    end = case.due_on or (add_months(case.listed_on, 12) if case.listed_on else None)
    return {"stt": index, "full_name": member.full_name, "birth_year": member.birth_date.year,
            "criterion": CRITERION_LABELS.get(case.criterion, case.criterion), "evidence": paper_text(case.evidence),
            "local_opinion": paper_text(f"{SOURCE_LABELS.get(local.source, '')}: {local.text}") if local else "",
            "votes": f"{vote.vote.yes}/{vote.vote.eligible}" if vote and vote.vote else "",
            "yes_pct": vote.vote.percent(vote.vote.yes) if vote and vote.vote else "",
            "due_on": format_vn_date(case.due_on), "helper_name": members[case.helper_id].full_name
            if case.helper_id in members else "",
            "period": f"{format_vn_date(case.listed_on)} – {format_vn_date(end)}" if case.listed_on else ""}


def _results_context(db: Database, year: int, on: date) -> dict:
    from tayninh_desktop.domain.documents_report import percent_text
    from tayninh_desktop.services.screening_results import NEAR, OVER, results

    rows = results(db, year, today=min(on, date.today()) if year <= on.year else on)
    printed = [{**vars(r), "vs_previous": percent_text(r.vs_previous), "vs_baseline": percent_text(r.vs_baseline),
                "allotted": "" if r.allotted is None else r.allotted} for r in rows]
    printed[-1]["name"] = "Toàn đảng bộ"
    notes = [f"{r.name}: năm {year} có {r.measure} đảng viên bị xóa tên, xin ra khỏi Đảng"
             + (f" — vượt số được phân bổ ({r.allotted}, văn bản {r.allotment_doc})." if r.allotment_state == OVER else
                f", {r.pending} hồ sơ đang xử lý; số được phân bổ {r.allotted} (văn bản {r.allotment_doc})."
                if r.allotment_state == NEAR else ".")
             for r in rows if r.allotment_state in (NEAR, OVER)]
    return {"rows": printed, "year": year, "as_of": min(on, date(year, 12, 31)), "allotment_notes": notes or None}


def record_issue(db: Database, request, form: FormDefinition, document_id: str) -> None:
    """A numbered paper of a case is kept on the step it records (the vote, the decision), inside the issue's
    transaction."""
    if not request.case_id:
        return
    case = cases_repo.get(db, request.case_id)
    if case is None:
        return
    step = {"quyet_dinh": _last_vote(case), "nghi_quyet_ket_qua_giup_do": case.last(Step.REVIEW_VOTE)}.get(
        form.id, cell_vote(case))
    if step is not None and not step.document_id:
        cases_repo.set_step_document(db, step.id, document_id)


def _last_vote(case: Case) -> CaseStep | None:
    votes = case.votes()
    return votes[-1] if votes else None


def issued_decision(db: Database, case: Case):
    """The quyết định the program issued for the case (kept on its last vote), or None."""
    from tayninh_desktop.storage import documents_repo

    for step in reversed(case.votes()):
        if step.document_id:
            document = documents_repo.get(db, step.document_id)
            if document is not None and document.type_code == "QĐ":
                return document
    return None
