"""The blocks of a form in a Word file: the same form definition and context as the PDF, laid out with
Word's own means (paragraph styles, dotted tab leaders for handwriting, tables with a repeated header row,
borderless tables for signatures side by side), so the clerk can go on writing in Word."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tayninh_desktop.documents import docx_frame as frame
from tayninh_desktop.documents.fields import Scope, fill
from tayninh_desktop.documents.forms import (
    BodyBlock,
    ChartBlock,
    ChoicesBlock,
    ItemsBlock,
    LinesBlock,
    ParagraphBlock,
    SectionBlock,
    SignaturesBlock,
    SlipsBlock,
    SpacerBlock,
    TableBlock,
    group_runs,
)
from tayninh_desktop.documents.rich import number_text
from tayninh_desktop.domain.documents import DocumentSettings, Signature
from tayninh_desktop.domain.rich_text import parse_body

DOT_LINE_MM = 8   # the PDF's handwriting lines are 8 mm apart


@dataclass(frozen=True)
class WordContext:
    """What every block needs: the values, the settings, the text width in mm, blank or filled."""

    scope: Scope
    settings: DocumentSettings
    width_mm: float
    blank: bool = False
    header: Any = None

    def fill(self, template: str, row: Any = None, *, markup: bool = True, dotted: bool = True) -> str:
        scope = Scope(row, *self.scope.layers) if row is not None else self.scope
        return fill(template, scope, markup=markup, dotted=dotted)

    def values(self, field: str) -> list[Any]:
        value = self.scope.get(field)
        if value is None or isinstance(value, str):
            return [value] if value else []
        return list(value)


def _style(name: str, s: DocumentSettings) -> dict:
    """The PDF's paragraph styles (documents.styles) as Word paragraph settings."""
    indent = s.first_line_indent_cm
    small, item = s.recipients_heading_size, s.recipients_item_size
    after = s.paragraph_space_pt
    return {
        "body": {"size": s.body_size, "align": "justify", "indent_cm": indent, "after_pt": after},
        "plain": {"size": s.body_size, "after_pt": after},
        "center": {"size": s.body_size, "align": "center", "after_pt": after},
        "center_bold": {"size": s.body_size, "align": "center", "bold": True, "before_pt": 4, "after_pt": after},
        "center_italic": {"size": s.body_size, "align": "center", "italic": True, "after_pt": after},
        "center_small": {"size": small, "align": "center", "after_pt": 3},
        "heading": {"size": s.body_size, "bold": True, "indent_cm": indent, "before_pt": 4, "after_pt": after},
        "italic": {"size": s.body_size, "align": "justify", "italic": True, "indent_cm": indent, "after_pt": after},
        "right_italic": {"size": s.body_size, "align": "right", "italic": True, "after_pt": after},
        "note": {"size": item, "italic": True, "after_pt": after},
        "signature_right": {"size": small + 1, "align": "right", "bold": True, "after_pt": s.signature_space_mm},
        "small": {"size": small, "align": "justify", "after_pt": 3},
    }[name]


def styled(container, markup: str, style: str, ctx: WordContext):
    spec = dict(_style(style, ctx.settings))
    size = spec.pop("size")
    return frame.paragraph_in(container, markup, size, spec.pop("align", "left"), **spec)


def paragraph(container, block: ParagraphBlock, ctx: WordContext) -> None:
    styled(container, ctx.fill(block.text), block.style, ctx)


