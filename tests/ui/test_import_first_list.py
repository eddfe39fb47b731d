"""The import starts where offices start: the mapping step says when nothing names the cell and offers the choice
there; a first list's new cells are listed and created with it; the register then shows the members just added."""

from __future__ import annotations

from pathlib import Path

import pytest

from tayninh_desktop.services import organisation
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner
from tests.services.test_import_new_cells import _rows, first_list
from tests.spreadsheets.builders import flat_list, person

SHOTS = Path("/tmp/shots")


@pytest.fixture
def runner():
    task_runner = TaskRunner()
    task_runner.synchronous = True
    return task_runner


def test_mapping_step_says_no_cell_and_offers_the_choice(qtbot, home_db, actor, cells, runner, tmp_path):
    from tayninh_desktop.ui.dialogs.import_wizard import MAPPING, ImportWizard

    wizard = ImportWizard(UiContext(home_db, actor), None, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(flat_list(tmp_path / "ds.xlsx", [person(1), person(2)])))
    wizard.go_next()
    assert wizard.stack.currentIndex() == MAPPING
    assert wizard.cell_notice.isVisible() and "Chi bộ" in wizard.cell_notice.text()
    assert wizard.cell_combo.isVisible()                     # the choice is right there, on the same step
    SHOTS.mkdir(exist_ok=True)
    wizard.resize(1366, 700)
    wizard.grab().save(str(SHOTS / "import_no_cell.png"))
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB02"].id))
    assert not wizard.cell_notice.isVisible()
    wizard.go_next()
    assert wizard.plan.counts["added"] == 2 and {o.cell_id for o in wizard.plan.outcomes} == {cells["CB02"].id}


def test_cell_column_means_no_notice(qtbot, home_db, actor, runner, tmp_path):
    from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(UiContext(home_db, actor), None, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(first_list(tmp_path / "ds.xlsx", _rows())))
    wizard.go_next()
    assert not wizard.cell_notice.isVisible()


@pytest.fixture
def committee(fresh_db, actor):
    organisation.initialise(fresh_db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", superior_code="TU", place_name="Hưng Thuận")
    return fresh_db


def test_new_committee_first_list_with_two_new_cells_in_one_pass(qtbot, committee, actor, runner, tmp_path):
    from tayninh_desktop.ui.dialogs.import_wizard import REPORT, RUN
    from tayninh_desktop.ui.main_window import MainWindow

    context = UiContext(committee, actor)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wizard = window.open_action("lists", "open_wizard")
    qtbot.addWidget(wizard)
    wizard.runner = runner
    wizard.path_edit.setText(str(first_list(tmp_path / "ds.xlsx", _rows())))
    wizard.go_next()
    wizard.go_next()
    assert wizard.stack.currentIndex() == REPORT
    assert wizard.plan.counts["refused"] == 3 and not wizard.next.isEnabled()
    assert wizard.new_cells.isVisible() and wizard.create_cells.isVisible()
    listed = wizard.new_cells.text()
    assert "Chi bộ ấp Cầu Xe — mã sẽ cấp CB01 — 2 đảng viên (dòng 2, 4)" in listed
    assert "Chi bộ ấp Suối Dộp — mã sẽ cấp CB02" in listed
    assert organisation.cells(committee) == []
    wizard.create_cells.setChecked(True)                    # the clerk confirms: plan again, nothing written yet
    assert wizard.plan.counts["added"] == 3 and wizard.next.isEnabled()
    assert organisation.cells(committee) == []
    SHOTS.mkdir(exist_ok=True)
    wizard.grab().save(str(SHOTS / "import_new_cells.png"))
    wizard.go_next()
    assert wizard.stack.currentIndex() == RUN
    assert "Đã tạo 2 chi bộ mới" in wizard.run_label.text()
    assert [c.code for c in organisation.cells(committee)] == ["CB01", "CB02"]
    assert wizard.show_added.isVisible() and "3" in wizard.show_added.text()
    wizard.grab().save(str(SHOTS / "import_done.png"))
    page = wizard.show_added_members()
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == 3 and page.only_bar.isVisible()
    window.grab().save(str(SHOTS / "import_added_in_register.png"))
    page.show_only(None)
    assert not page.only_bar.isVisible() and page.model.rowCount() == 3
