""""SỔ MẪU" on every window of the sample register: the title of every window and dialog starts with it while a
sample register is open (one event filter on the application), and the main window carries a banner with the way
out to the real register."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tayninh_desktop.ui import strings_window as sw

BANNER_STYLE = ("QFrame#sample_banner { background: #fff1c2; border: 1px solid #e0b400; border-radius: 3px; }"
                " QLabel { color: #5a4300; font-size: 10.5pt; }")


def marked_title(title: str) -> str:
    return title if title.startswith(sw.SAMPLE_TITLE_PREFIX) else sw.SAMPLE_TITLE_PREFIX + title


class SampleTitles(QObject):
    """Installed by the main window of a sample register (and removed when it closes): every window's title says
    so, the dialogs' too, Qt's own included. A window is marked when it becomes the active window (Qt's
    ``focusWindowChanged``, which a shown dialog sets off) and again whenever its title changes after that. Not an
    event filter on the application: one would run Python for every event of every object (≈ 2,300 before the
    register is usable), which cost about a tenth of the start-up."""

    def install(self) -> None:
        QApplication.instance().focusWindowChanged.connect(self._mark_windows)
        self._mark_windows()

    def remove(self) -> None:
        QApplication.instance().focusWindowChanged.disconnect(self._mark_windows)

    def _mark_windows(self, *_active) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not widget.property(_WATCHED):
                widget.setProperty(_WATCHED, True)
                widget.windowTitleChanged.connect(self._title_changed)
                _mark(widget)

    def _title_changed(self, _title: str) -> None:
        widget = self.sender()
        if isinstance(widget, QWidget):
            _mark(widget)


_WATCHED = "sample_title_watched"


def _mark(widget: QWidget) -> None:
    title = widget.windowTitle()
    if title and not title.startswith(sw.SAMPLE_TITLE_PREFIX):
        widget.setWindowTitle(marked_title(title))


class SampleBanner(QFrame):
    """The yellow line at the top of the main window of a sample register, with the way to the real one."""

    def __init__(self, leave: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_banner")
        self.setStyleSheet(BANNER_STYLE)
        text = QLabel(sw.SAMPLE_BANNER, wordWrap=True)
        self.leave_button = QPushButton(sw.SAMPLE_LEAVE, objectName="leave_sample")
        self.leave_button.clicked.connect(lambda: leave())
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(text, 1)
        row.addWidget(self.leave_button)
