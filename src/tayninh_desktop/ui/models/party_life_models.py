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

from tayninh_desktop.domain.messages_dues import PAYMENT_KINDS
from tayninh_desktop.domain.party_life import (
    ATTENDANCE_KEYS,
    DUES_KEYS,
    RATING_KEYS,
    AttendanceLine,
    AttendanceState,
    DuesLine,
    DuesState,
)
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_rules as sr
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.models.rows_model import ListTableModel
from tayninh_desktop.ui.models.warning_table_model import WarningTableModel  # noqa: F401 - its former home

_ROOT = QModelIndex()
STATE_COLORS = {"vang_khong_ly_do": QColor("#c62828"), "vang_co_ly_do": QColor("#8a6d00"), "mien": QColor("#777777"),
                "chua_dong": QColor("#c62828"), "chua_dong_co_ly_do": QColor("#8a6d00"), "hoan_dong": QColor("#1e5aa8"),
                "khong_hoan_thanh": QColor("#c62828")}
UNMARKED_COLOR = QColor("#8a8a8a")


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
    """A grid whose rows are frozen dataclasses with a ``state`` set by key and some editable columns.

    Rows can be "not marked" yet (``unmarked``: member ids): they show ``unmarked_text`` and are not given to the
    page's save until the person types a key or asks for the default of every unmarked row (``mark_all``)."""

    editable: ClassVar[dict[int, str]] = {}
    keys: ClassVar[dict[str, str]] = {}
    state_column = 3
    unmarked_text = sw.NOT_RECORDED

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.unmarked: set[str] = set()

    def set_rows(self, rows: list, unmarked: set[str] | frozenset[str] = frozenset()) -> None:
        self.unmarked = set(unmarked)
        super().set_rows(rows)

    def is_key(self, key: str) -> bool:
        return key.lower() in self.keys

    def locked_reason(self, row: int) -> str:
        return ""

    def label_of(self, value: str) -> str:
        return value

    def legend(self) -> str:
        """"C = Có mặt · L = Vắng có lý do · … (hoặc 1–4)": every code of the grid."""
        letters = [sw.GRID_KEY_ITEM.format(key=k.upper(), label=self.label_of(v))
                   for k, v in self.keys.items() if k.isalpha()]
        digits = sorted(k for k in self.keys if k.isdigit())
        return " · ".join(letters) + (f" (hoặc {digits[0]}–{digits[-1]})" if digits else "")

    def is_marked(self, row: int) -> bool:
        return self.rows[row].member_id not in self.unmarked

    def unmarked_rows(self) -> list[int]:
        return [r for r in range(len(self.rows)) if not self.is_marked(r)]

    def mark_all(self) -> int:
        """Give every unmarked row its default state (as the register computed it); the number of rows marked."""
        rows = self.unmarked_rows()
        self.unmarked.clear()
        for row in rows:
            self._changed(row)
        return len(rows)

    def set_state_by_key(self, row: int, key: str) -> bool:
        value = self.keys.get(key.lower())
        if value is None or not 0 <= row < len(self.rows) or self.locked_reason(row):
            return False
        self.rows[row] = self._with_state(self.rows[row], value)
        self.unmarked.discard(self.rows[row].member_id)
        self._changed(row)
        return True

    def _with_state(self, line, value: str):
        return replace(line, state=type(line.state)(value))

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() in self.editable and not self.locked_reason(index.row()) \
                and self.is_marked(index.row()):
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

    def snapshot(self) -> tuple:
        """What the grid holds now, to compare with what was loaded (the unsaved-changes guard)."""
        return tuple(self.rows), frozenset(self.unmarked)


