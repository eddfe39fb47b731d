"""Search as you type from the members' full-text index held in memory (issue 11).

The broad prefixes a person types first ("ng", "ngu" … "nguyen": 40 % of the register) made FTS5 read ~38,000
rowids at every keystroke, which the register page then kept in list order: ~10 ms a keystroke at 100,000
members. The words of names are few (a few hundred distinct terms, ~300,000 occurrences), so this module reads
them once from the index itself (``fts5vocab``: the terms exactly as FTS5 tokenized and folded them, and the
rowids holding each) and answers a search whose every word starts with a letter by slicing those rowid lists
(the terms with a prefix are neighbours in sorted order) and marking them in an array, then keeping the list's
rows that are marked, in the list's order. The answer is the one FTS5 gives: the same words, the same terms,
every word a prefix of some term of the row (``tests/ui/test_register_search_index.py`` holds it to FTS5 over
many typed sequences). A word starting with a digit (a card or CCCD number) is asked of FTS5, and its rowids are
kept in the list's order the same way (an array lookup instead of a pass of Python over the list).

The index is read again when the register changed: ``PRAGMA data_version`` (another connection committed) and
the connection's ``total_changes`` (this one wrote) are compared at each search. numpy (which the home page's
charts bring) is imported with the first index, not at start-up.
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left

from tayninh_desktop.storage.members_repo import fts_words, match_text

_INDEXED_WORD = re.compile(r"[a-z][a-z0-9]*").fullmatch
_AFTER = "\U0010ffff"   # a term with a prefix sorts before the prefix followed by the last code point
_TERMS_TABLE = "temp.members_fts_terms"


def register_version(db) -> tuple[int, int]:
    """Changes to the register since the last call show as a different pair: another connection's commits
    (``data_version``) and this connection's writes (``total_changes``)."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


class TermIndex:
    """Every term of ``members_fts`` that starts with a letter a–z, sorted, with the rowids holding it (one entry
    per occurrence): the rowids of ``terms[i]`` are ``rowids[offsets[i]:offsets[i + 1]]``."""

    __slots__ = ("offsets", "rowids", "size", "terms", "version")

    def __init__(self, db, version: tuple[int, int] | None = None) -> None:
        """``version``: the window's connection's, taken before a worker reads the index through its own."""
        import numpy as np

        # Taken first: a commit while reading shows as another version at the next search, which reads it again.
        self.version = register_version(db) if version is None else version
        conn = db.conn
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_TERMS_TABLE} USING fts5vocab(main, 'members_fts',"
                     " 'instance')")
        # One row per term (its rowids as one text): handing 300,000 occurrences over one at a time costs 4×.
        rows = conn.execute(f"SELECT term, count(*), group_concat(doc) FROM {_TERMS_TABLE}"
                            " WHERE term >= 'a' AND term < '{' GROUP BY term ORDER BY term").fetchall()
        self.terms = [r[0] for r in rows]
        counts = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        self.offsets = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(counts)))
        text = ",".join(r[2] for r in rows)
        self.rowids = _integers(text)
        if len(self.rowids) != self.offsets[-1]:
            raise ValueError("the terms' rowids did not add up")
        self.size = int(self.rowids.max()) + 1 if len(self.rowids) else 1

    def marks(self, words: list[str], size: int):
        """A boolean array over rowids 0…size-1: True where the row holds a term starting with every word."""
        import numpy as np

        marked = None
        for word in dict.fromkeys(words):
            first = bisect_left(self.terms, word)
            end = bisect_left(self.terms, word + _AFTER, first)
            these = np.zeros(size, dtype=bool)
            these[self.rowids[self.offsets[first]:self.offsets[end]]] = True
            if marked is None:
                marked = these
            else:
                marked &= these
        return marked


class ListSearch:
    """The rows of one list (the register page's, in its order) that a typed search matches.

    Kept by the list's owner between keystrokes: it holds the index (read again after a change to the register)
    and the list as an array (made again when the owner hands another list). A search with a word that does not
    start with a letter is asked of FTS5, its rowids marked the same way."""

    def __init__(self) -> None:
        self._index: TermIndex | None = None
        self._list: list[int] | None = None
        self._array = None
        self._size = 0

    def forget(self) -> None:
        """Drop the index (the register changed): the next search reads it again."""
        self._index = None

    def stale(self, db) -> tuple[int, int] | None:
        """The register's version when the index is missing or older (None: the index is current, or the
        connection is closed: the window moved to another register)."""
        try:
            version = register_version(db)
        except sqlite3.Error:
            return None
        return None if self._index is not None and self._index.version == version else version

    def adopt(self, index: TermIndex) -> None:
        """An index read on the worker (marked with the version ``stale`` gave): kept unless a search read one
        meanwhile; if the register changed since, the next search sees another version and reads it again."""
        if self._index is None or self._index.version != index.version:
            self._index = index

    def in_order(self, db, rowids: list[int], search: str) -> list[int] | None:
        """The rows of ``rowids`` matching ``search``, in the same order (None: nothing to search)."""
        words = fts_words(search)
        if not words:
            return None
        if rowids is not self._list:
            import numpy as np

            self._array = np.array(rowids, dtype=np.int64)
            self._size = int(self._array.max()) + 1 if rowids else 0
            self._list = rowids
        marks = None
        if all(map(_INDEXED_WORD, words)):
            marks = self._index_marks(db, words)
        if marks is None:
            marks = _fts_marks(db, search, self._size)
        return self._array[marks[self._array]].tolist()

    def _index_marks(self, db, words: list[str]):
        index = self._index
        if index is None or index.version != register_version(db):
            try:
                index = self._index = TermIndex(db)
            except (sqlite3.Error, ValueError):   # an index fts5vocab cannot read: FTS5 answers
                self._index = None
                return None
        return index.marks(words, max(index.size, self._size))


def _fts_marks(db, search: str, size: int):
    """The rows FTS5 matches, as a boolean array over rowids 0…size-1 (larger when a rowid is)."""
    import numpy as np

    text = match_text(db, search)
    found = _integers(text)
    marks = np.zeros(max(size, int(found.max()) + 1 if len(found) else 0), dtype=bool)
    marks[found] = True
    return marks


def _integers(text: str):
    """The comma-separated integers of ``text`` as an array (numpy's own parser: ~3× faster than ``split``)."""
    import numpy as np

    if not text:
        return np.zeros(0, dtype=np.int64)
    try:
        return np.fromstring(text, dtype=np.int64, sep=",")
    except (AttributeError, TypeError, ValueError, DeprecationWarning):   # a numpy without it
        return np.array(text.split(","), dtype=np.int64)
