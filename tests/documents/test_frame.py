"""The HD 36 frame: header geometry, page numbers, long lists, settings, the secrecy mark."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.fonts import BOLD, string_width
from tayninh_desktop.documents.forms import get_form
from tayninh_desktop.documents.frame import NATIONAL_TITLE, PartyHeader
from tayninh_desktop.domain.documents import DocumentSettings
from tests.documents.conftest import pdftotext, requires_poppler
from tests.documents.doc_samples import CELL_HEADER, COMMITTEE_HEADER, context_for


class RecordingCanvas:
    """Stands in for a reportlab canvas and remembers what was drawn where."""

    def __init__(self) -> None:
        self.texts: list[tuple[float, float, str, str, float]] = []
        self.lines: list[tuple[float, float, float, float]] = []
        self.font = ("", 0.0)

    def setFont(self, name, size, leading=None):
        self.font = (name, size)

    def drawCentredString(self, x, y, text):
        self.texts.append((x, y, text, *self.font))

    def line(self, x1, y1, x2, y2):
        self.lines.append((x1, y1, x2, y2))

    def setLineWidth(self, width):
        pass

    def rect(self, *args):
        self.texts.append((0, 0, "<rect>", "", 0))


def draw_header(header, settings=None, width=467.7):
    flowable = PartyHeader(header, settings or DocumentSettings())
    flowable.wrap(width, 800)
    flowable.canv = RecordingCanvas()
    flowable.draw()
    return flowable.canv


def test_rule_under_national_title_is_exactly_as_long_as_the_text():
    canvas = draw_header(COMMITTEE_HEADER)
    (x, _, _, font, size), = [t for t in canvas.texts if t[2] == NATIONAL_TITLE]
    assert font == BOLD and size == 15
    (x1, _, x2, _), = canvas.lines
    assert x2 - x1 == pytest.approx(string_width(NATIONAL_TITLE, BOLD, 15))
    assert (x1 + x2) / 2 == pytest.approx(x)


def test_star_and_number_are_centred_under_the_issuer():
    canvas = draw_header(replace(CELL_HEADER, type_code="NQ"))
    by_text = {t[2]: t for t in canvas.texts}
    issuer, star, number = by_text["CHI BỘ ẤP TÂN TRUNG"], by_text["*"], by_text["Số 12-NQ/CB"]
    assert issuer[0] == star[0] == number[0]
    assert issuer[1] > star[1] > number[1]
    assert issuer[3] == BOLD
    assert by_text["ĐẢNG BỘ XÃ TÂN NINH"][3] != BOLD


def test_date_line_is_right_and_italic():
    canvas = draw_header(COMMITTEE_HEADER)
    (x, _, _, font, _), = [t for t in canvas.texts if t[2].startswith("Tân Ninh, ngày 05 tháng 02 năm 2026")]
    assert font.endswith("Italic") and x > 467.7 / 2


def test_colon_after_so_is_a_setting():
    settings = replace(DocumentSettings(), colon_after_so=True)
    canvas = draw_header(replace(CELL_HEADER, type_code="NQ"), settings)
    assert "Số: 12-NQ/CB" in {t[2] for t in canvas.texts}


def test_secret_mark_is_drawn_when_asked():
    canvas = draw_header(replace(CELL_HEADER, secret=True))
    assert "MẬT" in {t[2] for t in canvas.texts}
    assert "MẬT" not in {t[2] for t in draw_header(CELL_HEADER).texts}


def test_long_unit_names_wrap_inside_the_left_block():
    header = replace(COMMITTEE_HEADER, issuer_line="Đảng ủy Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh")
    canvas = draw_header(header)
    bold_lines = [t for t in canvas.texts if t[3] == BOLD and t[2] != NATIONAL_TITLE]
    assert len(bold_lines) >= 2
    for x, _, text, font, size in bold_lines:
        assert string_width(text, font, size) <= 467.7 * DocumentSettings().left_block_ratio


@pytest.fixture(scope="module")
def long_list(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "list.pdf"
    result = render(get_form("danh_sach_dang_vien"), context_for("danh_sach_dang_vien", members=1000), path)
    return result


@requires_poppler
def test_thousand_rows_paginate_with_the_header_row_on_every_page(long_list):
    assert long_list.pages > 20
    for page in range(1, long_list.pages + 1):
        text = pdftotext(long_list.path, page, page)
        assert "Họ và tên" in text and "Ngày vào" in text, page
    last = pdftotext(long_list.path, long_list.pages, long_list.pages)
    assert "1000" in last.split() and "Nơi nhận:" in last


@requires_poppler
def test_page_numbers_from_the_second_page_in_the_top_margin(long_list):
    first = [line.strip() for line in pdftotext(long_list.path, 1, 1).splitlines() if line.strip()]
    assert first[0] != "1"
    for page in (2, 3, long_list.pages):
        lines = [line.strip() for line in pdftotext(long_list.path, page, page).splitlines() if line.strip()]
        assert lines[0] == str(page)


@requires_poppler
def test_secret_mark_in_the_pdf(tmp_path):
    ctx = context_for("nghi_quyet_chi_bo")
    ctx["header"] = replace(ctx["header"], secret=True)
    result = render(get_form("nghi_quyet_chi_bo"), ctx, tmp_path / "mat.pdf")
    assert "MẬT" in pdftotext(result.path, 1, 1).split()


def test_same_input_gives_the_same_bytes(tmp_path):
    form, ctx = get_form("quyet_dinh"), context_for("quyet_dinh")
    first = render(form, ctx, tmp_path / "a.pdf")
    second = render(form, ctx, tmp_path / "b.pdf")
    assert first.sha256 == second.sha256
