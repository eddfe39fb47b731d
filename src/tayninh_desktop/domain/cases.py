"""Screening and removal cases: a member's case, its dated steps, and the checks a step must pass.

A help case (rà soát → danh sách cần giáo dục, giúp đỡ → sàng lọc) and a removal case (đưa ra khỏi Đảng: xóa tên on
a ground, on request, settlement abroad, expulsion recorded from the discipline track). One open case per member and
kind. Every step has its date and its document; a vote has its eligible, present, ballots, yes, no and invalid.
Nothing is ever deleted: a case is closed by its outcome or withdrawn with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import FieldIssue
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.votes import VoteKind, VoteRule


class CaseKind(StrEnum):
    HELP = "giup_do"          # danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ (02-HD/BTCTW)
    REMOVAL = "dua_ra"        # đưa ra khỏi Đảng


class RemovalForm(StrEnum):
    STRUCK_OFF = "xoa_ten"    # xóa tên trong danh sách đảng viên (Điều lệ Điều 8 khoản 2)
    ON_REQUEST = "xin_ra"     # cho ra khỏi Đảng theo đơn (chỉ khi không có vi phạm)
    ABROAD = "dinh_cu"        # ra nước ngoài định cư (127-QĐ/TW)
    EXPELLED = "khai_tru"     # khai trừ: kỷ luật, ghi từ quyết định kỷ luật

    @property
    def event_kind(self) -> EventKind:
        return FORM_EVENTS[self]


FORM_EVENTS = {RemovalForm.STRUCK_OFF: EventKind.STRUCK_OFF, RemovalForm.ON_REQUEST: EventKind.LEFT_ON_REQUEST,
               RemovalForm.ABROAD: EventKind.SETTLED_ABROAD, RemovalForm.EXPELLED: EventKind.EXPELLED}

# The grounds of a xóa tên (Điều lệ Điều 8 khoản 2; Quy định thi hành, điểm 8.1): codes of away.EXIT_GROUND_CODES.
STRUCK_OFF_GROUNDS = ("bo_sinh_hoat", "khong_dong_dang_phi", "tra_the", "khong_tien_bo", "vi_pham_tu_cach",
                      "tieu_chuan_chinh_tri", "dinh_cu")
FORM_GROUND = {RemovalForm.ON_REQUEST: "xin_ra", RemovalForm.ABROAD: "dinh_cu"}

# The criteria of the help list (02-HD/BTCTW, mục II.1).
HELP_CRITERIA = ("hai_nam_khong_hoan_thanh", "tai_pham_ky_luat", "suy_thoai", "vi_pham_neu_guong", "uy_tin_thap",
                 "bo_sinh_hoat", "khong_dong_dang_phi", "khac")


class CaseState(StrEnum):
    OPEN = "dang_xu_ly"
    CLOSED = "da_ket_thuc"
    WITHDRAWN = "da_rut"


class Outcome(StrEnum):
    NONE = ""
    NOT_LISTED = "khong_dua_vao"       # the cell's vote did not list the member
    PROGRESSED = "tien_bo"             # the screening vote: progressed, off the list
    NOT_PROGRESSED = "khong_tien_bo"   # not progressed: a removal case follows
    REMOVED = "da_dua_ra"              # decided: the status event is written
    NOT_REMOVED = "khong_dua_ra"       # the deciding body decided against
    WITHDRAWN = "rut"


class Step(StrEnum):
    DETECTED = "phat_hien"
    PROPOSED = "de_xuat"                      # the cell committee proposes, with its criterion
    OPINION_LOCAL = "y_kien_noi_cu_tru"       # hamlet front committee or workplace
    OPINION_SUPERIOR = "y_kien_cap_tren"      # the superior committee
    VOTE = "bieu_quyet"                       # at a level (cell, committee, standing)
    HELPER = "phan_cong_giup_do"
    COMMITMENT = "cam_ket"
    PROGRESS = "theo_doi"
    REVIEW_VOTE = "bieu_quyet_sang_loc"
    OPENED = "lap_ho_so"
    REQUEST_LETTER = "don_de_nghi"            # the member's letter (xin ra khỏi Đảng; định cư)
    SELF_REVIEW_REQUEST = "yeu_cau_kiem_diem"
    SELF_REVIEW = "tu_kiem_diem"
    ESCALATED = "bao_cao_cap_tren"
    DECISION = "quyet_dinh"
    CARD_RECOVERED = "thu_hoi_the"
    WITHDRAWN = "rut_ho_so"


class Level(StrEnum):
    CELL = "cell"
    COMMITTEE = "committee"
    STANDING = "standing"

    @property
    def vote_kind(self) -> VoteKind:
        return {Level.CELL: VoteKind.REMOVAL, Level.COMMITTEE: VoteKind.COMMITTEE,
                Level.STANDING: VoteKind.STANDING}[self]


# Who gave an opinion or a fact (hamlet front committee, workplace, the committee).
SOURCES = ("mat_tran", "noi_lam_viec", "cap_uy")
# A self-review received, or refused.
SELF_REVIEW_SOURCES = ("nop", "tu_choi")


@dataclass(frozen=True)
class VoteFigures:
    """A counted vote: who could vote, who came, slips cast, yes, no, invalid."""

    eligible: int
    present: int
    ballots: int
    yes: int
    no: int
    invalid: int

    def percent(self, count: int) -> str:
        """A share of the eligible in per cent, one decimal with a comma ("66,7")."""
        if self.eligible <= 0:
            return "0"
        return f"{count * 100 / self.eligible:.1f}".replace(".", ",").removesuffix(",0")


def vote_issues(eligible: int, present: int | None, ballots: int | None, yes: int | None, no: int | None,
                invalid: int | None) -> tuple[VoteFigures | None, list[FieldIssue]]:
    """The figures of a vote, checked: nothing negative, present ≤ eligible, ballots ≤ present and ≤ eligible,
    yes + no + invalid = ballots (invalid = the rest when not given)."""
    issues: list[FieldIssue] = []
    values = {"present": present, "ballots": ballots, "yes": yes, "no": no}
    for name, value in values.items():
        if value is None:
            issues.append(FieldIssue(name, "required"))
        elif value < 0:
            issues.append(FieldIssue(name, "vote_negative", {"value": value}))
    if invalid is not None and invalid < 0:
        issues.append(FieldIssue("invalid", "vote_negative", {"value": invalid}))
    if issues:
        return None, issues
    assert present is not None and ballots is not None and yes is not None and no is not None
    if eligible <= 0:
        issues.append(FieldIssue("eligible", "vote_no_voters", {"value": eligible}))
    if ballots > eligible:
        issues.append(FieldIssue("ballots", "vote_ballots_over_eligible", {"value": ballots, "eligible": eligible}))
    elif ballots > present:
        issues.append(FieldIssue("ballots", "vote_ballots_over_present", {"value": ballots, "present": present}))
    if present > eligible:
        issues.append(FieldIssue("present", "vote_present_over_eligible", {"value": present, "eligible": eligible}))
    rest = ballots - yes - no if invalid is None else invalid
    if rest < 0 or yes + no + rest != ballots:
        issues.append(FieldIssue("yes", "vote_slips_do_not_add_up", {"yes": yes, "no": no, "invalid": rest,
                                                                      "ballots": ballots}))
    if issues:
        return None, issues
    return VoteFigures(eligible, present, ballots, yes, no, rest), []


@dataclass(frozen=True)
class CaseStep:
    """One dated step of a case, with its document; votes carry their figures and whether they passed."""

    id: str
    case_id: str
    step: Step
    on: date
    seq: int = 0
    level: str = ""
    doc_number: str = ""
    doc_date: date | None = None
    doc_issuer: str = ""
    source: str = ""
    text: str = ""
    vote: VoteFigures | None = None
    passed: bool | None = None
    helper_id: str | None = None
    document_id: str | None = None
    meeting_id: str | None = None       # the recorded cell meeting a progress note was made at
    corrects_id: str | None = None      # the step this one corrects (that one stays, superseded)
    correction_reason: str = ""


@dataclass(frozen=True)
class Case:
    """A member's case of one kind, as it stands."""

    id: str
    member_id: str
    kind: CaseKind
    opened_on: date
    cell_id: str | None = None
    form: RemovalForm | None = None
    ground: str = ""              # a removal's ground (away.EXIT_GROUND_CODES)
    criterion: str = ""           # a help case's criterion (HELP_CRITERIA)
    sign_code: str = ""           # the detector that raised it, if any
    sign_year: int | None = None  # the year of the facts the sign counted
    evidence: str = ""
    state: CaseState = CaseState.OPEN
    outcome: Outcome = Outcome.NONE
    closed_on: date | None = None
    origin_id: str | None = None  # the help case a removal case follows
    listed_on: date | None = None
    due_on: date | None = None
    helper_id: str | None = None
    decision_event_id: str | None = None
    discipline_id: str | None = None
    note: str = ""
    steps: tuple[CaseStep, ...] = field(default_factory=tuple)        # the steps in force (what the case stands on)
    history: tuple[CaseStep, ...] = field(default_factory=tuple)      # every step recorded, corrected ones included

    @property
    def all_steps(self) -> tuple[CaseStep, ...]:
        """Every step as recorded, a corrected one followed by its correction (what people read)."""
        return self.history or self.steps

    def superseded_by(self) -> dict[str, CaseStep]:
        """step id → the step that corrected it."""
        return {s.corrects_id: s for s in self.all_steps if s.corrects_id}

    def step(self, step_id: str) -> CaseStep | None:
        return next((s for s in self.all_steps if s.id == step_id), None)

    @property
    def is_open(self) -> bool:
        return self.state is CaseState.OPEN

    @property
    def listed(self) -> bool:
        """On the help list now (voted onto it, not yet screened)."""
        return self.kind is CaseKind.HELP and self.listed_on is not None and self.is_open

    def of(self, step: Step) -> list[CaseStep]:
        return [s for s in self.steps if s.step is step]

    def last(self, step: Step) -> CaseStep | None:
        found = self.of(step)
        return found[-1] if found else None

    def votes(self, level: str | None = None) -> list[CaseStep]:
        return [s for s in self.steps if s.step is Step.VOTE and (level is None or s.level == level)]

    def level_cleared(self, level: str) -> bool:
        """The level's vote passed, or the level escalated the case after its failed votes."""
        return any(s.passed for s in self.votes(level)) or any(
            s.step is Step.ESCALATED and s.level == level for s in self.steps)

    def failed_votes(self, level: str) -> int:
        return sum(1 for s in self.votes(level) if s.passed is False)

    @property
    def last_vote_on(self) -> date | None:
        days = [s.on for s in self.steps if s.step in (Step.VOTE, Step.REVIEW_VOTE)]
        return max(days) if days else None


def in_force(steps) -> tuple[tuple[CaseStep, ...], tuple[CaseStep, ...]]:
    """(the steps in force, every step) of a case's recorded steps in order: a corrected step is superseded by its
    correction, which takes its place (same position in the case)."""
    history = tuple(steps)
    corrected = {s.corrects_id for s in history if s.corrects_id}
    return tuple(sorted((s for s in history if s.id not in corrected), key=lambda s: s.seq)), history


def passes(rule: VoteRule, figures: VoteFigures) -> bool:
    """Whether the yes votes carry it against the eligible (the base is everyone entitled, not those present)."""
    return rule.passes(figures.yes, figures.eligible)


def date_not_before(field_name: str, value: date, other: date | None, other_label: str) -> list[FieldIssue]:
    """A step dated before the step it follows is refused naming the field."""
    if other is not None and value < other:
        return [FieldIssue(field_name, "date_before", {"value": format_vn_date(value), "other_label": other_label,
                                                       "other_value": format_vn_date(other)})]
    return []
