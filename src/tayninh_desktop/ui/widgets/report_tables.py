"""Small tables of results (import reports, cross-checks): built the same way wherever they appear."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem

from tayninh_desktop.ui.widgets.full_text import show_full_text

STATUS_COLOURS = {"added": "#C6EFCE", "updated": "#DDEBF7", "unchanged": "#F2F2F2", "held": "#FFEB9C",
                  "refused": "#FFC7CE", "skipped": "#D9D9D9"}


def make_table(columns: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    show_full_text(table, wrap=True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def table_item(text: object, colour: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if colour:
        item.setBackground(QColor(colour))
    return item


def heading(title: str, subtitle: str) -> list[QLabel]:
    head = QLabel(f"<b style='font-size:13pt'>{title}</b>")
    sub = QLabel(subtitle, wordWrap=True)
    return [head, sub]
