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


class _Statements:
    """Every SQL statement the register's connection runs while the block runs (sqlite3's trace callback)."""

    def __init__(self, db) -> None:
        self.conn = db.conn
        self.seen: list[str] = []

    def __enter__(self) -> list[str]:
        self.conn.set_trace_callback(self.seen.append)
        return self.seen

    def __exit__(self, *_exc) -> None:
        self.conn.set_trace_callback(None)

    @staticmethod
    def ordered_lists(statements: list[str]) -> list[str]:
        """The queries of the whole list in order (the first page, with its LIMIT, is not one)."""
        return [s for s in statements if s.startswith("SELECT rowid FROM members") and "ORDER BY" in s
                and "LIMIT" not in s]


def test_opening_the_page_runs_the_ordered_list_query_once(demo_context, qtbot):
    """The whole register in list order costs ~50 ms at 100,000 members: the page asks for it once, not at
    each of enabling sorting, setting the sort indicator, filling the status filter and refreshing."""
    with _Statements(demo_context.db) as statements:
        page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    assert len(_Statements.ordered_lists(statements)) == 1, statements  # the worker's, run inline in tests
    assert len([s for s in statements if "LIMIT" in s]) == 1  # the first page
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.AscendingOrder)
    assert page.model.rowCount() == len(register.list_rowids(demo_context.db, statuses=page.model.statuses))
    assert page.status_filter.currentIndex() == 0 and page.cell_filter.currentIndex() == 0


def test_a_keystroke_asks_the_index_only(demo_context, qtbot):
    """Searching asks the full-text index which rows match: no new ordered list, no recount of the register."""
    page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    total_text = page.count_label.text().split("/")[-1]
    target = page.model.data(page.model.index(3, 1))
    with _Statements(demo_context.db) as statements:
        page.search.setText(target)
        page.apply_search()
    assert not _Statements.ordered_lists(statements) and not [s for s in statements if "COUNT(" in s], statements
    assert [s for s in statements if "MATCH" in s]
    assert page.count_label.text().split("/")[-1] == total_text
    assert target in [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def test_a_line_keeps_its_texts_until_the_register_changes(demo_context, make_form):
    """A repaint reads each cell again: the line's texts are made once and kept, also through a search."""
    model = MemberTableModel(demo_context.db)
    model.refresh()
    first_rowid = model.rowids[0]
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    with _Statements(demo_context.db) as statements:
        again = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert not statements and all(a is b for a, b in zip(first[1:], again[1:]))
    model.set_filter(search=first[1])
    row = model.rowids.index(first_rowid)
    with _Statements(demo_context.db) as statements:
        found = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert not statements and all(a is b for a, b in zip(first[1:], found[1:])) and found[0] == str(row + 1)
    member_id = model.member_id(0)
    form = make_form(full_name="Võ Tấn Ước", birth_date="18/05/1960", cccd="072060999991", card_number="99999991")
    register.update_member(demo_context.db, demo_context.actor, member_id, form, today=date.today())
    model.set_filter(search="")
    model.refresh()
    row = next(r for r in range(model.rowCount()) if model.member_id(r) == member_id)
    assert model.data(model.index(row, 1)) == "Võ Tấn Ước" and model.data(model.index(row, 3)) == "18/05/1960"


def test_cell_filter_lists_the_cells_and_follows_a_new_one(context, cells, qtbot, qtmodeltester):
    from tayninh_desktop.ui import strings

    page = RegisterPage(context)
    qtbot.addWidget(page)
    combo = page.cell_filter
    qtmodeltester.check(combo.model(), force_py=True)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == [strings.FILTER_ALL_CELLS, *(c.name for c in organisation.cells(context.db))]
    combo.setCurrentIndex(2)
    chosen = combo.currentData()
    assert chosen == organisation.cells(context.db)[1].id
    context.run_action(page, organisation.create_unit, code="CB09", name="Chi bộ ấp Bàu Tre")
    assert "Chi bộ ấp Bàu Tre" in [combo.itemText(i) for i in range(combo.count())]
    assert combo.currentData() == chosen and page.model.cell_id == chosen  # still the clerk's cell
    assert context.cells() is context.cells()  # read once until the organisation changes again


def test_search_keeps_list_order_for_few_and_many_matches(demo_context):
    """A few matches or many, from the index in memory or from FTS5: in list order."""
    model = MemberTableModel(demo_context.db)
    model.refresh()
    base = list(model.rowids)
    for text in (model.data(model.index(7, 1)), "nguyen", "thi"):
        model.set_filter(search=text)
        matches = register.search_rowids(demo_context.db, text)
        assert model.rowids == [r for r in base if r in matches] and model.rowids, text
    few = model.data(model.index(0, 1))
    model.set_filter(search=few)
    assert model.rowids == [r for r in base if r in register.search_rowids(demo_context.db, few)]
    model.set_filter(search=model.data(model.index(0, 9)))   # a card number: FTS5, kept in list order too
    assert model.rowids == [r for r in base if r in register.search_rowids(demo_context.db, model.search)]


def _threaded_runner():
    from tayninh_desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    runner.synchronous = False  # a real worker thread (the suite runs tasks inline by default)
    return runner


def test_first_page_at_once_the_whole_list_from_the_worker(demo_context, qtbot):
    model = MemberTableModel(demo_context.db)
    model.statuses = ("chinh_thuc", "du_bi")
    whole = register.list_rowids(demo_context.db, statuses=model.statuses)
    model.refresh_soon(_threaded_runner(), demo_context.db.path_text)
    assert model.rowCount() == len(whole) and len(model.rowids) <= 200 < len(whole)
    assert model.member_id(0) == register.summaries(demo_context.db, whole[:1])[0].id
    qtbot.waitUntil(lambda: model.rowids == whole, timeout=5000)
    assert model.rowCount() == len(whole)


def test_reading_past_the_first_page_before_the_worker_delivers(demo_context, qtbot):
    import threading

    runner, release = _threaded_runner(), threading.Event()
    late = []
    runner.run(lambda: release.wait(5), lambda _r: late.append(True), lambda _e: None)  # the worker is busy
    model = MemberTableModel(demo_context.db)
    model.refresh_soon(runner, demo_context.db.path_text)
    whole = register.list_rowids(demo_context.db)
    assert model.member_id(250) == register.summaries(demo_context.db, [whole[250]])[0].id  # read at once
    assert model.rowids == whole
    model.set_filter(search=model.data(model.index(3, 1)))
    searched = list(model.rowids)
    release.set()
    qtbot.waitUntil(lambda: bool(late) and not runner._live, timeout=5000)  # both tasks delivered
    assert model.rowids == searched  # the list the worker read later does not undo the search
