"""Form definitions: one TOML file per printed form in ``tayninh_desktop/forms/``.

A form is data: its type code, title, summary, blocks (paragraphs with {fields}, dotted lines for
handwriting, numbered items, tables with their columns, side-by-side signatures, voting slips),
signature block and recipients. ``engine.render`` lays any of them out; adding a form is adding
a file here, not writing layout code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tayninh_desktop.domain.documents import Orientation, nfc
from tayninh_desktop.domain.errors import DomainError

# The top-level forms/ folder, installed as the package tayninh_desktop.forms (pyproject package-dir).
FORMS_DIR = Path(str(resources.files("tayninh_desktop.forms")))

PARAGRAPH_STYLES = frozenset(
    {"body", "plain", "center", "center_bold", "heading", "italic", "right_italic", "note", "center_italic",
     "center_small", "signature_right", "small"}
)


@dataclass(frozen=True)
class ParagraphBlock:
    """A paragraph of text with {fields}; ``style`` picks alignment and weight."""

    text: str
    style: str = "body"
    kind: str = "paragraph"


@dataclass(frozen=True)
class LinesBlock:
    """Dotted lines left for handwriting, or the text of ``field`` when the context has it."""

    count: int = 3
    field: str = ""
    kind: str = "lines"


@dataclass(frozen=True)
class ItemsBlock:
    """A numbered list from a context list (resolutions, agenda); dotted lines when blank."""

    field: str
    numbered: bool = True
    blank_count: int = 3
    template: str = "{text}"
    number_format: str = "{n}."   # "<b>Điều {n}.</b>" in a decision
    kind: str = "items"


@dataclass(frozen=True)
class ChoicesBlock:
    """Options side by side, each with a square to mark (a voting slip's "Đồng ý □")."""

    options: tuple[str, ...] = ("Đồng ý", "Không đồng ý")
    kind: str = "choices"


@dataclass(frozen=True)
class Column:
    """One table column: its header, relative width (mm), alignment and value template.

    ``group``: a heading over this column and the next ones of the same group (a two-level header, as the
    statistical forms' "Thực hiện" over "Kỳ này" and "Cùng kỳ năm trước"); a column without a group
    then spans both header rows. ``number``: what the numbering row prints (default: the column's number)."""

    header: str
    value: str = ""
    width: float = 20
    align: str = "left"
    in_blank: bool = False        # filled on a blank form too (the lines of a statistical form)
    group: str = ""
    number: str = ""


def group_runs(columns: tuple[Column, ...]) -> list[tuple[int, int, str]]:
    """(first, last, heading) of each run of neighbouring columns under one group heading."""
    runs: list[tuple[int, int, str]] = []
    for index, column in enumerate(columns):
        if not column.group:
            continue
        if runs and runs[-1][2] == column.group and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index, column.group)
        else:
            runs.append((index, index, column.group))
    return runs



@dataclass(frozen=True)
class TableBlock:
    """A table over a context list; the header repeats on every page."""

    rows: str
    columns: tuple[Column, ...]
    number_row: bool = False
    blank_rows: int = 15
    font_size: float = 0          # 0: the settings' table size
    row_height_mm: float = 0      # 0: as the text needs; a signature column wants room
    blank_row_height_mm: float = 0  # room to write a row by hand (0: one line and a half)
    rows_in_blank: bool = False   # the rows belong to the form (its lines): a blank form keeps them
    emphasis: str = ""            # a row field: the rows where it is true print in bold
    compact: bool = False         # tighter rows (a statistical form that must hold on one sheet)
    kind: str = "table"


@dataclass(frozen=True)
class SignerSpec:
    """A signature column: "THƯ KÝ" / "(Ký, ghi rõ họ tên)" / space / name; ``above``: an italic line over
    it (the place and date of a statistical form)."""

    title: str
    name: str = ""
    on_behalf: str = ""
    signing_for: str = ""
    note: str = ""
    above: str = ""


@dataclass(frozen=True)
class SignaturesBlock:
    """Several signatures side by side (chair and secretary, the vote-counting committee)."""

    signers: tuple[SignerSpec, ...]
    space_mm: float = 0           # room to sign (0: the office's setting)
    kind: str = "signatures"