class AttendanceModel(_StateGrid):
    columns = s.ATTENDANCE_COLUMNS
    editable: ClassVar[dict[int, str]] = {4: "reason"}
    keys: ClassVar[dict[str, str]] = {k: v.value for k, v in ATTENDANCE_KEYS.items()}
    unmarked_text = sw.NOT_MARKED

    def label_of(self, value: str) -> str:
        return s.attendance_label(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        line: AttendanceLine = self.rows[index.row()]
        marked = self.is_marked(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            state = s.attendance_label(line.state.value) if marked else self.unmarked_text
            return (str(index.row() + 1), line.full_name, strings.status_label(line.status.value), state,
                    line.reason)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return STATE_COLORS.get(line.state.value) if marked else UNMARKED_COLOR
        return None

    def given(self) -> dict[str, tuple[str, str]]:
        """The marked rows: member id → (state, reason)."""
        return {x.member_id: (x.state.value, x.reason) for x in self.rows if x.member_id not in self.unmarked}

    def counts(self) -> dict[str, int]:
        out = {state.value: 0 for state in AttendanceState}
        for row, line in enumerate(self.rows):
            if self.is_marked(row):
                out[line.state.value] += 1
        out["unmarked"] = len(self.unmarked)
        return out


class DuesModel(_StateGrid):
    """The dues grid: what the month computes to (category, amount, relief — "⚠" when the text's value is not
    confirmed) beside what was paid; the amount and the reason are edited in place."""

    columns = s.DUES_COLUMNS
    editable: ClassVar[dict[int, str]] = {5: "amount", 9: "reason"}
    keys: ClassVar[dict[str, str]] = {k: v.value for k, v in DUES_KEYS.items()}
    state_column = 6

    def set_rows(self, rows: list, unmarked=None) -> None:
        """Lines of the month: a line not yet recorded is "chưa ghi" until a key or ``mark_all`` gives it a state."""
        super().set_rows(rows, {x.member_id for x in rows if not x.recorded} if unmarked is None else unmarked)

    def label_of(self, value: str) -> str:
        return s.dues_label(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        line: DuesLine = self.rows[index.row()]
        column = index.column()
        marked = self.is_marked(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            category = line.category_label + (sr.UNCONFIRMED_MARK if line.unconfirmed else "")
            return (str(index.row() + 1), line.full_name, strings.status_label(line.status.value), category,
                    "" if line.due is None else s.number(line.due), s.number(line.amount) if marked else "",
                    _dues_state_text(line) if marked else self.unmarked_text, line.relief_label,
                    s.RECORDED if line.recorded else "", line.reason)[column]
        if role == Qt.ItemDataRole.EditRole:
            return line.amount if column == 5 else line.reason if column == 9 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and line.unconfirmed:
            return sr.UNCONFIRMED_TIP
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 6:
                return STATE_COLORS.get(line.state.value) if marked else UNMARKED_COLOR
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
        """The recorded or marked lines: member id → (amount, state, reason); "chưa ghi" lines are not given."""
        return {x.member_id: (x.amount, x.state.value, x.reason) for x in self.rows if x.member_id not in self.unmarked}

    def member_id(self, row: int) -> str:
        return self.rows[row].member_id if 0 <= row < len(self.rows) else ""

    def totals(self) -> tuple[int, int, int, int]:
        """(collected, members paid, members unpaid, members not recorded): a "chưa ghi" line counts as none of
        the first three."""
        marked = [x for x in self.rows if x.member_id not in self.unmarked]
        paid = [x for x in marked if x.state is DuesState.PAID]
        unpaid = sum(x.state in (DuesState.UNPAID, DuesState.UNPAID_EXCUSED) for x in marked)
        return sum(x.amount for x in paid), len(paid), unpaid, len(self.rows) - len(marked)


def _dues_state_text(line: DuesLine) -> str:
    """"Đã đóng", or "Đã đóng (đóng trước)" / "(đóng chậm)" for a month covered by a payment of several months."""
    text = s.dues_label(line.state.value)
    if line.paid_as:
        text += sr.PAID_AS_SUFFIX.format(kind=PAYMENT_KINDS.get(line.paid_as, line.paid_as))
    return text


class RatingsModel(_StateGrid):
    columns = s.RATINGS_COLUMNS
    editable: ClassVar[dict[int, str]] = {4: "score"}
    keys: ClassVar[dict[str, str]] = {k: v.value for k, v in RATING_KEYS.items()}

    def label_of(self, value: str) -> str:
        return s.rating_label(value)

    def is_marked(self, row: int) -> bool:
        return bool(self.rows[row].level)

    def locked_reason(self, row: int) -> str:
        return sw.RATING_LOCKED if 0 <= row < len(self.rows) and self.rows[row].saved else ""

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
