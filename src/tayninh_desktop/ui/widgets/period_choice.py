"""Choosing a report period of the statistical forms: a year and, within it, the whole year, a half, a quarter
or a month (the codes the forms read: "2026", "2026-H1", "2026-Q3", "2026-06")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from tayninh_desktop.ui import strings_statistics as s

ROMAN = ("I", "II", "III", "IV")


def period_parts() -> list[tuple[str, str]]:
    """(label, code suffix) of every period of a year, the whole year first."""
    parts = [(s.WHOLE_YEAR, ""), (s.FIRST_HALF, "H1"), (s.SECOND_HALF, "H2")]
    parts += [(s.QUARTER.format(roman=roman), f"Q{i}") for i, roman in enumerate(ROMAN, 1)]
    parts += [(s.MONTH.format(n=n), f"{n:02d}") for n in range(1, 13)]
    return parts


class PeriodChoice(QObject):
    """A year box and a part-of-year list; ``changed`` when either changes."""

    changed = Signal()

    def __init__(self, year: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.year = QSpinBox(objectName="period_year", minimum=2000, maximum=2100, value=year or date.today().year)
        self.part = QComboBox(objectName="period_part")
        for label, suffix in period_parts():
            self.part.addItem(label, suffix)
        self.year.valueChanged.connect(lambda _v: self.changed.emit())
        self.part.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def code(self) -> str:
        suffix = self.part.currentData()
        return f"{self.year.value()}-{suffix}" if suffix else str(self.year.value())

    def set_code(self, code: str) -> None:
        year, _, suffix = code.partition("-")
        self.year.setValue(int(year))
        self.part.setCurrentIndex(max(self.part.findData(suffix), 0))

    def widget(self) -> QWidget:
        """The two inputs side by side (for a form row)."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year)
        row.addWidget(self.part, 1)
        return holder
