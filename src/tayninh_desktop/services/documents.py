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
from tayninh_desktop.documents.engine import recipient_lines, render, render_bytes
from tayninh_desktop.documents.fields import fill
from tayninh_desktop.documents.forms import FormDefinition, body_block, referenced_fields, typed_fields
from tayninh_desktop.documents.office_forms import FormProblem
from tayninh_desktop.documents.output import check_target, sha256_hex, stage
from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import check_year, format_vn_date, month_text
from tayninh_desktop.domain.documents import (
    DOCUMENT_TYPES,
    DocumentHeader,
    DocumentSettings,
    IssuedDocument,
    check_period,
    format_symbol,
)
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.rich_text import BodyParagraph, body_data, parse_body
from tayninh_desktop.domain.validation import length_issues
from tayninh_desktop.domain.votes import VoteKind
from tayninh_desktop.services import (
    documents_context,
    documents_issuer,
    documents_letters,
    documents_lists,
    documents_numbering,
    documents_votes,
    organisation,
    reports_de_an_03,
    scope,
    screening_papers,
)
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.documents_register import print_register
from tayninh_desktop.services.form_catalogue import catalogue, get_form, office_folder
from tayninh_desktop.services.print_result import PrintResult
from tayninh_desktop.services.sample_register import frame_settings
from tayninh_desktop.storage import audit, documents_repo
from tayninh_desktop.storage.db import Database

NUMBER_START_KEY = documents_numbering.NUMBER_START_KEY
TEXT_LIMITS = {"summary": 300, "content": 2000, "questions": 300}   # a trích yếu, a paragraph, a motion
CONTENT_LINES = 200
SIGNERS_KEY = documents_context.SIGNERS_KEY


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
    inputs: frozenset[str] = frozenset()   # what the office can write for it: questions, summary, content, body
    outline: tuple[tuple[str, bool, bool], ...] = ()   # a body's starting lines: (text, bold, numbered)
    by_period: bool = False        # a statistical form: printed for a year, a half, a quarter or a month


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
    case_ids: tuple[str, ...] = ()        # a dossier's cases voted on at the meeting (services/dossier_cases)
    case_id: str | None = None            # a screening or removal case (services/screening_papers)
    draft: bool = False                   # print a numbered paper as a draft, marked "DỰ THẢO"
    summary: str = ""                     # the trích yếu the office wrote
    content: tuple[str, ...] = ()         # the paper's content, one item or paragraph a line
    body: tuple[BodyParagraph, ...] = ()  # a free-text paper's body as typed (paragraphs, numbered points, bold)
    motion: VoteKind | None = None        # what the slips about the members discussed ask
    tally: tuple[int, int, int | None] | None = None   # a counted ballot: yes, no, slips returned
    letter_id: str | None = None          # the transfer letter a giấy giới thiệu prints


# A party document is dated from the Party's founding (03/02/1930) to next year at the latest.
DOCUMENT_YEARS = (1930,)


def checked_request(request: PrintRequest) -> PrintRequest:
    """The request with its year and period checked (the period in its canonical form); refused when
    it names a year, period or case that cannot exist, before anything is rendered or numbered."""
    check_year(request.year)
    if request.on and not DOCUMENT_YEARS[0] <= request.on.year <= date.today().year + 1:
        raise DomainError("document_date_implausible", value=format_vn_date(request.on), low=DOCUMENT_YEARS[0],
                          high=date.today().year + 1)
    longest = {"summary": request.summary, "content": max(request.content, key=len, default=""),
               "questions": max(request.questions, key=len, default="")}
    issues = length_issues(longest, TEXT_LIMITS)
    body, body_issues = parse_body(request.body)
    issues += body_issues
    if len(request.content) > CONTENT_LINES:
        issues.append(FieldIssue("content", "too_many_lines", {"count": len(request.content), "max": CONTENT_LINES}))
    if issues:
        raise ValidationError(issues)
    return replace(request, period=check_period(request.period), body=body)


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
    body = body_block(f)
    return FormInfo(f.id, f.name, f.type_code, f.description, f.scope, f.numbered, f.parts,
                    f.source == "member_record" or f.scope == ("member",), f.id in office_ids, _inputs(f),
                    tuple((line.text, line.bold, line.numbered) for line in body.outline) if body else (),
                    f.source == "statistics")


