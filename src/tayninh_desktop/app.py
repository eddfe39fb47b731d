"""Start the window: the real register, or the first-run screen (create it, or open the sample register in its
own file); then the main window (ui/session.py).

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
    import tayninh_desktop.domain.fault_report
    import tayninh_desktop.services.changes
    import tayninh_desktop.services.organisation
    import tayninh_desktop.services.register
    import tayninh_desktop.services.register_files
    import tayninh_desktop.services.sample_register
    import tayninh_desktop.services.session
    import tayninh_desktop.services.settings_party_life
    import tayninh_desktop.services.start_checklist
    import tayninh_desktop.storage.db
    import tayninh_desktop.ui.qt_import_hook
    import tayninh_desktop.ui.strings
    import tayninh_desktop.ui.strings_accounts
    import tayninh_desktop.ui.strings_documents
    import tayninh_desktop.ui.strings_import
    import tayninh_desktop.ui.strings_party_life  # noqa: F401


def _prepare_data_folder(folder: Path) -> None:
    """Where this run notes its temporary files and finds its keys (portable mode included); remove the
    temporaries a killed run left behind."""
    from tayninh_desktop.domain import temp_journal
    from tayninh_desktop.storage import keystore

    temp_journal.configure(folder / "tam")
    temp_journal.sweep()
    keystore.configure(folder / "khoa")


def start(db_path: Path | None = None):
    """Open the register and show the main window (after the first-run screen on a new register): the window,
    or the exit code when there is none to show (a register refused: 1; the first-run screen closed: 0)."""
    _import_layers_before_qt()
    from PySide6.QtWidgets import QApplication

    from tayninh_desktop.ui import qt_import_hook

    qt_import_hook.install()   # before the window's modules: PySide would read the source of each
    from tayninh_desktop.config import data_dir, sample_db_path
    from tayninh_desktop.services.session import default_actor
    from tayninh_desktop.ui import app_font, error_hook, qt_vietnamese
    from tayninh_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sổ đảng viên")
    app_font.install(app)
    qt_vietnamese.install(app)
    error_hook.install(data_dir() / "logs")
    _prepare_data_folder(data_dir())
    session = Session(default_actor(), db_path or default_db_path(), sample_db_path())
    window = session.start()
    if window is None:
        return 1 if session.failed else 0
    window.session = session   # kept alive with the window: it opens the other register on request
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
