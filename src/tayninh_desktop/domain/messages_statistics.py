"""Sentences of the official statistics: refusals, consistency findings, notes about the data."""

FIELD_LABELS: dict[str, str] = {
    "period": "Kỳ báo cáo",
    "stats_form": "Biểu thống kê",
    "stats_row": "Dòng của biểu",
    "typed_value": "Số liệu nhập tay",
    "typed_note": "Ghi chú",
    "transfer_scope": "Phạm vi chuyển sinh hoạt",
    "award_kind": "Loại (huy hiệu, thẻ)",
    "badge_years": "Số năm tuổi Đảng của huy hiệu",
    "awarded_on": "Ngày trao",
    "award_doc": "Số quyết định",
    "changes_effective_on": "Ngày thay đổi nghề nghiệp, trình độ có hiệu lực",
}

MESSAGES: dict[str, str] = {
    # the dated changes of occupation and schooling (m044)
    "field_change_before_last": "{field_label}: {what} đã có một thay đổi ghi nhận từ ngày {last}; thay đổi mới "
                                "không thể có hiệu lực từ ngày {value}, sớm hơn ngày đó.",
    "field_change_before_birth": "{field_label}: ngày {value} ở trước ngày sinh ({birth}).",
    # refusals
    "bad_stats_period": "Kỳ báo cáo «{value}» không đúng: gõ năm (2026), 6 tháng (2026-H1 hoặc 2026-H2), "
                        "quý (2026-Q1 … 2026-Q4) hoặc tháng (2026-06 hoặc 06/2026).",
    "stats_period_not_started": "Kỳ {value} bắt đầu từ ngày {start}: chưa có số liệu.",
    "stats_form_not_found": "Không có biểu thống kê «{form}». Các biểu: {known}.",
    "stats_form_invalid": "Định nghĩa biểu thống kê {form} bị lỗi: {reason}.",
    "stats_period_not_allowed": "Biểu số {form} chỉ lập theo {kinds}; không lập cho kỳ {period}.",
    "stats_row_not_found": "Biểu số {form} không có dòng «{row}».",
    "stats_row_not_typed": "Dòng «{row}» của Biểu số {form} do sổ đảng viên tự tính, không nhập tay. "
                           "Các dòng nhập tay: {keys}.",
    "bad_typed_value": "Số liệu «{value}» không hợp lệ: phải là số nguyên từ 0 đến {high}.",
    "stats_typed_not_found": "Chưa nhập dòng «{row}» của Biểu số {form} kỳ {period}.",
    "bad_transfer_scope": "Phạm vi «{value}» không đúng: chọn «trong_tinh» (trong tỉnh) hoặc «tinh_khac» (tỉnh khác).",
    "stats_event_not_found": "Không tìm thấy sự kiện «{event_id}» trong quá trình sinh hoạt của đảng viên.",
    "stats_event_not_transfer": "Sự kiện này là «{event}», không phải chuyển sinh hoạt đảng chính thức "
                                "(chuyển đến, chuyển đi).",
    "bad_award_kind": "Loại «{value}» không đúng: chọn huy_hieu (Huy hiệu Đảng), the_moi (phát thẻ đảng viên), "
                      "the_cap_lai (cấp lại thẻ do mất) hoặc the_doi (đổi thẻ do hỏng).",
    "bad_badge_years": "Huy hiệu Đảng {value} năm không có: chọn {allowed} năm.",
    "badge_years_not_reached": "Đảng viên vào Đảng ngày {joined}, đến ngày {on} chưa đủ {years} năm tuổi Đảng.",
    "badge_years_only_for_badges": "Số năm tuổi Đảng chỉ ghi cho Huy hiệu Đảng, không ghi cho thẻ đảng viên.",
    "award_duplicate": "Đảng viên đã được ghi {what} ngày {on}.",
    "award_not_found": "Không tìm thấy bản ghi huy hiệu, thẻ đảng viên này.",
    "stats_sum_mismatch": "Không cộng được: các số liệu không cùng biểu, cùng kỳ ({detail}).",
    # findings of the consistency check
    "check_equal_failed": "Biểu số {form}: {left_text} = {left} nhưng {right_text} = {right} ({check}).",
    "check_exceeded": "Biểu số {form}: {left_text} = {left} lớn hơn {right_text} = {right} ({check}).",
    "check_short": "Biểu số {form}: {left_text} = {left} nhỏ hơn {right_text} = {right} ({check}).",
    "female_exceeds_total": "Biểu số {form}, dòng «{row}»: số nữ ({female}) lớn hơn tổng số ({total}).",
    "opening_differs": "Biểu số 1: số đầu kỳ {period} ({value}) khác số cuối kỳ trước đã báo cáo ({previous}).",
    "typed_missing": "Biểu số {form}: chưa nhập {count} dòng do văn phòng nhập ({rows}).",
    # notes about the register's data, found while counting
    "history_unreadable": "Quá trình sinh hoạt của {count} đảng viên không đọc được nên chưa được tính: {names}.",
    "occupation_unclassified": "Biểu số {form}: {count} đảng viên có nghề nghiệp chưa xếp được vào nhóm của biểu "
                               "({texts}); đang tính vào dòng «Khác». Sửa nghề nghiệp trong hồ sơ cho rõ.",
    "general_unclassified": "Biểu số {form}: {count} đảng viên có trình độ giáo dục phổ thông chưa đọc được "
                            "({texts}); chưa tính vào mục này.",
    "professional_unclassified": "Biểu số {form}: {count} đảng viên có trình độ chuyên môn chưa đọc được "
                                 "({texts}); chưa tính vào mục này.",
    "theory_unclassified": "Biểu số {form}: {count} đảng viên có trình độ lý luận chính trị chưa đọc được "
                           "({texts}); chưa tính vào mục này.",
    "ethnicity_unclassified": "Biểu số {form}: {count} đảng viên có dân tộc không có trong danh mục "
                              "({texts}); đang tính vào dòng «Chưa xác định».",
    "religion_other": "Biểu số {form}: {count} đảng viên có tôn giáo không có trong danh mục ({texts}); "
                      "đang tính vào dòng «Tôn giáo khác».",
    "age_out_of_bands": "Biểu số {form}: {count} đảng viên có tuổi ngoài các nhóm tuổi của biểu ({names}); "
                        "kiểm tra ngày sinh.",
    "transfer_scope_unknown": "Biểu số {form}: {count} lượt chuyển sinh hoạt đảng chính thức chưa rõ trong tỉnh "
                              "hay tỉnh khác ({names}); cần ghi phạm vi cho từng lượt.",
    "settled_abroad_counted": "Biểu số {form}: {count} đảng viên ra nước ngoài định cư được tính vào dòng «Xóa tên» "
                              "(Quy định 127-QĐ/TW ngày 03/11/2004, Điều 2): {names}. Nếu đảng viên có đơn xin ra "
                              "khỏi Đảng thì ghi sự kiện «Xin ra khỏi Đảng».",
    "age_rule_unconfirmed": "Tuổi đời tính tròn tại ngày chốt số liệu (cách tính chưa xác nhận với văn bản gốc).",
    "form_layout_unconfirmed": "Bố cục dòng của Biểu số {form} chưa đối chiếu được với mẫu gốc (chưa xác nhận).",
}

