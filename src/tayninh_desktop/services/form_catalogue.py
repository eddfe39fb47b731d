"""The forms a print can use: those shipped with the program, then those the office added as TOML files
in the data folder's ``forms`` directory. The office's files are read again when one changes (a file
dropped in while the window is open shows at the next listing); a broken one is skipped and reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tayninh_desktop import config
from tayninh_desktop.documents import forms, office_forms
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.documents.office_forms import FormProblem
from tayninh_desktop.domain.errors import DomainError

OFFICE_FOLDER = "forms"


@dataclass(frozen=True)
class Catalogue:
    forms: dict[str, FormDefinition]      # the shipped forms first, then the office's, each in file-name order
    office_ids: frozenset[str]
    problems: tuple[FormProblem, ...]     # office files skipped, with the reason


_last: dict[Path, tuple[tuple, dict[str, FormDefinition], tuple[FormProblem, ...]]] = {}


def office_folder() -> Path:
    """Where an office puts its own forms (``…/tayninh-desktop/forms``; beside the program when portable)."""
    return config.data_dir() / OFFICE_FOLDER


def _signature(folder: Path) -> tuple:
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*")))
    except OSError:
        return ()


def catalogue() -> Catalogue:
    """Every form that can be printed now, and the office files that were skipped."""
    shipped = forms.all_forms()
    folder = office_folder()
    signature = _signature(folder)
    cached = _last.get(folder)
    if cached is None or cached[0] != signature:
        found, problems = office_forms.load_folder(folder, shipped) if signature else ({}, ())
        _last.clear()
        _last[folder] = cached = (signature, found, problems)
    _, found, problems = cached
    return Catalogue({**shipped, **found}, frozenset(found), problems)


def all_forms() -> dict[str, FormDefinition]:
    """Every printable form by id (shipped and the office's)."""
    return catalogue().forms


def get_form(form_id: str) -> FormDefinition:
    """The form with this id, shipped or the office's (raises DomainError "form_not_found")."""
    found = catalogue()
    form = found.forms.get(form_id)
    if form is None:
        for problem in found.problems:   # the office's file is there but broken: say what is wrong with it
            if Path(problem.file).stem == form_id:
                raise DomainError("office_form_broken", file=problem.file, reason=problem.reason)
        raise DomainError("form_not_found", form=form_id)
    return form