@dataclass(frozen=True)
class SlipsBlock:
    """Voting slips: one per item and copy, ``rows`` × ``columns`` to a page with dashed cut lines."""

    blocks: tuple[Any, ...]
    items: str = "questions"
    copies: str = ""              # context field holding the number of copies of each slip
    rows: int = 4
    columns: int = 1
    blank_count: int = 4
    party_header: bool = True     # the compact two-block header; false: the slip's blocks carry the heading
    kind: str = "slips"


@dataclass(frozen=True)
class SectionBlock:
    """Blocks printed only when the context field ``when`` has a value (a part that depends on data
    another area records, such as the help-list outcomes of the Đề án 03 report)."""

    when: str
    blocks: tuple[Any, ...] = ()
    otherwise: str = ""           # a sentence printed instead (empty: print nothing)
    in_blank: bool = True         # a blank form prints the part for handwriting (false: a note about data)
    kind: str = "section"


@dataclass(frozen=True)
class ChartBlock:
    """A chart: the chart definition the context holds in ``spec`` (``domain.charts``); else a bar chart over
    a context list, one bar per row, dashed reference lines from the context."""

    rows: str = ""
    category: str = ""            # field of a row: the bar's label ("year")
    value: str = ""               # field of a row: the bar's height
    spec: str = ""                # context field holding the chart's spec (domain.charts.spec_data)
    title: str = ""
    lines: tuple[tuple[str, str], ...] = ()   # (context field, legend label) drawn as dashed lines
    height_mm: float = 70
    kind: str = "chart"


@dataclass(frozen=True)
class OutlineLine:
    """A line the editor can start a body from (a report's headings): data of the form, not the clerk's."""

    text: str
    bold: bool = False
    numbered: bool = False


@dataclass(frozen=True)
class BodyBlock:
    """The body the office typed for a free-text paper (``domain.rich_text``: paragraphs, numbered points,
    bold runs). Without a typed body (a blank form, a template to fill by hand) its ``blocks`` print instead."""

    field: str = "body"
    number_format: str = "{n}."        # a numbered point's number ("Điều {n}." in a decision)
    number_bold: bool = False
    points_heading: str = ""           # a centred bold line before the first numbered point ("QUYẾT ĐỊNH")
    blocks: tuple[Any, ...] = ()
    outline: tuple[OutlineLine, ...] = ()
    kind: str = "body"


@dataclass(frozen=True)
class SpacerBlock:
    height_mm: float = 5
    kind: str = "spacer"


@dataclass(frozen=True)
class PageBreakBlock:
    kind: str = "page_break"


BLOCK_TYPES: dict[str, type] = {
    "paragraph": ParagraphBlock,
    "lines": LinesBlock,
    "items": ItemsBlock,
    "table": TableBlock,
    "signatures": SignaturesBlock,
    "slips": SlipsBlock,
    "spacer": SpacerBlock,
    "page_break": PageBreakBlock,
    "choices": ChoicesBlock,
    "section": SectionBlock,
    "chart": ChartBlock,
    "body": BodyBlock,
}


@dataclass(frozen=True)
class FormDefinition:
    """A printable form."""

    id: str
    name: str
    type_code: str
    title: str = ""
    summary: str = ""
    summary_position: str = "title"       # "title" (under the type name) or "number" (công văn)
    orientation: Orientation = Orientation.PORTRAIT
    header: str = "party"                 # "party" or "none" (voting slips)
    numbered: bool = True
    page_numbers: bool = True
    scope: tuple[str, ...] = ()           # what a print needs: unit, cell, member, year, period, meeting
    description: str = ""
    keep_in_blank: tuple[str, ...] = ()   # fields still printed on a blank form (unit names)
    signature: SignerSpec | None = None
    recipients: tuple[str, ...] | None = None
    archive: str = "Lưu Văn phòng"
    source: str = ""                      # extra values a service computes ("meeting", "de_an_03")
    parts: tuple[str, ...] = ()           # a dossier: the forms bound after this one (cover and contents)
    blocks: tuple[Any, ...] = field(default_factory=tuple)
    # Who issues the paper: "cell" (the cell, T/M CHI BỘ), "committee" (T/M ĐẢNG ỦY), "standing" (a decision of
    # the standing committee, T/M BAN THƯỜNG VỤ) or "subject" (the cell chosen, else the committee).
    issuer: str = "subject"
    signer_role: str = "secretary"        # "secretary" (BÍ THƯ) or "deputy" (K/T BÍ THƯ, PHÓ BÍ THƯ)
    content: tuple[str, ...] = ()         # fields whose value makes a numbered form a document, not a template
    after: tuple[Any, ...] = ()           # blocks below the signature, past a cut line (a return slip)


