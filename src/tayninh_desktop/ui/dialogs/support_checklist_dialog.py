"""The eligibility check of an application: each item of the plan's checklist ticked with the paper that proves
it; the action runs only when every item passes with its evidence (otherwise the dialog names the items)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.services import support_applications, support_reference
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class ChecklistDialog(QDialog):
    def __init__(self, context: UiContext, application_id: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.today = context, today
        self.application = support_applications.get(context.db, context.actor, application_id)
        plan = support_reference.plan_on(context.db, self.application.period_from)
        self.setObjectName("support_checklist_dialog")
        self.setWindowTitle(s.CHECKLIST_TITLE.format(label=self.application.label))
        self.setMinimumWidth(860)
        given = {e.item: e for e in self.application.checklist}
        grid = QGridLayout()
        for column, text in enumerate((s.CHECKLIST_OK, s.CHECKLIST_ITEM, s.CHECKLIST_EVIDENCE)):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        self.items: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for row, item in enumerate(plan.checklist, start=1):
            box = QCheckBox(objectName=f"check_{item.code}")
            entry = given.get(item.code)
            box.setChecked(bool(entry and entry.ok))
            evidence = QLineEdit(entry.evidence if entry else "", objectName=f"evidence_{item.code}")
            evidence.setMinimumWidth(300)
            label = QLabel(item.label, wordWrap=True)
            label.setMinimumWidth(380)
            grid.addWidget(box, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(evidence, row, 2)
            self.items[item.code] = (box, evidence)
        self.checked_on = QLineEdit(format_vn_date(today), objectName="checked_on")
        self.checked_by = QLineEdit(context.actor.name, objectName="checked_by")
        who = QHBoxLayout()
        for text, widget in (("Ngày kiểm tra:", self.checked_on), ("Người kiểm tra:", self.checked_by)):
            who.addWidget(QLabel(text))
            who.addWidget(widget)
        self.status = QLabel(objectName="dialog_status", wordWrap=True)
        self.status.setStyleSheet(ERROR_STYLE)
        ok = QPushButton("Ghi kiểm tra (Ctrl+S)", objectName="dialog_ok")
        cancel = QPushButton("Hủy")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        help_label = QLabel(s.CHECKLIST_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addLayout(grid)
        layout.addLayout(who)
        layout.addLayout(buttons)
        ok.clicked.connect(self.try_submit)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.try_submit)

    def values(self) -> dict[str, tuple[bool, str]]:
        return {code: (box.isChecked(), edit.text()) for code, (box, edit) in self.items.items()}

    def try_submit(self) -> bool:
        try:
            changes = support_applications.check(self.context.db, self.context.actor, self.application.id,
                                                 self.values(), checked_on=self.checked_on.text(),
                                                 checked_by=self.checked_by.text(), today=self.today)
        except ValidationError as error:
            self.status.setText(error.message)
            return False
        except DomainError as error:
            self.status.setText(error.message)
            return False
        self.context.changed.emit(changes)
        self.accept()
        return True
