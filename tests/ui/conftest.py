from __future__ import annotations

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.ui.context import UiContext


@pytest.fixture(autouse=True)
def synchronous_tasks(monkeypatch):
    """Background work (the home page's warnings, renders) runs inline: no worker outlives its test's register."""
    from tayninh_desktop.ui.tasks import TaskRunner

    monkeypatch.setattr(TaskRunner, "synchronous", True)


@pytest.fixture
def context(home_db, qapp):
    return UiContext(home_db, Actor("van-thu"))


@pytest.fixture
def demo_context(demo_db_path, tmp_path, qapp):
    import shutil

    from tayninh_desktop.storage.db import open_database

    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_path, copy)
    db = open_database(copy)
    yield UiContext(db, Actor("van-thu"))
    db.conn.close()


@pytest.fixture
def no_questions(monkeypatch):
    """Answer Yes to confirmation boxes (Qt's modal question would block an offscreen test)."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def activate(qtbot, widget) -> None:
    """Show and activate a window so its keyboard shortcuts work (offscreen needs the event loop)."""
    from PySide6.QtWidgets import QApplication

    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


@pytest.fixture(scope="session", autouse=True)
def bundled_font(qapp):
    """The window's own font, as the application installs it (screenshots look like the real thing)."""
    from tayninh_desktop.ui import app_font

    return app_font.install(qapp)


@pytest.fixture(scope="session", autouse=True)
def qt_in_vietnamese(qapp):
    """Qt's own buttons and menus in Vietnamese, as the application installs them."""
    from tayninh_desktop.ui import qt_vietnamese

    return qt_vietnamese.install(qapp)


class BoxAnswers:
    """Answers the next modal message boxes as a person would: clicks the button with the given text.

    The box is real (``QMessageBox.exec()`` runs its own event loop); a timer inside that loop finds it and
    clicks. ``asked`` keeps the text of every box answered, to check what the person was told."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.pending: list[str] = []

    def next(self, *labels: str) -> BoxAnswers:
        from PySide6.QtCore import QTimer

        self.pending.extend(labels)
        QTimer.singleShot(0, self._click)
        return self

    def _click(self, tries: int = 0) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries < 200:
                QTimer.singleShot(10, lambda: self._click(tries + 1))
            return
        label = self.pending.pop(0)
        self.asked.append(" ".join(filter(None, (box.text(), box.informativeText()))))
        button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
        button.click()
        if self.pending:
            QTimer.singleShot(0, self._click)


@pytest.fixture
def answers(qapp):
    return BoxAnswers()