def _fail(form_id: str, reason: str) -> DomainError:
    return DomainError("form_invalid", form=form_id, reason=reason)


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    return value


def _build(cls: type, data: dict, form_id: str) -> Any:
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise _fail(form_id, f"{cls.__name__}: unknown keys {sorted(unknown)}")
    try:
        return cls(**data)
    except TypeError as exc:
        raise _fail(form_id, f"{cls.__name__}: {exc}") from None


def _block(data: dict, form_id: str) -> Any:
    data = dict(data)
    kind = data.get("kind", "paragraph")
    cls = BLOCK_TYPES.get(kind)
    if cls is None:
        raise _fail(form_id, f"unknown block kind {kind!r}")
    if cls is TableBlock:
        data["columns"] = tuple(_build(Column, c, form_id) for c in data.get("columns", ()))
        if not data["columns"]:
            raise _fail(form_id, "a table needs columns")
        for column in data["columns"]:
            if column.align not in ("left", "center", "right"):
                raise _fail(form_id, f"bad column alignment {column.align!r}")
    elif cls is SignaturesBlock:
        data["signers"] = tuple(_build(SignerSpec, s, form_id) for s in data.get("signers", ()))
    elif cls is SlipsBlock or cls is SectionBlock or cls is BodyBlock:
        data["blocks"] = tuple(_block(b, form_id) for b in data.get("blocks", ()))
        if cls is BodyBlock:
            data["outline"] = tuple(_build(OutlineLine, line, form_id) for line in data.get("outline", ()))
    elif cls is ChartBlock:
        data["lines"] = tuple(tuple(pair) for pair in data.get("lines", ()))
    elif cls is ChoicesBlock:
        data["options"] = tuple(data.get("options", ChoicesBlock.options))
    elif cls is ParagraphBlock and data.get("style", "body") not in PARAGRAPH_STYLES:
        raise _fail(form_id, f"unknown paragraph style {data.get('style')!r}")
    return _build(cls, data, form_id)


def parse_form(data: dict, form_id: str) -> FormDefinition:
    """A form definition from parsed TOML (raises DomainError "form_invalid")."""
    data = _normalise(dict(data))
    data.setdefault("id", form_id)
    data["blocks"] = tuple(_block(b, form_id) for b in data.get("blocks", ()))
    if "signature" in data:
        data["signature"] = _build(SignerSpec, data["signature"], form_id)
    if "recipients" in data:
        recipients = data.pop("recipients")
        data["recipients"] = tuple(recipients.get("items", ()))
        if "archive" in recipients:
            data["archive"] = recipients["archive"]
    for key in ("scope", "keep_in_blank", "parts", "content"):
        data[key] = tuple(data.get(key, ()))
    data["after"] = tuple(_block(b, form_id) for b in data.get("after", ()))
    if data.get("issuer", "subject") not in ("cell", "committee", "standing", "subject"):
        raise _fail(form_id, f"bad issuer {data.get('issuer')!r}")
    if data.get("signer_role", "secretary") not in ("secretary", "deputy"):
        raise _fail(form_id, f"bad signer_role {data.get('signer_role')!r}")
    try:
        data["orientation"] = Orientation(data.get("orientation", "portrait"))
    except ValueError:
        raise _fail(form_id, f"bad orientation {data.get('orientation')!r}") from None
    if data.get("header", "party") not in ("party", "none"):
        raise _fail(form_id, f"bad header {data.get('header')!r}")
    return _build(FormDefinition, data, form_id)


