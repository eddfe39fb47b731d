"""The Đề án 03 report, the meeting dossier, signers and the Mẫu 7 columns, from a real register."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.documents_report import baseline_average, percent_text, reduction, year_figures
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import (
    documents,
    documents_context,
    documents_register,
    meetings,
    organisation,
    register,
    reports_de_an_03,
)
from tests.conftest import member_form
from tests.documents.conftest import pdffonts, pdftotext, pypdf_text

ON = date(2026, 11, 20)


@pytest.fixture
def people(home_db, actor, cells):
    """Five members of CB01: one struck off in 2024, one who left in 2025, one settled abroad in 2026."""
    ids = []
    for i, name in enumerate(["Nguyễn Thị Ánh Tuyết", "Trần Văn Hùng", "Lê Hữu Đào", "Phạm Ngọc Ánh", "Võ Minh Lộc"]):
        form = member_form(full_name=name, cccd=f"07216010282{i}", card_number=f"1234567{i}")
        member_id, _ = register.add_member(home_db, actor, form, cells["CB01"].id, today=ON)
        ids.append(member_id)
    for member_id, kind, day in ((ids[2], EventKind.STRUCK_OFF, date(2024, 3, 1)),
                                 (ids[3], EventKind.LEFT_ON_REQUEST, date(2025, 6, 1)),
                                 (ids[4], EventKind.SETTLED_ABROAD, date(2026, 2, 1))):
        register.record_event(home_db, actor, member_id, kind, day, doc_number="5-QĐ/ĐU", today=ON)
    return ids


def test_reduction_figures_are_pure_arithmetic():
    assert reduction(4, 2) == 50.0 and reduction(2, 3) == -50.0 and reduction(0, 1) is None
    assert percent_text(-12.5) == "tăng 12,5%" and percent_text(None) == "—"
    assert baseline_average({"2015": 4, "2016": 5, "2030": 99}) == 4.5
    lines = year_figures([("xoa_ten", date(2021, 5, 1)), ("xoa_ten", date(2022, 1, 1)), ("khai_tru", date(2022, 2, 1))],
                         [2021, 2022], 4.0)
    assert [(li.measure, li.total, li.against_previous, li.against_baseline) for li in lines] == [
        (1, 1, None, 75.0), (1, 2, 0.0, 75.0)]


def test_report_counts_come_from_member_events(home_db, actor, cells, people):
    home = organisation.require_home(home_db)
    reports_de_an_03.set_baseline(home_db, actor, home.id, {2019: 4, 2020: 2})
    reports_de_an_03.set_data_since(home_db, actor, date(2021, 1, 1), today=ON)   # kept since the Đề án began
    ctx = reports_de_an_03.report_context(home_db, home, None, ON)
    by_year = {row["year"]: row for row in ctx["years"]}
    assert (by_year[2024]["xoa_ten"], by_year[2025]["ra_khoi_dang"], by_year[2026]["dinh_cu_nuoc_ngoai"]) == (1, 1, 1)
    assert by_year[2025]["vs_previous"] == "giảm 0%" and by_year[2026]["vs_baseline"] == "giảm 100%"
    assert ctx["baseline_average"] == 3.0 and ctx["target_text"] == "1,5"
    assert ctx["help_rows"] == [] and ctx["assessment_heading"] == "III"
    other = reports_de_an_03.report_context(home_db, home, cells["CB02"], ON)
    assert all(row["total"] == 0 for row in other["years"])


def test_report_pdf_prints_table_chart_and_no_help_section(papers_ready, home_db, actor, cells, people, tmp_path):
    home = organisation.require_home(home_db)
    reports_de_an_03.set_baseline(home_db, actor, home.id, {2018: 3, 2019: 4, 2020: 2})
    result, _ = documents.print_form(home_db, actor, "bao_cao_de_an_03", tmp_path / "bc.pdf",
                                     documents.PrintRequest(on=ON))
    text = " ".join(pdftotext(result.path).split())
    assert "Số 01-BC/ĐU" in text and "xóa tên 1, xin ra khỏi Đảng 1, định cư ở nước ngoài 1" in text
    assert "Bình quân 2015–2020: 3" in text and "2026 (đến 20/11)" in text
    assert "GIÚP ĐỠ ĐẢNG VIÊN" not in text and "III. NHẬN XÉT, KIẾN NGHỊ" in text
    assert "Tỉnh ủy Tây Ninh (để báo cáo)" in text
    assert {row["name"].split("+")[1] for row in pdffonts(result.path)} <= {
        "LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def test_baseline_refuses_other_years_and_negative_numbers(home_db, actor):
    home = organisation.require_home(home_db)
    with pytest.raises(ValidationError):
        reports_de_an_03.set_baseline(home_db, actor, home.id, {2014: 3})
    with pytest.raises(ValidationError):
        reports_de_an_03.set_baseline(home_db, actor, home.id, {2016: -1})


def test_signers_print_in_the_signature_block(papers_ready, home_db, actor, cells, people, tmp_path):
    from tayninh_desktop.services import transfers

    home = organisation.require_home(home_db)
    documents_context.set_signers(home_db, actor, home.id, "Nguyễn  Thị Ánh Tuyết", "Trần Văn Hùng")
    assert documents_context.signers(home_db, home.id) == ("Nguyễn Thị Ánh Tuyết", "Trần Văn Hùng")
    transfers.issue_letter(home_db, actor, people[0], "di", date(2026, 11, 2), counterpart="Đảng ủy phường Hòa Thành",
                           today=ON)
    result, _ = documents.print_form(home_db, actor, "giay_gioi_thieu_sinh_hoat_dang", tmp_path / "gt.pdf",
                                     documents.PrintRequest(member_id=people[0], on=ON))
    text = " ".join(pdftotext(result.path).split())
    assert "K/T BÍ THƯ PHÓ BÍ THƯ Trần Văn Hùng" in text
    (doc,) = documents_register.register_listing(home_db)
    assert doc.signer == "Trần Văn Hùng"      # the deputy signs the giấy giới thiệu


def test_mau_7_columns_come_from_events(home_db, actor, cells, people, tmp_path):
    result, _ = documents.print_form(home_db, actor, "danh_sach_dang_vien_mau_7", tmp_path / "m7.pdf",
                                     documents.PrintRequest(on=ON, year=2026))
    text = " ".join(pdftotext(result.path).split())
    assert "Võ Minh Lộc" in text and "01/02/2026 Ra nước ngoài định cư" in text
    assert "Lê Hữu Đào" not in text   # struck off in 2024: not in the 2026 book


def test_meeting_forms_prefill_from_the_recorded_meeting(home_db, actor, cells, people, tmp_path):
    day = date(2026, 10, 8)
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "08/10/2026", "chair": "Trần Văn Hùng"},
                            attendance={people[0]: ("vang_co_ly_do", "Ốm")}, today=ON)
    ctx = documents.build_context(home_db, "bien_ban_hop_chi_bo", documents.PrintRequest(cell_id=cells["CB01"].id, on=day))
    assert (ctx["chair"], ctx["present"], ctx["absent"], ctx["absent_names"]) == (
        "Trần Văn Hùng", 1, 1, "Nguyễn Thị Ánh Tuyết (Ốm)")
    assert ctx["meeting_recorded"] and ctx["slip_copies"] == 1
    unrecorded = documents.build_context(home_db, "bien_ban_hop_chi_bo",
                                         documents.PrintRequest(cell_id=cells["CB01"].id, on=date(2026, 9, 8)))
    assert not unrecorded["meeting_recorded"] and unrecorded["slip_copies"] == unrecorded["required"] == 2


def test_dossier_is_one_pdf_with_contents_and_continuous_pages(home_db, actor, cells, people, tmp_path):
    from pypdf import PdfReader

    request = documents.PrintRequest(cell_id=cells["CB01"].id, on=date(2026, 10, 8), member_ids=(people[1],))
    result, changes = documents.print_form(home_db, actor, "ho_so_hop_chi_bo", tmp_path / "hs.pdf", request)
    reader = PdfReader(str(result.path))
    assert len(reader.pages) == result.pages and not changes.documents
    assert [o.title for o in reader.outline][:2] == ["Chương trình kỳ họp", "Danh sách đảng viên dự họp (có cột ký tên)"]
    pages = pypdf_text(result.path)
    cover = " ".join(pages[0].split())
    assert "HỒ SƠ KỲ HỌP CHI BỘ" in cover and "MỤC LỤC" in cover and "Trần Văn Hùng" in cover
    for number, page in enumerate(pages[1:], 2):   # numbered from the second page, without a gap
        assert page.split()[0] == str(number) or str(number) in page.split()[:3]
    starts = {o.title: reader.get_destination_page_number(o) + 1 for o in reader.outline}
    assert f"Dự thảo Nghị quyết chi bộ {starts['Dự thảo Nghị quyết chi bộ']}" in cover
    annex = pages[starts["Phụ lục: trích ngang đảng viên Trần Văn Hùng"] - 1]
    assert "TRÍCH NGANG LÝ LỊCH ĐẢNG VIÊN" in annex and "DỰ THẢO" in pages[starts["Dự thảo Nghị quyết chi bộ"] - 1]
    slips = " ".join(pdftotext(result.path).split())
    # one slip per member entitled to vote (two full members that day), each stating the motion
    motion = "Đồng ý đưa đồng chí Trần Văn Hùng vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ"
    assert slips.count("PHIẾU BIỂU QUYẾT") == 2 and slips.count(motion) == 2


def test_dossier_refuses_a_member_of_another_cell(home_db, actor, cells, people, tmp_path):
    request = documents.PrintRequest(cell_id=cells["CB02"].id, on=ON, member_ids=(people[0],))
    with pytest.raises(DomainError) as err:
        documents.print_form(home_db, actor, "ho_so_hop_chi_bo", tmp_path / "x.pdf", request)
    assert err.value.code == "member_not_in_cell"
