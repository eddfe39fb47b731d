"""Start the window: the real register, or the first-run screen (create it, or open the sample register in its
own file); then the main window (ui/session.py)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from tayninh_desktop.config import current_user_name, default_db_path

# Set by the bundle check and bench/bench_bundle.py: print "shown <epoch seconds>" once the main window is
# on screen (events processed) and exit 0, so start-up can be measured and checked from outside the process.
STARTUP_PROBE_ENV = "TAYNINH_DESKTOP_STARTUP_PROBE"


def run(db_path: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from tayninh_desktop.config import data_dir, sample_db_path
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.ui import error_hook, qt_vietnamese
    from tayninh_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sổ đảng viên")
    from tayninh_desktop.ui import app_font

    app_font.install(app)
    qt_vietnamese.install(app)
    error_hook.install(data_dir() / "logs")
    session = Session(Actor(current_user_name()), db_path or default_db_path(), sample_db_path())
    window = session.start()
    if window is None:
        return 1 if session.failed else 0
    if os.environ.get(STARTUP_PROBE_ENV):
        app.processEvents()
        print(f"shown {time.time():.3f}", flush=True)
        return 0
    return app.exec()
