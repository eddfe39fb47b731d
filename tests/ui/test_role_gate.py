"""The window gated by role (ui/role_gate.py): what the services refuse a role is greyed with the reason before it is
tried — pages in the navigation, buttons on the pages — and a cell secretary's cell filters are locked to their
cell. The real window over a real demo register, opened through the login for each role."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.services import organisation
from tayninh_desktop.ui import role_gate
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.context import UiContext
from tests.services.accounts_fixtures import add_people, login

SHOTS = os.environ.get("TAYNINH_SHOTS")


@pytest.fixture(scope="module")
def gated_register(demo_db_path, tmp_path_factory):
    from tayninh_desktop.storage.db import open_database

    path = tmp_path_factory.mktemp("gate") / "so.sqlite3"
    shutil.copy(demo_db_path, path)
    db = open_database(path)
    add_people(db, {c.code: c for c in organisation.cells(db)})
    db.conn.close()
    return path


def _window(path, name, qtbot):
    from tayninh_desktop.ui.main_window import MainWindow

    session = login(path, name)
    window = MainWindow(UiContext(session.db, session.actor, str(path)))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return session, window


def _nav_reason(window, key):
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            return item.toolTip()
    raise AssertionError(key)


def _shot(window, name):
    if SHOTS:
        window.grab().save(f"{SHOTS}/{name}.png")


def test_the_reasons_follow_the_roles():
    viewer, secretary = Actor("xem", Role.VIEWER), Actor("bt", Role.CELL_SECRETARY, "c1")
    clerk, admin = Actor("vt", Role.CLERK), Actor("qt", Role.ADMIN)
    assert role_gate.page_reason(viewer, "support") == s.GATE_HOUSEHOLD
    assert role_gate.page_reason(secretary, "support") is None
    assert role_gate.page_reason(secretary, "returns") == s.GATE_COMMITTEE
    assert role_gate.page_reason(clerk, "audit") is None and role_gate.page_reason(secretary, "audit") == s.GATE_AUDIT
    assert role_gate.reason(viewer, role_gate.BUTTONS["new_member"]) == s.GATE_NOT_WRITE
    assert role_gate.reason(clerk, role_gate.BUTTONS["add_cell"]) == s.GATE_ADMIN_ONLY
    assert all(role_gate.reason(admin, needs) is None for needs in role_gate.BUTTONS.values())


def test_a_viewer_window(gated_register, qtbot):
    session, window = _window(gated_register, "xem", qtbot)
    try:
        assert _nav_reason(window, "support") == s.GATE_HOUSEHOLD
        assert _nav_reason(window, "register") == ""
        page = window.show_page("register")
        button = page.findChild(QPushButton, "new_member")
        assert not button.isEnabled() and button.toolTip() == s.GATE_NOT_WRITE
        button.setEnabled(True)   # the page enabling it again (a selection, a reload) does not undo the gate
        assert not button.isEnabled()
        banner = page.findChild(QLabel, "role_gate_viewer")
        assert banner is not None and "chỉ được xem" in banner.text()
        _shot(window, "viewer_register")
        support = window.show_page("support")
        assert "Trang này không dùng được" in support.findChild(QLabel, "role_gate_page").text()
        meetings = window.show_page("meetings")
        assert not meetings.findChild(QPushButton, "meeting_save").isEnabled()
    finally:
        session.db.conn.close()


def test_a_cell_secretary_window(gated_register, qtbot):
    session, window = _window(gated_register, "bithu1", qtbot)
    try:
        own = session.actor.cell_id
        assert _nav_reason(window, "returns") == s.GATE_COMMITTEE
        assert _nav_reason(window, "statistics") == s.GATE_COMMITTEE
        assert _nav_reason(window, "support") == ""
        page = window.show_page("dues")
        combos = [c for c in page.findChildren(QComboBox) if c.findData(own) >= 0]
        assert combos and all(not c.isEnabled() and c.currentData() == own for c in combos)
        assert combos[0].toolTip() == s.GATE_CELL_LOCKED
        _shot(window, "secretary_dues")
        register = window.show_page("register")
        assert register.findChild(QPushButton, "new_member").isEnabled()   # their cell's work stays open
        organisation_page = window.show_page("organisation")
        add = organisation_page.findChild(QPushButton, "add_cell")
        assert add is None or (not add.isEnabled() and add.toolTip() == s.GATE_ADMIN_ONLY)
        returns = window.show_page("returns")
        assert returns.findChild(QLabel, "role_gate_page") is not None
        _shot(window, "secretary_returns")
        statistics = window.show_page("statistics")
        assert statistics.findChild(QLabel, "role_gate_page") is not None
        qtbot.wait(50)
        _shot(window, "secretary_statistics")
    finally:
        session.db.conn.close()


def test_the_office_window_keeps_its_work(gated_register, qtbot):
    session, window = _window(gated_register, "vanthu", qtbot)
    try:
        assert all(_nav_reason(window, key) == "" for key in ("returns", "statistics", "support", "audit"))
        page = window.show_page("register")
        assert page.findChild(QPushButton, "new_member").isEnabled()
        assert page.findChild(QLabel, "role_gate_viewer") is None
    finally:
        session.db.conn.close()


def test_the_member_dialog_of_a_viewer_greys_what_writes(gated_register, qtbot):
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

    for name, greyed in (("xem", True), ("vanthu", False)):
        session = login(gated_register, name)
        try:
            member_id = session.db.execute("SELECT id FROM members WHERE status = 'chinh_thuc' LIMIT 1").fetchone()[0]
            dialog = MemberDialog(UiContext(session.db, session.actor, str(gated_register)), member_id)
            qtbot.addWidget(dialog)
            writers = [dialog.findChild(QPushButton, n) for n in ("save", "add_discipline", "remove_discipline",
                                                                  "add_rating", "add_task")]
            events = [b for b in dialog.findChildren(QPushButton) if b.objectName().startswith("event_")]
            assert all(writers) and events
            for button in writers + (events if greyed else []):   # some events wait on the member's state
                assert button.isEnabled() is not greyed, (name, button.objectName())
                if greyed:
                    assert button.toolTip() == s.GATE_NOT_WRITE
        finally:
            session.db.conn.close()
