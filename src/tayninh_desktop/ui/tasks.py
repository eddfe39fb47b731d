"""One worker for long work (renders, imports), results back on the main thread by signal.

Like Anki's taskman: a single background thread so two long tasks never touch the database at
once; ``synchronous = True`` (tests) runs tasks inline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - delivered to the caller's on_error, never lost
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


class TaskRunner(QObject):
    synchronous = False

    def __init__(self) -> None:
        super().__init__()
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None]) -> None:
        if self.synchronous:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 - same contract as the threaded path
                on_error(exc)
                return
            on_done(result)
            return
        signals = _Signals()
        self._live.add(signals)
        signals.done.connect(lambda result: (self._live.discard(signals), on_done(result)))
        signals.failed.connect(lambda exc: (self._live.discard(signals), on_error(exc)))
        self.pool.start(_Task(work, signals))
