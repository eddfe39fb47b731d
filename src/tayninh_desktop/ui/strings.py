"""Every Vietnamese text the window shows (labels, titles, buttons, counts), in one place.

Error sentences come from ``domain.messages`` (shared with the command line); field labels from
``domain.messages_register.FIELD_LABELS``. Areas with many strings keep them in ``strings_<area>.py``.
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.domain.messages_register import EVENT_LABELS, STATUS_LABELS

APP_TITLE = "Sổ đảng viên — {unit}"
APP_TITLE_EMPTY = "Sổ đảng viên"

NAV_REGISTER = "Sổ đảng viên"
NAV_ORGANISATION = "Tổ chức đảng"

SEARCH_PLACEHOLDER = "Tìm theo tên, CCCD, số thẻ… (không cần gõ dấu)  — Ctrl+F"
FILTER_ALL_CELLS = "Tất cả chi bộ"
FILTER_STATUS_ACTIVE = "Đang sinh hoạt trong đảng bộ"
FILTER_STATUS_ALL = "Tất cả (kể cả đã ra khỏi sổ)"
FILTER_STATUS_ONE = "Chỉ: {label}"
NEW_MEMBER = "Thêm đảng viên (Ctrl+N)"
OPEN_MEMBER = "Mở hồ sơ (Enter)"
COUNT_MEMBERS = "{shown} / {total} đảng viên"

COLUMNS = ("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức",
           "Tình trạng", "Số CCCD", "Số thẻ đảng viên")

MEMBER_DIALOG_NEW = "Thêm đảng viên"
MEMBER_DIALOG_EDIT = "Hồ sơ đảng viên: {name}"
TAB_DETAILS = "Thông tin"
TAB_HISTORY = "Quá trình sinh hoạt đảng"
CHANGES_HELP = ("Khi sửa nghề nghiệp, trình độ giáo dục phổ thông, chuyên môn hoặc lý luận chính trị: ghi ngày thay "
                "đổi có hiệu lực để biểu thống kê các kỳ trước vẫn tính đúng giá trị của kỳ đó.")
CHANGES_EFFECTIVE = "Thay đổi có hiệu lực từ ngày"
CHANGES_CORRECTION = "Chỉ sửa lỗi nhập liệu (không ghi là thay đổi)"
SAVE = "Lưu (Ctrl+S)"
CANCEL = "Đóng"
SAVED = "Đã lưu."
SECTION_IDENTITY = "Lý lịch"
SECTION_PARTY = "Đảng tịch"
SECTION_EDUCATION = "Trình độ và liên lạc"
ENTRY_KIND = "Cách vào sổ"
ENTRY_ADMITTED = "Kết nạp tại đảng bộ"
ENTRY_TRANSFER_IN = "Chuyển sinh hoạt chính thức đến"
ENTRY_DATE = "Ngày chuyển đến"
DATE_PLACEHOLDER = "dd/mm/yyyy"
BIRTH_PLACEHOLDER = "dd/mm/yyyy hoặc năm"
GENDER_CHOICES = (("nam", "Nam"), ("nu", "Nữ"))
FORM_HAS_ERRORS = "Chưa lưu: hãy sửa các ô có thông báo đỏ."

HISTORY_EMPTY = "Chưa có sự kiện nào."
HISTORY_ADD = "Ghi sự kiện:"
HISTORY_DELETE = "Xóa sự kiện đã chọn"
HISTORY_DOC = "Văn bản: {number}{date}{issuer}"
HISTORY_STATUS_NOW = "Tình trạng hiện nay: {status} — {cell}"

EVENT_DIALOG_TITLE = "Ghi sự kiện: {event}"
EVENT_FIELDS = {"event_date": "Ngày", "cell_id": "Chi bộ", "end_date": "Đến ngày (dự kiến)",
                "place": "Nơi đến / nơi làm việc", "doc_number": "Số văn bản", "doc_date": "Ngày văn bản",
                "doc_issuer": "Cơ quan ban hành", "notes": "Ghi chú"}
RECORD = "Ghi"

ORG_TITLE = "Cơ cấu tổ chức đảng"
ORG_ON_DATE = "Xem cơ cấu tại ngày:"
ORG_ADD_CELL = "Thêm chi bộ"
ORG_RENAME = "Đổi tên"
ORG_MERGE = "Hợp nhất vào chi bộ khác"
ORG_MOVE = "Đổi cấp trên trực thuộc"
ORG_NEW_PARENT = "Cấp trên mới"
ORG_HISTORY = "Lịch sử tên và cấp trên"
ORG_VERSION_LINE = "{name} — trực thuộc {parent} ({period})"
ORG_PERIOD = "từ {start} đến {end}"
ORG_SINCE = "từ {start}"
ORG_ALWAYS = "từ trước"
ORG_CLOSED = " (đã thôi hoạt động)"
ORG_MEMBERS = "{count} đảng viên đang sinh hoạt"
ORG_CODE = "Mã chi bộ"
ORG_NAME = "Tên chi bộ"
ORG_NEW_NAME = "Tên mới"
ORG_FROM = "Từ ngày"
ORG_DOC = "Số văn bản"
ORG_TARGET = "Hợp nhất vào"
ORG_MERGE_CONFIRM = "Chuyển {count} đảng viên của «{source}» sang «{target}» từ ngày {date} và cho chi bộ này thôi hoạt động?"

FIRST_RUN_TITLE = "Bắt đầu sử dụng"
FIRST_RUN_INTRO = ("Chưa có sổ đảng viên trên máy này. Tạo đảng bộ của đơn vị mình, "
                   "hoặc mở sổ mẫu (dữ liệu giả lập) để xem thử chương trình.")
FIRST_RUN_UNIT_NAME = "Tên đảng ủy (ví dụ: Đảng ủy xã Hưng Thuận)"
FIRST_RUN_UNIT_CODE = "Mã đảng bộ (mã đơn vị hành chính, ví dụ: 25711)"
FIRST_RUN_SUPERIOR = "Cấp ủy cấp trên (ví dụ: Tỉnh ủy Tây Ninh)"
FIRST_RUN_PLACE = "Địa danh ghi trên văn bản (ví dụ: Hưng Thuận)"
FIRST_RUN_CREATE = "Tạo đảng bộ"
FIRST_RUN_DEMO = "Mở sổ mẫu"

ERROR_TITLE = "Không thực hiện được"
CONFIRM_TITLE = "Xác nhận"
WORKING = "Đang xử lý…"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def event_label(kind: str) -> str:
    return EVENT_LABELS.get(kind, kind)


def label(field: str) -> str:
    return field_label(field)


def date_text(value: date | None, year_only: bool = False) -> str:
    if value is None:
        return ""
    return str(value.year) if year_only else format_vn_date(value)


def count_members(shown: int, total: int) -> str:
    return COUNT_MEMBERS.format(shown=f"{shown:,}".replace(",", "."), total=f"{total:,}".replace(",", "."))

UNEXPECTED_ERROR = ("Đã xảy ra lỗi không lường trước. Thao tác vừa rồi không được lưu dở dang: mỗi thao tác "
                    "hoặc được lưu trọn vẹn, hoặc không lưu gì. Chi tiết kỹ thuật được ghi vào tệp {log} "
                    "để người hỗ trợ xem.")

SHOW_WHOLE_REGISTER = "Xem cả sổ"
SHOWING_ONLY = "Đang xem {count} đảng viên vừa nhập từ danh sách."
