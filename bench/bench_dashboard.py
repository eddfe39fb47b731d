"""What the home page's charts add to start-up, beside the bare window.

    .venv/bin/python bench/bench_dashboard.py [--members 100000] [--repeat 5]

Each measure is a new process (start → mark), medians of --repeat after one run not counted, wall and CPU:
- the bare window (QMainWindow + QTableView shown);
- our window shown (the home page) and the register usable, with the charts as the program has them, and
  without them (the Dashboard class replaced by an empty widget before the window is built): the difference
  is what the charts cost the first screen;
- the charts on screen: from process start until the home page's pictures are shown (figures read and
  pictures drawn on the worker after the window is shown, matplotlib imported there);
- in one process, the figures alone (SQL on the register) and the pictures alone (matplotlib Agg).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, cpu_now, demo_db

NO_CHARTS = r"""
import tayninh_desktop.ui.widgets.dashboard as d
from PySide6.QtWidgets import QWidget
class Dashboard(QWidget):
    def __init__(self, *args, **kwargs):
        super().__init__()
d.Dashboard = Dashboard
import tayninh_desktop.ui.pages.warnings_page as w
w.Dashboard = Dashboard
"""

STARTUP = r"""
import os, sys, time
from pathlib import Path
if sys.argv[2] == "without":
    exec(NO_CHARTS)
from tayninh_desktop.app import start
window = start(Path(sys.argv[1]))
from PySide6.QtWidgets import QApplication
app = QApplication.instance()
app.processEvents()
shown = time.time()
if sys.argv[3] == "register":
    page = window.show_page("register")
    page.model.data(page.model.index(0, 1))
    app.processEvents()
elif sys.argv[3] == "charts":
    home = window.pages["warnings"]
    while not home.dashboard.ready:
        app.processEvents()
        time.sleep(0.005)
print(shown, time.time(), flush=True)
os._exit(0)
"""

BARE = r"""
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
print(time.time(), time.time(), flush=True)
os._exit(0)
"""


def _run(script: str, *args: str) -> tuple[float, float, float]:
    """(ms to the window shown, ms to the mark, CPU ms of the whole process)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               TAYNINH_DESKTOP_DATA_DIR=str(OUT / "data"))
    cpu, started = cpu_now(), time.time()
    out = subprocess.run([sys.executable, "-c", f"NO_CHARTS = {NO_CHARTS!r}\n" + script, *args], env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return (float(out[0]) - started) * 1000, (float(out[1]) - started) * 1000, (cpu_now() - cpu) * 1000


def _median(script: str, args: tuple[str, ...], repeat: int) -> tuple[float, float, float]:
    _run(script, *args)   # bytecode and page cache warm, not counted
    runs = [_run(script, *args) for _ in range(repeat)]
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))


def in_process(db: Path) -> tuple[float, float]:
    """(ms for the figures, ms for the five pictures) in this process, matplotlib imported first."""
    from tayninh_desktop.documents.chart_image import chart_png_px, picture_height
    from tayninh_desktop.services.dashboard import dashboard
    from tayninh_desktop.storage.db import open_database

    chart_png_px(dashboard(open_database(db))[1], 340, 250)   # imports and font registration, not counted
    started = time.perf_counter()
    specs = dashboard(open_database(db))
    figures = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    for spec in specs:
        chart_png_px(spec, 340, picture_height(spec, 250))
    return figures, (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    db = str(demo_db(args.members))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "src")],
                   check=False)
    rows = [("bare window shown", _median(BARE, (), args.repeat))]
    for charts in ("without", "with"):
        rows.append((f"window shown, {charts} the charts", _median(STARTUP, (db, charts, "shown"), args.repeat)))
        rows.append((f"register usable, {charts} the charts", _median(STARTUP, (db, charts, "register"),
                                                                      args.repeat)))
    rows.append(("the charts on screen (from process start)", _median(STARTUP, (db, "with", "charts"), args.repeat)))
    print(f"{args.members:,} members; medians of {args.repeat} new processes".replace(",", "."))
    print(f"{'measure':<46} {'shown ms':>9} {'mark ms':>9} {'CPU ms':>8}")
    for label, (shown, mark, cpu) in rows:
        print(f"{label:<46} {shown:>9.0f} {mark:>9.0f} {cpu:>8.0f}")
    figures, pictures = in_process(Path(db))
    print(f"in one process: the figures {figures:.0f} ms, the five pictures {pictures:.0f} ms")


if __name__ == "__main__":
    main()
