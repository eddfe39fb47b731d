"""The register table: a list of row ids, rows fetched from SQLite only as they are painted.

Like Anki's browser table, the model never loads the register into Python objects: it keeps the
matching rowids and a small cache of the lines on screen. The filters (cell, status, order)
change rarely: their ordered rowids are queried once. Each keystroke only asks which rows match (the
full-text index's name terms, held in memory: storage/members_search.py) and keeps those of the ordered
list, which stays within the 25 ms budget at 100,000 members (an ORDER BY per keystroke does not).

A cached line keeps its column texts, made the first time it is painted: a repaint asks ``data()`` about
1,700 times, and formatting three dates on each call was most of its cost. The cache outlives a search
(a keystroke changes which rows are shown, not what a row says) and is emptied when the register changes.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import register
from tayninh_desktop.ui import strings

COLUMN_ORDER = (None, "sort_key", None, "birth_date", "cell", "joined_on", "full_member_on", "status", "cccd",
                "card_number")
_ROOT = QModelIndex()
CHUNK = 200   # the first page, read before the whole list
FETCH = 64    # lines read at a time as they are painted: a screen's 25 and some; 200 took 3.3 ms, 64 take 1.1
CACHE_LIMIT = 2000

INACTIVE_COLOR = Qt.GlobalColor.darkGray
_CENTERED = int(Qt.AlignmentFlag.AlignCenter)
_CENTERED_COLUMNS = frozenset((0, 2, 3, 5, 6))
# The roles answered, as plain numbers: comparing with Qt's enum members costs an attribute lookup each time.
_DISPLAY, _FOREGROUND, _USER, _ALIGNMENT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole,
    Qt.ItemDataRole.TextAlignmentRole))
_ROLES = frozenset((_DISPLAY, _FOREGROUND, _USER, _ALIGNMENT))


class _Line:
    """One member's line as painted: the summary and its column texts (column 0, STT, is the position)."""

    __slots__ = ("foreground", "summary", "texts")

    def __init__(self, s) -> None:
        self.summary = s
        self.texts = ("", s.full_name, s.gender.label, strings.date_text(s.birth_date, s.birth_year_only),
                      s.cell_name, strings.date_text(s.joined_on), strings.date_text(s.full_member_on),
                      strings.status_label(s.status.value), s.cccd, s.card_number)
        self.foreground = None if s.status.is_active else INACTIVE_COLOR


