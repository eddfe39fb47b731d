"""Columns the person chooses: a right click on a table's header lists its columns with a tick each; the choice is
kept for the next time (ui/preferences.py). At least the columns in ``always`` stay shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from tayninh_desktop.ui import preferences
from tayninh_desktop.ui import strings_window as sw


class ColumnChooser:
    def __init__(self, table: QTableView, key: str, *, always: tuple[int, ...] = (1,)) -> None:
        self.table = table
        self.key = f"columns.{key}"
        self.always = always
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.setToolTip(sw.COLUMNS_TIP)
        for column in preferences.get(self.key, []) or []:
            if isinstance(column, int) and column not in always and 0 <= column < self._count():
                table.setColumnHidden(column, True)

    def _count(self) -> int:
        model = self.table.model()
        return model.columnCount() if model is not None else 0

    def hidden(self) -> list[int]:
        return [c for c in range(self._count()) if self.table.isColumnHidden(c)]

    def menu(self) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("column_menu")
        model = self.table.model()
        for column in range(self._count()):
            action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), menu, checkable=True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column not in self.always)
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
            menu.addAction(action)
        return menu

    def show_menu(self, position) -> None:
        self.menu().exec(self.table.horizontalHeader().mapToGlobal(position))

    def set_shown(self, column: int, shown: bool) -> None:
        if column in self.always:
            return
        self.table.setColumnHidden(column, not shown)
        preferences.put(self.key, self.hidden())
