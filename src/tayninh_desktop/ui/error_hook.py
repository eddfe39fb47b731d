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

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox

from tayninh_desktop.domain import fault_report
from tayninh_desktop.ui import strings


class _Relay(QObject):
    """Lives on the window's thread: a fault raised on the worker is told there (a message box on another thread
    would hang or crash the program, as it did when a task failed while the window closed)."""

    fault = Signal(str)


def install(log_dir: Path) -> None:
    relay = _Relay()
    relay.fault.connect(lambda text: QMessageBox.critical(None, strings.ERROR_TITLE, text))

    def hook(exc_type, exc, tb) -> None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            with (log_dir / "loi.log").open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                handle.write(fault_report.describe(exc.with_traceback(tb)))
        except OSError:
            pass
        text = strings.UNEXPECTED_ERROR.format(log=log_dir / "loi.log")
        app = QCoreApplication.instance()
        if app is None:
            return   # the window is gone (the program is closing): the log keeps it
        if QThread.currentThread() is app.thread():
            QMessageBox.critical(None, strings.ERROR_TITLE, text)
        else:
            relay.fault.emit(text)   # queued to the window's thread

    hook.relay = relay   # kept alive with the hook
    sys.excepthook = hook
