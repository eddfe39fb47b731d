"""The party document frame (HD 36-HD/VPTW) in a Word file, through python-docx: A4 and the margins of
``DocumentSettings``, Times New Roman (the face Liberation Serif stands in for in the PDF), the two header
blocks side by side (superior and issuer, "*", "Số …" on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and
the italic place and date on the right), the type name and the trích yếu with its short rule, "Nơi nhận"
beside the signature block, page numbers from the second page.

Texts come in as the forms engine fills them: form markup (<b>, <i>, <u>, <br/>) with every value escaped,
so only the form's own tags become formatting — never a clerk's.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, unescape

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from tayninh_desktop.domain.documents import (
    DocumentHeader,
    DocumentSettings,
    Orientation,
    Recipients,
    Signature,
    nfc,
)

FACE = "Times New Roman"
NATIONAL_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
A4_MM = (210, 297)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_TAG = re.compile(r"<(/?)(b|i|u)>|<br\s*/?>")


def set_face(run_or_style, size: float | None = None) -> None:
    """Times New Roman for every script (Latin, complex, East Asian: Word picks by character)."""
    font = run_or_style.font
    font.name = FACE
    if size:
        font.size = Pt(size)
    element = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    props = element.get_or_add_rPr()
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        props.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FACE)


def setup(document, settings: DocumentSettings, orientation: Orientation) -> float:
    """Page, margins and the default face; the text width in mm."""
    section = document.sections[0]
    width, height = A4_MM if orientation is Orientation.PORTRAIT else A4_MM[::-1]
    section.orientation = WD_ORIENT.PORTRAIT if orientation is Orientation.PORTRAIT else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(settings.margin_top_mm), Mm(settings.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(settings.margin_left_mm), Mm(settings.margin_right_mm)
    section.header_distance = Mm(settings.margin_top_mm / 2 - 3)
    normal = document.styles["Normal"]
    set_face(normal, settings.body_size)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = settings.body_leading * 0.92   # Word's "multiple" leads a little wider than reportlab's
    return width - settings.margin_left_mm - settings.margin_right_mm


def add_text(paragraph, markup: str, size: float, *, bold: bool = False, italic: bool = False) -> None:
    """Runs of ``markup`` (form tags only, values escaped) added to ``paragraph``."""
    state = {"b": bold, "i": italic, "u": False}
    position = 0
    for match in [*_TAG.finditer(markup), None]:
        end = match.start() if match else len(markup)
        text = unescape(markup[position:end])
        if text:
            run = paragraph.add_run(nfc(text).replace("\u00a0", " "))
            set_face(run, size)
            run.bold, run.italic, run.underline = state["b"], state["i"], state["u"]
        if match is None:
            break
        if match.group(2):
            state[match.group(2)] = not match.group(1)
        else:
            br = paragraph.add_run()
            br.add_break(WD_BREAK.LINE)
        position = match.end()


def paragraph_in(container, markup: str, size: float, align: str = "left", *, bold: bool = False,
                 italic: bool = False, indent_cm: float = 0, after_pt: float = 0, before_pt: float = 0):
    p = container.add_paragraph()
    p.alignment = ALIGN[align]
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after_pt), Pt(before_pt)
    if indent_cm:
        fmt.first_line_indent = Cm(indent_cm)
    add_text(p, markup, size, bold=bold, italic=italic)
    return p


def _border(paragraph, side: str, style: str = "single", size: int = 6) -> None:
    props = paragraph._p.get_or_add_pPr()
    borders = props.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        props.append(borders)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", style), ("w:sz", str(size)), ("w:space", "1"), ("w:color", "000000")):
        edge.set(qn(key), value)
    borders.append(edge)


def short_rule(container, width_mm: float, length_mm: float = 25) -> None:
    """The short centred rule under the trích yếu: an empty paragraph narrowed to the rule and underlined."""
    p = container.add_paragraph()
    side = max((width_mm - length_mm) / 2, 0)
    p.paragraph_format.left_indent, p.paragraph_format.right_indent = Mm(side), Mm(side)
    p.paragraph_format.space_after = Pt(6)
    _border(p, "bottom")
    set_face(p.add_run(""), 4)


def cut_line(container) -> None:
    """A dashed line across the page: the part under it is cut off."""
    p = container.add_paragraph()
    p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(6), Pt(6)
    _border(p, "bottom", "dashed")


def no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


def fixed_width(table, width_mm: float) -> None:
    """The table spans ``width_mm`` with the widths given to its columns (Word and LibreOffice alike)."""
    table.autofit = False
    props = table._tbl.tblPr
    width = props.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        props.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(width_mm / 25.4 * 1440)))
    margins = OxmlElement("w:tblCellMar")   # the PDF's 3 pt inside each cell (Word's default is twice that)
    for side, twips in (("top", 0), ("left", 60), ("bottom", 0), ("right", 60)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    props.append(margins)


def two_columns(document, width_mm: float, left_share: float):
    """A borderless two-cell row spanning the text width (header blocks, the closing)."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fixed_width(table, width_mm)
    no_borders(table)
    widths = (Mm(width_mm * left_share), Mm(width_mm * (1 - left_share)))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table.rows[0].cells


