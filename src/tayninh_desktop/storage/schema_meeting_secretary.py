"""Migration m005_meeting_secretary: who kept the minutes (thư ký) of a cell meeting.

The biên bản and the meeting dossier print the secretary beside the chair; before this the name was left
as dots to write by hand. Existing meetings keep an empty secretary (printed as dots, as before).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS


@MIGRATIONS()
def m005_meeting_secretary(db: Database) -> None:
    """The meeting's secretary, as typed (or, in the demo, a member's name)."""
    db.execute("ALTER TABLE meetings ADD COLUMN secretary TEXT NOT NULL DEFAULT ''")
