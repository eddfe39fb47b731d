"""A heading kept with its table: a long table starts under its heading on the page where there is room (the
aggregated report of 96 units no longer leaves page 1 mostly blank); a short table that does not fit still goes to
the next page with its heading; a heading never ends a page alone."""

from __future__ import annotations

import io
import subprocess

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.keep import keep_headings_with_tables
from tayninh_desktop.services.form_catalogue import get_form
from tests.documents.conftest import requires_poppler
from tests.documents.returns_samples import _UNITS, returns_values


def _pages(story) -> list[str]:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(keep_headings_with_tables(story))
    return [page.extract_text() for page in PdfReader(buffer).pages]


def _story(rows: int, filler_mm: float):
    styles = getSampleStyleSheet()
    heading = Paragraph("HEADING OF THE TABLE", styles["Heading2"])
    heading.keepWithNext = 1
    table = Table([["Unit", "Count"]] + [[f"row {i}", str(i)] for i in range(rows)], repeatRows=1)
    return [Spacer(1, filler_mm * 2.835), Paragraph("Text before.", styles["Normal"]), heading, table]


def test_a_long_table_starts_under_its_heading_on_the_same_page():
    pages = _pages(_story(120, 150))
    assert "HEADING OF THE TABLE" in pages[0] and "row 0" in pages[0]


def test_a_short_table_that_does_not_fit_goes_over_with_its_heading():
    pages = _pages(_story(12, 200))
    assert "Text before." in pages[0] and "HEADING OF THE TABLE" not in pages[0]
    assert "HEADING OF THE TABLE" in pages[1] and "row 11" in pages[1]


def test_a_heading_never_ends_a_page_without_rows_under_it():
    pages = _pages(_story(120, 235))   # room for the heading, not for it and three rows
    assert "HEADING OF THE TABLE" not in pages[0] and pages[1].startswith("HEADING OF THE TABLE")


@requires_poppler
def test_the_aggregated_report_of_96_units_fills_page_one(tmp_path):
    context = returns_values("bao_cao_tong_hop_bao_cao")
    context["unit_rows"] = [dict(_UNITS[0], name=f"Đảng ủy xã số {i}") for i in range(96)] + [_UNITS[-1]]
    out = tmp_path / "tong-hop.pdf"
    render(get_form("bao_cao_tong_hop_bao_cao"), context, out)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "II. TĂNG, GIẢM ĐẢNG VIÊN (BIỂU SỐ 1-BTCTW)" in first and "Đảng ủy xã số 0" in first


def test_lines_to_write_on_start_under_their_heading():
    from tayninh_desktop.documents.blocks import DottedLines

    styles = getSampleStyleSheet()
    heading = Paragraph("4. CONCLUSION", styles["Heading2"])
    heading.keepWithNext = 1
    pages = _pages([Spacer(1, 150 * 2.835), Paragraph("Text before.", styles["Normal"]), heading, DottedLines(30),
                    Paragraph("Signed.", styles["Normal"])])
    assert "4. CONCLUSION" in pages[0] and "Signed." in pages[1]
