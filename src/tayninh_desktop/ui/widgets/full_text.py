"""Key facts are never cut with "…": a table either wraps or widens its key columns, and any cell too narrow for
its text shows the whole text as a tooltip.

``show_full_text(view, wrap=True)`` sets it up on a table or tree: no elision ("…"), word wrap for the small
tables (a member's history, letters, discipline), the delegate that gives every cut cell its tooltip.
``fit_rows(view)`` grows the rows to their wrapped text (call after filling a small table; never on the register,
whose rows are fetched as they are painted). A wrapping table also fits the rows on screen as it scrolls
(``fit_visible_rows``): Qt ends the last line that fits with "…" whatever the elide mode, so a row must be as tall as
its text. tests/ui/test_every_page_and_dialog.py walks every page and dialog for a table without this.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QTreeView,
)
from shiboken6 import isValid

PADDING = 12   # the cell's margins, so a text that just fits is not called cut


class FullTextDelegate(QStyledItemDelegate):
    """A cell whose text does not fit its column shows it whole in a tooltip."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            own = index.data(Qt.ItemDataRole.ToolTipRole)
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if not own and text and is_cut(view, option, index, text):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def is_cut(view: QAbstractItemView, option, index, text: str) -> bool:
    """The text needs more room than its cell has (one line, or its wrapped lines taller than the row)."""
    rect = view.visualRect(index)
    metrics = option.fontMetrics
    widest = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
    if widest + PADDING <= rect.width():
        return False
    if not view.wordWrap():
        return True
    needed = metrics.boundingRect(0, 0, max(rect.width() - PADDING, 1), 10_000,
                                  int(Qt.TextFlag.TextWordWrap), text).height()
    return needed > rect.height()


def show_full_text(view: QAbstractItemView, *, wrap: bool = True) -> FullTextDelegate:
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    if isinstance(view, QTableView | QTreeView):
        view.setWordWrap(wrap)
    delegate = FullTextDelegate(view)
    view.setItemDelegate(delegate)
    if wrap and isinstance(view, QTableView) and not hasattr(view, "row_fitter"):
        fit_visible_rows(view)   # the rows on screen as tall as their wrapped text: no last line cut with "…"
    return delegate


def fit_rows(view: QAbstractItemView) -> None:
    """Rows as tall as their wrapped text (small tables only)."""
    if isinstance(view, QTableView):
        view.resizeRowsToContents()


def fit_columns(view: QTableView, columns: tuple[int, ...]) -> None:
    """These columns as wide as their widest text (dates, numbers: never wrapped, never cut)."""
    header = view.horizontalHeader()
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)



class _RowFitter(QObject):
    """Fits the rows on screen to their wrapped text, soon after the view scrolls, resizes or its data changes."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self, singleShot=True, interval=0)
        self.timer.timeout.connect(self.fit)
        view.verticalScrollBar().valueChanged.connect(self.soon)
        view.horizontalHeader().sectionResized.connect(self.soon)
        view.viewport().installEventFilter(self)
        self._model = None
        self.watch()

    def soon(self, *_args) -> None:
        if not isValid(self.view) or not isValid(self.timer):   # the view is being destroyed
            return
        self.watch()
        self.timer.start()

    def watch(self) -> None:
        model = self.view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.dataChanged):
            signal.connect(self.soon)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and isValid(self):
            self.soon()
        return False

    def fit(self) -> None:
        if not isValid(self.view):
            return
        view, model = self.view, self.view.model()
        if model is None or not view.wordWrap():
            return
        first = view.rowAt(0)
        if first < 0:
            return
        bottom = view.viewport().height()
        row = first
        while row < model.rowCount() and view.rowViewportPosition(row) < bottom:
            view.resizeRowToContents(row)
            row += 1


def fit_visible_rows(view: QTableView) -> _RowFitter:
    """Rows as tall as their wrapped text, measured only for the rows on screen (a long list is never measured
    whole): a wrapped cell then shows every line instead of ending its last visible one with "…" (Qt elides the
    last line that fits whatever the elide mode)."""
    fitter = _RowFitter(view)
    view.row_fitter = fitter
    return fitter
