"""Party life: cell meetings and attendance, monthly dues, annual ratings, discipline and tasks,
transfer letters and members away — the recorded facts the early warnings and the screening stand on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from tayninh_desktop.domain.dates import add_months, format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.rules import Rubric, Rule
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, length_issues
from tayninh_desktop.domain.vn_text import nfc


class MeetingKind(StrEnum):
    REGULAR = "thuong_ky"
    THEMATIC = "chuyen_de"
    EXTRAORDINARY = "bat_thuong"


class AttendanceState(StrEnum):
    """One member at one meeting. EXCUSED_BY_STATUS: exempted or away under an arrangement."""

    PRESENT = "co_mat"
    EXCUSED = "vang_co_ly_do"
    UNEXCUSED = "vang_khong_ly_do"
    NOT_REQUIRED = "mien"


class DuesState(StrEnum):
    """A member's month. NOT_REQUIRED: exempted by decision; DEFERRED: away for work, pays late or in advance.
    Neither is ever an unpaid month."""

    PAID = "da_dong"
    UNPAID_EXCUSED = "chua_dong_co_ly_do"
    UNPAID = "chua_dong"
    NOT_REQUIRED = "mien"
    DEFERRED = "hoan_dong"


class RatingLevel(StrEnum):
    EXCELLENT = "xuat_sac"
    GOOD = "tot"
    COMPLETE = "hoan_thanh"
    INCOMPLETE = "khong_hoan_thanh"
    NOT_RATED = "khong_xep_loai"


class NotRatedReason(StrEnum):
    EXEMPTED = "mien_sinh_hoat"
    ADMITTED_LATE = "moi_vao_dang"
    OTHER = "khac"


class DisciplineForm(StrEnum):
    """Party forms (khiển trách, cảnh cáo, cách chức, khai trừ) and the state forms recorded for screening."""

    REPRIMAND = "khien_trach"
    WARNING = "canh_cao"
    DISMISSAL = "cach_chuc"
    EXPULSION = "khai_tru"
    SALARY_DOWNGRADE = "ha_bac_luong"
    DEMOTION = "giang_chuc"
    FORCED_RESIGNATION = "buoc_thoi_viec"


class DisciplineTrack(StrEnum):
    PARTY = "dang"
    STATE = "chinh_quyen"


class LetterDirection(StrEnum):
    OUT = "di"
    IN = "den"


class LetterOutcome(StrEnum):
    PENDING = "cho"
    PRESENTED = "da_trinh"
    RETURNED = "tra_lai"
    CANCELLED = "huy"


# Member statuses whose attendance (and, by rule, dues) is not expected at a meeting.
NOT_EXPECTED_TO_ATTEND = frozenset({MemberStatus.EXEMPTED, MemberStatus.AWAY, MemberStatus.TEMP_OUT})
# One key per state in the keyboard grids, also the digits 1–5. A letter shared by several grids means the same
# there: L = có lý do, K = không (vắng không lý do, chưa đóng, không hoàn thành), M = miễn; the digits too (1 the
# good case, 2 with a reason, 3 without, 4 exempted, 5 deferred). The letters of one grid only (C có mặt, D đã đóng,
# H hoãn / hoàn thành, X, T, N) are shown in every grid's legend.
ATTENDANCE_KEYS: dict[str, AttendanceState] = {
    "c": AttendanceState.PRESENT, "1": AttendanceState.PRESENT,
    "l": AttendanceState.EXCUSED, "2": AttendanceState.EXCUSED,
    "k": AttendanceState.UNEXCUSED, "3": AttendanceState.UNEXCUSED,
    "m": AttendanceState.NOT_REQUIRED, "4": AttendanceState.NOT_REQUIRED,
}
DUES_KEYS: dict[str, DuesState] = {
    "d": DuesState.PAID, "1": DuesState.PAID,
    "l": DuesState.UNPAID_EXCUSED, "2": DuesState.UNPAID_EXCUSED,
    "k": DuesState.UNPAID, "3": DuesState.UNPAID,
    "m": DuesState.NOT_REQUIRED, "4": DuesState.NOT_REQUIRED,
    "h": DuesState.DEFERRED, "5": DuesState.DEFERRED,
}
RATING_KEYS: dict[str, RatingLevel] = {
    "x": RatingLevel.EXCELLENT, "t": RatingLevel.GOOD, "h": RatingLevel.COMPLETE,
    "k": RatingLevel.INCOMPLETE, "n": RatingLevel.NOT_RATED,
}


@dataclass(frozen=True)
class MeetingData:
    """What a person types about a meeting (cleaned and checked)."""

    meeting_date: date
    kind: MeetingKind = MeetingKind.REGULAR
    chair: str = ""
    summary: str = ""
    secretary: str = ""


@dataclass(frozen=True)
class Meeting(MeetingData):
    id: str = ""
    cell_id: str = ""
    quality_score: int | None = None
    quality_level: str = ""
    rubric_code: str = ""
    scores: tuple[tuple[str, int], ...] = ()
    present: int = 0
    expected: int = 0


@dataclass(frozen=True)
class Attendance:
    member_id: str
    state: AttendanceState
    reason: str = ""


@dataclass(frozen=True)
class AttendanceLine:
    """One row of the attendance grid: who, their status that day, and the recorded (or default) state."""

    member_id: str
    full_name: str
    status: MemberStatus
    state: AttendanceState
    reason: str = ""


@dataclass(frozen=True)
class DuesEntry:
    member_id: str
    month: str  # "YYYY-MM"
    amount: int
    state: DuesState
    reason: str = ""
    cell_id: str | None = None
    due: int | None = None          # what the rule in force computed for the month
    amount_reason: str = ""         # why the amount differs from ``due``


@dataclass(frozen=True)
class DuesLine:
    """One row of the dues grid: the member, what the month computes to (``due``, None while the base is
    missing) under which category and relief, and what was paid (or the default)."""

    member_id: str
    full_name: str
    status: MemberStatus
    amount: int
    state: DuesState
    reason: str = ""
    recorded: bool = False
    due: int | None = None
    category_label: str = ""
    relief_label: str = ""
    unconfirmed: bool = False
    paid_as: str = ""               # "advance" / "late": the month is covered by a payment of several months


@dataclass(frozen=True)
class Rating:
    id: str
    member_id: str
    year: int
    level: RatingLevel
    score: int | None = None
    rule_code: str = ""
    not_rated_reason: NotRatedReason | None = None
    notes: str = ""


@dataclass(frozen=True)
class DisciplineRecord:
    """A discipline decision. Party discipline is in force from its announcement for 12 months unless a new
    violation is disciplined meanwhile (69-QĐ/TW Điều 2 khoản 5), expulsion for good; a state discipline for the
    period its decision sets (``in_force_until``)."""

    id: str
    member_id: str
    form: DisciplineForm
    decided_on: date
    in_force_until: date | None
    doc_number: str = ""
    issuer: str = ""
    reason: str = ""
    announced_on: date | None = None
    track: DisciplineTrack = DisciplineTrack.PARTY

    @property
    def counts_from(self) -> date:
        """The day the 12 months count from: the announcement (the decision date for old records without it)."""
        return self.announced_on or self.decided_on


@dataclass(frozen=True)
class TaskAssignment:
    id: str
    member_id: str
    year: int
    task: str
    notes: str = ""


@dataclass(frozen=True)
class TransferLetter:
    id: str
    member_id: str
    direction: LetterDirection
    temporary: bool
    letter_number: str
    issued_on: date
    deadline: date
    counterpart: str = ""
    outcome: LetterOutcome = LetterOutcome.PENDING
    presented_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class AwayContact:
    id: str
    member_id: str
    contacted_on: date
    channel: str = ""
    contact: str = ""
    note: str = ""


# --- parsing and checks -------------------------------------------------------------------------

NAME_LIMIT = 80  # a person's name on a form (chair, secretary)

_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


def parse_month(text: str, field: str = "month") -> str:
    """"03/2026" or "2026-03" → "2026-03"; raises ValidationError naming ``field``."""
    match = _MONTH.match(text or "")
    year, month = (int(match[2]), int(match[1])) if match else (0, 0)
    if not match:
        iso = _ISO_MONTH.match(text or "")
        if iso:
            year, month = int(iso[1]), int(iso[2])
    if not 1 <= month <= 12 or not 1900 <= year <= 2999:
        raise ValidationError([FieldIssue(field, "bad_month", {"value": text})])
    return f"{year:04d}-{month:02d}"


@lru_cache(maxsize=4096)   # a few hundred months, labelled tens of thousands of times by the warnings
def month_label(month: str) -> str:
    """"2026-03" → "03/2026"."""
    return f"{month[5:7]}/{month[:4]}"


def month_first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def month_last_day(month: str) -> date:
    return add_months(month_first_day(month), 1) - timedelta(days=1)


def parse_meeting_form(values: dict[str, str], today: date) -> MeetingData:
    """Check a meeting form; raises ValidationError naming each wrong field."""
    issues: list[FieldIssue] = []
    raw = (values.get("meeting_date") or "").strip()
    meeting_date = None
    if not raw:
        issues.append(FieldIssue("meeting_date", "required"))
    else:
        try:
            meeting_date = parse_vn_date(raw)
        except ValueError:
            issues.append(FieldIssue("meeting_date", "bad_date", {"value": raw}))
    if meeting_date and meeting_date > today:
        issues.append(FieldIssue("meeting_date", "date_in_future", {"value": format_vn_date(meeting_date)}))
    kind_raw = (values.get("kind") or MeetingKind.REGULAR.value).strip()
    try:
        kind = MeetingKind(kind_raw)
    except ValueError:
        issues.append(FieldIssue("kind", "bad_choice", {"value": kind_raw}))
        kind = MeetingKind.REGULAR
    chair, secretary = _name(values.get("chair")), _name(values.get("secretary"))
    for name, value in (("chair", chair), ("meeting_secretary", secretary)):
        if len(value) > NAME_LIMIT:
            issues.append(FieldIssue(name, "name_too_long", {"count": len(value), "limit": NAME_LIMIT}))
    if secretary and secretary.casefold() == chair.casefold():
        issues.append(FieldIssue("meeting_secretary", "secretary_is_chair", {"name": secretary}))
    summary = nfc(values.get("summary") or "").strip()
    issues += length_issues({"meeting_summary": summary}, {"meeting_summary": NOTES_MAX_LENGTH})
    if issues:
        raise ValidationError(issues)
    assert meeting_date is not None
    return MeetingData(meeting_date, kind, chair, summary, secretary)


def _name(text: str | None) -> str:
    """A person's name as typed, NFC with single spaces."""
    return " ".join(nfc(text or "").split())


