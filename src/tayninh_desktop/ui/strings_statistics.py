"""Vietnamese texts of the "Thống kê" page (the basic statistical forms of Hướng dẫn 11-HD/BTCTW: their figures by
period, the figures typed in, badges and cards, the scope of transfers) and of the period chooser."""

from __future__ import annotations

NAV_STATISTICS = "Thống kê"
TITLE = "Biểu thống kê cơ bản (Hướng dẫn 11-HD/BTCTW)"
HELP = ("Số liệu tính từ quá trình sinh hoạt ghi trong sổ, kỳ này và cùng kỳ năm trước. Dòng nền vàng là số liệu "
        "sổ không ghi: bấm đúp để nhập. In biểu ở trang «Văn bản».")

PERIOD = "Kỳ báo cáo:"
YEAR = "Năm"
WHOLE_YEAR = "Cả năm"
FIRST_HALF = "6 tháng đầu năm"
SECOND_HALF = "6 tháng cuối năm"
QUARTER = "Quý {roman}"
MONTH = "Tháng {n}"
AS_OF = "Tính đến ngày:"
REFRESH = "Tính lại"
COMPUTING = "Đang tính các biểu…"

TAB_FORMS = "Các biểu và số liệu nhập tay"
TAB_AWARDS = "Huy hiệu Đảng, thẻ đảng viên"
TAB_TRANSFERS = "Phạm vi chuyển sinh hoạt"

FORMS_HEADING = "Biểu của kỳ"
FORM_ITEM = "Biểu số {code}"
FORM_ITEM_UNCONFIRMED = "Biểu số {code} (bố cục chưa xác nhận)"
COMPARISON_COLUMNS = ("Dòng", "Tiêu chí", "Kỳ này", "Cùng kỳ năm trước", "(%) so với cùng kỳ")
BREAKDOWN_COLUMNS = ("Dòng", "Tiêu chí", "Tổng số", "Trong đó nữ", "Tỷ lệ (%)")
REVIEW_COLUMNS = ("Dòng", "Nội dung", "Số liệu", "", "")
TYPED_MARK = "{value} (nhập tay)"
MISSING_MARK = "chưa nhập"
UNCONFIRMED = "<b>CHƯA XÁC NHẬN:</b> {notes}"
PERIOD_LINE = "Biểu số {code} — {title}, {period} (từ {start} đến {end}){partial}"
PARTIAL = ", kỳ chưa kết thúc: số liệu đến ngày {end}"
CHECK_HEADING = "Kiểm tra các biểu của kỳ"
CHECK_OK = "Không có lỗi. {warnings} cảnh báo cần giải trình khi gửi báo cáo."
CHECK_ERRORS = "{errors} lỗi (phải sửa trước khi gửi báo cáo), {warnings} cảnh báo."
ERROR_MARK = "Lỗi"
WARNING_MARK = "Cảnh báo"
TYPE_VALUE = "Nhập số liệu…"
CLEAR_VALUE = "Xóa số liệu nhập tay"
CHOOSE_TYPED_ROW = "Chọn một dòng nền vàng (số liệu nhập tay) trước."
DLG_TYPED = "Biểu số {code}, dòng {row}, kỳ {period}"
CONFIRM_CLEAR = "Xóa số liệu đã nhập của dòng {row}, Biểu số {code}, kỳ {period}?"

AWARDS_COLUMNS = ("Họ và tên", "Loại", "Số năm tuổi Đảng", "Ngày trao", "Số quyết định", "Ghi chú")
AWARDS_SUMMARY = "{count} lượt trong kỳ {period}."
ADD_AWARD = "Ghi huy hiệu, thẻ…"
DELETE_AWARD = "Xóa bản ghi nhầm"
CHOOSE_AWARD = "Chọn một dòng trong danh sách trước."
CONFIRM_DELETE_AWARD = "Xóa bản ghi «{what}» của {name}?"
DLG_AWARD = "Ghi Huy hiệu Đảng hoặc thẻ đảng viên"
FIND_MEMBER = "Tìm đảng viên (họ tên, số thẻ, CCCD):"
FIND_PLACEHOLDER = "gõ vài chữ của tên, ví dụ «nguyen van an»"
NO_MATCH = "Không tìm thấy đảng viên nào."
MEMBER_MATCH = "{name} — {cell}, sinh {birth}"
CHOOSE_FOUND = "Chọn một đảng viên trong kết quả tìm."
KIND = "Loại:"
BADGE_YEARS = "Số năm tuổi Đảng:"
AWARDED_ON = "Ngày trao (dd/mm/yyyy):"
DECISION = "Số quyết định:"
NOTES = "Ghi chú:"
SAVE = "Ghi"
CANCEL = "Đóng"

TRANSFERS_COLUMNS = ("Họ và tên", "Chuyển", "Ngày", "Nơi đi / nơi đến", "Cơ quan cấp giấy", "Phạm vi tính vào biểu")
TRANSFER_IN = "Chuyển đến"
TRANSFER_OUT = "Chuyển đi"
SCOPE_UNKNOWN = "chưa rõ — chọn phạm vi"
SCOPE_READ = "{scope} (đọc từ nơi chuyển)"
SCOPE_RECORDED = "{scope} (văn phòng ghi)"
SET_SCOPE = "Ghi phạm vi của lượt đang chọn:"
SET_IN_PROVINCE = "Trong tỉnh"
SET_OTHER_PROVINCE = "Tỉnh khác"
TRANSFERS_SUMMARY = "{count} lượt chuyển sinh hoạt chính thức trong kỳ; {unknown} lượt chưa rõ phạm vi."
CHOOSE_TRANSFER = "Chọn một lượt chuyển trong danh sách trước."
