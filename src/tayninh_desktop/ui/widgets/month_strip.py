"""The member's year as a 12-month strip: a row of meetings (present, excused, unexcused, exempted) and a row
of dues (paid, unpaid, with reason, deferred, exempted), a month a coloured square with the letter the grids
type for that state; a month not recorded shows "–" on white, never as present or paid. Each square's
tooltip names the month, the state and the meetings' dates; a legend under it gives the words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from tayninh_desktop.domain.month_strip import FUTURE, NOT_RECORDED, MonthCell, YearStrip
from tayninh_desktop.domain.party_life import ATTENDANCE_KEYS, DUES_KEYS
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_dashboard as s

COLOURS = {"co_mat": "#c8e6c9", "da_dong": "#c8e6c9", "vang_co_ly_do": "#ffe0b2", "chua_dong_co_ly_do": "#ffe0b2",
           "vang_khong_ly_do": "#ef9a9a", "chua_dong": "#ef9a9a", "hoan_dong": "#bbdefb", "mien": "#e0e0e0",
           NOT_RECORDED: "#ffffff", FUTURE: "#f7f7f7"}
LABEL_W, CELL_W, CELL_H, GAP = 86, 40, 26, 3
LEGEND_LINE = 20


def _letters(keys: dict) -> dict[str, str]:
    """The letter each grid types for a state (the first letter key, as the grids show it)."""
    out: dict[str, str] = {}
    for key, state in keys.items():
        if key.isalpha():
            out.setdefault(state.value, key.upper())
    return out


ATTENDANCE_LETTERS = _letters(ATTENDANCE_KEYS)
DUES_LETTERS = _letters(DUES_KEYS)
ROWS = ((s.STRIP_MEETINGS, "meetings", ATTENDANCE_LETTERS, s.ATTENDANCE_WORDS),
        (s.STRIP_DUES, "dues", DUES_LETTERS, s.DUES_WORDS))


class MonthStrip(QWidget):
    def __init__(self) -> None:
        super().__init__(objectName="month_strip")
        self.strip: YearStrip | None = None
        self.setMouseTracking(True)
        self.setMinimumWidth(LABEL_W + 12 * (CELL_W + GAP))
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        width = LABEL_W + 12 * (CELL_W + GAP)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The squares and as many legend lines as the width needs (the legend wraps)."""
        metrics = self.fontMetrics()
        lines = 0
        for _, _, _, words in ROWS:
            lines += 1
            x = LABEL_W
            for state, word in words.items():
                step = 18 + metrics.horizontalAdvance(word) + 14
                if state != FUTURE and x + step > width and x > LABEL_W:
                    lines, x = lines + 1, LABEL_W
                x += step if state != FUTURE else 0
        return 18 + 2 * (CELL_H + GAP) + 6 + lines * LEGEND_LINE + 4

    def set_strip(self, strip: YearStrip | None) -> None:
        self.strip = strip
        self.update()

    # -- what a square says ------------------------------------------------------------------------
    def mark(self, row: str, month: int) -> str:
        """The letter shown in a square ("–" for a month not recorded, nothing for a month to come)."""
        cell, letters, _ = self._cell(row, month)
        if cell.state == FUTURE:
            return ""
        return s.NOT_RECORDED_MARK if cell.state == NOT_RECORDED else letters.get(cell.state, "?")

    def tooltip(self, row: str, month: int) -> str:
        cell, _, words = self._cell(row, month)
        what = s.STRIP_MEETINGS if row == "meetings" else s.STRIP_DUES
        lines = [s.STRIP_CELL_TIP.format(month=f"{month:02d}", year=self.strip.year, what=what,
                                         state=words.get(cell.state, cell.state))]
        lines += [s.STRIP_MEETING_LINE.format(date=strings.date_text(day), state=words.get(state, state))
                  for day, state in cell.meetings] if len(cell.meetings) > 1 or row == "meetings" else []
        return "\n".join(lines)

    def _cell(self, row: str, month: int) -> tuple[MonthCell, dict, dict]:
        _, key, letters, words = next(r for r in ROWS if r[1] == row)
        return getattr(self.strip, key)[month - 1], letters, words

    # -- drawing ----------------------------------------------------------------------------------
    def _rect(self, row: int, month: int) -> QRect:
        return QRect(LABEL_W + (month - 1) * (CELL_W + GAP), 18 + row * (CELL_H + GAP), CELL_W, CELL_H)

    def paintEvent(self, event) -> None:
        if self.strip is None:
            return
        painter = QPainter(self)
        bold = QFont(self.font())
        bold.setBold(True)
        for month in range(1, 13):
            painter.drawText(QRect(LABEL_W + (month - 1) * (CELL_W + GAP), 0, CELL_W, 16),
                             Qt.AlignmentFlag.AlignCenter, s.STRIP_MONTH.format(month=month))
        for index, (label, key, _, _) in enumerate(ROWS):
            painter.setFont(self.font())
            painter.drawText(QRect(0, 18 + index * (CELL_H + GAP), LABEL_W - 6, CELL_H),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            painter.setFont(bold)
            for cell in getattr(self.strip, key):
                rect = self._rect(index, cell.month)
                painter.fillRect(rect, QColor(COLOURS.get(cell.state, "#ffffff")))
                painter.setPen(QPen(QColor("#9e9e9e" if cell.state != FUTURE else "#dddddd")))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
                painter.setPen(QPen(QColor("#212121")))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.mark(key, cell.month))
        self._legend(painter)
        painter.end()

    def _legend(self, painter: QPainter) -> None:
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        y = 18 + 2 * (CELL_H + GAP) + 6
        for label, key, letters, words in ROWS:
            painter.drawText(QRect(0, y, LABEL_W - 6, LEGEND_LINE), Qt.AlignmentFlag.AlignVCenter, label + ":")
            x = LABEL_W
            for state, word in words.items():
                if state == FUTURE:
                    continue
                width = 18 + metrics.horizontalAdvance(word) + 14
                if x + width > self.width() and x > LABEL_W:   # the legend wraps, never runs off the tab
                    x, y = LABEL_W, y + LEGEND_LINE
                mark = s.NOT_RECORDED_MARK if state == NOT_RECORDED else letters.get(state, "")
                painter.fillRect(QRect(x, y + 3, 14, 14), QColor(COLOURS.get(state, "#ffffff")))
                painter.drawRect(QRect(x, y + 3, 13, 13))
                painter.drawText(QRect(x, y + 3, 14, 14), Qt.AlignmentFlag.AlignCenter, mark)
                painter.drawText(QRect(x + 18, y, width, LEGEND_LINE), Qt.AlignmentFlag.AlignVCenter, word)
                x += width
            y += LEGEND_LINE

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.strip is not None:
            for index, (_, key, _, _) in enumerate(ROWS):
                for month in range(1, 13):
                    if self._rect(index, month).contains(event.pos()):
                        QToolTip.showText(event.globalPos(), self.tooltip(key, month), self)
                        return True
            QToolTip.hideText()
            return True
        return super().event(event)
