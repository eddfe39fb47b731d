"""The window's last line of defence: a fault while handling a named member shows a Vietnamese message
and leaves a log with no name and no CCCD in it."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

NAME = "Nguyễn Thị Ánh Tuyết"
CCCD = "072160102822"


@pytest.fixture
def hook(tmp_path, monkeypatch, qapp):
    """The installed hook, with Qt's modal box recorded instead of blocking the offscreen test."""
    from tayninh_desktop.ui import error_hook

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # restored after the test
    error_hook.install(tmp_path / "logs")
    return shown


def test_a_fault_on_a_named_member_leaves_no_personal_data_in_the_log(hook, home_db, actor, cells, make_form,
                                                                       db_path, tmp_path):
    from tayninh_desktop.services import register
    from tayninh_desktop.storage.db import open_database

    member_id, _ = register.add_member(home_db, actor, make_form(full_name=NAME, cccd=CCCD), cells["CB01"].id)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE members SET gender = full_name || ' ' || cccd WHERE id = ?", [member_id])
    conn.commit()
    conn.close()
    db = open_database(db_path)
    try:
        register.get_member(db, member_id)
    except ValueError:
        sys.excepthook(*sys.exc_info())
    finally:
        db.conn.close()
    assert len(hook) == 1 and "loi.log" in hook[0]
    log = (tmp_path / "logs" / "loi.log").read_text(encoding="utf-8")
    assert "ValueError" in log and "tayninh_desktop/storage/members_repo.py" in log
    for secret in (NAME, CCCD, member_id):
        assert secret not in log and secret not in hook[0], secret


def test_a_fault_on_the_worker_is_told_on_the_window_thread(hook, qtbot, qapp, monkeypatch):
    """A message box opened on the worker hung the program when a task failed as the window closed: the worker's
    fault is logged there and told on the window's thread."""
    import threading

    from PySide6.QtCore import QThread

    threads: list[object] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: (
        threads.append(QThread.currentThread()), hook.append(text)))

    def fail() -> None:
        try:
            raise RuntimeError("giữa chừng")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    assert hook == []   # nothing shown from the worker itself
    qtbot.waitUntil(lambda: len(hook) == 1, timeout=2000)
    assert threads == [qapp.thread()] and "loi.log" in hook[0]
