"""Merging the register of a commune merged into this one (2025), from the organisation page: the merge (from the
other commune's register file, or from the whole register a reporting unit sent with its return), the possible
duplicates side by side (CCCD, card number, name and birth date) each decided "cùng một người" or "hai người khác
nhau", then the merge applied. The work is ``services/unit_merge``; refusals show in the dialog, nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.messages_returns import MATCH_LABELS
from tayninh_desktop.domain.unit_merge import DIFFERENT, SAME
from tayninh_desktop.services import unit_merge
from tayninh_desktop.ui import strings_merge as s
from tayninh_desktop.ui.context import UiContext, confirm
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

DECIDED_COLOURS = {SAME: "#e3f1df", DIFFERENT: "#e6ecf7", "": "#fff4d6"}


def _person(person: unit_merge.Person) -> str:
    return s.PERSON.format(name=person.full_name or "—", birth=format_vn_date(person.birth_date) or "—",
                           cccd=person.cccd or "—", card=person.card_number or "—", where=person.where)


class MergeDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pairs: list[unit_merge.PairView] = []
        self.setWindowTitle(s.TITLE)
        self.setMinimumSize(1000, 620)
        intro = QLabel(s.INTRO, wordWrap=True)
        self.source = QComboBox(objectName="merge_source")
        self.source.setMinimumWidth(420)
        self.on_date = QLineEdit(s.ON_DEFAULT, objectName="merge_on")
        self.on_date.setMaximumWidth(110)
        self.from_file = QPushButton(s.FROM_FILE, objectName="merge_from_file")
        self.from_return = QPushButton(s.FROM_RETURN, objectName="merge_from_return")
        self.model = RowsModel(s.COLUMNS, self)
        self.table = QTableView(objectName="merge_pairs")
        show_full_text(self.table, wrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.counts = QLabel(objectName="merge_counts", wordWrap=True)
        self.same = QPushButton(s.SAME, objectName="merge_same")
        self.different = QPushButton(s.DIFFERENT, objectName="merge_different")
        self.apply_button = QPushButton(s.APPLY, objectName="merge_apply")
        self.message = QLabel(objectName="merge_message", wordWrap=True)
        close = QPushButton(s.CLOSE)
        self._layout(intro, close)
        self.source.currentIndexChanged.connect(lambda _i: self.show_pairs())
        self.from_file.clicked.connect(self.ask_file)
        self.from_return.clicked.connect(self.ask_return)
        self.same.clicked.connect(lambda: self.decide(SAME))
        self.different.clicked.connect(lambda: self.decide(DIFFERENT))
        self.apply_button.clicked.connect(self.ask_apply)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._pair_chosen())
        close.clicked.connect(self.accept)
        self.load_sources()

    def _layout(self, intro: QLabel, close: QPushButton) -> None:
        top = QHBoxLayout()
        for widget in (QLabel(s.SOURCE), self.source, QLabel(s.ON_DATE), self.on_date, self.from_file,
                       self.from_return):
            top.addWidget(widget)
        top.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.same, self.different):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.apply_button)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    # -- reading ---------------------------------------------------------------------------------------------------
    def load_sources(self, chosen: str | None = None) -> None:
        found = unit_merge.sources(self.context.db)
        self.source.blockSignals(True)
        self.source.clear()
        for source in found:
            self.source.addItem(s.SOURCE_LINE.format(name=source.unit_name, code=source.unit_code,
                                                     on=format_vn_date(_iso(source.merged_on)),
                                                     state=s.STATES.get(source.state, source.state)), source.id)
        if not found:
            self.source.addItem(s.NO_SOURCE, "")
        index = self.source.findData(chosen) if chosen else 0
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)
        self.show_pairs()

    @property
    def source_id(self) -> str:
        return self.source.currentData() or ""

    def show_pairs(self) -> None:
        source_id = self.source_id
        self.pairs = unit_merge.pair_views(self.context.db, source_id) if source_id else []
        self.model.set_rows([DisplayRow((s.MATCHED.get(p.matched_by, p.matched_by), _person(p.incoming),
                                         _person(p.other), s.DECISIONS[p.decision]), p.id,
                                        DECIDED_COLOURS[p.decision]) for p in self.pairs])
        for column, width in enumerate((150, 420, 420)):
            self.table.setColumnWidth(column, width)
        self.table.resizeRowsToContents()
        source = next((x for x in unit_merge.sources(self.context.db) if x.id == source_id), None)
        left = sum(not p.decision for p in self.pairs)
        if source is None:
            self.counts.setText("")
        elif source.state == "applied":
            self.counts.setText(s.APPLIED.format(on=format_vn_date(_iso(source.merged_on))))
        else:
            members = unit_merge.source_members(self.context.db, source.id)
            self.counts.setText(s.COUNTS.format(members=members, pairs=len(self.pairs), left=left) if self.pairs
                                else s.COUNTS_NONE.format(members=members))
        planned = source is not None and source.state == "planned"
        self.apply_button.setEnabled(planned and left == 0)
        for button in (self.same, self.different):
            button.setEnabled(planned and bool(self.pairs))

    def chosen(self) -> unit_merge.PairView | None:
        index = self.table.currentIndex()
        return self.pairs[index.row()] if index.isValid() and index.row() < len(self.pairs) else None

    def _pair_chosen(self) -> None:
        pair = self.chosen()
        strong = pair is not None and pair.strong
        self.different.setEnabled(not strong and self.same.isEnabled())
        self.message.setStyleSheet("")
        self.message.setText(s.STRONG_HINT.format(by=MATCH_LABELS[pair.matched_by]) if strong else "")

    # -- actions ---------------------------------------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _date(self):
        try:
            value = parse_vn_date(self.on_date.text())
        except ValueError:
            value = None
        if value is None:
            self.say(s.BAD_DATE.format(value=self.on_date.text()), error=True)
        return value

    def ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, s.FROM_FILE, "", s.FILE_FILTER)
        if path:
            self.plan(register_file=Path(path))

    def ask_return(self) -> None:
        units = unit_merge.snapshot_units(self.context.db)
        if not units:
            self.say(s.NO_SNAPSHOT, error=True)
            return
        labels = [f"{name} ({code})" for code, name in units]
        label, ok = QInputDialog.getItem(self, s.FROM_RETURN, s.PICK_UNIT, labels, 0, False)
        if ok:
            self.plan(unit_code=units[labels.index(label)][0])

    def plan(self, *, register_file: Path | None = None, unit_code: str | None = None):
        """Record a merge from a register file or a unit's snapshot, with its possible duplicates."""
        on = self._date()
        if on is None:
            return None
        result, error = self.context.attempt(unit_merge.plan, register_file=register_file, unit_code=unit_code,
                                             merged_on=on)
        if error is not None:
            self.say(error.message, error=True)
            return None
        plan = result[0]
        self.load_sources(plan.source.id)
        self.say(s.PLANNED.format(name=plan.source.unit_name, members=plan.members, pairs=len(plan.pairs)))
        return plan

    def decide(self, decision: str) -> bool:
        pair = self.chosen()
        if pair is None:
            self.say(s.PICK_PAIR, error=True)
            return False
        row = self.table.currentIndex().row()
        _result, error = self.context.attempt(unit_merge.decide, pair.id, decision)
        if error is not None:
            self.say(error.message, error=True)
            return False
        self.show_pairs()
        self.table.selectRow(min(row + 1, len(self.pairs) - 1))   # on to the next case
        return True

    def ask_apply(self):
        source = next((x for x in unit_merge.sources(self.context.db) if x.id == self.source_id), None)
        if source is None:
            return None
        members = unit_merge.source_members(self.context.db, source.id)
        text = s.CONFIRM.format(members=members, name=source.unit_name, on=format_vn_date(_iso(source.merged_on)),
                                same=sum(p.decision == SAME for p in self.pairs))
        return self.apply_merge() if confirm(self, text) else None

    def apply_merge(self):
        changes, error = self.context.attempt(unit_merge.apply, self.source_id)
        if error is not None:
            self.say(error.message, error=True)
            return None
        self.load_sources(self.source_id)
        self.say(s.DONE.format(count=len(changes.member_ids)))
        return changes


def _iso(text: str):
    from datetime import date

    return date.fromisoformat(text) if text else None
