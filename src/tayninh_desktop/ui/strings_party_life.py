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
MEETING_DELETE = "Xóa buổi này…"
MEETING_DELETE_TIP = "Xóa buổi sinh hoạt đang mở, ghi nhầm (sai ngày, sai chi bộ), cùng điểm danh của buổi đó"
DLG_MEETING_DELETE = "Xóa buổi sinh hoạt ngày {date} — {cell}"
MEETING_DELETE_HINT = ("Buổi sinh hoạt ngày {date} ({present}/{expected} có mặt) và điểm danh của buổi đó bị xóa khỏi"
                       " sổ; cảnh báo vắng sinh hoạt tính lại. Nhật ký giữ lại buổi đã xóa, lý do và người xóa.")
MEETING_DELETE_REASON_HINT = "ví dụ: ghi nhầm ngày, nhầm chi bộ"
MEETING_DELETED = "Đã xóa buổi sinh hoạt ngày {date}."
MEETING_DATE = "Ngày họp"
MEETING_KIND = "Loại"
MEETING_CHAIR = "Chủ trì"
MEETING_SUMMARY = "Nội dung"
MEETING_LINE = "{date} — {kind} — có mặt {present}/{expected}"
MEETING_LOAD = "Lập danh sách"
ATTENDANCE_COLUMNS = ("STT", "Họ và tên", "Tình trạng", "Điểm danh", "Lý do")
MEETING_SAVED = "Đã lưu buổi sinh hoạt ngày {date}."
QUALITY = "Tự đánh giá chất lượng ({basis})"
QUALITY_TOTAL = "Tổng: {total}/{max} điểm — {level}"

DUES_HELP = ("Tháng chưa ghi hiện «chưa ghi», không bao giờ hiện là đã đóng. Bấm «Người chưa ghi: đã đóng đủ» rồi "
             "sửa người chưa đóng, hoặc chọn từng người bằng ↑ ↓ và gõ phím (chú giải dưới bảng). Sửa số tiền ở cột "
             "«Số tiền» (Enter); số tiền khác mức tính phải ghi lý do ở cột «Lý do». Tháng hoãn, tháng miễn không "
             "tính vào ba tháng xóa tên.")
DUES_COLUMNS = ("STT", "Họ và tên", "Tình trạng", "Diện đóng", "Mức tính (đ)", "Số tiền (đ)", "Đảng phí",
                "Miễn / giảm", "Đã ghi", "Lý do")
DUES_LOAD = "Mở bảng"
DUES_SAVED = "Đã lưu đảng phí tháng {month}."
RECORDED = "✓"

RATINGS_HELP = ("Chọn người bằng ↑ ↓ rồi gõ phím (chú giải dưới bảng). Điểm (thang 100) nhập ở cột «Điểm». "
                "Xếp loại đã lưu: chọn dòng rồi bấm «Sửa xếp loại đã lưu…» (việc sửa được ghi vào nhật ký, có lý do).")
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


# --- the member dialog's "Sinh hoạt đảng" tab -----------------------------------------------------------
TAB_PARTY_LIFE = "Sinh hoạt đảng"
ML_YEAR_BOX = "Sinh hoạt chi bộ và đảng phí năm {year}"
ML_ATTENDANCE = ("<b>Sinh hoạt:</b> có mặt {present}/{required} kỳ phải dự · vắng có lý do {excused}{excused_months}"
                 " · vắng không lý do {unexcused}{unexcused_months}{exempt}")
ML_ATTENDANCE_NONE = "<b>Sinh hoạt:</b> chưa ghi kỳ họp nào có đồng chí này trong năm."
ML_EXEMPT = " · miễn {count} kỳ"
ML_DUES = ("<b>Đảng phí:</b> đã đóng {paid} tháng ({amount}) · chưa đóng có lý do {excused}{excused_months}"
           " · chưa đóng {unpaid}{unpaid_months}{exempt}")
ML_DUES_NONE = "<b>Đảng phí:</b> chưa ghi tháng nào trong năm."
ML_DUES_EXEMPT = " · không phải đóng {count} tháng"
ML_MONTHS = " (tháng {months})"
ML_ARREARS = "<b>Nợ đảng phí (mọi năm):</b> {count} tháng — {months}"
ML_THRESHOLD = "  ⚠ {count} tháng — đủ {limit} tháng là căn cứ xem xét xóa tên"
ML_RATINGS = "Xếp loại chất lượng hằng năm"
ML_RATINGS_COLUMNS = ("Năm", "Xếp loại", "Điểm", "Quy định áp dụng", "Ghi chú")
ML_DISCIPLINE = "Kỷ luật"
ML_DISCIPLINE_COLUMNS = ("Hình thức", "Loại", "Ngày quyết định", "Ngày công bố", "Hiệu lực đến", "Còn hiệu lực?",
                         "Số quyết định", "Cấp quyết định", "Lý do")
ML_IN_FORCE = "Còn hiệu lực"
ML_EXPIRED = "Đã hết hiệu lực"
ML_NO_END = "Không thời hạn"
ML_TASKS = "Phân công nhiệm vụ hằng năm"
ML_TASKS_COLUMNS = ("Năm", "Nhiệm vụ được phân công", "Ghi chú")
ML_LETTERS = "Giấy giới thiệu sinh hoạt đảng"
ML_LETTERS_COLUMNS = ("Loại", "Số giấy", "Ngày cấp", "Hạn trình", "Nơi đến / nơi đi", "Kết quả")
ML_LETTER_KIND = "{direction} {official}"
ML_OFFICIAL = "chính thức"
ML_TEMPORARY = "tạm thời"
ML_OVERDUE = "Quá hạn — chờ xác nhận"
ML_PRESENTED = "Đã trình giấy ngày {date}"
ML_AWAY = "Đi làm ăn xa"
ML_AWAY_NONE = "Đồng chí này không ở diện đi làm ăn xa."
ML_AWAY_TEXT = ("<b>Nơi đến:</b> {place}<br><b>Từ ngày:</b> {since} · <b>Thỏa thuận với chi bộ đến:</b> {until}"
                "{ended}<br><b>Thỏa thuận:</b> {arrangement}<br><b>Liên lạc:</b> {reach}<br>"
                "<b>Lần liên lạc cuối:</b> {last}")
