"""Every Vietnamese text of the home page's charts and of the member's 12-month strip."""

from __future__ import annotations

DASHBOARD_TITLE = "Tổng quan bằng biểu đồ"
DASHBOARD_HIDE = "Ẩn biểu đồ"
DASHBOARD_SHOW = "Hiện biểu đồ"
DASHBOARD_DRAWING = "Đang vẽ biểu đồ…"
DASHBOARD_FAILED = "Chưa vẽ được biểu đồ: {error}"
DASHBOARD_HINT = "Di chuột lên biểu đồ để đọc số liệu; biểu đồ Đề án 03 giống biểu đồ trong báo cáo in."
CARD_TIP_HEADING = "{title}"

STRIP_TITLE = "Năm {year} theo tháng"
STRIP_MEETINGS = "Sinh hoạt"
STRIP_DUES = "Đảng phí"
STRIP_MONTH = "T{month}"
STRIP_LEGEND_HEADING = "Chú giải:"
# The words of the strip's legend and of each cell's tooltip; a cell shows the letter the grids type for it.
ATTENDANCE_WORDS = {"co_mat": "Có mặt", "vang_co_ly_do": "Vắng có lý do", "vang_khong_ly_do": "Vắng không lý do",
                    "mien": "Miễn sinh hoạt", "none": "Chưa ghi kỳ họp", "future": "Chưa đến"}
DUES_WORDS = {"da_dong": "Đã đóng", "chua_dong": "Chưa đóng", "chua_dong_co_ly_do": "Chưa đóng, có lý do",
              "hoan_dong": "Hoãn đóng (đi làm ăn xa)", "mien": "Miễn đảng phí", "none": "Chưa ghi",
              "future": "Chưa đến"}
NOT_RECORDED_MARK = "–"
STRIP_CELL_TIP = "Tháng {month}/{year} — {what}: {state}"
STRIP_MEETING_LINE = "{date}: {state}"
