"""Numbers of documents per HD 36-HD/VPTW point 1.3.1, and the register of documents sent.

Numbers run from 01 for each type within the committee's term (nhiệm kỳ cấp ủy: from the day after its
congress closes to the close of the next congress). The term is data: the office records each congress's
closing day. Each issuer (the committee, each cell) keeps its own series and its own register; the
committee's register of documents sent lists only its own documents, ordered by date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents import IssuedDocument, Term, next_number, term_on
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, congress_repo, documents_repo, settings_repo
from tayninh_desktop.storage.db import Database

NUMBER_START_KEY = "documents.number_start"   # {"NQ": 15, ...}: continue a paper book in the term in progress
LABEL_LIMIT = 120


@dataclass(frozen=True)
class Congress:
    """A congress of the committee, by its closing day (the term after it starts the next day)."""

    closed_on: date
    label: str = ""


def congresses(db: Database) -> list[Congress]:
    """The committee's congresses, oldest first."""
    home = organisation.require_home(db)
    return [Congress(d, label) for d, label in congress_repo.closings(db, home.id)]


def add_congress(db: Database, actor: Actor, closed_on: date, label: str = "", *,
                 today: date | None = None) -> Changes:
    """Record the day a congress of the committee closed ("Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025–2030")."""
    actor.require(Permission.EDIT_ORGANISATION)
    label = " ".join(nfc(label).split())
    issues = []
    if closed_on > (today or date.today()):
        issues.append(FieldIssue("closed_on", "date_in_future", {"value": format_vn_date(closed_on)}))
    if len(label) > LABEL_LIMIT:
        issues.append(FieldIssue("label", "congress_label_too_long", {"value": len(label), "max": LABEL_LIMIT}))
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        home = organisation.require_home(db)
        if closed_on in {d for d, _ in congress_repo.closings(db, home.id)}:
            raise DomainError("congress_exists", date=format_vn_date(closed_on))
        congress_repo.insert(db, new_id(), home.id, closed_on, label)
        audit.append(db, actor.name, "add_congress", "unit", home.id, None,
                     {"closed_on": closed_on.isoformat(), "label": label})
    return Changes(settings=True, documents=True)


def remove_congress(db: Database, actor: Actor, closed_on: date) -> Changes:
    """Remove a congress recorded by mistake (documents already numbered keep their numbers)."""
    actor.require(Permission.EDIT_ORGANISATION)
    with db.atomic():
        home = organisation.require_home(db)
        if not congress_repo.delete(db, home.id, closed_on):
            raise DomainError("congress_not_found", date=format_vn_date(closed_on))
        audit.append(db, actor.name, "remove_congress", "unit", home.id, {"closed_on": closed_on.isoformat()}, None)
    return Changes(settings=True, documents=True)


def term_for(db: Database, on: date) -> Term:
    """The committee's term a paper dated ``on`` belongs to; refused when no congress before it is recorded."""
    home = organisation.require_home(db)
    term = term_on([d for d, _ in congress_repo.closings(db, home.id)], on)
    if term is None:
        raise DomainError("term_unknown", unit=home.name, date=format_vn_date(on))
    return term


def take_number(db: Database, unit_id: str, type_code: str, on: date) -> tuple[int, Term]:
    """The next number of the issuer's series of ``type_code`` in the term of ``on`` (inside the caller's
    transaction: the register's UNIQUE (issuer, type, term, number) refuses a number taken twice)."""
    term = term_for(db, on)
    start = 1
    if term.end is None:   # an office continuing a paper book in the term in progress
        start = int((settings_repo.get(db, NUMBER_START_KEY, {}) or {}).get(type_code, 1))
    used = documents_repo.used_numbers(db, unit_id, type_code, term.start, term.end)
    return next_number(used, start), term


def register_of(db: Database, unit_id: str, *, year: int | None = None) -> list[IssuedDocument]:
    """One issuer's register of documents sent, oldest first (the order of the book)."""
    docs = documents_repo.listing(db, unit_id=unit_id, year=year)
    return sorted(docs, key=lambda d: (d.issued_on, d.created_at, d.type_code, d.number))
