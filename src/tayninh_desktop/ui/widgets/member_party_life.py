"""The member dialog's "Sinh hoạt đảng" tab: the member's year of meetings and dues, ratings, discipline,
tasks, transfer letters and, for a member working away, the arrangement and the contacts; with a button
for each thing the office records here (the actions of services/ratings.py and services/transfers.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain import party_life_forms as forms
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.messages_party_life import (
    DISCIPLINE_LABELS,
    LETTER_DIRECTION_LABELS,
    LETTER_OUTCOME_LABELS,
    NOT_RATED_LABELS,
    RATING_LABELS,
)
from tayninh_desktop.domain.messages_rules import DISCIPLINE_TRACK_LABELS
from tayninh_desktop.domain.party_life import LetterOutcome, month_label
from tayninh_desktop.services import member_party_life as mpl
from tayninh_desktop.services import party_life, ratings, transfers
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_rules as sr
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.month_strip import MonthStrip

WARN = "#fde2e1"
NEAR = "#fff4d6"


def _months(months: list[str]) -> str:
    return s.ML_MONTHS.format(months=", ".join(m[5:7] for m in months)) if months else ""


def _date(value: date | None) -> str:
    return strings.date_text(value) if value else ""


class MemberPartyLife(QWidget):
    TITLE = s.TAB_PARTY_LIFE

    def __init__(self, context: UiContext, member_id: str, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.member_id = member_id
        self.today = today or date.today()
        self.info: mpl.MemberPartyLife | None = None
        self.year = QSpinBox(objectName="party_life_year", minimum=1950, maximum=2100, value=self.today.year)
        self.year.setPrefix(s.YEAR + " ")
        self.attendance = QLabel(objectName="ml_attendance", wordWrap=True)
        self.dues = QLabel(objectName="ml_dues", wordWrap=True)
        self.arrears = QLabel(objectName="ml_arrears", wordWrap=True)
        self.away = QLabel(objectName="ml_away", wordWrap=True)
        self.ratings_model = RowsModel(s.ML_RATINGS_COLUMNS, self)
        self.discipline_model = RowsModel(s.ML_DISCIPLINE_COLUMNS, self)
        self.tasks_model = RowsModel(s.ML_TASKS_COLUMNS, self)
        self.letters_model = RowsModel(s.ML_LETTERS_COLUMNS, self)
        self.contacts_model = RowsModel(s.ML_CONTACTS_COLUMNS, self)
        self.tables: dict[str, QTableView] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.message = QLabel(objectName="ml_message", wordWrap=True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._year_box())
        column.addWidget(self._box(s.ML_RATINGS, "ratings", self.ratings_model, [("add_rating", s.ML_ADD_RATING,
                                                                                  self.add_rating)]))
        column.addWidget(self._box(s.ML_DISCIPLINE, "discipline", self.discipline_model,
                                   [("add_discipline", s.ML_ADD_DISCIPLINE, self.add_discipline),
                                    ("remove_discipline", s.ML_REMOVE_DISCIPLINE, self.remove_discipline)]))
        column.addWidget(self._box(s.ML_TASKS, "tasks", self.tasks_model, [
            ("add_task", s.ML_ADD_TASK, self.add_task), ("edit_task", s.ML_EDIT_TASK, self.edit_task)]))
        column.addWidget(self._box(s.ML_LETTERS, "letters", self.letters_model, [
            ("add_letter", s.ML_ADD_LETTER, self.add_letter),
            ("letter_outcome", s.ML_LETTER_OUTCOME, self.record_outcome)]))
        column.addWidget(self._box(s.ML_AWAY, "contacts", self.contacts_model, [
            ("add_contact", s.ML_ADD_CONTACT, self.add_contact)], lead=self.away))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.year.valueChanged.connect(self.reload)
        context.changed.connect(self.on_changes)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _year_box(self) -> QGroupBox:
        self.year_box = QGroupBox()
        grid = QVBoxLayout(self.year_box)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addStretch(1)
        grid.addLayout(top)
        self.strip = MonthStrip()   # the year month by month: meetings and dues
        grid.addWidget(self.strip)
        for label in (self.attendance, self.dues, self.arrears):
            grid.addWidget(label)
        return self.year_box

    def _box(self, title: str, key: str, model: RowsModel, actions, lead: QLabel | None = None) -> QGroupBox:
        box = QGroupBox(title, objectName=f"box_{key}")
        layout = QVBoxLayout(box)
        if lead is not None:
            layout.addWidget(lead)
        table = QTableView(objectName=f"table_{key}")
        show_full_text(table, wrap=False)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(24)
        model.modelReset.connect(lambda table=table: self._fit(table))
        layout.addWidget(table)
        self.tables[key] = table
        row = QHBoxLayout()
        row.addStretch(1)
        for name, text, slot in actions:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            row.addWidget(button)
            self.buttons[name] = button
        layout.addLayout(row)
        return box

    @staticmethod
    def _fit(table: QTableView) -> None:
        """As tall as its rows (one empty line when none, a scroll bar past six): no big empty boxes."""
        rows = max(1, min(table.model().rowCount(), 6))
        height = table.horizontalHeader().sizeHint().height() + rows * 24 + 2 * table.frameWidth() + 6
        table.setFixedHeight(height)

    # -- showing -------------------------------------------------------------------------------
    def reload(self) -> None:
        info = self.info = mpl.member_party_life(self.context.db, self.member_id, self.year.value(), today=self.today)
        self.strip.set_strip(info.strip)
        self.year_box.setTitle(s.ML_YEAR_BOX.format(year=info.year))
        self._show_year(info)
        self.ratings_model.set_rows([DisplayRow((
            str(r.year), RATING_LABELS.get(r.level.value, r.level.value)
            + (f" ({NOT_RATED_LABELS.get(r.not_rated_reason.value, '')})" if r.not_rated_reason else ""),
            "" if r.score is None else str(r.score), r.rule_code, r.notes), r.id,
            WARN if r.level.value == "khong_hoan_thanh" else "") for r in info.ratings])
        self.discipline_model.set_rows([self._discipline_row(d, info.discipline_until.get(d.id, d.in_force_until))
                                        for d in info.discipline])
        self.tasks_model.set_rows([DisplayRow((str(t.year), t.task, t.notes), t.id) for t in info.tasks])
        self.letters_model.set_rows([self._letter_row(t) for t in info.letters])
        self._show_away(info)
        away_now = info.status is MemberStatus.AWAY
        self.buttons["add_contact"].setEnabled(away_now)
        self.buttons["add_contact"].setToolTip("" if away_now else s.ML_AWAY_NONE)

    def _show_year(self, info: mpl.MemberPartyLife) -> None:
        limit = party_life.rules().on("absence_threshold", date(info.year, 12, 31))["months_per_year"]
        a, d = info.attendance, info.dues
        if a.counts:
            exempt = a.count("mien")
            unexcused = a.months.get("vang_khong_ly_do", [])
            self.attendance.setText(s.ML_ATTENDANCE.format(
                present=a.count("co_mat"), required=mpl.required_meetings(a), excused=a.count("vang_co_ly_do"),
                excused_months=_months(a.months.get("vang_co_ly_do", [])), unexcused=a.count("vang_khong_ly_do"),
                unexcused_months=_months(unexcused), exempt=s.ML_EXEMPT.format(count=exempt) if exempt else "")
                + (s.ML_THRESHOLD.format(count=len(unexcused), limit=limit) if len(unexcused) >= limit - 1 else ""))
        else:
            self.attendance.setText(s.ML_ATTENDANCE_NONE)
        if d.counts:
            unpaid = d.months.get("chua_dong", [])
            self.dues.setText(s.ML_DUES.format(
                paid=d.count("da_dong"), amount=s.money(info.dues_paid), excused=d.count("chua_dong_co_ly_do"),
                excused_months=_months(d.months.get("chua_dong_co_ly_do", [])), unpaid=d.count("chua_dong"),
                unpaid_months=_months(unpaid),
                exempt=s.ML_DUES_EXEMPT.format(count=d.count("mien")) if d.count("mien") else "")
                + (s.ML_THRESHOLD.format(count=len(unpaid), limit=limit) if len(unpaid) >= limit - 1 else ""))
        else:
            self.dues.setText(s.ML_DUES_NONE)
        self.arrears.setVisible(bool(info.arrears))
        self.arrears.setText(s.ML_ARREARS.format(count=len(info.arrears),
                                                 months=", ".join(month_label(e.month) for e in info.arrears)))

    def _discipline_row(self, d, until) -> DisplayRow:
        """One decision: in force from its announcement for 12 months (a new violation carries it on)."""
        if until is None:
            state = s.ML_NO_END
        else:
            state = s.ML_IN_FORCE if until > self.today else s.ML_EXPIRED
        return DisplayRow((DISCIPLINE_LABELS.get(d.form.value, d.form.value),
                           DISCIPLINE_TRACK_LABELS.get(d.track.value, ""), _date(d.decided_on), _date(d.announced_on),
                           _date(until), state, d.doc_number, d.issuer, d.reason), d.id,
                          NEAR if state == s.ML_IN_FORCE else "")

    def _letter_row(self, t) -> DisplayRow:
        kind = s.ML_LETTER_KIND.format(direction=LETTER_DIRECTION_LABELS.get(t.direction.value, "").capitalize(),
                                       official=s.ML_TEMPORARY if t.temporary else s.ML_OFFICIAL)
        pending = t.outcome is LetterOutcome.PENDING
        overdue = pending and t.deadline < self.today
        if overdue:
            outcome = s.ML_OVERDUE
        elif t.outcome is LetterOutcome.PRESENTED and t.presented_on:
            outcome = s.ML_PRESENTED.format(date=_date(t.presented_on))
        else:
            outcome = LETTER_OUTCOME_LABELS.get(t.outcome.value, t.outcome.value)
        return DisplayRow((kind, t.letter_number, _date(t.issued_on), _date(t.deadline), t.counterpart, outcome),
                          t.id if pending else "", WARN if overdue else "")

    def _show_away(self, info: mpl.MemberPartyLife) -> None:
        stint = info.away
        self.tables["contacts"].setVisible(stint is not None)
        if stint is None:
            self.away.setText(s.ML_AWAY_NONE)
            self.contacts_model.set_rows([])
            return
        latest = next((c.contact for c in info.contacts if c.contact), "")
        reach = " · ".join(p for p in (info.phone, latest) if p) or s.ML_NOT_GIVEN
        ended = s.ML_AWAY_BACK if not stint.ongoing else (
            s.ML_AWAY_ENDED if stint.until and stint.until < self.today else "")
        leave, back = stint.details, stint.return_details
        self.away.setText(s.ML_AWAY_TEXT.format(
            place=stint.place or s.ML_NOT_GIVEN, since=_date(stint.since), until=_date(stint.until) or s.ML_NOT_GIVEN,
            ended=ended, arrangement=stint.arrangement or s.ML_NOT_GIVEN, reach=reach,
            last=_date(info.last_contact) or s.ML_NOT_GIVEN)
            + s.ML_AWAY_LEAVE.format(requested=_date(leave.requested_on) or s.ML_NOT_GIVEN,
                                     proposal=leave.cell_proposal or s.ML_NOT_GIVEN,
                                     abroad=s.ML_AWAY_ABROAD if leave.abroad else "")
            + (s.ML_AWAY_RETURN.format(comments=back.return_comments or s.ML_NOT_GIVEN,
                                       by=f" ({back.comments_by})" if back.comments_by else "")
               if not stint.ongoing else ""))
        self.contacts_model.set_rows([DisplayRow((_date(c.contacted_on), c.channel, c.contact, c.note), c.id)
                                      for c in info.contacts])

    # -- recording -----------------------------------------------------------------------------
    def _dialog(self, title: str, fields: list[Field], submit) -> RecordDialog:
        name = self.info.full_name if self.info else ""
        dialog = RecordDialog(self.context, title.format(name=name, number=""), fields, submit, self)
        dialog.open()
        return dialog

    def add_rating(self) -> RecordDialog:
        db, actor, member_id, today = self.context.db, self.context.actor, self.member_id, self.today
        year = str(self.today.year if self.today.month == 12 else self.today.year - 1)
        return self._dialog(s.DLG_RATING, [
            Field("year", year), Field("level", "tot", tuple(RATING_LABELS.items())),
            Field("score", hint=s.DLG_SCORE_HINT),
            Field("not_rated_reason", "", (("", s.DLG_NONE), *NOT_RATED_LABELS.items())), Field("notes")],
            lambda v: ratings.rate_member(db, actor, member_id, today=today, **forms.rating(v)))

    def add_discipline(self) -> RecordDialog:
        db, actor, member_id, today = self.context.db, self.context.actor, self.member_id, self.today
        rule = party_life.rules().on("party_discipline", self.today)
        dialog = self._dialog(s.DLG_DISCIPLINE, [
            Field("track", "dang", tuple(DISCIPLINE_TRACK_LABELS.items())),
            Field("form", "khien_trach", tuple(DISCIPLINE_LABELS.items())),
            Field("decided_on", hint=s.DLG_DATE_HINT), Field("announced_on", hint=sr.ANNOUNCED_HINT),
            Field("in_force_until", hint=s.DLG_UNTIL_HINT),
            Field("doc_number"), Field("issuer"), Field("reason")],
            lambda v: ratings.record_discipline(db, actor, member_id, v["form"], v["decided_on"],
                                                announced_on_text=v["announced_on"], track=v["track"],
                                                in_force_until_text=v["in_force_until"], doc_number=v["doc_number"],
                                                issuer=v["issuer"], reason=v["reason"], today=today))
        dialog.set_hint(sr.DISCIPLINE_HINT.format(basis=rule.citation))
        return dialog

    def remove_discipline(self) -> RecordDialog | None:
        """Remove the selected discipline decision, recorded by mistake, after asking the reason."""
        index = self.tables["discipline"].currentIndex()
        discipline_id = self.discipline_model.key(index.row()) if index.isValid() else ""
        if not discipline_id:
            self.message.setText(s.ML_PICK_DISCIPLINE)
            return None
        self.message.clear()
        db, actor = self.context.db, self.context.actor
        cells = self.discipline_model.rows[index.row()].cells
        name = self.info.full_name if self.info else ""
        dialog = RecordDialog(self.context, s.DLG_REMOVE_DISCIPLINE.format(name=name), [
            Field("discipline_remove_reason", hint=sr.REMOVE_REASON_HINT)],
            lambda v: ratings.remove_discipline(db, actor, discipline_id, v["discipline_remove_reason"]), self)
        dialog.set_hint(s.REMOVE_DISCIPLINE_HINT.format(form=cells[0].lower(), date=cells[2]))
        dialog.open()
        return dialog

    def add_task(self) -> RecordDialog:
        db, actor, member_id = self.context.db, self.context.actor, self.member_id
        return self._dialog(s.DLG_TASK, [Field("year", str(self.year.value())), Field("task"), Field("notes")],
                            lambda v: ratings.assign_task(db, actor, member_id, **forms.task(v)))

    def edit_task(self) -> RecordDialog | None:
        """Correct the task of the selected year (the year stays; the audit keeps the text before)."""
        index = self.tables["tasks"].currentIndex()
        if not index.isValid() or not self.tasks_model.key(index.row()):
            self.message.setText(s.ML_PICK_TASK)
            return None
        self.message.clear()
        year, task, notes = self.tasks_model.rows[index.row()].cells[:3]
        db, actor, member_id = self.context.db, self.context.actor, self.member_id
        name = self.info.full_name if self.info else ""

        def submit(values: dict[str, str]):
            typed = forms.task({**values, "year": year})
            return ratings.correct_task(db, actor, member_id, typed["year"], typed["task"], notes=typed["notes"])

        dialog = RecordDialog(self.context, s.DLG_EDIT_TASK.format(year=year, name=name),
                              [Field("task", task), Field("notes", notes)], submit, self)
        dialog.open()
        return dialog

    def add_letter(self) -> RecordDialog:
        db, actor, member_id, today = self.context.db, self.context.actor, self.member_id, self.today
        directions = tuple((k, v.capitalize()) for k, v in LETTER_DIRECTION_LABELS.items())
        return self._dialog(s.DLG_LETTER, [
            Field("direction", "di", directions), Field("temporary", check=True, hint=s.DLG_TEMPORARY),
            Field("letter_number"), Field("issued_on", strings.date_text(self.today), hint=s.DLG_DATE_HINT),
            Field("counterpart"), Field("notes")],
            lambda v: transfers.issue_letter(db, actor, member_id, today=today, **forms.letter(v)))

    def record_outcome(self) -> RecordDialog | None:
        index = self.tables["letters"].currentIndex()
        letter_id = self.letters_model.key(index.row()) if index.isValid() else ""
        if not letter_id:
            self.message.setText(s.ML_PICK_LETTER)
            return None
        self.message.clear()
        db, actor, today = self.context.db, self.context.actor, self.today
        number = self.letters_model.rows[index.row()].cells[1]
        outcomes = tuple((k, v) for k, v in LETTER_OUTCOME_LABELS.items() if k != LetterOutcome.PENDING.value)
        name = self.info.full_name if self.info else ""
        dialog = RecordDialog(self.context, s.DLG_OUTCOME.format(number=number, name=name), [
            Field("outcome", "da_trinh", outcomes),
            Field("presented_on", strings.date_text(self.today), hint=s.DLG_DATE_HINT)],
            lambda v: transfers.record_letter_outcome(db, actor, letter_id, today=today,
                                                      **forms.letter_outcome(v)), self)
        dialog.open()
        return dialog

    def add_contact(self) -> RecordDialog:
        db, actor, member_id, today = self.context.db, self.context.actor, self.member_id, self.today
        channels = tuple((c, c) for c in s.CONTACT_CHANNELS)
        return self._dialog(s.DLG_CONTACT, [
            Field("contacted_on", strings.date_text(self.today), hint=s.DLG_DATE_HINT),
            Field("channel", s.CONTACT_CHANNELS[0], channels, editable_choice=True), Field("contact"), Field("note")],
            lambda v: transfers.record_contact(db, actor, member_id, today=today, **forms.contact(v)))

    def on_changes(self, changes: Changes) -> None:
        if (changes.party_life or changes.history or changes.members) and (
                not changes.member_ids or self.member_id in changes.member_ids):
            self.reload()
