"""Printed words of the warnings list (danh sách cảnh báo sớm): severities, what the list covers."""

from __future__ import annotations

SEVERITY_WORDS = {"da_den_nguong": "Đã đến ngưỡng", "sap_den_nguong": "Sắp đến ngưỡng", "nhac_viec": "Việc cần làm"}
COMMITTEE = "Đảng bộ"
MONTH = "Tháng {month}"
ALL_CELLS = "tất cả các chi bộ"
ALL_KINDS = "mọi loại cảnh báo"
SCOPE = "{cells}; {kinds}; tính đến ngày {date}"
COUNTS = ("Tổng số {total} cảnh báo: {reached} đã đến ngưỡng, {near} sắp đến ngưỡng, {notice} việc cần làm.")
NONE = "Không có cảnh báo nào."
