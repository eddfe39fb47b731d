"""Every form renders, filled and blank; the text comes back exactly; fonts are embedded."""

from __future__ import annotations

import unicodedata

import pytest

from tayninh_desktop.documents.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, missing_glyphs
from tayninh_desktop.documents.forms import all_forms
from tests.documents.conftest import pdffonts, pdftotext, pypdf_text, requires_poppler
from tests.documents.dues_book_samples import DUES_BOOK_EXPECTED, DUES_BOOK_FORMS
from tests.documents.level_tally_samples import LEVEL_TALLY_EXPECTED
from tests.documents.returns_samples import RETURNS_EXPECTED
from tests.documents.support_samples import SUPPORT_EXPECTED

FORM_IDS = sorted(all_forms())
CASES = [(form_id, blank) for form_id in FORM_IDS for blank in (False, True)]
NUMBERED_HEADER = {"nghi_quyet_chi_bo": "Số 12-NQ/CB", "to_trinh": "Số 12-TTr/CB", "quyet_dinh": "Số 12-QĐ/ĐU",
                   "cong_van": "Số 12-CV/ĐU", "bao_cao": "Số 12-BC/ĐU", "ke_hoach": "Số 12-KH/ĐU",
                   "thong_bao": "Số 12-TB/ĐU",
                   "giay_gioi_thieu_sinh_hoat_dang": "Số 12-GGT/ĐU", "bao_cao_de_an_03": "Số 12-BC/ĐU"}
