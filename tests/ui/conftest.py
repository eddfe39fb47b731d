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
