"""Vietnamese texts of the window's frame: the first day (first-run screen, sample register, start checklist,
empty pages), the unsaved-changes guard, confirmations of removals, the menus, Settings, Help and About."""

from __future__ import annotations

# --- the sample register ---------------------------------------------------------------------------------
SAMPLE_TITLE_PREFIX = "SỔ MẪU — "
SAMPLE_BANNER = ("<b>SỔ MẪU</b> — dữ liệu giả lập để xem thử chương trình, không phải sổ đảng viên thật. "
                 "Mọi việc ghi ở đây chỉ nằm trong tệp sổ mẫu; văn bản in ra đều mang dấu «SỔ MẪU».")
SAMPLE_LEAVE = "Chuyển sang sổ thật…"
SAMPLE_OPENING = "Đang tạo sổ mẫu (khoảng vài giây)…"

# --- the first-run screen ----------------------------------------------------------------------------------
FIRST_RUN_TITLE = "Bắt đầu sử dụng"
FIRST_RUN_INTRO = ("<b>Chưa có sổ đảng viên thật trên máy này.</b><br>Tạo đảng bộ của đơn vị mình để bắt đầu "
                   "ghi sổ, hoặc mở <b>sổ mẫu</b> (dữ liệu giả lập, để trong một tệp riêng) để xem thử chương "
                   "trình trước. Có thể rời sổ mẫu sang sổ thật bất cứ lúc nào (menu Tệp).")
FIRST_RUN_REAL_TITLE = "Tạo sổ thật của đảng bộ"
FIRST_RUN_REAL_INTRO = ("Nhập tên đảng ủy và mã đảng bộ để tạo sổ đảng viên thật. Sổ mẫu vẫn giữ nguyên trong "
                        "tệp riêng của nó.")
FIRST_RUN_DEMO_AGAIN = "Mở lại sổ mẫu"
FIRST_RUN_FILES = "Sổ thật: {real}\nSổ mẫu: {sample}"

# --- unsaved changes -----------------------------------------------------------------------------------------
UNSAVED_TITLE = "Chưa lưu"
UNSAVED_TEXT = "{what} có thay đổi chưa lưu."
UNSAVED_QUESTION = "Lưu lại trước khi rời đi? Chọn «Ở lại» để xem lại trước."
UNSAVED_SAVE = "Lưu"
UNSAVED_DISCARD = "Không lưu"
UNSAVED_STAY = "Ở lại"
UNSAVED_NOT_SAVED = "Chưa lưu được: hãy xem thông báo trên trang rồi sửa lại."

WHAT_MEMBER_NEW = "Hồ sơ đảng viên mới"
WHAT_MEMBER = "Hồ sơ đảng viên {name}"
WHAT_MEETING = "Buổi sinh hoạt ngày {date} của {cell}"
WHAT_MEETING_NEW = "Buổi sinh hoạt mới của {cell}"
WHAT_DUES = "Bảng đảng phí tháng {month} của {cell}"
WHAT_RATINGS = "Bảng xếp loại năm {year} của {cell}"
WHAT_DIALOG = "Cửa sổ «{title}»"
WHAT_SETTINGS = "Trang Cài đặt"

# --- removals ------------------------------------------------------------------------------------------------
REMOVAL_TITLE = "Xác nhận: {event}"
REMOVAL_TEXT = "Ghi «{event}» cho đồng chí <b>{name}</b> ({cell}) từ ngày {date}?"
REMOVAL_CONSEQUENCE = {
    "xoa_ten": ("Đồng chí sẽ ra khỏi danh sách đảng viên đang sinh hoạt từ ngày đó: không còn trong điểm danh, "
                "đảng phí, xếp loại và danh sách của chi bộ."),
    "khai_tru": ("Khai trừ là hình thức kỷ luật cao nhất: đồng chí ra khỏi Đảng từ ngày đó, không còn trong "
                 "điểm danh, đảng phí, xếp loại và danh sách của chi bộ."),
    "ra_khoi_dang": ("Đồng chí ra khỏi Đảng theo đơn từ ngày đó: không còn trong điểm danh, đảng phí, xếp loại "
                     "và danh sách của chi bộ."),
    "dinh_cu_nuoc_ngoai": ("Đồng chí ra khỏi sổ đảng viên đang sinh hoạt từ ngày đó: không còn trong điểm "
                              "danh, đảng phí, xếp loại và danh sách của chi bộ."),
    "tu_tran": ("Đồng chí được ghi là đã từ trần từ ngày đó: không còn trong điểm danh, đảng phí, xếp loại và "
                "danh sách của chi bộ."),
}
REMOVAL_UNDO = "Việc ghi được lưu vào nhật ký. Nếu ghi nhầm, xóa sự kiện này ở tab «Quá trình sinh hoạt đảng»."
REMOVAL_YES = "Ghi «{event}»"
REMOVAL_NO = "Không ghi"
DELETE_EVENT_TITLE = "Xác nhận xóa sự kiện"
DELETE_EVENT_TEXT = "Xóa sự kiện «{event}» ngày {date} khỏi quá trình sinh hoạt của đồng chí <b>{name}</b>?"
DELETE_EVENT_CONSEQUENCE = ("Tình trạng và chi bộ của đồng chí được tính lại như chưa từng có sự kiện này "
                            "(hiện nay: {status}). Việc xóa được ghi vào nhật ký.")
