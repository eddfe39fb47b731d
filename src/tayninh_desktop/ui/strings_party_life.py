"""Vietnamese texts of the party-life pages: early warnings, meetings, dues, ratings."""

from __future__ import annotations

from tayninh_desktop.domain.messages_party_life import (
    ATTENDANCE_LABELS,
    DUES_LABELS,
    MEETING_KIND_LABELS,
    RATING_LABELS,
    WARNING_LABELS,
)

NAV_WARNINGS = "Cảnh báo sớm"
NAV_MEETINGS = "Sinh hoạt chi bộ"
NAV_DUES = "Đảng phí"
NAV_RATINGS = "Xếp loại đảng viên"

ALL_CELLS = "Toàn đảng bộ"
CELL = "Chi bộ:"
YEAR = "Năm:"
MONTH = "Tháng:"
SAVE = "Lưu (Ctrl+S)"
REFRESH = "Tính lại"

WARNINGS_TITLE = "Cảnh báo sớm về sinh hoạt đảng"
WARNINGS_HINT = "Nhấn đúp (hoặc Enter) để mở đảng viên hoặc buổi sinh hoạt."
WARNINGS_COLUMNS = ("Mức", "Loại cảnh báo", "Chi bộ", "Đảng viên / tháng", "Căn cứ và số liệu")
WARNINGS_SUMMARY = "{total} cảnh báo: {reached} đã đến ngưỡng, {near} sắp đến ngưỡng, {notice} việc cần làm"
WARNINGS_NONE = "Không có cảnh báo nào."
WARNINGS_COMPUTING = "Đang tính cảnh báo cho toàn đảng bộ…"
WARNINGS_RECOMPUTING = "Đang tính lại cảnh báo sau thay đổi vừa ghi…"
WARNINGS_FAILED = "Không tính được cảnh báo: {error}"
SEVERITY_LABELS = {"da_den_nguong": "Đã đến ngưỡng", "sap_den_nguong": "Sắp đến ngưỡng", "nhac_viec": "Việc cần làm"}
COMMITTEE = "Đảng bộ"

MEETINGS_LIST = "Các buổi sinh hoạt trong năm"
MEETING_NEW = "Buổi sinh hoạt mới"
MEETING_DATE = "Ngày họp"
MEETING_KIND = "Loại"
MEETING_CHAIR = "Chủ trì"
MEETING_SUMMARY = "Nội dung"
MEETING_LINE = "{date} — {kind} — có mặt {present}/{expected}"
MEETING_LOAD = "Lập danh sách"
ATTENDANCE_HELP = ("Mặc định mọi người có mặt. Dùng ↑ ↓ để chọn người, rồi gõ: C = có mặt, L = vắng có lý do, "
                   "K = vắng không lý do, M = miễn (hoặc 1–4). Gõ lý do ở cột «Lý do» (Enter để sửa).")
ATTENDANCE_COLUMNS = ("STT", "Họ và tên", "Tình trạng", "Điểm danh", "Lý do")
ATTENDANCE_SUMMARY = "Có mặt {present}/{expected} · vắng có lý do {excused} · vắng không lý do {unexcused}"
MEETING_SAVED = "Đã lưu buổi sinh hoạt ngày {date}."
QUALITY = "Tự đánh giá chất lượng ({basis})"
QUALITY_TOTAL = "Tổng: {total}/{max} điểm — {level}"

DUES_HELP = ("Mặc định: đã đóng theo mức của tháng trước. Dùng ↑ ↓, gõ: D = đã đóng, L = chưa đóng có lý do, "
             "C = chưa đóng, M = không phải đóng (hoặc 1–4). Sửa số tiền ở cột «Số tiền» (Enter để sửa).")
DUES_COLUMNS = ("STT", "Họ và tên", "Tình trạng", "Số tiền (đ)", "Đảng phí", "Đã ghi", "Lý do")
DUES_SUMMARY = "Đã thu {collected} · {paid} người đã đóng · {unpaid} người chưa đóng"
DUES_LOAD = "Mở bảng"
DUES_SAVED = "Đã lưu đảng phí tháng {month}."
RECORDED = "✓"

RATINGS_HELP = ("Chọn người rồi gõ: X = xuất sắc, T = tốt, H = hoàn thành, K = không hoàn thành, "
                "N = không xếp loại. Điểm (thang 100) nhập ở cột «Điểm». Xếp loại đã lưu không sửa ở đây.")
RATINGS_COLUMNS = ("STT", "Họ và tên", "Tình trạng", "Xếp loại", "Điểm", "Đã lưu", "Quy định")
RATINGS_QUOTA = "Năm {year}: {excellent} xuất sắc / {good} tốt ({share}) — tối đa {limit} theo {basis}"
RATINGS_QUOTA_BROKEN = "  ⚠ vượt tỷ lệ"
RATINGS_SAVED = "Đã lưu {count} xếp loại."
RATINGS_LOAD = "Mở danh sách"
SAVED_NOTHING = "Không có gì mới để lưu."


def money(amount: int) -> str:
    """5000 → "5.000 đ"."""
    return f"{amount:,} đ".replace(",", ".")


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def attendance_label(state: str) -> str:
    return ATTENDANCE_LABELS.get(state, state)


def dues_label(state: str) -> str:
    return DUES_LABELS.get(state, state)


def rating_label(level: str) -> str:
    return RATING_LABELS.get(level, level)


def kind_label(kind: str) -> str:
    return MEETING_KIND_LABELS.get(kind, kind)


def warning_label(kind: str) -> str:
    return WARNING_LABELS.get(kind, kind)