NUMBERED_HEADER["bao_cao_ho_tro_dang_vien"] = "Số 12-BC/ĐU"
NUMBERED_HEADER.update({"bao_cao_tong_hop_bao_cao": "Số 12-BC/ĐU", "cong_van_don_doc_bao_cao": "Số 12-CV/ĐU"})
# Strings each filled form must print exactly (beyond the header).
EXPECTED = {
    "bien_ban_doi_chieu_danh_sach": ["BIÊN BẢN", "đối chiếu danh sách đảng viên Chi bộ ấp Tân Trung",
                                     "I. ĐẢNG VIÊN CHỈ CÓ TRONG DANH SÁCH CỦA CHI BỘ", "Võ Thị Hạnh", "Đặng Văn Ưng",
                                     "Ấp Suối Dộp", "ĐẠI DIỆN CHI BỘ", "NGƯỜI ĐỐI CHIẾU", "Trần Văn Hùng"],
    "danh_sach_dang_vien": ["DANH SÁCH ĐẢNG VIÊN", "Nguyễn Thị Ánh Tuyết", "Trần Ngọc Ưng", "Bùi Quốc Dũng", "Nơi nhận:"],
    "danh_sach_dang_vien_dang_bo": ["DANH SÁCH ĐẢNG VIÊN", "Nguyễn Thị Ánh Tuyết", "Chi bộ", "T/M ĐẢNG ỦY"],
    "danh_sach_dang_vien_mau_7": ["SỔ DANH SÁCH ĐẢNG VIÊN", "Mẫu 7-HSĐV", "Phường Hòa", "Quê quán"],
    "danh_sach_hop_chi_bo": ["DANH SÁCH ĐẢNG VIÊN DỰ HỌP", "Ký tên", "Trần Văn Hùng"],
    "bien_ban_hop_chi_bo": ["BIÊN BẢN", "họp chi bộ thường kỳ tháng 02 năm 2026", "Nhà văn hóa ấp Tân Trung",
                            "THƯ KÝ", "CHỦ TRÌ", "Trần Văn Hùng"],
    "nghi_quyet_chi_bo": ["NGHỊ QUYẾT", "CHI BỘ QUYẾT NGHỊ", "T/M CHI BỘ", "BÍ THƯ", "- Lưu Chi bộ."],
    "phieu_bieu_quyet": ["PHIẾU BIỂU QUYẾT", "Đồng ý", "Không đồng ý", "Đặng Văn Ưng"],
    "bien_ban_kiem_phieu": ["BIÊN BẢN KIỂM PHIẾU", "TRƯỞNG BAN KIỂM PHIẾU", "Đỗ Thị Nguyệt"],
    "to_trinh": ["TỜ TRÌNH", "Kính gửi: Ban Thường vụ Đảng ủy xã Tân Ninh"],
    "quyet_dinh": ["QUYẾT ĐỊNH", "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ TÂN NINH", "Điều 1.", "T/M BAN THƯỜNG VỤ"],
    "giay_gioi_thieu_sinh_hoat_dang": ["GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG", "Huỳnh Thị Phượng", "K/T BÍ THƯ",
                                       "PHÓ BÍ THƯ"],
    "cong_van": ["V/v triển khai rà soát", "Kính gửi:"],
    "bao_cao": ["BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "giảm 50%"],
    "danh_sach_canh_bao": ["DANH SÁCH CẢNH BÁO SỚM VỀ SINH HOẠT ĐẢNG", "tất cả các chi bộ; mọi loại cảnh báo",
                           "Đặng Văn Ưng", "294-QĐ/TW ngày 26/05/2025", "Tháng 03/2026",
                           "Chương trình không tự thay đổi tình trạng của đảng viên nào."],
    "ke_hoach": ["KẾ HOẠCH", "học tập chuyên đề năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Đảng viên nắm vững nội dung chuyên đề năm 2026.", "1. Tổ chức học tập tại chi bộ;",
                 "2. Báo cáo kết quả trước ngày 30/6/2026.", "- Lưu Văn phòng Đảng ủy."],
    "thong_bao": ["THÔNG BÁO", "Chữ <b>này</b> và {unit_name} in đúng như gõ, không phải mã.",
                  "Lịch sinh hoạt: ngày 05 hằng tháng & 20 hằng tháng."],
    "so_dang_ky_van_ban": ["SỔ ĐĂNG KÝ VĂN BẢN ĐI", "12-NQ/ĐU", "Tên loại và trích yếu nội dung", "Số bản"],
    "bao_cao_de_an_03": ["Số đảng viên bị xóa tên và xin ra khỏi Đảng theo năm", "2022 (đến 30/11)", "giảm 43,3%", "giảm 50,4%",
                         "Bình quân 2015–2020: 111", "không quá 55,5 đảng viên/năm", "III. KẾT QUẢ GIÁO DỤC, GIÚP ĐỠ",
                         "IV. NHẬN XÉT, KIẾN NGHỊ"],
    "chuong_trinh_hop_chi_bo": ["CHƯƠNG TRÌNH", "Xem xét trường hợp đảng viên Đặng Văn Ưng."],
    "ho_so_hop_chi_bo": ["HỒ SƠ KỲ HỌP CHI BỘ", "MỤC LỤC", "9–10", "Đặng Văn Ưng"],
    "trich_ngang_dang_vien": ["TRÍCH NGANG LÝ LỊCH ĐẢNG VIÊN", "QUÁ TRÌNH SINH HOẠT ĐẢNG", "Công nhận đảng viên chính thức",
                              "vắng không có lý do 1 (tháng 01)"],
    **SUPPORT_EXPECTED,
    **RETURNS_EXPECTED,
    **LEVEL_TALLY_EXPECTED,
    **DUES_BOOK_EXPECTED,
    "bieu_1": ["THỐNG KÊ TĂNG, GIẢM ĐẢNG VIÊN", "6 THÁNG ĐẦU NĂM 2026", "Biểu số 1-BTCTW", "Thực hiện",
               "(%) kỳ này so với cùng kỳ năm trước", "4 = 2 × 100 : 3",
               "A - Tổng số đảng viên cuối kỳ trước chuyển sang", "3. Phục hồi đảng tịch", "NGƯỜI LẬP BIỂU"],
    "bieu_2": ["THỐNG KÊ ĐẢNG VIÊN MỚI KẾT NẠP", "Đoàn viên Đoàn TNCS Hồ Chí Minh", "1*", "Tuổi bình quân",
               "(*) Số liệu do văn phòng đảng ủy tổng hợp"],
    "bieu_2b": ["ĐẢNG VIÊN MỚI KẾT NẠP CHIA THEO DÂN TỘC VÀ TÔN GIÁO", "Khơ-me", "Cao Đài", "Trong đó: nữ"],
    "bieu_3": ["THỐNG KÊ CHẤT LƯỢNG ĐỘI NGŨ ĐẢNG VIÊN", "Từ 21/7/1954 đến 30/4/1975", "Cao cấp, cử nhân",
               "cách tính chưa xác nhận"],
    "bieu_4": ["ĐẢNG VIÊN CHIA THEO DÂN TỘC VÀ TÔN GIÁO", "(có đến ngày 30/06/2026)", "Kinh"],
    "bieu_6": ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN", "NĂM 2025", "Hoàn thành xuất sắc nhiệm vụ",
               "chưa đối chiếu được với mẫu gốc"],
    "bieu_6f": ["KẾT QUẢ KIỂM ĐIỂM TỰ PHÊ BÌNH VÀ PHÊ BÌNH", "NĂM 2025", "Biểu số 6F-BTCTW", "Tập thể", "Đảng viên",
                "Số lượng đã kiểm điểm tự phê bình và phê bình", "3.4", "Đảng viên bị đình chỉ sinh hoạt đảng",
                "Thuộc diện đảng ủy cơ sở quản lý", "cách đọc chưa đối chiếu văn bản gốc"],
    "bieu_7": ["THỐNG KÊ VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN", "Huy hiệu 30 năm tuổi Đảng",
               "phát hiện giả mạo qua giới thiệu sinh hoạt đảng", "T/M ĐẢNG ỦY"],
    "ban_cam_ket": ["BẢN CAM KẾT", "Kính gửi: Chi ủy Chi bộ ấp Tân Trung", "Đóng đảng phí đúng hạn.", "NGƯỜI CAM KẾT",
                    "Trần Văn Hùng"],
    "bao_cao_ket_qua_ra_soat": ["BÁO CÁO", "Chi bộ ấp Tân Trung", "Toàn đảng bộ", "giảm 66,7%", "Được phân bổ"],
    "danh_sach_du_kien_giup_do": ["DANH SÁCH DỰ KIẾN", "Đặng Văn Ưng", "Ban công tác mặt trận ấp", "T/M CHI ỦY"],
    "nghi_quyet_danh_sach_giup_do": ["NGHỊ QUYẾT", "CHI BỘ QUYẾT NGHỊ", "Đặng Văn Ưng", "25/28", "89,3%"],
    "nghi_quyet_de_nghi_xoa_ten": ["NGHỊ QUYẾT", "tự bỏ sinh hoạt đảng", "đồng ý 25 phiếu (86,2%)"],
    "nghi_quyet_ket_qua_giup_do": ["NGHỊ QUYẾT", "Ngày 10/09/2026: có tiến bộ.", "đồng ý công nhận tiến bộ 25 phiếu"],
    "nghi_quyet_phan_cong_giup_do": ["NGHỊ QUYẾT", "Đảng viên giúp đỡ", "Trần Văn Hùng", "05/02/2026 – 05/02/2027"],
    "to_trinh_xoa_ten": ["TỜ TRÌNH", "Kính gửi: Ban Thường vụ Đảng ủy xã Tân Ninh"],
}
STATISTICAL = {form_id for form_id in FORM_IDS if form_id.startswith("bieu_")}
CELL_FORMS = {"chuong_trinh_hop_chi_bo", "ho_so_hop_chi_bo", "trich_ngang_dang_vien", "danh_sach_dang_vien", "danh_sach_hop_chi_bo", "bien_ban_hop_chi_bo", "nghi_quyet_chi_bo",
              "phieu_bieu_quyet", "bien_ban_kiem_phieu", "to_trinh", "ban_cam_ket", "danh_sach_du_kien_giup_do",
              "nghi_quyet_danh_sach_giup_do", "nghi_quyet_de_nghi_xoa_ten", "nghi_quyet_ket_qua_giup_do",
              "nghi_quyet_phan_cong_giup_do", "to_trinh_xoa_ten"}
