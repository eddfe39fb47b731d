"""The start checklist of a new committee — cells, the Excel list, signers, the first meeting — each step ticked
when the register shows it done (computed every time, never a stored flag)."""

from __future__ import annotations

from dataclasses import dataclass

from tayninh_desktop.services import organisation
from tayninh_desktop.services.signers import signers
from tayninh_desktop.storage import start_repo
from tayninh_desktop.storage.db import Database

STEPS = ("cells", "members", "signers", "meeting")


@dataclass(frozen=True)
class StartStep:
    key: str          # one of STEPS
    done: bool
    count: int = 0    # cells, members or meetings recorded so far (signers: 1 when the committee's are set)
    unit: str = ""    # the committee's name (the signers step)


def start_steps(db: Database) -> list[StartStep]:
    """The four steps in order, each with whether the register shows it done."""
    counts = start_repo.counts(db)
    home = organisation.home_unit(db)
    secretary = signers(db, home.id)[0] if home else ""
    return [StartStep("cells", counts["cells"] > 0, counts["cells"]),
            StartStep("members", counts["members"] > 0, counts["members"]),
            StartStep("signers", bool(secretary), int(bool(secretary)), home.name if home else ""),
            StartStep("meeting", counts["meetings"] > 0, counts["meetings"])]


def all_done(db: Database) -> bool:
    return all(step.done for step in start_steps(db))
