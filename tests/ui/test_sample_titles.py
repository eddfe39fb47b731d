"""The sample register's mark on every window's title (ui/sample_mark.SampleTitles): dialogs of ours and Qt's own
message boxes, titles changed after the window is shown, and nothing marked once the sample's window is gone."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.sample_mark import SampleTitles

PREFIX = sw.SAMPLE_TITLE_PREFIX


def _shown_dialog(qtbot, title: str) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle(title)
    dialog.show()
    dialog.activateWindow()
    return dialog


def test_every_window_shown_while_the_sample_is_open_is_marked_and_stays_marked(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    titles = SampleTitles(owner)
    titles.install()
    dialog = _shown_dialog(qtbot, "Thêm đảng viên")
    qtbot.waitUntil(lambda: dialog.windowTitle() == PREFIX + "Thêm đảng viên", timeout=2000)
    dialog.setWindowTitle("Sửa đảng viên")             # a title changed after the window is shown
    assert dialog.windowTitle() == PREFIX + "Sửa đảng viên"
    dialog.setWindowTitle(PREFIX + "Đã ghi")            # never marked twice
    assert dialog.windowTitle() == PREFIX + "Đã ghi"

    seen: dict[str, str] = {}

    def read_and_close() -> None:                        # Qt's own message box, opened as the pages open theirs
        box = QApplication.activeModalWidget()
        if box is None or not box.windowTitle().startswith(PREFIX):
            QTimer.singleShot(20, read_and_close)
            return
        seen["title"] = box.windowTitle()
        box.accept()

    QTimer.singleShot(20, read_and_close)
    QMessageBox.information(None, "Thông báo", "Đã ghi.")
    assert seen["title"] == PREFIX + "Thông báo"


def test_windows_shown_after_the_sample_is_closed_are_not_marked(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    titles = SampleTitles(owner)
    titles.install()
    titles.remove()                                      # the sample's main window closed
    first = _shown_dialog(qtbot, "Sổ đảng viên")
    other = _shown_dialog(qtbot, "Thêm đảng viên")       # the active window changes at least once
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=2000)
    QApplication.processEvents()
    assert first.windowTitle() == "Sổ đảng viên" and other.windowTitle() == "Thêm đảng viên"
