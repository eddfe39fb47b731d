"""Annual ratings: a cell's members at the end of the year, rated with one key each; the quota check; a saved
rating corrected through a small dialog with its reason (audited)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton, QSpinBox

from tayninh_desktop.domain import vn_numbers as numbers
from tayninh_desktop.domain.messages_party_life import RATING_LABELS
from tayninh_desktop.domain.party_life import RatingLevel
from tayninh_desktop.services import rating_correction, ratings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog
from tayninh_desktop.ui.models.party_life_models import RatingRow, RatingsModel
from tayninh_desktop.ui.unsaved import guard_spin
from tayninh_desktop.ui.widgets.cell_sheet_page import CellSheetPage


class RatingsPage(CellSheetPage):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        today = today or date.today()
        default_year = today.year if today.month == 12 else today.year - 1
        self.year = QSpinBox(objectName="ratings_year", minimum=1990, maximum=2100, value=default_year)
        self.correct_button = QPushButton(sw.RATING_CORRECT, objectName="rating_correct")
        super().__init__(context, today, name="ratings", model=RatingsModel(), period_label=s.YEAR,
                         period=self.year, help_text=s.RATINGS_HELP, summary_name="ratings_quota",
                         actions=(self.correct_button,))
        self.quota = self.summary
        guard_spin(self.year, self.guard, self.load)
        self.correct_button.clicked.connect(self.correct_selected)
        self.load()

    def what(self) -> str:
        return sw.WHAT_RATINGS.format(year=self.year.value(), cell=self.cell.currentText())

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
        self.loaded(sw.PERIOD_YEAR.format(year=year))

    def _update_quota(self) -> None:
        check = ratings.quota_check(self.context.db, self.year.value())
        share = numbers.percent(check.excellent, check.good) if check.good else sw.NO_SHARE
        text = s.RATINGS_QUOTA.format(year=check.year, excellent=check.excellent, good=check.good, share=share,
                                      limit=numbers.percent_value(100 * check.limit_share, digits=0),
                                      basis=check.basis)
        self.quota.setText(text + (s.RATINGS_QUOTA_BROKEN if check.broken else ""))
        self.quota.setStyleSheet("font-weight: bold;" + (" color: #c62828;" if check.broken else ""))

    def _reason_code(self, member_id: str, level: str) -> str | None:
        if level != RatingLevel.NOT_RATED.value:
            return None
        suggested = self._reasons.get(member_id)
        return suggested.value if suggested else "khac"

    def save(self):
        rows = self.model.new_rows()
        if not rows:
            self.message.setText(s.SAVED_NOTHING)
            return None
        entries = {row.member_id: (row.level, row.score, self._reason_code(row.member_id, row.level)) for row in rows}
        result = self.context.run_action(self, ratings.rate_members, self.year.value(), entries, today=self.today)
        if result is not None:
            self.load()
            self.message.setText(s.RATINGS_SAVED.format(count=len(entries)))
        return result

    def correct_selected(self) -> RecordDialog | None:
        """Correct the selected row's saved rating: level, score and the reason, in one audited action."""
        row = self.grid.currentIndex().row()
        line = self.model.rows[row] if 0 <= row < len(self.model.rows) else None
        if line is None or not line.saved:
            self.message.setText(sw.RATING_CORRECT_PICK)
            return None
        db, actor, year = self.context.db, self.context.actor, self.year.value()

        def submit(values: dict[str, str]):
            score = values["score"].strip()
            return rating_correction.correct_rating(
                db, actor, line.member_id, year, values["level"], reason=values["correction_reason"],
                score=int(score) if score.isdigit() else (score or None),
                not_rated_reason=self._reason_code(line.member_id, values["level"]), today=self.today)

        dialog = RecordDialog(self.context, sw.RATING_CORRECT_TITLE.format(year=year, name=line.full_name), [
            Field("level", line.level, tuple(RATING_LABELS.items())),
            Field("score", "" if line.score is None else str(line.score), hint=s.DLG_SCORE_HINT),
            Field("correction_reason")], submit, self)
        dialog.set_hint(sw.RATING_CORRECT_NOTE.format(
            level=RATING_LABELS.get(line.level, line.level),
            score="" if line.score is None else f", {line.score} điểm"))
        dialog.accepted.connect(lambda: self._corrected(line.full_name))
        dialog.open()
        return dialog

    def _corrected(self, name: str) -> None:
        if self.guard.allow_leave():
            self.load()
            self.message.setText(sw.RATING_CORRECTED.format(name=name))