def _inputs(form: FormDefinition) -> frozenset[str]:
    """What the office can write for a form on the Văn bản page (a dossier: what its parts read)."""
    forms = [form, *(get_form(part) for part in form.parts)]
    read = set().union(*(referenced_fields(f)[0] for f in forms))
    inputs = {"questions"} if read & {"questions", "question"} else set()
    if "summary" in read and (form.numbered or form.parts):
        inputs.add("summary")
    if any(_content_field(f) for f in forms):
        inputs.add("content")
    return frozenset(inputs | ({"body"} if body_block(form) else set()))


def _content_field(form: FormDefinition) -> str:
    """Where the office's content lines go: the first content field typed one item a line that is not the typed
    body; else the typed body itself, as plain paragraphs; "" when the content is what the register computes."""
    body = body_block(form)
    typed = typed_fields(form.blocks)
    plain = [name for name in form.content if (not body or name != body.field) and name in typed]
    return plain[0] if plain else (body.field if body else "")


def get_form_info(form_id: str) -> FormInfo:
    """One form's description (raises DomainError "form_not_found")."""
    return _info(get_form(form_id), catalogue().office_ids)


def build_context(db: Database, form_id: str, request: PrintRequest, *, values: dict | None = None) -> dict:
    """Everything the form's fields can use, taken from the register as it stood on the document's date
    (``values``: what the caller computed already, such as the warnings the home page shows)."""
    form = get_form(form_id)
    request = checked_request(request)
    request, case = screening_papers.effective_request(db, form, request)
    request, letter = documents_letters.effective_request(db, form, request)
    on = letter.issued_on if letter else (request.on or date.today())
    issuer = documents_issuer.resolve(db, form, request, on)
    home = organisation.require_home(db)
    subject = issuer.cell if issuer.cell and (issuer.kind == "cell" or request.cell_id) else None
    lists = documents_lists.member_list(db, form, subject, on, request.year)
    names = {"committee_name": documents_issuer.name_on(db, home.id, on),
             "unit_name": documents_issuer.name_on(db, (subject or home).id, on),
             "cell_name": documents_issuer.name_on(db, issuer.cell.id, on) if issuer.cell else ""}
    ctx: dict = {
        "header": documents_issuer.header(db, issuer.unit, on, form), **names, **documents_issuer.context_fields(issuer),
        "superior_name": documents_issuer.name_on(db, home.parent_id, on) if home.parent_id else "",
        "deciding_body": f"Ban Thường vụ {names['committee_name']}",
        "as_of": on, "meeting_date": on, "year": request.year or on.year, "month": month_text(on.month),
        "meeting_title": f"sinh hoạt chi bộ tháng {month_text(on.month)} năm {on.year}", "meeting_kind": "thường kỳ",
        **lists,
    }
    if "meeting" in form.scope:   # the monthly resolution's trích yếu
        ctx["summary"] = f"lãnh đạo thực hiện nhiệm vụ tháng {month_text(on.month)} năm {on.year}"
    kind = request.motion or VoteKind.RESOLUTION
    ctx.update(documents_votes.vote_context(db, subject, on, kind, request.tally))
    if request.questions:
        ctx["questions"] = [q[:1].lower() + q[1:] if q[:2].istitle() else q for q in request.questions]
        ctx["question"] = "; ".join(ctx["questions"])
    if "meeting" in form.scope and subject is not None:
        ctx.update(documents_context.meeting_values(db, subject, on, lists["member_objects"], ctx["members"]))
        ctx.update(documents_votes.present_voters(db, subject, on, ctx))
        from tayninh_desktop.services.case_meetings import minutes_values

        ctx.update(minutes_values(db, subject.id, on))   # the progress notes made at the meeting
    ctx.pop("member_objects")
    if form.source in screening_papers.LIST_SOURCES:
        ctx.update(screening_papers.list_context(db, form.source, subject.id if subject else None, on, request.year))
    if case is not None:
        ctx.update(screening_papers.case_context(db, form, case, on, ctx))
    if form.source == "de_an_03":
        ctx.update(reports_de_an_03.report_context(db, home, subject, on, request.year, blank=request.blank))
    if form.source.startswith("support_") and not request.blank:   # the support programme's papers
        from tayninh_desktop.services import support_documents

        ctx.update(support_documents.form_values(db, form.source, request, on))
    if form.source == "dues_book" and subject is not None and not request.blank:   # the cell's dues of a year
        from tayninh_desktop.services.dues_book import book_values

        ctx.update(book_values(db, subject.id, names["unit_name"], request.year or on.year))
    elif form.source == "dues_book":
        ctx["book_year"] = request.year or on.year
    if form.source == "warnings":
        from tayninh_desktop.services import warnings_print

        ctx.update(values if values is not None else
                   warnings_print.computed_values(db, subject.id if subject else None, on))
    if issuer.member is not None:
        ctx.update(documents_lists.member_row(issuer.member))
        ctx["summary"] = f"về đảng viên {issuer.member.full_name}"
        if form.source == "member_record":
            ctx.update(documents_context.member_record(db, issuer.member, on))
    if letter is not None:
        ctx.update(documents_letters.letter_context(db, letter, issuer.member, on))
    if request.period:
        ctx["summary"] = f"kết quả công tác kỳ {request.period}"
    if form.source == "statistics":
        from tayninh_desktop.services.statistics_print import print_context

        ctx.update(print_context(db, form.id, request.period, request.year, on, blank=request.blank,
                                 header=ctx.get("header")))
    if form.source in ("key_card", "returns_aggregate", "returns_reminder"):   # returns to the superior
        from tayninh_desktop.services.returns_printing import form_values

        ctx.update(form_values(db, form.source, request.period, on, blank=request.blank))
    _add_content(form, ctx, request)
    return ctx


