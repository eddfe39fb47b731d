"""The program issue 11 measured, run on this host: how much slower this host runs it than the machine the issue's
figures came from, and so what the issue's absolute targets (350 ms to the register usable, 30 s for the demo)
are on this host.

The issue timed the program at 02dd456 (27 November 2026): `demo --members 100000` in 77 s (peak 1.32 GB, a
1,484 MB file) and the start to the register usable in 554 ms. ``measure`` takes that program from git (``git
archive``, into bench/out/), builds its own 100,000-member demo with it (once; about 1.5 GB) and starts its window
on that register as its ``app.run`` did, beside ours, in new processes. The shared host's speed changes from hour
to hour (3.6× slower than the issue's machine one afternoon, 1.3× another evening), so only figures taken in the
same run compare.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, build_demo
from rows_window import REGISTER_USABLE, cold_starts

REVISION = "02dd456"
ISSUE_DEMO_S = 77.0          # the issue's `demo --members 100000`
ISSUE_STARTUP_MS = 554.0     # the issue's process start → register usable
MEMBERS = 100_000
ROOT = Path(__file__).resolve().parents[1]

# 02dd456's start (its app.run: the application, its font, the error log, the register, the main window), then the
# same mark as ours (rows_window.REGISTER_USABLE).
STARTUP_SCRIPT = r"""
import os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
app.setApplicationName("Sổ đảng viên")
from tayninh_desktop.config import data_dir
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.ui import app_font, error_hook
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.main_window import MainWindow
app_font.install(app)
error_hook.install(data_dir() / "logs")
db = open_database(Path(sys.argv[1]), create=True)
window = MainWindow(UiContext(db, Actor("bench"), sys.argv[1]))
window.show()
""" + REGISTER_USABLE


def source() -> Path:
    """The issue's program (its ``src`` folder), taken from git once."""
    folder = OUT / f"yardstick-{REVISION}"
    if not (folder / "src" / "tayninh_desktop").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", REVISION, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "src")], check=True,
                       stdout=subprocess.DEVNULL)
    return folder / "src"


def _env() -> dict:
    """What the issue's program runs with beside the bench's own environment."""
    return {"PYTHONPATH": str(source()), "TAYNINH_DESKTOP_DATA_DIR": str(OUT / f"yardstick-{REVISION}" / "data")}


def register(rebuild: bool) -> tuple[Path, dict]:
    """The issue's program's own 100,000-member demo register, and the figures of its build (built when missing or
    when ``rebuild``: its time is the yardstick of this run)."""
    path = OUT / f"yardstick-{REVISION}-{MEMBERS}.sqlite3"
    figures_path = path.with_suffix(".json")
    if rebuild or not path.exists() or not figures_path.exists():
        for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            old.unlink(missing_ok=True)
        figures = build_demo(path, MEMBERS, env=dict(os.environ, **_env()))
        figures["when"] = time.strftime("%Y-%m-%d %H:%M")
        figures_path.write_text(json.dumps(figures), encoding="utf-8")
    return path, json.loads(figures_path.read_text(encoding="utf-8"))


def startup(db: Path, repeat: int) -> list[float]:
    """Wall milliseconds from process start to the register usable, the issue's program on its register."""
    return cold_starts(STARTUP_SCRIPT, repeat, str(db), env=_env())


def measure(repeat: int, rebuild: bool) -> dict:
    """The yardstick: the issue's program's demo (seconds, peak MB) and start-up (median ms) on this host, and the
    factors by which this host is slower than the issue's machine."""
    db, figures = register(rebuild)
    started = statistics.median(startup(db, repeat))
    return {"demo_s": figures["seconds"], "demo_peak_mb": figures["peak_mb"], "demo_when": figures.get("when", ""),
            "startup_ms": started, "demo_factor": figures["seconds"] / ISSUE_DEMO_S,
            "startup_factor": started / ISSUE_STARTUP_MS}
