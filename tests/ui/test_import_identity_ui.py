"""The import wizard holds a row whose CCCD is a member's but whose name or birth is another's, and shows
the file's and the register's identity side by side; the user decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from tayninh_desktop.services import register
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner
from tests.spreadsheets.builders import flat_list, person


@pytest.fixture
def context(home_db, actor, qtbot):
    return UiContext(home_db, actor)


def test_the_wizard_shows_both_identities_of_a_held_row(qtbot, context, cells, tmp_path, make_form, today):
    from tayninh_desktop.ui.dialogs.import_wizard import REPORT, ImportWizard

    member = register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=today)[0]
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{"Họ và tên": "Trần Văn Khác", "Ngày sinh": "03/04/1975",
                                                         "Số CCCD": "072160102822", "Số thẻ đảng viên": ""}),
                                            person(2)])
    runner = TaskRunner()
    wizard = ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB01"].id))
    wizard.go_next()
    wizard.go_next()
    assert wizard.stack.currentIndex() == REPORT and wizard.plan.counts["held"] == 1
    why = wizard.held.table.item(0, 2).text()
    assert "Trong tệp: Trần Văn Khác, sinh 03/04/1975" in why
    assert "Trong sổ: Nguyễn Thị Ánh Tuyết, sinh 05/02/1960" in why
    combo = wizard.held.combos[2]
    assert combo.findData(member) > 0
    Path("/tmp/safety-shots").mkdir(exist_ok=True)
    wizard.grab().save("/tmp/safety-shots/nhap-cho-quyet-dinh.png")