def _add_content(form: FormDefinition, ctx: dict, request: PrintRequest) -> None:
    """What the office wrote for the paper: its summary (trích yếu), its content (one item a line: the first
    content field that is not the typed body, else the body as plain paragraphs) and its typed body."""
    if request.summary:
        ctx["summary"] = request.summary
    body = body_block(form)
    if request.content and _content_field(form):
        ctx[_content_field(form)] = list(request.content)
    if body is not None and request.body:
        ctx[body.field] = body_data(request.body)


def has_content(form: FormDefinition, context: dict) -> bool:
    """Whether a numbered form is a document (its content is there) or an empty template."""
    return not form.content or any(context.get(name) for name in form.content)


def print_form(db: Database, actor: Actor, form_id: str, out: Path, request: PrintRequest,
               *, settings: DocumentSettings | None = None) -> tuple[PrintResult, Changes]:
    """Print a form to ``out``. A filled, numbered form is issued: it takes the next number of its type and
    issuer in the committee's term and enters the register, all in one transaction, and the PDF is moved
    into place only after the commit. A blank form, a draft (marked "DỰ THẢO") and an empty template
    (no content yet) take no number. A refused print leaves no file."""
    actor.require(Permission.READ)
    output_targets.check(out)   # refused before a number is taken: never over the register or a backup
    settings = frame_settings(db, settings)
    form = get_form(form_id)
    if form.source.startswith("support_"):   # names members in hardship: household data
        actor.require(Permission.HOUSEHOLD_DATA)
    request = checked_request(request)
    _require_scope(db, actor, request)
    check_target(out)
    if form.parts:
        from tayninh_desktop.services.documents_dossier import print_dossier

        result = print_dossier(db, form, out, request, build_context, settings)
        return PrintResult(result.path, result.pages, result.sha256), Changes()
    if form.source == "document_register":
        return print_register(db, actor, out, year=request.year, cell_id=request.cell_id,
                              settings=settings, blank=request.blank), Changes()
    request, _ = screening_papers.effective_request(db, form, request)
    request, _ = documents_letters.effective_request(db, form, request)
    context = build_context(db, form_id, request)
    document = form.numbered and not request.blank and has_content(form, context)
    if not document or not request.issue or request.draft:
        if document:   # a numbered paper printed without its number is a draft, and says so
            context["header"] = replace(context["header"], number=None, draft=True)
        result = render(form, context, out, settings=settings, blank=request.blank)
        return PrintResult(result.path, result.pages, result.sha256), Changes()
    actor.require(Permission.EDIT_REGISTER)
    return _issue(db, actor, form, context, request, out, settings)


