"""The first step of an import: read the file, find the member table, guess or recall the column mapping.

A workbook may hold several sheets (the list, a summary, last year's list): every sheet is surveyed,
those that hold a recognisable member table listed first, so the user can pick another one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_headers import TARGETS, HeaderGuess
from tayninh_desktop.domain.members import REQUIRED_FIELDS
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.spreadsheets.layout import (
    SheetLayout,
    SheetSurvey,
    choose_sheet,
    converted_samples,
    survey_sheets,
)
from tayninh_desktop.spreadsheets.reader import read_workbook
from tayninh_desktop.storage import audit, import_repo

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@contextmanager
def bulk():
    """Pause the cyclic garbage collector while a list's few hundred thousand small objects are made.

    They hold no cycles (reference counting frees them); collection passes over them cost ~20 %.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class ImportSource:
    """A file read and its table found: what the mapping step of the wizard shows."""

    path: Path
    kind: str
    sheets: tuple[str, ...]
    layout: SheetLayout
    mapping: dict[int, str]
    remembered: bool
    survey: tuple[SheetSurvey, ...] = ()   # every sheet, those with a member table first

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def sheet(self) -> str:
        return self.layout.sheet

    @property
    def header(self) -> HeaderGuess:
        return self.layout.header

    def conversions(self, limit: int = 12) -> list[tuple[str, str, str]]:
        """(encoding, as stored, as converted) examples of legacy text in the file."""
        return converted_samples(self.layout.rows, self.layout.data_start, limit)


def open_source(db, path: Path | str, *, sheet: str | None = None,
                mapping: dict[int, str] | None = None) -> ImportSource:
    """Read an .xlsx/.xls list and find its table; the mapping given, remembered, or guessed (in that order).

    ``sheet`` names the sheet to read; by default the first sheet that holds a member table.
    """
    path = Path(path)
    with bulk():
        book = read_workbook(path)
        layout = choose_sheet(book, path.name, sheet)
        survey = survey_sheets(book, path.name)
    remembered = import_repo.get_mapping(db, layout.header.signature)
    chosen = mapping if mapping is not None else remembered if remembered is not None else layout.header.mapping
    return ImportSource(path, book.kind, tuple(g.name for g in book.sheets), layout, dict(chosen),
                        remembered is not None and mapping is None, survey)


def remember_mapping(db, actor: Actor, source: ImportSource, mapping: dict[int, str]) -> Changes:
    """Keep the user's column mapping for the next file with the same headers."""
    actor.require(Permission.EDIT_REGISTER)
    unknown = [t for t in mapping.values() if t not in TARGETS]
    if unknown:
        raise DomainError("import_bad_mapping", value=unknown[0])
    with db.atomic():
        import_repo.put_mapping(db, source.header.signature, mapping)
        audit.append(db, actor.name, "remember_import_mapping", "settings", None, None,
                     {"headers": list(source.header.headers), "mapping": {str(k): v for k, v in mapping.items()}})
    return Changes(settings=True)


def required_missing(source: ImportSource) -> list[str]:
    """Required fields that no column of the mapping provides (shown at the mapping step)."""
    provided = {f for t in source.mapping.values() for f in TARGETS.get(t, ()) if f}
    if "birth_male" in provided or "birth_female" in provided:
        provided |= {"birth_date", "gender"}
    return [f for f in REQUIRED_FIELDS if f not in provided]
