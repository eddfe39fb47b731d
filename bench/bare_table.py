"""The bare baseline of search as you type: a line edit and a QTableView over a minimal model that asks FTS5
for the matches in list order and reads the rows it paints, raw, from SQLite. No formatting, no filters
beyond the active statuses, no count line."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from tayninh_desktop.storage.members_repo import fts_query

ACTIVE = ("chinh_thuc", "chuyen_tam_thoi_di", "di_lam_an_xa", "du_bi", "mien_sinh_hoat", "sinh_hoat_tam_thoi")
COLUMNS = "rowid, full_name, gender, birth_date, cell_id, joined_on, full_member_on, status, cccd, card_number"
ALL_SQL = f"SELECT rowid FROM members WHERE status IN ({','.join('?' * len(ACTIVE))}) ORDER BY sort_key"
MATCH_SQL = ("SELECT m.rowid FROM members_fts f JOIN members m ON m.rowid = f.rowid WHERE members_fts MATCH ?"
             f" AND m.status IN ({','.join('?' * len(ACTIVE))}) ORDER BY m.sort_key")


class BareModel(QAbstractTableModel):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.conn = sqlite3.connect(path)
        self.everyone = [r[0] for r in self.conn.execute(ALL_SQL, ACTIVE)]
        self.rowids = self.everyone
        self.rows: dict[int, tuple] = {}

    def search(self, text: str) -> None:
        query = fts_query(text)
        self.beginResetModel()
        self.rows.clear()
        self.rowids = self.everyone if query is None else [
            r[0] for r in self.conn.execute(MATCH_SQL, [query, *ACTIVE])]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rowids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 10

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        rowid = self.rowids[index.row()]
        if rowid not in self.rows:
            chunk = self.rowids[index.row():index.row() + 100]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT {COLUMNS} FROM members WHERE rowid IN ({marks})", chunk):
                self.rows[row[0]] = row
        value = self.rows[rowid][index.column()]
        return "" if value is None else str(value)


class BareSearchWidget(QWidget):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.model = BareModel(path)
        self.table = QTableView()
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.table)

    def search(self, text: str) -> None:
        self.edit.setText(text)
        self.model.search(text)
