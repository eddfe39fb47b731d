"""The screening page driven like a cell secretary would: the signs, a case opened from one, its next step with
what it needs, a refused vote shown under its field with nothing written, a bad rule file named; the home page's
help due dates open their case."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.services import cases, meetings
from tayninh_desktop.ui.pages.screening_page import ScreeningPage
from tests.services.screening_world import build, help_case_ready_to_vote, listed_case

TODAY = date(2026, 11, 27)


@pytest.fixture
def world(context, cells, make_form):
    return build(context.db, context.actor, cells, make_form, TODAY)


@pytest.fixture
def page(context, qtbot, world):
    page = ScreeningPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.refresh()
    return page


def _absent(context, cells, member_id, days):
    for day in days:
        meetings.record_meeting(context.db, context.actor, cells["CB01"].id, {"meeting_date": day},
                                attendance={member_id: ("vang_khong_ly_do", "")}, today=TODAY)


def test_a_sign_opens_a_case_and_the_case_says_what_comes_next(page, context, cells, world):
    _absent(context, cells, world["a"], ["10/01/2026", "10/03/2026", "10/06/2026"])
    page.refresh()
    assert page.signs_model.rowCount() == 1 and "Căn cứ xóa tên" == page.signs_model.rows[0].cells[0]
    assert "3 tháng trong năm 2026" in page.signs_model.rows[0].cells[4]
    page.signs_table.selectRow(0)
    dialog = page.open_case_from_sign()
    assert dialog.values()["case_kind"] == "dua_ra" and dialog.values()["removal_ground"] == "bo_sinh_hoat"
    assert dialog.try_submit()
    assert page.signs_model.rows[0].cells[6] == "Đang có hồ sơ"
    assert page.cases_model.rowCount() == 1
    page.tabs.setCurrentIndex(1)
    page.cases_table.selectRow(0)
    panel = page.panel
    assert "Nguyễn Văn An" in panel.head.text()
    assert "viết bản tự kiểm điểm (lần 1/3)" in panel.guide.text() and "Hạn:" in panel.deadline.text()
    step = panel.open_next_step()
    step.inputs["self_review"].setCurrentIndex(step.inputs["self_review"].findData("nop"))
    step.inputs["step_date"].setText("20/11/2026")   # before the case was opened (today): refused, said why
    assert not step.try_submit() and "ngày lập hồ sơ" in step.errors["step_date"].text()
    step.inputs["step_date"].setText("27/11/2026")
    assert step.try_submit()
    assert "Chi bộ họp, biểu quyết đề nghị xóa tên: cần ít nhất 6/9" in panel.guide.text()


def test_a_vote_with_more_ballots_than_voters_is_refused_under_its_field(page, context, world):
    case_id = help_case_ready_to_vote(context.db, context.actor, world["a"], TODAY)
    page.load_cases()
    page.show_case(case_id)
    dialog = page.panel.open_next_step()
    assert "cần ít nhất 6/9" in dialog.hint.text()
    for name, value in (("step_date", "05/03/2026"), ("present", "9"), ("ballots", "12"), ("yes", "12"), ("no", "0")):
        dialog.inputs[name].setText(value)
    before = cases.get_case(context.db, case_id)
    assert not dialog.try_submit()
    assert "nhiều hơn số có quyền biểu quyết (9)" in dialog.errors["ballots"].text()
    assert cases.get_case(context.db, case_id) == before
    dialog.inputs["ballots"].setText("9")
    dialog.inputs["yes"].setText("8")
    dialog.inputs["no"].setText("1")
    assert dialog.try_submit()
    assert cases.get_case(context.db, case_id).listed_on == date(2026, 3, 5)
    assert "Phân công" in page.panel.do_next.text()


def test_a_bad_office_rule_file_is_named_on_the_page(context, qtbot, world, tmp_path, monkeypatch):
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path))
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "detectors_van_phong.toml").write_text(
        '[[detector]]\ncode = "thu"\nmeasure = "absent_months"\nlevel = "sign"\ndescription = "Thử"\nmin = 1\n'
        'doc_number = "1-HD/THU"\ndoc_date = 2024-01-01\nvalid_from = 2024-01-01\n', encoding="utf-8")
    page = ScreeningPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.refresh()
    assert "detectors_van_phong.toml" in page.problems.text() and "thiếu trường «basis»" in page.problems.text()
    assert "các dấu hiệu không rà soát: thu" in page.problems.text()


def test_the_home_page_help_due_date_opens_its_case(context, qtbot, world):
    from tayninh_desktop.ui.main_window import MainWindow

    case_id = listed_case(context.db, context.actor, world["c"], TODAY, on=date(2025, 12, 10))
    window = MainWindow(context)
    qtbot.addWidget(window)
    home = window.show_page("warnings")
    home.today = TODAY
    home.refresh()
    assert "1 đồng chí sắp hết hạn" in home.help_due.text()
    row = next(i for i in range(home.model.rowCount()) if home.model.warning(i).kind.value == "het_han_giup_do")
    page = home.open_warning(row)
    assert page.tabs.currentIndex() == 1 and page.panel.case.id == case_id


def test_results_and_the_allotment_dialog(page, context, world):
    page.tabs.setCurrentIndex(2)
    assert page.results_model.rows[-1].cells[0] == "Đảng ủy xã Hưng Thuận"
    dialog = page.open_allotment()
    dialog.inputs["allotted"].setText("3")
    assert not dialog.try_submit() and "số văn bản phân bổ" in dialog.errors["allotment_doc"].text()
    dialog.inputs["allotment_doc"].setText("15-CV/BTCTU")
    assert dialog.try_submit()
    assert "3 (15-CV/BTCTU)" in page.results_model.rows[-1].cells[11]


def test_the_case_papers_print_from_the_panel(page, papers_ready, context, world, tmp_path):
    case_id = listed_case(context.db, context.actor, world["a"], TODAY, on=date(2026, 3, 10))
    cases.record_step(context.db, context.actor, case_id, "cam_ket", date(2026, 3, 20), text="Sinh hoạt đầy đủ.",
                      today=TODAY)
    page.show_case(case_id)
    result = page.panel.print_paper("ban_cam_ket", tmp_path / "cam-ket.pdf")
    assert result is not None and (tmp_path / "cam-ket.pdf").exists() and "Đã in" in page.panel.message.text()
