"""Table models of the party-life pages: the attendance grid, the dues grid, the ratings grid (the warnings
table is in ``warning_table_model.py``).

The grids hold one cell's members (tens to a few hundred rows), so they keep their rows in memory;
the state column is set with one key per state (see ``widgets/key_grid.py``), the reason and the
amount are edited in place. Nothing is written until the page saves the whole grid in one action.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from tayninh_desktop.domain.party_life import (
    ATTENDANCE_KEYS,
    DUES_KEYS,
    AttendanceLine,
    AttendanceState,
    DuesLine,
    DuesState,
    RatingLevel,
)
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_rules as sr
from tayninh_desktop.ui.models.rows_model import ListTableModel
from tayninh_desktop.ui.models.warning_table_model import WarningTableModel  # noqa: F401 - its former home

_ROOT = QModelIndex()
STATE_COLORS = {"vang_khong_ly_do": QColor("#c62828"), "vang_co_ly_do": QColor("#8a6d00"), "mien": QColor("#777777"),
                "chua_dong": QColor("#c62828"), "chua_dong_co_ly_do": QColor("#8a6d00"), "hoan_dong": QColor("#1e5aa8"),
                "khong_hoan_thanh": QColor("#c62828")}


class _ListModel(ListTableModel):
    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


@dataclass(frozen=True)
class RatingRow:
    member_id: str
    full_name: str
    status: str
    level: str = ""
    score: int | None = None
    rule_code: str = ""
    saved: bool = False


class _StateGrid(_ListModel):
    """A grid whose rows are frozen dataclasses with a ``state`` set by key and some editable columns."""

    editable: ClassVar[dict[int, str]] = {}
    keys: ClassVar[dict[str, str]] = {}

    def set_state_by_key(self, row: int, key: str) -> bool:
        value = self.keys.get(key.lower())
        if value is None or not 0 <= row < len(self.rows) or not self._can_edit(row):
            return False
        self.rows[row] = self._with_state(self.rows[row], value)
        self._changed(row)
        return True

    def _can_edit(self, row: int) -> bool:
        return True

    def _with_state(self, line, value: str):
        return replace(line, state=type(line.state)(value))

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() in self.editable and self._can_edit(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in self.editable:
            return False
        converted = self._convert(self.editable[index.column()], value)
        if converted is None:
            return False
        self.rows[index.row()] = replace(self.rows[index.row()], **{self.editable[index.column()]: converted})
        self._changed(index.row())
        return True

    def _convert(self, field: str, value):
        return str(value)


class AttendanceModel(_StateGrid):
    columns = s.ATTENDANCE_COLUMNS
    editable: ClassVar[dict[int, str]] = {4: "reason"}
    keys: ClassVar[dict[str, str]] = {k: v.value for k, v in ATTENDANCE_KEYS.items()}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        line: AttendanceLine = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (str(index.row() + 1), line.full_name, strings.status_label(line.status.value),
                    s.attendance_label(line.state.value), line.reason)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return STATE_COLORS.get(line.state.value)
        return None

    def given(self) -> dict[str, tuple[str, str]]:
        return {x.member_id: (x.state.value, x.reason) for x in self.rows}

    def counts(self) -> dict[str, int]:
        out = {state.value: 0 for state in AttendanceState}
        for line in self.rows:
            out[line.state.value] += 1
        return out


class DuesModel(_StateGrid):
    """The dues grid: what the month computes to (category, amount, relief — "⚠" when the text's value is not
    confirmed) beside what was paid; the amount and the reason are edited in place."""

    columns = s.DUES_COLUMNS
    editable: ClassVar[dict[int, str]] = {5: "amount", 9: "reason"}
    keys: ClassVar[dict[str, str]] = {k: v.value for k, v in DUES_KEYS.items()}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        line: DuesLine = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            category = line.category_label + (sr.UNCONFIRMED_MARK if line.unconfirmed else "")
            return (str(index.row() + 1), line.full_name, strings.status_label(line.status.value), category,
                    "" if line.due is None else s.number(line.due), s.number(line.amount),
                    s.dues_label(line.state.value), line.relief_label, s.RECORDED if line.recorded else "",
                    line.reason)[column]
        if role == Qt.ItemDataRole.EditRole:
            return line.amount if column == 5 else line.reason if column == 9 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and line.unconfirmed:
            return sr.UNCONFIRMED_TIP
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 6:
                return STATE_COLORS.get(line.state.value)
            if column == 5 and line.due is not None and line.state is DuesState.PAID and line.amount != line.due:
                return QColor("#8a6d00")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _with_state(self, line, value: str):
        state = DuesState(value)
        amount = 0 if state is not DuesState.PAID else (line.amount or line.due or 0)
        return replace(line, state=state, amount=amount)

    def _convert(self, field: str, value):
        if field != "amount":
            return str(value)
        digits = str(value).replace(".", "").replace(",", "").replace("đ", "").strip()
        return int(digits) if digits.isdigit() else None

    def entries(self) -> dict[str, tuple[int, str, str]]:
        return {x.member_id: (x.amount, x.state.value, x.reason) for x in self.rows}

    def member_id(self, row: int) -> str:
        return self.rows[row].member_id if 0 <= row < len(self.rows) else ""

    def totals(self) -> tuple[int, int, int]:
        paid = [x for x in self.rows if x.state is DuesState.PAID]
        unpaid = sum(x.state in (DuesState.UNPAID, DuesState.UNPAID_EXCUSED) for x in self.rows)
        return sum(x.amount for x in paid), len(paid), unpaid


class RatingsModel(_StateGrid):
    columns = s.RATINGS_COLUMNS
    editable: ClassVar[dict[int, str]] = {4: "score"}
    keys: ClassVar[dict[str, str]] = {"x": RatingLevel.EXCELLENT.value, "t": RatingLevel.GOOD.value, "h": RatingLevel.COMPLETE.value,
            "k": RatingLevel.INCOMPLETE.value, "n": RatingLevel.NOT_RATED.value}

    def _can_edit(self, row: int) -> bool:
        return not self.rows[row].saved

    def _with_state(self, line: RatingRow, value: str) -> RatingRow:
        return replace(line, level=value)

    def _convert(self, field: str, value):
        text = str(value).strip()
        if not text:
            return None
        return int(text) if text.isdigit() else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row: RatingRow = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (str(index.row() + 1), row.full_name, strings.status_label(row.status),
                    s.rating_label(row.level) if row.level else "", "" if row.score is None else str(row.score),
                    s.RECORDED if row.saved else "", row.rule_code)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return STATE_COLORS.get(row.level)
        return None

    def new_rows(self) -> list[RatingRow]:
        return [r for r in self.rows if r.level and not r.saved]
