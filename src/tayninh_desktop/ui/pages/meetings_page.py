"""Cell meetings: the year's meetings of a cell, and one meeting's form with its keyboard attendance grid.

A new meeting starts with nobody marked and no quality score: the clerk says "Tất cả có mặt" (then marks who was
absent) or marks each member. A saved meeting opened from the list can be corrected and saved again (the
correction goes to the audit log with what it replaced). Typed work is guarded (ui/unsaved.py): switching cell or
meeting, the page or the window asks Lưu / Không lưu / Ở lại.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.messages_party_life import MEETING_KIND_LABELS
from tayninh_desktop.domain.party_life import AttendanceState
from tayninh_desktop.services import meetings, organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog
from tayninh_desktop.ui.models.party_life_models import AttendanceModel
from tayninh_desktop.ui.unsaved import UnsavedGuard, guard_combo
from tayninh_desktop.ui.widgets.empty_state import EmptyState, EmptySwitch
from tayninh_desktop.ui.widgets.key_grid import KeyGrid
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE
from tayninh_desktop.ui.widgets.quality_scores import QualityScores


class MeetingsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.meeting_id: str | None = None
        self.cell = QComboBox(objectName="meetings_cell")
        self.cell.setMinimumWidth(260)
        self.year = QSpinBox(objectName="meetings_year", minimum=1990, maximum=2100, value=self.today.year)
        self.year.setKeyboardTracking(False)
        self.meeting_list = QListWidget(objectName="meetings_list")
        self.list_empty = QLabel(objectName="meetings_list_empty", wordWrap=True)
        self.list_empty.setStyleSheet("color: #555;")
        self.new_button = QPushButton(s.MEETING_NEW, objectName="meeting_new")
        self.delete_button = QPushButton(s.MEETING_DELETE, objectName="meeting_delete", toolTip=s.MEETING_DELETE_TIP)
        self.date = QLineEdit(objectName="meeting_date", placeholderText="dd/mm/yyyy")
        self.date.setMaximumWidth(130)
        self.kind = QComboBox(objectName="meeting_kind")
        for value, label in MEETING_KIND_LABELS.items():
            self.kind.addItem(label, value)
        self.chair = QLineEdit(objectName="meeting_chair")
        self.secretary = QLineEdit(objectName="meeting_secretary", placeholderText=s.MEETING_SECRETARY_HINT)
        self.rubric_button = QPushButton(s.RUBRIC_EDIT, objectName="rubric_edit")
        self.summary_text = QLineEdit(objectName="meeting_summary")
        from tayninh_desktop.ui.widgets import support_meeting  # the support policy as an agenda item

        self.support_item = support_meeting.presentation_box(context, self.today)
        self.load_button = QPushButton(s.MEETING_LOAD, objectName="meeting_load")
        self.all_present = QPushButton(sw.ALL_PRESENT, objectName="all_present", toolTip=sw.ALL_PRESENT_TIP)
        self.model = AttendanceModel(self)
        self.grid = KeyGrid()
        self.grid.setObjectName("attendance_grid")
        self.grid.setModel(self.model)
        self.counts = QLabel(objectName="attendance_counts")
        self.saved_note = QLabel(sw.MEETING_SAVED_NOTE, objectName="meeting_saved_note", wordWrap=True)
        self.saved_note.setStyleSheet("color: #1e5aa8;")
        self.message = QLabel(objectName="meeting_message", wordWrap=True)
        self.save_button = QPushButton(s.SAVE, objectName="meeting_save")
        self.quality = QualityScores(meetings.rubric(context.db), self.rubric_button)
        self.guard = UnsavedGuard(self, snapshot=self._snapshot, save=self.save, what=self._what,
                                  discard=self._reopen)
        self._build()
        self._fill_cells()
        self._connect()
        self.reload_list()
        self.new_meeting()

    def _connect(self) -> None:
        self._remember_cell = guard_combo(self.cell, self.guard, self._cell_changed)
        self.year.valueChanged.connect(self.reload_list)
        self.meeting_list.currentItemChanged.connect(self._open_item)
        self.new_button.clicked.connect(self.start_new_meeting)
        self.delete_button.clicked.connect(self.delete_meeting)
        self.load_button.clicked.connect(self.load_roster)
        self.date.returnPressed.connect(self.load_roster)
        self.all_present.clicked.connect(self.mark_everyone_present)
        self.save_button.clicked.connect(self.save)
        self.rubric_button.clicked.connect(self.edit_rubric)
        self.grid.state_changed.connect(self._update_counts)
        self.model.dataChanged.connect(lambda *_: self._update_counts())
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.context.changed.connect(self.on_changes)

    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._list_panel())
        splitter.addWidget(self._meeting_panel())
        splitter.setSizes([320, 900])
        self.empty = EmptyState(sw.EMPTY_CELLS_TITLE, sw.EMPTY_CELLS_MEETINGS,
                                [(sw.EMPTY_ADD_CELL, lambda: self._go("organisation", "add_cell"))])
        self.switch = EmptySwitch(splitter, self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.switch)

    def _list_panel(self) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell, 1)
        bar.addWidget(QLabel(s.YEAR))
        bar.addWidget(self.year)
        left_layout.addLayout(bar)
        left_layout.addWidget(QLabel(s.MEETINGS_LIST))
        left_layout.addWidget(self.meeting_list, 1)
        left_layout.addWidget(self.list_empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button, 1)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        return left

    def _meeting_panel(self) -> QWidget:
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.date)
        row.addWidget(QLabel(s.MEETING_KIND))
        row.addWidget(self.kind)
        row.addWidget(self.load_button)
        row.addStretch(1)
        form.addRow(s.MEETING_DATE, row)
        form.addRow(s.MEETING_CHAIR, self.chair)
        form.addRow(s.MEETING_SECRETARY, self.secretary)
        form.addRow(s.MEETING_SUMMARY, self.summary_text)
        form.addRow("", self.support_item)
        attendance = QWidget()
        column = QVBoxLayout(attendance)
        help_label = QLabel(sw.ATTENDANCE_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        column.addWidget(help_label)
        column.addWidget(self.saved_note)
        column.addWidget(self.grid, 1)
        column.addWidget(self.grid.legend)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts, 1)
        counts_row.addWidget(self.all_present)
        column.addLayout(counts_row)
        # Attendance and the quality self-evaluation on two tabs: the grid keeps the height for its rows.
        self.meeting_tabs = QTabWidget(objectName="meeting_tabs")
        self.meeting_tabs.addTab(attendance, sw.TAB_ATTENDANCE)
        self.meeting_tabs.addTab(self.quality, self.quality.tab_title())
        self.quality.changed.connect(self._quality_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(self.meeting_tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        return right

    def _go(self, page: str, action: str) -> None:
        window = self.window()
        if hasattr(window, "open_action"):
            window.open_action(page, action)

    # -- the unsaved-changes guard ----------------------------------------------------------------------------
    def _snapshot(self) -> tuple:
        return (self.meeting_id, self.date.text(), self.kind.currentData(), self.chair.text(), self.secretary.text(),
                self.summary_text.text(), tuple(sorted(self.quality.scores().items())), self.model.snapshot(),
                self.support_item.isChecked())

    def _what(self) -> str:
        cell = self.cell.currentText()
        return sw.WHAT_MEETING.format(date=self.date.text(), cell=cell) if self.date.text() \
            else sw.WHAT_MEETING_NEW.format(cell=cell)

    def _reopen(self) -> None:
        """Không lưu: put back the meeting as stored (or a fresh new one)."""
        if self.meeting_id:
            self.open_meeting(self.meeting_id)
        else:
            self.new_meeting()

    # -- the rubric -----------------------------------------------------------------------------------------------
    def _rebuild_quality(self) -> None:
        """The rubric was edited: the score boxes follow its criteria (the open meeting keeps its scores)."""
        scores = self.quality.scores()
        self.rubric_button.setParent(None)
        old, self.quality = self.quality, QualityScores(meetings.rubric(self.context.db), self.rubric_button)
        current = self.meeting_tabs.currentIndex()
        self.meeting_tabs.removeTab(1)
        self.meeting_tabs.insertTab(1, self.quality, self.quality.tab_title())
        self.meeting_tabs.setCurrentIndex(current)
        self.quality.changed.connect(self._quality_changed)
        old.deleteLater()
        self.quality.set_scores(scores)

    def _quality_changed(self) -> None:
        self.meeting_tabs.setTabText(self.meeting_tabs.indexOf(self.quality), self.quality.tab_title())

    def edit_rubric(self):
        """Open the rubric editor (criteria with their maximum points, levels, legal basis)."""
        from tayninh_desktop.ui.dialogs.rubric_dialog import RubricDialog

        dialog = RubricDialog(self.context, self)
        dialog.open()
        return dialog

    # -- cells and the list of meetings ---------------------------------------------------------------------------
    def _fill_cells(self) -> None:
        self.cell.blockSignals(True)
        current = self.cell.currentData()
        self.cell.clear()
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        if current:
            self.cell.setCurrentIndex(max(self.cell.findData(current), 0))
        self.cell.blockSignals(False)
        self.switch.set_empty(self.cell.count() == 0)
        if hasattr(self, "_remember_cell"):
            self._remember_cell()

    def _cell_changed(self) -> None:
        self.reload_list()
        self.new_meeting()

    def reload_list(self) -> None:
        self.meeting_list.blockSignals(True)
        self.meeting_list.clear()
        cell_id = self.cell.currentData()
        if cell_id:
            for meeting in meetings.meetings_of_cell(self.context.db, cell_id, self.year.value()):
                item = QListWidgetItem(s.MEETING_LINE.format(
                    date=format_vn_date(meeting.meeting_date), kind=s.kind_label(meeting.kind.value),
                    present=meeting.present, expected=meeting.expected))
                item.setData(Qt.ItemDataRole.UserRole, meeting.id)
                self.meeting_list.addItem(item)
                if meeting.id == self.meeting_id:
                    self.meeting_list.setCurrentItem(item)
        self.meeting_list.blockSignals(False)
        self.list_empty.setText(sw.EMPTY_MEETINGS_YEAR.format(year=self.year.value()))
        self.list_empty.setVisible(self.meeting_list.count() == 0)

    def _open_item(self, item: QListWidgetItem | None, previous: QListWidgetItem | None = None) -> None:
        if item is None or item.data(Qt.ItemDataRole.UserRole) == self.meeting_id:
            return
        if not self.guard.allow_leave():
            self.meeting_list.blockSignals(True)
            self.meeting_list.setCurrentItem(previous)
            self.meeting_list.blockSignals(False)
            return
        self.open_meeting(item.data(Qt.ItemDataRole.UserRole))

    # -- one meeting ----------------------------------------------------------------------------------------------
    def open_meeting(self, meeting_id: str) -> None:
        meeting = meetings.get_meeting(self.context.db, meeting_id)
        self.meeting_id = meeting_id
        self.date.setText(format_vn_date(meeting.meeting_date))
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        self.chair.setText(meeting.chair)
        self.secretary.setText(meeting.secretary)
        self.summary_text.setText(meeting.summary)
        self.quality.set_scores(dict(meeting.scores))
        self.model.set_rows(meetings.attendance_lines(self.context.db, meeting_id))
        from tayninh_desktop.ui.widgets import support_meeting

        self.support_item.setChecked(support_meeting.was_presented(self.context, meeting_id))
        self._opened("")

    def start_new_meeting(self) -> bool:
        """"Buổi sinh hoạt mới": a blank meeting, once the one on screen is saved or let go."""
        if not self.guard.allow_leave():
            return False
        self.new_meeting()
        return True

    def new_meeting(self) -> None:
        """A blank meeting dated today: nobody marked yet, no quality score."""
        self.meeting_id = None
        self.meeting_list.blockSignals(True)
        self.meeting_list.clearSelection()
        self.meeting_list.setCurrentItem(None)
        self.meeting_list.blockSignals(False)
        self.date.setText(format_vn_date(self.today))
        self.chair.clear()
        self.secretary.clear()
        self.summary_text.clear()
        self.support_item.setChecked(False)
        self.kind.setCurrentIndex(0)
        self.quality.set_scores({})
        self.model.set_rows([])
        self.load_roster()
        self._opened("")
        self.date.setFocus()

    def _opened(self, message: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(message)
        self.saved_note.setVisible(self.meeting_id is not None)
        self.delete_button.setEnabled(self.meeting_id is not None)
        self._update_counts()
        self.grid.show_legend()
        self.grid.start()
        self.guard.mark_clean()

    def show_month(self, cell_id: str, month: str | None) -> None:
        """Open the cell on a month with no minutes: a new meeting dated in that month."""
        if not self.guard.allow_leave():
            return
        self.cell.blockSignals(True)
        self.cell.setCurrentIndex(max(self.cell.findData(cell_id), 0))
        self.cell.blockSignals(False)
        self._remember_cell()
        if month:
            self.year.setValue(int(month[:4]))
        self.reload_list()
        self.new_meeting()
        if month:
            self.date.setText(f"10/{month[5:7]}/{month[:4]}")
            self.load_roster()
            self.guard.mark_clean()

    def load_roster(self) -> None:
        """Everyone in the cell on the typed date; marks already typed for the same members are kept, the others
        start unmarked (members exempted or away that day: "miễn")."""
        cell_id = self.cell.currentData()
        try:
            day = parse_vn_date(self.date.text())
        except ValueError:
            day = None
        if not cell_id or day is None:
            self.model.set_rows([])
            self._update_counts()
            return
        kept = {x.member_id: x for i, x in enumerate(self.model.rows) if self.model.is_marked(i)}
        lines = [kept.get(line.member_id, line) for line in meetings.roster(self.context.db, cell_id, day)]
        unmarked = {x.member_id for x in lines
                    if x.member_id not in kept and x.state is not AttendanceState.NOT_REQUIRED}
        self.model.set_rows(lines, unmarked)
        self._update_counts()
        self.grid.start()

    def mark_everyone_present(self) -> int:
        """"Tất cả có mặt": every member not yet marked is present (exempted or away: "miễn")."""
        count = self.model.mark_all()
        self._update_counts()
        return count

    def _update_counts(self) -> None:
        c = self.model.counts()
        expected = len(self.model.rows) - c[AttendanceState.NOT_REQUIRED.value]
        self.counts.setText(sw.ATTENDANCE_SUMMARY.format(present=c["co_mat"], expected=expected,
                                                         excused=c["vang_co_ly_do"], unexcused=c["vang_khong_ly_do"],
                                                         unmarked=c["unmarked"]))
        self.all_present.setEnabled(c["unmarked"] > 0)

    def _date_ok(self) -> bool:
        """The typed date is a date (else the service names the date first)."""
        try:
            return parse_vn_date(self.date.text()) is not None
        except ValueError:
            return False

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE)

    def save(self):
        unmarked = [self.model.rows[r].full_name for r in self.model.unmarked_rows()]
        if unmarked and self._date_ok():   # saved with everyone's attendance, never with a guess
            names = ", ".join(unmarked[:3]) + ("…" if len(unmarked) > 3 else "")
            self._refuse(sw.ATTENDANCE_UNMARKED.format(count=len(unmarked), names=names))
            return None
        form = {"meeting_date": self.date.text(), "kind": self.kind.currentData(), "chair": self.chair.text(),
                "secretary": self.secretary.text(), "summary": self.summary_text.text()}
        from tayninh_desktop.ui.widgets import support_meeting

        result, error = support_meeting.save_meeting(self.context, self.support_item, self.meeting_id,
                                                     self.cell.currentData(), form, attendance=self.model.given(),
                                                     scores=self.quality.scores() or None, today=self.today)
        if error is not None:  # said on the page, next to the form, and nothing was saved
            self._refuse(error.message)
            return None
        self.meeting_id = result[0]
        self.reload_list()
        self._opened(" ".join(filter(None, (s.MEETING_SAVED.format(date=self.date.text()),
                                            support_meeting.told_message(self.context, self.meeting_id)))))
        return result

    def delete_meeting(self) -> RecordDialog | None:
        """Delete the saved meeting on screen (recorded by mistake), with its attendance, after asking the reason."""
        if self.meeting_id is None:
            return None
        meeting = meetings.get_meeting(self.context.db, self.meeting_id)
        day = format_vn_date(meeting.meeting_date)
        db, actor, meeting_id = self.context.db, self.context.actor, self.meeting_id
        dialog = RecordDialog(self.context, s.DLG_MEETING_DELETE.format(date=day, cell=self.cell.currentText()),
                              [Field("delete_reason", hint=s.MEETING_DELETE_REASON_HINT)],
                              lambda v: meetings.delete_meeting(db, actor, meeting_id, v["delete_reason"]), self)
        dialog.set_hint(s.MEETING_DELETE_HINT.format(date=day, present=meeting.present, expected=meeting.expected))
        dialog.accepted.connect(lambda: self._deleted(day))
        dialog.open()
        return dialog

    def _deleted(self, day: str) -> None:
        self.guard.mark_clean()
        self.new_meeting()
        self.reload_list()
        self.message.setText(s.MEETING_DELETED.format(date=day))

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_cells()
        if changes.settings:
            self._rebuild_quality()
        if changes.party_life or changes.organisation:
            self.reload_list()
