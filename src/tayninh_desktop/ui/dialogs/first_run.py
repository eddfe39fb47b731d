"""The first-run screen: create the real committee in the real register's file, or open the sample register —
always its own file, never the real register's path. On success ``db`` and ``path`` are the register chosen.

``create_only`` (leaving the sample register for a real one that does not exist yet) shows only the form.

The committee is picked from the province's communes and wards (services/province_units: typing "tan" finds
"Tân…" without diacritics); the pick fills the name, code, place and superior, which stay editable, so a name
not in the list is still typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.province_units import CommuneUnit
from tayninh_desktop.services import organisation, province_units, register_files, sample_register
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

DEMO_MEMBERS = 1200


class FirstRunDialog(QDialog):
    def __init__(self, actor: Actor, real_path: Path, sample_path: Path, parent=None, *,
                 create_only: bool = False) -> None:
        super().__init__(parent)
        self.actor = actor
        self.real_path = Path(real_path)
        self.sample_path = Path(sample_path)
        self.db = None   # the register chosen, once accepted
        self.path: Path | None = None
        self.setWindowTitle(sw.FIRST_RUN_REAL_TITLE if create_only else sw.FIRST_RUN_TITLE)
        self.setMinimumWidth(760)
        intro = QLabel(sw.FIRST_RUN_REAL_INTRO if create_only else sw.FIRST_RUN_INTRO, wordWrap=True)
        self.units = province_units.shipped()
        self.picked: CommuneUnit | None = None
        self.search = QLineEdit(objectName="commune_search", placeholderText=sw.FIRST_RUN_PICK_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.choices = QListWidget(objectName="commune_choices")
        self.choices.setFixedHeight(130)
        self.choice_count = QLabel(objectName="commune_count")
        self.choice_count.setStyleSheet("color: #666; font-size: 9pt;")
        source = QLabel(sw.FIRST_RUN_PICK_SOURCE.format(
            count=len(self.units.units), province=self.units.province,
            valid_from=self.units.valid_from.strftime("%d/%m/%Y"), citation=self.units.short_citation,
            unconfirmed=sw.FIRST_RUN_PICK_UNCONFIRMED.format(note=self.units.note) if self.units.unconfirmed else ""),
            objectName="commune_source", wordWrap=True)
        source.setStyleSheet("color: #666; font-size: 9pt;")
        self.unit_name = QLineEdit(objectName="unit_name")
        self.unit_code = QLineEdit(objectName="unit_code")
        self.superior = QLineEdit(objectName="superior_name", text="Tỉnh ủy Tây Ninh")
        self.place = QLineEdit(objectName="place_name")
        form = QFormLayout()
        form.addRow(sw.FIRST_RUN_PICK, self.search)
        form.addRow("", self.choices)
        form.addRow("", self.choice_count)
        form.addRow(source)            # the list's source across the dialog
        form.addRow(strings.FIRST_RUN_UNIT_NAME, self.unit_name)
        form.addRow(strings.FIRST_RUN_UNIT_CODE, self.unit_code)
        form.addRow(strings.FIRST_RUN_SUPERIOR, self.superior)
        form.addRow(strings.FIRST_RUN_PLACE, self.place)
        self.error = QLabel(objectName="first_run_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        files = QLabel(sw.FIRST_RUN_FILES.format(real=self.real_path, sample=self.sample_path), wordWrap=True)
        files.setStyleSheet("color: #666; font-size: 9pt;")
        files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(strings.FIRST_RUN_CREATE, objectName="create")
        self.create_button.setDefault(True)
        demo_label = sw.FIRST_RUN_DEMO_AGAIN if register_files.has_committee(self.sample_path) \
            else strings.FIRST_RUN_DEMO
        self.demo_button = QPushButton(demo_label, objectName="demo")
        self.demo_button.setVisible(not create_only)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(files)
        self.create_button.clicked.connect(self.create)
        self.demo_button.clicked.connect(self.open_demo)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_first)
        self.choices.currentItemChanged.connect(lambda item, _old: self._pick(item))
        self._filter("")
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        """Show the units whose name or code holds ``text`` (folded: no diacritics needed)."""
        found = self.units.search(text)
        self.choices.blockSignals(True)
        self.choices.clear()
        for unit in found:
            item = QListWidgetItem(unit.label)
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            self.choices.addItem(item)
        self.choices.blockSignals(False)
        if found:
            self.choice_count.setText(sw.FIRST_RUN_PICK_COUNT.format(shown=len(found), total=len(self.units.units)))
        else:
            self.choice_count.setText(sw.FIRST_RUN_PICK_NONE.format(text=text.strip()))

    def _pick_first(self) -> None:
        if self.choices.count():
            self.choices.setCurrentRow(0)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        unit = next(u for u in self.units.units if u.code == code)
        self.pick(unit)

    def pick(self, unit: CommuneUnit) -> None:
        """Fill the committee's fields from ``unit`` (the clerk may still change them)."""
        self.picked = unit
        self.unit_name.setText(unit.committee_name)
        self.unit_code.setText(unit.code)
        self.place.setText(unit.place_name)
        self.superior.setText(self.units.superior_name)
        self.error.clear()

    def _open(self, path: Path):
        try:
            return register_files.open_register(path)
        except DomainError as error:
            self.error.setText(error.message)
            return None

    def create(self) -> bool:
        """Create the committee in the real register's file (nothing is written when a field is refused), and
        its keys for sending returns; the first administrator follows (ui/session.py)."""
        db = self._open(self.real_path)
        if db is None:
            return False
        try:
            if organisation.home_unit(db) is None:
                organisation.initialise(db, self.actor, unit_code=self.unit_code.text(),
                                        unit_name=self.unit_name.text(), superior_name=self.superior.text(),
                                        place_name=self.place.text())
            from tayninh_desktop.services import returns_keys  # only now: no crypto library at start-up

            returns_keys.ensure_own_keys(db, self.actor)        # the keys of returns, as `init` makes them
        except DomainError as error:
            register_files.close_register(db)
            self.error.setText(error.message)
            return False
        return self._chosen(db, self.real_path)

    def open_demo(self) -> bool:
        """Open the sample register, making it the first time (a few seconds)."""
        try:
            sample_register.check_sample_target(self.sample_path, self.real_path)
        except DomainError as error:
            self.error.setText(error.message)
            return False
        db = self._open(self.sample_path)
        if db is None:
            return False
        if organisation.home_unit(db) is None:
            self.error.setStyleSheet("")
            self.error.setText(sw.SAMPLE_OPENING)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QApplication.processEvents()
            try:
                from tayninh_desktop.services import demo  # only when the sample is first made

                demo.generate(db, self.actor, members=DEMO_MEMBERS)
            except DomainError as error:
                register_files.close_register(db)
                self.error.setStyleSheet(ERROR_STYLE)
                self.error.setText(error.message)
                return False
            finally:
                QApplication.restoreOverrideCursor()
        return self._chosen(db, self.sample_path)

    def _chosen(self, db, path: Path) -> bool:
        self.db, self.path = db, path
        self.accept()
        return True

