"""Annual ratings: a cell's members at the end of the year, rated with one key each; the quota check."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from tayninh_desktop.domain.party_life import RatingLevel
from tayninh_desktop.services import organisation, ratings
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.party_life_models import RatingRow, RatingsModel
from tayninh_desktop.ui.widgets.key_grid import KeyGrid


class RatingsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        default_year = self.today.year if self.today.month == 12 else self.today.year - 1
        self.cell = QComboBox(objectName="ratings_cell")
        self.cell.setMinimumWidth(260)
        self.year = QSpinBox(objectName="ratings_year", minimum=1990, maximum=2100, value=default_year)
        self.model = RatingsModel(self)
        self.grid = KeyGrid()
        self.grid.setObjectName("ratings_grid")
        self.grid.setModel(self.model)
        self.quota = QLabel(objectName="ratings_quota")
        self.quota.setStyleSheet("font-weight: bold;")
        self.message = QLabel(objectName="ratings_message")
        self.save_button = QPushButton(s.SAVE, objectName="ratings_save")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell)
        bar.addWidget(QLabel(s.YEAR))
        bar.addWidget(self.year)
        bar.addStretch(1)
        help_label = QLabel(s.RATINGS_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.quota, 1)
        bottom.addWidget(self.message)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(help_label)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        self._fill_cells()
        self.cell.currentIndexChanged.connect(self.load)
        self.year.valueChanged.connect(self.load)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        context.changed.connect(self.on_changes)
        self.load()

    def _fill_cells(self) -> None:
        self.cell.blockSignals(True)
        self.cell.clear()
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        self.cell.blockSignals(False)

    def load(self) -> None:
        cell_id = self.cell.currentData()
        year = self.year.value()
        rule = ratings.rating_rule(year).doc_number
        sheet = ratings.rating_sheet(self.context.db, cell_id, year) if cell_id else []
        rows = []
        for line in sheet:
            r = line.rating
            if r is not None:
                rows.append(RatingRow(line.member_id, line.full_name, line.status, r.level.value, r.score,
                                      r.rule_code, True))
            else:
                level = RatingLevel.NOT_RATED.value if line.suggested_not_rated else ""
                rows.append(RatingRow(line.member_id, line.full_name, line.status, level, None, rule))
        self._reasons = {line.member_id: line.suggested_not_rated for line in sheet}
        self.model.set_rows(rows)
        self._update_quota()
        self.grid.start()

    def _update_quota(self) -> None:
        check = ratings.quota_check(self.context.db, self.year.value())
        share = f"{100 * check.excellent / check.good:.1f}%" if check.good else "—"
        text = s.RATINGS_QUOTA.format(year=check.year, excellent=check.excellent, good=check.good, share=share,
                                      limit=f"{100 * check.limit_share:.0f}%", basis=check.basis)
        self.quota.setText(text + (s.RATINGS_QUOTA_BROKEN if check.broken else ""))
        self.quota.setStyleSheet("font-weight: bold;" + (" color: #c62828;" if check.broken else ""))

    def save(self):
        rows = self.model.new_rows()
        if not rows:
            self.message.setText(s.SAVED_NOTHING)
            return None
        entries = {}
        for row in rows:
            reason = None
            if row.level == RatingLevel.NOT_RATED.value:
                suggested = self._reasons.get(row.member_id)
                reason = suggested.value if suggested else "khac"
            entries[row.member_id] = (row.level, row.score, reason)
        result = self.context.run_action(self, ratings.rate_members, self.year.value(), entries, today=self.today)
        if result is not None:
            self.load()
            self.message.setText(s.RATINGS_SAVED.format(count=len(entries)))
        return result

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_cells()
