"""A member's history as a timeline, with a button for each kind of event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import organisation, register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.removal import confirm_event_deletion
from tayninh_desktop.ui.widgets.full_text import show_full_text

BUTTON_KINDS = (
    EventKind.FULL_MEMBERSHIP, EventKind.MOVED_CELL, EventKind.EXEMPTED, EventKind.EXEMPTION_ENDED,
    EventKind.AWAY, EventKind.AWAY_ENDED, EventKind.TRANSFER_OUT_TEMPORARY, EventKind.RETURNED,
    EventKind.TRANSFER_OUT, EventKind.TRANSFER_IN, EventKind.STRUCK_OFF, EventKind.EXPELLED,
    EventKind.LEFT_ON_REQUEST, EventKind.SETTLED_ABROAD, EventKind.DIED, EventKind.READMITTED,
    EventKind.RESTORED,
)


class HistoryView(QWidget):
    def __init__(self, context: UiContext, member_id: str) -> None:
        super().__init__()
        self.context = context
        self.member_id = member_id
        self.status_line = QLabel(objectName="status_now")
        self.status_line.setStyleSheet("font-weight: bold;")
        self.timeline = QTreeWidget(objectName="timeline")
        self.timeline.setHeaderLabels(["Ngày", "Sự kiện", "Chi bộ / nơi", "Văn bản", "Ghi chú"])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Dates and document numbers are never cut: those columns take their text's width, the others wrap.
        show_full_text(self.timeline)
        header = self.timeline.header()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.timeline.setColumnWidth(2, 220)
        header.setStretchLastSection(True)
        self.delete_button = QPushButton(strings.HISTORY_DELETE, objectName="delete_event")
        self.buttons: dict[EventKind, QPushButton] = {}
        box = QGroupBox(strings.HISTORY_ADD)
        grid = QGridLayout(box)
        for index, kind in enumerate(BUTTON_KINDS):
            button = QPushButton(strings.event_label(kind.value), objectName=f"event_{kind.value}")
            button.clicked.connect(lambda _checked=False, k=kind: self.add_event(k))
            grid.addWidget(button, index // 4, index % 4)
            self.buttons[kind] = button
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(bottom)
        layout.addWidget(box)
        self.delete_button.clicked.connect(self.delete_selected)
        context.changed.connect(self.on_changes)
        self.reload()

    def reload(self) -> None:
        db = self.context.db
        member = register.get_member(db, self.member_id)
        names = {u.id: u.name for u in organisation.cells(db, include_closed=True)}
        cell = names.get(member.cell_id or "", "")
        self.status_line.setText(strings.HISTORY_STATUS_NOW.format(status=strings.status_label(member.status.value),
                                                                   cell=cell))
        self.timeline.clear()
        events = register.history(db, self.member_id)
        for event in events:
            where = names.get(event.cell_id or "", "") or event.place
            if event.end_date:
                where = f"{where} (đến {strings.date_text(event.end_date)})".strip()
            doc = event.doc_number
            if event.doc_date:
                doc += f", ngày {strings.date_text(event.doc_date)}"
            if event.doc_issuer:
                doc += f", {event.doc_issuer}"
            item = QTreeWidgetItem([strings.date_text(event.event_date), strings.event_label(event.kind.value),
                                    where, doc.strip(", "), event.notes])
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            self.timeline.addTopLevelItem(item)
        if not events:
            self.timeline.addTopLevelItem(QTreeWidgetItem(["", strings.HISTORY_EMPTY]))
        present = member.status.is_active
        for kind, button in self.buttons.items():
            button.setEnabled(present != (kind in (EventKind.READMITTED, EventKind.TRANSFER_IN, EventKind.RESTORED)))

    def add_event(self, kind: EventKind):
        from tayninh_desktop.ui.dialogs.event_dialog import EventDialog

        dialog = EventDialog(self.context, self.member_id, kind, self)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        item = self.timeline.currentItem()
        event_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not event_id:
            return
        if confirm_event_deletion(self, self.context, self.member_id, item.text(1), item.text(0)):
            self.context.run_action(self, register.delete_event, event_id)

    def on_changes(self, changes: Changes) -> None:
        if changes.history and (not changes.member_ids or self.member_id in changes.member_ids):
            self.reload()
