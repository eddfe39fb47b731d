"""Sentences, field labels and state labels of party life (meetings, dues, ratings, warnings)."""

FIELD_LABELS: dict[str, str] = {
    "meeting_summary": "Nội dung sinh hoạt",
    "meeting_date": "Ngày họp",
    "kind": "Loại buổi sinh hoạt",
    "chair": "Người chủ trì",
    "summary": "Nội dung tóm tắt",
    "attendance": "Điểm danh",
    "quality": "Đánh giá chất lượng",
    "month": "Tháng",
    "dues": "Đảng phí",
    "amount": "Số tiền",
    "year": "Năm",
    "level": "Xếp loại",
    "score": "Điểm",
    "not_rated_reason": "Lý do không xếp loại",
    "form": "Hình thức kỷ luật",
    "decided_on": "Ngày quyết định",
    "in_force_until": "Hiệu lực đến",
    "task": "Nhiệm vụ được phân công",
    "letter_number": "Số giấy giới thiệu",
    "issued_on": "Ngày cấp giấy",
    "presented_on": "Ngày trình giấy",
    "counterpart": "Nơi đến / nơi đi",
    "contacted_on": "Ngày liên lạc",
    "member_id": "Đảng viên",
    "direction": "Loại giấy",
    "issuer": "Cấp quyết định",
    "reason": "Lý do",
    "temporary": "Tạm thời",
    "outcome": "Kết quả",
    "channel": "Hình thức liên lạc",
    "contact": "Cách liên lạc",
    "note": "Nội dung trao đổi",
    "meeting_secretary": "Thư ký",
    "delete_reason": "Lý do xóa",
    "rubric_name": "Tên biểu đánh giá",
    "rubric_doc_number": "Số hiệu văn bản căn cứ",
    "rubric_doc_date": "Ngày văn bản căn cứ",
    "rubric_basis": "Căn cứ",
    "rubric_criteria": "Tiêu chí",
    "rubric_levels": "Mức xếp loại",
    "discipline_remove_reason": "Lý do xóa",
}

