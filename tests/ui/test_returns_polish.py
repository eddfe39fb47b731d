"""The superior's board: the removals allotted to a reporting unit are set from the board into the one store the
unit's screening reads; reminder letters print numbered (or as a draft)."""

from __future__ import annotations

import os
from datetime import date

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import returns_board
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner
from tests.services.returns_world import PERIOD, make_world

SHOTS = os.environ.get("TAYNINH_TEST_SHOTS")


@pytest.fixture
def world(demo_db_path, tmp_path, qapp):
    w = make_world(demo_db_path, tmp_path)
    yield w
    w.close()


def test_the_allotment_of_a_reporting_unit_is_set_from_the_board(world, qtbot):
    from tayninh_desktop.ui.pages.returns_board_tab import BoardTab

    context = UiContext(world.superior, Actor("van-phong"))
    returns_board.expect(world.superior, context.actor, PERIOD, deadline=date(2026, 7, 20), doc_number="125-CV/TU")
    board = BoardTab(context, TaskRunner(), date(2026, 8, 1))
    qtbot.addWidget(board)
    board.reload()
    assert board.ask_allotment() is None and "Chọn một đơn vị" in board.message.text()
    board.table.selectRow(0)
    dialog = board.ask_allotment()
    assert dialog.inputs["year"].text() == "2026" and "Đảng ủy xã Hưng Thuận" in dialog.windowTitle()
    dialog.inputs["allotted"].setText("2")
    dialog.inputs["allotment_doc"].setText("125-CV/TU")
    assert dialog.try_submit()
    assert returns_board.allotments(world.superior, 2026) == {"HT": (2, "125-CV/TU")}
    if SHOTS:
        board.resize(1366, 768)
        board.grab().save(f"{SHOTS}/board.png")
