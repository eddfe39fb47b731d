"""The warnings list: sorted by any column, filtered by kind, printed as it is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tayninh_desktop.domain.vn_text import sort_key
from tayninh_desktop.ui.pages.warnings_page import WarningsPage
from tests.conftest import TODAY
from tests.documents.conftest import pdftotext

SHOTS = Path("/tmp/shots")


def _page(context, qtbot) -> WarningsPage:
    page = WarningsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.dashboard.toggle.setChecked(True)   # these tests look at the list only
    page.refresh()
    qtbot.waitUntil(lambda: page.ready, timeout=20000)
    return page


def test_a_click_on_a_header_sorts_and_the_order_stays_after_a_recomputation(demo_context, qtbot, qtmodeltester):
    page = _page(demo_context, qtbot)
    page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    names = [w.member_name for w in page.model.rows if w.member_name]
    assert names == sorted(names, key=sort_key) and len(set(names)) > 3
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    cells = [w.cell_name for w in page.model.rows]
    from tayninh_desktop.domain.vn_text import fold

    assert [fold(c) for c in cells] == sorted((fold(c) for c in cells), reverse=True)
    page.refresh()
    qtbot.waitUntil(lambda: page.ready, timeout=20000)
    assert [w.cell_name for w in page.model.rows] == cells      # computed again, shown in the order chosen
    qtmodeltester.check(page.model, force_py=True)


def test_filter_by_kind_lists_the_kinds_found_with_their_counts(demo_context, qtbot):
    page = _page(demo_context, qtbot)
    total = page.model.rowCount()
    labels = [page.kind_filter.itemText(i) for i in range(page.kind_filter.count())]
    assert labels[0] == f"Tất cả các loại ({total})" and len(labels) > 2
    index = next(i for i in range(1, page.kind_filter.count())
                 if page.kind_filter.itemData(i) == "vang_sinh_hoat")
    page.kind_filter.setCurrentIndex(index)
    shown = page.model.rows
    assert shown and {w.kind.value for w in shown} == {"vang_sinh_hoat"}
    assert labels[index].endswith(f"({len(shown)})")
    page.cell_filter.setCurrentIndex(page.cell_filter.findData(shown[0].cell_id))
    assert page.kind_filter.currentData() == "vang_sinh_hoat"    # the kind chosen stays with the cell
    assert {w.cell_id for w in page.model.rows} == {shown[0].cell_id}


def test_the_list_prints_as_it_is_shown(demo_context, qtbot, tmp_path):
    page = _page(demo_context, qtbot)
    index = next(i for i in range(1, page.kind_filter.count()) if page.kind_filter.itemData(i) == "no_dang_phi")
    page.kind_filter.setCurrentIndex(index)
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    shown = [w.member_name for w in page.model.rows]
    page.resize(1366, 768)
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "warnings_page.png"))
    page.print_list(str(tmp_path / "canh-bao.pdf"))
    assert "canh-bao.pdf" in page.list_status.text()
    text = " ".join(pdftotext(tmp_path / "canh-bao.pdf").split())
    assert "DANH SÁCH CẢNH BÁO SỚM VỀ SINH HOẠT ĐẢNG" in text and "không đóng đảng phí" in text
    assert "Vắng sinh hoạt không lý do" not in text                 # the kind filtered out is not printed
    positions = [text.index(name) for name in dict.fromkeys(shown)]
    assert positions == sorted(positions)                          # in the order sorted on screen
    assert f"Tổng số {len(shown)} cảnh báo" in text


def test_the_basis_of_a_warning_on_screen_is_shown_whole(demo_context, qtbot):
    """Key facts (the legal basis and figures) wrap onto as many lines as they need: no last line ending in "…"."""
    page = _page(demo_context, qtbot)
    page.resize(1366, 696)
    page.show()
    qtbot.waitExposed(page)
    table = page.table
    column = table.model().columnCount() - 1
    metrics = table.fontMetrics()

    def all_fit() -> bool:
        first = table.rowAt(0)
        rows = [r for r in range(first, table.model().rowCount())
                if table.rowViewportPosition(r) + table.rowHeight(r) <= table.viewport().height()]
        for row in rows:
            text = str(table.model().index(row, column).data() or "")
            needed = metrics.boundingRect(0, 0, table.columnWidth(column) - 12, 10_000,
                                          int(Qt.TextFlag.TextWordWrap), text).height()
            if needed > table.rowHeight(row):
                return False
        return bool(rows)

    qtbot.waitUntil(all_fit, timeout=5000)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(all_fit, timeout=5000)
