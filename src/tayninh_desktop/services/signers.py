"""Who signs for each unit (its bí thư and phó bí thư), as the office entered them: read by the papers and by the
home page's start checklist (which must not load the papers' context at start-up)."""

from __future__ import annotations

from tayninh_desktop.storage import settings_repo
from tayninh_desktop.storage.db import Database

SIGNERS_KEY = "documents.signers"   # {unit_id: {"secretary": "…", "deputy": "…"}}


def signers(db: Database, unit_id: str) -> tuple[str, str]:
    """(bí thư, phó bí thư) of a unit as the office entered them ("" when not entered)."""
    value = (settings_repo.get(db, SIGNERS_KEY, {}) or {}).get(unit_id, {})
    if isinstance(value, str):   # the first shape of the setting: the secretary's name only
        return value, ""
    return str(value.get("secretary", "")), str(value.get("deputy", ""))
