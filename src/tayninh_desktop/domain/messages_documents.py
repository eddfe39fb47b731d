"""Sentences of the documents area: forms, printing, the document register."""

MESSAGES: dict[str, str] = {
    "form_not_found": "Không có mẫu văn bản «{form}». Dùng lệnh «forms list» để xem các mẫu có sẵn.",
    "form_invalid": "Mẫu văn bản «{form}» bị lỗi: {reason}",
    "form_needs": "Mẫu «{form}» cần chọn {what}.",
    "missing_glyphs": "Phông chữ không có ký tự: {chars}",
    "pdf_write_failed": "Không ghi được tệp «{path}»: {reason}",
    "document_not_found": "Không tìm thấy văn bản (mã {document_id}) trong sổ đăng ký.",
    "document_number_taken": "Số {symbol} đã được cấp cho văn bản khác trong năm {year}.",
    "bad_number_start": "Số bắt đầu phải là số nguyên dương (đã nhập «{value}»).",
    "report_before_start": "Năm {year} trước khi bắt đầu thực hiện Đề án (năm {start}): chưa có số liệu để báo cáo.",
    "bad_baseline_year": "Năm {value} không thuộc nhiệm kỳ 2015–2020.",
    "bad_baseline_value": "Số đảng viên phải là số nguyên không âm (đã nhập «{value}»).",
    "dossier_needs_cell": "Hồ sơ kỳ họp cần chọn chi bộ (--cell).",
    "member_not_in_cell": "Đảng viên {name} không sinh hoạt tại {cell} ngày {date}.",
    "bad_period": ("{field_label}: «{value}» không phải kỳ báo cáo hợp lệ; nhập một tháng (ví dụ 2026-06 hoặc "
                   "06/2026), một quý (2026-Q1), 6 tháng (2026-H1) hoặc một năm (ví dụ 2026)."),
    "case_not_found": "Không tìm thấy hồ sơ (mã {case}).",
    "signer_name_too_long": "Họ tên người ký quá dài ({value} ký tự).",
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
}
