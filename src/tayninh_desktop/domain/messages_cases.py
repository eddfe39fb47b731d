"""Sentences of a case's progress notes tied to cell meetings, of correcting a recorded step, of the papers of a
committee's or standing committee's vote, and of the signs grouped per member."""

FIELD_LABELS: dict[str, str] = {
    "meeting_id": "Kỳ họp chi bộ",
    "correct_step": "Bước cần sửa",
    "correction_reason": "Lý do sửa",
}

MESSAGES: dict[str, str] = {
    # Progress notes at a cell meeting.
    "case_meeting_not_found": "{field_label}: không tìm thấy kỳ họp (mã {value}) — chọn một kỳ họp chi bộ đã ghi.",
    "case_meeting_not_for_step": "{field_label}: chỉ bước «Theo dõi, nhận xét» được gắn với một kỳ họp chi bộ.",
    "case_meeting_other_cell": ("{field_label}: kỳ họp ngày {date} là của {cell}; ngày đó đồng chí {name} sinh hoạt ở"
                                " {member_cell}."),
    "case_meeting_outside_period": ("{field_label}: kỳ họp ngày {date} ở ngoài thời gian giáo dục, giúp đỡ đồng chí"
                                    " {name} ({start} – {end})."),
    "case_meeting_date": ("{field_label}: ngày {value} khác ngày của kỳ họp đã chọn ({date}) — theo dõi, nhận xét tại"
                          " kỳ họp ghi theo ngày kỳ họp."),
    "meeting_has_case_notes": ("Kỳ họp ngày {date} có ghi theo dõi, nhận xét của đảng viên: {names}. Sửa các bước đó"
                               " (bỏ gắn, hoặc gắn với kỳ họp khác) trước khi {action}."),
    # Correcting a recorded step.
    "case_step_not_found": "{field_label}: hồ sơ không có bước «{value}».",
    "correction_needs_reason": "{field_label}: ghi lý do sửa (bước cũ vẫn được giữ, ghi «đã sửa»).",
    "case_correction_withdrawn": "Hồ sơ của đồng chí {name} đã rút ngày {date}: không sửa bước được.",
    "case_step_already_corrected": ("{field_label}: bước «{step}» ngày {date} đã được sửa (lý do: {reason}); hãy sửa"
                                    " bước đang có hiệu lực."),
    "case_step_not_correctable": "{field_label}: bước «{step}» không sửa được ở đây — {why}.",
    "case_correction_unchanged": "{field_label}: nội dung sửa giống hệt bước đã ghi — không có gì để sửa.",
    "case_date_after": "{field_label}: ngày {value} không được sau {other_label} ({other_value}).",
    "case_vote_outcome_changed": ("{field_label}: với số phiếu sửa lại, kết quả là «{new}», khác kết quả đã ghi «{old}»"
                                  " — các bước sau đã dựa vào kết quả ấy. Nếu kết quả đã ghi sai, hãy rút hồ sơ (ghi lý"
                                  " do) rồi lập lại."),
    "case_vote_date_fixed": ("{field_label}: không đổi được ngày của lần biểu quyết này ({why}); chỉ sửa được số"
                             " phiếu và số văn bản."),
    # Papers of a case.
    "form_one_case": "Mẫu «{form}» in theo một hồ sơ; chỉ hồ sơ kỳ họp chi bộ nhận nhiều --case.",
    "dossier_case_other_cell": ("Hồ sơ của đồng chí {name} thuộc {case_cell}, không phải chi bộ của hồ sơ kỳ họp"
                                " ({cell})."),
    "dossier_case_no_cell_vote": ("Hồ sơ của đồng chí {name} không có nội dung chi bộ biểu quyết ({state}): không đưa"
                                  " vào hồ sơ kỳ họp được."),
}

# Why a step cannot be corrected by a correction (the sentence says what to do instead).
NOT_CORRECTABLE = {
    "phat_hien": "đây là bước mở hồ sơ; hồ sơ lập nhầm thì rút hồ sơ (ghi lý do) rồi lập lại",
    "lap_ho_so": "đây là bước mở hồ sơ; hồ sơ lập nhầm thì rút hồ sơ (ghi lý do) rồi lập lại",
    "quyet_dinh": ("quyết định đã ghi vào quá trình sinh hoạt của đảng viên; sửa sự kiện ấy ở thẻ «Quá trình sinh"
                   " hoạt» của đảng viên"),
    "bao_cao_cap_tren": "bước này chương trình ghi sau lần biểu quyết không đạt cuối cùng; hãy sửa lần biểu quyết ấy",
    "rut_ho_so": "hồ sơ đã rút",
}
VOTE_DATE_FIXED = {
    "review": "lần biểu quyết sàng lọc đã kết thúc hồ sơ giúp đỡ vào ngày ấy",
    "escalated": "lần biểu quyết không đạt này đã đưa hồ sơ lên cấp trên vào ngày ấy",
}
MEETING_ACTIONS = {"delete": "xóa kỳ họp", "move": "đổi ngày kỳ họp"}
CORRECTED_WORDS = "ĐÃ SỬA — {reason}"
CORRECTION_WORDS = "sửa lại bước đã ghi ngày {date}; lý do: {reason}"
AT_MEETING_WORDS = "tại kỳ họp chi bộ ngày {date}"
