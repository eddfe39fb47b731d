"""User actions on documents: the forms available, printing one (and numbering it in the document
register), reprinting an issued document, printing the register itself.

The context of a form is built here from the register: header lines from the organisation tree on
the document's date (so a document dated before 1/7/2025 prints the district superior), the
members of a cell on that date, the counts a meeting needs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tayninh_desktop.documents import context_codec
from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.documents.office_forms import FormProblem
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import check_year, format_vn_date
from tayninh_desktop.domain.documents import (
    DocumentHeader,
    DocumentSettings,
    IssuedDocument,
    NumberingRule,
    check_period,
    format_symbol,
    next_number,
)
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import Member, MemberStatus
from tayninh_desktop.domain.messages_register import STATUS_LABELS
from tayninh_desktop.domain.org import Unit, UnitType
from tayninh_desktop.services import documents_context, organisation, reports_de_an_03
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.form_catalogue import all_forms, catalogue, get_form, office_folder
from tayninh_desktop.services.sample_register import frame_settings
from tayninh_desktop.storage import (
    audit,
    documents_repo,
    events_repo,
    members_repo,
    settings_repo,
    units_repo,
)
from tayninh_desktop.storage.db import Database

NUMBER_START_KEY = "documents.number_start"   # {"NQ": 15, ...}: continue a paper book mid-year
SIGNERS_KEY = documents_context.SIGNERS_KEY
ACTIVE = tuple(s.value for s in (MemberStatus.PROBATIONARY, MemberStatus.FULL, MemberStatus.EXEMPTED,
                                 MemberStatus.AWAY, MemberStatus.TEMP_OUT, MemberStatus.TEMP_IN))


@dataclass(frozen=True)
class FormInfo:
    """A form as the forms list shows it."""

    id: str
    name: str
    type_code: str
    description: str
    scope: tuple[str, ...]
    numbered: bool
    parts: tuple[str, ...] = ()
    needs_member: bool = False     # about one member: printed only when a member is chosen
    office: bool = False           # added by the office (a TOML file in the data folder's forms directory)


@dataclass(frozen=True)
class PrintRequest:
    """What a print is about: a cell, a member, a year or period, a date (today by default)."""

    cell_id: str | None = None
    member_id: str | None = None
    year: int | None = None
    period: str | None = None
    on: date | None = None
    blank: bool = False
    issue: bool = True
    member_ids: tuple[str, ...] = ()      # a dossier's members under discussion (annexes)
    questions: tuple[str, ...] = ()       # what the meeting votes on (slips, vote count)
    case_id: str | None = None            # a screening or removal case (no case can be printed yet)


def checked_request(request: PrintRequest) -> PrintRequest:
    """The request with its year and period checked (the period in its canonical form); refused when
    it names a year, period or case that cannot exist, before anything is rendered or numbered."""
    check_year(request.year)
    if request.case_id:
        raise DomainError("case_not_found", case=request.case_id)
    return replace(request, period=check_period(request.period))


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    sha256: str
    document_id: str | None = None
    symbol: str = ""


def list_forms(scope: str | None = None) -> list[FormInfo]:
    """The forms shipped with the program and those the office added, optionally only those about
    ``scope`` (cell, member…)."""
    found = catalogue()
    return [_info(f, found.office_ids) for f in found.forms.values() if scope is None or scope in f.scope]


def office_forms_folder() -> Path:
    """Where the office puts its own forms (the data folder's forms directory)."""
    return office_folder()


def office_form_problems() -> tuple[FormProblem, ...]:
    """The office's form files that were skipped, each with its file name and what is wrong."""
    return catalogue().problems


def _info(f: FormDefinition, office_ids: frozenset[str]) -> FormInfo:
    return FormInfo(f.id, f.name, f.type_code, f.description, f.scope, f.numbered, f.parts,
                    f.source == "member_record" or f.scope == ("member",), f.id in office_ids)


def get_form_info(form_id: str) -> FormInfo:
    """One form's description (raises DomainError "form_not_found")."""
    return _info(get_form(form_id), catalogue().office_ids)


def _member_row(member: Member) -> dict:
    birth = str(member.birth_date.year) if member.birth_year_only else member.birth_date
    return {
        "id": member.id, "full_name": member.full_name, "birth_date": birth, "birth_year": member.birth_date.year,
        "gender": member.gender.label, "ethnicity": member.ethnicity, "religion": member.religion,
        "hometown": member.hometown, "current_address": member.current_address,
        "education_general": member.education_general, "political_theory": member.political_theory,
        "education_professional": member.education_professional, "occupation": member.occupation,
        "joined_on": member.joined_on, "full_member_on": member.full_member_on, "card_number": member.card_number,
        "dossier_number": member.dossier_number, "status": STATUS_LABELS.get(member.status.value, ""),
        "standing": "dự bị" if member.status is MemberStatus.PROBATIONARY else "chính thức",
        "notes": member.notes,
    }


def _members(db: Database, unit: Unit, on: date) -> list[Member]:
    if unit.unit_type is UnitType.CELL:
        return members_repo.get_many(db, events_repo.member_ids_in_cell_on(db, unit.id, on))
    return members_repo.get_many(db, [s.id for s in members_repo.summaries(
        db, members_repo.list_rowids(db, statuses=ACTIVE))])


def _header(db: Database, unit: Unit, on: date, form: FormDefinition) -> DocumentHeader:
    lines = organisation.header_lines(db, unit.id, on)
    return DocumentHeader(superior_line=lines.superior_line, issuer_line=lines.issuer_line,
                          issuer_code=lines.issuer_code, place_name=lines.place_name, type_code=form.type_code, on=on)


def _issuer(db: Database, form: FormDefinition, request: PrintRequest) -> tuple[Unit, Unit | None]:
    """(the issuing unit, the cell the document is about)."""
    home = organisation.require_home(db)
    cell = organisation.unit(db, request.cell_id) if request.cell_id else None
    if request.member_id and cell is None:
        member = members_repo.get(db, request.member_id)
        if member is None:
            raise DomainError("member_not_found", member_id=request.member_id)
        cell = organisation.unit(db, member.cell_id) if member.cell_id else None
    cell_issued = "cell" in form.scope and "unit" not in form.scope
    if cell_issued and cell is None:
        raise DomainError("form_needs", form=form.name, what="chi bộ (--cell)")
    return (cell if cell_issued and cell else home), cell


def build_context(db: Database, form_id: str, request: PrintRequest) -> dict:
    """Everything the form's fields can use, taken from the register on the document's date."""
    form = get_form(form_id)
    request = checked_request(request)
    on = request.on or date.today()
    issuer, cell = _issuer(db, form, request)
    home = organisation.require_home(db)
    subject = cell or home
    members = _members(db, subject, on)
    if form.source == "member_events":   # the Mẫu 7 keeps the members who left during the year
        left = documents_context.left_in_year(db, subject, request.year or on.year, cell is not None)
        members += members_repo.get_many(db, [i for i in left if i not in {m.id for m in members}])
    rows = [_member_row(m) for m in members]
    secretary, deputy = documents_context.signers(db, issuer.id)
    home_lines = organisation.header_lines(db, home.id, on)
    ctx: dict = {
        "header": _header(db, issuer, on, form),
        "unit_name": subject.name, "cell_name": cell.name if cell else "", "committee_name": home.name,
        "superior_name": _superior_name(db, home, on) or home_lines.superior_line,
        "deciding_body": f"Ban Thường vụ {home.name}", "signer_name": secretary, "deputy_name": deputy,
        "as_of": on, "meeting_date": on, "year": request.year or on.year, "month": f"{on.month:02d}",
        "members": rows, "member_count": len(members), **_counts(members),
        "meeting_title": f"sinh hoạt chi bộ tháng {on.month:02d} năm {on.year}", "meeting_kind": "thường kỳ",
    }
    if request.questions:
        ctx["questions"] = list(request.questions)
    if "meeting" in form.scope and cell is not None:
        ctx.update(documents_context.meeting_values(db, cell, on, members, rows))
    ctx["slip_copies"] = ctx.get("present") or ctx["required"]   # one slip per member expected to vote
    if form.source == "member_events":
        documents_context.register_columns(db, rows)
    if form.source == "de_an_03":
        ctx.update(reports_de_an_03.report_context(db, home, cell, on, request.year, blank=request.blank))
    if request.member_id:
        member = members_repo.get(db, request.member_id)
        if member is None:
            raise DomainError("member_not_found", member_id=request.member_id)
        ctx.update(_member_row(member))
        ctx["summary"] = f"về đảng viên {member.full_name}"
        if form.source == "member_record":
            ctx.update(documents_context.member_record(db, member, on))
    if request.period:
        ctx["summary"] = f"kết quả công tác kỳ {request.period}"
    return ctx


def _superior_name(db: Database, home: Unit, on: date) -> str:
    """The superior committee's name on the date ("Tỉnh ủy Tây Ninh"), as the recipients line says it."""
    version = units_repo.version_on(db, home.id, on)
    parent_id = version.parent_id if version else home.parent_id
    parent = units_repo.version_on(db, parent_id, on) if parent_id else None
    return parent.name if parent else ""


def _counts(members: list[Member]) -> dict[str, int]:
    exempted = sum(m.status is MemberStatus.EXEMPTED for m in members)
    away = sum(m.status in (MemberStatus.AWAY, MemberStatus.TEMP_OUT) for m in members)
    return {"total_members": len(members), "exempted": exempted,
            "full_members": sum(m.status is not MemberStatus.PROBATIONARY for m in members),
            "probationary_members": sum(m.status is MemberStatus.PROBATIONARY for m in members),
            "required": len(members) - exempted - away}


def print_form(db: Database, actor: Actor, form_id: str, out: Path, request: PrintRequest,
               *, settings: DocumentSettings | None = None) -> tuple[PrintResult, Changes]:
    """Print a form to ``out``. A filled, numbered form is issued: it takes the next number of its type,
    issuer and year and enters the document register with its PDF's hash, all in one transaction."""
    actor.require(Permission.READ)
    settings = frame_settings(db, settings)
    form = get_form(form_id)
    request = checked_request(request)
    if form.parts:
        from tayninh_desktop.services.documents_dossier import print_dossier

        result = print_dossier(db, form, out, request, build_context, settings)
        return PrintResult(result.path, result.pages, result.sha256), Changes()
    context = build_context(db, form_id, request)
    if request.blank or not form.numbered or not request.issue:
        result = render(form, context, out, settings=settings, blank=request.blank)
        return PrintResult(result.path, result.pages, result.sha256), Changes()
    actor.require(Permission.EDIT_REGISTER)
    header: DocumentHeader = context["header"]
    on = header.on or date.today()
    with db.atomic():
        issuer, _ = _issuer(db, form, request)
        start = int((settings_repo.get(db, NUMBER_START_KEY, {}) or {}).get(form.type_code, 1))
        rule = NumberingRule(form.type_code, header.issuer_code, on.year, start)
        number = next_number(rule, documents_repo.used_numbers(db, issuer.id, form.type_code, on.year))
        context["header"] = replace(header, number=number)
        symbol = format_symbol(number, form.type_code, header.issuer_code)
        result = render(form, context, out, settings=settings)
        doc = IssuedDocument(id=new_id(), unit_id=issuer.id, type_code=form.type_code, number=number, year=on.year,
                             symbol=symbol, issued_on=on, summary=str(context.get("summary", form.name)),
                             signer=str(context.get("signer_name", "")), form_id=form.id,
                             pdf_sha256=result.sha256, context_json=context_codec.dumps(context))
        documents_repo.insert(db, doc, header.issuer_code)
        audit.append(db, actor.name, "issue_document", "document", doc.id, None,
                     {"symbol": symbol, "form": form.id, "date": on.isoformat(), "sha256": result.sha256})
    return (PrintResult(result.path, result.pages, result.sha256, doc.id, symbol),
            Changes(documents=True, note=symbol))


def reprint(db: Database, actor: Actor, document_id: str, out: Path,
            *, settings: DocumentSettings | None = None) -> PrintResult:
    """Print an issued document again from its recorded values (same number, same date)."""
    actor.require(Permission.READ)
    doc = documents_repo.get(db, document_id)
    if doc is None:
        raise DomainError("document_not_found", document_id=document_id)
    settings = frame_settings(db, settings)
    result = render(get_form(doc.form_id), context_codec.loads(doc.context_json), out, settings=settings)
    return PrintResult(result.path, result.pages, result.sha256, doc.id, doc.symbol)


def register_listing(db: Database, *, year: int | None = None, type_code: str | None = None) -> list[IssuedDocument]:
    """The document register, newest first."""
    check_year(year)
    return documents_repo.listing(db, year=year, type_code=type_code)


def print_register(db: Database, actor: Actor, out: Path, *, year: int | None = None,
                   settings: DocumentSettings | None = None) -> PrintResult:
    """Print the document register (sổ đăng ký văn bản đi) of a year."""
    actor.require(Permission.READ)
    settings = frame_settings(db, settings)
    check_year(year)
    on = date.today()
    form = get_form("so_dang_ky_van_ban")
    home = organisation.require_home(db)
    year = year or on.year
    docs = sorted(documents_repo.listing(db, year=year), key=lambda d: (d.issued_on, d.type_code, d.number))
    rows = [{"symbol": d.symbol, "issued_on": format_vn_date(d.issued_on), "type_name": get_form(d.form_id).name
             if d.form_id in all_forms() else d.type_code, "summary": d.summary, "signer": d.signer,
             "sha": d.pdf_sha256[:12]} for d in docs]
    context = {"header": _header(db, home, on, form), "documents": rows, "year": year or on.year,
               "unit_name": home.name, "document_count": len(rows)}
    result = render(form, context, out, settings=settings)
    return PrintResult(result.path, result.pages, result.sha256)


def register_ids(db: Database, *, year: int | None = None) -> list[str]:
    """The ids of the document register, newest first (a table fetches their rows as it paints them)."""
    check_year(year)
    return documents_repo.ids(db, year=year)


def register_rows(db: Database, document_ids: list[str]) -> list[IssuedDocument]:
    return documents_repo.get_many(db, document_ids)
