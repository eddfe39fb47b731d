"""Annual ratings: a cell's members at the end of the year, rated with one key each; the quota check."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QSpinBox

from tayninh_desktop.domain.party_life import RatingLevel
from tayninh_desktop.services import ratings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.party_life_models import RatingRow, RatingsModel
from tayninh_desktop.ui.widgets.cell_sheet_page import CellSheetPage


class RatingsPage(CellSheetPage):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        today = today or date.today()
        default_year = today.year if today.month == 12 else today.year - 1
        self.year = QSpinBox(objectName="ratings_year", minimum=1990, maximum=2100, value=default_year)
        super().__init__(context, today, name="ratings", model=RatingsModel(), period_label=s.YEAR,
                         period=self.year, help_text=s.RATINGS_HELP, summary_name="ratings_quota")
        self.quota = self.summary
        self.year.valueChanged.connect(self.load)
        self.load()

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
