"""Cases as people read them (read-only): the next step with what it needs and its deadline, each step in words,
the JSON shape of ``cases list|show``, and the help due dates the home page shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tayninh_desktop.domain.case_guidance import Context, Guidance, escalation_note, guidance
from tayninh_desktop.domain.cases import Case, CaseKind, CaseStep, Level, Step
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.document_rules import document_rules, vote_rule
from tayninh_desktop.domain.messages_cases import AT_MEETING_WORDS, CORRECTED_WORDS, CORRECTION_WORDS
from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS
from tayninh_desktop.domain.messages_screening import (
    CASE_KIND_LABELS,
    CRITERION_LABELS,
    FORM_LABELS,
    OUTCOME_LABELS,
    SELF_REVIEW_LABELS,
    SOURCE_LABELS,
    STATE_LABELS,
    STEP_LABELS,
    VOTE_LEVEL_LABELS,
)
from tayninh_desktop.domain.votes import VoteKind
from tayninh_desktop.services.case_votes import authority, cell_voters
from tayninh_desktop.services.party_life import cell_names, rules, today_or
from tayninh_desktop.storage import cases_repo, meetings_repo, members_repo, roster_repo
from tayninh_desktop.storage.db import Database


def _citations(on: date) -> dict[str, str]:
    book = document_rules()
    sections = {"help_list": "vote_help_list", "screening": "vote_screening", Level.CELL: "vote_removal",
                Level.COMMITTEE: "vote_committee", Level.STANDING: "vote_standing"}
    return {key: book.on(section, on).citation_marked for key, section in sections.items()}


def context_for(db: Database, case: Case, today: date) -> Context:
    """What the guidance of ``case`` needs on ``today``: the cell's vote base, the rules, the deciding body."""
    cell_id = roster_repo.cell_of_on(db, case.member_id, today) or case.cell_id
    voters = cell_voters(db, cell_id, today) if cell_id else 0
    levels: tuple[str, ...] = ()
    body = ""
    if case.kind is CaseKind.REMOVAL:
        try:
            auth = authority(db, today)
            levels, body = auth.levels, auth.body
        except Exception:   # noqa: BLE001 - a tree without a superior: the decision step says so when taken
            levels, body = tuple(rules().on("removal_authority", today)["levels"]), "cấp có thẩm quyền"
    return Context(today, rules(), voters, vote_rule(VoteKind.HELP_LIST, today), vote_rule(VoteKind.SCREENING, today),
                   vote_rule(VoteKind.REMOVAL, today), _citations(today), levels, body)


def next_step(db: Database, case: Case, today: date | None = None) -> Guidance:
    """The next step of ``case``, what it needs and its deadline."""
    return guidance(case, context_for(db, case, today_or(today)))


def escalation(db: Database, case: Case, today: date | None = None) -> str:
    return escalation_note(case, context_for(db, case, today_or(today)))


def step_words(step: CaseStep, helper_names: dict[str, str], meeting_days: dict[str, date] | None = None,
               corrected: dict[str, CaseStep] | None = None, original: CaseStep | None = None) -> str:
    """One step as a line of the case: what, with which document, the vote's figures, the meeting a note was made
    at; a corrected step says so (and why), its correction names the step it corrects."""
    parts = [STEP_LABELS[step.step.value]]
    later = (corrected or {}).get(step.id)
    if later is not None:
        parts[0] = CORRECTED_WORDS.format(reason=later.correction_reason) + ": " + parts[0]
    if step.level:
        parts[0] += f" ({VOTE_LEVEL_LABELS.get(step.level, step.level).lower()})"
    if step.vote:
        v = step.vote
        parts.append(f"có quyền {v.eligible}, có mặt {v.present}, phiếu {v.ballots}: đồng ý {v.yes}"
                     f" ({v.percent(v.yes)}%), không đồng ý {v.no}, không hợp lệ {v.invalid} —"
                     f" {'đạt' if step.passed else 'không đạt'}")
    elif step.step is Step.DECISION and step.passed is not None:
        parts.append("đưa ra khỏi Đảng" if step.passed else "không đưa ra khỏi Đảng")
    if step.helper_id:
        parts.append(f"người giúp đỡ: {helper_names.get(step.helper_id, '')}")
    source = SOURCE_LABELS.get(step.source) or SELF_REVIEW_LABELS.get(step.source)
    if source:   # a detector's code kept on the first step is for machines, not for people
        parts.append(source)
    day = (meeting_days or {}).get(step.meeting_id or "")
    if day is not None:
        parts.append(AT_MEETING_WORDS.format(date=format_vn_date(day)))
    if step.text:
        parts.append(step.text)
    if step.corrects_id:
        parts.append(CORRECTION_WORDS.format(date=format_vn_date(original.on) if original else "",
                                             reason=step.correction_reason))
    doc = " ".join(p for p in (step.doc_number, f"ngày {format_vn_date(step.doc_date)}" if step.doc_date else "",
                               step.doc_issuer) if p)
    if doc:
        parts.append(f"văn bản: {doc}")
    return "; ".join(parts)


