"""A case's papers bound into the dossier of the cell meeting where the cell votes on it (``documents_dossier``): for
each case, the member under discussion with the motion the cell votes on that day (the help list, the screening,
the removal in its form), the tally with the figures recorded for that vote when it is recorded, and the case's
resolution (the one issued, with its number; otherwise its draft).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from tayninh_desktop.documents.dossier import DossierPart
from tayninh_desktop.domain.cases import Case, CaseKind, CaseStep, Level, RemovalForm, Step
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.messages_documents import MOTIONS
from tayninh_desktop.domain.messages_screening import FORM_WORDS, STATE_LABELS
from tayninh_desktop.domain.votes import VoteKind
from tayninh_desktop.services import documents_votes, scope, screening_papers
from tayninh_desktop.services.form_catalogue import get_form
from tayninh_desktop.storage import cases_repo, documents_repo, members_repo
from tayninh_desktop.storage.db import Database

# The resolution a cell adopts after each kind of vote (the help list's is one paper for every member listed).
RESOLUTIONS = {VoteKind.HELP_LIST: "nghi_quyet_danh_sach_giup_do", VoteKind.SCREENING: "nghi_quyet_ket_qua_giup_do",
               VoteKind.REMOVAL: "nghi_quyet_de_nghi_xoa_ten"}
RESOLUTION_TITLES = {VoteKind.HELP_LIST: "Nghị quyết đưa vào danh sách cần giáo dục, giúp đỡ",
                     VoteKind.SCREENING: "Nghị quyết kết quả giáo dục, giúp đỡ đồng chí {name}",
                     VoteKind.REMOVAL: "Nghị quyết đề nghị {words} đồng chí {name}"}
DRAFT = " (dự thảo)"
ISSUED = " (số {symbol})"


@dataclass(frozen=True)
class BoundCase:
    """A case the meeting votes on: its member, what the slips ask, the vote recorded that day (if any)."""

    case: Case
    member: Member
    kind: VoteKind
    question: str
    vote: CaseStep | None


def cell_vote_on(case: Case, on: date) -> CaseStep | None:
    """The cell's vote on the case recorded on ``on`` (the listing, the screening, the removal at the cell)."""
    found = [s for s in case.steps if s.on == on and (s.step is Step.REVIEW_VOTE or
                                                      (s.step is Step.VOTE and s.level in ("", Level.CELL)))]
    return found[-1] if found else None


def _kind(case: Case, vote: CaseStep | None, name: str) -> VoteKind:
    if vote is not None:
        return VoteKind.SCREENING if vote.step is Step.REVIEW_VOTE else (
            VoteKind.HELP_LIST if case.kind is CaseKind.HELP else VoteKind.REMOVAL)
    if case.is_open and case.kind is CaseKind.HELP:
        return VoteKind.SCREENING if case.listed else VoteKind.HELP_LIST
    if case.is_open and case.form is not RemovalForm.EXPELLED and not case.level_cleared(Level.CELL):
        return VoteKind.REMOVAL
    raise DomainError("dossier_case_no_cell_vote", name=name, state=STATE_LABELS[case.state.value].lower())


def motion(case: Case, kind: VoteKind, name: str) -> str:
    """What the slip asks: a removal in its form ("đề nghị cho ra khỏi Đảng đồng chí …"), else the kind's motion."""
    if kind is VoteKind.REMOVAL and case.form is not None and case.form is not RemovalForm.STRUCK_OFF:
        return f"{FORM_WORDS[case.form.value]} đồng chí {name}"
    return MOTIONS[kind.value].format(name=name)


def bound_cases(db: Database, case_ids: tuple[str, ...], cell_id: str, cell_name: str, on: date) -> list[BoundCase]:
    """The cases of the dossier, each checked: of the meeting's cell, with something for the cell to vote on."""
    scope.require_cell(db, cell_id)
    out = []
    for case_id in dict.fromkeys(case_ids):
        case = cases_repo.get(db, case_id)
        if case is None:
            raise DomainError("case_not_found", case=case_id)
        member = members_repo.get(db, case.member_id)
        assert member is not None
        if case.cell_id != cell_id:
            from tayninh_desktop.services.documents_issuer import name_on

            raise DomainError("dossier_case_other_cell", name=member.full_name, cell=cell_name,
                              case_cell=name_on(db, case.cell_id, on) if case.cell_id else "chi bộ khác")
        vote = cell_vote_on(case, on)
        kind = _kind(case, vote, member.full_name)
        out.append(BoundCase(case, member, kind, motion(case, kind, member.full_name), vote))
    return out


def meeting_of(case: Case, today: date) -> date:
    """The meeting a case's dossier is for: the day of its last cell vote, else today."""
    votes = [s for s in case.steps if s.step is Step.REVIEW_VOTE or (s.step is Step.VOTE and s.level == Level.CELL)]
    return votes[-1].on if votes else today


def voted_with(db: Database, case: Case, on: date) -> tuple[str, ...]:
    """The cases of the same cell the cell voted on that day (they share the meeting's dossier), this one first."""
    others = [c.id for c in cases_repo.listing(db, cell_id=case.cell_id) if c.id != case.id
              and cell_vote_on(c, on) is not None]
    return (case.id, *others)


def tally_values(db: Database, cell, on: date, bound: BoundCase) -> dict:
    """The tally of a case's question: the figures recorded for the vote that day, else the base and threshold of
    its kind (the figures written by hand at the meeting)."""
    if bound.vote is not None and bound.vote.vote is not None:
        return {**screening_papers.vote_values(bound.case, bound.vote, bound.member.full_name),
                "question": bound.question}
    base = documents_votes.vote_context(db, cell, on, bound.kind, None)
    return {"secret_fraction": base["secret_fraction"], "secret_needed": base["secret_needed"],
            "question": bound.question}


def _issued(db: Database, bound: BoundCase, form_id: str) -> tuple[dict, str] | None:
    step = bound.vote
    document = documents_repo.get(db, step.document_id) if step is not None and step.document_id else None
    if document is None or document.form_id != form_id:
        return None
    from tayninh_desktop.documents import context_codec

    return context_codec.loads(document.context_json), document.symbol


def resolution_parts(db: Database, bound: list[BoundCase], request, build_context) -> list[DossierPart]:
    """The cases' resolutions: an issued one as issued (its number), else its draft marked "DỰ THẢO"; the help
    list's once for every member listed that day."""
    parts: list[DossierPart] = []
    listing_done = False
    for item in bound:
        form_id = RESOLUTIONS[item.kind]
        if item.kind is VoteKind.HELP_LIST:
            if listing_done:
                continue
            listing_done = True
        issued = _issued(db, item, form_id)
        title = RESOLUTION_TITLES[item.kind].format(name=item.member.full_name, words=_words(item.case))
        if issued is not None:
            parts.append(DossierPart(get_form(form_id), issued[0], title + ISSUED.format(symbol=issued[1])))
            continue
        case_id = None if item.kind is VoteKind.HELP_LIST else item.case.id
        ctx = build_context(db, form_id, replace(request, case_id=case_id, member_id=None, member_ids=(),
                                                 case_ids=(), questions=()))
        ctx["header"] = replace(ctx["header"], number=None, draft=True)
        parts.append(DossierPart(get_form(form_id), ctx, title + DRAFT))
    return parts


def _words(case: Case) -> str:
    from tayninh_desktop.domain.messages_screening import DECISION_WORDS

    return DECISION_WORDS[case.form.value] if case.form else "xóa tên"