def check_scores(rubric: Rubric, scores: dict[str, int]) -> list[FieldIssue]:
    """Each rubric score must be a known criterion between 0 and its maximum."""
    issues: list[FieldIssue] = []
    maxima = {c.code: c for c in rubric.criteria}
    for code, value in scores.items():
        criterion = maxima.get(code)
        if criterion is None:
            issues.append(FieldIssue("quality", "unknown_criterion", {"value": code}))
        elif not 0 <= value <= criterion.max:
            issues.append(FieldIssue("quality", "score_out_of_range",
                                     {"criterion": criterion.label, "value": value, "max": criterion.max}))
    missing = [c.label for c in rubric.criteria if c.code not in scores]
    if scores and missing:   # a total over some criteria would give a level the meeting did not earn
        issues.append(FieldIssue("quality", "quality_incomplete", {"missing": "; ".join(missing),
                                                                  "count": len(missing)}))
    return issues


def default_attendance(status: MemberStatus) -> AttendanceState:
    """Everyone present by default; exempted, away and temporarily-elsewhere members are not expected."""
    return AttendanceState.NOT_REQUIRED if status in NOT_EXPECTED_TO_ATTEND else AttendanceState.PRESENT


def default_dues_state(status: MemberStatus, exempt: bool, deferral_for_away: bool = True) -> DuesState:
    """Paid by default; exempted by decision: not required; away for work: deferred (pays late or in advance).
    A member exempted from party activity pays like everyone (HD 27-HD/BTCTW)."""
    if exempt:
        return DuesState.NOT_REQUIRED
    if status is MemberStatus.AWAY and deferral_for_away:
        return DuesState.DEFERRED
    return DuesState.PAID