def kind_words(case: Case) -> str:
    """"Giáo dục, giúp đỡ — Hai năm liền …" / "Xóa tên — Tự bỏ sinh hoạt đảng"."""
    if case.kind is CaseKind.HELP:
        return f"Giáo dục, giúp đỡ — {CRITERION_LABELS.get(case.criterion, case.criterion)}"
    form = FORM_LABELS.get(case.form.value if case.form else "", "")
    ground = EXIT_GROUNDS.get(case.ground, "") if case.form and case.form.value == "xoa_ten" else ""
    return f"{form} — {ground}" if ground else form


def case_as_dict(db: Database, case: Case, today: date | None = None, *, names: dict | None = None) -> dict:
    """The JSON shape of a case with its steps and its next step (CLI, returns)."""
    today = today_or(today)
    member = members_repo.get(db, case.member_id)
    steps = case.all_steps
    helpers = {m.id: m.full_name for m in members_repo.get_many(db, [s.helper_id for s in steps if s.helper_id])}
    meeting_days = {s.meeting_id: m.meeting_date for s in steps if s.meeting_id
                    for m in [meetings_repo.get(db, s.meeting_id)] if m is not None}
    corrected = case.superseded_by()
    cells = names if names is not None else cell_names(db)
    guide = next_step(db, case, today)
    return {
        "id": case.id, "member_id": case.member_id, "member_name": member.full_name if member else "",
        "cell_id": case.cell_id, "cell_name": cells.get(case.cell_id or "", ""), "kind": case.kind.value,
        "kind_label": CASE_KIND_LABELS[case.kind.value], "what": kind_words(case),
        "form": case.form.value if case.form else None, "ground": case.ground, "criterion": case.criterion,
        "sign_code": case.sign_code, "sign_year": case.sign_year, "evidence": case.evidence,
        "opened_on": case.opened_on.isoformat(), "state": case.state.value, "state_label": STATE_LABELS[case.state.value],
        "outcome": case.outcome.value, "outcome_label": OUTCOME_LABELS[case.outcome.value],
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
        "listed_on": case.listed_on.isoformat() if case.listed_on else None,
        "due_on": case.due_on.isoformat() if case.due_on else None, "helper_id": case.helper_id,
        "helper_name": helpers.get(case.helper_id or "", ""), "origin_id": case.origin_id,
        "decision_event_id": case.decision_event_id,
        "next_step": {"action": guide.action, "text": guide.text,
                      "deadline": guide.deadline.isoformat() if guide.deadline else None,
                      "deadline_text": guide.deadline_text, "overdue": guide.overdue(today)},
        "steps": [step_dict(s, helpers, meeting_days, corrected, case.step(s.corrects_id or "")) for s in steps],
    }


def step_dict(step: CaseStep, helpers: dict[str, str], meeting_days: dict[str, date] | None = None,
              corrected: dict[str, CaseStep] | None = None, original: CaseStep | None = None) -> dict:
    """A step in the JSON of ``cases show``; a corrected step is kept with ``superseded_by`` set, its correction
    names it in ``corrects``."""
    vote = step.vote
    meeting_day = (meeting_days or {}).get(step.meeting_id or "")
    later = (corrected or {}).get(step.id)
    return {"id": step.id, "step": step.step.value, "label": STEP_LABELS[step.step.value], "date": step.on.isoformat(),
            "level": step.level or None, "doc_number": step.doc_number,
            "doc_date": step.doc_date.isoformat() if step.doc_date else None, "doc_issuer": step.doc_issuer,
            "source": step.source, "text": step.text, "helper_id": step.helper_id,
            "helper_name": helpers.get(step.helper_id or "", ""),
            "vote": None if vote is None else {"eligible": vote.eligible, "present": vote.present,
                                               "ballots": vote.ballots, "yes": vote.yes, "no": vote.no,
                                               "invalid": vote.invalid, "yes_percent": vote.percent(vote.yes)},
            "passed": step.passed, "document_id": step.document_id,
            "meeting_id": step.meeting_id, "meeting_date": meeting_day.isoformat() if meeting_day else None,
            "corrects": step.corrects_id, "correction_reason": step.correction_reason or None,
            "superseded_by": later.id if later else None,
            "words": step_words(step, helpers, meeting_days, corrected, original)}


@dataclass(frozen=True)
class HelpDueItem:
    """A listed member's twelve months: the due date, coming (within the warning days) or passed."""

    case_id: str
    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    listed_on: date
    due_on: date
    passed: bool


def help_due_dates(db: Database, today: date | None = None, names: dict[str, str] | None = None) -> list[HelpDueItem]:
    """Open help cases whose twelve months end within the warning days or have ended (home page, warnings).
    ``names``: every cell's name by id, when the caller has read them."""
    today = today_or(today)
    rows = cases_repo.help_due(db)
    names = cell_names(db) if names is None else names
    members = {m.id: m.full_name for m in members_repo.get_many(db, [r[1] for r in rows])}
    out = []
    for case_id, member_id, due, cell_id, listed in rows:
        due_on, listed_on = date.fromisoformat(due), date.fromisoformat(listed)
        warn = rules().on("help_period", listed_on)["warn_days_before"]
        if due_on - timedelta(days=warn) > today:
            continue
        out.append(HelpDueItem(case_id, member_id, members.get(member_id, ""), cell_id, names.get(cell_id or "", ""),
                               listed_on, due_on, due_on < today))
    return out
