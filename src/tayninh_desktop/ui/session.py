"""Which register the window shows, and who uses it: the office's real register or the sample one — each in its
own file, one never opened in place of the other — opened for the person logged in (ui/session_ui.py).

At start the real register opens if it holds its committee (after the login screen when it has accounts);
otherwise the first-run screen offers to create it — then its first administrator is made — or to open the sample
register. From the window (menu Tệp, the sample banner) the clerk moves between the two at any time: the open
window's typed work is saved or let go first, then the other register opens in a new window (the real one created
through the first-run form if it does not exist yet).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import register_files, scope
from tayninh_desktop.services import session as login
from tayninh_desktop.ui import session_ui, strings
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.removal import ask_named


class Session(QObject):
    def __init__(self, actor: Actor, real_path: Path, sample_path: Path) -> None:
        super().__init__()
        self.actor = actor   # who makes a new register (its administrator until accounts exist)
        self.real_path = Path(real_path)
        self.sample_path = Path(sample_path)
        self.window: MainWindow | None = None
        self.failed = False   # a register could not be opened (the person was told why)

    def start(self) -> MainWindow | None:
        """Open the real register, or ask on the first-run screen; None when the person closed a screen."""
        if register_files.has_committee(self.real_path):
            signed = self._open(self.real_path, None)
            return self.show(signed, self.real_path) if signed is not None else None
        # The first-run screen is imported on a first run only, not at every start.
        from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.actor, self.real_path, self.sample_path)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.db is None:
            return None
        return self.opened(dialog.db, dialog.path)

    def _open(self, path: Path, parent: QWidget | None) -> login.Session | None:
        """The register at ``path`` for the person at the keyboard (the login screen when it has accounts)."""
        signed = session_ui.open_for_window(path)
        if isinstance(signed, int):
            self.failed = signed != 0
            return None
        if not session_ui.settle(signed):
            register_files.close_register(signed.db)
            return None
        return signed

    def _made(self, db, path: Path) -> login.Session | None:
        """A register the first-run screen just made or opened: the real one gets its first administrator."""
        actor = login.default_actor()
        scope.attach(db, actor)
        signed = login.Session(db, actor, None)
        if Path(path) == self.real_path and not session_ui.first_admin(signed):
            register_files.close_register(db)
            return None
        return signed

    def opened(self, db, path: Path) -> MainWindow | None:
        """A window on a register the first-run screen just made or opened (None: no administrator was made)."""
        signed = self._made(db, path)
        return self.show(signed, path) if signed is not None else None

    def show(self, signed: login.Session, path: Path) -> MainWindow:
        """A main window on the register at ``path``, for the person ``signed`` in."""
        window = MainWindow(UiContext(signed.db, signed.actor, str(path)))
        session_ui.decorate(window, signed)
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
        signed, path = self._target(to_sample, old)
        if signed is None:
            return None
        self.window = None
        old.switch_register.disconnect(self.switch)
        old.close()
        register_files.close_register(old.context.db)
        old.deleteLater()
        return self.show(signed, path)

    def _target(self, to_sample: bool, parent: QWidget):
        """The register to open next: (signed session, path), or (None, None) when the person gave up."""
        if not to_sample and register_files.has_committee(self.real_path):
            return self._open(self.real_path, parent), self.real_path
        from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.actor, self.real_path, self.sample_path, parent, create_only=not to_sample)
        if to_sample:
            if dialog.open_demo():
                return self._made(dialog.db, dialog.path), dialog.path
            QMessageBox.critical(parent, strings.ERROR_TITLE, dialog.error.text())
            return None, None
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.db is None:
            return None, None
        return self._made(dialog.db, dialog.path), dialog.path
