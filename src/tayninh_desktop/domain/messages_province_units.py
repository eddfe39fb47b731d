"""Sentences about the province's list of communes and wards (the first run's pick, ``init --commune``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "commune_not_found": ("Không thấy xã/phường «{value}» trong danh sách đơn vị cấp xã của tỉnh {province}: gõ mã "
                          "(ví dụ 25711) hoặc tên (ví dụ «Hưng Thuận», «phường Long An»), hoặc bỏ --commune và ghi "
                          "--unit-code, --unit-name."),
    "commune_ambiguous": ("«{value}» là tên của nhiều đơn vị: {units}. Gõ tên đủ dấu hoặc gõ mã "
                          "đơn vị."),
    "commune_list_count": "Danh sách xã/phường có {value} đơn vị, trong khi phần nguồn ghi {expected}.",
    "commune_list_bad": "Danh sách xã/phường có đơn vị thứ {row} không hợp lệ («{value}»).",
    "commune_init_missing": ("Thiếu {missing}: ghi --commune (tên hoặc mã xã/phường của tỉnh), hoặc ghi đủ "
                             "--unit-code, --unit-name và --superior-name."),
}

FIELD_LABELS: dict[str, str] = {
    "commune": "Xã/phường",
}