MESSAGES: dict[str, str] = {
    "discipline_not_found": "Không tìm thấy quyết định kỷ luật (mã {discipline_id}); có thể đã xóa.",
    "discipline_from_case": "Quyết định {form} ngày {date} của đảng viên {name} được ghi từ quyết định trong hồ sơ"
                            " xử lý (rà soát, sàng lọc): sửa bước quyết định của hồ sơ đó, không xóa riêng ở đây.",
    "bad_month": "{field_label}: «{value}» không phải tháng hợp lệ; nhập theo dạng tháng/năm, ví dụ 03/2026.",
    "bad_choice": "{field_label}: «{value}» không phải lựa chọn hợp lệ.",
    "bad_amount": "{field_label}: «{value}» không phải số tiền hợp lệ (số đồng, không âm).",
    "month_in_future": "{field_label}: tháng {value} chưa tới.",
    "attendance_not_in_cell": "{field_label}: đảng viên {name} không sinh hoạt ở {cell} vào ngày {date}.",
    "attendance_missing_reason": "{field_label}: {name} vắng có lý do — hãy ghi lý do.",
    "meeting_exists": "{field_label}: {cell} đã có buổi sinh hoạt thường kỳ tháng {month} (ngày {date}).",
    "meeting_not_found": "Không tìm thấy buổi sinh hoạt (mã {meeting_id}).",
    "cell_empty_on": "{field_label}: {cell} không có đảng viên nào vào ngày {date}.",
    "unknown_criterion": "{field_label}: tiêu chí «{value}» không có trong biểu đánh giá.",
    "score_out_of_range": "{field_label}: {criterion} — {value} điểm ngoài khoảng 0–{max}.",
    "dues_before_joining": "{field_label}: tháng {month} — đảng viên {name} chưa vào Đảng"
                           " (vào Đảng ngày {joined}).",
    "dues_not_in_cell": "{field_label}: tháng {month} — đảng viên {name} không sinh hoạt ở {cell} trong tháng này.",
    "rating_exists": "{field_label}: đảng viên {name} đã được xếp loại năm {year} ({level}).",
    "rating_year_not_over": "{field_label}: năm {year} chưa đến kỳ đánh giá (đánh giá từ tháng 12).",
    "rating_not_member": "{field_label}: đảng viên {name} không có trong sổ vào cuối năm {year}.",
    "score_not_in_rule": "{field_label}: quy định áp dụng ({rule}) không chấm theo thang điểm 100.",
    "score_when_not_rated": "{field_label}: đảng viên không xếp loại thì không ghi điểm.",
    "level_above_score": "{field_label}: {score} điểm chưa đủ cho mức xếp loại đã chọn (theo {rule}).",
    "letter_not_found": "Không tìm thấy giấy giới thiệu (mã {letter_id}).",
    "not_away": "Đảng viên {name} không ở diện đi làm ăn xa vào ngày {date}.",
    "task_exists": "{field_label}: đảng viên {name} đã được phân công nhiệm vụ năm {year}; sửa nhiệm vụ đó thay vì"
                   " ghi thêm.",
    "task_missing": "{field_label}: đảng viên {name} chưa được phân công nhiệm vụ năm {year}, không có gì để sửa.",
    "rubric_invalid": "Biểu đánh giá không hợp lệ: {reason}",
    "bad_number": "{field_label}: «{value}» không phải số hợp lệ (từ {low} đến {high}).",
    "outcome_still_pending": "{field_label}: chọn kết quả (đã trình giấy, trả lại hoặc hủy).",
    "rubric_no_criteria": "{field_label}: cần ít nhất một tiêu chí.",
    "rubric_criterion_label": "{field_label}: dòng {row} chưa có nội dung tiêu chí.",
    "rubric_criterion_max": "{field_label}: dòng {row} — điểm tối đa «{value}» phải là số nguyên từ 1 đến 100.",
    "rubric_no_levels": "{field_label}: cần ít nhất một mức xếp loại.",
    "rubric_level_label": "{field_label}: dòng {row} chưa có tên mức.",
    "rubric_level_min": "{field_label}: dòng {row} — điểm từ «{value}» phải là số nguyên từ 0 đến {total}.",
    "rubric_level_zero": "{field_label}: mức thấp nhất phải bắt đầu từ 0 điểm.",
    "rubric_level_duplicate": "{field_label}: hai mức cùng bắt đầu từ {value} điểm.",
    "name_too_long": "{field_label}: tên dài {count} ký tự, quá {limit} ký tự.",
    "secretary_is_chair": "{field_label}: đồng chí {name} đã chủ trì — thư ký phải là người khác.",
    # Warnings (evidence sentences).
    "warn_absences": "Vắng sinh hoạt không lý do {count} tháng trong năm {year}: {months}."
                     " Đủ {limit} tháng là căn cứ xem xét xóa tên ({basis}).",
    "warn_unpaid": "Không đóng đảng phí {count} tháng trong năm {year} (không lý do): {months}."
                   " Đủ {limit} tháng là căn cứ xem xét xóa tên ({basis}).",
    "warn_away_no_contact": "Đi làm ăn xa ({place}); lần liên lạc cuối: {last}. Quá {limit} tháng không liên lạc"
                            " ({basis}).",
    "warn_away_ended": "Thời hạn tạm miễn sinh hoạt đi làm ăn xa đã hết ngày {until}; chưa trở lại sinh hoạt"
                       " hoặc gia hạn.",
    "warn_transfer_overdue": "Giấy giới thiệu {number} ({direction}) cấp ngày {issued}, hạn trình {deadline}"
                             " ({basis}): đã quá hạn, chưa có xác nhận. Đảng viên hoặc tổ chức đảng báo cáo lý do"
                             " với cấp ủy có thẩm quyền.",
    "warn_absences_open": "Năm {year}: vắng sinh hoạt không lý do {count} tháng ({months}) — đã đủ {limit} tháng,"
                          " căn cứ xem xét xóa tên còn mở cho đến khi có quyết định ({basis}).",
    "warn_unpaid_open": "Năm {year}: không đóng đảng phí {count} tháng không lý do ({months}) — đã đủ {limit}"
                        " tháng, căn cứ xem xét xóa tên còn mở cho đến khi có quyết định ({basis}).",
    "warn_two_years_incomplete": "Xếp loại «không hoàn thành nhiệm vụ» {count} năm liền ({years}): thuộc tiêu chí"
                                 " rà soát, xem xét đưa vào danh sách cần giáo dục, giúp đỡ ({basis}).",
    "warn_away_open_ended": "Tạm miễn sinh hoạt đi làm ăn xa từ {since}, không ghi thời hạn: thời hạn phải dưới"
                            " {limit} tháng ({basis}) — đảng ủy xem xét, ra quyết định có thời hạn.",
    "warn_away_too_long": "Tạm miễn sinh hoạt đi làm ăn xa từ {since} đến {until}: từ {limit} tháng trở lên, quá"
                          " thời hạn cho phép ({basis}).",
    "warn_probation": "Vào Đảng ngày {joined}; đủ 12 tháng dự bị ngày {due}. Chi bộ xét công nhận chính thức"
                      " trước ngày {review_by}.",
    "warn_missing_meeting": "Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng {month}.",
    "warn_quota": "Năm {year}: {excellent} đảng viên hoàn thành xuất sắc / {good} hoàn thành tốt"
                  " = {share} % (tối đa {limit} % theo {basis}).",
}

