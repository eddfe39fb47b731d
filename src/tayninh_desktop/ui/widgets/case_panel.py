"""One case as a cell secretary reads it: who and what, the next step with what it needs and its deadline (red when
passed), the steps recorded with their documents and votes; a button for the next step, withdrawal, and the case's
papers. The editors are dialogs (ui/dialogs/case_actions.py), so the window's unsaved-changes guard attaches to them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.cases import Case
from tayninh_desktop.services import case_views, cases
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_screening as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs import case_actions

OVERDUE_STYLE = "color: #b00020; font-weight: bold;"
DOSSIER = "ho_so_hop_chi_bo"


class CasePanel(QWidget):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.case: Case | None = None
        self.data: dict = {}
        self.head = QLabel(s.PICK_CASE, objectName="case_head", wordWrap=True)
        self.head.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.line = QLabel(objectName="case_line", wordWrap=True)
        self.evidence = QLabel(objectName="case_evidence", wordWrap=True)
        self.guide = QLabel(objectName="case_guide", wordWrap=True)
        self.deadline = QLabel(objectName="case_deadline", wordWrap=True)
        self.escalation = QLabel(objectName="case_escalation", wordWrap=True)
        self.escalation.setStyleSheet(OVERDUE_STYLE)
        self.do_next = QPushButton(s.DO_NEXT, objectName="case_do_next")
        self.withdraw = QPushButton(s.WITHDRAW, objectName="case_withdraw")
        self.papers = QComboBox(objectName="case_papers")
        for form_id, label in s.CASE_PAPERS:
            self.papers.addItem(label, form_id)
        self.print_button = QPushButton(s.PRINT, objectName="case_print")
        self.message = QLabel(objectName="case_message", wordWrap=True)
        self.steps = QListWidget(objectName="case_steps")
        self.steps.setWordWrap(True)
        self.correct = QPushButton(s.CORRECT, objectName="case_correct")
        box = QGroupBox(s.NEXT_STEP)
        inner = QVBoxLayout(box)
        inner.addWidget(self.guide)
        inner.addWidget(self.deadline)
        inner.addWidget(self.escalation)
        row = QHBoxLayout()
        row.addWidget(self.do_next)
        row.addWidget(self.withdraw)
        row.addStretch(1)
        inner.addLayout(row)
        printing = QHBoxLayout()
        printing.addWidget(QLabel(s.PRINT_PICK))
        printing.addWidget(self.papers, 1)
        printing.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.head, self.line, self.evidence, box):
            layout.addWidget(widget)
        steps_head = QHBoxLayout()
        steps_head.addWidget(QLabel(s.STEPS))
        steps_head.addStretch(1)
        steps_head.addWidget(self.correct)
        layout.addLayout(steps_head)
        layout.addWidget(self.steps, 1)
        layout.addLayout(printing)
        layout.addWidget(self.message)
        self.do_next.clicked.connect(self.open_next_step)
        self.withdraw.clicked.connect(self.open_withdraw)
        self.print_button.clicked.connect(self.choose_print_target)
        self.correct.clicked.connect(self.open_correction)
        self.show_case(None)

    def show_case(self, case_id: str | None) -> None:
        """Show a case (None: nothing chosen), read again from the register."""
        self.case = cases.get_case(self.context.db, case_id) if case_id else None
        self.message.clear()
        has = self.case is not None
        for widget in (self.do_next, self.withdraw, self.print_button, self.papers, self.correct):
            widget.setEnabled(has)
        if self.case is None:
            self.data = {}
            self.head.setText(s.PICK_CASE)
            for label in (self.line, self.evidence, self.guide, self.deadline, self.escalation):
                label.clear()
            self.steps.clear()
            return
        self.data = case_views.case_as_dict(self.context.db, self.case, self.today)
        self._fill()

    def _fill(self) -> None:
        d = self.data
        self.head.setText(s.CASE_HEAD.format(name=d["member_name"], cell=d["cell_name"]))
        outcome = f": {d['outcome_label'].lower()}" if d["outcome_label"] else ""
        self.line.setText(s.CASE_LINE.format(what=d["what"], state=d["state_label"].lower(), outcome=outcome,
                                             opened=strings.date_text(date.fromisoformat(d["opened_on"]))))
        self.evidence.setText(s.EVIDENCE.format(evidence=d["evidence"]) if d["evidence"] else "")
        step = d["next_step"]
        self.guide.setText(step["text"])
        overdue = step["overdue"]
        self.deadline.setText(s.NEXT_DEADLINE.format(deadline=step["deadline_text"]) + (s.OVERDUE if overdue else "")
                              if step["deadline_text"] else "")
        self.deadline.setStyleSheet(OVERDUE_STYLE if overdue else "")
        self.escalation.setText(case_views.escalation(self.context.db, self.case, self.today))
        self.do_next.setEnabled(bool(step["action"]))
        self.do_next.setText(s.ACTION_TITLES.get(step["action"], s.DO_NEXT) + "…" if step["action"] else s.DO_NEXT)
        self.withdraw.setEnabled(d["state"] == "dang_xu_ly")
        self.correct.setEnabled(d["state"] != "da_rut")
        self.steps.clear()
        corrected = self.case.superseded_by() if self.case else {}
        for row in d["steps"]:
            item = QListWidgetItem(s.STEP_ROW.format(date=strings.date_text(date.fromisoformat(row["date"])),
                                                     words=row["words"]))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            if row["superseded_by"]:   # kept in the case, struck through: a correction took its place
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QColor("#777777"))
                item.setToolTip(s.CORRECTED_TOOLTIP.format(reason=corrected[row["id"]].correction_reason))
            self.steps.addItem(item)

    def open_next_step(self):
        if self.case is None:
            return None
        guide = case_views.next_step(self.context.db, self.case, self.today)
        return case_actions.step_dialog(self.context, self.case, guide, self.data["member_name"], self, self.today)

    def chosen_step(self):
        item = self.steps.currentItem()
        return self.case.step(item.data(Qt.ItemDataRole.UserRole)) if item is not None and self.case else None

    def open_correction(self):
        """Correct the step chosen in the list (a dialog with its fields as recorded and the reason)."""
        from tayninh_desktop.domain.messages_cases import NOT_CORRECTABLE
        from tayninh_desktop.domain.messages_screening import STEP_LABELS
        from tayninh_desktop.services.case_corrections import correctable
        from tayninh_desktop.ui.dialogs.case_correction import correction_dialog

        step = self.chosen_step()
        if step is None:
            self.message.setText(s.PICK_STEP)
            return None
        if step.id in self.case.superseded_by():
            self.message.setText(s.STEP_CORRECTED_ALREADY)
            return None
        if not correctable(step):
            self.message.setText(s.STEP_NOT_CORRECTABLE.format(step=STEP_LABELS[step.step.value],
                                                               why=NOT_CORRECTABLE.get(step.step.value, "")))
            return None
        self.message.clear()
        return correction_dialog(self.context, self.case, step, self.data["member_name"], self, self.today)

    def open_withdraw(self):
        if self.case is None:
            return None
        return case_actions.withdraw_dialog(self.context, self.case, self.data["member_name"], self, self.today)

    def choose_print_target(self) -> None:
        if self.case is None:
            return
        form_id = self.papers.currentData()
        path, _ = QFileDialog.getSaveFileName(self, s.PRINT, f"{form_id}.pdf", "PDF (*.pdf)")
        if path:
            self.print_paper(form_id, Path(path))

    def print_paper(self, form_id: str, path: Path):
        """Print one of the case's papers to ``path`` (numbered papers take their number); the result or why not."""
        from tayninh_desktop.services import documents

        if self.case is None:
            return None
        request = documents.PrintRequest(case_id=self.case.id)
        if form_id == DOSSIER:   # the meeting where the cell votes: this case and the others voted that day
            from tayninh_desktop.services import dossier_cases

            on = dossier_cases.meeting_of(self.case, self.today)
            request = documents.PrintRequest(cell_id=self.case.cell_id, on=on,
                                             case_ids=dossier_cases.voted_with(self.context.db, self.case, on))
        result = self.context.run_action(self, documents.print_form, form_id, path, request)
        if result is not None:
            printed = result[0]
            self.message.setText(s.PRINTED.format(path=printed.path, pages=printed.pages,
                                                  symbol=f", số {printed.symbol}" if printed.symbol else ""))
        return result
