"""Sample values of the support programme's papers (as services.support_documents makes them), and the strings
each filled paper must print exactly."""

from __future__ import annotations

from datetime import date

SUPPORT_FORMS = {"don_de_nghi_ho_tro_lai_suat", "danh_sach_duyet_ho_tro_lai_suat", "danh_sach_chi_tra_ho_tro_lai_suat",
                 "phieu_thu_quy_ho_tro", "so_quy_ho_tro", "bien_ban_doi_chieu_quy_ho_tro", "bao_cao_ho_tro_dang_vien"}

_APPLICATION = {
    "full_name": "Huỳnh Thị Phượng", "cccd": "072160200000", "category_text": "Hộ cận nghèo (giấy chứng nhận số 15/GCN-UBND)",
    "programme_name": "Cho vay hộ cận nghèo", "contract_number": "KU-0001", "loan_amount": "50.000.000 đ",
    "loan_rate": "7,92 %/năm", "loan_start": date(2025, 3, 15), "loan_term": 36, "loan_purpose": "Chăn nuôi bò",
    "period_from": date(2026, 1, 1), "period_to": date(2026, 9, 30), "interest_paid_text": "2.970.000 đ",
    "payments": [{"paid_on": date(2026, 1, 15), "amount": "990.000 đ", "reference": "BL-01"},
                 {"paid_on": date(2026, 4, 15), "amount": "990.000 đ", "reference": "BL-04"}],
    "plan_citation": "Kế hoạch 90-KH/TU ngày 18/07/2022", "share_text": "70 %", "requested_text": "2.079.000 đ",
    "requested_words": "hai triệu không trăm bảy mươi chín nghìn đồng chẵn", "cell_secretary": "Trần Văn Hùng",
    "attachments": "giấy chứng nhận hộ, sổ vay vốn, biên lai trả lãi",
}
_ROW = {"full_name": "Huỳnh Thị Phượng", "cell_name": "Chi bộ ấp Tân Trung", "category": "Hộ cận nghèo",
        "loan": "Cho vay hộ cận nghèo, số KU-0001", "loan_amount": "50.000.000", "period": "01/01/2026–\n30/09/2026",
        "interest_paid": "2.970.000", "support_amount": "2.079.000", "decision": "45-QĐ/ĐU\nngày 10/10/2026",
        "label": "HS 001/2026"}
_VALUES = {
    "don_de_nghi_ho_tro_lai_suat": _APPLICATION,
    "danh_sach_duyet_ho_tro_lai_suat": {
        "list_summary": "được duyệt từ ngày 01/01/2026 đến ngày 31/12/2026", "applications": [_ROW], "count": 1,
        "total_interest": "2.970.000 đ", "total_support": "2.079.000 đ",
        "total_words": "Hai triệu không trăm bảy mươi chín nghìn đồng chẵn",
        "rule_text": "số tiền hỗ trợ = 70 % lãi đã trả trong kỳ; làm tròn xuống đến đồng.", "prepared_by": "Đỗ Thị Nguyệt"},
    "danh_sach_chi_tra_ho_tro_lai_suat": {
        "list_summary": "kỳ từ ngày 01/01/2026 đến ngày 31/12/2026", "count": 1, "total_paid": "2.079.000 đ",
        "payments": [{**_ROW, "approved": "2.079.000", "paid": "2.079.000", "paid_on": "15/10/2026", "note": ""}],
        "total_words": "Hai triệu không trăm bảy mươi chín nghìn đồng chẵn", "prepared_by": "Đỗ Thị Nguyệt"},
    "phieu_thu_quy_ho_tro": {
        "receipt_number": "001/2026", "contributor": "Công ty TNHH Phước Thạnh", "contributor_kind": "Đơn vị, tổ chức",
        "reason_line": "đóng góp Quỹ hỗ trợ đảng viên có hoàn cảnh khó khăn", "amount_text": "5.000.000 đ",
        "amount_words": "Năm triệu đồng chẵn", "entry_date": date(2026, 2, 5),
        "fund_name": "Quỹ hỗ trợ đảng viên có hoàn cảnh khó khăn"},
    "so_quy_ho_tro": {
        "statement_summary": "từ ngày 01/01/2026 đến ngày 31/12/2026", "opening_text": "0 đ",
        "entries": [{"seq": 1, "entry_date": date(2026, 2, 5), "document": "001/2026",
                     "description": "Thu đóng góp của Công ty TNHH Phước Thạnh", "money_in": "5.000.000",
                     "money_out": "", "balance": "5.000.000"},
                    {"seq": 2, "entry_date": date(2026, 2, 6), "document": "HS 001/2026",
                     "description": "Chi hỗ trợ lãi suất cho đồng chí Huỳnh Thị Phượng", "money_in": "",
                     "money_out": "2.079.000", "balance": "2.921.000"}],
        "money_in_text": "5.000.000 đ", "money_out_text": "2.079.000 đ", "closing_text": "2.921.000 đ",
        "closing_words": "Hai triệu chín trăm hai mươi mốt nghìn đồng chẵn", "prepared_by": "Đỗ Thị Nguyệt"},
    "bien_ban_doi_chieu_quy_ho_tro": {
        "on_text": "05/02/2026", "entries": 2, "reversals": 0, "contributions_text": "5.000.000 đ",
        "disbursements_text": "2.079.000 đ", "balance_text": "2.921.000 đ", "counted_text": "2.921.000 đ",
        "difference_text": "khớp", "problems": [{"text": "Các khoản chi đều gắn với hồ sơ đã duyệt."}],
        "pending": [{"label": "HS 002/2026", "full_name": "Đặng Văn Ưng", "approved": "1.200.000", "paid": "0",
                     "left": "1.200.000"}],
        "conclusion": "Sổ quỹ khớp với các hồ sơ được chi; số tiền thực có khớp số dư theo sổ.",
        "prepared_by": "Đỗ Thị Nguyệt"},
    "bao_cao_ho_tro_dang_vien": {
        "report_summary": "kết quả hỗ trợ đảng viên có hoàn cảnh khó khăn năm 2026", "period_text": "năm 2026",
        "end_text": "31/12/2026", "plan_citation": "Kế hoạch 90-KH/TU ngày 18/07/2022", "plan_note": "",
        "cell_rows": [{"no": "1", "cell": "Chi bộ ấp Tân Trung", "screened": 12, "told": 9, "untold": 3,
                       "told_share": "75%", "applied": 3, "approved": 2, "paid": 1, "rejected": 1,
                       "approved_amount": "3.279.000", "paid_amount": "2.079.000"},
                      {"no": "", "cell": "Cộng toàn đảng bộ", "screened": 12, "told": 9, "untold": 3,
                       "told_share": "75%", "applied": 3, "approved": 2, "paid": 1, "rejected": 1,
                       "approved_amount": "3.279.000", "paid_amount": "2.079.000"}],
        "chart_rows": [{"label": "Tân Trung", "value": 75}], "told_percent_all": 75,
        "chart_title": "Tỷ lệ đảng viên có thể thuộc diện đã được thông tin chính sách (%)",
        "screened": 12, "told": 9, "told_in_period": 7, "untold": 3, "told_share": "75%",
        "fund_opening": "0 đ", "fund_in": "5.000.000 đ", "fund_out": "2.079.000 đ", "fund_closing": "2.921.000 đ"},
}

