"""Who issues a paper, on whose behalf it is signed and by whom, on the paper's date.

A paper issued by a cell has the cell in its header and signs T/M CHI BỘ with the cell's secretary; the
committee signs T/M ĐẢNG ỦY; a decision of the standing committee T/M BAN THƯỜNG VỤ. A member's paper is
issued by the member's own cell on the paper's date (a member of another cell is refused). Every name on
the paper is the one valid on its date (a cell renamed since prints its old name on an old paper).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents import AUTHORITY, SIGNER_TITLES, SIGNING_FOR_SECRETARY, DocumentHeader
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.org import Unit, UnitType
from tayninh_desktop.services import documents_context, organisation
from tayninh_desktop.storage import members_repo, roster_repo, units_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class Signer:
    """The signature block's words and the name under it ("" when the office has not entered it)."""

    authority: str          # "T/M CHI BỘ"
    title: str              # "BÍ THƯ", "PHÓ BÍ THƯ"
    signing_for: str        # "K/T BÍ THƯ" when the deputy signs
    name: str
    role: str               # "secretary" or "deputy": the name the office must enter


@dataclass(frozen=True)
class Issuer:
    """The unit a paper comes from on its date, and what that means for the paper."""

    unit: Unit
    kind: str               # "cell", "committee" or "standing"
    name: str               # its name on the date ("Chi bộ ấp Cầu Xe")
    report_to: str          # the body it reports to on the date (the committee; the superior)
    cell: Unit | None       # the cell the paper is about (a member's cell), if any
    member: Member | None
    signer: Signer


def header(db: Database, unit: Unit, on: date, form: FormDefinition) -> DocumentHeader:
    """The header lines of a paper issued by ``unit`` on ``on`` (the superior and the issuer valid that day)."""
    lines = organisation.header_lines(db, unit.id, on)
    return DocumentHeader(superior_line=lines.superior_line, issuer_line=lines.issuer_line,
                          issuer_code=lines.issuer_code, place_name=lines.place_name, type_code=form.type_code, on=on)


def name_on(db: Database, unit_id: str, on: date) -> str:
    """A unit's name on ``on`` (its first name when the date is before any version)."""
    version = units_repo.version_on(db, unit_id, on) or units_repo.versions(db, unit_id)[0]
    return version.name


def _parent_name(db: Database, unit_id: str, on: date) -> str:
    version = units_repo.version_on(db, unit_id, on)
    parent_id = version.parent_id if version else None
    return name_on(db, parent_id, on) if parent_id else ""


def _member_and_cell(db: Database, request, on: date) -> tuple[Member | None, Unit | None]:
    cell = organisation.unit(db, request.cell_id) if request.cell_id else None
    if cell is not None and cell.unit_type is UnitType.CELL and units_repo.version_on(db, cell.id, on) is None:
        raise DomainError("cell_not_open_on", cell=cell.name, date=format_vn_date(on))
    if not request.member_id:
        return None, cell
    member = members_repo.get(db, request.member_id)
    if member is None:
        raise DomainError("member_not_found", member_id=request.member_id)
    cell_on = roster_repo.cell_of_on(db, member.id, on)
    if cell_on is None:
        raise DomainError("member_not_on_register", name=member.full_name, date=format_vn_date(on))
    if cell is not None and cell.id != cell_on:
        raise DomainError("member_not_in_cell", name=member.full_name, cell=name_on(db, cell.id, on),
                          date=format_vn_date(on), actual=name_on(db, cell_on, on))
    return member, cell or organisation.unit(db, cell_on)


def _signer(db: Database, form: FormDefinition, unit: Unit, kind: str) -> Signer:
    secretary, deputy = documents_context.signers(db, unit.id)
    authority = AUTHORITY[kind]
    if kind == "committee" and unit.unit_type is UnitType.PROVINCE_COMMITTEE:
        authority = "T/M TỈNH ỦY"   # a provincial committee's own papers (a superior that receives returns)
    if form.signer_role == "deputy" and (deputy or not secretary):
        return Signer(authority, SIGNER_TITLES["deputy"], SIGNING_FOR_SECRETARY, deputy, "deputy")
    # A deputy's paper is signed by the secretary when the unit has no deputy entered.
    return Signer(authority, SIGNER_TITLES["secretary"], "", secretary, "secretary")


def resolve(db: Database, form: FormDefinition, request, on: date) -> Issuer:
    """The issuer of ``form`` for ``request`` on ``on``; refuses a member of another cell, a cell paper
    without a cell, a cell not in existence that day."""
    home = organisation.require_home(db)
    member, cell = _member_and_cell(db, request, on)
    kind = form.issuer
    if kind == "subject":
        kind = "cell" if request.cell_id else "committee"
    if kind == "cell" and cell is None:
        raise DomainError("form_needs", form=form.name, what="chi bộ (--cell)")
    unit = cell if kind == "cell" else home
    return Issuer(unit=unit, kind=kind, name=name_on(db, unit.id, on), report_to=_parent_name(db, unit.id, on),
                  cell=cell, member=member, signer=_signer(db, form, unit, kind))


def context_fields(issuer: Issuer) -> dict:
    """What every form reads about its issuer and signature."""
    s = issuer.signer
    return {"issuer_name": issuer.name, "report_to": issuer.report_to, "authority": s.authority,
            "signer_title": s.title, "signing_for": s.signing_for, "signer_name": s.name,
            "archive_place": "Chi bộ" if issuer.kind == "cell" else "Văn phòng Đảng ủy"}


def require_signer(issuer: Issuer) -> None:
    """A numbered paper is signed by a named person (HD 36: the signer's name is mandatory)."""
    if not issuer.signer.name:
        raise DomainError("signer_missing", unit=issuer.name, role=SIGNER_TITLES[issuer.signer.role].capitalize(),
                          unit_code=issuer.unit.code)