DELETE_EVENT_YES = "Xóa sự kiện"
DELETE_EVENT_NO = "Không xóa"

# --- key grids -----------------------------------------------------------------------------------------------
GRID_LEGEND = "Phím: {keys}"
GRID_NOT_A_KEY = "Phím «{key}» không dùng ở bảng này — không ghi gì. {legend}"
GRID_KEY_ITEM = "{key} = {label}"

# --- dues, meetings, ratings (additions) ---------------------------------------------------------------------
NOT_RECORDED = "chưa ghi"
NOT_MARKED = "chưa điểm danh"
RATING_LOCKED = "Xếp loại của dòng này đã lưu: bấm «Sửa xếp loại đã lưu…» để sửa (việc sửa được ghi vào nhật ký)."
DUES_SUMMARY = ("Đã thu {collected} · {paid} người đã đóng · {unpaid} người chưa đóng · {not_recorded} người "
                "chưa ghi")
DUES_FILL_DEFAULT = "Người chưa ghi: đã đóng đủ"
DUES_FILL_DEFAULT_TIP = ("Ghi cho mọi người còn «chưa ghi»: đã đóng đúng mức tính; người đi làm ăn xa: hoãn; người "
                         "có quyết định miễn: miễn đóng. Ai không đúng thì sửa từng dòng bằng phím.")
DUES_NOTHING_MARKED = "Chưa có dòng nào được ghi: gõ phím cho từng người hoặc bấm «{button}»."
ALL_PRESENT = "Tất cả có mặt"
ALL_PRESENT_TIP = ("Ghi «có mặt» cho mọi người còn chưa điểm danh (người miễn sinh hoạt, đi làm ăn xa: «miễn»). "
                   "Ai vắng thì sửa từng dòng bằng phím.")
ATTENDANCE_UNMARKED = ("Còn {count} người chưa điểm danh ({names}). Gõ phím cho từng người hoặc bấm «Tất cả có mặt» "
                       "rồi sửa người vắng.")
ATTENDANCE_SUMMARY = ("Có mặt {present}/{expected} · vắng có lý do {excused} · vắng không lý do {unexcused} · "
                      "chưa điểm danh {unmarked}")
ATTENDANCE_HELP = ("Buổi mới chưa điểm danh ai. Bấm «Tất cả có mặt» rồi sửa người vắng, hoặc chọn từng người bằng "
                   "↑ ↓ và gõ phím. Gõ lý do ở cột «Lý do» (Enter để sửa).")
SCORE_NOT_GIVEN = "chưa chấm"
TAB_ATTENDANCE = "Điểm danh"
TAB_QUALITY = "Tự đánh giá chất lượng ({state})"
QUALITY_TAB_PARTLY = "chấm dở"
QUALITY_NOT_SCORED = "Chưa chấm điểm chất lượng buổi sinh hoạt."
QUALITY_PARTLY = "Chấm đủ mọi tiêu chí, hoặc để trống tất cả (còn {count} tiêu chí chưa chấm)."
MEETING_SAVED_NOTE = "Buổi đã lưu: sửa điểm danh hoặc điểm rồi Lưu — việc sửa được ghi vào nhật ký."
RATING_CORRECT = "Sửa xếp loại đã lưu…"
RATING_CORRECT_TITLE = "Sửa xếp loại năm {year} — {name}"
RATING_CORRECT_PICK = "Chọn một dòng đã lưu xếp loại (cột «Đã lưu» có ✓) trước."
RATING_CORRECTED = "Đã sửa xếp loại của {name}."
RATING_CORRECT_NOTE = "Hiện đang ghi: {level}{score}. Việc sửa được ghi vào nhật ký cùng lý do."