def load_form_file(path: Path) -> FormDefinition:
    """Read and check one form file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path.stem, str(exc)) from None
    return parse_form(data, path.stem)


@cache
def all_forms() -> dict[str, FormDefinition]:
    """Every form shipped with the program, by id, in file-name order."""
    forms = {path.stem: load_form_file(path) for path in sorted(FORMS_DIR.glob("*.toml"))}
    for form in forms.values():
        unknown = [part for part in form.parts if part not in forms or forms[part].parts]
        if unknown:
            raise _fail(form.id, f"unknown or nested parts {unknown}")
    return forms


def get_form(form_id: str) -> FormDefinition:
    """The form with this id (raises DomainError "form_not_found")."""
    form = all_forms().get(form_id)
    if form is None:
        raise DomainError("form_not_found", form=form_id)
    return form


def _ref(name: str) -> str:
    """A template that reads one field (``{name}``)."""
    return "{" + name + "}" if name else ""


def _templates(block: Any) -> tuple[list[str], dict[str, list[str]]]:
    """(templates read against the document, {row field: templates read against each of its rows})."""
    top: list[str] = []
    rows: dict[str, list[str]] = {}
    if isinstance(block, ParagraphBlock):
        top.append(block.text)
    elif isinstance(block, LinesBlock) and block.field:
        top.append(_ref(block.field))
    elif isinstance(block, ItemsBlock):
        top.append(_ref(block.field))
        rows[block.field] = [block.template]
    elif isinstance(block, ChoicesBlock):
        top.extend(block.options)
    elif isinstance(block, TableBlock):
        top.append(_ref(block.rows))
        rows[block.rows] = [c.value for c in block.columns] + [c.header for c in block.columns]
    elif isinstance(block, SignaturesBlock):
        top.extend(t for s in block.signers for t in (s.title, s.name, s.on_behalf, s.signing_for, s.note))
    elif isinstance(block, ChartBlock):
        top.extend([_ref(block.rows), _ref(block.spec), block.title] + [_ref(f) for f, _ in block.lines])
        rows[block.rows] = [_ref(block.category), _ref(block.value)]
    elif isinstance(block, SlipsBlock | SectionBlock | BodyBlock):
        inner_top = [t for b in block.blocks for t in _templates(b)[0]]
        if isinstance(block, SlipsBlock):
            top.extend([_ref(block.items), _ref(block.copies)])
            rows[block.items] = inner_top
        elif isinstance(block, BodyBlock):
            top.extend([_ref(block.field), block.points_heading])
        else:
            top.extend([_ref(block.when), block.otherwise])
        top.extend(inner_top)
        for b in block.blocks:
            for key, values in _templates(b)[1].items():
                rows.setdefault(key, []).extend(values)
    return top, rows


def referenced_fields(form: FormDefinition) -> tuple[set[str], dict[str, set[str]]]:
    """The context fields a form prints: (top-level names, {list field: names read in its rows}).
    A printed document's stored context keeps only these (``context_codec.prune``)."""
    from tayninh_desktop.documents.fields import field_names

    top = [form.title, form.summary, *(form.recipients or ()), form.archive]
    if form.signature:
        s = form.signature
        top += [s.title, s.name, s.on_behalf, s.signing_for, s.note]
    rows: dict[str, list[str]] = {}
    for block in (*form.blocks, *form.after):
        block_top, block_rows = _templates(block)
        top += block_top
        for key, values in block_rows.items():
            rows.setdefault(key, []).extend(values)
    # A row's template may also read the document's fields: they are kept at the top level too.
    names = {n.split(".")[0] for t in top + [v for vs in rows.values() for v in vs] for n in field_names(t)}
    return names, {k: {n.split(".")[0] for v in vs for n in field_names(v)} for k, vs in rows.items()}


def body_block(form: FormDefinition) -> BodyBlock | None:
    """The form's typed-body block, if it has one (a free-text paper)."""
    return next((b for b in form.blocks if isinstance(b, BodyBlock)), None)


def typed_fields(blocks: tuple[Any, ...]) -> set[str]:
    """The fields the office may type, one item or paragraph a line: those of dotted-lines and items blocks
    (not a table's rows or a value the register computes)."""
    out: set[str] = set()
    for block in blocks:
        if isinstance(block, LinesBlock | ItemsBlock) and block.field:
            out.add(block.field)
        elif isinstance(block, SectionBlock | BodyBlock):
            out |= typed_fields(block.blocks)
    return out