def _require_scope(db: Database, actor: Actor, request: PrintRequest) -> None:
    """A cell secretary prints their cell's papers (a blank form is anyone's); the committee's are not theirs."""
    if not (actor.scoped or scope.scoped_cell(db)) or request.blank:
        return
    if request.cell_id or not (request.member_id or request.member_ids or request.letter_id):
        scope.require_cell(db, request.cell_id, actor)
    for member_id in (request.member_id, *request.member_ids):
        if member_id:
            scope.require_member(db, member_id, actor)


def _issue(db: Database, actor: Actor, form: FormDefinition, context: dict, request: PrintRequest, out: Path,
           settings: DocumentSettings | None) -> tuple[PrintResult, Changes]:
    header: DocumentHeader = context["header"]
    on = header.on or date.today()
    staged = None
    try:
        with db.atomic():
            issuer = documents_issuer.resolve(db, form, request, on)
            documents_issuer.require_signer(issuer)
            summary = _summary(form, context)
            number, term = documents_numbering.take_number(db, issuer.unit.id, form.type_code, on)
            context["header"] = replace(header, number=number)
            symbol = format_symbol(number, form.type_code, header.issuer_code)
            data, pages = render_bytes(form, context, settings=settings)
            recipients = recipient_lines(form, context)
            doc = IssuedDocument(id=new_id(), unit_id=issuer.unit.id, type_code=form.type_code, number=number,
                                 year=on.year, symbol=symbol, issued_on=on, summary=summary,
                                 signer=issuer.signer.name, form_id=form.id, pdf_sha256=sha256_hex(data),
                                 context_json=context_codec.dumps(context_codec.prune(form, context)),
                                 term_start=term.start, recipients="\n".join(recipients), copies=len(recipients))
            documents_repo.insert(db, doc, header.issuer_code)
            documents_letters.record_issue(db, context, doc)
            screening_papers.record_issue(db, request, form, doc.id)
            audit.append(db, actor.name, "issue_document", "document", doc.id, None,
                         {"symbol": symbol, "form": form.id, "date": on.isoformat(), "sha256": doc.pdf_sha256})
            staged = stage(out, data)   # fsynced beside the target before the commit, renamed after it
        staged.publish()
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    return (PrintResult(Path(out), pages, doc.pdf_sha256, doc.id, symbol),
            Changes(documents=True, party_life="letter_id" in context, note=symbol))


def _summary(form: FormDefinition, context: dict) -> str:
    """The register's trích yếu: the type's name and what the paper is about, as printed (HD 36 makes the
    trích yếu mandatory: a numbered paper without one is refused)."""
    about = fill(form.summary, context, markup=False, dotted=False).strip(" ()") if form.summary else ""
    if form.summary and not about:
        raise DomainError("summary_missing", form=form.name)
    return " ".join(p for p in (DOCUMENT_TYPES.get(form.type_code, form.name), about) if p)


def reprint(db: Database, actor: Actor, document_id: str, out: Path,
            *, settings: DocumentSettings | None = None) -> PrintResult:
    """Print an issued document again from its recorded values (same number, same date)."""
    actor.require(Permission.READ)
    output_targets.check(out)
    doc = documents_repo.get(db, document_id)
    if doc is None:
        raise DomainError("document_not_found", document_id=document_id)
    settings = frame_settings(db, settings)
    scope.require_cell(db, doc.unit_id, actor)   # a cell secretary: their cell's papers only
    result = render(get_form(doc.form_id), context_codec.loads(doc.context_json), out, settings=settings)
    return PrintResult(result.path, result.pages, result.sha256, doc.id, doc.symbol)
