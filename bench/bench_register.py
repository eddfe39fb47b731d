"""Benchmark of the register window (issue 2) on the demo workload.

    .venv/bin/python bench/bench_register.py [--members 100000]

Reports: cold start to the window shown on its home page (the early warnings, computed on the worker after
the window is shown), to the register usable after one click on it, and to the warnings on screen (beside a
bare PySide6 window), search-as-you-type
per keystroke (median and worst over realistic typing, beside the bare FTS query), and the first
page of the list (beside the bare SQL), plus the peak memory of the window process.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time

from common import demo_db, report, timed

QUERIES = ["nguyen thi anh", "tran van hung", "le thi hoa", "huynh tan", "vo van minh", "pham ngoc",
           "dang thi thu", "0720651", "85893975", "ho thanh"]

STARTUP_SCRIPT = r"""
import sys, time, resource
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.main_window import MainWindow
db = open_database(sys.argv[1])
window = MainWindow(UiContext(db, Actor("bench"), sys.argv[1]))
window.show()
app.processEvents()
shown = time.time()
page = window.show_page("register")
page.model.data(page.model.index(0, 1))
app.processEvents()
register = time.time()
home = window.pages["warnings"]
while not home.ready:
    app.processEvents()
    time.sleep(0.005)
print(register, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, shown, time.time(), home.model.rowCount())
"""

BARE_SCRIPT = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.show(); app.processEvents()
print(time.time(), 0)
"""


def cold_start(script: str, *args: str) -> tuple[float, ...]:
    """(ms to the register usable, peak memory in KB[, ms to the window shown, ms to the warnings on screen])."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                         check=True).stdout.split()
    at = [(float(v) - started) * 1000 for v in out[2:4]]
    return ((float(out[0]) - started) * 1000, int(out[1]), *at)


def keystrokes(query: str) -> list[str]:
    return [query[:i] for i in range(1, len(query) + 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    path = demo_db(args.members)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"workload: {path.name}")

    starts = [cold_start(STARTUP_SCRIPT, str(path)) for _ in range(3)]
    bare = [cold_start(BARE_SCRIPT)[0] for _ in range(3)]
    report("cold start to window shown (home: warnings)", [s[2] for s in starts], bare)
    report("cold start to usable register window", [s[0] for s in starts], bare)
    report("cold start to warnings on screen", [s[3] for s in starts], bare)
    print(f"{'peak memory of the window process':<46} {max(s[1] for s in starts) / 1024:8.0f} MB")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the model needs an application
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.storage.members_repo import fts_query
    from tayninh_desktop.ui.models.member_table_model import ACTIVE_FILTER, MemberTableModel

    db = open_database(path)
    model = MemberTableModel(db)
    model.statuses = ACTIVE_FILTER
    ours: list[float] = []
    for _round in range(3):  # the first round meets a cold cache: kept in the figures, not hidden
        for query in QUERIES:
            for typed in keystrokes(query):
                ours += timed(lambda t=typed: (model.set_filter(search=t), model.data(model.index(0, 1))), repeat=1)
            model.set_filter(search="")
    raw = sqlite3.connect(path)
    bare_search: list[float] = []
    for query in QUERIES:
        for typed in keystrokes(query):
            fq = fts_query(typed)
            if fq:
                bare_search += timed(lambda q=fq: raw.execute(
                    "SELECT rowid FROM members_fts WHERE members_fts MATCH ?", [q]).fetchall(), repeat=1)
    report(f"search as you type ({len(ours)} keystrokes)", ours, bare_search)

    first_page = timed(lambda: (model.refresh(), [model.data(model.index(r, 1)) for r in range(40)]))
    bare_page = timed(lambda: raw.execute(
        "SELECT rowid, full_name, birth_date, cell_id, status FROM members ORDER BY sort_key LIMIT 40").fetchall())
    report("first page of the list (40 rows, full re-query)", first_page, bare_page)


if __name__ == "__main__":
    main()
