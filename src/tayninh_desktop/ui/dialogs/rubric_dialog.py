"""The editor of the chi bộ meeting-quality rubric: its legal basis, the criteria with their maximum points,
and the levels with the score each starts from. Reached from the meetings page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import meetings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.screen_fit import fit_to_screen
from tayninh_desktop.ui.unsaved import GuardedDialog, UnsavedGuard
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

TEXT_FIELDS = (("rubric_name", s.RUBRIC_NAME), ("rubric_doc_number", s.RUBRIC_DOC_NUMBER),
               ("rubric_doc_date", s.RUBRIC_DOC_DATE), ("rubric_basis", s.RUBRIC_BASIS))
# table key → (form key, title, columns, the two row fields)
TABLES = {"rubric_criteria": ("criteria", s.RUBRIC_CRITERIA, s.RUBRIC_CRITERIA_COLUMNS, ("label", "max")),
          "rubric_levels": ("levels", s.RUBRIC_LEVELS, s.RUBRIC_LEVELS_COLUMNS, ("label", "min"))}


def _error_label(name: str) -> QLabel:
    label = QLabel(objectName=f"error_{name}", wordWrap=True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class RubricDialog(GuardedDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(s.RUBRIC_TITLE)
        fit_to_screen(self, 820, 700)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.tables: dict[str, QTableWidget] = {}
        current = meetings.rubric_form(context.db)
        help_label = QLabel(s.RUBRIC_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        form = QFormLayout()
        for name, label in TEXT_FIELDS:
            edit = QLineEdit(current[name], objectName=f"input_{name}")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(edit)
            column.addWidget(error := _error_label(name))
            form.addRow(label, holder)
            self.inputs[name], self.errors[name] = edit, error
        self.total = QLabel(objectName="rubric_total")
        self.status = QLabel(objectName="rubric_status", wordWrap=True)
        save = QPushButton(s.RUBRIC_SAVE, objectName="rubric_save")
        save.setDefault(True)
        close = QPushButton(s.DLG_CANCEL)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(save)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addLayout(form)
        for key, (form_key, title, columns, fields) in TABLES.items():
            layout.addWidget(self._table_box(key, title, columns, fields, current[form_key]), 1)
        layout.addLayout(bottom)
        save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self._update_total()
        self.guard = UnsavedGuard(self, snapshot=self.values, save=self.save,
                                  what=lambda: sw.WHAT_DIALOG.format(title=s.RUBRIC_TITLE))
        self.guard.mark_clean()

    def _table_box(self, key: str, title: str, columns, fields, rows: list[dict]) -> QGroupBox:
        box = QGroupBox(title)
        table = QTableWidget(0, 2, objectName=f"table_{key}")
        show_full_text(table)
        table.setHorizontalHeaderLabels(list(columns))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setVisible(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row in rows:
            self._append(table, str(row[fields[0]]), str(row[fields[1]]), row["code"])
        table.itemChanged.connect(lambda _item: self._update_total())
        self.tables[key] = table
        add = QPushButton(s.RUBRIC_ADD_ROW, objectName=f"add_{key}")
        remove = QPushButton(s.RUBRIC_REMOVE_ROW, objectName=f"remove_{key}")
        add.clicked.connect(lambda: self.add_row(key))
        remove.clicked.connect(lambda: self.remove_row(key))
        buttons = QHBoxLayout()
        if key == "rubric_criteria":
            buttons.addWidget(self.total)
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        column = QVBoxLayout(box)
        column.addWidget(table, 1)
        column.addWidget(error := _error_label(key))
        column.addLayout(buttons)
        self.errors[key] = error
        return box

    @staticmethod
    def _append(table: QTableWidget, label: str, number: str, code: str = "") -> None:
        row = table.rowCount()
        table.insertRow(row)
        first = QTableWidgetItem(label)
        first.setData(Qt.ItemDataRole.UserRole, code)
        second = QTableWidgetItem(number)
        second.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, 0, first)
        table.setItem(row, 1, second)

    def add_row(self, key: str) -> None:
        table = self.tables[key]
        self._append(table, "", "")
        table.setCurrentCell(table.rowCount() - 1, 0)
        table.editItem(table.item(table.rowCount() - 1, 0))

    def remove_row(self, key: str) -> None:
        table = self.tables[key]
        if table.currentRow() >= 0:
            table.removeRow(table.currentRow())
            self._update_total()

    def _rows(self, key: str) -> list[dict]:
        table, fields = self.tables[key], TABLES[key][3]
        out = []
        for row in range(table.rowCount()):
            first, second = table.item(row, 0), table.item(row, 1)
            out.append({"code": first.data(Qt.ItemDataRole.UserRole) if first else "",
                        fields[0]: first.text() if first else "", fields[1]: second.text() if second else ""})
        return out

    def values(self) -> dict:
        out: dict = {name: edit.text() for name, edit in self.inputs.items()}
        for key, (form_key, *_rest) in TABLES.items():
            out[form_key] = self._rows(key)
        return out

    def _update_total(self) -> None:
        total = sum(int(r["max"]) for r in self._rows("rubric_criteria") if str(r["max"]).strip().isdigit())
        self.total.setText(s.RUBRIC_TOTAL.format(total=total))

    def save(self) -> bool:
        """Save the rubric; each wrong field or table gets its message underneath and nothing is saved."""
        for label in self.errors.values():
            label.hide()
        self.status.clear()
        try:
            changes = meetings.edit_rubric(self.context.db, self.context.actor, self.values())
        except ValidationError as error:
            for name, messages in error.by_field().items():
                label = self.errors.get(name)
                if label is not None:
                    label.setText("\n".join(messages))
                    label.show()
            self.status.setText(s.DLG_HAS_ERRORS)
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        except DomainError as error:
            self.status.setText(error.message)
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        self.context.changed.emit(changes)
        self.accept()
        return True
