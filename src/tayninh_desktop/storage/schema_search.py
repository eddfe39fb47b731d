"""Migration m047 of the register's search (issue 11): prefix indexes of one and two letters in ``members_fts``.

Search as you type asks the full-text index for every word typed as a prefix. A word of one or two letters ("ng",
"nguyen t") is a prefix of hundreds of distinct words, whose lists FTS5 had to merge at every keystroke: on the
100,000-member register those were the slowest keystrokes of the register page. With ``prefix='1 2'`` FTS5 keeps
one list per prefix of one and two letters (about 4 MB more at 100,000 members) and reads it directly. The
matches are the same; the index is rebuilt from ``members.search_text`` (its content table) in the migration's
transaction, and the triggers that keep it in step with ``members`` are unchanged.
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m047_members_search_prefixes(db: Database) -> None:
    """The members' full-text index again, with prefix indexes of one and two letters, rebuilt from the members."""
    run_script(
        db,
        """
        DROP TABLE members_fts;
        CREATE VIRTUAL TABLE members_fts USING fts5(
            search_text, content='members', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0',
            prefix='1 2'
        );
        INSERT INTO members_fts(members_fts) VALUES ('rebuild');
        """,
    )
