"""Key facts are never cut with "…": a table either wraps or widens its key columns, and any cell too narrow for
its text shows the whole text as a tooltip.

``show_full_text(view, wrap=True)`` sets it up on a table or tree: no elision ("…"), word wrap for the small
tables (a member's history, letters, discipline), the delegate that gives every cut cell its tooltip.
``fit_rows(view)`` grows the rows to their wrapped text (call after filling a small table; never on the register,
whose rows are fetched as they are painted).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QTreeView,
)

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
