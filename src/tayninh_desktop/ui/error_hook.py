"""The last line of defence: an unexpected error becomes a Vietnamese message, never a traceback.

Where it happened goes to a log file in the data folder (code locations only: no message, no member data,
no user folder; see domain/fault_report.py) so that
whoever helps the office can see what happened; the user reads that nothing was saved by halves,
because every action runs in one transaction.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tayninh_desktop.domain import fault_report
from tayninh_desktop.ui import strings


def install(log_dir: Path) -> None:
    def hook(exc_type, exc, tb) -> None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            with (log_dir / "loi.log").open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                handle.write(fault_report.describe(exc.with_traceback(tb)))
        except OSError:
            pass
        QMessageBox.critical(None, strings.ERROR_TITLE, strings.UNEXPECTED_ERROR.format(log=log_dir / "loi.log"))

    sys.excepthook = hook
