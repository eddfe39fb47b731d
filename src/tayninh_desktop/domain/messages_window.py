"""Sentences of the window's own rules: the sample register kept apart, corrections of saved facts."""

FIELD_LABELS: dict[str, str] = {
    "correction_reason": "Lý do sửa",
}

MESSAGES: dict[str, str] = {
    "sample_on_real_register": ("Không tạo sổ mẫu trong tệp {path}: đó là tệp sổ đảng viên thật của máy này. "
                                "Bỏ tùy chọn --db để tạo sổ mẫu trong tệp riêng, hoặc chọn một tệp khác."),
    "rating_not_recorded": "{field_label}: đảng viên {name} chưa có xếp loại năm {year} để sửa.",
    "quality_incomplete": ("{field_label}: chấm đủ mọi tiêu chí hoặc để trống tất cả — còn {count} tiêu chí chưa "
                           "chấm ({missing})."),
    "correction_unchanged": "{field_label}: xếp loại năm {year} của {name} không thay đổi — không có gì để sửa.",
}
