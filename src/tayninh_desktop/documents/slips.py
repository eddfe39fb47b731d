"""Voting slips (phiếu biểu quyết): one slip per question and copy, several to a page, dashed
lines between them to cut along."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Table, TableStyle

from tayninh_desktop.documents.blocks import BUILDERS, RenderContext
from tayninh_desktop.documents.fields import Scope
from tayninh_desktop.documents.fonts import REGULAR
from tayninh_desktop.documents.forms import SectionBlock, SlipsBlock
from tayninh_desktop.documents.frame import PartyHeader

CUT_DASH = (4, 3)
SLIP_PADDING = 10


def _slip_items(block: SlipsBlock, ctx: RenderContext) -> list[Any]:
    if ctx.blank:
        return [None] * block.blank_count
    questions = ctx.values(block.items)
    copies = 1
    if block.copies:
        try:
            copies = max(int(ctx.scope.get(block.copies) or 1), 1)
        except (TypeError, ValueError):
            copies = 1
    out: list[Any] = []
    for question in questions:
        item = {"question": question} if isinstance(question, str) else question
        out.extend([item] * copies)
    return out or [None] * block.blank_count


slip_items = _slip_items   # the Word file lays out the same slips


def _blocks(blocks, inner: RenderContext) -> list[Flowable]:
    out: list[Flowable] = []
    for sub in blocks:
        if isinstance(sub, SectionBlock):   # a line only some slips have (the member voted on)
            if not inner.blank and inner.scope.get(sub.when):
                out.extend(_blocks(sub.blocks, inner))
        else:
            out.extend(BUILDERS[sub.kind](sub, inner))
    return out


def _slip(block: SlipsBlock, ctx: RenderContext, item: Any, width: float, height: float) -> Flowable:
    """One slip, shrunk to its cell if a long question would otherwise run over the cut line."""
    inner = RenderContext(
        scope=Scope(item, *ctx.scope.layers) if item is not None else ctx.scope,
        settings=ctx.settings, width=width, blank=ctx.blank or item is None, header=ctx.header,
    )
    out: list[Flowable] = []
    if block.party_header and ctx.header is not None:
        out.append(PartyHeader(ctx.header, ctx.settings, compact=True))
    out.extend(_blocks(block.blocks, inner))
    return KeepInFrame(width, height, out, mode="shrink")


def slips(block: SlipsBlock, ctx: RenderContext, page_height: float) -> list[Flowable]:
    """Pages of slips: a ``rows`` × ``columns`` grid per page, dashed cut lines inside the grid."""
    per_page = block.rows * block.columns
    cell_w = ctx.width / block.columns
    cell_h = (page_height - 2) / block.rows
    items = _slip_items(block, ctx)
    out: list[Flowable] = []
    for start in range(0, len(items), per_page):
        page = items[start:start + per_page]
        cells = [_slip(block, ctx, item, cell_w - 2 * SLIP_PADDING, cell_h - 2 * SLIP_PADDING) for item in page]
        cells += [""] * (per_page - len(cells))
        grid = [cells[r * block.columns:(r + 1) * block.columns] for r in range(block.rows)]
        table = Table(grid, colWidths=[cell_w] * block.columns, rowHeights=[cell_h] * block.rows)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), REGULAR, ctx.settings.body_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), SLIP_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), SLIP_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), SLIP_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), SLIP_PADDING),
            ("INNERGRID", (0, 0), (-1, -1), 0.6, "black", None, CUT_DASH),
        ]))
        if out:
            out.append(PageBreak())
        out.append(table)
    return out
