"""Print actions of the support programme's papers: one per paper, each checking the person may see household
data, naming its subject (an application, an entry, a period) for ``support_documents.form_values`` and
printing through ``services.documents`` (the report is issued: numbered in the document register)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import FundKind
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import fund, scope, support_applications
from tayninh_desktop.services.documents import PrintRequest, PrintResult, print_form
from tayninh_desktop.services.support_documents import subject
from tayninh_desktop.storage.db import Database


def _print(db: Database, actor: Actor, form_id: str, out: Path, request: PrintRequest, settings=None,
           **about) -> PrintResult:
    actor.require(Permission.HOUSEHOLD_DATA)
    with subject(**about):
        result, _ = print_form(db, actor, form_id, Path(out), request, settings=settings)
    return result


def print_application(db: Database, actor: Actor, application_id: str, out: Path, settings=None) -> PrintResult:
    """The application of one member, filled from the application, the loan and the interest paid."""
    application = support_applications.get(db, actor, application_id)
    return _print(db, actor, "don_de_nghi_ho_tro_lai_suat", out,
                  PrintRequest(member_id=application.member_id, on=application.submitted_on, issue=False), settings,
                  application_id=application_id)


def print_approval_list(db: Database, actor: Actor, start: date, end: date, out: Path, settings=None) -> PrintResult:
    return _print(db, actor, "danh_sach_duyet_ho_tro_lai_suat", out, PrintRequest(on=min(end, date.today())),
                  settings, start=start, end=end)


def print_payment_list(db: Database, actor: Actor, start: date, end: date, out: Path, settings=None) -> PrintResult:
    return _print(db, actor, "danh_sach_chi_tra_ho_tro_lai_suat", out, PrintRequest(on=min(end, date.today())),
                  settings, start=start, end=end)


def print_receipt(db: Database, actor: Actor, entry_id: str, out: Path, settings=None) -> PrintResult:
    """The receipt of a contribution (its own number, not the document register's)."""
    actor.require(Permission.READ)
    scope.require_committee(db, actor)
    entry = fund.get_entry(db, actor, entry_id)
    if entry.kind is not FundKind.CONTRIBUTION:
        raise DomainError("entry_not_found", entry_id=entry_id)
    with subject(entry_id=entry.id):
        result, _ = print_form(db, actor, "phieu_thu_quy_ho_tro", Path(out), PrintRequest(on=entry.entry_date),
                               settings=settings)
    return result


def print_statement(db: Database, actor: Actor, start: date, end: date, out: Path, settings=None) -> PrintResult:
    actor.require(Permission.READ)
    with subject(start=start, end=end):
        result, _ = print_form(db, actor, "so_quy_ho_tro", Path(out), PrintRequest(on=min(end, date.today())),
                               settings=settings)
    return result


def print_reconciliation(db: Database, actor: Actor, on: date, out: Path, counted: int | None = None,
                         settings=None) -> PrintResult:
    actor.require(Permission.READ)
    with subject(end=on, counted=counted):
        result, _ = print_form(db, actor, "bien_ban_doi_chieu_quy_ho_tro", Path(out), PrintRequest(on=on),
                               settings=settings)
    return result


def print_report(db: Database, actor: Actor, start: date, end: date, out: Path, *, issue: bool = True,
                 settings=None) -> tuple[PrintResult, object]:
    """The programme's report for a period; issued (numbered in the document register) unless ``issue`` is off."""
    actor.require(Permission.HOUSEHOLD_DATA)
    with subject(start=start, end=end):
        return print_form(db, actor, "bao_cao_ho_tro_dang_vien", Path(out),
                          PrintRequest(on=min(end, date.today()), year=end.year, issue=issue), settings=settings)

