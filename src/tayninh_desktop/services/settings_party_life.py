"""Settings of party life that change how facts are read (kept apart from the computations that read them,
so the window can show and change a setting without loading the warnings)."""

from __future__ import annotations

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, settings_repo
from tayninh_desktop.storage.db import Database

THEMATIC_KEY = "thematic_absence_counts"


def thematic_absence_counts(db: Database) -> bool:
    """Whether an unexcused absence from a thematic meeting counts its month toward the three-months ground
    (a setting; the default is the regular-meeting reading: only regular monthly meetings count)."""
    return bool(settings_repo.get(db, THEMATIC_KEY, False))


def set_thematic_absence(db: Database, actor: Actor, counts: bool) -> Changes:
    """Set whether thematic meetings count toward the three-months ground (an office choice, audited)."""
    actor.require(Permission.EDIT_ORGANISATION)
    with db.atomic():
        before = thematic_absence_counts(db)
        settings_repo.put(db, THEMATIC_KEY, bool(counts))
        audit.append(db, actor.name, "set_thematic_absence", "settings", THEMATIC_KEY, {"counts": before},
                     {"counts": bool(counts)})
    return Changes(settings=True, party_life=True)
