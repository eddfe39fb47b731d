"""What a paper on the "Văn bản" page is about: the unit (the committee or a cell), the member, the year (and for
a statistical form the part of it: half, quarter, month) and the paper's date; the member list follows the unit (a cell's members on the date, or the whole committee's)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QSpinBox

from tayninh_desktop.services import register
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.member_table_model import ACTIVE_FILTER
from tayninh_desktop.ui.widgets.period_choice import period_parts

# Above this many members the committee-level list would be slow to build: choose the cell first.
COMMITTEE_MEMBER_LIMIT = 5000


def date_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class PaperSelection:
    def __init__(self, context: UiContext) -> None:
        self.context = context
        self.unit = QComboBox(objectName="unit")
        self.member = QComboBox(objectName="member")
        # Long lists (a whole committee): type part of a name to find it.
        self.member.setEditable(True)
        self.member.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.member.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.member.currentIndexChanged.connect(lambda _i: self.member.lineEdit().setCursorPosition(0))
        self.year = QSpinBox(objectName="year", minimum=2000, maximum=2100, value=date.today().year)
        # A statistical form is printed for the year or a part of it (half, quarter, month).
        self.part = QComboBox(objectName="period_part")
        for label, suffix in period_parts():
            self.part.addItem(label, suffix)
        self.on = QDateEdit(QDate.currentDate(), objectName="on", calendarPopup=True, displayFormat="dd/MM/yyyy")

    def period(self) -> str:
        """The period of the year and part chosen ("2026", "2026-H1", "2026-Q3", "2026-06")."""
        suffix = self.part.currentData()
        return f"{self.year.value()}-{suffix}" if suffix else str(self.year.value())

    def fill_members(self) -> None:
        """The members the chosen unit can issue a paper about, quietly (the page refreshes its forms after)."""
        cell_id = self.unit.currentData()
        self.member.blockSignals(True)
        self.member.clear()
        self.member.addItem(s.NO_MEMBER, None)
        if cell_id:
            for member in register.members_in_cell_on(self.context.db, cell_id, date_of(self.on)):
                self.member.addItem(member.full_name, member.id)
        else:  # the committee issues for any of its members (giấy giới thiệu, quyết định…)
            rowids = register.list_rowids(self.context.db, statuses=ACTIVE_FILTER)
            if len(rowids) <= COMMITTEE_MEMBER_LIMIT:
                for row in register.summaries(self.context.db, rowids):
                    self.member.addItem(s.MEMBER_WITH_CELL.format(name=row.full_name, cell=row.cell_name), row.id)
            self.member.setToolTip("" if len(rowids) <= COMMITTEE_MEMBER_LIMIT else s.CHOOSE_CELL_FIRST)
        self.member.blockSignals(False)