# --- percentages -----------------------------------------------------------------------------------------------
NO_SHARE = "—"

# --- empty pages -----------------------------------------------------------------------------------------------
EMPTY_CELLS_TITLE = "Chưa có chi bộ nào"
EMPTY_CELLS_MEETINGS = ("Sinh hoạt chi bộ được ghi theo từng chi bộ. Hãy thêm các chi bộ của đảng bộ trước "
                        "(trang Tổ chức đảng), hoặc nhập danh sách Excel có cột chi bộ.")
EMPTY_CELLS_SHEET = ("Bảng này được lập cho từng chi bộ. Hãy thêm các chi bộ của đảng bộ trước "
                     "(trang Tổ chức đảng).")
EMPTY_ADD_CELL = "Thêm chi bộ…"
EMPTY_MEMBERS_TITLE = "Sổ chưa có đảng viên nào"
EMPTY_MEMBERS_TEXT = ("Nhập danh sách đảng viên từ tệp Excel đảng ủy đang giữ (kể cả tệp cũ phông TCVN3, VNI), "
                      "hoặc thêm từng đảng viên. Cần có ít nhất một chi bộ trước.")
EMPTY_IMPORT = "Nhập danh sách Excel…"
EMPTY_ADD_MEMBER = "Thêm đảng viên…"
EMPTY_SHEET_NO_MEMBERS = "{cell} chưa có đảng viên nào trong {period}: thêm đảng viên ở trang Sổ đảng viên."
EMPTY_MEETINGS_YEAR = "Chưa ghi buổi sinh hoạt nào trong năm {year}. Bấm «Buổi sinh hoạt mới» để ghi."
EMPTY_ORG_CELLS = ("<b>Chưa có chi bộ nào.</b> Bấm «Thêm chi bộ» để thêm từng chi bộ (mã và tên), theo thứ tự "
                   "mã như đảng ủy vẫn đánh số.")
PERIOD_MONTH = "tháng {month}"
PERIOD_YEAR = "năm {year}"

# --- menus -----------------------------------------------------------------------------------------------------
MENU_FILE = "&Tệp"
MENU_LEAVE_SAMPLE = "Chuyển sang sổ thật…"
MENU_OPEN_SAMPLE = "Mở sổ mẫu để xem thử…"
MENU_QUIT = "Thoát"
MENU_SETTINGS = "&Cài đặt"
MENU_BACKUP = "&Sao lưu"
MENU_HELP = "&Trợ giúp"
MENU_GUIDE = "Hướng dẫn sử dụng"
MENU_ABOUT = "Giới thiệu"
OPEN_SAMPLE_CONFIRM = ("Mở sổ mẫu (dữ liệu giả lập, tệp riêng) để xem thử? Sổ thật vẫn giữ nguyên; muốn quay lại "
                       "chọn Tệp → Chuyển sang sổ thật.")

# --- help and about --------------------------------------------------------------------------------------------
GUIDE_TITLE = "Hướng dẫn sử dụng"
GUIDE_MISSING = "Không tìm thấy tệp hướng dẫn đi kèm chương trình."
ABOUT_TITLE = "Giới thiệu"
ABOUT_TEXT = ("<h3>Sổ đảng viên</h3>"
              "<p>Chương trình giữ sổ đảng viên và công tác đảng của đảng ủy xã/phường, chạy trên máy, "
              "không dùng mạng.</p>"
              "<p><b>Phiên bản:</b> {version}<br>"
              "<b>Thư mục dữ liệu:</b> {data_dir}<br>"
              "<b>Sổ đang mở:</b> {register}{sample}</p>"
              "<p><b>Phông chữ:</b> Liberation Serif và Liberation Sans (dùng cho cửa sổ và văn bản in), "
              "giấy phép SIL Open Font License 1.1 — xem tệp {licence}.</p>")
ABOUT_SAMPLE = " (sổ mẫu)"
ABOUT_LICENCE_BUTTON = "Xem giấy phép phông chữ"
CLOSE = "Đóng"

# --- settings --------------------------------------------------------------------------------------------------
NAV_SETTINGS = "Cài đặt"
SETTINGS_TITLE = "Cài đặt"
SETTINGS_INTRO = "Mọi cài đặt của chương trình ở một chỗ. Mỗi thay đổi được lưu ngay và ghi vào nhật ký."
SETTINGS_WARNINGS = "Cảnh báo sớm"
SETTINGS_THEMATIC_HELP = ("Buổi sinh hoạt chuyên đề có được tính khi xét đảng viên bỏ sinh hoạt không (mặc định: "
                          "chỉ tính sinh hoạt thường kỳ).")
