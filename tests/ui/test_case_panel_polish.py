"""The case panel's additions, driven like a cell secretary would: a progress note made at one of the cell's recorded
meetings of the help period; a step corrected (its fields filled as recorded, a reason required; the old step kept
struck through); a step that cannot be corrected here says what to do instead."""

from __future__ import annotations

import os
from datetime import date

import pytest

from tayninh_desktop.domain.cases import Step
from tayninh_desktop.services import cases, meetings
from tayninh_desktop.ui.pages.screening_page import ScreeningPage
from tests.services.screening_world import build, listed_case

TODAY = date(2026, 11, 27)
SHOTS = os.environ.get("TAYNINH_TEST_SHOTS")   # a folder: save the screenshots looked at while building this


@pytest.fixture
def world(context, cells, make_form):
    ids = build(context.db, context.actor, cells, make_form, TODAY)
    ids["case"] = listed_case(context.db, context.actor, ids["a"], TODAY, on=date(2026, 3, 10))
    cases.assign_helper(context.db, context.actor, ids["case"], ids["b"], date(2026, 3, 12), today=TODAY)
    cases.record_step(context.db, context.actor, ids["case"], "cam_ket", date(2026, 3, 20), text="Sinh hoạt đầy đủ.",
                      today=TODAY)
    for day in ("08/04/2026", "08/05/2026"):
        meetings.record_meeting(context.db, context.actor, cells["CB01"].id, {"meeting_date": day}, today=TODAY)
    return ids


@pytest.fixture
def panel(context, qtbot, world):
    page = ScreeningPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show_case(world["case"])
    return page.panel


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(f"{SHOTS}/{name}.png")


def test_a_progress_note_is_made_at_a_meeting_of_the_help_period(panel, context, world):
    assert panel.do_next.text().startswith("Theo dõi, nhận xét")
    dialog = panel.open_next_step()
    meeting = dialog.inputs["meeting_id"]
    assert [meeting.itemText(i) for i in range(meeting.count())] == [
        "— không gắn với kỳ họp nào", "Ngày 08/05/2026 — thường kỳ", "Ngày 08/04/2026 — thường kỳ"]
    assert meeting.currentIndex() == 1 and dialog.inputs["step_date"].text() == ""
    _shot(dialog, "progress-dialog")
    assert not dialog.try_submit() and dialog.errors["step_text"].isVisible()     # the note itself is needed
    dialog.inputs["step_text"].setText("Có tiến bộ, tham gia đầy đủ")
    assert dialog.try_submit()
    note = cases.get_case(context.db, world["case"]).last(Step.PROGRESS)
    assert note.on == date(2026, 5, 8) and note.meeting_id
    assert "tại kỳ họp chi bộ ngày 08/05/2026" in panel.steps.item(panel.steps.count() - 1).text()


def test_a_step_is_corrected_and_the_old_one_kept_struck_through(panel, context, world):
    commitment = cases.get_case(context.db, world["case"]).last(Step.COMMITMENT)
    assert panel.open_correction() is None and "Chọn một bước" in panel.message.text()
    row = next(i for i in range(panel.steps.count()) if "Bản cam kết" in panel.steps.item(i).text())
    panel.steps.setCurrentRow(row)
    dialog = panel.open_correction()
    assert dialog.inputs["step_text"].text() == "Sinh hoạt đầy đủ." and dialog.inputs["step_date"].text() == "20/03/2026"
    dialog.inputs["step_text"].setText("Sinh hoạt đầy đủ, đóng đảng phí đúng hạn.")
    assert not dialog.try_submit() and "lý do sửa" in dialog.errors["correction_reason"].text()
    dialog.inputs["correction_reason"].setText("Chép thiếu nội dung bản cam kết")
    _shot(dialog, "correction-dialog")
    assert dialog.try_submit()
    case = cases.get_case(context.db, world["case"])
    assert case.last(Step.COMMITMENT).text == "Sinh hoạt đầy đủ, đóng đảng phí đúng hạn."
    old = next(panel.steps.item(i) for i in range(panel.steps.count())
               if panel.steps.item(i).text().count("ĐÃ SỬA"))
    assert old.font().strikeOut() and "Chép thiếu" in old.toolTip()
    assert case.step(commitment.id) is not None          # kept
    panel.steps.setCurrentItem(old)
    assert panel.open_correction() is None and "đã được sửa" in panel.message.text()
    _shot(panel.window(), "case-panel-corrected")


def test_the_opening_step_says_how_it_is_corrected(panel):
    panel.steps.setCurrentRow(0)
    assert panel.open_correction() is None and "rút hồ sơ" in panel.message.text()


def test_the_meeting_dossier_of_the_case_prints_from_the_panel(panel, context, world, tmp_path):
    from pypdf import PdfReader

    index = panel.papers.findData("ho_so_hop_chi_bo")
    assert index >= 0 and "Hồ sơ kỳ họp chi bộ biểu quyết" in panel.papers.itemText(index)
    result = panel.print_paper("ho_so_hop_chi_bo", tmp_path / "ho-so.pdf")
    assert result is not None and "Đã in" in panel.message.text()
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "ho-so.pdf").pages)
    assert "ngày 10 tháng 3 năm 2026" in text and "Nguyễn Văn An" in text   # the day the cell voted on the case
