"""The first-run screen: create the real committee in the real register's file, or open the sample register —
always its own file, never the real register's path. On success ``db`` and ``path`` are the register chosen.

``create_only`` (leaving the sample register for a real one that does not exist yet) shows only the form.
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
    QPushButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import organisation, register_files, sample_register
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
        self.setMinimumWidth(640)
        intro = QLabel(sw.FIRST_RUN_REAL_INTRO if create_only else sw.FIRST_RUN_INTRO, wordWrap=True)
        self.unit_name = QLineEdit(objectName="unit_name")
        self.unit_code = QLineEdit(objectName="unit_code")
        self.superior = QLineEdit(objectName="superior_name", text="Tỉnh ủy Tây Ninh")
        self.place = QLineEdit(objectName="place_name")
        form = QFormLayout()
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

    def _open(self, path: Path):
        try:
            return register_files.open_register(path)
        except DomainError as error:
            self.error.setText(error.message)
            return None

    def create(self) -> bool:
        """Create the committee in the real register's file (nothing is written when a field is refused)."""
        db = self._open(self.real_path)
        if db is None:
            return False
        try:
            if organisation.home_unit(db) is None:
                organisation.initialise(db, self.actor, unit_code=self.unit_code.text(),
                                        unit_name=self.unit_name.text(), superior_name=self.superior.text(),
                                        place_name=self.place.text())
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

