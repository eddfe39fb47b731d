"""The dialogs of a case's steps: one small form per next step (the fields it needs, the guidance above them),
opening a case from a sign or by hand, withdrawing a case, the year's allotment. Each is a RecordDialog: a wrong
field shows its message under it and nothing is written."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from tayninh_desktop.domain import screening_forms as forms
from tayninh_desktop.domain.case_guidance import Guidance
from tayninh_desktop.domain.cases import Case, RemovalForm
from tayninh_desktop.services import case_votes, cases, screening_records
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_screening as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog

STEP_ACTIONS = {"propose": "de_xuat", "opinion_local": "y_kien_noi_cu_tru", "opinion_superior": "y_kien_cap_tren",
                "commitment": "cam_ket", "request_letter": "don_de_nghi", "card": "thu_hoi_the"}


def _today_field(name: str, today: date) -> Field:
    return Field(name, strings.date_text(today), hint=s.DLG_DATE_HINT)


def _vote_fields(today: date, *, eligible: bool) -> list[Field]:
    fields = [_today_field("step_date", today)]
    if eligible:
        fields.append(Field("eligible"))
    fields += [Field("present"), Field("ballots"), Field("yes"), Field("no"),
               Field("invalid", hint=s.DLG_INVALID_HINT), Field("doc_number")]
    return fields


def _open(context: UiContext, title: str, fields: list[Field], submit, parent, hint: str = "") -> RecordDialog:
    dialog = RecordDialog(context, title, fields, submit, parent)
    dialog.set_hint(hint)
    dialog.open()
    return dialog


def _step_fields(action: str, today: date) -> list[Field]:
    fields = [_today_field("step_date", today)]
    if action == "opinion_local":
        fields.append(Field("step_source", "mat_tran", s.LOCAL_SOURCES))
    if action != "card":
        fields += [Field("step_text"), Field("doc_number")]
    return fields


def step_dialog(context: UiContext, case: Case, guide: Guidance, name: str, parent: QWidget | None,
                today: date) -> RecordDialog | None:
    """The dialog of the case's next step (None when the case has none)."""
    db, actor, action = context.db, context.actor, guide.action
    title = s.DLG_STEP.format(step=s.ACTION_TITLES.get(action, ""), name=name)
    if action in STEP_ACTIONS:
        def submit(values):
            v = forms.step(values)
            return cases.record_step(db, actor, case.id, STEP_ACTIONS[action], v["on"], doc_number=v["doc_number"],
                                     source=v["source"], text=v["text"], today=today)
        return _open(context, title, _step_fields(action, today), submit, parent, guide.text)
    if action == "self_review":
        def submit_review(values):
            v = forms.step(values)
            kind = values.get("self_review") or "yeu_cau_kiem_diem"
            source = "" if kind == "yeu_cau_kiem_diem" else kind
            return cases.record_step(db, actor, case.id, "yeu_cau_kiem_diem" if not source else "tu_kiem_diem",
                                     v["on"], source=source, text=v["text"], doc_number=v["doc_number"], today=today)
        fields = [_today_field("step_date", today), Field("self_review", "yeu_cau_kiem_diem", s.SELF_REVIEW_CHOICES),
                  Field("step_text"), Field("doc_number")]
        return _open(context, title, fields, submit_review, parent, guide.text)
    if action == "helper":
        return _helper_dialog(context, case, title, guide, parent, today)
    if action == "progress":
        return progress_dialog(context, case, title, guide.text, parent, today)
    return _vote_dialog(context, case, guide, title, parent, today)


def _vote_dialog(context: UiContext, case: Case, guide: Guidance, title: str, parent, today: date):
    """The votes (a level's, the screening vote) and the decision."""
    db, actor, action = context.db, context.actor, guide.action
    if action in ("vote_help", "vote_cell", "vote_committee", "vote_standing"):
        level = {"vote_committee": "committee", "vote_standing": "standing"}.get(action, "cell")
        eligible = level != "cell"
        return _open(context, title, _vote_fields(today, eligible=eligible),
                     lambda values: case_votes.record_vote(db, actor, case.id, level=level, today=today,
                                                           **forms.vote(values, eligible=eligible)),
                     parent, guide.text)
    if action == "review":
        fields = _vote_fields(today, eligible=False) + [
            Field("removal_form", RemovalForm.STRUCK_OFF.value, s.FORM_CHOICES[1:], hint=s.DLG_REVIEW_FORM)]

        def submit_screening(values):
            _passed, _removal, changes = case_votes.screening_vote(db, actor, case.id, today=today,
                                                                   form=values.get("removal_form") or "xoa_ten",
                                                                   **forms.vote(values))
            return changes
        return _open(context, title, fields, submit_screening, parent, guide.text)
    if action == "decision":
        fields = [_today_field("decision_date", today), Field("decision_number", hint=s.DLG_NUMBER_HINT),
                  Field("not_removed", check=True, hint=s.DLG_NOT_REMOVED),
                  Field("card_recovered_on", hint=s.DLG_DATE_HINT)]
        return _open(context, title, fields,
                     lambda values: case_votes.decide(db, actor, case.id, today=today, **forms.decision(values)),
                     parent, guide.text)
    return None