MEETING_KIND_LABELS = {"thuong_ky": "Thường kỳ", "chuyen_de": "Chuyên đề", "bat_thuong": "Bất thường"}
ATTENDANCE_LABELS = {"co_mat": "Có mặt", "vang_co_ly_do": "Vắng có lý do", "vang_khong_ly_do": "Vắng không lý do",
                     "mien": "Miễn / tạm miễn"}
DUES_LABELS = {"da_dong": "Đã đóng", "chua_dong_co_ly_do": "Chưa đóng (có lý do)", "chua_dong": "Chưa đóng",
               "mien": "Miễn đóng", "hoan_dong": "Hoãn (đi làm ăn xa)"}
RATING_LABELS = {"xuat_sac": "Hoàn thành xuất sắc nhiệm vụ", "tot": "Hoàn thành tốt nhiệm vụ",
                 "hoan_thanh": "Hoàn thành nhiệm vụ", "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
                 "khong_xep_loai": "Không xếp loại"}
NOT_RATED_LABELS = {"mien_sinh_hoat": "Miễn công tác và sinh hoạt đảng", "moi_vao_dang": "Mới vào Đảng",
                    "khac": "Lý do khác"}
DISCIPLINE_LABELS = {"khien_trach": "Khiển trách", "canh_cao": "Cảnh cáo", "cach_chuc": "Cách chức",
                     "khai_tru": "Khai trừ", "ha_bac_luong": "Hạ bậc lương", "giang_chuc": "Giáng chức",
                     "buoc_thoi_viec": "Buộc thôi việc"}
LETTER_DIRECTION_LABELS = {"di": "chuyển đi", "den": "chuyển đến"}
LETTER_OUTCOME_LABELS = {"cho": "Chờ xác nhận", "da_trinh": "Đã trình giấy", "tra_lai": "Trả lại",
                         "huy": "Hủy"}
WARNING_LABELS = {
    "vang_sinh_hoat": "Vắng sinh hoạt không lý do",
    "no_dang_phi": "Không đóng đảng phí",
    "di_xa_mat_lien_lac": "Đi làm ăn xa, mất liên lạc",
    "het_thoi_han_di_xa": "Hết thời hạn tạm miễn sinh hoạt",
    "qua_han_giay_gioi_thieu": "Quá hạn trình giấy giới thiệu",
    "du_bi_du_12_thang": "Dự bị đủ 12 tháng",
    "thieu_bien_ban": "Thiếu biên bản sinh hoạt",
    "vuot_ty_le_xuat_sac": "Vượt tỷ lệ hoàn thành xuất sắc",
    "hai_nam_khong_hoan_thanh": "Hai năm liền không hoàn thành nhiệm vụ",
    "tam_mien_khong_dung_thoi_han": "Tạm miễn sinh hoạt không đúng thời hạn",
    "het_han_giup_do": "Hết hạn 12 tháng giúp đỡ",
    "chi_tieu_xoa_ten": "Số xóa tên được phân bổ",
}
