"""Vietnamese texts of the "Báo cáo cấp trên" page: sending a return, the superior's board, key cards."""

from __future__ import annotations

NAV_RETURNS = "Báo cáo cấp trên"
TITLE = "Báo cáo định kỳ gửi cấp trên (qua USB)"
TAB_SEND = "Gửi báo cáo"
TAB_BOARD = "Nhận báo cáo của đơn vị"
TAB_KEYS = "Thẻ khóa"

# sending
PERIOD = "Kỳ báo cáo:"
PERIOD_HINT = "2026, 2026-H1, 2026-Q3, 06/2026"
CHECK = "Kiểm tra số liệu"
CHECKING = "Đang tính các biểu thống kê…"
SNAPSHOT = "Gửi kèm toàn bộ sổ đảng viên (khi cấp trên yêu cầu, để hợp nhất)"
CONSOLIDATED = "Báo cáo tổng hợp các đơn vị cấp dưới đã gửi (cấp trên gửi tiếp lên)"
DRIVE = "Ghi vào:"
NO_DRIVE = "(không thấy USB nào — chọn thư mục)"
REFRESH_DRIVES = "Tìm lại USB"
CHOOSE_FOLDER = "Chọn thư mục…"
EXPORT = "Ghi báo cáo ra USB"
EXPORTING = "Đang lập, mã hóa, ký và ghi báo cáo…"
FINDING_COLUMNS = ("Loại", "Nội dung", "Giải trình (bắt buộc với cảnh báo)")
ERROR_WORD = "LỖI"
WARNING_WORD = "Cảnh báo"
CHECK_OK = "Không có lỗi; {count} cảnh báo cần giải trình trước khi gửi."
CHECK_CLEAN = "Không có lỗi, không có cảnh báo: có thể gửi báo cáo."
CHECK_ERRORS = "Còn {count} lỗi: phải sửa số liệu trước khi gửi."
EXPORTED = ("<b>Đã ghi báo cáo kỳ {period} (lần {revision})</b> vào {path}; đã đọc lại và kiểm tra: khớp. "
            "Kỳ đã khóa. <b>Có thể rút USB.</b>")
SENT_COLUMNS = ("Kỳ", "Lần", "Ngày gửi", "Tệp", "Cấp trên", "Kỳ đang khóa")
REOPEN = "Mở lại kỳ đã chọn…"
REOPEN_TITLE = "Mở lại kỳ đã gửi"
REOPEN_ASK = "Lý do mở lại kỳ {period} (được ghi lại; lần gửi sau là lần mới):"
REOPENED = "Đã mở lại kỳ {period}."
RECEIPT = "Nhận giấy biên nhận…"
RECEIPT_DONE = "Giấy biên nhận kỳ {period} lần {revision}: {outcome}."
LOCKED_YES = "Có"
LOCKED_NO = "Đã mở lại"
NO_SUPERIOR = ("Chưa có thẻ khóa của cấp trên: vào thẻ «Thẻ khóa», bấm «Nhập thẻ khóa…» và đối chiếu dấu vân tay "
               "trước khi gửi báo cáo.")
CHOOSE_SENT = "Chọn một kỳ đã gửi trong danh sách trước."

# the board
BOARD_PERIOD = "Kỳ:"
ALL_PERIODS = "Tất cả các kỳ"
OWED_ONLY = "Chỉ đơn vị chưa nộp"
IMPORT = "Nhận báo cáo từ USB…"
IMPORT_FILE = "Nhận một tệp…"
IMPORTING = "Đang kiểm tra và nhận báo cáo…"
EXPECT = "Yêu cầu báo cáo kỳ…"
EXPECT_TITLE = "Yêu cầu báo cáo"
EXPECT_ASK = "Kỳ báo cáo và hạn nộp, ví dụ «2026-H1 20/07/2026» (bỏ trống hạn: theo quy định):"
PRINT_REPORT = "In báo cáo tổng hợp…"
PRINT_REMINDERS = "In công văn đôn đốc…"
CHOOSE_PERIOD = "Chọn một kỳ trong ô «Kỳ» trước."
BOARD_UNIT = "Đơn vị"
BOARD_EMPTY = ("Chưa có đơn vị nào gửi thẻ khóa. Nhập thẻ khóa của từng đơn vị ở thẻ «Thẻ khóa» rồi yêu cầu báo cáo "
               "một kỳ.")
