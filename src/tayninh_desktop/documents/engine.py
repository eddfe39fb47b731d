"""The one renderer: a form definition plus a context in, a PDF out.

The context is a plain mapping. Keys the frame reads: ``header`` (a ``DocumentHeader``),
``signature`` (a ``Signature``, else the form's signature filled from the context) and
``recipients`` (a ``Recipients``, else the form's list). Everything else feeds the {fields}
of the form's text and the rows of its tables.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from tayninh_desktop.documents import fill as page_fill
from tayninh_desktop.documents.blocks import BUILDERS, CutLine, DottedLines, RenderContext
from tayninh_desktop.documents.charts import bar_chart
from tayninh_desktop.documents.fields import Scope, dots, fill
from tayninh_desktop.documents.forms import (
    BodyBlock,
    ChartBlock,
    FormDefinition,
    ParagraphBlock,
    SectionBlock,
    SignaturesBlock,
    SignerSpec,
    SlipsBlock,
)
from tayninh_desktop.documents.frame import (
    PartyHeader,
    closing_table,
    frame_height,
    frame_width,
    make_doc,
    title_flowables,
)
from tayninh_desktop.documents.keep import KeepTail, keep_headings_with_tables
from tayninh_desktop.documents.output import RenderResult, sha256_hex, write_atomic
from tayninh_desktop.documents.rich import body_flowables
from tayninh_desktop.documents.slips import slips
from tayninh_desktop.domain.documents import (
    DocumentHeader,
    DocumentSettings,
    Recipients,
    Signature,
)
from tayninh_desktop.domain.rich_text import parse_body

# Fields a blank form still prints: who issues it is known before the meeting.
TAIL_LINES = 2   # handwriting lines that go over to a new page with the signature
ALWAYS_KEPT = ("header", "unit_name", "cell_name", "superior_name", "place_name", "committee_name", "authority",
               "signer_title", "signing_for", "report_to", "issuer_name")
REPORTING = "(để báo cáo)"
GROW_ROUNDS = 3   # layouts spent filling the last page (each measures the room left again)


def _header(form: FormDefinition, context: Mapping[str, Any], blank: bool) -> DocumentHeader:
    header = context.get("header")
    if not isinstance(header, DocumentHeader):
        header = DocumentHeader(dots(30), dots(30), "...", dots(12))
    if not header.type_code:
        header = replace(header, type_code=form.type_code)
    if blank:
        header = replace(header, number=None, on=None)
    return header


def _scope(form: FormDefinition, context: Mapping[str, Any], blank: bool) -> Scope:
    if not blank:
        return Scope(context)
    kept = set(ALWAYS_KEPT) | set(form.keep_in_blank)
    return Scope({k: v for k, v in context.items() if k in kept})


def _signature(spec: SignerSpec | None, context: Mapping[str, Any], scope: Scope, blank: bool) -> Signature | None:
    given = context.get("signature")
    if isinstance(given, Signature):
        return replace(given, name="") if blank else given
    if spec is None:
        return None
    name = fill(spec.name, scope) if spec.name else ""
    if blank or name.startswith("...."):
        name = ""
    # The authority and title are known even on a blank form; an empty one prints nothing, never dots.
    return Signature(
        title=fill(spec.title, scope, markup=False, dotted=False), name=name,
        on_behalf=fill(spec.on_behalf, scope, markup=False, dotted=False),
        signing_for=fill(spec.signing_for, scope, markup=False, dotted=False),
    )


def _recipients(form: FormDefinition, context: Mapping[str, Any], scope: Scope) -> Recipients | None:
    given = context.get("recipients")
    if isinstance(given, Recipients):
        return given
    if form.recipients is None:
        return None
    return Recipients(tuple(_not_to_itself([fill(item, scope) for item in form.recipients], scope)),
                      archive=fill(form.archive, scope))


def _not_to_itself(items, scope: Scope) -> list[str]:
    """No paper is sent to its own issuer "để báo cáo": such a line is dropped."""
    issuer = str(scope.get("issuer_name") or "").casefold()
    return [item for item in items if not (issuer and REPORTING in item and item.casefold().startswith(issuer))]


def paper_parts(form: FormDefinition, context: Mapping[str, Any], blank: bool = False
                ) -> tuple[DocumentHeader, Scope, Signature | None, Recipients | None]:
    """What the frame of a form says with ``context``: header, the values, signature, recipients (the Word
    file is framed from the same)."""
    header, scope = _header(form, context, blank), _scope(form, context, blank)
    return header, scope, _signature(form.signature, context, scope, blank), _recipients(form, context, scope)


def recipient_lines(form: FormDefinition, context: Mapping[str, Any]) -> tuple[str, ...]:
    """The "Nơi nhận" lines of a filled form, as plain text (the document register keeps them)."""
    recipients = _recipients(form, context, Scope(context))
    if recipients is None:
        return ()
    return tuple(line.removeprefix("- ").rstrip(",.") for line in recipients.lines())


def build_story(
    form: FormDefinition,
    context: Mapping[str, Any],
    settings: DocumentSettings,
    *,
    blank: bool = False,
    grow: tuple[Any, int] = (None, 0),
) -> list[Flowable]:
    """The flowables of one form (without page template switches; see ``render`` and the dossier).
    ``grow``: a block of the form and how many more lines or rows it prints (``documents.fill``)."""
    header = _header(form, context, blank)
    scope = _scope(form, context, blank)
    width = frame_width(settings, form.orientation)
    ctx = RenderContext(scope=scope, settings=settings, width=width, blank=blank, header=header,
                        grow_block=grow[0], grow=grow[1])
    story: list[Flowable] = []
    if form.header == "party":
        summary = fill(form.summary, scope, markup=False) if form.summary else ""
        under_number = (summary,) if form.summary_position == "number" and summary else ()
        story.append(PartyHeader(header, settings, numbered=form.numbered, summary_lines=under_number))
        title = fill(form.title, scope) if form.title else ""
        story.extend(title_flowables(title, "" if under_number else fill(form.summary, scope), settings))
    _add_blocks(story, form.blocks, ctx, frame_height(settings, form.orientation))
    story = keep_headings_with_tables(story)
    signature = _signature(form.signature, context, scope, blank)
    recipients = _recipients(form, context, scope)
    if signature or recipients:
        _keep_with_last(story, [closing_table(recipients, signature, settings, width)])
    if form.after:   # a part to cut off and send back (the return slip of a giấy giới thiệu)
        after: list[Flowable] = [CutLine()]
        _add_blocks(after, form.after, ctx, frame_height(settings, form.orientation))
        story.append(KeepTogether(after))
    return story


def _add_blocks(story: list[Flowable], blocks, ctx: RenderContext, page_height: float) -> None:
    for block in blocks:
        if isinstance(block, SlipsBlock):
            story.extend(slips(block, ctx, page_height))
        elif isinstance(block, SignaturesBlock):
            _keep_with_last(story, BUILDERS[block.kind](block, ctx))
        elif isinstance(block, SectionBlock):
            if (block.in_blank and ctx.blank) or (not ctx.blank and ctx.scope.get(block.when)):
                _add_blocks(story, block.blocks, ctx, page_height)
            elif block.otherwise and not ctx.blank:
                story.extend(BUILDERS["paragraph"](ParagraphBlock(block.otherwise, "italic"), ctx))
        elif isinstance(block, ChartBlock):
            story.extend(bar_chart(block, ctx))
        elif isinstance(block, BodyBlock):
            body = typed_body(block, ctx)
            if body:
                story.extend(body_flowables(block, body, ctx))
            else:   # no typed body: the form's outline to fill by hand
                _add_blocks(story, block.blocks, ctx, page_height)
        else:
            story.extend(BUILDERS[block.kind](block, ctx))


def typed_body(block: BodyBlock, ctx: RenderContext) -> tuple:
    """The body typed for the paper (none on a blank form); a stored body is checked again as it is read."""
    if ctx.blank:
        return ()
    return parse_body(ctx.scope.get(block.field), block.field)[0]


def _keep_with_last(story: list[Flowable], closing: list[Flowable]) -> None:
    """A signature never starts a page alone: it takes the paragraph before it along, and the last
    rows of a table that ends the text."""
    last = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
    if story and isinstance(story[-1], DottedLines) and story[-1].count > TAIL_LINES:   # lines left to write on
        lines = story.pop()
        story.append(DottedLines(lines.count - TAIL_LINES, lines.spacing, lines.indent))
        last.insert(0, DottedLines(TAIL_LINES, lines.spacing, lines.indent))
    gap = [story.pop()] if len(story) > 1 and isinstance(story[-1], Spacer) and isinstance(story[-2], Table) else []
    if story and isinstance(story[-1], Table):
        story.append(KeepTail(story.pop(), gap + last + closing))
        return
    story.extend(gap)
    story.append(KeepTogether(last + closing))


def form_title(form: FormDefinition, context: Mapping[str, Any], *, blank: bool = False) -> str:
    """A one-line title for the PDF's metadata and the document register."""
    scope = _scope(form, context, blank)
    summary = fill(form.summary, scope, markup=False) if form.summary else ""
    return " ".join(part for part in (form.title or form.name, summary) if part)