def _first(cell):
    """The empty paragraph a new cell starts with (used first, so a cell has no blank top line)."""
    return cell.paragraphs[0] if len(cell.paragraphs) == 1 and not cell.paragraphs[0].text else None


def cell_line(cell, markup: str, size: float, align: str = "center", **style):
    p = _first(cell) or cell.add_paragraph()
    p.alignment = ALIGN[align]
    add_text(p, markup, size, **style)
    return p


def party_header(document, header: DocumentHeader, settings: DocumentSettings, width_mm: float, *,
                 numbered: bool, summary_lines: tuple[str, ...]) -> None:
    left, right = two_columns(document, width_mm, settings.left_block_ratio)
    size = settings.header_size
    cell_line(left, _escape(nfc(header.superior_line).upper()), size)
    cell_line(left, _escape(nfc(header.issuer_line).upper()), size, bold=True)
    cell_line(left, "*", size)
    if numbered:
        cell_line(left, _escape(header.number_line(settings)), size)
    for line in summary_lines:   # a công văn's "V/v …" under its number
        cell_line(left, _escape(line), settings.recipients_heading_size)
    for mark, on in (("MẬT", header.secret), ("DỰ THẢO", header.draft)):
        if on:   # a box around the word, as the PDF draws it
            boxed = cell_line(left, mark, size, bold=True)
            side = max(width_mm * settings.left_block_ratio / 2 - 4 - len(mark) * size * 0.3528 * 0.36, 0)
            boxed.paragraph_format.left_indent = boxed.paragraph_format.right_indent = Mm(side)
            boxed.paragraph_format.space_before = Pt(3)
            for edge in ("top", "left", "bottom", "right"):
                _border(boxed, edge)
    title = cell_line(right, NATIONAL_TITLE, settings.national_title_size, bold=True)
    title.runs[0].underline = True
    cell_line(right, _escape(header.place_date_line()), settings.place_date_size, italic=True).paragraph_format.space_before = Pt(8)


def _escape(text: str) -> str:
    return escape(text)


def title(document, type_name: str, summary: str, settings: DocumentSettings, width_mm: float) -> None:
    """The type name in bold capitals, the trích yếu under it, the short rule."""
    if type_name:
        paragraph_in(document, _escape(nfc(type_name).upper()), settings.type_name_size, "center", bold=True,
                     before_pt=18)
    if summary:
        paragraph_in(document, summary, settings.summary_size, "center", bold=True)
    if type_name or summary:
        short_rule(document, width_mm)


def signature_cell(cell, signature: Signature, settings: DocumentSettings, note: str = "") -> None:
    for line in signature.lines():
        cell_line(cell, _escape(line), settings.signature_size, bold=True)
    if note:
        cell_line(cell, note, settings.recipients_heading_size, italic=True)
    space = cell_line(cell, "", settings.signature_size)
    space.paragraph_format.space_after = Mm(settings.signature_space_mm)
    cell_line(cell, _escape(signature.name), settings.signature_size, bold=True)


def closing(document, recipients: Recipients | None, signature: Signature | None, settings: DocumentSettings,
            width_mm: float) -> None:
    """"Nơi nhận" on the left, the signature block on the right, top-aligned as on paper."""
    left, right = two_columns(document, width_mm, 0.48)
    if recipients is not None:
        heading = cell_line(left, "Nơi nhận:", settings.recipients_heading_size, "left", bold=True, italic=True)
        heading.runs[0].underline = settings.recipients_heading_underline
        for line in recipients.lines():
            cell_line(left, line, settings.recipients_item_size, "left")
    if signature is not None:
        signature_cell(right, signature, settings)


def page_numbers(document, settings: DocumentSettings) -> None:
    """The page number centred in the top margin, from the second page (HD 36)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(settings.page_number_size * 2)))
        props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def sample_footer(document, settings: DocumentSettings) -> None:
    """On every page of a paper from the sample register, the same line as the PDF's (documents/sample_mark)."""
    if not settings.sample_mark:
        return
    from tayninh_desktop.documents.sample_mark import FOOT_SIZE, FOOT_TEXT

    section = document.sections[0]
    footers = [section.footer] + ([section.first_page_footer] if section.different_first_page_header_footer else [])
    for footer in footers:
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(p, _escape(FOOT_TEXT.format(mark=settings.sample_mark)), FOOT_SIZE, bold=True)
