"""The "Căn cứ và định mức" tab: the plans, the bank's programmes and the poverty lines in use, each with its
legal basis and validity; rows with a value not yet checked against the text are yellow and say which."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tayninh_desktop.domain.assistance_reference import Dated
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.vn_money import format_money, format_percent, format_rate
from tayninh_desktop.services import support_reference
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import confirm
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_tab import UNCONFIRMED_BACKGROUND, SupportTab

ROUNDING = {"xuong": "Xuống đến đồng", "gan_nhat": "Đến đồng gần nhất"}


def _validity(r: Dated) -> str:
    from datetime import timedelta

    end = format_vn_date(r.valid_to - timedelta(days=1)) if r.valid_to else s.OPEN_END
    return f"{format_vn_date(r.valid_from)}–{end}"


def _unconfirmed(r: Dated) -> str:
    if not r.unconfirmed:
        return ""
    from tayninh_desktop.ui.dialogs.support_reference_dialog import LABELS

    return ", ".join(LABELS.get(f, f) for f in r.unconfirmed_fields) or s.ALL_FIELDS


class ReferenceTab(SupportTab):
    def __init__(self, context, runner) -> None:
        super().__init__(context, runner, "support_reference")
        self.plans, self.plans_model = self.make_table(s.PLANS_COLUMNS, "reference_plans", stretch=1,
                                                       right=(4, 5, 6), widths=(80, 330, 190, 160, 50, 110, 100, 70))
        self.programmes, self.programmes_model = self.make_table(s.PROGRAMMES_COLUMNS, "reference_programmes",
                                                                 stretch=1, right=(2,), widths=(300, 150, 90, 60, 230))
        self.poverty, self.poverty_model = self.make_table(s.POVERTY_COLUMNS, "reference_poverty", stretch=1,
                                                           right=(4, 5, 6, 7), widths=(250, 250, 190, 160, 90, 90, 110))
        lines = self.fontMetrics().lineSpacing() + 10
        self.plans.setMaximumHeight(lines * 3 + 8)
        self.poverty.setMaximumHeight(lines * 3 + 8)
        self.titles: dict[str, QLabel] = {}
        help_label = QLabel(s.REFERENCE_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        for section, title, view in (("plan", s.PLANS_TITLE, self.plans),
                                     ("programmes", s.PROGRAMMES_TITLE, self.programmes),
                                     ("poverty_lines", s.POVERTY_TITLE, self.poverty)):
            bar = QHBoxLayout()
            label = QLabel(objectName=f"reference_title_{section}")
            self.titles[section] = label
            bar.addWidget(label, 1)
            for name, text, slot in ((f"reference_edit_{section}", s.EDIT_SECTION, self.edit),
                                     (f"reference_reset_{section}", s.RESET_SECTION, self.reset)):
                button = QPushButton(text, objectName=name)
                button.clicked.connect(lambda _c=False, sec=section, slot=slot: slot(sec))
                bar.addWidget(button)
            layout.addLayout(bar)
            layout.addWidget(view, 1)
        layout.addWidget(self.message)
        self.edit_titles = {"plan": s.PLANS_TITLE, "programmes": s.PROGRAMMES_TITLE, "poverty_lines": s.POVERTY_TITLE}

    def reload(self) -> None:
        book = support_reference.book(self.context.db)
        edited = support_reference.edited_sections(self.context.db)
        for section, label in self.titles.items():
            label.setText(f"<b>{self.edit_titles[section]}</b>" + (s.EDITED if section in edited else ""))
        self.plans_model.set_rows([DisplayRow((
            p.code, _unconfirmed(p), p.citation if not p.doc_number.startswith("(") else p.doc_number, _validity(p),
            format_percent(p.share_bp), format_money(p.max_principal), format_money(p.max_per_member_year),
            f"{p.max_months} tháng" if p.max_months else "", ROUNDING.get(p.rounding, p.rounding)),
            background=UNCONFIRMED_BACKGROUND if p.unconfirmed else "") for p in book.plans])
        self.programmes_model.set_rows([DisplayRow((
            p.name, _unconfirmed(p), format_rate(p.rate_bp), s.YES if p.production else s.NO, p.citation,
            _validity(p)), background=UNCONFIRMED_BACKGROUND if p.unconfirmed else "") for p in book.programmes])
        self.poverty_model.set_rows([DisplayRow((
            p.name, _unconfirmed(p), p.citation, _validity(p), format_money(p.rural_line), format_money(p.urban_line),
            format_money(p.rural_average_max), format_money(p.urban_average_max)),
            background=UNCONFIRMED_BACKGROUND if p.unconfirmed else "") for p in book.poverty_lines])

    def edit(self, section: str):
        from tayninh_desktop.ui.dialogs.support_reference_dialog import ReferenceDialog

        dialog = ReferenceDialog(self.context, section, self)
        dialog.open()
        return dialog

    def reset(self, section: str) -> None:
        if section not in support_reference.edited_sections(self.context.db):
            return
        if confirm(self, s.CONFIRM_RESET.format(section=self.edit_titles[section])):
            self.context.run_action(self, support_reference.set_section, section, None)
