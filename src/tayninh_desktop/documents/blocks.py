"""Blocks of a form turned into flowables: paragraphs, dotted lines, numbered items, tables,
side-by-side signatures. Voting slips live in ``slips.py``, charts in ``charts.py``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from tayninh_desktop.documents.fields import Scope, compile_cell, fill
from tayninh_desktop.documents.fonts import BOLD, REGULAR, string_width
from tayninh_desktop.documents.forms import (
    ChoicesBlock,
    Column,
    ItemsBlock,
    LinesBlock,
    PageBreakBlock,
    ParagraphBlock,
    SignaturesBlock,
    SpacerBlock,
    TableBlock,
    group_runs,
)
from tayninh_desktop.documents.frame import signature_flowables
from tayninh_desktop.documents.styles import styles_for
from tayninh_desktop.domain.documents import DocumentHeader, DocumentSettings, Signature

CELL_PADDING = 3


@dataclass(frozen=True)
class RenderContext:
    """What every block needs: the values, the settings, the text width, blank or filled."""

    scope: Scope
    settings: DocumentSettings
    width: float
    blank: bool = False
    header: DocumentHeader | None = None
    grow_block: Any = None        # the block given ``grow`` more lines or rows to fill the last page
    grow: int = 0

    def extra_for(self, block: Any) -> int:
        return self.grow if block is self.grow_block else 0

    def fill(self, template: str, row: Any = None, *, markup: bool = True, dotted: bool = True) -> str:
        if isinstance(row, Scope):
            scope = Scope(*row.layers, *self.scope.layers)
        else:
            scope = Scope(row, *self.scope.layers) if row is not None else self.scope
        return fill(template, scope, markup=markup, dotted=dotted)

    def values(self, field: str) -> list[Any]:
        value = self.scope.get(field)
        if value is None or isinstance(value, str):
            return [value] if value else []
        return list(value)


class DottedLines(Flowable):
    """Lines of dots to write on by hand; splits across pages."""

    def __init__(self, count: int, spacing: float = 8 * mm, indent: float = 0) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.count * self.spacing
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // self.spacing)
        if fits <= 0 or fits >= self.count:
            return []
        return [DottedLines(fits, self.spacing), DottedLines(self.count - fits, self.spacing)]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.9)
        c.setLineCap(1)
        c.setDash(0.1, 3)
        for i in range(self.count):
            y = self.height - (i + 1) * self.spacing + 2
            c.line(self.indent, y, self.width, y)
        c.restoreState()


class Choice(Flowable):
    """An option's label followed by an empty square to mark."""

    def __init__(self, label: str, size: float) -> None:
        super().__init__()
        self.label = label
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.6

    def draw(self) -> None:
        c, size = self.canv, self.size
        box = size * 1.1
        text_w = string_width(self.label, REGULAR, size)
        x = (self.width - text_w - box - size * 0.6) / 2
        c.setFont(REGULAR, size)
        c.drawString(x, size * 0.35, self.label)
        c.setLineWidth(0.8)
        c.rect(x + text_w + size * 0.6, size * 0.1, box, box)


