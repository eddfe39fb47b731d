"""Which register the window shows: the office's real register, or the sample one — each in its own file, one
never opened in place of the other.

At start the real register opens if it holds its committee; otherwise the first-run screen offers to create it or
to open the sample register. From the window (menu Tệp, the sample banner) the clerk moves between the two at any
time: the open window's typed work is saved or let go first, then the other register opens in a new window (the
real one created through the first-run form if it does not exist yet).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import register_files
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.removal import ask_named


class Session(QObject):
    def __init__(self, actor: Actor, real_path: Path, sample_path: Path) -> None:
        super().__init__()
        self.actor = actor
        self.real_path = Path(real_path)
        self.sample_path = Path(sample_path)
        self.window: MainWindow | None = None
        self.failed = False   # a register could not be opened (the person was told why)

    def start(self) -> MainWindow | None:
        """Open the real register, or ask on the first-run screen; None when the person closed that screen."""
        if register_files.has_committee(self.real_path):
            db = self._open(self.real_path, None)
            return self.show(db, self.real_path) if db is not None else None
        # The first-run screen is imported on a first run only, not at every start.
        from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.actor, self.real_path, self.sample_path)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.db is None:
            return None
        return self.show(dialog.db, dialog.path)

    def _open(self, path: Path, parent: QWidget | None):
        try:
            return register_files.open_register(path)
        except DomainError as error:
            self.failed = True
            QMessageBox.critical(parent, strings.ERROR_TITLE, error.message)
            return None

    def show(self, db, path: Path) -> MainWindow:
        """A main window on ``db`` (the register at ``path``)."""
        window = MainWindow(UiContext(db, self.actor, str(path)))
        window.switch_register.connect(self.switch)
        window.show()
        self.window = window
        return window

    def switch(self, to_sample: bool) -> MainWindow | None:
        """Leave the open register for the sample one (``to_sample``) or the real one; None when it stays."""
        old = self.window
        if old is None:
            return None
        if to_sample and not ask_named(old, sw.MENU_OPEN_SAMPLE.rstrip("…"), sw.OPEN_SAMPLE_CONFIRM, "",
                                       sw.MENU_OPEN_SAMPLE.rstrip("…"), sw.UNSAVED_STAY):
            return None
        if not old.may_close():
            return None
        db, path = self._target(to_sample, old)
        if db is None:
            return None
        self.window = None
        old.switch_register.disconnect(self.switch)
        old.close()
        register_files.close_register(old.context.db)
        old.deleteLater()
        return self.show(db, path)

    def _target(self, to_sample: bool, parent: QWidget):
        """The register to open next: (db, path), or (None, None) when the person gave up."""
        if not to_sample and register_files.has_committee(self.real_path):
            return self._open(self.real_path, parent), self.real_path
        from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.actor, self.real_path, self.sample_path, parent, create_only=not to_sample)
        if to_sample:
            if dialog.open_demo():
                return dialog.db, dialog.path
            QMessageBox.critical(parent, strings.ERROR_TITLE, dialog.error.text())
            return None, None
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.db is None:
            return None, None
        return dialog.db, dialog.path
