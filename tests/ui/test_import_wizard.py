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


def test_wizard_settles_held_rows(qtbot, context, runner, cells, tmp_path, make_form, today):
    from tayninh_desktop.ui.dialogs.import_wizard import REPORT, RUN, ImportWizard

    ids = [register.add_member(context.db, context.actor, make_form(cccd=cccd, card_number=card), cells[cell].id,
                               today=today)[0]
           for cccd, card, cell in (("072160000001", "10000001", "CB01"), ("072160000002", "10000002", "CB02"))]
    tuyet = {"Họ và tên": "Nguyễn Thị Ánh Tuyết", "Ngày sinh": "05/02/1960", "Số CCCD": "", "Số thẻ đảng viên": "",
             "Giới tính": "Nữ", "Ngày vào Đảng": "16/01/1994", "Ngày chính thức": "16/01/1995",
             "Nơi ở hiện nay": "Ấp Suối Dộp"}
    twin = {"Họ và tên": "Lê Văn Tám", "Ngày sinh": "16/05/1950", "Số CCCD": "", "Số thẻ đảng viên": ""}
    path = flat_list(tmp_path / "cho.xlsx", [person(1, **tuyet), person(2), person(3, **tuyet), person(4, **twin),
                                             person(5, **twin)])
    wizard = ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    wizard.resize(1100, 760)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB01"].id))
    wizard.go_next()
    wizard.go_next()
    assert wizard.stack.currentIndex() == REPORT and wizard.plan.counts["held"] == 4
    combo = wizard.held.combos[2]
    assert combo.count() == 5 and "Chi bộ ấp Suối Dộp" in combo.itemText(2) and "072160000002" in combo.itemText(2)
    assert not wizard.next.isEnabled()
    shot(wizard, "p4-4b-cho-quyet-dinh")
    assert wizard.held.combos[5].count() == 3   # possible twins in the file: no member to choose
    wizard.held.choose(2, ids[1])
    wizard.held.choose(4, ids[1])        # two rows, one member: refused, said plainly
    assert "các dòng 2, 4" in wizard.blocked_label.text() and not wizard.next.isEnabled()
    shot(wizard, "p4-4c-quyet-dinh-sai")
    wizard.held.choose(4, "skip")
    wizard.held.choose(5, "new")
    assert not wizard.next.isEnabled()   # row 6 still waits
    wizard.held.choose(6, "skip")
    assert wizard.next.isEnabled() and wizard.plan.counts == {"added": 2, "updated": 1, "unchanged": 0, "held": 0,
                                                               "refused": 0, "skipped": 2}
    shot(wizard, "p4-4d-da-quyet-dinh")
    with qtbot.waitSignal(context.changed):
        wizard.go_next()
    assert wizard.stack.currentIndex() == RUN and "thêm 2, cập nhật 1" in wizard.run_label.text()
    assert register.get_member(context.db, ids[1]).current_address == "Ấp Suối Dộp"


def test_wizard_lets_the_user_choose_the_sheet(qtbot, context, runner, cells, tmp_path):
    import openpyxl

    from tayninh_desktop.ui.dialogs.import_wizard import MAPPING, ImportWizard

    path = tmp_path / "nhieu-trang.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Ghi chú"
    book.active["A1"] = "Danh sách gửi Văn phòng Đảng ủy"
    for name, rows in (("Năm 2024", [person(1)]), ("Năm 2025", [person(1), person(2)])):
        ws = book.create_sheet(name)
        ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
                   "Ngày chính thức", "Nơi ở hiện nay"])
        for row in rows:
            ws.append(row)
    book.save(path)
    wizard = ImportWizard(context, None, runner)
    qtbot.addWidget(wizard)
    wizard.resize(1000, 640)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.go_next()
    assert wizard.stack.currentIndex() == MAPPING and wizard.source.sheet == "Năm 2024"
    texts = [wizard.sheet_combo.itemText(i) for i in range(wizard.sheet_combo.count())]
    assert texts[0].startswith("Năm 2024 — có bảng") and texts[1].startswith("Năm 2025")
    assert "không thấy bảng" in texts[2]
    shot(wizard, "p4-2c-chon-trang")
    wizard.sheet_combo.setCurrentIndex(1)
    wizard.sheet_combo.activated.emit(1)
    assert wizard.source.sheet == "Năm 2025" and wizard.stack.currentIndex() == MAPPING
    wizard.cell_combo.setCurrentIndex(wizard.cell_combo.findData(cells["CB01"].id))
    wizard.go_next()
    assert wizard.plan.counts["added"] == 2


def test_lists_page_previews_the_crosscheck_bien_ban(qtbot, context, runner, cells, tmp_path, make_form, today):
    from tayninh_desktop.ui.pages.lists_page import ListsPage

    register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=today)
    page = ListsPage(context, runner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.check_cell.setCurrentIndex(page.check_cell.findData(cells["CB01"].id))
    page.run_crosscheck(str(flat_list(tmp_path / "khac.xlsx", [person(1), person(2)])))
    assert page.print_check.isEnabled()
    dialog = page.print_crosscheck()
    qtbot.addWidget(dialog)
    assert dialog.preview.page_count >= 1
    shot(dialog, "p4-7-bien-ban-doi-chieu")
    saved = dialog.save(str(tmp_path / "bb.pdf"))
    assert saved.read_bytes().startswith(b"%PDF")
    dialog.accept()