class CutLine(Flowable):
    """A dashed line across the page with a pair of scissors' words: the part below is cut off."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 6 * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.6)
        c.setDash(4, 3)
        c.line(0, 3 * mm, self.width, 3 * mm)
        c.restoreState()


def choices(block: ChoicesBlock, ctx: RenderContext) -> list[Flowable]:
    size = ctx.settings.body_size
    n = len(block.options)
    row = [Choice(ctx.fill(option, markup=False), size) for option in block.options]
    result = Table([row], colWidths=[ctx.width / n] * n)
    result.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, size),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return [result]


DOT_RUN = "......"


def _unjustified(style):
    """A justified style left-aligned: a line before a run of dots (a blank to write on, which cannot
    break) would otherwise be stretched with gaps many spaces wide."""
    return style.clone(f"{style.name}-left", alignment=0) if style.alignment == 4 else style


def paragraph(block: ParagraphBlock, ctx: RenderContext) -> list[Flowable]:
    style = styles_for(ctx.settings).by_name(block.style)
    text = ctx.fill(block.text)
    return [Paragraph(text, _unjustified(style) if DOT_RUN in text else style)]


def lines(block: LinesBlock, ctx: RenderContext) -> list[Flowable]:
    text = ctx.scope.get(block.field) if block.field and not ctx.blank else None
    if text:
        style = styles_for(ctx.settings).body
        parts = text if isinstance(text, list | tuple) else str(text).split("\n")
        return [Paragraph(ctx.fill("{v}", {"v": part}), style) for part in map(str, parts) if part.strip()]
    return [DottedLines(block.count + ctx.extra_for(block))]


def items(block: ItemsBlock, ctx: RenderContext) -> list[Flowable]:
    style = styles_for(ctx.settings).body
    values = [] if ctx.blank else ctx.values(block.field)
    if not values:
        return [DottedLines(block.blank_count)]
    out: list[Flowable] = []
    for number, value in enumerate(values, 1):
        row = value if not isinstance(value, str) else {"text": value}
        text = ctx.fill(block.template, row)
        prefix = block.number_format.format(n=number) if block.numbered else "-"
        out.append(Paragraph(f"{prefix} {text}", style))
    return out


def _scaled_widths(columns: Iterable[Column], width: float) -> list[float]:
    raw = [c.width for c in columns]
    total = sum(raw)
    return [w * width / total for w in raw]


class _Cells:
    """The cells of one table's body: each column's template read once, each distinct line measured once, each
    alignment's paragraph style made once (a long list repeats the same dates, genders and cell names), and each
    row's height worked out as reportlab measures it (``Table._calc_height``), so that the table is given its row
    heights and no page's split measures its rows again. A text that wraps is one paragraph, made and measured
    once, however many rows repeat it (a table draws its cells one at a time: wrapped, then drawn)."""

    def __init__(self, ctx: RenderContext, columns: Iterable[Column], widths: list[float], size: float,
                 spacing: tuple[float, float, float]) -> None:
        self.ctx, self.size = ctx, size
        self.columns = [(compile_cell(c.value) if c.value and (not ctx.blank or c.in_blank) else None, w, c.align)
                        for c, w in zip(columns, widths, strict=True)]
        self.leading, top, bottom = spacing
        self.padding = bottom + top
        self.fits: dict[tuple[str, float], bool] = {}
        self.styles: dict[tuple[str, str], Any] = {}
        self.paragraphs: dict[tuple[str, float, str, str], tuple[Paragraph, float]] = {}
        self.heights: list[float] = []

    def row(self, scope: Scope, style) -> list[Any]:
        """The row's cells; its height goes to ``heights``."""
        self._height = 0.0
        cells = [self._cell(_lines(cell(scope)) if cell else "", width, align, style)
                 for cell, width, align in self.columns]
        self.heights.append(self._height)
        return cells

    def _cell(self, text: str, width: float, align: str, style) -> Any:
        """A plain string when the text fits its column (fast), a wrapping Paragraph otherwise."""
        if not text:
            self._height = max(self._height, self.leading + self.padding)
            return text
        key = (text, width)
        fits = self.fits.get(key)
        if fits is None:
            room = width - 2 * CELL_PADDING
            fits = self.fits[key] = all(string_width(line, REGULAR, self.size) <= room for line in text.split("\n"))
        if fits:
            self._height = max(self._height, self.leading * (text.count("\n") + 1) + self.padding)
            return text
        made = self.paragraphs.get((text, width, align, style.name))
        if made is None:
            para_style = self.styles.get((style.name, align))
            if para_style is None:
                para_style = style if align == "left" else \
                    style.clone(f"cell-{align}", alignment={"center": 1, "right": 2}[align])
                self.styles[(style.name, align)] = para_style
            paragraph = Paragraph(escape(text).replace("\n", "<br/>"), para_style)
            height = paragraph.wrap(width - CELL_PADDING - CELL_PADDING, 72000 - self.padding)[1]
            made = self.paragraphs[(text, width, align, style.name)] = (paragraph, height + self.padding)
        self._height = max(self._height, made[1])
        return made[0]


def _lines(text: str) -> str:
    """A cell's text without its empty lines."""
    if "\n" not in text:
        return text if text.strip() else ""
    return "\n".join(line for line in text.split("\n") if line.strip())


def _header(block: TableBlock, ctx: RenderContext, style) -> tuple[list[list[Any]], list[tuple]]:
    """The header row, or two when columns are grouped under a heading; the cell spans that shape them."""
    cells = [Paragraph(ctx.fill(c.header), style) for c in block.columns]
    runs = group_runs(block.columns)
    if not runs:
        return [cells], []
    top: list[Any] = [cell if not c.group else "" for c, cell in zip(block.columns, cells, strict=True)]
    bottom: list[Any] = [cell if c.group else "" for c, cell in zip(block.columns, cells, strict=True)]
    spans = [("SPAN", (i, 0), (i, 1)) for i, c in enumerate(block.columns) if not c.group]
    for first, last, heading in runs:
        top[first] = Paragraph(ctx.fill(heading), style)
        spans.append(("SPAN", (first, 0), (last, 0)))
    return [top, bottom], spans


