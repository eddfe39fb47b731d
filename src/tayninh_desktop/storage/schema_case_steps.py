"""Migration m042 of the cases (issue 12, polish): a progress note tied to the cell meeting it was made at, and a
step corrected by a newer one.

- ``meeting_id``: the recorded cell meeting a progress note ("theo dõi, nhận xét") was made at; the minutes of that
  meeting list the notes recorded at it. A meeting removed as entered by mistake keeps no note tied to it (the
  service refuses while a note in force is; a note already corrected loses the link, its date stays).
- ``corrects_id`` / ``correction_reason``: a step recorded by mistake is never edited or deleted; a new step
  supersedes it, with the reason, and the old one stays in the case, shown as corrected.

Only columns with empty defaults are added: no existing value changes (the row hashes stay as they were).
"""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.storage.migrations import MIGRATIONS
from tayninh_desktop.storage.sql_script import run_script


@MIGRATIONS()
def m042_case_step_meetings_corrections(db: Database) -> None:
    """Progress notes tied to a meeting; steps superseded by a correction."""
    run_script(
        db,
        """
        ALTER TABLE case_steps ADD COLUMN meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL;
        ALTER TABLE case_steps ADD COLUMN corrects_id TEXT REFERENCES case_steps(id);
        ALTER TABLE case_steps ADD COLUMN correction_reason TEXT NOT NULL DEFAULT '';
        CREATE INDEX case_steps_meeting ON case_steps(meeting_id) WHERE meeting_id IS NOT NULL;
        CREATE UNIQUE INDEX case_steps_corrects ON case_steps(corrects_id) WHERE corrects_id IS NOT NULL;
        """,
    )
