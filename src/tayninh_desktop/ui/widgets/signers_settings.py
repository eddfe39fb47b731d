"""The Settings page's "Người ký và số liệu" section: who signs for each unit, the 2015–2020 figures of the
Đề án 03 report, since when the register holds data (years before it print "—"), and the congress terms.

The one place for them: the "Văn bản" page only links here (``SettingsLink`` below)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents_report import BASELINE_YEARS
from tayninh_desktop.services import documents_context, organisation, reports_de_an_03
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.papers_settings import TermsBox, rules_note


def unit_choices(db) -> list[tuple[str, str]]:
    """The committee first, then its cells in their official order (as on every page)."""
    home = organisation.home_unit(db)
    units = [(f"{cell.name} ({cell.code})", cell.id) for cell in organisation.cells(db)]
    if home:
        units.insert(0, (s.COMMITTEE_ITEM.format(name=home.name), home.id))
    return units


class SettingsLink(QWidget):
    """Where the "Văn bản" page's former settings tab was: a sentence and a button to the Settings page."""

    def __init__(self, open_settings) -> None:
        super().__init__()
        text = QLabel(s.SETTINGS_MOVED, objectName="settings_moved", wordWrap=True)
        button = QPushButton(s.SETTINGS_MOVED_OPEN, objectName="open_settings")
        button.clicked.connect(lambda: open_settings())
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(_left(button))
        layout.addStretch(1)


def _left(button: QPushButton) -> QHBoxLayout:
    """A button at its natural width on the left (a full-width button reads as a heading)."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class SignersSection(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.status = QLabel(objectName="signers_status", wordWrap=True)
        self.status.setStyleSheet("color: #1B5E20")
        self.report = self.status.setText
        self.signer_unit = QComboBox(objectName="signer_unit")
        self.secretary = QLineEdit(objectName="secretary")
        self.deputy = QLineEdit(objectName="deputy")
        save = QPushButton(s.SIGNERS_SAVE, objectName="save_signers")
        save.clicked.connect(lambda: self.save_signers())
        form = QFormLayout()
        form.addRow(s.LABEL_UNIT, self.signer_unit)
        form.addRow(s.SIGNERS_SECRETARY, self.secretary)
        form.addRow(s.SIGNERS_DEPUTY, self.deputy)
        self.baseline: dict[int, QSpinBox] = {}
        row = QHBoxLayout()
        for year in BASELINE_YEARS:
            box = QSpinBox(objectName=f"baseline_{year}", minimum=-1, maximum=100000, specialValueText=s.BASELINE_EMPTY)
            self.baseline[year] = box
            row.addWidget(QLabel(str(year)))
            row.addWidget(box)
        row.addStretch(1)
        save_baseline = QPushButton(s.BASELINE_SAVE, objectName="save_baseline")
        save_baseline.clicked.connect(lambda: self.save_baseline())
        self.signer_unit.currentIndexChanged.connect(self.load)
        left = QVBoxLayout()
        left.addWidget(QLabel(f"<b>{s.SIGNERS_HEADING}</b>"))
        left.addLayout(form)
        left.addLayout(_left(save))
        left.addSpacing(16)
        self.terms = TermsBox(context, self.report)
        left.addWidget(self.terms)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(f"<b>{s.BASELINE_HEADING}</b>", wordWrap=True))
        right.addLayout(row)
        right.addLayout(_left(save_baseline))
        right.addSpacing(16)
        right.addLayout(self._data_since_box())
        right.addSpacing(16)
        right.addWidget(rules_note(date.today()))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)
        layout.addWidget(self.status)
        self.load_data_since()
        self.fill_units(unit_choices(context.db))

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.fill_units(unit_choices(self.context.db))
        elif changes.settings:
            self.load()
            self.load_data_since()

    def _data_since_box(self) -> QVBoxLayout:
        self.since_auto = QCheckBox(s.SINCE_AUTO, objectName="since_auto")
        self.since = QDateEdit(objectName="since", calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.since_note = QLabel(objectName="since_note", wordWrap=True)
        save = QPushButton(s.SINCE_SAVE, objectName="save_since")
        save.clicked.connect(lambda: self.save_data_since())
        self.since_auto.toggled.connect(lambda auto: self.since.setEnabled(not auto))
        line = QHBoxLayout()
        line.addWidget(self.since_auto)
        line.addWidget(self.since)
        line.addWidget(save)
        line.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(QLabel(f"<b>{s.SINCE_HEADING}</b>", wordWrap=True))
        box.addLayout(line)
        box.addWidget(self.since_note)
        return box

    def fill_units(self, units: list[tuple[str, str]]) -> None:
        current = self.signer_unit.currentData()
        self.signer_unit.blockSignals(True)
        self.signer_unit.clear()
        for label, unit_id in units:
            self.signer_unit.addItem(label, unit_id)
        self.signer_unit.setCurrentIndex(max(self.signer_unit.findData(current), 0))
        self.signer_unit.blockSignals(False)
        self.load()

    def load(self) -> None:
        unit_id = self.signer_unit.currentData()
        if not unit_id:
            return
        secretary, deputy = documents_context.signers(self.context.db, unit_id)
        self.secretary.setText(secretary)
        self.deputy.setText(deputy)
        figures = reports_de_an_03.baseline(self.context.db, unit_id)
        for year, box in self.baseline.items():
            box.setValue(figures.get(year, -1))

    def load_data_since(self) -> None:
        since, explicit = reports_de_an_03.data_since(self.context.db)
        self.since_auto.setChecked(not explicit)
        self.since.setEnabled(explicit)
        self.since.setDate(QDate(since.year, since.month, since.day) if since else QDate.currentDate())
        if since is None:
            self.since_note.setText(s.SINCE_UNKNOWN)
        else:
            self.since_note.setText((s.SINCE_SET if explicit else s.SINCE_DERIVED).format(date=format_vn_date(since)))

    def save_signers(self) -> None:
        unit_id = self.signer_unit.currentData()
        if unit_id and self.context.run_action(self, documents_context.set_signers, unit_id, self.secretary.text(),
                                               self.deputy.text()):
            self.report(s.SIGNERS_SAVED.format(unit=self.signer_unit.currentText()))

    def save_baseline(self) -> None:
        unit_id = self.signer_unit.currentData()
        figures = {year: (box.value() if box.value() >= 0 else None) for year, box in self.baseline.items()}
        if unit_id and self.context.run_action(self, reports_de_an_03.set_baseline, unit_id, figures):
            self.report(s.BASELINE_SAVED.format(unit=self.signer_unit.currentText()))

    def save_data_since(self) -> None:
        value = self.since.date()
        since = None if self.since_auto.isChecked() else date(value.year(), value.month(), value.day())
        if self.context.run_action(self, reports_de_an_03.set_data_since, since):
            self.load_data_since()
            self.report(s.SINCE_SAVED)
