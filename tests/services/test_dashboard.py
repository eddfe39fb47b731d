"""The home page's charts: figures straight from the register (checked against hand SQL), one chart definition
shared with the printed Đề án 03 report, numbers the Vietnamese way, pictures that are real PNGs."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.charts import (
    ChartKind,
    ChartSpec,
    Series,
    dues_by_month,
    spec_data,
    spec_from_data,
    summary_lines,
    vn_number,
    vn_percent,
)
from tayninh_desktop.services import dashboard, documents, organisation, reports_de_an_03
from tayninh_desktop.storage.db import open_database
from tests.conftest import TODAY


@pytest.fixture
def demo(demo_db_path):
    db = open_database(demo_db_path)
    yield db
    db.conn.close()


def _chart(charts, key: str) -> ChartSpec:
    return next(c for c in charts if c.key == key)


def test_vietnamese_numbers():
    assert vn_percent(26.2) == "26,2 %" and vn_percent(100) == "100 %" and vn_percent(None) == "—"
    assert vn_number(1234567) == "1.234.567" and vn_number(55.5) == "55,5" and vn_number(-3.26) == "-3,3"


def test_the_charts_count_what_the_register_holds(demo):
    charts = dashboard.dashboard(demo, today=TODAY)
    assert [c.key for c in charts] == ["members_by_cell", "meetings_by_month", "dues_by_month", "ratings_by_cell",
                                       "removals_by_year"]
    members = _chart(charts, "members_by_cell")
    active = demo.execute("SELECT COUNT(*) FROM members WHERE cell_id IS NOT NULL AND status IN ('chinh_thuc',"
                          " 'du_bi', 'mien_sinh_hoat', 'di_lam_an_xa', 'sinh_hoat_tam_thoi', 'chuyen_tam_thoi_di')"
                          ).fetchone()[0]
    assert sum(v for s in members.series for v in s.values) == active
    assert members.horizontal and members.kind is ChartKind.STACKED
    assert list(members.categories) == [c.name for c in organisation.cells(demo)
                                        if c.name in members.categories]   # the register's order of cells
    meetings = _chart(charts, "meetings_by_month")
    held, present, expected = demo.execute(
        "SELECT COUNT(*), SUM(present), SUM(expected) FROM meetings WHERE kind = 'thuong_ky'"
        " AND meeting_date BETWEEN '2026-10-01' AND '2026-10-31'").fetchone()
    october = meetings.categories.index("T10")
    assert meetings.series[0].values[october] == held
    assert meetings.series[1].values[october] == round(present * 100 / expected, 1)
    assert meetings.categories[0] == "T12\n2025" and meetings.categories[1] == "T1\n2026"   # years under months


def test_a_dues_month_not_recorded_has_no_bar_and_the_note_says_so(demo):
    dues = _chart(dashboard.dashboard(demo, today=date(2026, 12, 5)), "dues_by_month")
    assert dues.categories[-1] == "T12" and dues.series[0].values[-1] is None   # never a bar of nothing paid
    cells = len(_chart(dashboard.dashboard(demo, today=TODAY), "members_by_cell").categories)
    assert f"T12 ({cells} chi bộ chưa ghi)" in dues.note
    paid = demo.execute("SELECT SUM(amount) FROM dues WHERE state = 'da_dong' AND month = '2026-11'").fetchone()[0]
    assert dues.series[0].values[-2] == paid
    assert "T12: —" in summary_lines(dues)


def test_the_removals_chart_is_the_reports_chart(demo, tmp_path):
    charts = dashboard.dashboard(demo, today=TODAY)
    home = organisation.require_home(demo)
    context = documents.build_context(demo, "bao_cao_de_an_03", documents.PrintRequest(on=TODAY))
    assert context["removals_chart"] == spec_data(_chart(charts, "removals_by_year"))
    assert home is not None


def test_a_spec_survives_its_stored_shape():
    spec = dues_by_month([("T1\n2026", 1_250_000, 0), ("T2", None, 3)])
    assert spec_from_data(spec_data(spec)) == spec
    assert spec_from_data({"key": "x"}) is None and spec_from_data("chart") is None


def test_a_chart_is_a_real_picture_and_a_pdf_drawing():
    from tayninh_desktop.documents.chart_image import chart_png_px

    spec = ChartSpec("t", "Tỷ lệ dự họp", ChartKind.BARS, ("T1", "T2"), (Series("Số kỳ họp", (3.0, 4.0)),))
    png = chart_png_px(spec, 340, 250)
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 340


def test_an_empty_register_draws_charts_that_say_so(home_db):
    charts = dashboard.dashboard(home_db, today=TODAY)
    assert not any(c.has_data for c in charts)
    assert all(c.empty_text for c in charts if c.key != "removals_by_year")
    pictures = dashboard.dashboard_pictures(home_db, "", (300, 200), today=TODAY)
    assert len(pictures) == len(charts) and all(p.startswith(b"\x89PNG") for _, p in pictures)


def test_the_report_prints_the_chart_it_keeps(demo_copy, actor, tmp_path):
    from tests.documents.conftest import pdftotext

    db = open_database(demo_copy)
    home = organisation.require_home(db)
    reports_de_an_03.set_baseline(db, actor, home.id, {2019: 7, 2020: 5})
    request = documents.PrintRequest(on=TODAY, draft=True)
    result, _ = documents.print_form(db, actor, "bao_cao_de_an_03", tmp_path / "bc.pdf", request)
    text = " ".join(pdftotext(result.path).split())
    assert text.count("Số đảng viên bị xóa tên và xin ra khỏi Đảng theo năm") == 1
    assert "Bình quân 2015–2020: 6" in text and "Mức tối đa theo mục tiêu giảm 50%: 3" in text
    chart = _chart(dashboard.dashboard(db, today=TODAY), "removals_by_year")
    assert [line.value for line in chart.lines] == [6.0, 3.0]     # the home page draws the same lines
    db.conn.close()