def dotted_lines(container, count: int, ctx: WordContext) -> None:
    """Lines to write on by hand: a tab to the right margin with a dotted leader, 8 mm apart."""
    for _ in range(count):
        p = container.add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing, fmt.line_spacing_rule = Mm(DOT_LINE_MM), WD_LINE_SPACING.EXACTLY
        fmt.tab_stops.add_tab_stop(Mm(ctx.width_mm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        frame.set_face(p.add_run("\t"), ctx.settings.body_size)


def lines(container, block: LinesBlock, ctx: WordContext) -> None:
    text = ctx.scope.get(block.field) if block.field and not ctx.blank else None
    if not text:
        dotted_lines(container, block.count, ctx)
        return
    parts = text if isinstance(text, list | tuple) else str(text).split("\n")
    for part in map(str, parts):
        if part.strip():
            styled(container, escape(part), "body", ctx)


def items(container, block: ItemsBlock, ctx: WordContext) -> None:
    values = [] if ctx.blank else ctx.values(block.field)
    if not values:
        dotted_lines(container, block.blank_count, ctx)
        return
    for number, value in enumerate(values, 1):
        row = value if not isinstance(value, str) else {"text": value}
        prefix = block.number_format.format(n=number) if block.numbered else "-"
        styled(container, f"{prefix} {ctx.fill(block.template, row)}", "body", ctx)


def body(container, block: BodyBlock, ctx: WordContext) -> None:
    """The typed body (bold runs, numbered points), or the form's outline when there is none."""
    typed = () if ctx.blank else parse_body(ctx.scope.get(block.field), block.field)[0]
    if not typed:
        add_blocks(container, block.blocks, ctx)
        return
    heading_done = not block.points_heading
    for para in typed:
        if para.number is not None and not heading_done:
            styled(container, escape(block.points_heading), "center_bold", ctx)
            heading_done = True
        p = styled(container, "", "body", ctx)
        if para.number is not None:
            run = p.add_run(number_text(block, para.number) + " ")
            frame.set_face(run, ctx.settings.body_size)
            run.bold = block.number_bold
        for piece in para.runs:
            run = p.add_run(piece.text)   # the clerk's text, as typed: never read as markup
            frame.set_face(run, ctx.settings.body_size)
            run.bold = piece.bold


def _repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _cell_text(cell, text: str, size: float, align: str, **style) -> None:
    p = cell.paragraphs[0]
    p.alignment = frame.ALIGN[align]
    frame.add_text(p, text, size, **style)


def _header(grid, block: TableBlock, ctx: WordContext, size: float) -> int:
    """Write the header row (two when columns are grouped under a heading, merged as printed) and the
    numbering row; how many rows they take."""
    runs = group_runs(block.columns)
    rows = 2 if runs else 1
    for index, column in enumerate(block.columns):
        row = 1 if runs and column.group else 0
        _cell_text(grid.cell(row, index), ctx.fill(column.header), size, "center", bold=True)
        if runs and not column.group:
            grid.cell(0, index).merge(grid.cell(1, index))
        if block.number_row:
            _cell_text(grid.cell(rows, index), column.number or str(index + 1), size - 1, "center", italic=True)
    for first, last, heading in runs:
        _cell_text(grid.cell(0, first), ctx.fill(heading), size, "center", bold=True)
        grid.cell(0, first).merge(grid.cell(0, last))
    return rows + (1 if block.number_row else 0)


def table(container, block: TableBlock, ctx: WordContext) -> None:
    size = block.font_size or ctx.settings.table_size
    total = sum(c.width for c in block.columns)
    widths = [Mm(c.width * ctx.width_mm / total) for c in block.columns]
    rows = [] if ctx.blank else ctx.values(block.rows)
    heads = (2 if group_runs(block.columns) else 1) + (1 if block.number_row else 0)
    count = len(rows) if rows else block.blank_rows
    grid = container.add_table(rows=heads + count, cols=len(block.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    frame.fixed_width(grid, ctx.width_mm)   # the form's column widths, not widths guessed from the text
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    _header(grid, block, ctx, size)
    for index, column in enumerate(block.columns):
        cells = grid.columns[index].cells
        for number in range(count):
            scope = Scope({"stt": number + 1}, rows[number]) if rows else None
            text = fill(column.value, Scope(*scope.layers, *ctx.scope.layers), markup=True, dotted=False) \
                if rows and column.value else (str(number + 1) if column.value == "{stt}" else "")
            _cell_text(cells[heads + number], text.replace("\n", "<br/>"), size, column.align)
        for cell in cells:
            cell.width = widths[index]
    for row in grid.rows[:heads]:
        _repeat_header(row)
    container.add_paragraph().paragraph_format.space_after = Pt(4)


def signatures(container, block: SignaturesBlock, ctx: WordContext) -> None:
    table = container.add_table(rows=1, cols=max(len(block.signers), 1))
    frame.no_borders(table)
    settings = replace(ctx.settings, signature_space_mm=block.space_mm) if block.space_mm else ctx.settings
    for cell, spec in zip(table.rows[0].cells, block.signers, strict=False):
        if spec.above:
            frame.cell_line(cell, ctx.fill(spec.above), settings.place_date_size, italic=True)
        name = ctx.fill(spec.name, markup=False) if spec.name else ""
        sig = Signature(title=ctx.fill(spec.title, markup=False), name="" if ctx.blank or "...." in name else name,
                        on_behalf=ctx.fill(spec.on_behalf, markup=False),
                        signing_for=ctx.fill(spec.signing_for, markup=False))
        frame.signature_cell(cell, sig, settings, note=ctx.fill(spec.note) if spec.note else "")


def choices(container, block: ChoicesBlock, ctx: WordContext) -> None:
    text = "          ".join(f"{escape(ctx.fill(option, markup=False))} ☐" for option in block.options)
    styled(container, text, "center", ctx)


def slips(container, block: SlipsBlock, ctx: WordContext) -> None:
    """One slip after another, a cut line between them (Word lays them out down the page)."""
    from tayninh_desktop.documents.slips import slip_items

    for index, item in enumerate(slip_items(block, ctx)):
        if index:
            frame.cut_line(container)
        inner = WordContext(Scope(item, *ctx.scope.layers) if item is not None else ctx.scope, ctx.settings,
                            ctx.width_mm, ctx.blank or item is None, ctx.header)
        if block.party_header and ctx.header is not None:
            styled(container, escape(ctx.header.superior_line.upper()), "center_small", ctx)
            styled(container, f"<b>{escape(ctx.header.issuer_line.upper())}</b>", "center_small", ctx)
        add_blocks(container, block.blocks, inner)


def chart(container, block: ChartBlock, ctx: WordContext) -> None:
    """The chart as a picture drawn from the same chart definition as the PDF's."""
    from tayninh_desktop.documents.chart_image import chart_png
    from tayninh_desktop.documents.charts import spec_of

    spec = None if ctx.blank else spec_of(block, ctx.scope)
    if spec is None:
        return
    import io
    from dataclasses import replace

    if spec.title:   # the title as text (Word finds and edits it), the picture without it
        styled(container, f"<b>{escape(spec.title)}</b>", "center_small", ctx)
    picture = container.add_paragraph()
    picture.alignment = frame.ALIGN["center"]
    width = min(ctx.width_mm, 160)
    png = chart_png(replace(spec, title=""), width, block.height_mm, print_ready=True)
    picture.add_run().add_picture(io.BytesIO(png), width=Mm(width))


def spacer(container, block: SpacerBlock, ctx: WordContext) -> None:
    p = container.add_paragraph()
    p.paragraph_format.space_after = Mm(block.height_mm)
    frame.set_face(p.add_run(""), 2)


def page_break(container, block, ctx: WordContext) -> None:
    container.add_page_break()


def section(container, block: SectionBlock, ctx: WordContext) -> None:
    if (block.in_blank and ctx.blank) or (not ctx.blank and ctx.scope.get(block.when)):
        add_blocks(container, block.blocks, ctx)
    elif block.otherwise and not ctx.blank:
        styled(container, ctx.fill(block.otherwise), "italic", ctx)


BUILDERS = {"paragraph": paragraph, "lines": lines, "items": items, "table": table, "signatures": signatures,
            "spacer": spacer, "page_break": page_break, "choices": choices, "slips": slips, "section": section,
            "chart": chart, "body": body}


def add_blocks(container, blocks, ctx: WordContext) -> None:
    for block in blocks:
        BUILDERS[block.kind](container, block, ctx)

