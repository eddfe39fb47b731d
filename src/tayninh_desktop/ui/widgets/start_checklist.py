"""The start checklist on the home page of a new committee: cells → the Excel list → signers → the first meeting.

Each step is a line with its mark (✓ when the register shows it done, computed by services/start_checklist.py)
and a button that opens the action on its page. The checklist hides itself once every step is done.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from tayninh_desktop.services import start_checklist
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext

# step → (page, method of the page that opens the action)
ACTIONS = {"cells": ("organisation", "add_cell"), "members": ("lists", "open_wizard"),
           "signers": ("settings", "open_signers"), "meeting": ("meetings", "start_new_meeting")}
DONE_STYLE = "color: #1b7a2e; font-size: 15pt; font-weight: bold;"
TODO_STYLE = "color: #9a9a9a; font-size: 19pt;"
NOTE_DONE = "color: #1b7a2e;"
NOTE_TODO = "color: #8a6d00;"


class StartChecklist(QGroupBox):
    def __init__(self, context: UiContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("start_checklist")
        self.setStyleSheet("QGroupBox#start_checklist { font-size: 11pt; font-weight: bold; border: 1px solid #9bb7dd;"
                           " border-radius: 4px; margin-top: 10px; padding-top: 8px; background: #f4f8fd; }"
                           " QGroupBox#start_checklist QLabel { font-weight: normal; }")
        self.context = context
        self.marks: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for row, key in enumerate(start_checklist.STEPS):
            title, _note, action = sw.START_STEPS[key]
            self.marks[key] = QLabel(objectName=f"start_mark_{key}")
            self.notes[key] = QLabel(objectName=f"start_note_{key}", wordWrap=True)
            self.buttons[key] = QPushButton(action, objectName=f"start_{key}")
            self.buttons[key].clicked.connect(lambda _checked=False, k=key: self.open_step(k))
            grid.addWidget(self.marks[key], row, 0)
            grid.addWidget(QLabel(f"{row + 1}. {title}"), row, 1)
            grid.addWidget(self.notes[key], row, 2)
            grid.addWidget(self.buttons[key], row, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        intro = QLabel(sw.START_INTRO, wordWrap=True)
        intro.setStyleSheet("color: #444;")
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(grid)
        context.changed.connect(self.on_changes)
        self.refresh()

    def refresh(self) -> None:
        steps = start_checklist.start_steps(self.context.db)
        for step in steps:
            _title, note, _action = sw.START_STEPS[step.key]
            self.marks[step.key].setText(sw.START_DONE_MARK if step.done else sw.START_TODO_MARK)
            self.marks[step.key].setStyleSheet(DONE_STYLE if step.done else TODO_STYLE)
            self.notes[step.key].setText(note.format(count=step.count, unit=step.unit) if step.done
                                         else sw.START_NOT_DONE)
            self.notes[step.key].setStyleSheet(NOTE_DONE if step.done else NOTE_TODO)
        done = sum(step.done for step in steps)
        self.setTitle(sw.START_TITLE.format(done=done, total=len(steps)))
        self.setVisible(done < len(steps))

    @property
    def done_keys(self) -> list[str]:
        return [key for key, mark in self.marks.items() if mark.text() == sw.START_DONE_MARK]

    def open_step(self, key: str):
        """Open the step's action on its page."""
        window = self.window()
        if not hasattr(window, "open_action"):
            return None
        page, method = ACTIONS[key]
        return window.open_action(page, method)

    def on_changes(self, changes: Changes) -> None:
        self.refresh()
