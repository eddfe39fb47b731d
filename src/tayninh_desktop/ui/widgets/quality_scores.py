"""The meeting's quality self-evaluation: one box per criterion of the rubric in use. A new meeting starts with no
score ("chưa chấm"), never with the maximum: a score is what the cell decided, not what the program assumed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QSpinBox

from tayninh_desktop.domain.rules import Rubric
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw

NOT_SCORED = -1


class QualityScores(QGroupBox):
    changed = Signal()

    def __init__(self, rubric: Rubric, edit_button: QPushButton, parent=None) -> None:
        super().__init__(s.QUALITY.format(basis=rubric.doc_number), parent)
        self.rubric = rubric
        grid = QGridLayout(self)
        self.spins: dict[str, QSpinBox] = {}
        for index, criterion in enumerate(rubric.criteria):
            spin = QSpinBox(minimum=NOT_SCORED, maximum=criterion.max, value=NOT_SCORED,
                            specialValueText=sw.SCORE_NOT_GIVEN)
            spin.setObjectName(f"score_{criterion.code}")
            spin.valueChanged.connect(self._update)
            self.spins[criterion.code] = spin
            label = QLabel(f"{criterion.label} (tối đa {criterion.max})", wordWrap=True)
            grid.addWidget(label, index // 2, (index % 2) * 2)
            grid.addWidget(spin, index // 2, (index % 2) * 2 + 1)
        self.total = QLabel(objectName="quality_total")
        last = (len(rubric.criteria) + 1) // 2
        grid.addWidget(self.total, last, 0, 1, 3)
        grid.addWidget(edit_button, last, 3)
        self._update()

    def tab_title(self) -> str:
        """"Tự đánh giá chất lượng (chưa chấm)" / "(85/100 — Tốt)": what the tab holds, seen from the other tab."""
        given = self.scores()
        if not given:
            state = sw.SCORE_NOT_GIVEN
        elif len(given) < len(self.spins):
            state = sw.QUALITY_TAB_PARTLY
        else:
            total = sum(given.values())
            state = f"{total}/{self.rubric.total} — {self.rubric.level_for(total).label}"
        return sw.TAB_QUALITY.format(state=state)

    def scores(self) -> dict[str, int]:
        """The criteria scored so far (none when the meeting is not scored)."""
        return {code: spin.value() for code, spin in self.spins.items() if spin.value() != NOT_SCORED}

    def set_scores(self, scores: dict[str, int]) -> None:
        for code, spin in self.spins.items():
            spin.setValue(scores.get(code, NOT_SCORED))

    def _update(self) -> None:
        given = self.scores()
        if not given:
            self.total.setText(sw.QUALITY_NOT_SCORED)
        elif len(given) < len(self.spins):
            self.total.setText(sw.QUALITY_PARTLY.format(count=len(self.spins) - len(given)))
        else:
            total = sum(given.values())
            self.total.setText(s.QUALITY_TOTAL.format(total=total, max=self.rubric.total,
                                                      level=self.rubric.level_for(total).label))
        self.changed.emit()
