"""The import wizard and the lists page, offscreen, with a synchronous task runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tayninh_desktop.services import register
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner
from tests.spreadsheets.builders import flat_list, person, sample

SHOTS = os.environ.get("TAYNINH_SHOTS")  # set to a folder to save a screenshot of each step


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def runner():
    task_runner = TaskRunner()
    task_runner.synchronous = True
    return task_runner


@pytest.fixture
def context(home_db, actor, qtbot):
    return UiContext(home_db, actor)


def test_wizard_walks_a_legacy_file_to_the_register(qtbot, context, runner, cells, tmp_path):
    from tayninh_desktop.ui.dialogs.import_wizard import MAPPING, PREVIEW, REPORT, RUN, ImportWizard

    wizard = ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(sample("danh-sach-tcvn3.xls")))
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB01"].id))
    shot(wizard, "1-chon-tep")
    wizard.go_next()
    assert wizard.stack.currentIndex() == MAPPING
    assert wizard.mapping_table.rowCount() == 8 and not wizard.missing_label.text()
    shot(wizard, "2-gan-cot")
    wizard.go_next()
    assert wizard.stack.currentIndex() == PREVIEW
    assert wizard.preview_table.rowCount() > 5
    assert wizard.preview_table.item(0, 0).text().startswith("TCVN3")
    shot(wizard, "3-chuyen-ma")
    wizard.go_next()
    assert wizard.stack.currentIndex() == REPORT
    assert wizard.plan.counts["refused"] == 2 and wizard.accept_valid.isVisibleTo(wizard)
    assert not wizard.next.isEnabled()
    shot(wizard, "4-chay-thu")
    wizard.save_report(str(tmp_path / "bao-cao.xlsx"))
    assert (tmp_path / "bao-cao.xlsx").exists()
    wizard.accept_valid.setChecked(True)
    assert wizard.next.isEnabled()
    with qtbot.waitSignal(context.changed):
        wizard.go_next()
    assert wizard.stack.currentIndex() == RUN and "thêm 48" in wizard.run_label.text()
    shot(wizard, "5-da-nhap")
    assert len(register.members_in_cell_on(context.db, cells["CB01"].id, wizard.plan.outcomes[0].data.joined_on)) >= 1


def test_wizard_mapping_correction_is_remembered(qtbot, context, runner, cells, tmp_path):
    from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard

    headers = ["STT", "Họ và tên", "Sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
               "Ngày chính thức", "Nơi ở hiện nay"]
    path = flat_list(tmp_path / "la.xlsx", [person(1)], headers=headers)
    wizard = ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(path))
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB01"].id))
    wizard.go_next()
    assert "Ngày sinh" in wizard.missing_label.text()
    shot(wizard, "2b-thieu-cot")
    combo = wizard._combos[2]
    combo.setCurrentIndex(combo.findData("birth_date"))
    assert not wizard.missing_label.text()
    wizard.go_next()
    assert wizard.plan.counts["added"] == 1
    again = ImportWizard(context, None, runner)
    qtbot.addWidget(again)
    again.path_edit.setText(str(path))
    again.go_next()
    assert again.source.remembered and again._combos[2].currentData() == "birth_date"


def test_wizard_cancel_leaves_the_register_unchanged(qtbot, context, runner, cells, tmp_path):
    from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    wizard.path_edit.setText(str(flat_list(tmp_path / "ds.xlsx", [person(1), person(2)])))
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB01"].id))
    wizard.go_next()
    wizard.go_next()
    wizard._cancel.set()
    original = wizard._cancel.clear
    wizard._cancel.clear = lambda: None  # the user pressed Hủy before the worker started
    wizard.go_next()
    wizard._cancel.clear = original
    assert "hủy" in wizard.run_label.text().lower()
    assert register.member_count(context.db) == 0


def test_wizard_bad_file_shows_the_message(qtbot, context, runner, tmp_path, monkeypatch):
    from tayninh_desktop.ui.dialogs import import_wizard

    shown = []
    monkeypatch.setattr(import_wizard, "show_error", lambda parent, error: shown.append(error.message))
    wizard = import_wizard.ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    bad = tmp_path / "ghi-chu.xlsx"
    bad.write_text("không phải bảng tính", encoding="utf-8")
    wizard.path_edit.setText(str(bad))
    wizard.go_next()
    assert shown and "ghi-chu.xlsx" in shown[0]
    assert wizard.stack.currentIndex() == import_wizard.FILE and wizard.next.isEnabled()


def test_lists_page_exports_and_crosschecks(qtbot, context, runner, cells, tmp_path, make_form, today):
    from tayninh_desktop.ui.pages.lists_page import ListsPage

    register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=today)
    page = ListsPage(context, runner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.export_cell.setCurrentIndex(page.export_cell.findData(cells["CB01"].id))
    page.export_layout.setCurrentIndex(page.export_layout.findData("flat"))
    page.export(str(tmp_path / "cb01.xlsx"))
    assert "1 đảng viên" in page.export_status.text()
    page.check_cell.setCurrentIndex(page.check_cell.findData(cells["CB01"].id))
    page.run_crosscheck(str(tmp_path / "cb01.xlsx"))
    assert "1 khớp" in page.check_summary.text()
    page.run_crosscheck(str(flat_list(tmp_path / "khac.xlsx", [person(1)])))
    assert page.check_table.rowCount() == 2
    shot(page, "6-trang-danh-sach")
    page.save_crosscheck(str(tmp_path / "dc.xlsx"))
    assert (tmp_path / "dc.xlsx").exists()
