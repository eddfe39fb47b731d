"""Search as you type from the full-text index held in memory (storage/members_search.py) gives exactly the rows,
in the order, of the full query: FTS5 MATCH inside the list's ORDER BY, asked of SQLite at every keystroke."""

import random
import sqlite3

from PySide6.QtCore import Qt

from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services import organisation, register
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.ui.models.member_table_model import ACTIVE_FILTER, MemberTableModel


def _full_query(model: MemberTableModel) -> list[int]:
    rows = register.list_rowids(model.db, search=model.search, cell_id=model.cell_id, statuses=model.statuses,
                                order=model.order, descending=model.descending)
    return rows if model.only is None else [r for r in rows if r in model.only]


def _names(db) -> list[str]:
    return [fold(r[0]) for r in db.execute("SELECT full_name FROM members ORDER BY rowid")]


class _Typist:
    """A person typing into the search box: names letter by letter, backspace, edits in the middle, a number."""

    def __init__(self, names: list[str], seed: int) -> None:
        self.names, self.random, self.text, self.target = names, random.Random(seed), "", ""

    def next(self) -> str:
        chance = self.random.random()
        if not self.target.startswith(self.text) or chance < 0.08:
            self.target = self.random.choice(self.names + ["0720", "07206", "nguyen van", "ng thi", "le  t"])
            if self.random.random() < 0.5:
                self.text = ""
        if chance < 0.15 and self.text:
            self.text = self.text[:-1]                                       # backspace
        elif chance < 0.22 and len(self.text) > 2:
            at = self.random.randrange(1, len(self.text))
            self.text = self.text[:at] + self.random.choice("aehnt ") + self.text[at:]   # typed in the middle
        elif chance < 0.27 and len(self.text) > 2:
            at = self.random.randrange(1, len(self.text))
            self.text = self.text[:at] + self.text[at + 1:]                  # deleted in the middle
        elif len(self.text) < len(self.target) and self.target.startswith(self.text):
            self.text = self.target[:len(self.text) + 1]
        else:
            self.text += self.random.choice("anhtgu ")
        return self.text


def test_typed_sequences_match_the_full_query(demo_context):
    """Hundreds of keystrokes with the filters, the order and the register changing in between."""
    db = demo_context.db
    model = MemberTableModel(db)
    model.set_filter(statuses=ACTIVE_FILTER)
    typist = _Typist(_names(db), seed=11)
    cells = [c.id for c in organisation.cells(db)]
    other = sqlite3.connect(db.path_text)   # another program writing the register between two keystrokes
    indexed = 0
    for step in range(700):
        text = typist.next()
        indexed += register.search_in_list(db, register.ListSearch(), [1], text) is not None
        model.set_filter(search=text)
        assert model.rowids == _full_query(model), (step, text)
        if step % 37 == 5:
            model.set_filter(cell_id=random.Random(step).choice([None, *cells]))
        elif step % 37 == 11:
            model.set_filter(statuses=random.Random(step).choice([None, ACTIVE_FILTER, (MemberStatus.FULL.value,)]))
        elif step % 37 == 17:
            model.sort(random.Random(step).randrange(1, 10), random.Random(step).choice(list(Qt.SortOrder)))
        elif step % 37 == 23:
            model.show_only(set(model.rowids[::3]) if step % 2 else None)
        elif step % 37 == 29:   # another connection renames a member's other name: what matches changes, not the list
            rowid = random.Random(step).choice(model._base)
            other.execute("UPDATE members SET search_text = search_text || ' ' || ? WHERE rowid = ?",
                          [typist.text.split(" ")[0] or "nguyen", rowid])
            other.commit()
        elif step % 37 == 31:   # this connection writes, with no refresh either
            rowid = random.Random(step).choice(model._base)
            db.conn.execute("UPDATE members SET search_text = 'tran ngoc' WHERE rowid = ?", [rowid])
            db.conn.commit()
        if step % 37 in (29, 31):
            model.set_filter(search=text)
            assert model.rowids == _full_query(model), ("after a change", step, text)
    other.close()
    assert indexed > 500   # most keystrokes were answered from the index, the rest by FTS5


