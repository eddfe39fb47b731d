"""PySide6 6.12.0 (on Python 3.11) drops a reference to None each time a Python override returns
None to C++ and each time a call's None default crosses into C++ (QComboBox.addItem, a model's
data() for an unused role…): after some scrolling the interpreter aborts with "none_dealloc".
That is why pyproject pins PySide6-Essentials 6.11.3. This test fails on a binding with the fault."""

import subprocess
import sys

SCRIPT = r"""
import sys
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication([])

class Model(QAbstractTableModel):
    def rowCount(self, parent=None): return 3
    def columnCount(self, parent=None): return 3
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None

model = Model()
combo = QComboBox()
before = sys.getrefcount(None)
for i in range(50_000):
    model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    combo.addItem(str(i))
print(sys.getrefcount(None) - before > -1000)
"""


def test_binding_keeps_references_to_none():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "True"