DEADLINE_LINE = "Kỳ {period}: hạn nộp {deadline}{basis} — {counts}."
DEADLINE_RULE = " (theo quy định {citation})"
DEADLINE_DOC = " ({doc})"
IMPORT_SUMMARY = "Nhận {accepted}, đã có {duplicate}, từ chối {rejected}, không nhập {refused}."
PRINTED = "Đã in {path} ({pages} trang)."
REMINDERS_PRINTED = "Đã in {count} công văn đôn đốc vào {path}{numbers}."
REMINDERS_NUMBERS = " — số {symbols} (đã vào sổ đăng ký văn bản)"
REMINDERS_DRAFT_DONE = " — bản dự thảo, chưa cấp số"
REMINDERS_DRAFT = "Công văn dự thảo (chưa cấp số)"
CELL_TEXT = {"cho": "Chờ", "dung_han": "Đúng hạn", "muon": "Muộn", "tu_choi": "Bị từ chối", "chua_nop": "Chưa nộp"}
CELL_COLOURS = {"cho": "", "dung_han": "#e8f5e9", "muon": "#fff8e1", "tu_choi": "#ffebee", "chua_nop": "#ffcdd2"}

# keys
OWN_KEY = "Dấu vân tay khóa của đơn vị này:"
KEY_HELP = ("Gửi thẻ khóa (tệp) cho cấp trên và các đơn vị gửi báo cáo; khi nhận thẻ khóa của đơn vị khác, gọi điện "
            "đọc từng nhóm số để đối chiếu trước khi nhập.")
EXPORT_CARD = "Ghi thẻ khóa ra USB…"
PRINT_CARD = "In thẻ khóa…"
IMPORT_CARD = "Nhập thẻ khóa…"
KEY_COLUMNS = ("Vai trò", "Mã", "Đơn vị", "Dấu vân tay", "Người nhập")
CARD_TITLE = "Đối chiếu thẻ khóa"
CARD_TEXT = ("<p>Thẻ khóa của <b>{unit}</b> (mã {code}).</p><p>Dấu vân tay:</p>"
             "<p style='font-size:20pt; font-family:monospace'><b>{fingerprint}</b></p>"
             "<p>Gọi điện cho đơn vị, đọc từng nhóm số (hoặc so với bản in của đơn vị). Chỉ bấm «Cả sáu nhóm khớp» "
             "khi mọi nhóm đều khớp.</p>")
CARD_ROLE = "Thẻ này là của:"
CARD_ROLE_SUPERIOR = "Cấp trên (nơi đơn vị này gửi báo cáo)"
CARD_ROLE_SUBORDINATE = "Đơn vị gửi báo cáo cho đơn vị này"
CARD_MATCH = "Cả sáu nhóm khớp — nhập thẻ"
CARD_CANCEL = "Không khớp — không nhập"
CARD_IMPORTED = "Đã nhập thẻ khóa của {unit} ({fingerprint})."
CARD_WRITTEN = "Đã ghi thẻ khóa vào {path}."
FILE_FILTER_PACKAGE = "Báo cáo (*.tnr)"
FILE_FILTER_RECEIPT = "Giấy biên nhận (*.tnbn)"
FILE_FILTER_CARD = "Thẻ khóa (*.tnkey)"
FILE_FILTER_PDF = "Tệp PDF (*.pdf)"
SET_ALLOTMENT = "Số được phân bổ…"
CHOOSE_UNIT = "Chọn một đơn vị trong bảng trước."
