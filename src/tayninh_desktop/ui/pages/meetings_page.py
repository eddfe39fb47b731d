"""Cell meetings: the year's meetings of a cell, and one meeting's form with its keyboard attendance grid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.messages_party_life import MEETING_KIND_LABELS
from tayninh_desktop.domain.party_life import AttendanceState
from tayninh_desktop.services import meetings, organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.party_life_models import AttendanceModel
from tayninh_desktop.ui.widgets.key_grid import KeyGrid
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class MeetingsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.meeting_id: str | None = None
        self.cell = QComboBox(objectName="meetings_cell")
        self.cell.setMinimumWidth(260)
        self.year = QSpinBox(objectName="meetings_year", minimum=1990, maximum=2100, value=self.today.year)
        self.meeting_list = QListWidget(objectName="meetings_list")
        self.new_button = QPushButton(s.MEETING_NEW, objectName="meeting_new")
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
        self.model = AttendanceModel(self)
        self.grid = KeyGrid()
        self.grid.setObjectName("attendance_grid")
        self.grid.setModel(self.model)
        self.counts = QLabel(objectName="attendance_counts")
        self.message = QLabel(objectName="meeting_message")
        self.save_button = QPushButton(s.SAVE, objectName="meeting_save")
        self.scores: dict[str, QSpinBox] = {}
        self._build()
        self._fill_cells()
        self.cell.currentIndexChanged.connect(self.reload_list)
        self.year.valueChanged.connect(self.reload_list)
        self.meeting_list.currentItemChanged.connect(self._open_item)
        self.new_button.clicked.connect(self.new_meeting)
        self.load_button.clicked.connect(self.load_roster)
        self.date.returnPressed.connect(self.load_roster)
        self.save_button.clicked.connect(self.save)
        self.rubric_button.clicked.connect(self.edit_rubric)
        self.grid.state_changed.connect(self._update_counts)
        self.model.dataChanged.connect(lambda *_: self._update_counts())
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        context.changed.connect(self.on_changes)
        self.reload_list()
        self.new_meeting()

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell)
        bar.addWidget(QLabel(s.YEAR))
        bar.addWidget(self.year)
        left_layout.addLayout(bar)
        left_layout.addWidget(QLabel(s.MEETINGS_LIST))
        left_layout.addWidget(self.meeting_list, 1)
        left_layout.addWidget(self.new_button)

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
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        help_label = QLabel(s.ATTENDANCE_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        right_layout.addWidget(help_label)
        right_layout.addWidget(self.grid, 1)
        right_layout.addWidget(self.counts)
        self.quality_box = self._quality_box()
        right_layout.addWidget(self.quality_box)
        self._right_layout = right_layout
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _quality_box(self) -> QGroupBox:
        rubric = meetings.rubric(self.context.db)
        box = QGroupBox(s.QUALITY.format(basis=rubric.doc_number))
        grid = QGridLayout(box)
        self.scores = {}
        for index, criterion in enumerate(rubric.criteria):
            spin = QSpinBox(minimum=0, maximum=criterion.max, value=criterion.max)
            spin.setObjectName(f"score_{criterion.code}")
            spin.valueChanged.connect(self._update_quality)
            self.scores[criterion.code] = spin
            label = QLabel(f"{criterion.label} (tối đa {criterion.max})", wordWrap=True)
            grid.addWidget(label, index // 2, (index % 2) * 2)
            grid.addWidget(spin, index // 2, (index % 2) * 2 + 1)
        self.quality_total = QLabel(objectName="quality_total")
        last = (len(rubric.criteria) + 1) // 2
        grid.addWidget(self.quality_total, last, 0, 1, 3)
        grid.addWidget(self.rubric_button, last, 3)
        self._update_quality()
        return box

    def _rebuild_quality(self) -> None:
        """The rubric was edited: the score boxes follow its criteria (the open meeting keeps its scores)."""
        scores = {code: spin.value() for code, spin in self.scores.items()}
        self.rubric_button.setParent(None)
        old, self.quality_box = self.quality_box, self._quality_box()
        self._right_layout.replaceWidget(old, self.quality_box)
        old.deleteLater()
        for code, value in scores.items():
            if code in self.scores:
                self.scores[code].setValue(value)

    def edit_rubric(self):
        """Open the rubric editor (criteria with their maximum points, levels, legal basis)."""
        from tayninh_desktop.ui.dialogs.rubric_dialog import RubricDialog

        dialog = RubricDialog(self.context, self)
        dialog.open()
        return dialog

    def _update_quality(self) -> None:
        rubric = meetings.rubric(self.context.db)
        total = sum(spin.value() for spin in self.scores.values())
        self.quality_total.setText(s.QUALITY_TOTAL.format(total=total, max=rubric.total,
                                                          level=rubric.level_for(total).label))

    def _fill_cells(self) -> None:
        self.cell.blockSignals(True)
        current = self.cell.currentData()
        self.cell.clear()
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        if current:
            self.cell.setCurrentIndex(max(self.cell.findData(current), 0))
        self.cell.blockSignals(False)

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
        self.meeting_list.blockSignals(False)

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_meeting(item.data(Qt.ItemDataRole.UserRole))

    def open_meeting(self, meeting_id: str) -> None:
        meeting = meetings.get_meeting(self.context.db, meeting_id)
        self.meeting_id = meeting_id
        self.date.setText(format_vn_date(meeting.meeting_date))
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        self.chair.setText(meeting.chair)
        self.secretary.setText(meeting.secretary)
        self.summary_text.setText(meeting.summary)
        for code, value in meeting.scores:
            if code in self.scores:
                self.scores[code].setValue(value)
        self.model.set_rows(meetings.attendance_lines(self.context.db, meeting_id))
        from tayninh_desktop.ui.widgets import support_meeting

        self.support_item.setChecked(support_meeting.was_presented(self.context, meeting_id))
        self.message.setText("")
        self._update_counts()
        self.grid.start()

    def new_meeting(self) -> None:
        self.meeting_id = None
        self.meeting_list.clearSelection()
        self.date.setText(format_vn_date(self.today))
        self.chair.clear()
        self.secretary.clear()
        self.summary_text.clear()
        self.support_item.setChecked(False)
        self.kind.setCurrentIndex(0)
        self.load_roster()
        self.date.setFocus()

    def show_month(self, cell_id: str, month: str | None) -> None:
        """Open the cell on a month with no minutes: a new meeting dated in that month."""
        self.cell.setCurrentIndex(max(self.cell.findData(cell_id), 0))
        if month:
            self.year.setValue(int(month[:4]))
        self.new_meeting()
        if month:
            self.date.setText(f"10/{month[5:7]}/{month[:4]}")
            self.load_roster()

    def load_roster(self) -> None:
        """Everyone in the cell on the typed date, present by default; the cursor goes to the grid."""
        cell_id = self.cell.currentData()
        try:
            day = parse_vn_date(self.date.text())
        except ValueError:
            day = None
        if not cell_id or day is None:
            self.model.set_rows([])
            self._update_counts()
            return
        self.model.set_rows(meetings.roster(self.context.db, cell_id, day))
        self._update_counts()
        self.grid.start()

    def _update_counts(self) -> None:
        c = self.model.counts()
        expected = len(self.model.rows) - c[AttendanceState.NOT_REQUIRED.value]
        self.counts.setText(s.ATTENDANCE_SUMMARY.format(present=c["co_mat"], expected=expected,
                                                        excused=c["vang_co_ly_do"], unexcused=c["vang_khong_ly_do"]))

    def save(self):
        form = {"meeting_date": self.date.text(), "kind": self.kind.currentData(), "chair": self.chair.text(),
                "secretary": self.secretary.text(), "summary": self.summary_text.text()}
        scores = {code: spin.value() for code, spin in self.scores.items()}
        from tayninh_desktop.ui.widgets import support_meeting

        result, error = support_meeting.save_meeting(self.context, self.support_item, self.meeting_id,
                                                     self.cell.currentData(), form, attendance=self.model.given(),
                                                     scores=scores, today=self.today)
        if error is not None:  # said on the page, next to the form, and nothing was saved
            self.message.setText(error.message)
            self.message.setStyleSheet(ERROR_STYLE)
            return None
        self.meeting_id = result[0]
        self.message.setStyleSheet("")
        self.message.setText(" ".join(filter(None, (s.MEETING_SAVED.format(date=self.date.text()),
                                                     support_meeting.told_message(self.context, self.meeting_id)))))
        return result

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_cells()
        if changes.settings:
            self._rebuild_quality()
        if changes.party_life or changes.organisation:
            self.reload_list()
