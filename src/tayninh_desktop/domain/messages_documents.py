"""Sentences of the documents area: forms, printing, the document register."""

MESSAGES: dict[str, str] = {
    "form_not_found": "Không có mẫu văn bản «{form}». Dùng lệnh «forms list» để xem các mẫu có sẵn.",
    "form_invalid": "Mẫu văn bản «{form}» bị lỗi: {reason}",
    "form_needs": "Mẫu «{form}» cần chọn {what}.",
    "missing_glyphs": "Phông chữ không có ký tự: {chars}",
    "pdf_write_failed": "Không ghi được tệp «{path}»: {reason}",
    "document_not_found": "Không tìm thấy văn bản (mã {document_id}) trong sổ đăng ký.",
    "document_number_taken": "Số {symbol} đã được cấp cho văn bản khác trong nhiệm kỳ này.",
    "bad_number_start": "Số bắt đầu phải là số nguyên dương (đã nhập «{value}»).",
    "report_before_start": "Năm {year} trước khi bắt đầu thực hiện Đề án (năm {start}): chưa có số liệu để báo cáo.",
    "bad_baseline_year": "Năm {value} không thuộc nhiệm kỳ 2015–2020.",
    "bad_baseline_value": "Số đảng viên phải là số nguyên không âm (đã nhập «{value}»).",
    "dossier_needs_cell": "Hồ sơ kỳ họp cần chọn chi bộ (--cell).",
    "member_not_in_cell": ("Đảng viên {name} không sinh hoạt tại {cell} ngày {date} (đồng chí sinh hoạt tại {actual}):"
                           " văn bản về đảng viên do chi bộ của chính đảng viên ban hành."),
    "member_not_on_register": "Ngày {date}, đảng viên {name} không có tên trong sổ đảng viên của đảng bộ.",
    "cell_not_open_on": "Ngày {date}, {cell} chưa thành lập hoặc đã giải thể: không ban hành văn bản được.",
    "signer_missing": ("Chưa ghi họ tên {role} của {unit}: văn bản có số phải ghi họ tên người ký. Ghi tại trang"
                       " Văn bản, thẻ «Người ký và số liệu», hoặc bằng lệnh: signers set --unit {unit_code} --secretary"
                       " \"HỌ TÊN\" --deputy \"HỌ TÊN\"."),
    "term_unknown": ("Chưa ghi ngày bế mạc đại hội của {unit} trước ngày {date}: số văn bản ghi từ 01 trong mỗi nhiệm kỳ"
                     " cấp ủy (Hướng dẫn 36-HD/VPTW, điểm 1.3.1) nên chưa cấp số được. Ghi ngày bế mạc đại hội tại"
                     " trang Văn bản, thẻ «Người ký và số liệu», hoặc bằng lệnh: terms add --closed NGÀY."),
    "congress_exists": "Đã ghi đại hội bế mạc ngày {date}.",
    "congress_not_found": "Không có đại hội bế mạc ngày {date} trong sổ.",
    "congress_label_too_long": "Tên đại hội quá dài ({value} ký tự; tối đa {max}).",
    "letter_not_found": "Không tìm thấy giấy giới thiệu (mã {letter_id}).",
    "letter_not_outgoing": "Giấy giới thiệu mã {letter_id} là giấy của nơi khác gửi đến: đảng bộ không in lại giấy này.",
    "letter_of_other_member": "Giấy giới thiệu mã {letter_id} không phải của đảng viên {name}.",
    "letter_already_numbered": ("Giấy giới thiệu này đã có số {number}: in lại từ sổ đăng ký văn bản"
                                " (documents reprint) để giữ một số cho một giấy."),
    "tally_impossible": "Số phiếu không hợp lý: {yes} đồng ý, {no} không đồng ý, {returned} phiếu thu về, {voters} đảng viên có quyền biểu quyết.",
    "too_many_lines": "{field_label}: {count} dòng, quá mức {max} dòng.",
    "summary_missing": ("«{form}» có số phải có trích yếu (Hướng dẫn 36-HD/VPTW): ghi trích yếu ở ô «Trích yếu»"
                        " hoặc bằng --summary."),
    "content_unreadable": "Không đọc được tệp nội dung «{path}»: {reason}",
    "output_is_folder": "«{path}» là một thư mục: hãy chọn tên tệp PDF.",
    "output_folder_missing": "Thư mục «{path}» không có: hãy chọn thư mục có sẵn.",
    "bad_period": ("{field_label}: «{value}» không phải kỳ báo cáo hợp lệ; nhập một tháng (ví dụ 2026-06 hoặc "
                   "06/2026), một quý (2026-Q1), 6 tháng (2026-H1) hoặc một năm (ví dụ 2026)."),
    "case_not_found": "Không tìm thấy hồ sơ (mã {case}).",
    "signer_name_too_long": "Họ tên người ký quá dài ({value} ký tự).",
    "body_unreadable": ("{field_label}: không đọc được nội dung đã soạn (chỉ gồm các đoạn, ý đánh số và chữ đậm);"
                        " hãy soạn lại nội dung."),
    "too_many_paragraphs": "{field_label}: {count} đoạn, quá mức {max} đoạn.",
    "word_needs_docx": "«{path}»: tệp Word phải có đuôi .docx.",
    "word_not_for_dossier": "«{form}» gồm nhiều văn bản: lưu tệp Word của từng văn bản trong hồ sơ.",
}

FIELD_LABELS: dict[str, str] = {
    "type_code": "Loại văn bản",
    "number": "Số",
    "symbol": "Số, ký hiệu",
    "issued_on": "Ngày ban hành",
    "summary": "Trích yếu",
    "signer": "Người ký",
    "form_id": "Mẫu",
    "period": "Kỳ báo cáo",
    "content": "Nội dung",
    "body": "Nội dung văn bản",
    "questions": "Nội dung biểu quyết",
    "closed_on": "Ngày bế mạc đại hội",
    "label": "Tên đại hội",
}

# Printed words of votes (what a slip asks, how a fraction reads on paper).
MOTIONS: dict[str, str] = {
    "help_list": "đưa đồng chí {name} vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ",
    "removal": "đề nghị xóa tên đồng chí {name} trong danh sách đảng viên",
    "resolution": "thông qua nội dung liên quan đến đồng chí {name}",
    "screening": "công nhận đồng chí {name} đã tiến bộ, đưa ra khỏi danh sách đảng viên cần được chi bộ giáo dục,"
                 " giúp đỡ",
    "committee": "đề nghị xóa tên đồng chí {name} trong danh sách đảng viên",
    "standing": "xóa tên đồng chí {name} trong danh sách đảng viên",
}
FRACTION_WORDS: dict[tuple[int, int, bool], str] = {
    (2, 3, False): "hai phần ba",
    (1, 2, True): "quá nửa",
}
