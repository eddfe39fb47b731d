"""The organisation tree with its cells: add, rename, merge; the tree as it stood on any date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.org import UnitType
from tayninh_desktop.services import organisation, register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings, strings_merge
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext, confirm, show_error
from tayninh_desktop.ui.unsaved import GuardedDialog, UnsavedGuard
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class OrganisationPage(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.on_date = QLineEdit(objectName="org_date", placeholderText=strings.DATE_PLACEHOLDER)
        self.on_date.setText(strings.date_text(date.today()))
        self.tree = QTreeWidget(objectName="org_tree")
        show_full_text(self.tree)
        self.tree.setHeaderLabels([strings.ORG_NAME, "Mã", "Loại"])
        self.tree.setColumnWidth(0, 380)
        self.details = QLabel(objectName="org_details", wordWrap=True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.versions = QListWidget(objectName="org_versions")
        self.add_button = QPushButton(strings.ORG_ADD_CELL, objectName="add_cell")
        self.rename_button = QPushButton(strings.ORG_RENAME, objectName="rename_unit")
        self.merge_button = QPushButton(strings.ORG_MERGE, objectName="merge_cell")
        self.move_button = QPushButton(strings.ORG_MOVE, objectName="move_unit")
        self.merge_registers_button = QPushButton(strings_merge.OPEN, objectName="merge_registers")

        top = QHBoxLayout()
        top.addWidget(QLabel(strings.ORG_ON_DATE))
        top.addWidget(self.on_date)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.rename_button)
        top.addWidget(self.merge_button)
        top.addWidget(self.move_button)
        top.addWidget(self.merge_registers_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details)
        right_layout.addWidget(QLabel(strings.ORG_HISTORY))
        right_layout.addWidget(self.versions, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{strings.ORG_TITLE}</h3>"))
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.on_date.editingFinished.connect(self.reload)
        self.tree.currentItemChanged.connect(lambda *_: self.show_selected())
        self.add_button.clicked.connect(self.add_cell)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.move_button.clicked.connect(self.move_selected)
        self.merge_registers_button.clicked.connect(self.open_merge)
        context.changed.connect(self.on_changes)
        self.reload()

    def _date(self) -> date | None:
        try:
            return parse_vn_date(self.on_date.text())
        except ValueError:
            return None

    def reload(self) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for unit, depth in organisation.tree(self.context.db, self._date()):
            text = unit.name + (strings.ORG_CLOSED if unit.valid_to else "")
            on = self._date()
            if on is not None:
                version = next((v for v in organisation.unit_versions(self.context.db, unit.id) if v.covers(on)), None)
                text = (version.name if version else unit.name)
            item = QTreeWidgetItem([text, unit.code, unit.unit_type.label])
            item.setData(0, Qt.ItemDataRole.UserRole, unit.id)
            parent = self._parent_item(items, unit, on)
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            items[unit.id] = item
        self.tree.expandAll()
        if self.tree.currentItem() is None:
            self.show_selected()

    def _parent_item(self, items, unit, on):
        if on is None:
            return items.get(unit.parent_id or "")
        version = next((v for v in organisation.unit_versions(self.context.db, unit.id) if v.covers(on)), None)
        return items.get((version.parent_id if version else unit.parent_id) or "")

    def selected_unit(self):
        item = self.tree.currentItem()
        unit_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return organisation.unit(self.context.db, unit_id) if unit_id else None

    def show_selected(self) -> None:
        unit = self.selected_unit()
        self.versions.clear()
        if unit is None:   # nothing chosen: a register with no cell yet says what to do
            self.details.setText("" if organisation.cells(self.context.db) else sw.EMPTY_ORG_CELLS)
            return
        lines = [f"<b>{unit.name}</b> ({unit.unit_type.label}, mã {unit.code})"]
        if unit.unit_type is UnitType.CELL:
            lines.append(strings.ORG_MEMBERS.format(count=organisation.active_member_count(self.context.db, unit.id)))
        self.details.setText("<br>".join(lines))
        names = {u.id: u.name for u, _ in organisation.tree(self.context.db)}
        for version in organisation.unit_versions(self.context.db, unit.id):
            if version.valid_from and version.valid_to:
                period = strings.ORG_PERIOD.format(start=strings.date_text(version.valid_from),
                                                   end=strings.date_text(version.valid_to))
            elif version.valid_from:
                period = strings.ORG_SINCE.format(start=strings.date_text(version.valid_from))
            else:
                period = strings.ORG_ALWAYS if not version.valid_to else strings.ORG_PERIOD.format(
                    start="…", end=strings.date_text(version.valid_to))
            self.versions.addItem(strings.ORG_VERSION_LINE.format(
                name=version.name, parent=names.get(version.parent_id or "", "—"), period=period))

    def add_cell(self):
        dialog = _UnitDialog(self, strings.ORG_ADD_CELL, [("code", strings.ORG_CODE), ("name", strings.ORG_NAME)])

        def submit(values: dict[str, str]) -> None:
            organisation.create_unit(self.context.db, self.context.actor, code=values["code"], name=values["name"])

        dialog.submit = submit
        dialog.finished.connect(lambda result: result and self.context.changed.emit(Changes(organisation=True)))
        dialog.open()
        return dialog

    def rename_selected(self):
        unit = self.selected_unit()
        if unit is None:
            return None
        dialog = _UnitDialog(self, f"{strings.ORG_RENAME}: {unit.name}",
                             [("name", strings.ORG_NEW_NAME), ("valid_from", strings.ORG_FROM),
                              ("doc_number", strings.ORG_DOC)])
        dialog.inputs["valid_from"].setText(strings.date_text(date.today()))

        def submit(values: dict[str, str]) -> None:
            on = _required_date(values["valid_from"], "valid_from")
            organisation.rename_unit(self.context.db, self.context.actor, unit.id, values["name"], on,
                                     doc_number=values["doc_number"])

        dialog.submit = submit
        dialog.finished.connect(lambda result: result and self.context.changed.emit(
            Changes(organisation=True, members=True)))
        dialog.open()
        return dialog

    def merge_selected(self):
        unit = self.selected_unit()
        if unit is None or unit.unit_type is not UnitType.CELL or unit.valid_to:
            return None
        dialog = _UnitDialog(self, f"{strings.ORG_MERGE}: {unit.name}",
                             [("valid_from", strings.ORG_FROM), ("doc_number", strings.ORG_DOC)])
        target = QComboBox(objectName="merge_target")
        for cell in organisation.cells(self.context.db):
            if cell.id != unit.id:
                target.addItem(cell.name, cell.id)
        dialog.form.insertRow(0, strings.ORG_TARGET, target)
        dialog.inputs["valid_from"].setText(strings.date_text(date.today()))

        def submit(values: dict[str, str]) -> None:
            on = _required_date(values["valid_from"], "valid_from")
            count = organisation.active_member_count(self.context.db, unit.id)
            if not confirm(dialog, strings.ORG_MERGE_CONFIRM.format(count=count, source=unit.name,
                                                                    target=target.currentText(),
                                                                    date=strings.date_text(on))):
                raise _Cancelled()
            register.merge_cells(self.context.db, self.context.actor, [unit.id], target.currentData(), on,
                                 doc_number=values["doc_number"], today=date.today())

        dialog.submit = submit
        dialog.finished.connect(lambda result: result and self.context.changed.emit(
            Changes(organisation=True, members=True, history=True)))
        dialog.open()
        return dialog

    def move_selected(self):
        """Place the selected unit under another superior from a date (e.g. 01/07/2025)."""
        unit = self.selected_unit()
        if unit is None or unit.parent_id is None:
            return None
        dialog = _UnitDialog(self, f"{strings.ORG_MOVE}: {unit.name}",
                             [("valid_from", strings.ORG_FROM), ("doc_number", strings.ORG_DOC)])
        parent = QComboBox(objectName="move_parent")
        for candidate, _depth in organisation.tree(self.context.db):
            if candidate.id not in (unit.id, unit.parent_id) and candidate.valid_to is None \
                    and candidate.unit_type is not UnitType.CELL:
                parent.addItem(candidate.name, candidate.id)
        dialog.form.insertRow(0, strings.ORG_NEW_PARENT, parent)

        def submit(values: dict[str, str]) -> None:
            on = _required_date(values["valid_from"], "valid_from")
            organisation.move_unit(self.context.db, self.context.actor, unit.id, parent.currentData(), on,
                                   doc_number=values["doc_number"])

        dialog.submit = submit
        dialog.finished.connect(lambda result: result and self.context.changed.emit(Changes(organisation=True)))
        dialog.open()
        return dialog

    def open_merge(self):
        """The registers of communes merged into this one: plan, decide the possible duplicates, apply."""
        from tayninh_desktop.ui.dialogs.merge_dialog import MergeDialog

        dialog = MergeDialog(self.context, self)
        dialog.open()
        return dialog

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.reload()


class _Cancelled(Exception):
    pass


def _required_date(text: str, field: str) -> date:
    try:
        value = parse_vn_date(text)
    except ValueError:
        raise ValidationError([FieldIssue(field, "bad_date", {"value": text})]) from None
    if value is None:
        raise ValidationError([FieldIssue(field, "required")])
    return value


class _UnitDialog(GuardedDialog):
    """A small form whose ``submit(values)`` runs the service; refusals show in red, the dialog stays."""

    def __init__(self, parent, title: str, fields: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)   # room for a long cell name ("Chi bộ Cơ quan Ủy ban nhân dân xã …")
        self.form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        for name, label in fields:
            edit = QLineEdit(objectName=f"input_{name}")
            self.inputs[name] = edit
            self.form.addRow(label, edit)
        self.error = QLabel(objectName="unit_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.submit = None
        self.guard = UnsavedGuard(self, snapshot=self.values, save=self.try_submit,
                                  what=lambda: sw.WHAT_DIALOG.format(title=self.windowTitle()))

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.inputs.items()}

    def showEvent(self, event) -> None:
        if not self.guard._tracking:   # the page fills some fields after building the dialog
            self.guard.mark_clean()
        super().showEvent(event)

    def try_submit(self) -> bool:
        try:
            self.submit(self.values())
        except _Cancelled:
            return False
        except DomainError as error:
            self.error.setText(error.message)
            return False
        except Exception as error:  # noqa: BLE001 - unexpected: still never a traceback for the user
            show_error(self, DomainError("unexpected", reason=str(error)))
            return False
        self.accept()
        return True
