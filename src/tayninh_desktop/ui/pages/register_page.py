"""The register page: the whole register in a lazy table, search as you type, filters, the member form."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.member_table_model import ACTIVE_FILTER, MemberTableModel
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.cell_filter import CellFilter
from tayninh_desktop.ui.widgets.column_chooser import ColumnChooser
from tayninh_desktop.ui.widgets.empty_state import EmptyState, EmptySwitch
from tayninh_desktop.ui.widgets.full_text import show_full_text

SEARCH_DELAY_MS = 120
PREPARE_AFTER_MS = 1500   # the search's index read on the worker once the page has been idle this long
COLUMN_WIDTHS = (44, 200, 58, 86, 200, 98, 108, 118, 108, 100)


class RegisterPage(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.model = MemberTableModel(context.db, self)
        self.model.statuses = ACTIVE_FILTER

        self.search = QLineEdit(placeholderText=strings.SEARCH_PLACEHOLDER, objectName="search")
        self.search.setClearButtonEnabled(True)
        self.cell_filter = CellFilter(strings.FILTER_ALL_CELLS, objectName="cell_filter")
        self.status_filter = QComboBox(objectName="status_filter")
        self.count_label = QLabel(objectName="count")
        self.only_label = QLabel(objectName="only_label", wordWrap=True)
        self.only_label.setStyleSheet("color: #1B5E20; font-weight: bold")
        self.only_clear = QPushButton(strings.SHOW_WHOLE_REGISTER, objectName="only_clear")
        self.only_clear.clicked.connect(lambda: self.show_only(None))
        self.new_button = QPushButton(strings.NEW_MEMBER, objectName="new_member")
        self.table = QTableView(objectName="members_table")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._prepare = QTimer(self, singleShot=True, interval=PREPARE_AFTER_MS)
        self._total = 0

        # Built with every signal that would query quiet: the ordered query of the whole register runs once,
        # at the end, on the worker (it costs ~50 ms at 100,000 members).
        self._runner = TaskRunner()
        self._build()
        self._fill_filters()
        self.model.refresh_soon(self._runner, context.db_path)  # the first page now, the whole list on the worker
        self._update_count(recount=True)
        self._prepare.timeout.connect(lambda: self.model.prepare_search(self._runner, self.context.db_path))
        self._prepare.start()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.cell_filter, 2)
        bar.addWidget(self.status_filter, 2)
        bar.addWidget(self.new_button)
        self._setup_table()
        # Every column fits a 1366-pixel screen beside the navigation; a cut cell shows its text as a tooltip;
        # a right click on the header chooses the columns.
        show_full_text(self.table, wrap=False)
        self.columns = ColumnChooser(self.table, "register")
        self.switch = EmptySwitch(self.table, EmptyState(sw.EMPTY_MEMBERS_TITLE, sw.EMPTY_MEMBERS_TEXT, [
            (sw.EMPTY_IMPORT, self._import_list), (sw.EMPTY_ADD_MEMBER, self.new_member)]))
        self.only_bar = QWidget(objectName="only_bar", visible=False)
        only_row = QHBoxLayout(self.only_bar)
        only_row.setContentsMargins(0, 0, 0, 0)
        only_row.addWidget(self.only_label, 1)
        only_row.addWidget(self.only_clear)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.only_bar)
        layout.addWidget(self.switch, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.apply_search)
        self.cell_filter.currentIndexChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.new_button.clicked.connect(self.new_member)
        self.table.doubleClicked.connect(lambda index: self.open_member_at(index.row()))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self._open_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, activated=self.table.setFocus,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.context.changed.connect(self.on_changes)

    def _setup_table(self) -> None:
        """The table in list order (column 1 ascending), without sorting the model: enabling sorting sorts at
        once, and setting the indicator sorts again; the model's order is already the list order."""
        header = self.table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # no model yet: nothing to sort
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)

    def _fill_filters(self) -> None:
        self.cell_filter.set_cells(self.context.cells())
        if self.status_filter.count() == 0:
            self.status_filter.blockSignals(True)  # the first item would re-query the register
            self.status_filter.addItem(strings.FILTER_STATUS_ACTIVE, ACTIVE_FILTER)
            self.status_filter.addItem(strings.FILTER_STATUS_ALL, None)
            for status in MemberStatus:
                self.status_filter.addItem(strings.FILTER_STATUS_ONE.format(label=strings.status_label(status.value)),
                                           (status.value,))
            self.status_filter.blockSignals(False)

    def apply_search(self) -> None:
        self._timer.stop()
        self.model.set_filter(search=self.search.text())
        self._update_count()

    def _filters_changed(self) -> None:
        self.model.set_filter(cell_id=self.cell_filter.currentData(), statuses=self.status_filter.currentData())
        self._update_count()

    def _update_count(self, *, recount: bool = False) -> None:
        """The shown / total line; the total is counted again only when the register changed, not per keystroke."""
        if recount:
            self._total = register.member_count(self.context.db)
        self.count_label.setText(strings.count_members(self.model.rowCount(), self._total))
        self.switch.set_empty(self._total == 0)

    def show_only(self, member_ids: list[str] | None, what: str = "") -> None:
        """Only these members (the ones an import just added), with a line saying so and a way back."""
        if member_ids is None:
            self.model.show_only(None)
            self.only_bar.setVisible(False)
        else:
            for combo in (self.cell_filter, self.status_filter):   # every one of them, whatever the filters were
                combo.blockSignals(True)
            self.cell_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(1)   # every status
            for combo in (self.cell_filter, self.status_filter):
                combo.blockSignals(False)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.model.set_filter(search="", cell_id=None, statuses=None)
            self.model.show_only(register.rowids_of(self.context.db, member_ids))
            self.only_label.setText(what or strings.SHOWING_ONLY.format(count=len(member_ids)))
            self.only_bar.setVisible(True)
        self._update_count()

    def _import_list(self):
        window = self.window()
        return window.open_action("lists", "open_wizard") if hasattr(window, "open_action") else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_member_at(index.row())

    def open_member_at(self, row: int) -> None:
        member_id = self.model.member_id(row)
        if member_id:
            self.open_member(member_id)

    def open_member(self, member_id: str):
        from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self.context, member_id, self)
        dialog.open()
        return dialog

    def new_member(self):
        from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self.context, None, self, default_cell_id=self.cell_filter.currentData())
        dialog.open()
        return dialog

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_filters()
        if changes.members or changes.organisation:
            self.model.refresh()
            self._update_count(recount=True)
            self._prepare.start()
