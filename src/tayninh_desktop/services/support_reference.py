"""The support programme's reference data in use: the shipped records (resources/reference/support.toml),
each section replaceable by the office's own copy (kept in the settings, audited), e.g. when the province
issues the plan that follows 90-KH/TU or the bank changes a rate."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from importlib import resources

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance_reference import (
    SECTIONS,
    ReferenceBook,
    SupportPlan,
    book_to_raw,
    parse_reference,
)
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, settings_repo
from tayninh_desktop.storage.db import Database

REFERENCE_PACKAGE = "tayninh_desktop.resources.reference"
REFERENCE_FILE = "support.toml"
SETTINGS_KEY = "support.reference"     # {"plan": [...], "programmes": [...], "poverty_lines": [...]} (any subset)


@lru_cache(maxsize=1)
def shipped_raw() -> dict:
    """The shipped records as parsed TOML."""
    text = resources.files(REFERENCE_PACKAGE).joinpath(REFERENCE_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def shipped() -> ReferenceBook:
    return parse_reference(shipped_raw())


def overrides(db: Database) -> dict:
    return settings_repo.get(db, SETTINGS_KEY, {}) or {}


def book(db: Database) -> ReferenceBook:
    """The reference data in use: the office's sections where it edited them, the shipped ones otherwise."""
    edited = overrides(db)
    if not edited:
        return shipped()
    raw = book_to_raw(shipped())
    raw.update({k: v for k, v in edited.items() if k in SECTIONS})
    return parse_reference(raw)


def plan_on(db: Database, day: date, field: str = "period_from") -> SupportPlan:
    """The support plan in force on ``day``; refused (naming ``field``) when there is none."""
    plan = book(db).plan_on(day)
    if plan is None:
        raise ValidationError([FieldIssue(field, "no_plan_on", {"date": format_vn_date(day)})])
    return plan


def edited_sections(db: Database) -> tuple[str, ...]:
    return tuple(k for k in SECTIONS if k in overrides(db))


def set_section(db: Database, actor: Actor, section: str, records: list[dict] | None) -> Changes:
    """Replace one section (``plan``, ``programmes`` or ``poverty_lines``) with the office's records, checked
    together with the other sections; ``None`` goes back to the shipped records. Nothing is saved when any
    record is wrong (each problem names the section, the row and the field)."""
    actor.require(Permission.EDIT_ORGANISATION)
    if section not in SECTIONS:
        raise ValidationError([FieldIssue(section, "reference_unknown_section", {"value": section})])
    with db.atomic():
        stored = overrides(db)
        before = stored.get(section)
        if records is None:
            stored.pop(section, None)
        else:
            stored[section] = records
        raw = book_to_raw(shipped())
        raw.update(stored)
        parse_reference(raw)                  # refuses before anything is written
        settings_repo.put(db, SETTINGS_KEY, stored)
        audit.append(db, actor.name, "set_support_reference", "settings", f"{SETTINGS_KEY}.{section}",
                     {"records": before}, {"records": records})
    return Changes(settings=True, support=True)
