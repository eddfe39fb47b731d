"""The party document frame (HD 36-HD/VPTW): page, header blocks, title, closing, page numbers.

Top left: superior line (regular capitals), issuing unit (bold capitals), a centred "*", the
"Số 12-NQ/ĐU" line, an optional "MẬT" mark. Top right: "ĐẢNG CỘNG SẢN VIỆT NAM" in bold with a
rule exactly as long as the text, then the italic place and date. Bottom: "Nơi nhận:" on the
left, the signature block on the right. Page numbers from the second page, centred in the top
margin.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate

from tayninh_desktop.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts, string_width
from tayninh_desktop.documents.sample_mark import draw_sample_mark
from tayninh_desktop.documents.styles import styles_for
from tayninh_desktop.domain.documents import (
    DocumentHeader,
    DocumentSettings,
    Orientation,
    Recipients,
    Signature,
    nfc,
)

NATIONAL_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
SECRET_MARK = "MẬT"
DRAFT_MARK = "DỰ THẢO"
RULE_WIDTH = 0.6


class PartyHeader(Flowable):
    """The two header blocks, drawn directly so that alignment and the rule length are exact."""

    def __init__(
        self,
        header: DocumentHeader,
        settings: DocumentSettings,
        *,
        numbered: bool = True,
        summary_lines: tuple[str, ...] = (),
        compact: bool = False,
    ) -> None:
        super().__init__()
        register_fonts()
        self.header = header
        self.settings = settings
        self.numbered = numbered and not compact
        self.summary_lines = summary_lines
        self.compact = compact
        scale = 0.8 if compact else 1.0
        self.left_size = settings.header_size * scale
        self.title_size = settings.national_title_size * scale
        self.date_size = settings.place_date_size * scale
        self.line = self.left_size * 1.2

    def _left_lines(self, width: float) -> list[tuple[str, str, float]]:
        """(text, font, size) of the left block, each wrapped to the block's width."""
        h, size = self.header, self.left_size
        lines: list[tuple[str, str, float]] = []
        for text, font in ((h.superior_line, REGULAR), (h.issuer_line, BOLD)):
            for part in simpleSplit(nfc(text).upper(), font, size, width):
                lines.append((part, font, size))
        lines.append(("*", REGULAR, size))
        if self.numbered:
            lines.append((h.number_line(self.settings), REGULAR, size))
        for text in self.summary_lines:
            small = self.settings.recipients_heading_size
            for part in simpleSplit(nfc(text), REGULAR, small, width):
                lines.append((part, REGULAR, small))
        return lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.left_width = avail_width * self.settings.left_block_ratio
        self.right_width = avail_width - self.left_width
        self.lines = self._left_lines(self.left_width - 4)
        left_h = len(self.lines) * self.line + self.line * 1.6 * len(self._marks())
        right_h = self.title_size * 1.3 + (0 if self.compact else self.line * 2.2)
        self.height = max(left_h, right_h) + 2
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height
        # Left block: every line centred on the block's axis, the "*" included.
        cx = self.left_width / 2
        y = top - self.left_size
        star_y = y
        for text, font, size in self.lines:
            c.setFont(font, size)
            c.drawCentredString(cx, y, text)
            if text == "*":
                star_y = y
            y -= self.line if size == self.left_size else size * 1.2
        for mark in self._marks():
            self._draw_mark(mark, cx, y - 2)
            y -= self.line * 1.6
        # Right block: the national title with its rule, then the italic place and date.
        rx = self.left_width + self.right_width / 2
        ty = top - self.title_size
        c.setFont(BOLD, self.title_size)
        c.drawCentredString(rx, ty, NATIONAL_TITLE)
        tw = string_width(NATIONAL_TITLE, BOLD, self.title_size)
        c.setLineWidth(RULE_WIDTH)
        rule_y = ty - self.title_size * 0.25
        c.line(rx - tw / 2, rule_y, rx + tw / 2, rule_y)
        if self.compact:
            return
        date_line = nfc(self.header.place_date_line())
        dw = string_width(date_line, ITALIC, self.date_size)
        # A long place name must not run past the right margin: keep the line inside the page.
        dx = min(rx, self.width - dw / 2)
        c.setFont(ITALIC, self.date_size)
        c.drawCentredString(dx, min(star_y, rule_y - self.line * 1.4), date_line)

    def _marks(self) -> list[str]:
        draft = self.header.draft and not self.compact   # a voting slip never says "draft"
        return [m for m, on in ((SECRET_MARK, self.header.secret), (DRAFT_MARK, draft)) if on]

    def _draw_mark(self, mark: str, cx: float, y: float) -> None:
        c, size = self.canv, self.left_size
        w = string_width(mark, BOLD, size) + 8
        c.setFont(BOLD, size)
        c.rect(cx - w / 2, y - size * 0.45, w, size * 1.4)
        c.drawCentredString(cx, y - size * 0.1, mark)


