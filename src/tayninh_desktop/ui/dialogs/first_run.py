"""The first-run screen: create the committee, or open the demo register."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import demo, organisation
from tayninh_desktop.ui import strings
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

DEMO_MEMBERS = 1200


class FirstRunDialog(QDialog):
    def __init__(self, db, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.setWindowTitle(strings.FIRST_RUN_TITLE)
        self.setMinimumWidth(620)
        intro = QLabel(strings.FIRST_RUN_INTRO, wordWrap=True)
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
        self.create_button = QPushButton(strings.FIRST_RUN_CREATE, objectName="create")
        self.demo_button = QPushButton(strings.FIRST_RUN_DEMO, objectName="demo")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.create_button.clicked.connect(self.create)
        self.demo_button.clicked.connect(self.open_demo)

    def create(self) -> bool:
        try:
            organisation.initialise(self.db, self.actor, unit_code=self.unit_code.text(),
                                    unit_name=self.unit_name.text(), superior_name=self.superior.text(),
                                    place_name=self.place.text())
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.accept()
        return True

    def open_demo(self) -> bool:
        try:
            demo.generate(self.db, self.actor, members=DEMO_MEMBERS)
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.accept()
        return True
