"""Walks over every page and dialog: cells in the committee's one order (by code, numbers as numbers) in every combo
box; no table cutting text with "…"; every date box wide enough for a whole date."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.main_window import MainWindow


def _cell_orders(widget, names: list[str]) -> list[tuple[str, list[str]]]:
    """For each combo box listing two cells or more: its name and the cells in the order it lists them."""
    found = []
    for combo in widget.findChildren(QComboBox):
        texts = [combo.itemText(i) for i in range(combo.count())]
        listed = []
        for text in texts:
            hits = [n for n in names if n in text]
            if len(hits) == 1:
                listed.append(hits[0])
        if len(listed) >= 2:
            found.append((combo.objectName() or type(combo.parent()).__name__, listed))
    return found


def test_every_cell_combo_follows_the_code_order(home_db, actor, qtbot, make_form):
    db = home_db
    # created out of order, names against the alphabet: only the code order is right
    organisation.create_unit(db, actor, code="CB10", name="Chi bộ ấp An Bình")
    organisation.create_unit(db, actor, code="CB3", name="Chi bộ Trường Tiểu học")
    cells = organisation.cells(db)
    names = [c.name for c in cells]
    assert [c.code for c in cells] == ["CB01", "CB02", "CB3", "CB10"]
    member_id, _ = register.add_member(db, actor, make_form(), cells[0].id)
    context = UiContext(db, actor)
    window = MainWindow(context)
    qtbot.addWidget(window)
    checked = 0
    for spec in window._specs:
        page = window.show_page(spec.key)
        for where, listed in _cell_orders(page, names):
            assert listed == [n for n in names if n in listed], (spec.key, where, listed)
            checked += 1
    from tayninh_desktop.ui.dialogs.event_dialog import EventDialog
    from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

    dialogs = [MemberDialog(context, member_id), MemberDialog(context, None), ImportWizard(context),
               EventDialog(context, member_id, EventKind.MOVED_CELL)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        for where, listed in _cell_orders(dialog, names):
            assert listed == [n for n in names if n in listed], (type(dialog).__name__, where, listed)
            checked += 1
    assert checked >= 8


def test_no_table_on_any_page_or_dialog_cuts_text_with_an_ellipsis(demo_context, qtbot):
    """Key facts (numbers, dates, places, legal basis) wrap or widen; a cut cell shows its text as a tooltip."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView, QTreeView

    from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog
    from tayninh_desktop.ui.widgets.full_text import FullTextDelegate

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    member_id = register.summaries(demo_context.db, register.list_rowids(demo_context.db)[:1])[0].id
    holders = []
    for spec in window._specs:
        holders.append((spec.key, window.show_page(spec.key)))
    for dialog in (MemberDialog(demo_context, member_id), ImportWizard(demo_context)):
        qtbot.addWidget(dialog)
        holders.append((type(dialog).__name__, dialog))
    cut = []
    for where, holder in holders:
        for view in holder.findChildren(QTableView) + holder.findChildren(QTreeView):
            if view.textElideMode() != Qt.TextElideMode.ElideNone or not isinstance(view.itemDelegate(),
                                                                                     FullTextDelegate):
                cut.append((where, view.objectName() or type(view.parent()).__name__))
    assert not cut, cut


def test_date_boxes_show_a_whole_date_on_every_page(demo_context, qtbot):
    """A date box squeezed by its neighbours showed "…" instead of the date (the audit page's filters)."""
    from PySide6.QtWidgets import QDateEdit, QLineEdit

    from tayninh_desktop.ui import strings

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.resize(1366, 696)
    window.show()
    narrow = []
    for spec in window._specs:
        page = window.show_page(spec.key)
        qtbot.wait(1)
        boxes = [w for w in page.findChildren(QLineEdit) if w.placeholderText() == strings.DATE_PLACEHOLDER]
        boxes += page.findChildren(QDateEdit)
        for box in boxes:
            if box.isVisible() and box.width() < box.fontMetrics().horizontalAdvance("00/00/0000") + 8:
                narrow.append((spec.key, box.objectName(), box.width()))
    assert not narrow, narrow
