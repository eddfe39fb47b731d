"""Fixtures shared by every layer's tests, and the guard that keeps the suite off the network.

Real SQLite files in tmp folders; no mocks of the project's own layers.
"""

from __future__ import annotations

import os
import socket
import tempfile
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's real data folder: logs and default registers of the tests go to a temp folder.
os.environ["TAYNINH_DESKTOP_DATA_DIR"] = tempfile.mkdtemp(prefix="tayninh-tests-")

NETWORK_ATTEMPTS: list[str] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_bind = socket.socket.bind


def _guarded(real):
    def method(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            NETWORK_ATTEMPTS.append(f"{real.__name__} {address!r}")
            raise OSError("tayninh_desktop tests: network access is forbidden (the app never uses a network)")
        return real(self, address, *args)

    return method


socket.socket.connect = _guarded(_real_connect)
socket.socket.connect_ex = _guarded(_real_connect_ex)
socket.socket.bind = _guarded(_real_bind)


def pytest_sessionfinish(session, exitstatus):
    if NETWORK_ATTEMPTS and exitstatus == 0:
        session.exitstatus = 1
        print("\nNetwork access attempted during the tests:\n" + "\n".join(NETWORK_ATTEMPTS))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """At the end of a test nobody is there to answer "Lưu / Không lưu / Ở lại": editors left with changes are
    closed without the question (before pytest-qt closes the test's widgets)."""
    _retire_unsaved_guards()
    return (yield)


def _retire_unsaved_guards() -> None:
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    from tayninh_desktop.ui.unsaved import UnsavedGuard

    for widget in QApplication.topLevelWidgets():
        for guard in widget.findChildren(UnsavedGuard):
            guard.retired = True


TODAY = date(2026, 11, 27)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def actor():
    from tayninh_desktop.domain.actors import Actor

    return Actor("van-thu")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "so.sqlite3"


@pytest.fixture
def fresh_db(db_path):
    from tayninh_desktop.storage.db import open_database

    db = open_database(db_path, create=True)
    yield db
    db.conn.close()


@pytest.fixture
def home_db(fresh_db, actor):
    """A register with its committee, its superior and two cells."""
    from tayninh_desktop.services import organisation

    organisation.initialise(fresh_db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", superior_code="TU", place_name="Hưng Thuận")
    organisation.create_unit(fresh_db, actor, code="CB01", name="Chi bộ ấp Cầu Xe")
    organisation.create_unit(fresh_db, actor, code="CB02", name="Chi bộ ấp Suối Dộp")
    return fresh_db


@pytest.fixture
def cells(home_db):
    from tayninh_desktop.services import organisation

    return {c.code: c for c in organisation.cells(home_db)}


def member_form(**overrides) -> dict[str, str]:
    form = {
        "full_name": "Nguyễn Thị Ánh Tuyết", "gender": "nu", "birth_date": "05/02/1960",
        "joined_on": "16/01/1994", "full_member_on": "16/01/1995", "cccd": "072160102822",
        "card_number": "12345678", "hometown": "xã Hưng Thuận, Tây Ninh",
        "current_address": "Ấp Cầu Xe, xã Hưng Thuận",
    }
    form.update(overrides)
    return form


@pytest.fixture
def make_form():
    return member_form


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory):
    """A 400-member demo register built once per session (read-only use in tests)."""
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import demo
    from tayninh_desktop.storage.db import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path, create=True)
    demo.generate(db, Actor("demo"), members=400, seed=7, today=TODAY)
    db.conn.close()
    return path


@pytest.fixture
def demo_copy(demo_db_path, tmp_path):
    """A private copy of the session's demo register, for tests that write to it."""
    import shutil

    path = tmp_path / "demo-copy.sqlite3"
    shutil.copy(demo_db_path, path)
    return path


def make_papers_ready(db, actor) -> None:
    """What numbering needs: the committee's term (its congress) and the signers of every unit."""
    from tayninh_desktop.services import documents_context, documents_numbering, organisation

    home = organisation.require_home(db)
    documents_numbering.add_congress(db, actor, date(2025, 8, 15), "Đại hội lần thứ I", today=TODAY)
    documents_context.set_signers(db, actor, home.id, "Nguyễn Văn Bí", "Trần Thị Phó")
    for cell in organisation.cells(db):
        documents_context.set_signers(db, actor, cell.id, f"Bí thư {cell.code}", "")


@pytest.fixture
def papers_ready(home_db, actor):
    make_papers_ready(home_db, actor)
    return home_db
