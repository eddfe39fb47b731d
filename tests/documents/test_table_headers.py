"""Two-level table headers: columns grouped under one heading ("Thực hiện" over "Kỳ này" / "Cùng kỳ năm
trước", as the statistical forms of Hướng dẫn 11-HD/BTCTW print it), the other columns spanning both rows, a
numbering row with its own texts; a long table repeats both header rows on every page; Word merges the same
cells. Read back with poppler and python-docx."""

from __future__ import annotations

import io

from docx import Document

from tayninh_desktop.documents.docx_writer import docx_bytes
from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.forms import parse_form
from tests.documents.conftest import pdftotext, requires_poppler

FORM = {
    "name": "Bảng thử", "type_code": "BC", "title": "BẢNG THỬ", "orientation": "landscape", "numbered": False,
    "header": "none", "scope": ["unit"],
    "blocks": [{
        "kind": "table", "rows": "lines", "number_row": True,
        "columns": [
            {"header": "Tiêu chí", "value": "{label}", "width": 150},
            {"header": "Kỳ này", "group": "Thực hiện", "value": "{now}", "width": 30, "align": "center"},
            {"header": "Cùng kỳ năm trước", "group": "Thực hiện", "value": "{before}", "width": 40, "align": "center"},
            {"header": "(%) kỳ này so với cùng kỳ năm trước", "number": "4 = 2 × 100 : 3", "value": "{ratio}",
             "width": 47, "align": "center"},
        ],
    }],
}


def _context(rows: int) -> dict:
    return {"lines": [{"label": f"Dòng số {i}", "now": str(i), "before": str(i + 1), "ratio": "50,0"}
                      for i in range(1, rows + 1)]}


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@requires_poppler
def test_the_group_heading_stands_over_its_columns_and_repeats_on_every_page(tmp_path):
    result = render(parse_form(FORM, "bang_thu"), _context(70), tmp_path / "bang.pdf")
    assert result.pages >= 2
    for page in range(1, result.pages + 1):
        lines = _lines(pdftotext(result.path, page, page, layout=True))
        heading = next(i for i, line in enumerate(lines) if "Thực hiện" in line)
        assert lines[heading].count("Thực hiện") == 1                     # one heading for both columns
        below = " ".join(lines[heading:heading + 4])
        assert "Kỳ này" in below and "Cùng kỳ năm trước" in below and "Tiêu chí" in below
        assert any("4 = 2 × 100 : 3" in line and line.startswith("1 2 3") for line in lines)
    first = _lines(pdftotext(result.path, 1, 1, layout=True))
    assert "Dòng số 1 1 2 50,0" in first


@requires_poppler
def test_a_table_without_groups_keeps_its_one_header_row(tmp_path):
    plain = {**FORM, "blocks": [{**FORM["blocks"][0], "columns": [
        {**c, "group": ""} for c in FORM["blocks"][0]["columns"]]}]}
    result = render(parse_form(plain, "bang_thu"), _context(3), tmp_path / "plain.pdf")
    lines = _lines(pdftotext(result.path, layout=True))
    assert "Thực hiện" not in " ".join(lines)
    header = next(line for line in lines if "Tiêu chí" in line)
    assert "Kỳ này" in header and "Cùng kỳ năm trước" in header


def test_word_merges_the_same_cells_and_repeats_both_header_rows():
    document = Document(io.BytesIO(docx_bytes(parse_form(FORM, "bang_thu"), _context(3))))
    table = document.tables[0]
    cell = table.cell
    assert cell(0, 1)._tc is cell(0, 2)._tc and cell(0, 1).text == "Thực hiện"     # one heading, two columns
    assert (cell(1, 1).text, cell(1, 2).text) == ("Kỳ này", "Cùng kỳ năm trước")
    assert cell(0, 0)._tc is cell(1, 0)._tc and cell(0, 0).text == "Tiêu chí"      # down both header rows
    assert cell(0, 3)._tc is cell(1, 3)._tc
    assert [cell(2, i).text for i in range(4)] == ["1", "2", "3", "4 = 2 × 100 : 3"]
    assert [cell(3, i).text for i in range(4)] == ["Dòng số 1", "1", "2", "50,0"]
    repeated = [row._tr.trPr is not None and row._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None for row in table.rows]
    assert repeated == [True, True, True, False, False, False]