CELL_FORMS |= DUES_BOOK_FORMS


def test_every_form_has_expectations():
    assert set(EXPECTED) == set(FORM_IDS)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@requires_poppler
@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_header_text_comes_back_exactly(rendered, form_id, blank):
    path = rendered[(form_id, blank)]
    lines = _lines(pdftotext(path, 1, 1))
    # A voting slip is a quarter of a column wide: it carries the issuer's block only; a statistical form
    # has the head of its official layout (issuer, title and period, the form's number) instead of HD 36's.
    assert ("ĐẢNG CỘNG SẢN VIỆT NAM" in lines) is (form_id != "phieu_bieu_quyet" and form_id not in STATISTICAL)
    if form_id in CELL_FORMS:
        assert "ĐẢNG BỘ XÃ TÂN NINH" in lines and "CHI BỘ ẤP TÂN TRUNG" in lines
    else:
        assert "ĐẢNG BỘ TỈNH TÂY NINH" in lines and "ĐẢNG ỦY XÃ TÂN NINH" in lines
    if form_id == "phieu_bieu_quyet":
        return
    date_line = "Tân Ninh, ngày ..... tháng ..... năm 20....." if blank else "Tân Ninh, ngày 05 tháng 02 năm 2026"
    if form_id in STATISTICAL:   # above the signatures, on the last page
        lines = _lines(pdftotext(path))
    assert date_line in lines
    if form_id in NUMBERED_HEADER and not blank:
        assert NUMBERED_HEADER[form_id] in lines


