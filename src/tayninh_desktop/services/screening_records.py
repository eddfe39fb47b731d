"""User actions on what the screening reads besides party life: the facts of a member's decline entered with their
source, and the removals the Đề án allotted to a unit for a year (with the document that allotted them)."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.cases import SOURCES
from tayninh_desktop.domain.dates import check_year, format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.screening import Allotment, ReportedFact
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.cases import check_day
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import today_or
from tayninh_desktop.storage import audit, cases_repo, roster_repo, units_repo
from tayninh_desktop.storage.db import Database

FACT_KINDS = ("suy_thoai", "vi_pham", "uy_tin_thap")


def add_fact(db: Database, actor: Actor, member_id: str, kind: str, source: str, on: date | None, *,
             source_name: str = "", doc_number: str = "", text: str = "",
             today: date | None = None) -> tuple[str, Changes]:
    """Enter a decline concluded by the committee, or reported by the hamlet front committee or the workplace, with
    its source and document. The detectors read it; it decides nothing."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    on = check_day("step_date", on, today)
    text, source_name, doc_number = nfc(text).strip(), nfc(source_name).strip(), nfc(doc_number).strip()
    issues = []
    if kind not in FACT_KINDS:
        issues.append(FieldIssue("fact_kind", "bad_choice" if kind else "required", {"value": kind}))
    if source not in SOURCES:
        issues.append(FieldIssue("fact_source", "bad_choice" if source else "required", {"value": source}))
    if not text:
        issues.append(FieldIssue("step_text", "required"))
    issues += length_issues({"step_text": text, "source_name": source_name, "doc_number": doc_number},
                            {"step_text": NOTES_MAX_LENGTH})
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        member = require_member(db, member_id)
        if roster_repo.cell_of_on(db, member.id, on) is None:
            raise ValidationError([FieldIssue("step_date", "fact_member_not_on_register",
                                              {"date": format_vn_date(on), "name": member.full_name})])
        fact = ReportedFact(new_id(), member.id, kind, source, source_name, on, doc_number, text)
        cases_repo.insert_fact(db, fact)
        audit.append(db, actor.name, "screening_fact", "member", member.id, None,
                     {"id": fact.id, "kind": kind, "source": source, "on": on.isoformat()})
    return fact.id, Changes(screening=True, member_ids=(member.id,))


def set_allotment(db: Database, actor: Actor, unit_id: str, year: int | None, allotted, doc_number: str,
                  doc_date: date | None = None, note: str = "") -> Changes:
    """The removals (xóa tên and leaving on request) the Đề án allotted to a unit for a year, with its document."""
    actor.require(Permission.EDIT_ORGANISATION)
    issues = []
    if year is None:
        issues.append(FieldIssue("year", "required"))
    else:
        check_year(year)
    if not isinstance(allotted, int) or isinstance(allotted, bool) or allotted < 0:
        issues.append(FieldIssue("allotted", "allotment_bad_count", {"value": allotted}))
    doc_number, note = nfc(doc_number).strip(), nfc(note).strip()
    if not doc_number:
        issues.append(FieldIssue("allotment_doc", "allotment_needs_document"))
    issues += length_issues({"allotment_doc": doc_number, "notes": note})
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        unit = units_repo.get(db, unit_id) if unit_id else None
        if unit is None:
            raise DomainError("unit_not_found", unit=unit_id)
        before = next((a for a in cases_repo.allotments(db, year) if a.unit_id == unit.id), None)
        allotment = Allotment(unit.id, year, allotted, doc_number, doc_date, note)
        cases_repo.put_allotment(db, allotment, new_id())
        audit.append(db, actor.name, "set_allotment", "unit", unit.id,
                     {"allotted": before.allotted, "doc": before.doc_number} if before else None,
                     {"year": year, "allotted": allotted, "doc": doc_number})
    return Changes(screening=True, settings=True)


def allotments(db: Database, year: int | None = None) -> list[Allotment]:
    return cases_repo.allotments(db, check_year(year))
