"""The Đề án 03 report never prints 0 for a year the register does not hold, nor a reduction against it."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.documents_report import FULL, NO_DATA, PARTIAL, coverage, year_figures
from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.services import documents, meetings, organisation, reports_de_an_03
from tests.documents.conftest import pdftotext
from tests.services.test_documents_reports import ON, people  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("people")


def _rows(ctx: dict) -> dict[int, dict]:
    return {row["year"]: row for row in ctx["years"]}


def test_coverage_of_a_year():
    since = date(2023, 3, 1)
    assert [coverage(y, since) for y in (2022, 2023, 2024)] == [NO_DATA, PARTIAL, FULL]
    assert coverage(2023, date(2023, 1, 1)) == FULL and coverage(1990, None) == FULL


def test_no_reduction_is_computed_against_a_year_without_data():
    lines = year_figures([("xoa_ten", date(2023, 5, 1)), ("xoa_ten", date(2024, 5, 1))], range(2021, 2026), 4.0,
                         date(2023, 3, 1))
    assert [(li.year, li.coverage, li.against_previous, li.against_baseline) for li in lines] == [
        (2021, NO_DATA, None, None), (2022, NO_DATA, None, None), (2023, PARTIAL, None, None),
        (2024, FULL, None, 75.0), (2025, FULL, 100.0, 100.0)]


def test_data_since_is_derived_from_the_first_event_recorded_as_it_happened(home_db):
    # the fixture's members were admitted long ago (history copied from their dossiers): that is not
    # register data; the first event the office recorded is the striking off of 01/03/2024
    assert reports_de_an_03.data_since(home_db) == (date(2024, 3, 1), False)


def test_a_meeting_recorded_earlier_moves_the_marker(home_db, actor, cells):
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "08/10/2023", "chair": "Trần Văn Hùng"},
                            today=ON)
    assert reports_de_an_03.data_since(home_db) == (date(2023, 10, 8), False)


def test_years_before_the_register_print_a_dash_and_a_footnote(home_db, actor):
    home = organisation.require_home(home_db)
    reports_de_an_03.set_baseline(home_db, actor, home.id, {2019: 4, 2020: 2})
    ctx = reports_de_an_03.report_context(home_db, home, None, ON)
    rows = _rows(ctx)
    for year in (2021, 2022, 2023):
        assert rows[year]["xoa_ten"] == rows[year]["total"] == rows[year]["measure"] == "—"
        assert rows[year]["vs_previous"] == rows[year]["vs_baseline"] == "—"
    assert rows[2024]["year_label"] == "2024\n(từ 01/03)" and rows[2024]["xoa_ten"] == 1
    assert rows[2024]["vs_baseline"] == "—" and rows[2025]["vs_previous"] == "—"   # 2024 is only partly held
    assert rows[2026]["vs_previous"] == "giảm 100%" and rows[2026]["vs_baseline"] == "giảm 100%"
    assert "từ ngày 01/03/2024" in ctx["data_since_note"]
    assert ctx["overview"].startswith("Từ ngày 01/03/2024 đến ngày 20/11/2026")


def test_the_marker_can_be_set_and_reset_with_an_audit_entry(home_db, actor):
    reports_de_an_03.set_data_since(home_db, actor, date(2022, 1, 1), today=ON)
    assert reports_de_an_03.data_since(home_db) == (date(2022, 1, 1), True)
    home = organisation.require_home(home_db)
    rows = _rows(reports_de_an_03.report_context(home_db, home, None, ON))
    assert rows[2021]["total"] == "—" and rows[2022]["total"] == 0 and rows[2023]["vs_previous"] == "—"
    reports_de_an_03.set_data_since(home_db, actor, None, today=ON)
    assert reports_de_an_03.data_since(home_db) == (date(2024, 3, 1), False)
    audit = home_db.execute("SELECT action, before_json, after_json FROM audit_log ORDER BY seq DESC LIMIT 2").fetchall()
    assert [a[0] for a in audit] == ["set_register_data_since"] * 2
    assert "2022-01-01" in audit[0][1] and "2022-01-01" in audit[1][2]
    with pytest.raises(ValidationError):
        reports_de_an_03.set_data_since(home_db, actor, date(2027, 1, 1), today=ON)


def test_the_pdf_prints_dashes_and_the_footnote_and_no_reduction_for_missing_years(papers_ready, home_db, actor,
                                                                                    tmp_path):
    home = organisation.require_home(home_db)
    reports_de_an_03.set_baseline(home_db, actor, home.id, {2019: 4, 2020: 2})
    result, _ = documents.print_form(home_db, actor, "bao_cao_de_an_03", tmp_path / "bc.pdf",
                                     documents.PrintRequest(on=ON))
    text = pdftotext(result.path, layout=True)
    line_2021 = next(line for line in text.splitlines() if line.strip().startswith("2021"))
    assert line_2021.split()[1:] == ["—"] * 8
    flat = " ".join(text.split())
    assert "Sổ đảng viên có số liệu từ ngày 01/03/2024" in flat
    assert flat.count("giảm 100%") == 2   # 2026 only, against 2025 and against the baseline