SUPPORT_EXPECTED = {
    "don_de_nghi_ho_tro_lai_suat": ["ĐƠN ĐỀ NGHỊ", "Kính gửi: Ban Thường vụ Đảng ủy xã Tân Ninh", "Huỳnh Thị Phượng",
                                    "7,92 %/năm", "2.079.000 đ", "NGƯỜI LÀM ĐƠN", "Ý KIẾN CỦA CHI BỘ"],
    "danh_sach_duyet_ho_tro_lai_suat": ["DANH SÁCH ĐẢNG VIÊN ĐƯỢC HỖ TRỢ LÃI SUẤT VAY VỐN", "Huỳnh Thị Phượng",
                                        "2.079.000", "Hai triệu không trăm bảy mươi chín nghìn đồng chẵn",
                                        "NGƯỜI LẬP DANH SÁCH", "T/M BAN THƯỜNG VỤ"],
    "danh_sach_chi_tra_ho_tro_lai_suat": ["DANH SÁCH CHI TRẢ HỖ TRỢ LÃI SUẤT VAY VỐN", "Ký nhận", "15/10/2026",
                                          "THỦ QUỸ"],
    "phieu_thu_quy_ho_tro": ["PHIẾU THU", "Số: 001/2026", "Công ty TNHH Phước Thạnh", "Năm triệu đồng chẵn",
                             "NGƯỜI NỘP TIỀN"],
    "so_quy_ho_tro": ["SỔ QUỸ HỖ TRỢ ĐẢNG VIÊN CÓ HOÀN CẢNH KHÓ KHĂN", "2.921.000", "Tồn (đ)", "NGƯỜI GHI SỔ"],
    "bien_ban_doi_chieu_quy_ho_tro": ["BIÊN BẢN ĐỐI CHIẾU", "số dư theo sổ: 2.921.000 đ", "HS 002/2026",
                                      "III. KẾT LUẬN", "NGƯỜI ĐỐI CHIẾU"],
    "bao_cao_ho_tro_dang_vien": ["kết quả hỗ trợ đảng viên có hoàn cảnh khó khăn năm 2026",
                                 "I. RÀ SOÁT, THÔNG TIN CHÍNH SÁCH ĐẾN ĐẢNG VIÊN", "Cộng toàn đảng bộ",
                                 "Tỷ lệ đảng viên có thể thuộc diện đã được thông tin chính sách (%)", "III. QUỸ HỖ TRỢ",
                                 "T/M ĐẢNG ỦY"],
}


def support_values(form_id: str) -> dict:
    return dict(_VALUES.get(form_id, {}))
