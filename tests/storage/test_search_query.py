import pytest

from tayninh_desktop.storage.members_repo import fts_query


@pytest.mark.parametrize(("typed", "query"), [
    ("", None),
    ("n", None),                                   # a lone letter would match half the register
    ("ng", '"ng"*'),
    ("Nguyễn Thị A", '"nguyen"* AND "thi"* AND "a"*'),   # beside other words a letter narrows
    ("0720", None),                                # the province's CCCD prefix says nothing
    ("07206", '"07206"*'),
    ("tuyet 072", '"tuyet"*'),
    ('"*) OR x', '"or"* AND "x"*'),               # FTS syntax never reaches the index
])
def test_what_a_keystroke_searches_for(typed, query):
    assert fts_query(typed) == query
