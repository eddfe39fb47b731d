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
}

FIELD_LABELS: dict[str, str] = {
    "type_code": "Loại văn bản",
    "number": "Số",
    "symbol": "Số, ký hiệu",
    "issued_on": "Ngày ban hành",
    "summary": "Trích yếu",
    "signer": "Người ký",
    "form_id": "Mẫu",
}