def max_level_for_score(rule: Rule, score: int) -> RatingLevel:
    """The best level a 100-point score allows under ``rule`` (366-QĐ/TW bands)."""
    if score >= rule["min_score_excellent"]:
        return RatingLevel.EXCELLENT
    if score >= rule["min_score_good"]:
        return RatingLevel.GOOD
    if score >= rule["min_score_complete"]:
        return RatingLevel.COMPLETE
    return RatingLevel.INCOMPLETE


LEVEL_ORDER = (RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETE, RatingLevel.INCOMPLETE)


def check_rating(rule: Rule, level: RatingLevel, score: int | None,
                 not_rated_reason: NotRatedReason | None) -> list[FieldIssue]:
    """A score only under a 100-point rule, within 0–100, and not below what the level needs."""
    issues: list[FieldIssue] = []
    if level is RatingLevel.NOT_RATED:
        if not_rated_reason is None:
            issues.append(FieldIssue("not_rated_reason", "required"))
        if score is not None:
            issues.append(FieldIssue("score", "score_when_not_rated"))
        return issues
    if score is None:
        return issues
    scale = rule.values.get("score_scale", 0)
    if not scale:
        issues.append(FieldIssue("score", "score_not_in_rule", {"rule": rule.doc_number}))
    elif not 0 <= score <= scale:
        issues.append(FieldIssue("score", "score_out_of_range", {"criterion": "Điểm", "value": score, "max": scale}))
    else:
        best = max_level_for_score(rule, score)
        if LEVEL_ORDER.index(level) < LEVEL_ORDER.index(best):
            issues.append(FieldIssue("level", "level_above_score", {"score": score, "rule": rule.doc_number}))
    return issues


def quota_broken(excellent: int, good: int, rule: Rule) -> bool:
    """HTXS must not exceed the configured share of HTT ratings (20% by default)."""
    return excellent > rule["excellent_max_share_of_good"] * good
