"""Every window and dialog fits the screen it opens on — down to a 1366×768 laptop with a taskbar.

``fit_to_screen(widget, width, height)`` sizes a window to what it would like, but never past the screen's
available area (the taskbar excluded) less the title bar. ``SMALLEST_SCREEN`` is the screen every window and
dialog must fit: their minimum size must leave room for a taskbar and a title bar (tests check each one).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

SMALLEST_SCREEN = QSize(1366, 768)
TASKBAR = 40          # Windows' taskbar at its usual size
TITLE_BAR = 32        # the window's own title bar and frame
ROOM = QSize(SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height() - TASKBAR - TITLE_BAR)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or less when its screen is smaller."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width())
        height = min(height, area.height() - TITLE_BAR)
    widget.resize(max(width, 200), max(height, 150))


def fits_smallest_screen(widget: QWidget) -> bool:
    """The widget can be shown whole on a 1366×768 screen with a taskbar (its minimum size leaves room)."""
    need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return need.width() <= ROOM.width() and need.height() <= ROOM.height()