def meeting_field(db, case: Case, today: date, value: str | None = None) -> tuple[Field, bool]:
    """The choice of the recorded cell meetings of the help period (the newest first chosen), and whether any."""
    from tayninh_desktop.services import case_meetings

    found = case_meetings.meeting_choices(db, case, today)
    choices = ((m.id, case_meetings.meeting_label(m)) for m in found)
    chosen = value if value is not None else (found[0].id if found else "")
    return Field("meeting_id", chosen, (("", s.NO_MEETING), *choices)), bool(found)


def progress_dialog(context: UiContext, case: Case, title: str, hint: str, parent, today: date) -> RecordDialog:
    """A progress note, made at one of the cell's recorded meetings of the help period (its date) or on a date."""
    db, actor = context.db, context.actor
    meeting, any_meeting = meeting_field(db, case, today)
    fields = [meeting, Field("step_date", "" if any_meeting else strings.date_text(today),
                             hint=s.DLG_MEETING_DATE_HINT), Field("step_text"), Field("doc_number")]

    def submit(values):
        chosen = values.get("meeting_id") or None
        v = forms.step(values, date_required=chosen is None)
        return cases.record_step(db, actor, case.id, "theo_doi", v["on"], doc_number=v["doc_number"], text=v["text"],
                                 meeting_id=chosen, today=today)
    return _open(context, title, fields, submit, parent, hint + ("" if any_meeting else s.NO_MEETINGS_YET))


def _helper_dialog(context: UiContext, case: Case, title: str, guide: Guidance, parent, today: date) -> RecordDialog:
    db, actor = context.db, context.actor
    members = cases.helper_choices(db, case, today)
    choices = (("", "—"), *((m.id, m.full_name) for m in members))
    fields = [_today_field("step_date", today), Field("helper_id", "", choices), Field("doc_number")]

    def submit(values):
        v = forms.step(values)
        return cases.assign_helper(db, actor, case.id, values.get("helper_id", ""), v["on"],
                                   doc_number=v["doc_number"], today=today)
    return _open(context, title, fields, submit, parent, guide.text)


def open_case_dialog(context: UiContext, member_id: str, name: str, parent: QWidget | None, today: date, *,
                     kind: str = "giup_do", criterion: str = "", ground: str = "", sign_code: str = "",
                     sign_year: int | None = None, evidence: str = "") -> RecordDialog:
    """Open a case for a member: from a sign (kind, criterion or ground, evidence filled in) or by hand."""
    db, actor = context.db, context.actor
    fields = [_today_field("step_date", today), Field("case_kind", kind, s.KIND_CHOICES),
              Field("criterion", criterion, s.CRITERION_CHOICES), Field("removal_form", "xoa_ten" if ground else "",
                                                                         s.FORM_CHOICES),
              Field("removal_ground", ground, s.GROUND_CHOICES), Field("step_text", evidence)]

    def submit(values):
        v = forms.opening(values)
        return cases.open_case(db, actor, member_id, v["kind"], v["on"], form=v["form"], ground=v["ground"],
                               criterion=v["criterion"], sign_code=sign_code, sign_year=sign_year,
                               evidence=v["evidence"], today=today)
    return _open(context, s.DLG_OPEN.format(name=name), fields, submit, parent)


def withdraw_dialog(context: UiContext, case: Case, name: str, parent: QWidget | None, today: date) -> RecordDialog:
    db, actor = context.db, context.actor
    fields = [_today_field("step_date", today), Field("withdraw_reason")]

    def submit(values):
        v = forms.step({**values, "step_text": values.get("withdraw_reason", "")})
        return cases.withdraw(db, actor, case.id, v["on"], values.get("withdraw_reason", ""), today=today)
    return _open(context, s.DLG_WITHDRAW.format(name=name), fields, submit, parent)


def allotment_dialog(context: UiContext, unit_id: str, unit_name: str, year: int,
                     parent: QWidget | None) -> RecordDialog:
    db, actor = context.db, context.actor
    fields = [Field("year", str(year)), Field("allotted"), Field("allotment_doc"),
              Field("doc_date", hint=s.DLG_DATE_HINT)]

    def submit(values):
        v = forms.allotment(values)
        return screening_records.set_allotment(db, actor, unit_id, v["year"], v["allotted"], v["doc_number"],
                                               v["doc_date"])
    return _open(context, s.DLG_ALLOTMENT.format(unit=unit_name), fields, submit, parent)


def new_case_dialog(context: UiContext, cell_id: str, parent: QWidget | None, today: date) -> RecordDialog:
    """Open a case by hand for a member of the chosen cell (the cell committee's own proposal)."""
    from tayninh_desktop.services import register

    db, actor = context.db, context.actor
    members = register.members_in_cell_on(db, cell_id, today)
    fields = [Field("case_member", "", (("", "—"), *((m.id, m.full_name) for m in members))),
              _today_field("step_date", today), Field("case_kind", "giup_do", s.KIND_CHOICES),
              Field("criterion", "", s.CRITERION_CHOICES), Field("removal_form", "", s.FORM_CHOICES),
              Field("removal_ground", "", s.GROUND_CHOICES), Field("step_text")]

    def submit(values):
        v = forms.opening(values)
        member_id = values.get("case_member", "")
        if not member_id:
            from tayninh_desktop.domain.errors import FieldIssue, ValidationError

            raise ValidationError([FieldIssue("case_member", "required")])
        return cases.open_case(db, actor, member_id, v["kind"], v["on"], form=v["form"], ground=v["ground"],
                               criterion=v["criterion"], evidence=v["evidence"], today=today)
    return _open(context, s.NEW_CASE.rstrip("…"), fields, submit, parent)
