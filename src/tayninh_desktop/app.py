"""Start the window: open (or create) the register, first-run screen if needed, then the main window.

Start-up is measured (bench/bench_all.py, process start → register usable): only what the first screen needs
is imported here; the first-run screen (and the demo generator behind it) loads only on a first run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from tayninh_desktop.config import default_db_path

# Set by the bundle check and bench/bench_bundle.py: print "shown <epoch seconds>" once the main window is
# on screen (events processed) and exit 0, so start-up can be measured and checked from outside the process.
STARTUP_PROBE_ENV = "TAYNINH_DESKTOP_STARTUP_PROBE"


def _import_layers_before_qt() -> None:
    """Import what the first screen needs from below the window before Qt: once PySide6 is imported it reads
    the source of every module imported after it (for its ``__feature__`` switches), ~20 ms of start-up for
    sqlite-utils and these layers."""
    import tayninh_desktop.services.changes
    import tayninh_desktop.services.organisation
    import tayninh_desktop.services.register
    import tayninh_desktop.services.session
    import tayninh_desktop.storage.db
    import tayninh_desktop.ui.strings
    import tayninh_desktop.ui.strings_accounts
    import tayninh_desktop.ui.strings_documents
    import tayninh_desktop.ui.strings_import
    import tayninh_desktop.ui.strings_party_life  # noqa: F401


def start(db_path: Path | None = None):
    """Open the register and show the main window (after the first-run screen on a new register): the window,
    or the exit code when there is none to show (the register refused, the first run cancelled)."""
    _import_layers_before_qt()
    from PySide6.QtWidgets import QApplication

    from tayninh_desktop.config import data_dir
    from tayninh_desktop.services import organisation
    from tayninh_desktop.ui import app_font, error_hook
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sổ đảng viên")
    app_font.install(app)
    error_hook.install(data_dir() / "logs")
    path = db_path or default_db_path()
    from tayninh_desktop.domain import temp_journal

    temp_journal.configure(data_dir() / "tam")
    temp_journal.sweep()   # temporaries a killed run left behind
    from tayninh_desktop.ui import session_ui

    session = session_ui.open_for_window(path)
    if isinstance(session, int):
        return session
    if not session_ui.settle(session):
        return 0
    db = session.db
    if organisation.home_unit(db) is None:
        from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

        if FirstRunDialog(db, session.actor).exec() != FirstRunDialog.DialogCode.Accepted:
            return 0
        if session.account is None and not session_ui.first_admin(session):
            return 0
    window = MainWindow(UiContext(db, session.actor, str(path)))
    session_ui.decorate(window, session)
    window.show()
    return window


def run(db_path: Path | None = None) -> int:
    window = start(db_path)  # kept referenced while the event loop runs
    if isinstance(window, int):
        return window
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window.automatic_backup(on_exit=False)   # once a day
    if os.environ.get(STARTUP_PROBE_ENV):
        app.processEvents()
        print(f"shown {time.time():.3f}", flush=True)
        return 0
    return app.exec()
