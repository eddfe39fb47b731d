"""The superior's board: the reporting units × the periods asked for (on time, late, refused, missing, waiting),
importing a stick (each package accepted or refused with its reason, a receipt written back), asking for a
period, the aggregated report and the reminder letters to the units still owing, each printed in one action."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_returns import STATE_LABELS
from tayninh_desktop.services import documents, returns_board, returns_printing, returns_receive
from tayninh_desktop.ui import strings_returns as s
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.full_text import show_full_text


class BoardTab(QWidget):
    def __init__(self, context, runner: TaskRunner, today: date) -> None:
        super().__init__()
        self.context, self.runner, self.today = context, runner, today
        self.board = None
        self.period = QComboBox(objectName="board_period")
        self.period.setMinimumWidth(160)
        self.period.currentIndexChanged.connect(lambda _i: self.show_board())
        self.owed = QCheckBox(s.OWED_ONLY, objectName="board_owed")
        self.owed.toggled.connect(lambda _on: self.show_board())
        self.draft = QCheckBox(s.REMINDERS_DRAFT, objectName="board_reminders_draft")
        self.table = QTableView(objectName="board_table")
        show_full_text(self.table, wrap=False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.model = RowsModel((s.BOARD_UNIT,))
        self.table.setModel(self.model)
        self.deadlines = QLabel(objectName="board_deadlines", wordWrap=True)
        self.log = QPlainTextEdit(objectName="board_log", readOnly=True)
        self.log.setMaximumHeight(150)
        self.message = QLabel(objectName="board_message", wordWrap=True)
        buttons = []
        for text, name, slot in ((s.IMPORT, "board_import", self.ask_import_folder),
                                 (s.IMPORT_FILE, "board_import_file", self.ask_import_file),
                                 (s.EXPECT, "board_expect", self.ask_expect),
                                 (s.SET_ALLOTMENT, "board_set_allotment", self.ask_allotment),
                                 (s.PRINT_REPORT, "board_print_report", self.ask_print_report),
                                 (s.PRINT_REMINDERS, "board_print_reminders", self.ask_print_reminders)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.append(button)
        top = QHBoxLayout()
        for widget in (QLabel(s.BOARD_PERIOD), self.period, self.owed):
            top.addWidget(widget)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in buttons:
            actions.addWidget(button)
        actions.addWidget(self.draft)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.deadlines)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.log)

    def reload(self) -> None:
        board = returns_board.board(self.context.db, today=self.today)
        chosen = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(s.ALL_PERIODS, "")
        for deadline in reversed(board.periods):
            self.period.addItem(deadline.period, deadline.period)
        index = self.period.findData(chosen) if chosen else (1 if board.periods else 0)
        self.period.setCurrentIndex(max(index, 0))
        self.period.blockSignals(False)
        self.show_board()

    def selected_period(self) -> str:
        return self.period.currentData() or ""

    def show_board(self) -> None:
        period = self.selected_period() or None
        board = returns_board.board(self.context.db, today=self.today, period=period, only_owed=self.owed.isChecked())
        self.board = board
        periods = [d.period for d in board.periods]
        model = RowsModel((s.BOARD_UNIT, *periods))
        rows = []
        for row in board.rows:
            cells = [self._cell_text(row.cells[p]) for p in periods]
            colour = s.CELL_COLOURS[row.cells[periods[-1]].state.value] if len(periods) == 1 else ""
            rows.append(DisplayRow((f"{row.unit_name} ({row.unit_code})", *cells), key=row.unit_code,
                                   background=colour))
        model.set_rows(rows)
        self.model = model
        self.table.setModel(model)
        self.table.setColumnWidth(0, 320)
        lines = [s.DEADLINE_LINE.format(
            period=d.period, deadline=format_vn_date(d.day),
            basis=s.DEADLINE_DOC.format(doc=d.doc_number) if d.doc_number else
            s.DEADLINE_RULE.format(citation=d.citation) if d.from_rule else "",
            counts=", ".join(f"{STATE_LABELS[k].lower()} {n}" for k, n in board.counts(d.period).items() if n)
            or "chưa có đơn vị") for d in board.periods]
        self.deadlines.setText("<br>".join(lines) if lines or board.rows else s.BOARD_EMPTY)
        if not board.rows and not board.periods:
            self.deadlines.setText(s.BOARD_EMPTY)

    @staticmethod
    def _cell_text(cell) -> str:
        text = s.CELL_TEXT[cell.state.value]
        if cell.revision:
            text += f" (lần {cell.revision}" + (f", {cell.superseded} lần cũ" if cell.superseded else "") + ")"
        return text

    # --- actions --------------------------------------------------------------------------------------------------

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, s.IMPORT)
        if folder:
            self.import_from(Path(folder))

    def ask_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, s.IMPORT_FILE, "", s.FILE_FILTER_PACKAGE)
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path):
        result = self.context.run_action(self, returns_receive.import_returns, path)
        if result is None:
            return None
        outcomes = result[0]
        words = {"accepted": "ĐÃ NHẬN", "duplicate": "ĐÃ CÓ", "rejected": "TỪ CHỐI", "refused": "KHÔNG NHẬP"}
        lines = []
        for o in outcomes:
            lines.append(f"[{words[o.status]}] {o.message}")
            lines += [f"    {line}" for line in o.summary]
            if o.receipt_error:
                lines.append(f"    {o.receipt_error}")
        self.log.setPlainText("\n".join(lines))
        counts = {k: sum(o.status == k for o in outcomes) for k in words}
        self.say(s.IMPORT_SUMMARY.format(**counts), error=bool(counts["refused"] or counts["rejected"]))
        self.reload()
        return outcomes

    def ask_expect(self) -> None:
        text, ok = QInputDialog.getText(self, s.EXPECT_TITLE, s.EXPECT_ASK)
        if ok and text.strip():
            parts = text.split()
            self.expect(parts[0], parts[1] if len(parts) > 1 else "")

    def expect(self, period: str, deadline_text: str = "", doc: str = "") -> None:
        try:
            deadline = parse_vn_date(deadline_text) if deadline_text else None
        except ValueError:
            self.say(f"Hạn nộp «{deadline_text}» không phải ngày dd/mm/yyyy.", error=True)
            return
        if self.context.run_action(self, returns_board.expect, period, deadline=deadline, doc_number=doc) is not None:
            self.reload()

    def ask_print_report(self) -> None:
        if not self.selected_period():
            self.say(s.CHOOSE_PERIOD, error=True)
            return
        path, _ = QFileDialog.getSaveFileName(self, s.PRINT_REPORT, f"bao-cao-tong-hop-{self.selected_period()}.pdf",
                                              s.FILE_FILTER_PDF)
        if path:
            self.print_report(Path(path))

    def print_report(self, path: Path):
        result = self.context.run_action(self, documents.print_form, "bao_cao_tong_hop_bao_cao", path,
                                         documents.PrintRequest(period=self.selected_period(), on=self.today,
                                                                issue=False))
        if result is not None:
            self.say(s.PRINTED.format(path=result[0].path, pages=result[0].pages))
        return result

    def ask_print_reminders(self) -> None:
        if not self.selected_period():
            self.say(s.CHOOSE_PERIOD, error=True)
            return
        path, _ = QFileDialog.getSaveFileName(self, s.PRINT_REMINDERS, f"cong-van-don-doc-{self.selected_period()}.pdf",
                                              s.FILE_FILTER_PDF)
        if path:
            self.print_reminders(Path(path))

    def print_reminders(self, path: Path):
        """One numbered letter per unit owing the period (a draft without numbers when ticked)."""
        try:
            result, changes = returns_printing.print_reminders(self.context.db, self.context.actor,
                                                               self.selected_period(), path, today=self.today,
                                                               draft=self.draft.isChecked())
        except DomainError as error:
            self.say(error.message, error=True)
            return None
        numbers = (s.REMINDERS_NUMBERS.format(symbols=", ".join(result.symbols)) if result.symbols
                   else s.REMINDERS_DRAFT_DONE)
        self.say(s.REMINDERS_PRINTED.format(count=len(result.units), path=result.path, numbers=numbers))
        if changes.documents:
            self.context.changed.emit(changes)
        return result

    def ask_allotment(self):
        """The removals allotted to the chosen unit for the period's year (the same record the unit's screening
        page shows for itself: one store)."""
        from tayninh_desktop.ui.dialogs.case_actions import allotment_dialog

        index = self.table.currentIndex()
        code = self.model.key(index.row()) if index.isValid() else None
        if not code:
            self.say(s.CHOOSE_UNIT, error=True)
            return None
        self.say("")
        unit = returns_board.reporting_unit(self.context.db, code)
        year = int(self.selected_period()[:4]) if self.selected_period() else self.today.year
        return allotment_dialog(self.context, unit.id, unit.name, year, self)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)


