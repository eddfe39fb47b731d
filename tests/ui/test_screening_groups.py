"""The signs list groups a member's several signs (grounds of two years, an early sign) into one row with every
sign's details; a case opened from the row takes the strongest sign and the evidence of all."""

from __future__ import annotations

import os
from datetime import date

import pytest

from tayninh_desktop.services import meetings
from tayninh_desktop.ui.pages.screening_page import ScreeningPage
from tests.services.screening_world import build

TODAY = date(2026, 11, 27)
SHOTS = os.environ.get("TAYNINH_TEST_SHOTS")


@pytest.fixture
def world(context, cells, make_form):
    ids = build(context.db, context.actor, cells, make_form, TODAY)
    for day in ("10/02/2025", "10/04/2025", "10/06/2025", "10/01/2026", "10/03/2026", "10/06/2026"):
        meetings.record_meeting(context.db, context.actor, cells["CB01"].id, {"meeting_date": day},
                                attendance={ids["a"]: ("vang_khong_ly_do", "")}, today=TODAY)
    return ids


def test_a_members_signs_are_one_row_with_every_sign(context, qtbot, world):
    page = ScreeningPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.refresh()
    assert page.signs_model.rowCount() == 1
    level, name, _cell, what, evidence, _basis, _case = page.signs_model.rows[0].cells
    assert name == "Nguyễn Văn An" and level.startswith("Căn cứ xóa tên") and "(2 dấu hiệu)" in level
    assert "• Căn cứ xóa tên, năm 2026" in what and "• Căn cứ xóa tên, năm 2025 (chưa xử lý)" in what
    assert "tháng 01/2026, 03/2026, 06/2026" in evidence and "(tháng 02/2025, 04/2025, 06/2025)" in evidence
    assert "1 dấu hiệu" not in page.summary.text() and "2 dấu hiệu ở 1 đảng viên" in page.summary.text()
    if SHOTS:
        page.grab().save(f"{SHOTS}/signs-grouped.png")
    page.signs_table.selectRow(0)
    dialog = page.open_case_from_sign()
    values = dialog.values()
    assert values["case_kind"] == "dua_ra" and values["removal_ground"] == "bo_sinh_hoat"
    assert "2026" in values["step_text"] and "2025" in values["step_text"]