# What each consistency rule checks, as the finding names it.
CHECK_LABELS: dict[str, str] = {
    "closing_balance": "số cuối kỳ (lấy từ danh sách) phải bằng đầu kỳ cộng tăng trừ giảm (lấy từ các sự kiện)",
    "increase_total": "số tăng phải bằng tổng các dòng tăng",
    "decrease_total": "số giảm phải bằng tổng các dòng giảm",
    "transfer_in_origin": "có lượt chuyển đến chưa rõ từ trong tỉnh hay tỉnh khác",
    "transfer_out_destination": "có lượt chuyển đi chưa rõ đến trong tỉnh hay tỉnh khác",
    "struck_off_probationary": "số xóa tên là đảng viên dự bị không quá số xóa tên",
    "new_members_match_admissions": "số mới kết nạp phải bằng dòng kết nạp của Biểu 1",
    "list_matches_bieu_1": "số đảng viên phải bằng dòng D của Biểu 1",
    "matches_bieu_1": "tổng số phải bằng dòng D của Biểu 1",
    "matches_bieu_2": "tổng số phải bằng dòng I của Biểu 2",
    "matches_bieu_3": "tổng số phải bằng dòng I của Biểu 3",
    "members_match_bieu_3": "tổng số đảng viên phải bằng dòng I của Biểu 3",
    "occupation_total": "các nhóm nghề nghiệp cộng lại phải bằng tổng số",
    "working_or_retired": "đang làm việc cộng đã nghỉ phải bằng tổng số",
    "working_by_occupation": "các nhóm nghề nghiệp cộng lại phải bằng số đang làm việc",
    "retired_exempted": "số được miễn sinh hoạt không quá số đã nghỉ",
    "age_total": "các nhóm tuổi cộng lại phải bằng tổng số",
    "era_total": "các thời kỳ kết nạp cộng lại phải bằng tổng số",
    "general_education_total": "có đảng viên chưa rõ trình độ giáo dục phổ thông",
    "professional_total": "trình độ chuyên môn cộng lại không quá tổng số",
    "theory_total": "trình độ lý luận chính trị cộng lại không quá tổng số",
    "academic_titles": "chức danh khoa học không quá tổng số",
    "ethnicity_total": "các dân tộc cộng lại phải bằng tổng số",
    "religion_total": "các tôn giáo cộng lại phải bằng số có đạo",
    "religious_within_total": "số có đạo không quá tổng số",
    "rated_total": "bốn mức xếp loại cộng lại phải bằng số được xếp loại",
    "rated_within_list": "có đảng viên trong danh sách chưa ghi kết quả xếp loại của năm",
    "not_rated_reasons": "các lý do không xếp loại cộng lại phải bằng số không xếp loại",
    "organisations_rated": "bốn mức xếp loại tổ chức đảng cộng lại phải bằng tổng số",
    "badges_total": "các loại huy hiệu cộng lại phải bằng tổng số",
    "official_transfers_out_match_bieu_1": "chuyển đi chính thức phải bằng dòng C.5 của Biểu 1",
    "official_transfers_in_match_bieu_1": "chuyển đến chính thức phải bằng dòng B.2 của Biểu 1",
    "irregular_arrivals": "số chuyển đến chưa đúng quy định không quá số chuyển đến",
    "irregular_departures": "số chuyển đi chưa đúng quy định không quá số chuyển đi",
    "partial_committees_admitting": "số đảng bộ cơ sở có kết nạp không quá số đảng bộ cơ sở",
    "partial_committees_no_candidates": "số đảng bộ cơ sở hết quần chúng không quá số đảng bộ cơ sở",
    "cells_admitting": "số chi bộ cơ sở có kết nạp không quá số chi bộ cơ sở",
    "cells_no_candidates": "số chi bộ cơ sở hết quần chúng không quá số chi bộ cơ sở",
    "reviewed_within_list": "có đảng viên trong danh sách chưa ghi kết quả kiểm điểm, xếp loại của năm",
    "not_reviewed_of_which": "các trường hợp chưa kiểm điểm (mới kết nạp, miễn sinh hoạt, đình chỉ) không quá số chưa"
                             " kiểm điểm",
    "collectives_reviewed": "tập thể đã kiểm điểm cộng chưa kiểm điểm phải bằng số tập thể phải kiểm điểm",
    "suggested_of_which": "số đảng viên được gợi ý kiểm điểm theo diện quản lý không quá tổng số",
    "suggested_collectives_of_which": "số tập thể được gợi ý kiểm điểm theo diện quản lý không quá tổng số",
}

TRANSFER_SCOPE_LABELS = {"tinh_khac": "tỉnh khác", "trong_tinh": "trong tỉnh"}
AWARD_LABELS = {"huy_hieu": "Huy hiệu Đảng", "the_moi": "phát thẻ đảng viên", "the_cap_lai": "cấp lại thẻ do mất",
                "the_doi": "đổi thẻ do hỏng"}
PERIOD_KIND_LABELS = {"nam": "năm", "6_thang": "6 tháng", "quy": "quý", "thang": "tháng"}


def check_label(check_id: str, note: str = "") -> str:
    return note or CHECK_LABELS.get(check_id, check_id)
