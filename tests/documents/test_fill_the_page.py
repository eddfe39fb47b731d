"""Fill the page: a signature never sits alone on a page, page 1 is never left half empty, a blank list
fills whole sheets, and no justified line stretches its spaces to more than twice a normal space.

Every form is checked filled (the sample context) and blank, from the PDF itself: the ink on the page
(pdftoppm), the words and their boxes (pdftotext -bbox).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import KeepTogether

from tayninh_desktop.documents.engine import build_story
from tayninh_desktop.documents.fonts import REGULAR, string_width
from tayninh_desktop.documents.forms import all_forms, get_form
from tayninh_desktop.documents.frame import frame_width
from tayninh_desktop.domain.documents import DocumentSettings
from tests.documents.conftest import requires_poppler
from tests.documents.doc_samples import context_for

FORM_IDS = sorted(f for f, form in all_forms().items() if not form.parts)
CASES = [(f, blank) for f in FORM_IDS for blank in (False, True)]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _pages_words(path: Path) -> list[list[tuple[float, float, str]]]:
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [[(float(m[2]), float(m[4]), m[5]) for m in WORD.finditer(page)] for page in out.split("<page ")[1:]]


def _ink_rows(path: Path, page: int) -> tuple[list[int], int]:
    """The rows (top to bottom, 36 dpi) that hold any ink on a page, and the page's height in rows."""
    subprocess.run(["pdftoppm", "-gray", "-r", "36", "-f", str(page), "-l", str(page), "-png", str(path),
                    str(path.with_suffix(""))], check=True)
    png = max(path.parent.glob(f"{path.stem}-*{page}.png"))
    image = Image.open(png).convert("L")
    pixels = image.load()
    rows = [y for y in range(image.height) if any(pixels[x, y] < 200 for x in range(image.width))]
    return rows, image.height


@requires_poppler
@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_page_one_is_never_left_half_empty(rendered, form_id, blank, tmp_path):
    path = tmp_path / f"{form_id}.pdf"
    path.write_bytes(rendered[(form_id, blank)].read_bytes())
    pages = _pages_words(path)
    if len(pages) < 2:
        return
    rows, height = _ink_rows(path, 1)
    assert rows and rows[-1] > height * 0.6, f"page 1 ends at {rows[-1] / height:.0%} of the sheet"


@requires_poppler
@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_a_signature_never_sits_alone_on_a_page(rendered, form_id, blank, tmp_path):
    form = get_form(form_id)
    if form.signature is None:
        return
    path = tmp_path / f"{form_id}.pdf"
    path.write_bytes(rendered[(form_id, blank)].read_bytes())
    pages = _pages_words(path)
    if len(pages) < 2:
        return
    last = pages[-1]
    tops = [top for top, _, text in last if text in ("Nơi", "T/M")]
    assert tops, "the closing is on the last page"
    rows, height = _ink_rows(path, len(pages))
    page_height = 841.89 if form.orientation == "portrait" else 595.28
    closing_row = min(tops) / page_height * height
    page_number_rows = 0.06 * height      # the page number sits in the top margin
    above = [r for r in rows if page_number_rows < r < closing_row - 2]
    assert above, "the last page holds only the signature block"


@requires_poppler
@pytest.mark.parametrize("form_id", ["danh_sach_dang_vien", "danh_sach_dang_vien_dang_bo",
                                     "danh_sach_dang_vien_mau_7", "danh_sach_hop_chi_bo", "so_dang_ky_van_ban"])
def test_a_blank_list_fills_whole_sheets(rendered, form_id, tmp_path):
    path = tmp_path / f"{form_id}.pdf"
    path.write_bytes(rendered[(form_id, True)].read_bytes())
    pages = _pages_words(path)
    rows, height = _ink_rows(path, len(pages))
    form = get_form(form_id)
    table = next(b for b in form.blocks if b.kind == "table")
    row_mm = table.row_height_mm or table.blank_row_height_mm or (table.font_size or 12) * 1.9 / 72 * 25.4
    sheet_mm = 210 if form.orientation == "landscape" else 297
    # the last sheet is written to its foot: below the last ink, only the room to sign (and the blank name
    # under it), the bottom margin and less than one more row
    settings = DocumentSettings()
    room = settings.margin_bottom_mm + settings.signature_space_mm + 10 + row_mm
    assert rows[-1] / height > 1 - room / sheet_mm - 0.02, f"the last sheet ends at {rows[-1] / height:.0%}"


def _paragraphs(flowables):
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _paragraphs(flowable._content)
        elif hasattr(flowable, "tail"):    # KeepTail: a table and its closing
            yield from _paragraphs(flowable.tail)


@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_no_justified_line_spreads_its_spaces(form_id, blank):
    settings = DocumentSettings()
    form = get_form(form_id)
    width = frame_width(settings, form.orientation)
    for para in _paragraphs(build_story(form, context_for(form_id), settings, blank=blank)):
        if para.style.alignment != 4:
            continue
        para.wrap(width - para.style.leftIndent, 10_000)
        space = string_width(" ", REGULAR, para.style.fontSize)
        lines = para.blPara.lines[:-1]       # the last line of a paragraph is never stretched
        for line in lines:
            extra, words = (line[0], len(line[1])) if isinstance(line, tuple) else (line.extraSpace, line.wordCount)
            if words > 1:
                gap = space + extra / (words - 1)
                assert gap <= 2 * space, f"{form_id}: a line with gaps of {gap / space:.1f} spaces: {para.text[:60]}"


SOFTWARE_WORDS = ("«", "»", "lệnh", ".pdf", ".xlsx", "--", "tệp", "SHA", "phần mềm", "chương trình máy")


@requires_poppler
@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_no_software_text_on_paper(rendered, form_id, blank):
    from tests.documents.conftest import pdftotext

    text = " ".join(pdftotext(rendered[(form_id, blank)]).split())
    found = [word for word in SOFTWARE_WORDS if word in text]
    assert not found, f"{form_id}: {found}"
