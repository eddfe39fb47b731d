"""Correcting a step recorded by mistake: the step's own fields filled with what was recorded, and the reason. The
correction supersedes the step (kept, shown "đã sửa" in the case); a wrong field shows its message under it and
nothing is written (services/case_corrections.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from tayninh_desktop.domain import screening_forms as forms
from tayninh_desktop.domain.cases import Case, CaseStep, Level, Step
from tayninh_desktop.domain.messages_screening import STEP_LABELS
from tayninh_desktop.services import cases
from tayninh_desktop.services.case_corrections import Correction, correct_step
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_screening as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.case_actions import meeting_field
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog

TEXT_STEPS = (Step.PROPOSED, Step.OPINION_LOCAL, Step.OPINION_SUPERIOR, Step.COMMITMENT, Step.PROGRESS,
              Step.REQUEST_LETTER, Step.SELF_REVIEW_REQUEST, Step.SELF_REVIEW)


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _fields(context: UiContext, case: Case, step: CaseStep, today: date) -> list[Field]:
    """The fields of the step's kind, filled with what was recorded."""
    fields = [Field("step_date", strings.date_text(step.on), hint=s.DLG_DATE_HINT)]
    if step.step is Step.PROGRESS:
        fields.append(meeting_field(context.db, case, today, step.meeting_id or "")[0])
    if step.step is Step.OPINION_LOCAL:
        fields.append(Field("step_source", step.source, s.LOCAL_SOURCES))
    if step.step is Step.SELF_REVIEW:
        fields.append(Field("step_source", step.source, s.SELF_REVIEW_CHOICES[1:]))
    if step.step in TEXT_STEPS:
        fields.append(Field("step_text", step.text))
    if step.step is Step.HELPER:
        members = cases.helper_choices(context.db, case, step.on)
        fields.append(Field("helper_id", step.helper_id or "", tuple((m.id, m.full_name) for m in members)))
    if step.vote is not None:
        if step.level and step.level != Level.CELL:
            fields.append(Field("eligible", _number(step.vote.eligible)))
        fields += [Field(name, _number(getattr(step.vote, name)), hint=s.DLG_INVALID_HINT if name == "invalid" else "")
                   for name in ("present", "ballots", "yes", "no", "invalid")]
    if step.step is not Step.CARD_RECOVERED:
        fields.append(Field("doc_number", step.doc_number))
    return [*fields, Field("correction_reason")]


def _change(values: dict, shown: tuple[str, ...]) -> tuple[str, Correction]:
    v = forms.correction(values, shown)
    return v["reason"], Correction(
        on=v["on"], doc_number=v.get("doc_number"), source=v.get("step_source"), text=v.get("step_text"),
        meeting_id=v.get("meeting_id"), helper_id=v.get("helper_id") or None, present=v.get("present"),
        ballots=v.get("ballots"), yes=v.get("yes"), no=v.get("no"), invalid=v.get("invalid"),
        eligible=v.get("eligible"))


def correction_dialog(context: UiContext, case: Case, step: CaseStep, name: str, parent: QWidget | None,
                      today: date) -> RecordDialog:
    """The dialog correcting ``step`` of ``case``."""
    fields = _fields(context, case, step, today)
    shown = tuple(f.name for f in fields)

    def submit(values):
        reason, change = _change(values, shown)
        return correct_step(context.db, context.actor, case.id, step.id, reason, change, today=today)

    title = s.DLG_CORRECT.format(step=STEP_LABELS[step.step.value], date=strings.date_text(step.on), name=name)
    dialog = RecordDialog(context, title, fields, submit, parent)
    dialog.set_hint(s.CORRECT_HINT)
    dialog.open()
    return dialog
