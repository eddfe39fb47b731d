"""What the demo register needs to print numbered papers as an office would: who signs for the committee
and each cell (members of the unit, full members at home), and the congresses that open the terms."""

from __future__ import annotations

import random
from datetime import date

from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services.documents_context import SIGNERS_KEY
from tayninh_desktop.storage import congress_repo, settings_repo
from tayninh_desktop.storage.db import Database

# The commune congresses of the last two terms (the 2025 one after the merger of communes).
CONGRESSES = ((date(2020, 6, 20), "Đại hội Đảng bộ xã lần thứ XIII, nhiệm kỳ 2020–2025"),
              (date(2025, 8, 15), "Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025–2030"))


def _two_leaders(db: Database, entries: list, rng: random.Random, taken: set[str]) -> tuple[str, str]:
    from tayninh_desktop.storage import members_repo

    entries = [e for e in entries if e.status is MemberStatus.FULL and e.member_id not in taken]
    chosen = rng.sample(entries, min(2, len(entries)))
    taken.update(e.member_id for e in chosen)
    names = [m.full_name for m in members_repo.get_many(db, [e.member_id for e in chosen])]
    return (names + ["", ""])[0], (names + ["", ""])[1]


def set_up(db: Database, home_id: str, cell_ids: list[str], today: date, rng: random.Random,
           everyone: list) -> None:
    """Signers of every unit (no one leads two units) and the committee's congresses (inside the demo's
    transaction; ``rng`` is the demo's own, used after every other figure was drawn). ``everyone``: today's
    ``roster_on`` of the whole committee; each cell's roster is its part, in list order."""
    by_cell: dict[str, list] = {}
    for entry in everyone:
        by_cell.setdefault(entry.cell_id, []).append(entry)
    signers, taken = {}, set()
    for unit_id in [home_id, *cell_ids]:
        entries = everyone if unit_id == home_id else by_cell.get(unit_id, [])
        secretary, deputy = _two_leaders(db, entries, rng, taken)
        signers[unit_id] = {"secretary": secretary, "deputy": deputy}
    settings_repo.put(db, SIGNERS_KEY, signers)
    for closed_on, label in CONGRESSES:
        if closed_on < today:
            congress_repo.insert(db, new_id(), home_id, closed_on, label)
