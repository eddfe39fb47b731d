"""Sample values of the tallies of a removal's votes above the cell (the committee's, the standing committee's)."""

from __future__ import annotations

LEVEL_TALLY_FORMS = {"bien_ban_kiem_phieu_dang_uy", "bien_ban_kiem_phieu_ban_thuong_vu"}

_COMMON = {"vb_voters": 15, "present_voters": 13, "issued": 13, "returned": 13, "valid": 13, "invalid": 0,
           "yes": 12, "no": 1, "yes_pct": "80", "no_pct": "6,7", "secret_needed": 10, "secret_fraction": "hai phần ba",
           "conclusion": "đạt hai phần ba", "place": "Hội trường Đảng ủy xã Tân Ninh"}
_VALUES = {
    "bien_ban_kiem_phieu_dang_uy": {
        **_COMMON, "body_name": "Đảng ủy xã Tân Ninh", "members_word": "đảng ủy viên",
        "question": "đề nghị xóa tên đồng chí Đặng Văn Ưng",
        "proposal_text": "đề nghị của Chi bộ ấp Tân Trung về việc xóa tên đồng chí Đặng Văn Ưng"},
    "bien_ban_kiem_phieu_ban_thuong_vu": {
        **_COMMON, "vb_voters": 5, "present_voters": 5, "issued": 5, "returned": 5, "valid": 5, "yes": 4, "no": 1,
        "yes_pct": "80", "no_pct": "20", "secret_needed": 3, "secret_fraction": "quá nửa", "conclusion": "đạt quá nửa",
        "body_name": "Ban Thường vụ Đảng ủy xã Tân Ninh", "members_word": "ủy viên Ban Thường vụ",
        "question": "xóa tên đồng chí Đặng Văn Ưng",
        "proposal_text": "đề nghị của Đảng ủy xã Tân Ninh về việc xóa tên đồng chí Đặng Văn Ưng"},
}
LEVEL_TALLY_EXPECTED = {
    "bien_ban_kiem_phieu_dang_uy": ["BIÊN BẢN KIỂM PHIẾU", "hội nghị Đảng ủy xã Tân Ninh xem xét đề nghị của Chi bộ ấp",
                                    "Số đảng ủy viên đương nhiệm có quyền biểu quyết: 15 đồng chí",
                                    "cần ít nhất 10/15 phiếu đồng ý (hai phần ba số đảng ủy viên đương nhiệm)",
                                    "đạt hai phần ba", "TRƯỞNG BAN KIỂM PHIẾU"],
    "bien_ban_kiem_phieu_ban_thuong_vu": ["hội nghị Ban Thường vụ Đảng ủy xã Tân Ninh xem xét",
                                          "Số ủy viên Ban Thường vụ đương nhiệm có quyền biểu quyết: 5 đồng chí",
                                          "cần ít nhất 3/5 phiếu đồng ý (quá nửa số ủy viên Ban Thường vụ đương nhiệm)",
                                          "xóa tên đồng chí Đặng Văn Ưng"],
}


def level_tally_values(form_id: str) -> dict:
    return dict(_VALUES.get(form_id, {}))
