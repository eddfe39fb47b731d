"""Start the window: open (or create) the register, first-run screen if needed, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from tayninh_desktop.config import current_user_name, default_db_path


def run(db_path: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tayninh_desktop.config import data_dir
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import organisation
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui import error_hook, strings
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog
    from tayninh_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sổ đảng viên")
    from tayninh_desktop.ui import app_font

    app_font.install(app)
    error_hook.install(data_dir() / "logs")
    path = db_path or default_db_path()
    actor = Actor(current_user_name())
    from tayninh_desktop.domain import temp_journal

    temp_journal.configure(data_dir() / "tam")
    temp_journal.sweep()   # temporaries a killed run left behind
    try:
        db = open_database(path, create=True, user=actor.name)
    except DomainError as error:
        QMessageBox.critical(None, strings.ERROR_TITLE, error.message)
        return 1
    if organisation.home_unit(db) is None and FirstRunDialog(db, actor).exec() != FirstRunDialog.DialogCode.Accepted:
        return 0
    window = MainWindow(UiContext(db, actor, str(path)))
    window.show()
    window.automatic_backup(on_exit=False)   # once a day
    return app.exec()