ML_AWAY_LEAVE = ("<br><b>Đơn của đảng viên:</b> {requested} · <b>Đề nghị của chi bộ:</b> {proposal}{abroad}")
ML_AWAY_ABROAD = " · <b>Ra nước ngoài</b>"
ML_AWAY_RETURN = "<br><b>Nhận xét khi trở về:</b> {comments}{by}"
ML_AWAY_ENDED = " (đã hết hạn)"
ML_AWAY_BACK = " — đã trở về sinh hoạt"
ML_NOT_GIVEN = "chưa ghi"
ML_CONTACTS_COLUMNS = ("Ngày liên lạc", "Hình thức", "Cách liên lạc", "Nội dung trao đổi")
ML_ADD_RATING = "Thêm xếp loại…"
ML_ADD_DISCIPLINE = "Ghi kỷ luật…"
ML_REMOVE_DISCIPLINE = "Xóa quyết định đã chọn…"
ML_PICK_DISCIPLINE = "Chọn một quyết định kỷ luật trong bảng trước."
DLG_REMOVE_DISCIPLINE = "Xóa quyết định kỷ luật ghi nhầm — {name}"
REMOVE_DISCIPLINE_HINT = ("Xóa quyết định {form} ngày {date} khỏi sổ (ghi nhầm người, nhầm quyết định). Xếp loại và"
                          " cảnh báo tính lại; nhật ký giữ lại quyết định đã xóa, lý do và người xóa.")
ML_ADD_TASK = "Phân công nhiệm vụ…"
ML_ADD_LETTER = "Ghi giấy giới thiệu…"
ML_LETTER_OUTCOME = "Ghi kết quả giấy đã chọn…"
ML_ADD_CONTACT = "Ghi lần liên lạc…"
ML_PICK_LETTER = "Chọn một giấy giới thiệu đang chờ xác nhận trong bảng trước."
ML_SAVED = "Đã ghi."

# Dialogs of the tab: title, and the label of each field.
DLG_OK = "Ghi"
DLG_CANCEL = "Đóng"
DLG_RATING = "Xếp loại chất lượng — {name}"
DLG_DISCIPLINE = "Ghi kỷ luật — {name}"
DLG_TASK = "Phân công nhiệm vụ — {name}"
ML_EDIT_TASK = "Sửa nhiệm vụ đã chọn…"
ML_PICK_TASK = "Chọn một năm trong bảng phân công nhiệm vụ trước."
DLG_EDIT_TASK = "Sửa nhiệm vụ năm {year} — {name}"
DLG_LETTER = "Giấy giới thiệu sinh hoạt đảng — {name}"
DLG_OUTCOME = "Kết quả giấy giới thiệu {number} — {name}"
DLG_CONTACT = "Liên lạc với đảng viên đi làm ăn xa — {name}"
DLG_HAS_ERRORS = "Còn trường chưa đúng — xem dòng đỏ dưới từng trường."
DLG_DATE_HINT = "dd/mm/yyyy"
DLG_SCORE_HINT = "để trống nếu không chấm điểm"
DLG_UNTIL_HINT = "kỷ luật chính quyền: hiệu lực đến ngày (theo quyết định); kỷ luật đảng: để trống"
DLG_TEMPORARY = "Chuyển sinh hoạt tạm thời"
DLG_NONE = "(không)"
CONTACT_CHANNELS = ("Điện thoại", "Zalo", "Gặp trực tiếp", "Qua gia đình", "Thư / văn bản")

# --- the meeting editor and its rubric -----------------------------------------------------------------
MEETING_SECRETARY = "Thư ký"
MEETING_SECRETARY_HINT = "người ghi biên bản (in vào biên bản và hồ sơ kỳ họp)"
RUBRIC_EDIT = "Sửa biểu đánh giá…"
RUBRIC_TITLE = "Biểu tự đánh giá chất lượng sinh hoạt chi bộ"
RUBRIC_HELP = ("Các tiêu chí chấm điểm và mức xếp loại dùng cho mọi buổi sinh hoạt ghi từ nay. Buổi đã ghi giữ"
               " nguyên điểm đã chấm. Ghi rõ văn bản làm căn cứ.")
RUBRIC_NAME = "Tên biểu"
RUBRIC_DOC_NUMBER = "Số hiệu văn bản"
RUBRIC_DOC_DATE = "Ngày văn bản"
RUBRIC_BASIS = "Trích yếu căn cứ"
RUBRIC_CRITERIA = "Tiêu chí"
RUBRIC_CRITERIA_COLUMNS = ("Nội dung tiêu chí", "Điểm tối đa")
RUBRIC_LEVELS = "Mức xếp loại"
RUBRIC_LEVELS_COLUMNS = ("Tên mức", "Từ điểm")
RUBRIC_ADD_ROW = "Thêm dòng"
RUBRIC_REMOVE_ROW = "Xóa dòng đã chọn"
RUBRIC_TOTAL = "Tổng điểm tối đa: {total}"
RUBRIC_SAVE = "Lưu biểu đánh giá"
RUBRIC_SAVED = "Đã lưu biểu đánh giá."