def table(block: TableBlock, ctx: RenderContext) -> list[Flowable]:
    size = block.font_size or ctx.settings.table_size
    st = styles_for(ctx.settings, size)
    widths = _scaled_widths(block.columns, ctx.width)
    data, spans = _header(block, ctx, st.cell_header)
    number_at = len(data)
    if block.number_row:
        data.append([c.number or f"{i}" for i, c in enumerate(block.columns, 1)])
    head_rows = len(data)
    rows = ctx.values(block.rows) if not ctx.blank or block.rows_in_blank else []
    strong_rows = [head_rows + i for i, row in enumerate(rows) if block.emphasis and _field(row, block.emphasis)]
    if rows:
        bold = st.cell.clone("cell-bold", fontName=BOLD) if strong_rows else st.cell
        cells = _Cells(ctx, block.columns, widths, size, _spacing(block, size))
        layers, strong = ctx.scope.layers, set(strong_rows)
        for index, row in enumerate(rows, 1):
            style = bold if head_rows + index - 1 in strong else st.cell
            data.append(cells.row(Scope({"stt": index}, row, *layers), style))
    else:
        for index in range(1, block.blank_rows + ctx.extra_for(block) + 1):
            data.append([str(index) if c.value == "{stt}" else "" for c in block.columns])
    heights = None
    if rows and not block.row_height_mm:
        heights = [None] * head_rows + cells.heights
    elif block.row_height_mm:
        heights = [None] * head_rows + [block.row_height_mm * mm] * (len(data) - head_rows)
    elif not rows:
        blank_height = block.blank_row_height_mm * mm or size * 1.9
        heights = [None] * head_rows + [blank_height] * (len(data) - head_rows)
    cls = LongTable if len(data) > 60 else Table
    base = _cell_style(block, size)
    ncols = len(block.columns)
    result = cls(data, colWidths=widths, rowHeights=heights, repeatRows=head_rows,
                 cellStyles=[[base("cell") for _ in range(ncols)] for _ in data])
    commands = _table_style(block, size, spans, head_rows, number_at, strong_rows)
    result.setStyle(TableStyle(commands))
    return [result, Spacer(1, 8)]


def _spacing(block: TableBlock, size: float) -> tuple[float, float, float]:
    """A table's leading and its cells' top and bottom padding (``compact``: tighter rows)."""
    return (size * 1.1, 1.2, 2.2) if block.compact else (size * 1.15, 2, 3)


def _cell_style(block: TableBlock, size: float) -> type[CellStyle]:
    """What every cell of a table starts with: font, leading, paddings, middle alignment. Given as the cells'
    defaults rather than as style commands over every cell (a command sets each of a long list's cells one
    by one, and a table split across pages copies them)."""
    leading, top, bottom = _spacing(block, size)
    return type("TableCellStyle", (CellStyle,), {
        "fontname": REGULAR, "fontsize": size, "leading": leading, "valign": "MIDDLE",
        "leftPadding": CELL_PADDING, "rightPadding": CELL_PADDING, "topPadding": top, "bottomPadding": bottom,
    })


def _table_style(block: TableBlock, size: float, spans: list[tuple], head_rows: int, number_at: int,
                 strong_rows: list[int]) -> list[tuple]:
    """The grid, the spans and what departs from the cells' defaults (``_cell_style``): the number row,
    bold rows, the alignment of columns."""
    leading, _top, _bottom = _spacing(block, size)
    commands: list[tuple] = [*spans, ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    if block.number_row:
        commands += [("ALIGN", (0, number_at), (-1, number_at), "CENTER"),
                     ("FONT", (0, number_at), (-1, number_at), "LiberationSerif-Italic", size - 1)]
    commands += [("FONT", (0, r), (-1, r), BOLD, size, leading) for r in strong_rows]
    for i, column in enumerate(block.columns):
        if column.align != "left":
            commands.append(("ALIGN", (i, head_rows), (i, -1), column.align.upper()))
    return commands


def _field(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def signatures(block: SignaturesBlock, ctx: RenderContext) -> list[Flowable]:
    cells = []
    settings = replace(ctx.settings, signature_space_mm=block.space_mm) if block.space_mm else ctx.settings
    above_style = styles_for(settings).center_italic
    for spec in block.signers:
        sig = Signature(
            title=ctx.fill(spec.title, markup=False), name=ctx.fill(spec.name) if spec.name else "",
            on_behalf=ctx.fill(spec.on_behalf, markup=False), signing_for=ctx.fill(spec.signing_for, markup=False),
        )
        if ctx.blank or "...." in sig.name:
            sig = Signature(sig.title, "", sig.on_behalf, sig.signing_for)
        above = [Paragraph(ctx.fill(spec.above), above_style)] if spec.above else []
        cells.append(above + signature_flowables(sig, settings, note=spec.note))
    n = max(len(cells), 1)
    result = Table([cells], colWidths=[ctx.width / n] * n)
    result.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, ctx.settings.body_size),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Spacer(1, 6), result]


def spacer(block: SpacerBlock, ctx: RenderContext) -> list[Flowable]:
    return [Spacer(1, block.height_mm * mm)]


def page_break(block: PageBreakBlock, ctx: RenderContext) -> list[Flowable]:
    return [PageBreak()]


BUILDERS = {
    "paragraph": paragraph,
    "lines": lines,
    "items": items,
    "table": table,
    "signatures": signatures,
    "spacer": spacer,
    "page_break": page_break,
    "choices": choices,
}
