from datetime import date

from PySide6.QtCore import Qt

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui.models.member_table_model import MemberTableModel
from tayninh_desktop.ui.pages.register_page import RegisterPage
from tests.ui.conftest import activate


def test_model_passes_qtmodeltester(demo_context, qtmodeltester):
    model = MemberTableModel(demo_context.db)
    model.refresh()
    assert model.rowCount() > 300
    qtmodeltester.check(model, force_py=True)


def test_model_is_lazy_and_in_list_order(demo_context):
    model = MemberTableModel(demo_context.db)
    model.refresh()
    model.data(model.index(0, 1))
    assert len(model._cache) <= 200 < model.rowCount()
    from tayninh_desktop.domain.vn_text import sort_key

    names = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert names == sorted(names, key=sort_key)


def test_search_as_you_type_ignores_diacritics(demo_context, qtbot):
    page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    total = page.model.rowCount()
    target = page.model.data(page.model.index(5, 1))
    from tayninh_desktop.domain.vn_text import fold

    qtbot.keyClicks(page.search, fold(target))
    qtbot.waitUntil(lambda: page.model.rowCount() < total, timeout=2000)
    assert target in [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert "/" in page.count_label.text()


def test_cell_and_status_filters(demo_context, qtbot):
    page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    page.cell_filter.setCurrentIndex(1)
    cell_name = page.cell_filter.currentText()
    assert {page.model.data(page.model.index(r, 4)) for r in range(page.model.rowCount())} == {cell_name}
    page.cell_filter.setCurrentIndex(0)
    index = next(i for i in range(page.status_filter.count())
                 if page.status_filter.itemData(i) == (MemberStatus.DIED.value,))
    page.status_filter.setCurrentIndex(index)
    assert page.model.rowCount() > 0
    assert {page.model.data(page.model.index(r, 7)) for r in range(page.model.rowCount())} == {"Đã từ trần"}


def test_sorting_by_birth_date(demo_context, qtbot):
    page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    first = register.summaries(demo_context.db, page.model.rowids[:2])
    assert first[0].birth_date >= first[1].birth_date


def test_new_member_inline_errors_then_save(context, qtbot):
    page = RegisterPage(context)
    qtbot.addWidget(page)
    dialog = page.new_member()
    qtbot.addWidget(dialog)
    form = dialog.form
    form.inputs["full_name"].setText("Võ Tấn Ước")
    form.inputs["birth_date"].setText("18/05/2000")
    form.inputs["joined_on"].setText("06/01/2024")
    form.inputs["cccd"].setText("07420000123")
    assert dialog.save() is False
    assert form.errors["cccd"].isVisibleTo(form) and "12 chữ số" in form.errors["cccd"].text()
    assert register.member_count(context.db) == 0
    form.inputs["cccd"].setText("074200001234")
    activate(qtbot, dialog)
    qtbot.keyClick(form.inputs["cccd"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert register.member_count(context.db) == 1
    assert page.model.rowCount() == 1 and page.model.data(page.model.index(0, 1)) == "Võ Tấn Ước"


def test_record_and_delete_an_event_from_the_history(context, qtbot, make_form, answers):
    cell = organisation.cells(context.db)[0]
    member_id, _ = register.add_member(context.db, context.actor, make_form(), cell.id, today=date.today())
    page = RegisterPage(context)
    qtbot.addWidget(page)
    dialog = page.open_member(member_id)
    qtbot.addWidget(dialog)
    history = dialog.history
    event_dialog = history.add_event(EventKind.AWAY)
    event_dialog.inputs["event_date"].setText("01/03/2026")
    event_dialog.inputs["end_date"].setText("01/03/2025")
    assert event_dialog.record() is False and "kết thúc" in event_dialog.error.text()
    event_dialog.inputs["end_date"].setText("01/03/2027")  # 12 months: refused (under 12 months, with a decision)
    event_dialog.inputs["place"].setText("TP. Hồ Chí Minh")
    assert event_dialog.record() is False and "dưới 12 tháng" in event_dialog.error.text()
    assert "Số văn bản" in event_dialog.error.text()
    event_dialog.inputs["end_date"].setText("28/02/2027")
    event_dialog.inputs["doc_number"].setText("05-QĐ/ĐU")
    event_dialog.inputs["requested_on"].setText("20/02/2026")
    assert event_dialog.record() is True
    assert register.get_member(context.db, member_id).status is MemberStatus.AWAY
    assert "Đi làm ăn xa" in history.status_line.text()
    assert page.model.data(page.model.index(0, 7)) == "Đi làm ăn xa"
    history.timeline.setCurrentItem(history.timeline.topLevelItem(2))
    answers.next("Không xóa")
    history.delete_selected()
    assert register.get_member(context.db, member_id).status is MemberStatus.AWAY
    answers.next("Xóa sự kiện")
    history.delete_selected()
    assert "Nguyễn Thị Ánh Tuyết" in answers.asked[1] and "Đi làm ăn xa" in answers.asked[1]
    assert register.get_member(context.db, member_id).status is MemberStatus.FULL


def test_save_button_belongs_to_the_form_tab(context, qtbot, make_form):
    cell = organisation.cells(context.db)[0]
    member_id, _ = register.add_member(context.db, context.actor, make_form(), cell.id, today=date.today())
    page = RegisterPage(context)
    qtbot.addWidget(page)
    dialog = page.open_member(member_id)
    qtbot.addWidget(dialog)
    assert dialog.save_button.isVisibleTo(dialog)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.save_button.isVisibleTo(dialog)
    dialog.tabs.setCurrentIndex(0)
    assert dialog.save_button.isVisibleTo(dialog)
