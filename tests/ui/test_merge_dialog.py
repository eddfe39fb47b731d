"""Merging a commune's register from the organisation page: the merge planned from the other register, the possible
duplicates side by side, each decided (an identifier match cannot be "two people"), the merge applied only when all
are decided; refusals shown in the dialog, nothing changed."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import demo
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.ui.context import UiContext

SHOTS = os.environ.get("TAYNINH_TEST_SHOTS")
TODAY = date(2026, 11, 27)


@pytest.fixture
def merge(demo_db_path, tmp_path, qapp, qtbot):
    from tayninh_desktop.ui.pages.organisation_page import OrganisationPage

    home_path = tmp_path / "xa-moi.sqlite3"
    shutil.copy(demo_db_path, home_path)
    home = open_database(home_path)
    other = open_database(tmp_path / "xa-cu.sqlite3", create=True)
    demo.generate(other, Actor("x"), members=30, seed=11, today=TODAY)
    ours = home.execute("SELECT cccd, full_name, birth_date FROM members WHERE cccd <> '' ORDER BY sort_key"
                        " LIMIT 2").fetchall()
    theirs = [r[0] for r in other.execute("SELECT id FROM members ORDER BY sort_key LIMIT 2")]
    with other.atomic():
        other.execute("UPDATE units SET code = 'BT' WHERE is_home = 1")
        other.execute("UPDATE unit_versions SET name = 'Đảng ủy xã Bình Thạnh' WHERE unit_id IN"
                      " (SELECT id FROM units WHERE is_home = 1)")
        other.execute("UPDATE members SET card_number = '', cccd = CASE WHEN cccd = '' THEN '' ELSE '99' ||"
                      " substr(cccd, 3) END")
        other.execute("UPDATE members SET cccd = ? WHERE id = ?", [ours[0][0], theirs[0]])
        other.execute("UPDATE members SET full_name = ?, birth_date = ?, cccd = '', card_number = '' WHERE id = ?",
                      [ours[1][1], ours[1][2], theirs[1]])
    other.conn.close()
    page = OrganisationPage(UiContext(home, Actor("van-thu")))
    qtbot.addWidget(page)
    dialog = page.open_merge()
    yield dialog, home, tmp_path / "xa-cu.sqlite3", ours
    dialog.close()
    home.conn.close()


def test_plan_decide_each_pair_then_merge(merge):
    from tayninh_desktop.services import unit_merge

    dialog, home, source, ours = merge
    assert not dialog.apply_button.isEnabled() and dialog.source.currentText() == "— chưa có đợt nào"
    dialog.on_date.setText("31/02/2025")
    assert dialog.plan(register_file=source) is None and "không phải ngày" in dialog.message.text()
    dialog.on_date.setText("01/07/2025")
    plan = dialog.plan(register_file=source)
    assert plan is not None and "Đảng ủy xã Bình Thạnh" in dialog.source.currentText()
    assert "30 đảng viên trong sổ sáp nhập" in dialog.counts.text()
    rows = dialog.model.rows
    cccd = next(i for i, p in enumerate(dialog.pairs) if p.matched_by == "cccd")
    assert rows[cccd].cells[0] == "Số CCCD" and f"CCCD {ours[0][0]}" in rows[cccd].cells[1]
    assert f"CCCD {ours[0][0]}" in rows[cccd].cells[2] and "(sổ này)" in rows[cccd].cells[2]
    dialog.table.selectRow(cccd)
    assert not dialog.different.isEnabled() and "là một người" in dialog.message.text()
    if SHOTS:
        dialog.resize(1366, 768)
        dialog.grab().save(f"{SHOTS}/merge-dialog.png")
    for index, pair in enumerate(list(dialog.pairs)):
        dialog.table.selectRow(index)
        assert dialog.decide("same" if pair.matched_by == "cccd" else "different")
    assert "còn 0 chưa quyết định" in dialog.counts.text() and dialog.apply_button.isEnabled()
    before = home.execute("SELECT count(*) FROM members").fetchone()[0]
    changes = dialog.apply_merge()
    same = len({p.incoming.member_id for p in dialog.pairs if p.decision == "same"})
    assert home.execute("SELECT count(*) FROM members").fetchone()[0] == before + 30 - same
    assert changes.organisation and "Đã hợp nhất" in dialog.message.text()
    assert "đã hợp nhất" in dialog.source.currentText() and not dialog.apply_button.isEnabled()
    assert unit_merge.sources(home)[0].state == "applied"


def test_the_open_register_itself_is_refused_in_the_dialog(merge):
    dialog, home, _source, _ours = merge
    assert dialog.plan(register_file=home.path_text) is None
    assert "sổ đang mở" in dialog.message.text() and dialog.source.currentText() == "— chưa có đợt nào"
