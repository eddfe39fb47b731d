"""Paragraph styles derived from ``DocumentSettings`` (one set per settings value, cached)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from tayninh_desktop.documents.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from tayninh_desktop.domain.documents import DocumentSettings


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    plain: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    center_small: ParagraphStyle
    heading: ParagraphStyle
    italic: ParagraphStyle
    right_italic: ParagraphStyle
    note: ParagraphStyle
    type_name: ParagraphStyle
    summary: ParagraphStyle
    signature: ParagraphStyle
    signature_note: ParagraphStyle
    signature_right: ParagraphStyle
    small: ParagraphStyle
    recipients_heading: ParagraphStyle
    recipients_item: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle

    def by_name(self, name: str) -> ParagraphStyle:
        return getattr(self, name)


def _style(name: str, font: str, size: float, leading: float, align: int, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * leading, alignment=align, **extra)


@cache
def styles_for(settings: DocumentSettings, table_size: float | None = None) -> Styles:
    """The paragraph styles of a document printed with ``settings``."""
    register_fonts()
    s = settings
    lead = s.body_leading
    body_extra = {"spaceAfter": s.paragraph_space_pt}
    tsize = table_size or s.table_size
    return Styles(
        body=_style("body", REGULAR, s.body_size, lead, TA_JUSTIFY,
                    firstLineIndent=s.first_line_indent_cm * cm, **body_extra),
        plain=_style("plain", REGULAR, s.body_size, lead, TA_LEFT, **body_extra),   # field lines: dots never stretched
        center=_style("center", REGULAR, s.body_size, lead, TA_CENTER, **body_extra),
        center_bold=_style("center_bold", BOLD, s.body_size, lead, TA_CENTER, spaceBefore=4, keepWithNext=1,
                           **body_extra),
        center_italic=_style("center_italic", ITALIC, s.body_size, lead, TA_CENTER, **body_extra),
        center_small=_style("center_small", REGULAR, s.recipients_heading_size, 1.2, TA_CENTER, spaceAfter=3),
        # a heading never ends a page: it goes over with what it heads; left-aligned, because a
        # justified heading that wraps spreads its capitals across the line
        heading=_style("heading", BOLD, s.body_size, lead, TA_LEFT, spaceBefore=4, keepWithNext=1,
                       firstLineIndent=s.first_line_indent_cm * cm, **body_extra),
        italic=_style("italic", ITALIC, s.body_size, lead, TA_JUSTIFY,
                      firstLineIndent=s.first_line_indent_cm * cm, **body_extra),
        right_italic=_style("right_italic", ITALIC, s.body_size, lead, TA_RIGHT, **body_extra),
        note=_style("note", ITALIC, s.recipients_item_size, lead, TA_LEFT, **body_extra),
        type_name=_style("type_name", BOLD, s.type_name_size, 1.2, TA_CENTER, spaceBefore=18),
        summary=_style("summary", BOLD, s.summary_size, 1.2, TA_CENTER),
        signature=_style("signature", BOLD, s.signature_size, 1.2, TA_CENTER),
        signature_note=_style("signature_note", ITALIC, s.recipients_heading_size, 1.2, TA_CENTER),
        # a signature in a slip to cut off: the right half of the line, room below to sign
        signature_right=_style("signature_right", BOLD, s.recipients_heading_size + 1, 1.2, TA_CENTER,
                               leftIndent=s.body_size * 16, spaceAfter=s.signature_space_mm),
        small=_style("small", REGULAR, s.recipients_heading_size, 1.2, TA_JUSTIFY, spaceAfter=3),
        recipients_heading=_style("recipients_heading", BOLD_ITALIC, s.recipients_heading_size, 1.2, TA_LEFT),
        recipients_item=_style("recipients_item", REGULAR, s.recipients_item_size, 1.2, TA_LEFT),
        cell=_style("cell", REGULAR, tsize, 1.15, TA_LEFT),
        cell_header=_style("cell_header", BOLD, tsize, 1.15, TA_CENTER),
    )
