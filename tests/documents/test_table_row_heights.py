"""A list's table is given its rows' heights (so that no page's split measures its rows again): they are the
heights reportlab measures itself, for plain one-line texts, texts of several lines, texts that wrap in their
column, empty cells, bold rows and compact tables; a long list still breaks into pages with every row once."""

from __future__ import annotations

from reportlab.platypus import LongTable, Table

from tayninh_desktop.documents.blocks import RenderContext, table
from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.fields import Scope
from tayninh_desktop.documents.forms import parse_form
from tayninh_desktop.domain.documents import DocumentSettings
from tests.documents.conftest import pdftotext, requires_poppler

WIDTH = 700.0


def _form(compact: bool = False) -> dict:
    return {
        "name": "Bảng thử", "type_code": "DS", "title": "DANH SÁCH THỬ", "orientation": "landscape",
        "numbered": False, "header": "none", "scope": ["unit"],
        "blocks": [{
            "kind": "table", "rows": "people", "emphasis": "lead", "compact": compact, "font_size": 11,
            "columns": [
                {"header": "STT", "value": "{stt}", "width": 11, "align": "center"},
                {"header": "Họ và tên", "value": "{name}", "width": 40},
                {"header": "Chi bộ", "value": "{cell}", "width": 30, "align": "center"},
                {"header": "Ghi chú", "value": "{notes}", "width": 40},
            ],
        }],
    }


def _people(count: int) -> list[dict]:
    cells = ["Chi bộ ấp Bàu Sen", "Chi bộ Cơ quan Ủy ban nhân dân xã Hưng Thuận", "", "Chi bộ khu phố Hiệp Thạnh"]
    notes = ["", "Dự bị", "Miễn công tác và sinh hoạt đảng từ ngày 01/01/2026 vì tuổi cao sức yếu",
             "Dòng một\nDòng hai", "Đi làm ăn xa\n\nở Thành phố Hồ Chí Minh, liên lạc qua chi bộ ấp Bàu Sen"]
    return [{"name": f"Nguyễn Văn {i}", "cell": cells[i % len(cells)], "notes": notes[i % len(notes)],
             "lead": i % 7 == 0} for i in range(1, count + 1)]


def _measured_by_reportlab(given: Table) -> list[float]:
    """The same cells and cell styles in a table without row heights: what reportlab measures."""
    bare = Table(given._cellvalues, colWidths=given._colWidths, cellStyles=given._cellStyles,
                 repeatRows=given.repeatRows)
    bare.wrap(WIDTH, 10_000_000)
    return list(bare._rowHeights)


def _table(compact: bool, count: int) -> Table:
    form = parse_form(_form(compact), "bang_thu")
    ctx = RenderContext(scope=Scope({"people": _people(count)}), settings=DocumentSettings(), width=WIDTH)
    result, _spacer = table(form.blocks[0], ctx)
    return result


def test_the_given_row_heights_are_those_reportlab_measures():
    for compact in (False, True):
        given = _table(compact, 40)
        heights = given._argH
        assert heights[0] is None                       # the header row is measured as it repeats
        assert all(h is not None for h in heights[1:])
        measured = _measured_by_reportlab(given)
        assert measured[1:] == heights[1:]              # exactly, so the pages break where they did
        assert len(set(heights[1:])) >= 3               # one line, two lines, a wrapped text: different heights


def test_a_long_list_gives_its_heights_to_a_long_table():
    given = _table(False, 120)
    assert isinstance(given, LongTable)
    assert given._argH[1:] == _measured_by_reportlab(given)[1:]


@requires_poppler
def test_a_long_list_breaks_into_pages_with_every_row_once(tmp_path):
    result = render(parse_form(_form(), "bang_thu"), {"people": _people(150)}, tmp_path / "ds.pdf")
    assert result.pages >= 4
    text = pdftotext(result.path)
    for i in range(1, 151):
        assert text.count(f"Nguyễn Văn {i}\n") == 1
    for page in range(2, result.pages + 1):
        assert "Họ và tên" in pdftotext(result.path, page, page)  # the header row on every page
