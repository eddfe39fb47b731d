"""The "Gửi báo cáo" tab: check the period's figures as the superior will, explain each warning, choose the USB
stick, write the return (read back and verified before it says the stick may be removed); the returns sent, the
superior's receipts, reopening a period with its reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_returns import RECEIPT_LABELS
from tayninh_desktop.services import (
    returns_consolidate,
    returns_payload,
    returns_receive,
    returns_send,
    usb_drives,
)
from tayninh_desktop.ui import strings_returns as s
from tayninh_desktop.ui.context import show_error
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.pages.returns_page import receives_only
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.full_text import show_full_text

KEY_ROLE = Qt.ItemDataRole.UserRole
NEEDS_TEXT = "#fffde7"      # the cells the office must fill in


def default_period(today: date) -> str:
    """The period a unit most likely sends now: the half year just ended, or the year."""
    return f"{today.year}-H1" if today.month > 6 else str(today.year - 1)


class SendTab(QWidget):
    def __init__(self, context, runner: TaskRunner, today: date) -> None:
        super().__init__()
        self.context, self.runner, self.today = context, runner, today
        self.prepared = None
        self.period = QLineEdit(default_period(today), objectName="send_period", placeholderText=s.PERIOD_HINT)
        self.period.setMaximumWidth(140)
        self.period.returnPressed.connect(self.check)
        check = QPushButton(s.CHECK, objectName="send_check")
        check.clicked.connect(self.check)
        self.findings = QTableWidget(0, 3, objectName="send_findings")
        show_full_text(self.findings)
        self.findings.setHorizontalHeaderLabels(s.FINDING_COLUMNS)
        self.findings.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.findings.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings.setWordWrap(True)
        self.findings.verticalHeader().setVisible(False)
        self.snapshot = QCheckBox(s.SNAPSHOT, objectName="send_snapshot")
        self.consolidated = QCheckBox(s.CONSOLIDATED, objectName="send_consolidated")
        self.consolidated.setChecked(receives_only(context))
        self.consolidated.toggled.connect(lambda on: self.snapshot.setEnabled(not on))
        self.snapshot.setEnabled(not self.consolidated.isChecked())
        self.drive = QComboBox(objectName="send_drive")
        self.drive.setMinimumWidth(360)
        refresh = QPushButton(s.REFRESH_DRIVES, objectName="send_refresh_drives")
        refresh.clicked.connect(self.list_drives)
        folder = QPushButton(s.CHOOSE_FOLDER, objectName="send_choose_folder")
        folder.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(s.EXPORT, objectName="send_export")
        self.export_button.setStyleSheet("font-weight: bold; padding: 4px 14px;")
        self.export_button.clicked.connect(lambda: self.export_to(self.drive.currentData()))
        self.message = QLabel(objectName="send_message", wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.sent_model = RowsModel(s.SENT_COLUMNS)
        self.sent = QTableView(objectName="send_sent")
        show_full_text(self.sent, wrap=False)
        self.sent.setModel(self.sent_model)
        self.sent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sent.horizontalHeader().setStretchLastSection(True)
        self.sent.verticalHeader().setVisible(False)
        reopen = QPushButton(s.REOPEN, objectName="send_reopen")
        reopen.clicked.connect(self.ask_reopen)
        receipt = QPushButton(s.RECEIPT, objectName="send_receipt")
        receipt.clicked.connect(self.ask_receipts)
        self._layout(check, refresh, folder, reopen, receipt)

    def _layout(self, check, refresh, folder, reopen, receipt) -> None:
        top = QHBoxLayout()
        for widget in (QLabel(s.PERIOD), self.period, check):
            top.addWidget(widget)
        top.addStretch(1)
        target = QHBoxLayout()
        for widget in (QLabel(s.DRIVE), self.drive, refresh, folder, self.export_button):
            target.addWidget(widget)
        target.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(reopen)
        below.addWidget(receipt)
        below.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.findings, 2)
        options = QHBoxLayout()
        options.addWidget(self.snapshot)
        options.addWidget(self.consolidated)
        options.addStretch(1)
        layout.addLayout(options)
        layout.addLayout(target)
        layout.addWidget(self.message)
        layout.addWidget(self.sent, 1)
        layout.addLayout(below)

    # --- loading ------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.list_drives()
        self.show_sent()

    def list_drives(self, extra: str | None = None) -> None:
        current = extra or self.drive.currentData()
        self.drive.clear()
        for drive in usb_drives.removable_drives():
            self.drive.addItem(f"{drive.label} — {drive.path} (còn trống {drive.free_text})", drive.path)
        if current and self.drive.findData(current) < 0:
            self.drive.addItem(str(current), str(current))
        if self.drive.count() == 0:
            self.drive.addItem(s.NO_DRIVE, None)
        index = self.drive.findData(current) if current else 0
        self.drive.setCurrentIndex(max(index, 0))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, s.CHOOSE_FOLDER)
        if folder:
            self.list_drives(folder)

    def show_sent(self) -> None:
        rows = []
        for sent, locked in returns_send.sent_list(self.context.db):
            rows.append(DisplayRow((sent.period, str(sent.revision), sent.sent_at[:10], sent.file_name,
                                    RECEIPT_LABELS[sent.receipt_state] + (f" — {sent.receipt_note}"
                                                                          if sent.receipt_note else ""),
                                    s.LOCKED_YES if locked else s.LOCKED_NO), key=sent.period,
                                   background="#ffebee" if sent.receipt_state == "rejected" else ""))
        self.sent_model.set_rows(rows)
        self.sent.resizeColumnsToContents()

    # --- checking ------------------------------------------------------------------------------------------------

    def check(self) -> None:
        period, db, today = self.period.text(), self.context.db, self.today
        prepare = returns_consolidate.prepare if self.consolidated.isChecked() else returns_payload.prepare
        self.say(s.CHECKING)
        self.runner.run(lambda: prepare(db, period, today=today), self.show_findings, self._failed)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            self.say(error.message, error=True)
            return
        raise error

    def show_findings(self, prepared) -> None:
        self.prepared = prepared
        keep = self.explanations()
        self.findings.setRowCount(0)
        for finding in prepared.check.errors:
            self._add_row(s.ERROR_WORD, finding.message, "", editable=False, colour="#ffcdd2")
        for key, finding in prepared.warnings():
            self._add_row(s.WARNING_WORD, finding.message, keep.get(key, ""), editable=True, key=key)
        self.findings.resizeRowsToContents()
        errors, warnings = len(prepared.check.errors), len(prepared.warning_keys)
        self.say(s.CHECK_ERRORS.format(count=errors) if errors else
                 s.CHECK_OK.format(count=warnings) if warnings else s.CHECK_CLEAN, error=bool(errors))

    def _add_row(self, kind: str, message: str, explanation: str, *, editable: bool, key: str = "",
                 colour: str = "") -> None:
        row = self.findings.rowCount()
        self.findings.insertRow(row)
        for column, text in enumerate((kind, message, explanation)):
            item = QTableWidgetItem(text)
            if column < 2 or not editable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if colour or (editable and column == 2):
                item.setBackground(QColor(colour or NEEDS_TEXT))
            item.setData(KEY_ROLE, key)
            self.findings.setItem(row, column, item)

    def explanations(self) -> dict[str, str]:
        out = {}
        for row in range(self.findings.rowCount()):
            item = self.findings.item(row, 2)
            if item is not None and item.data(KEY_ROLE):
                out[item.data(KEY_ROLE)] = item.text()
        return out

    def set_explanation(self, key: str, text: str) -> None:
        for row in range(self.findings.rowCount()):
            item = self.findings.item(row, 2)
            if item is not None and item.data(KEY_ROLE) == key:
                item.setText(text)

    # --- sending -------------------------------------------------------------------------------------------------

    def export_to(self, folder: str | None):
        if not folder:
            self.say(s.NO_DRIVE, error=True)
            return None
        explanations = {k: v for k, v in self.explanations().items() if v.strip()}
        if self.consolidated.isChecked():
            result = self.context.run_action(self, returns_consolidate.export_consolidated, self.period.text(),
                                             Path(folder), explanations=explanations, today=self.today)
        else:
            result = self.context.run_action(self, returns_send.export_return, self.period.text(), Path(folder),
                                             explanations=explanations, with_snapshot=self.snapshot.isChecked(),
                                             today=self.today)
        if result is None:
            return None
        exported = result[0]
        self.say(s.EXPORTED.format(period=exported.period, revision=exported.revision, path=exported.path))
        self.show_sent()
        return exported

    def selected_period(self) -> str:
        rows = self.sent.selectionModel().selectedRows()
        return self.sent_model.key(rows[0].row()) if rows else ""

    def ask_reopen(self) -> None:
        period = self.selected_period()
        if not period:
            self.say(s.CHOOSE_SENT, error=True)
            return
        reason, ok = QInputDialog.getText(self, s.REOPEN_TITLE, s.REOPEN_ASK.format(period=period))
        if ok:
            self.reopen(period, reason)

    def reopen(self, period: str, reason: str) -> None:
        if self.context.run_action(self, returns_send.reopen_period, period, reason) is not None:
            self.say(s.REOPENED.format(period=period))
            self.show_sent()

    def ask_receipts(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, s.RECEIPT, str(self.drive.currentData() or ""),
                                                s.FILE_FILTER_RECEIPT)
        self.import_receipts([Path(p) for p in paths])

    def import_receipts(self, paths: list[Path]) -> None:
        lines = []
        for path in paths:
            result, error = self.context.attempt(returns_receive.import_receipt, path)
            if error is not None:
                show_error(self, error)
                continue
            outcome = result[0]
            lines.append(s.RECEIPT_DONE.format(period=outcome.period, revision=outcome.revision,
                                               outcome=RECEIPT_LABELS[outcome.outcome].lower()))
        if lines:
            self.say("<br>".join(lines))
        self.show_sent()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)
