"""Sample values of the returns papers (the key card, the aggregated report, the reminder letter)."""

from __future__ import annotations

RETURNS_FORMS = {"the_khoa", "bao_cao_tong_hop_bao_cao", "cong_van_don_doc_bao_cao"}

_UNITS = [{"name": "Đảng ủy phường Trảng Bàng", "dau_ky": "1.204", "ket_nap": "12", "chuyen_den": "4", "phuc_hoi": "",
           "tu_tran": "6", "khai_tru": "1", "xoa_ten": "5", "xin_ra": "2", "chuyen_di": "3", "cuoi_ky": "1.203",
           "revision": 2, "bold": False},
          {"name": "Đảng ủy xã Tân Biên", "dau_ky": "980", "ket_nap": "9", "chuyen_den": "2", "phuc_hoi": "1",
           "tu_tran": "4", "khai_tru": "", "xoa_ten": "4", "xin_ra": "1", "chuyen_di": "2", "cuoi_ky": "981",
           "revision": 1, "bold": False},
          {"name": "Tổng cộng", "dau_ky": "2.184", "ket_nap": "21", "chuyen_den": "6", "phuc_hoi": "1", "tu_tran": "10",
           "khai_tru": "1", "xoa_ten": "9", "xin_ra": "3", "chuyen_di": "5", "cuoi_ky": "2.184", "revision": "",
           "bold": True}]

_VALUES = {
    "the_khoa": {"unit_name": "Đảng ủy xã Tân Ninh", "unit_code": "TN", "created_text": "05/02/2026",
                 "fingerprint_text": "40517 88231 06694 12005 93358 71420", "summary": "gửi, nhận báo cáo định kỳ qua USB",
                 "groups": [{"n": 1, "digits": "40517", "spoken": "bốn – không – năm – một – bảy"},
                            {"n": 2, "digits": "88231", "spoken": "tám – tám – hai – ba – một"}],
                 "sign_public": "qEo4quULEO2uy64DZl6dpqWJZpBHlYwOg5qZc45jiMM=",
                 "receive_public": "age1s75fz45mgms5mkdfahwsekwx78kdnpcvuec62ww3mzc896sq89vqempdne"},
    "bao_cao_tong_hop_bao_cao": {
        "period_label": "năm 2025", "year": 2025, "unit_rows": _UNITS,
        "summary": "tổng hợp báo cáo năm 2025 của các đơn vị trực thuộc",
        "receipt_text": "Đến ngày 05/02/2026, đã nhận báo cáo năm 2025 của 2/3 đơn vị; chưa nhận: Đảng ủy xã Hảo Đước.",
        "check_text": "Số liệu cộng lại của các biểu khớp nhau.",
        "year_rows": [{"year": 2024, "xoa_ten": 10, "khai_tru": 1, "ra_khoi_dang": 3, "dinh_cu_nuoc_ngoai": 0,
                       "total": 14, "measure": 13, "vs_previous": "—", "vs_baseline": "giảm 40,9%"},
                      {"year": 2025, "xoa_ten": 9, "khai_tru": 1, "ra_khoi_dang": 3, "dinh_cu_nuoc_ngoai": 1,
                       "total": 14, "measure": 12, "vs_previous": "giảm 7,7%", "vs_baseline": "giảm 45,5%"}],
        "baseline": 22, "target": 11, "baseline_text": "Bình quân 2015–2020 của các đơn vị: 22 đảng viên/năm.",
        "allotment_rows": [{"name": "Đảng ủy phường Trảng Bàng", "allotted": 5, "doc": "125-CV/TU", "measure": 7,
                            "verdict": "Vượt 2 so với số được phân bổ", "over": True},
                           {"name": "Đảng ủy xã Tân Biên", "allotted": 6, "doc": "125-CV/TU", "measure": 5,
                            "verdict": "Trong số được phân bổ", "over": False}],
        "over_text": "Các đơn vị có số đảng viên bị xóa tên, xin ra khỏi Đảng cao hơn số được phân bổ: "
                     "Đảng ủy phường Trảng Bàng.",
        "support_rows": [{"name": "Đảng ủy xã Tân Biên", "screened": "4", "told": "4", "applied": "2", "approved": "1",
                          "paid": "1", "paid_amount": "1.250.000", "bold": False}],
    },
    "cong_van_don_doc_bao_cao": {
        "period_label": "năm 2025", "addressee": "Đảng ủy xã Hảo Đước", "summary": "đôn đốc gửi báo cáo năm 2025",
        "reminder_text": "Theo Công văn số 125-CV/TU, các đơn vị gửi báo cáo định kỳ năm 2025 trước ngày 20/01/2026. "
                         "Đến ngày 05/02/2026, chưa nhận được báo cáo của Đảng ủy xã Hảo Đước.",
        "request_text": "Đề nghị Đảng ủy xã Hảo Đước khẩn trương gửi báo cáo năm 2025."},
}

RETURNS_EXPECTED = {
    "the_khoa": ["THẺ KHÓA", "40517 88231 06694 12005 93358 71420", "bốn – không – năm – một – bảy", "Đọc là"],
    "bao_cao_tong_hop_bao_cao": ["tổng hợp báo cáo năm 2025", "Đảng ủy phường Trảng Bàng", "Vượt 2 so với số được phân bổ",
                                 "giảm 45,5%", "Tổng cộng", "V. HỖ TRỢ ĐẢNG VIÊN CÓ HOÀN CẢNH KHÓ KHĂN"],
    "cong_van_don_doc_bao_cao": ["V/v đôn đốc gửi báo cáo năm 2025", "Kính gửi: Đảng ủy xã Hảo Đước",
                                 "chưa nhận được báo cáo của Đảng ủy xã Hảo Đước"],
}


def returns_values(form_id: str) -> dict:
    return dict(_VALUES.get(form_id, {}))
