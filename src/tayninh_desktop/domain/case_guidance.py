"""What comes next in a case, for a cell secretary who has never done it: the next step, what it needs, its
deadline. Pure: the case, the rules in force, the cell's vote base and the deciding body are given."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.cases import Case, CaseKind, CaseState, Level, RemovalForm, Step
from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.messages_screening import (
    DEADLINE_MEETING,
    DECISION_WORDS,
    FORM_WORDS,
    GUIDE,
    OUTCOME_LABELS,
    VOTE_LEVEL_LABELS,
)
from tayninh_desktop.domain.rules import RuleBook
from tayninh_desktop.domain.votes import VoteRule


@dataclass(frozen=True)
class Guidance:
    """The next step: ``action`` (what the window offers), its sentence, its deadline and the basis cited."""

    action: str
    text: str
    deadline: date | None = None
    deadline_text: str = ""
    level: str = ""

    def overdue(self, today: date) -> bool:
        return self.deadline is not None and self.deadline < today


@dataclass(frozen=True)
class Context:
    """What the guidance needs beyond the case (resolved by the services on ``today``)."""

    today: date
    book: RuleBook
    voters: int                     # the cell's vote base today
    help_rule: VoteRule
    screening_rule: VoteRule
    removal_rule: VoteRule
    vote_citations: dict[str, str]  # level or kind → citation
    levels: tuple[str, ...]         # the levels that vote on a removal (cell, committee[, standing])
    body: str                       # the deciding body ("Ban Thường vụ Đảng ủy xã …")


def next_meeting(after: date, months: int) -> date:
    """The last day of the month ``months`` after ``after``'s month: the cell's next regular meeting at the latest."""
    later = add_months(date(after.year, after.month, 1), months)
    return date(later.year, later.month, calendar.monthrange(later.year, later.month)[1])


def _last_day(case: Case) -> date:
    return max([case.opened_on, *(s.on for s in case.steps)])


def _meeting_deadline(case: Case, ctx: Context) -> tuple[date, str]:
    rule = ctx.book.on("cell_meeting", ctx.today)
    day = next_meeting(_last_day(case), rule["months"])
    return day, DEADLINE_MEETING.format(month=day.month, date=format_vn_date(day)) + \
        f" — {rule.citation_marked}"


def _guide(action: str, case: Case, ctx: Context, *, meeting: bool = True, level: str = "", **values) -> Guidance:
    text = GUIDE[action].format(**values)
    if not meeting:
        return Guidance(action, text, level=level)
    day, words = _meeting_deadline(case, ctx)
    return Guidance(action, text, day, words, level)


def _help(case: Case, ctx: Context) -> Guidance:
    if not case.listed:
        for step, action in ((Step.PROPOSED, "propose"), (Step.OPINION_LOCAL, "opinion_local"),
                             (Step.OPINION_SUPERIOR, "opinion_superior")):
            if not case.of(step):
                return _guide(action, case, ctx)
        return _guide("vote_help", case, ctx, needed=ctx.help_rule.needed(ctx.voters), voters=ctx.voters,
                      basis=ctx.vote_citations["help_list"])
    if not case.helper_id:
        return _guide("helper", case, ctx)
    if not case.of(Step.COMMITMENT):
        return _guide("commitment", case, ctx)
    months = ctx.book.on("help_period", case.listed_on)["months"]
    assert case.due_on is not None
    if ctx.today < case.due_on:
        return Guidance("progress", GUIDE["progress"].format(months=months, due=format_vn_date(case.due_on)),
                        case.due_on, format_vn_date(case.due_on))
    day = next_meeting(case.due_on, ctx.book.on("cell_meeting", ctx.today)["months"])
    return Guidance("review", GUIDE["review"].format(months=months, needed=ctx.screening_rule.needed(ctx.voters),
                                                     voters=ctx.voters, basis=ctx.vote_citations["screening"]),
                    day, DEADLINE_MEETING.format(month=day.month, date=format_vn_date(day)))


def _removal(case: Case, ctx: Context) -> Guidance:
    form = case.form or RemovalForm.STRUCK_OFF
    if form in (RemovalForm.ON_REQUEST, RemovalForm.ABROAD) and not case.of(Step.REQUEST_LETTER):
        basis = ""
        if form is RemovalForm.ABROAD:
            basis = f" ({ctx.book.on('settlement_abroad', ctx.today).citation_marked}, Điều 2)"
        return _guide("request_letter", case, ctx, meeting=False, form=FORM_WORDS[form.value] + basis)
    if form is RemovalForm.STRUCK_OFF and not _self_review_done(case, ctx):
        rule = ctx.book.on("self_review", ctx.today)
        return _guide("self_review", case, ctx, next=len(case.of(Step.SELF_REVIEW_REQUEST)) + 1,
                      max=rule["max_requests"], basis=rule.citation_marked)
    for level in ctx.levels:
        if case.level_cleared(level):
            continue
        if level == Level.CELL:
            return _guide("vote_cell", case, ctx, level=level, form_words=FORM_WORDS[form.value],
                          needed=ctx.removal_rule.needed(ctx.voters), voters=ctx.voters,
                          basis=ctx.vote_citations["cell"])
        return _guide(f"vote_{level}", case, ctx, level=level, body=ctx.body.removeprefix("Ban Thường vụ "),
                      basis=ctx.vote_citations[level])
    return _guide("decision", case, ctx, form_words=DECISION_WORDS[form.value], body=ctx.body)


def _self_review_done(case: Case, ctx: Context) -> bool:
    rule = ctx.book.on("self_review", ctx.today)
    return bool(case.of(Step.SELF_REVIEW)) or len(case.of(Step.SELF_REVIEW_REQUEST)) >= rule["max_requests"]


def escalation_note(case: Case, ctx: Context) -> str:
    """The sentence of an escalation, when a level's votes failed the maximum number of times."""
    for step in case.of(Step.ESCALATED):
        return GUIDE["escalated"].format(level=VOTE_LEVEL_LABELS.get(step.level, step.level),
                                         count=case.failed_votes(step.level), basis=step.text or "")
    return ""


def guidance(case: Case, ctx: Context) -> Guidance:
    """The next step of ``case`` on ``ctx.today``."""
    if case.state is CaseState.WITHDRAWN:
        step = case.last(Step.WITHDRAWN)
        return Guidance("", GUIDE["withdrawn"].format(date=format_vn_date(case.closed_on),
                                                      reason=step.text if step else ""))
    if case.state is CaseState.CLOSED:
        if case.kind is CaseKind.REMOVAL and case.decision_event_id and not case.of(Step.CARD_RECOVERED):
            return Guidance("card", GUIDE["card"])
        return Guidance("", GUIDE["closed"].format(outcome=OUTCOME_LABELS.get(case.outcome.value, "").lower()))
    return _help(case, ctx) if case.kind is CaseKind.HELP else _removal(case, ctx)
