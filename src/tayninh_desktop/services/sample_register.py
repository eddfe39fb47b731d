"""The sample register (sổ mẫu): synthetic data to try the program, kept in its own file and marked as such.

``demo`` writes the mark; the window shows "SỔ MẪU" on every window of a marked register and every page
printed from it carries the mark (``frame_settings``), so a practice paper is never taken for a real one.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import settings_repo
from tayninh_desktop.storage.db import Database

if TYPE_CHECKING:   # the documents' settings load with the first print, not with the window (which asks is_sample)
    from tayninh_desktop.domain.documents import DocumentSettings

SAMPLE_KEY = "register.sample"
# Printed across every page of a document printed from the sample register.
SAMPLE_PRINT_MARK = "SỔ MẪU — DỮ LIỆU GIẢ LẬP"


def is_sample(db: Database) -> bool:
    """True when this register was made by ``demo`` (the sample register)."""
    return bool(settings_repo.get(db, SAMPLE_KEY, False))


def mark_sample(db: Database) -> None:
    """Mark the register as the sample one (inside the caller's transaction: ``demo``)."""
    settings_repo.put(db, SAMPLE_KEY, True)


def frame_settings(db: Database, settings: DocumentSettings | None = None) -> DocumentSettings:
    """The page settings a document of this register is printed with: the sample mark on every page of a
    sample register. Every print path passes its settings through here."""
    if settings is None:
        from tayninh_desktop.domain.documents import DocumentSettings

        settings = DocumentSettings()
    return replace(settings, sample_mark=SAMPLE_PRINT_MARK) if is_sample(db) else settings


def check_sample_target(target: Path, real_register: Path) -> None:
    """Refuse to make the sample register in the office's real register file."""
    if _same_file(target, real_register):
        raise DomainError("sample_on_real_register", path=str(target))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)