SETTINGS_MEETINGS = "Sinh hoạt chi bộ"
SETTINGS_RUBRIC_HELP = "Biểu đang dùng để chấm điểm chất lượng các buổi sinh hoạt: {name} ({basis})."
SETTINGS_DOCUMENTS = "Văn bản in"
SETTINGS_FRAME_HELP = ("Thể thức văn bản theo Hướng dẫn 36-HD/VPTW ngày 03/4/2018: khổ A4; lề trên {top} mm, dưới "
                       "{bottom} mm, trái {left} mm, phải {right} mm; chữ nội dung {body} pt, tên loại {type_name} pt; "
                       "phông Liberation Serif (cùng khổ chữ với Times New Roman) nhúng vào mọi tệp PDF.")
SETTINGS_FRAME_SAMPLE = "Sổ đang mở là sổ mẫu: mọi trang in ra mang dấu «{mark}»."
SETTINGS_FRAME_SIGNERS = "Người ký và số liệu báo cáo Đề án 03: mục «Người ký và số liệu» ngay dưới đây."
SETTINGS_FRAME_SIGNERS_OPEN = "Đến mục người ký và số liệu"
SETTINGS_SIGNERS = "Người ký và số liệu"
SETTINGS_REGISTER = "Sổ đang mở"
SETTINGS_REGISTER_TEXT = "{kind}: {path}"
SETTINGS_REGISTER_REAL = "Sổ thật"
SETTINGS_REGISTER_SAMPLE = "Sổ mẫu"

# --- the start checklist ---------------------------------------------------------------------------------------
START_TITLE = "Bắt đầu sử dụng: {done}/{total} bước đã xong"
START_INTRO = ("Bốn bước để sổ dùng được cho công việc hằng ngày. Mỗi bước tự đánh dấu khi sổ đã có việc đó; "
               "bảng này ẩn đi khi đủ cả bốn.")
START_STEPS = {
    "cells": ("Thêm các chi bộ của đảng bộ", "Đã có {count} chi bộ.", "Thêm chi bộ…"),
    "members": ("Nhập danh sách đảng viên từ tệp Excel (hoặc thêm từng người)", "Đã có {count} đảng viên trong sổ.",
                "Nhập danh sách Excel…"),
    "signers": ("Ghi người ký văn bản của đảng ủy (bí thư, phó bí thư)", "Đã ghi người ký của {unit}.",
                "Ghi người ký…"),
    "meeting": ("Ghi buổi sinh hoạt chi bộ đầu tiên (điểm danh)", "Đã ghi {count} buổi sinh hoạt.",
                "Ghi buổi sinh hoạt…"),
}
START_NOT_DONE = "Chưa làm."
START_DONE_MARK = "✓"
START_TODO_MARK = "○"
WARNINGS_THEMATIC_OFF = "Chỉ tính vắng sinh hoạt thường kỳ vào ba tháng (đổi ở trang Cài đặt)."
WARNINGS_THEMATIC_ON = "Tính cả vắng sinh hoạt chuyên đề vào ba tháng (đổi ở trang Cài đặt)."
COLUMNS_TIP = "Nhấn chuột phải vào dòng tiêu đề để chọn các cột hiện."

# The first run's pick from the province's communes and wards (resources/reference/tay_ninh_units.toml).
FIRST_RUN_PICK = "Chọn xã/phường của đơn vị"
FIRST_RUN_PICK_PLACEHOLDER = "Gõ tên hoặc mã, không cần dấu (ví dụ: hung thuan, long an, 25711)"
FIRST_RUN_PICK_NONE = ("Không thấy «{text}» trong danh sách của tỉnh: gõ thẳng tên đảng ủy, mã và địa danh vào các ô "
                       "bên dưới.")
FIRST_RUN_PICK_SOURCE = ("Danh sách {count} xã, phường của tỉnh {province} từ {valid_from} theo {citation}.{unconfirmed} "
                         "Có thể sửa các ô bên dưới hoặc gõ tên không có trong danh sách.")
FIRST_RUN_PICK_UNCONFIRMED = " <b>CHƯA XÁC NHẬN</b>: {note}"
FIRST_RUN_PICK_COUNT = "{shown} / {total} đơn vị"
