"""The window's rows of bench_all.py: start-up to the register usable, search as you type with and without
the repaint. Each function runs in a child process of bench_all.py and returns wall times in ms."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from common import CPU_TIMES, OUT, cpu_now, timed

QUERIES = ["nguyen thi anh", "tran van hung", "le thi hoa", "huynh tan", "vo van minh", "pham ngoc",
           "dang thi thu", "0720651", "85893975", "ho thanh"]
SIZE = (1366, 768)

# Process start → the register page shown with its first row read and painted, as the program starts
# (tayninh_desktop.app.start: font, error log, register, main window). The window opens on its home page
# (the early warnings, computed later on the worker); one click on the register.
# The end of every start-up script, once it has ``app`` and ``window``: the register page shown with its first
# row read and painted, then the time printed (bench/yardstick.py ends the program's start the same way).
REGISTER_USABLE = r"""
app.processEvents()
page = window.show_page("register")
page.model.data(page.model.index(0, 1))
app.processEvents()
print(time.time(), flush=True)
os._exit(0)
"""
STARTUP_SCRIPT = r"""
import os, sys, time
from pathlib import Path
from tayninh_desktop.app import start
window = start(Path(sys.argv[1]))
from PySide6.QtWidgets import QApplication
app = QApplication.instance()
""" + REGISTER_USABLE

# The bare baseline: a QMainWindow holding a QTableView, shown.
BARE_STARTUP_SCRIPT = r"""
import os, sys, time
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(0, 10))
window.setCentralWidget(table)
window.resize(1366, 768)
window.show()
app.processEvents()
print(time.time(), flush=True)
os._exit(0)
"""


def cold_start(script: str, *args: str, env: dict | None = None) -> float:
    """Wall milliseconds from a new process's start to the time ``script`` prints last (``env``: more variables,
    another version of the program on PYTHONPATH for instance)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "TAYNINH_DESKTOP_DATA_DIR": str(OUT / "data"), **(env or {})}
    cpu, started = cpu_now(), time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                         check=True).stdout.split()
    CPU_TIMES.append((cpu_now() - cpu) * 1000)  # the whole process, to its exit just after the mark
    return (float(out[-1]) - started) * 1000


def cold_starts(script: str, repeat: int, *args: str, env: dict | None = None) -> list[float]:
    """``repeat`` cold starts after one not counted (bytecode and the page cache)."""
    cold_start(script, *args, env=env)
    CPU_TIMES.clear()
    return [cold_start(script, *args, env=env) for _ in range(repeat)]


def startup_ours(db: Path, repeat: int) -> list[float]:
    return cold_starts(STARTUP_SCRIPT, repeat, str(db))


def startup_bare(db: Path, repeat: int) -> list[float]:
    return cold_starts(BARE_STARTUP_SCRIPT, repeat)


def keystrokes(rounds: int) -> list[str | None]:
    """What is typed, letter by letter; None clears the search between two names (not timed)."""
    out: list[str | None] = []
    for _ in range(rounds):
        for query in QUERIES:
            out += [query[:i] for i in range(1, len(query) + 1)]
            out.append(None)
    return out


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def search_repaint_ours(db: Path, rounds: int) -> list[float]:
    """The register page in the main window at 1366×768: set the text, run the search, repaint the page."""
    app = _app()
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.main_window import MainWindow

    window = MainWindow(UiContext(open_database(db), Actor("bench"), str(db)))
    window.resize(*SIZE)
    window.show()
    page = window.show_page("register")
    app.processEvents()
    def keystroke(typed: str) -> None:
        page.search.setText(typed)
        page.apply_search()
        page.repaint()

    times = []
    for typed in keystrokes(rounds):
        if typed is None:
            page.search.setText("")
            page.apply_search()
            continue
        times += timed(lambda t=typed: keystroke(t), repeat=1)
    return times


def search_repaint_bare(db: Path, rounds: int) -> list[float]:
    """A bare QTableView over the FTS5 matches in list order, rows read as painted, beside a line edit."""
    app = _app()
    from bare_table import BareSearchWidget

    widget = BareSearchWidget(str(db))
    widget.resize(*SIZE)
    widget.show()
    app.processEvents()
    times = []
    for typed in keystrokes(rounds):
        if typed is None:
            widget.search("")
            continue
        times += timed(lambda t=typed: (widget.search(t), widget.repaint()), repeat=1)
    return times


def search_model_ours(db: Path, rounds: int) -> list[float]:
    """The register model alone: the filter for each keystroke and the first row read."""
    _app()
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui.models.member_table_model import ACTIVE_FILTER, MemberTableModel

    model = MemberTableModel(open_database(db))
    model.set_filter(statuses=ACTIVE_FILTER)
    times = []
    for typed in keystrokes(rounds):
        if typed is None:
            model.set_filter(search="")
            continue
        times += timed(lambda t=typed: (model.set_filter(search=t), model.data(model.index(0, 1))), repeat=1)
    return times


def search_model_bare(db: Path, rounds: int) -> list[float]:
    """The FTS5 query alone (keystrokes that search; a single letter does not)."""
    import sqlite3

    from tayninh_desktop.storage.members_repo import fts_query

    raw = sqlite3.connect(db)
    times = []
    for typed in keystrokes(rounds):
        query = fts_query(typed) if typed else None
        if query:
            times += timed(lambda q=query: raw.execute(
                "SELECT rowid FROM members_fts WHERE members_fts MATCH ?", [q]).fetchall(), repeat=1)
    return times
