""""SỔ MẪU" on every window of the sample register: the title of every window and dialog starts with it while a
sample register is open (one event filter on the application), and the main window carries a banner with the way
out to the real register."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tayninh_desktop.ui import strings_window as sw

BANNER_STYLE = ("QFrame#sample_banner { background: #fff1c2; border: 1px solid #e0b400; border-radius: 3px; }"
                " QLabel { color: #5a4300; font-size: 10.5pt; }")


def marked_title(title: str) -> str:
    return title if title.startswith(sw.SAMPLE_TITLE_PREFIX) else sw.SAMPLE_TITLE_PREFIX + title


class SampleTitles(QObject):
    """Installed on the application by the main window of a sample register (and removed when it closes): every
    window's title says so, the dialogs' too."""

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.WindowTitleChange) and isinstance(watched, QWidget) \
                and watched.isWindow():
            title = watched.windowTitle()
            if title and not title.startswith(sw.SAMPLE_TITLE_PREFIX):
                watched.setWindowTitle(marked_title(title))
        return False


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
