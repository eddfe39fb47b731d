"""Sample values of the Sổ thu đảng phí (form so_thu_dang_phi), as services.dues_book makes them."""

from __future__ import annotations

_MONTHS = {f"m{m:02d}": "5.000" for m in range(1, 13)}
_VALUES = {
    "so_thu_dang_phi": {
        "book_year": 2026,
        "dues_basis_text": "Chi bộ ấp Tân Trung. Mức đóng theo 342-QĐ/TW ngày 28/12/2010; 01-QĐ/TW ngày 03/02/2026.",
        "dues_rows": [
            {"no": "1", "full_name": "Nguyễn Thị Ánh Tuyết", **_MONTHS, "total": "60.000", "is_total": ""},
            {"no": "2", "full_name": "Đặng Văn Ưng", **_MONTHS, "m07": "5.000 T", "m08": "5.000 T", "m03": "K",
             "total": "55.000", "is_total": ""},
            {"no": "", "full_name": "Cộng", **{k: "10.000" for k in _MONTHS}, "total": "115.000", "is_total": "1"},
        ],
        "dues_legend": "Ghi chú: “T”: đóng trước, “C”: đóng chậm; “K”: chưa đóng.",
        "dues_totals_text": "Tổng số đã thu trong năm 2026: 115.000 đồng; 2 tháng đóng trước, 0 tháng đóng chậm.",
    },
}
DUES_BOOK_FORMS = set(_VALUES)
DUES_BOOK_EXPECTED = {"so_thu_dang_phi": ["SỔ THU ĐẢNG PHÍ NĂM 2026", "Đặng Văn Ưng", "5.000 T", "Cộng",
                                          "2 tháng đóng trước, 0 tháng đóng chậm"]}


def dues_book_values(form_id: str) -> dict:
    return dict(_VALUES.get(form_id, {}))