@requires_poppler
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_filled_text_extracts_exactly_with_poppler_and_pypdf(rendered, form_id):
    path = rendered[(form_id, False)]
    poppler = " ".join(_lines(pdftotext(path)))
    pypdf = " ".join(" ".join(_lines(page)) for page in pypdf_text(path))
    for expected in EXPECTED[form_id]:
        assert expected in poppler, expected
        assert expected in pypdf, expected


@requires_poppler
@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_text_is_nfc_and_every_glyph_exists(rendered, form_id, blank):
    text = pdftotext(rendered[(form_id, blank)])
    assert unicodedata.normalize("NFC", text) == text
    for font in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        assert missing_glyphs(text.replace("\f", ""), font) == set(), font


@requires_poppler
@pytest.mark.parametrize(("form_id", "blank"), CASES)
def test_fonts_embedded_subset_with_tounicode(rendered, form_id, blank):
    fonts = pdffonts(rendered[(form_id, blank)])
    assert fonts, "no font listed"
    for row in fonts:
        assert "LiberationSerif" in row["name"], row
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row


def test_blank_forms_carry_no_member_data(rendered):
    for form_id in FORM_IDS:
        text = " ".join(_lines(pdftotext(rendered[(form_id, True)])))
        for name in ("Nguyễn Thị Ánh Tuyết", "Huỳnh Thị Phượng", "Đặng Văn Ưng", "05/02/2026"):
            assert name not in text, (form_id, name)


def test_form_text_has_glyphs_in_the_bundled_font():
    from tayninh_desktop.documents.forms import FORMS_DIR

    for path in FORMS_DIR.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert missing_glyphs(text, REGULAR) == set(), path.name
        assert unicodedata.normalize("NFC", text) == text, path.name


def test_orientation_follows_the_form(rendered):
    from pypdf import PdfReader

    for form_id, form in all_forms().items():
        box = PdfReader(str(rendered[(form_id, False)])).pages[0].mediabox
        assert (box.width > box.height) == (form.orientation == "landscape"), form_id
        assert sorted((round(float(box.width)), round(float(box.height)))) == [595, 842]
