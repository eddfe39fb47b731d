"""Voting slips eight to a page, each self-contained; a signature never opens a page alone."""

from __future__ import annotations

from dataclasses import replace

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.forms import get_form
from tests.documents.conftest import pdftotext, requires_poppler
from tests.documents.doc_samples import context_for, member_rows


def _slips_context(copies: int) -> dict:
    ctx = context_for("phieu_bieu_quyet")
    ctx["questions"] = ["thông qua việc kết nạp quần chúng Võ Thị Hạnh vào Đảng",
                        "đưa đồng chí Đặng Văn Ưng vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ"]
    ctx["slip_copies"] = copies
    return ctx


def test_slips_are_laid_out_two_per_row_by_the_form_data():
    block = get_form("phieu_bieu_quyet").blocks[0]
    assert (block.rows, block.columns) == (4, 2)


@requires_poppler
def test_72_slips_take_9_pages_and_each_slip_names_cell_and_question(tmp_path):
    result = render(get_form("phieu_bieu_quyet"), _slips_context(36), tmp_path / "slips.pdf")
    assert result.pages == 9
    first = pdftotext(result.path, 1, 1)
    assert first.count("PHIẾU BIỂU QUYẾT") == 8
    assert first.count("CHI BỘ ẤP TÂN TRUNG") == 8
    assert first.count("Không đồng ý") == 8
    assert first.count("Đồng ý thông qua việc kết nạp") == 8     # every slip states its motion
    last = " ".join(pdftotext(result.path, 9, 9).split())
    assert last.count("Đồng ý đưa đồng chí Đặng Văn Ưng vào danh sách") == 8


@requires_poppler
def test_blank_slips_fill_one_page(tmp_path):
    result = render(get_form("phieu_bieu_quyet"), _slips_context(3), tmp_path / "blank.pdf", blank=True)
    assert result.pages == 1
    text = pdftotext(result.path)
    assert text.count("PHIẾU BIỂU QUYẾT") == 8 and "Đặng" not in text


@requires_poppler
def test_a_long_question_is_shrunk_inside_its_slip(tmp_path):
    ctx = _slips_context(8)
    ctx["questions"] = [{"question": "đề nghị " + "xem xét, " * 60 + "kết thúc"}]
    result = render(get_form("phieu_bieu_quyet"), ctx, tmp_path / "long.pdf")
    assert result.pages == 1
    assert pdftotext(result.path).count("kết thúc") == 8


@requires_poppler
def test_the_signature_takes_the_last_rows_of_a_list_to_the_next_page(tmp_path):
    """Whatever the length of the list, the page with the signature also has rows of the table."""
    form = get_form("danh_sach_hop_chi_bo")
    for count in range(14, 60, 3):
        ctx = context_for("danh_sach_hop_chi_bo", count)
        result = render(form, ctx, tmp_path / f"list-{count}.pdf")
        last = pdftotext(result.path, result.pages, result.pages)
        assert "T/M CHI BỘ" in last
        names = [row["full_name"] for row in member_rows(count)]
        assert names[-1] in last, count


@requires_poppler
def test_slips_header_comes_from_the_document_header(tmp_path):
    ctx = _slips_context(1)
    ctx["header"] = replace(ctx["header"], issuer_line="Chi bộ ấp Bàu Sen")
    result = render(get_form("phieu_bieu_quyet"), ctx, tmp_path / "s.pdf")
    assert pdftotext(result.path).count("CHI BỘ ẤP BÀU SEN") == 2


@requires_poppler
def test_a_short_table_with_its_heading_and_signature_stays_on_one_page(tmp_path):
    result = render(get_form("trich_ngang_dang_vien"), context_for("trich_ngang_dang_vien"), tmp_path / "tn.pdf")
    text = pdftotext(result.path)
    assert result.pages == 1 and "QUÁ TRÌNH SINH HOẠT ĐẢNG" in text and "T/M CHI BỘ" in text


@requires_poppler
def test_a_blank_report_prints_every_part_for_handwriting(tmp_path):
    result = render(get_form("bao_cao_de_an_03"), context_for("bao_cao_de_an_03"), tmp_path / "bc.pdf", blank=True)
    text = " ".join(pdftotext(result.path).split())
    assert "III. KẾT QUẢ GIÁO DỤC, GIÚP ĐỠ ĐẢNG VIÊN" in text and "IV. NHẬN XÉT, KIẾN NGHỊ" in text
    assert "Sổ đảng viên có số liệu" not in text
    last = pdftotext(result.path, result.pages, result.pages)
    assert "T/M ĐẢNG ỦY" in last and "NHẬN XÉT, KIẾN NGHỊ" in last   # never a signature alone


@requires_poppler
def test_a_blank_resolution_fits_one_page(tmp_path):
    result = render(get_form("nghi_quyet_chi_bo"), context_for("nghi_quyet_chi_bo"), tmp_path / "nq.pdf", blank=True)
    assert result.pages == 1
