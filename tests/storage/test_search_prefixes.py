"""m047: the members' full-text index keeps prefixes of one and two letters (the slowest keystrokes of search as you
type were the short prefixes); the matches are the same as before it, and the index stays in step with the members."""

from __future__ import annotations

import sqlite3

from tayninh_desktop.storage import members_repo
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.schema_check import schema_problems
from tayninh_desktop.storage.schema_search import m047_members_search_prefixes

TYPED = ["ng", "nguyen t", "nguyen", "tr", "ho t", "le thi", "th", "v", "a b", "pham n", "0720", "07206", "đ",
         "nguyễn văn", "h t", "zz"]


def _index_sql(conn) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'members_fts'").fetchone()[0]


def _matches(db) -> dict[str, set[int] | None]:
    return {typed: members_repo.match_rowids(db, typed) for typed in TYPED}


def _plain(db) -> dict[str, set[int] | None]:
    """The same searches read a row at a time (what match_rowids did before it read one text of rowids)."""
    out: dict[str, set[int] | None] = {}
    for typed in TYPED:
        query = members_repo.fts_query(typed)
        out[typed] = None if query is None else {r for (r,) in db.execute(
            "SELECT rowid FROM members_fts WHERE members_fts MATCH ?", [query])}
    return out


def test_a_new_register_has_the_prefix_indexes(fresh_db):
    names = [m.name for m in MIGRATIONS.applied(fresh_db)]
    assert names.index("m047_members_search_prefixes") > names.index("m046_dues_payments")
    assert "prefix='1 2'" in _index_sql(fresh_db.conn)


def test_the_upgrade_keeps_every_match_and_the_index_follows_the_members(demo_copy, actor, make_form, today):
    conn = sqlite3.connect(demo_copy)   # the register as it was before m047: the index without prefixes
    conn.executescript("""
        DROP TABLE members_fts;
        CREATE VIRTUAL TABLE members_fts USING fts5(
            search_text, content='members', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0'
        );
        INSERT INTO members_fts(members_fts) VALUES ('rebuild');
    """)
    conn.close()
    db = open_database(demo_copy)
    try:
        assert "prefix" not in _index_sql(db.conn)
        before = _plain(db)
        assert sum(len(found or ()) for found in before.values()) > 400   # the searches do match members
        with db.atomic():
            m047_members_search_prefixes(db)
        assert "prefix='1 2'" in _index_sql(db.conn)
        assert _matches(db) == before == _plain(db)
        assert not schema_problems(db.conn)

        from tayninh_desktop.services import organisation, register

        cell = organisation.cells(db)[0]
        member_id, _ = register.add_member(db, actor, make_form(full_name="Ngô Thị Zin"), cell.id, today=today)
        rowid = db.execute("SELECT rowid FROM members WHERE id = ?", [member_id]).fetchone()[0]
        assert rowid in members_repo.match_rowids(db, "ng") and rowid in members_repo.match_rowids(db, "zi t")
        assert members_repo.match_rowids(db, "zi") == {rowid}
    finally:
        db.conn.close()