class MemberTableModel(QAbstractTableModel):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.rowids: list[int] = []
        self._base: list[int] | None = None
        self._cache: dict[int, _Line] = {}
        self._count: int | None = None  # while only the first page is here: how many rows the list has
        self._generation = 0  # a whole list arriving from the worker is kept only if nothing re-queried since
        self.search = ""
        self.cell_id: str | None = None
        self.statuses: tuple[str, ...] | None = None
        self.order = "sort_key"
        self.descending = False
        self.only: frozenset[int] | None = None   # only these rows (the members an import just added)
        self._finder = register.ListSearch()   # the search's index in memory, read at the first search

    # -- queries ---------------------------------------------------------------------------------
    def set_filter(self, *, search: str | None = None, cell_id: str | None = ...,
                   statuses: tuple[str, ...] | None = ...) -> None:
        if search is not None:
            self.search = search
        if cell_id is not ... or statuses is not ...:
            self._base = None
        if cell_id is not ...:
            self.cell_id = cell_id
        if statuses is not ...:
            self.statuses = statuses
        self._apply()

    def refresh(self) -> None:
        """Re-query everything (after a change to the register)."""
        self._finder.forget()
        self._base = None
        self._apply()

    def refresh_soon(self, runner, db_path: str = "") -> None:
        """Re-query in two steps: the first page and the count now, the ordered rowids of the whole list on the
        worker (``runner``, through its own connection to ``db_path``). The table is usable in between:
        reading past the first page, searching or filtering before the list arrives queries it at once."""
        if self.search or self.only is not None:
            self.refresh()
            return
        self.beginResetModel()
        self._cache.clear()
        self._base = None
        self._generation += 1
        filters = self._filters()
        self.rowids = register.list_rowids(self.db, **filters, limit=CHUNK)
        self._count = register.count_rowids(self.db, cell_id=self.cell_id, statuses=self.statuses)
        self.endResetModel()
        generation = self._generation
        runner.run(lambda: register.list_rowids_in(self.db, db_path, **filters),
                   lambda rowids: self._arrived(generation, rowids), lambda _error: None)

    def prepare_search(self, runner, db_path: str = "") -> None:
        """Read the search's index on the worker (``runner``, through its own connection to ``db_path``) while the
        window is idle, so that the first keystroke finds it (reading it then costs ~50 ms, numpy ~100 ms more)."""
        version = self._finder.stale(self.db)
        if version is not None:
            runner.run(lambda: register.search_index_in(self.db, db_path, version), self._finder.adopt,
                       lambda _error: None)   # the first search reads it itself

    def _filters(self) -> dict:
        return {"cell_id": self.cell_id, "statuses": self.statuses, "order": self.order,
                "descending": self.descending}

    def _arrived(self, generation: int, rowids: list[int]) -> None:
        """The whole list from the worker: kept unless the model re-queried meanwhile."""
        if generation != self._generation or self._count is None:
            return
        same = len(rowids) == self._count and rowids[:len(self.rowids)] == self.rowids
        if not same:
            self.beginResetModel()
        self._base = self.rowids = rowids
        self._count = None
        if not same:
            self.endResetModel()

    def _complete(self) -> None:
        """The whole list now, on this thread (read past the first page before the worker delivered it)."""
        self._generation += 1
        self._base = self.rowids = register.list_rowids(self.db, **self._filters())
        if len(self._base) != self._count:
            QTimer.singleShot(0, lambda: (self.beginResetModel(), self.endResetModel()))
        self._count = None

    def _apply(self) -> None:
        self.beginResetModel()
        if self._base is None:
            self._cache.clear()
            self._count = None
            self._generation += 1
            self._base = register.list_rowids(self.db, **self._filters())
        rows = register.search_in_list(self.db, self._finder, self._base, self.search)
        self.rowids = self._base if rows is None else rows   # None: nothing typed
        if self.only is not None:
            self.rowids = [r for r in self.rowids if r in self.only]
        self.endResetModel()

    def show_only(self, rowids: set[int] | None) -> None:
        """Only these rows (None: the whole list again)."""
        self.only = frozenset(rowids) if rowids is not None else None
        self._base = None
        self._apply()

    def member_id(self, row: int) -> str | None:
        line = self._line(row)
        return line.summary.id if line else None

    def row_of_member(self, member_id: str) -> int | None:
        for row in range(len(self.rowids)):
            if self.member_id(row) == member_id:
                return row
        return None

    def _line(self, row: int) -> _Line | None:
        if self._count is not None and len(self.rowids) <= row < self._count:
            self._complete()
        if row < 0 or row >= len(self.rowids):
            return None
        rowid = self.rowids[row]
        line = self._cache.get(rowid)
        if line is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = max(0, row - FETCH // 8)
            chunk = [r for r in self.rowids[start:start + FETCH] if r not in self._cache]
            for summary in register.summaries(self.db, chunk):
                self._cache[summary.rowid] = _Line(summary)
            line = self._cache.get(rowid)
        return line

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rowids) if self._count is None else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(strings.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return strings.COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # ~1,700 calls per repaint, most for roles the table leaves to the style: those return at once.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        line = self._line(row)
        if line is None:
            return None
        if role == _DISPLAY:
            column = index.column()
            return line.texts[column] if column else str(row + 1)  # STT: the position, not the member
        if role == _FOREGROUND:
            return line.foreground
        if role == _ALIGNMENT:
            return _CENTERED if index.column() in _CENTERED_COLUMNS else None
        return line.summary.id   # UserRole

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMN_ORDER[column] if 0 <= column < len(COLUMN_ORDER) else None
        self.order = key or "sort_key"
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._base = None   # the same register in another order
        self._apply()


ACTIVE_FILTER = tuple(sorted(s.value for s in MemberStatus if s.is_active))