def render_bytes(
    form: FormDefinition,
    context: Mapping[str, Any],
    *,
    settings: DocumentSettings | None = None,
    blank: bool = False,
) -> tuple[bytes, int]:
    """The PDF of one form in memory, and its page count; room left at the foot of the last page goes to
    the form's last lines or blank rows (``documents.fill``), never to another page."""
    settings = settings or DocumentSettings()
    grow = page_fill.growable(form, context, settings, blank)
    best = first = _layout(form, context, settings, blank, (None, 0))
    total = 0
    for _ in range(GROW_ROUNDS):   # what one more line takes depends on where the pages break: measure again
        add = page_fill.extra_units(grow, best[2], settings)
        trial = _layout(form, context, settings, blank, (grow.block, total + add)) if add > 0 else None
        while trial is not None and trial[1] > first[1]:
            add //= 2
            trial = _layout(form, context, settings, blank, (grow.block, total + add)) if add > 0 else None
        if trial is None:
            break
        total, best = total + add, trial
    return best[0], best[1]


def _layout(form: FormDefinition, context: Mapping[str, Any], settings: DocumentSettings, blank: bool,
            grow: tuple[Any, int]) -> tuple[bytes, int, page_fill.EndMark]:
    buffer = io.BytesIO()
    doc = make_doc(buffer, settings, title=form_title(form, context, blank=blank),
                   page_numbers=form.page_numbers, first=form.orientation)
    mark = page_fill.EndMark()
    mark.watch(doc)
    doc.build(build_story(form, context, settings, blank=blank, grow=grow))
    return buffer.getvalue(), doc.page, mark


def render(
    form: FormDefinition,
    context: Mapping[str, Any],
    path: Path | str,
    *,
    settings: DocumentSettings | None = None,
    blank: bool = False,
) -> RenderResult:
    """Render ``form`` with ``context`` to ``path`` (atomically) and describe the file written."""
    data, pages = render_bytes(form, context, settings=settings, blank=blank)
    path = Path(path)
    write_atomic(path, data)
    return RenderResult(path=path, pages=pages, sha256=sha256_hex(data), size=len(data))


def switch_to(form: FormDefinition, *, first: bool) -> list[Flowable]:
    """The flowables that start ``form`` on a fresh page of its orientation inside a longer PDF."""
    out: list[Flowable] = [NextPageTemplate(str(form.orientation))]
    if not first:
        out.append(PageBreak())
    return out
