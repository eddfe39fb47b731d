"""The home page's charts: members by cell and situation, meetings and attendance by month, dues by month,
ratings by level per cell, the Đề án 03 removals by year against the baseline (``services.dashboard``).

Nothing is computed while the window is built: after it is shown, the figures are read and the pictures
drawn on the TaskRunner's worker (matplotlib loads there, never with the first screen); the window only
shows the images. A chart is a card; its tooltip gives the same figures as text. Long lists of cells make
taller pictures that scroll inside their card. The cards flow into as many columns as the width allows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_dashboard as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner

START_DELAY_MS = 700        # after the window is shown and after the warnings (the same worker, in order)
CARD_SIZE = (340, 250)      # the picture's visible size in pixels
CARD_GAP = 8
REFRESH_AFTER_MS = 1500     # several changes in a row draw once


class ChartCard(QScrollArea):
    """One chart: its picture (scrolls when taller than the card) and, as tooltip, its figures as text."""

    def __init__(self, key: str) -> None:
        super().__init__(objectName=f"chart_{key}")
        self.key = key
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.picture)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll = self.verticalScrollBar().sizeHint().width()
        self.setFixedSize(CARD_SIZE[0] + scroll + 4, CARD_SIZE[1] + 4)
        self.text = ""

    def show_chart(self, title: str, lines: list[str], png: bytes, scale: float) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(scale)
        self.picture.setPixmap(pixmap)
        self.text = "\n".join([title, *lines])
        self.setToolTip(self.text)
        self.picture.setAccessibleName(title)
        self.picture.setAccessibleDescription("\n".join(lines))


class Dashboard(QWidget):
    def __init__(self, context: UiContext, runner: TaskRunner, today: date | None = None) -> None:
        super().__init__(objectName="dashboard")
        self.context = context
        self.runner = runner
        self.today = today
        self.cards: dict[str, ChartCard] = {}
        self.drawing = False
        self._stale = False
        self._columns = 0
        title = QLabel(s.DASHBOARD_TITLE)
        title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.status = QLabel(objectName="dashboard_status")
        self.toggle = QToolButton(objectName="dashboard_toggle", text=s.DASHBOARD_HIDE, checkable=True)
        self.toggle.toggled.connect(self._set_hidden)
        self.grid = QGridLayout()
        self.grid.setSpacing(CARD_GAP)
        holder = QWidget()
        outer = QVBoxLayout(holder)    # the cards' grid at the top left, room to spare right and below
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addLayout(self.grid)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.area = QScrollArea(objectName="dashboard_area")
        self.area.setWidget(holder)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a whole row of cards when there is room; on a laptop screen the warnings above keep room for several
        # rows and the cards scroll (the home page's list is what the clerk reads first)
        self.area.setMaximumHeight(CARD_SIZE[1] + 12)
        self.area.setMinimumHeight(CARD_SIZE[1] // 2)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.status, 1)
        head.addWidget(QLabel(s.DASHBOARD_HINT, objectName="dashboard_hint"))
        head.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.area)
        self._pending = False
        self._later = QTimer(self, singleShot=True, interval=REFRESH_AFTER_MS, timeout=self._due)
        context.changed.connect(self.on_changes)
        QTimer.singleShot(START_DELAY_MS, self._due)

    @property
    def ready(self) -> bool:
        return bool(self.cards) and not self.drawing

    def refresh(self) -> None:
        """Read the figures and draw the pictures on the worker; a change meanwhile draws again after."""
        if self.drawing:
            self._stale = True
            return
        self.drawing, self._stale = True, False
        self.status.setText(s.DASHBOARD_DRAWING)
        db, path, today = self.context.db, self.context.db_path, self.today
        scale = self.devicePixelRatioF() or 1.0
        self.runner.run(lambda: _draw(db, path, today, scale), lambda result: self._drawn(result, scale), self._failed)

    def _due(self) -> None:
        """Draw now if the charts are on screen, else when they are next shown (nothing is drawn unseen)."""
        if self.isVisible() and not self.toggle.isChecked():
            self.refresh()
        else:
            self._pending = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending:
            self._pending = False
            QTimer.singleShot(0, self._due)

    def _drawn(self, pictures, scale: float) -> None:
        from tayninh_desktop.domain.charts import summary_lines

        self.drawing = False
        for spec, png in pictures:
            card = self.cards.get(spec.key)
            if card is None:
                card = self.cards[spec.key] = ChartCard(spec.key)
            card.show_chart(spec.title, summary_lines(spec) if spec.has_data else [spec.empty_text], png, scale)
        self.status.setText("")
        self._place()
        if self._stale:
            self.refresh()

    def _failed(self, error: Exception) -> None:
        self.drawing = False
        self.status.setText(s.DASHBOARD_FAILED.format(error=error))

    def _place(self) -> None:
        """As many cards to a row as the width takes (placed again only when that number changes)."""
        width = next(iter(self.cards.values())).width() if self.cards else CARD_SIZE[0]
        columns = max(1, (self.area.viewport().width() + CARD_GAP) // (width + CARD_GAP))
        placed = self.grid.count() == len(self.cards) and self._columns == columns
        if placed:
            return
        self._columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, index // columns, index % columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.cards:
            self._place()

    def _set_hidden(self, hidden: bool) -> None:
        self.area.setVisible(not hidden)
        self.toggle.setText(s.DASHBOARD_SHOW if hidden else s.DASHBOARD_HIDE)
        if not hidden and self._pending:
            self._pending = False
            self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.members or changes.party_life or changes.organisation or changes.history or changes.settings:
            self._later.start()


def _draw(db, path: str, today: date | None, scale: float):
    """On the worker: the figures, and the pictures drawn there (matplotlib loads here, not at start-up)."""
    from tayninh_desktop.services.dashboard import dashboard_pictures

    return dashboard_pictures(db, path, CARD_SIZE, scale, today=today)