class ShortRule(Flowable):
    """The short centred rule under the summary (trích yếu)."""

    def __init__(self, length_mm: float = 25, gap: float = 5, after: float = 6) -> None:
        super().__init__()
        self.length = length_mm * mm
        self.gap = gap      # below the summary's descenders
        self.after = after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.gap + self.after

    def draw(self) -> None:
        self.canv.setLineWidth(RULE_WIDTH)
        x = (self.width - self.length) / 2
        self.canv.line(x, self.after, x + self.length, self.after)


def title_flowables(title: str, summary: str, settings: DocumentSettings) -> list[Flowable]:
    """The type name (bold capitals) and the summary under it with its short rule."""
    st = styles_for(settings)
    out: list[Flowable] = []
    if title:
        out.append(Paragraph(nfc(title).upper(), st.type_name))
    if summary:
        out.append(Paragraph(summary, st.summary))
    if title or summary:
        out.append(ShortRule())
    out.append(Spacer(1, 6))
    return out


def signature_flowables(signature: Signature, settings: DocumentSettings, *, note: str = "") -> list:
    """The lines of a signature block: authority and title, room to sign, the name in bold."""
    st = styles_for(settings)
    out: list = [Paragraph(line, st.signature) for line in signature.lines()]
    if note:
        out.append(Paragraph(note, st.signature_note))
    out.append(Spacer(1, settings.signature_space_mm * mm))
    out.append(Paragraph(signature.name or "&nbsp;", st.signature))
    return out


def recipients_flowables(recipients: Recipients, settings: DocumentSettings) -> list:
    st = styles_for(settings)
    heading = "Nơi nhận:"
    if settings.recipients_heading_underline:
        heading = f"<u>{heading}</u>"
    return [Paragraph(heading, st.recipients_heading)] + [
        Paragraph(line, st.recipients_item) for line in recipients.lines()
    ]


def closing_table(
    recipients: Recipients | None, signature: Signature | None, settings: DocumentSettings, width: float
) -> Table:
    """Nơi nhận on the left and the signature block on the right, top-aligned as on paper."""
    left = recipients_flowables(recipients, settings) if recipients else ""
    right = signature_flowables(signature, settings) if signature else ""
    table = Table([[left, right]], colWidths=[width * 0.48, width * 0.52], spaceBefore=6)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, settings.body_size),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def page_size(orientation: Orientation) -> tuple[float, float]:
    return landscape(A4) if orientation is Orientation.LANDSCAPE else A4


def _page_decorator(settings: DocumentSettings, numbered_pages: bool):
    def on_page(canvas, doc) -> None:
        draw_sample_mark(canvas, settings.sample_mark)
        page = canvas.getPageNumber()
        if not numbered_pages or page < 2:
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(REGULAR, settings.page_number_size)
        x = settings.margin_left_mm * mm + (width - (settings.margin_left_mm + settings.margin_right_mm) * mm) / 2
        canvas.drawCentredString(x, height - settings.margin_top_mm * mm / 2 - settings.page_number_size / 3, str(page))
        canvas.restoreState()

    return on_page


def frame_width(settings: DocumentSettings, orientation: Orientation) -> float:
    """The text width of a page in points."""
    return page_size(orientation)[0] - (settings.margin_left_mm + settings.margin_right_mm) * mm


def frame_height(settings: DocumentSettings, orientation: Orientation) -> float:
    return page_size(orientation)[1] - (settings.margin_top_mm + settings.margin_bottom_mm) * mm


def make_doc(target, settings: DocumentSettings, *, title: str = "", page_numbers: bool = True,
             first: Orientation = Orientation.PORTRAIT) -> BaseDocTemplate:
    """A document with a portrait and a landscape page template (switch with NextPageTemplate)."""
    register_fonts()
    decorate = _page_decorator(settings, page_numbers)
    templates = []
    for orientation in sorted(Orientation, key=lambda o: o is not first):
        w, h = page_size(orientation)
        frame = Frame(
            settings.margin_left_mm * mm, settings.margin_bottom_mm * mm,
            frame_width(settings, orientation), frame_height(settings, orientation),
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"body-{orientation}",
        )
        templates.append(PageTemplate(id=str(orientation), frames=[frame], onPage=decorate, pagesize=(w, h)))
    doc = BaseDocTemplate(
        target, pagesize=page_size(first), title=nfc(title), author="tayninh_desktop",
        creator="tayninh_desktop", invariant=1, initialFontName=REGULAR, initialFontSize=settings.body_size,
    )
    doc.addPageTemplates(templates)
    return doc
