"""Sentences of the rules in force: rule files, the working calendar, discipline in force, members working away,
re-admission, and the warnings these rules add."""

FIELD_LABELS: dict[str, str] = {
    "announced_on": "Ngày công bố quyết định",
    "track": "Loại kỷ luật",
    "leave_end": "Đến ngày",
    "leave_decision": "Số quyết định cho tạm miễn sinh hoạt",
    "leave_decision_date": "Ngày quyết định",
    "leave_issuer": "Cấp quyết định",
    "requested_on": "Ngày đơn đề nghị của đảng viên",
    "cell_proposal": "Đề nghị của chi bộ",
    "abroad": "Ra nước ngoài",
    "return_comments": "Nhận xét của nơi làm việc, cư trú",
    "comments_by": "Nơi nhận xét",
    "ground": "Lý do ra khỏi Đảng",
    "previous_ground": "Lý do ra khỏi Đảng trước đây",
    "thematic_absence": "Vắng sinh hoạt chuyên đề",
}

MESSAGES: dict[str, str] = {
    # Rule files (refused at load; the office may edit them).
    "rule_unknown_section": "Tệp quy tắc «{file}»: mục [{section}] không có trong danh mục quy tắc.",
    "rule_missing_field": "Tệp quy tắc «{file}», mục [{section}]: thiếu trường «{field}» (mỗi quy tắc phải ghi"
                          " căn cứ: số ký hiệu, ngày văn bản, trích yếu và ngày hiệu lực).",
    "rule_missing_value": "Tệp quy tắc «{file}», mục [{section}]: thiếu trường «{field}».",
    "rule_unknown_field": "Tệp quy tắc «{file}», mục [{section}]: trường «{field}» không có trong danh mục"
                          " (gõ sai tên trường?).",
    "rule_bad_value": "Tệp quy tắc «{file}», mục [{section}]: trường «{field}» có giá trị «{value}» không đúng"
                      " kiểu.",
    "rule_overlap": "Tệp quy tắc «{file}», mục [{section}]: thời gian hiệu lực của {first} và {second} chồng nhau.",
    "rule_section_twice": "Tệp quy tắc «{file}»: mục [{section}] đã có ở tệp khác.",
    "rule_bad_toml": "Tệp quy tắc «{file}» không đọc được: {reason}",
    "rule_unconfirmed_mark": " (chưa xác nhận)",
    # Discipline in force.
    "discipline_announced_before_decided": "{field_label}: ngày công bố {value} ở trước ngày quyết định kỷ luật"
                                           " ({decided}).",
    "discipline_probationary_form": "{field_label}: đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo"
                                    " ({basis}).",
    "discipline_form_not_party": "{field_label}: «{value}» không phải hình thức kỷ luật đảng.",
    "discipline_form_not_state": "{field_label}: «{value}» không phải hình thức kỷ luật chính quyền.",
    "rating_above_discipline": "{field_label}: đảng viên {name} bị kỷ luật {form} ngày {decided} trong năm {year}"
                               " nên không xếp loại cao hơn «{ceiling}» ({basis}).",
    "rating_temporary_member": "{field_label}: đảng viên {name} sinh hoạt tạm thời ở đây vào cuối năm {year};"
                               " đảng viên được đánh giá, xếp loại ở chi bộ sinh hoạt chính thức.",
    # Members working away.
    "away_needs_decision": "{field_label}: tạm miễn sinh hoạt đi làm ăn xa phải có quyết định của {granted_by}"
                           " — ghi số quyết định.",
    "away_needs_end": "{field_label}: ghi ngày hết hạn tạm miễn (dưới {limit} tháng); không cho tạm miễn không"
                      " thời hạn ({basis}).",
    "away_too_long": "{field_label}: tạm miễn {months} tháng — thời hạn phải dưới {limit} tháng ({basis}); hết"
                     " hạn mà chưa về thì xét gia hạn bằng quyết định mới.",
    "abroad_too_long": "{field_label}: ra nước ngoài {months} tháng — từ {limit} tháng trở lên phải làm thủ tục"
                       " chuyển sinh hoạt đảng ra nước ngoài, không tạm miễn ({basis}).",
    "away_end_before_start": "{field_label}: ngày kết thúc phải sau ngày bắt đầu tạm miễn.",
    "away_request_after_start": "{field_label}: ngày đơn {value} ở sau ngày bắt đầu tạm miễn ({start}).",
    # Re-admission.
    "readmit_too_soon": "{field_label}: ra khỏi Đảng ngày {exit}; chỉ xét kết nạp lại sau ít nhất {months} tháng"
                        " (từ ngày {earliest}) ({basis}).",
    "readmit_once": "{field_label}: đảng viên đã được kết nạp lại; chỉ kết nạp lại {times} lần ({basis}).",
    "readmit_needs_ground": "{field_label}: ghi lý do ra khỏi Đảng ngày {exit} để xét điều kiện kết nạp lại.",
    "readmit_excluded": "{field_label}: đã ra khỏi Đảng vì «{ground}» — không xem xét kết nạp lại ({basis}).",
    "rubric_missing": "Biểu đánh giá thiếu «{field}».",
    "rubric_bad_criteria": "Biểu đánh giá: tiêu chí trùng mã hoặc điểm tối đa không dương.",
    "rubric_bad_levels": "Biểu đánh giá: mức xếp loại thấp nhất phải bắt đầu từ 0 điểm.",
}

EXIT_GROUNDS = {
    "bo_sinh_hoat": "Tự bỏ sinh hoạt đảng",
    "khong_dong_dang_phi": "Không đóng đảng phí ba tháng trong năm không có lý do chính đáng",
    "tra_the": "Tự ý trả thẻ đảng viên hoặc tự hủy thẻ đảng viên",
    "khong_tien_bo": "Đã được giáo dục, giúp đỡ 12 tháng không tiến bộ",
    "vi_pham_tu_cach": "Hai năm liền vi phạm tư cách đảng viên",
    "tieu_chuan_chinh_tri": "Không bảo đảm tiêu chuẩn chính trị",
    "xin_ra": "Xin ra khỏi Đảng",
    "dinh_cu": "Ra nước ngoài định cư",
    "tay_sai": "Làm tay sai cho địch trong nhà tù",
    "phan_dong": "Tham gia các tổ chức phản động",
    "loi_ich_quoc_gia": "Vi phạm lợi ích quốc gia",
    "tham_nhung": "Tham ô, tham nhũng",
    "ma_tuy": "Nghiện ma túy",
    "mat_doan_ket": "Gây mất đoàn kết nội bộ nghiêm trọng",
    "khac": "Lý do khác",
}
DISCIPLINE_TRACK_LABELS = {"dang": "Kỷ luật đảng", "chinh_quyen": "Kỷ luật chính quyền"}
STATE_DISCIPLINE_LABELS = {"khien_trach": "Khiển trách", "canh_cao": "Cảnh cáo", "ha_bac_luong": "Hạ bậc lương",
                           "giang_chuc": "Giáng chức", "cach_chuc": "Cách chức", "buoc_thoi_viec": "Buộc thôi việc"}