def test_a_change_through_the_window_is_found_at_the_next_keystroke(demo_context, make_form):
    db = demo_context.db
    model = MemberTableModel(db)
    model.refresh()
    model.set_filter(search="ngu")
    before = list(model.rowids)
    cell = organisation.cells(db)[0].id
    form = make_form(full_name="Ngũ Văn Quyết", cccd="072061234567", card_number="77777777")
    member_id, _changes = register.add_member(db, demo_context.actor, form, cell)
    model.refresh()   # what the register page does on the change
    model.set_filter(search="ngu")
    assert model.rowids == _full_query(model) and len(model.rowids) == len(before) + 1
    model.set_filter(search="ngu van quyet")
    assert member_id in [model.member_id(r) for r in range(model.rowCount())]
    assert model.rowids == _full_query(model)


def test_a_word_of_digits_or_not_of_letters_goes_to_fts5(demo_context):
    db = demo_context.db
    finder = register.ListSearch()
    rowids = register.list_rowids(db)
    for text in ("", "n", "  ", "đ"):
        assert finder.in_order(db, rowids, text) is None, text   # nothing to search: the whole list
    card = db.execute("SELECT card_number FROM members WHERE card_number != '' LIMIT 1").fetchone()[0]
    for text in ("07206", card[:6], f"nguyen {card[:5]}", "ng_", "a_b", "ßa", "Nguyễn T"):
        matches = register.search_rowids(db, text)
        assert finder.in_order(db, rowids, text) == [r for r in rowids if r in matches], text
        assert (finder._index is None) == (text != "Nguyễn T"), text   # only letters read the index


def test_a_register_opened_read_only_searches_alike(demo_context):
    path = demo_context.db.path_text
    read_only = open_database(path, read_only=True)
    try:
        model = MemberTableModel(read_only)
        model.refresh()
        for text in ("ng", "nguyen t", "le thi h", "0720", "tran v"):
            model.set_filter(search=text)
            assert model.rowids == _full_query(model), text
    finally:
        read_only.conn.close()


def test_the_index_read_on_the_worker_is_the_one_searched(demo_context, qtbot):
    """The register page reads the index on its worker once idle; a change meanwhile makes the next search read it
    again (the worker's index carries the version the window's connection had when it asked)."""
    from tayninh_desktop.ui.tasks import TaskRunner

    db = demo_context.db
    runner = TaskRunner()
    runner.synchronous = False
    model = MemberTableModel(db)
    model.refresh()
    model.prepare_search(runner, db.path_text)
    qtbot.waitUntil(lambda: model._finder._index is not None, timeout=5000)
    read = model._finder._index
    model.set_filter(search="ng")
    assert model._finder._index is read and model.rowids == _full_query(model)
    model.prepare_search(runner, db.path_text)   # current: nothing to read
    assert model._finder._index is read

    other = sqlite3.connect(db.path_text)
    other.execute("UPDATE members SET search_text = 'ngoc anh' WHERE rowid = ?", [model._base[-1]])
    other.commit()
    other.close()
    model.set_filter(search="ngoc a")
    assert model._finder._index is not read and model.rowids == _full_query(model)
    assert model._base[-1] in model.rowids


def test_the_register_page_reads_the_index_when_idle(demo_context, qtbot):
    from tayninh_desktop.ui.pages.register_page import RegisterPage

    page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    assert page._prepare.isActive() and page.model._finder._index is None
    page._prepare.setInterval(0)
    page._prepare.start()
    qtbot.waitUntil(lambda: page.model._finder._index is not None, timeout=5000)


def test_a_page_whose_register_was_closed_reads_no_index(demo_db_path, tmp_path, qapp, qtbot):
    """The window switched registers (the sample register left): the old page's idle timer finds its connection
    closed and does nothing."""
    import shutil

    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.pages.register_page import RegisterPage

    copy = tmp_path / "closed.sqlite3"
    shutil.copy(demo_db_path, copy)
    db = open_database(copy)
    page = RegisterPage(UiContext(db, Actor("van-thu"), str(copy)))
    qtbot.addWidget(page)
    db.conn.close()
    page._prepare.setInterval(0)
    page._prepare.start()
    qtbot.wait(50)
    assert page.model._finder._index is None
