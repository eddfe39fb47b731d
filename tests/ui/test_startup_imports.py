"""The first screen loads only what it shows: start-up is measured (bench/bench_all.py, ≤ 350 ms to the register
usable on 100,000 members), and the libraries of printing, spreadsheets, encryption and the PDF preview,
the warnings' computation and the first-run screen each cost tens of milliseconds to import; the home page's
charts (matplotlib and numpy, some 600 ms) load on the worker after the window is shown, and the Word writer
(python-docx, lxml) when a paper is saved as .docx."""

import os
import subprocess
import sys

SCRIPT = r"""
import os, sys
from pathlib import Path
from tayninh_desktop.app import start
window = start(Path(sys.argv[1]))
from PySide6.QtWidgets import QApplication
app = QApplication.instance()
app.processEvents()
page = window.show_page("register")
page.model.data(page.model.index(0, 1))
app.processEvents()
print(type(window).__name__, page.model.rowCount())
print(" ".join(sorted(sys.modules)))
sys.stdout.flush()
os._exit(0)
"""

DEFERRED_LIBRARIES = ("reportlab", "openpyxl", "xlrd", "cryptography", "pypdfium2", "PIL", "matplotlib", "numpy",
                      "docx", "lxml")
DEFERRED_MODULES = ("tayninh_desktop.domain.warnings", "tayninh_desktop.services.warnings",
                    "tayninh_desktop.services.demo", "tayninh_desktop.ui.dialogs.first_run",
                    "tayninh_desktop.ui.pages.documents_page", "tayninh_desktop.ui.pages.lists_page",
                    "tayninh_desktop.ui.pages.meetings_page", "tayninh_desktop.documents.engine",
                    "tayninh_desktop.services.dashboard", "tayninh_desktop.documents.chart_image",
                    "tayninh_desktop.domain.charts", "tayninh_desktop.services.documents_word",
                    # the rules of events, the cases, the support screening and the papers' context: loaded by the
                    # first event recorded, the worker's support count, the first paper (not by the first screen)
                    "tayninh_desktop.services.event_rules", "tayninh_desktop.storage.cases_repo",
                    "tayninh_desktop.domain.away", "tayninh_desktop.services.support_screening",
                    "tayninh_desktop.services.documents_context", "tayninh_desktop.domain.documents")


def test_first_screen_defers_what_it_does_not_show(home_db, db_path, tmp_path):
    home_db.conn.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TAYNINH_DESKTOP_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(db_path)], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    shown, modules = result.stdout.splitlines()[:2]
    assert shown == "MainWindow 0"
    loaded = set(modules.split())
    assert "tayninh_desktop.ui.pages.register_page" in loaded and "PySide6.QtWidgets" in loaded
    assert not [m for m in loaded if m.split(".")[0] in DEFERRED_LIBRARIES]
    assert not [m for m in DEFERRED_MODULES if m in loaded]


HOOK_SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
from tayninh_desktop.ui import qt_import_hook
feature = sys.modules["shibokensupport.feature"]
read = []
original = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or original(module)
print(qt_import_hook.install(), qt_import_hook.install())
import tayninh_desktop.ui.main_window  # noqa: E402  the window's modules, the layers below, the stdlib they use
noted = feature.pyside_feature_dict
print(noted["tayninh_desktop.ui.context"], noted["tayninh_desktop.services.changes"], noted["datetime"])
print(" ".join(read))
"""


def test_pyside_does_not_read_our_modules_or_the_standard_library():
    """PySide's import hook reads the source of every module imported after it (to find out whether it switches
    Qt features, which the program never does): ours and the standard library's are answered without reading."""
    result = subprocess.run([sys.executable, "-c", HOOK_SCRIPT], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), check=False)
    assert result.returncode == 0, result.stderr
    installed, noted, read = (result.stdout.splitlines() + [""])[:3]
    assert installed == "True True"
    assert noted == "0 -1 -1"   # what PySide itself notes: a user of PySide without features; not a user
    assert not [name for name in read.split() if name.split(".")[0] in ("tayninh_desktop", "datetime", "json")]
