"""Vietnamese texts of the rules in force on screen: dues categories and reliefs, discipline in force, leaves for
working away, exits and re-admission, the thematic-meeting setting, and the "unconfirmed" mark."""

from __future__ import annotations

UNCONFIRMED = "chưa xác nhận"
UNCONFIRMED_MARK = " ⚠ chưa xác nhận"
UNCONFIRMED_TIP = ("Giá trị này chưa đối chiếu được với văn bản gốc (đánh dấu trong tệp quy tắc). Kiểm tra với"
                   " Ban Tổ chức trước khi dùng để in văn bản chính thức.")

# The event dialog's extra fields.
EVENT_EXTRA_FIELDS = {
    "requested_on": "Ngày đơn của đảng viên",
    "cell_proposal": "Đề nghị của chi bộ (số, ngày)",
    "abroad": "Ra nước ngoài (lao động, học tập, việc riêng)",
    "return_comments": "Nhận xét của chính quyền địa phương / nơi làm việc",
    "comments_by": "Nơi nhận xét",
    "ground": "Lý do ra khỏi Đảng",
}
READMIT_GROUND = "Lý do ra khỏi Đảng trước đây (nếu chưa ghi)"
GROUND_NONE = "(chưa ghi)"
AWAY_HINT = ("Tạm miễn sinh hoạt đi làm ăn xa: {granted_by} quyết định theo đơn của đảng viên và đề nghị của chi bộ,"
             " thời hạn dưới {limit} tháng ({basis}). Ra nước ngoài từ 12 tháng trở lên thì chuyển sinh hoạt đảng.")
READMIT_HINT = ("Kết nạp lại: ra khỏi Đảng ít nhất {months} tháng, chỉ một lần, không xét các trường hợp loại trừ"
                " ({basis}).")
RETURN_HINT = "Khi trở về, đảng viên nộp nhận xét của chính quyền địa phương hoặc nơi làm việc: ghi lại ở đây."

# Dues page.
DUES_RULE_LINE = "Mức đóng theo {rule}{mark}"
DUES_TERMS = "Diện đóng, mức lương…"
DUES_RELIEF = "Miễn / giảm…"
DUES_PICK_MEMBER = "Chọn một đảng viên trong bảng trước."
DLG_TERM = "Diện đóng đảng phí — {name}"
DLG_RELIEF = "Miễn, giảm đảng phí — {name}"
BASE_HINT = "đồng/tháng; để trống nếu diện không tính theo lương"
MONTH_HINT = "mm/yyyy"
PERCENT_HINT = "30, 50 hoặc 70 (%)"
LAST_MONTH_HINT = "để trống nếu miễn không thời hạn"
DUES_PAYMENT = "Đóng trước / đóng chậm…"
DUES_PAYMENT_TIP = "Ghi một khoản đảng phí đóng nhiều tháng một lần cho đảng viên đang chọn"
DLG_PAYMENT = "Đóng trước / đóng chậm đảng phí — {name}"
PAYMENT_KIND_CHOICES = (("advance", "Đóng trước (đảng viên tạm miễn sinh hoạt đi làm ăn xa)"),
                        ("late", "Đóng chậm (các tháng còn nợ, hoãn đóng)"))
PAYMENT_AMOUNT_HINT = "để trống: tổng mức tính theo quy định"
PAYMENT_REASON_HINT = "chỉ ghi khi số tiền khác tổng mức tính"
PAYMENT_APPROVAL_HINT = "ý kiến của chi bộ, quyết định của cấp ủy (nếu có)"
PAYMENT_HINT = ("Đóng trước: các tháng từ tháng đóng trở đi, trong thời gian tạm miễn sinh hoạt đi làm ăn xa. "
                "Đóng chậm: các tháng đã qua còn ghi chưa đóng hoặc hoãn đóng. Một lần ghi tối đa {limit} tháng"
                " — giới hạn của chương trình, không phải mức của quy định ({basis}). Các tháng được ghi đã đóng"
                " và hiện trong bảng là «đóng trước» / «đóng chậm».")
PAYMENTS_NONE = "Chưa có khoản đóng trước, đóng chậm."
PAYMENTS_LINE = "Đã ghi: {items}"
PAYMENT_ITEM = "{kind} {first}–{last} ({amount}, ngày {day})"
DUES_RELIEF_REMOVE = "Hủy miễn / giảm…"
DUES_RELIEF_REMOVE_TIP = "Hủy một quyết định miễn, giảm đảng phí ghi nhầm của đảng viên đang chọn"
DLG_RELIEF_REMOVE = "Hủy quyết định miễn, giảm đảng phí — {name}"
RELIEF_REMOVE_HINT = ("Các tháng đã ghi giữ nguyên số tiền; các tháng chưa ghi tính lại mức đóng không có quyết định"
                      " này. Nhật ký giữ lại quyết định đã hủy, lý do và người hủy.")
RELIEFS_NONE_TO_REMOVE = "Đảng viên {name} chưa có quyết định miễn, giảm đảng phí nào để hủy."
RELIEF_ITEM = "{label}, từ tháng {first}{last}"
DUES_CANCEL_PAYMENT = "Hủy khoản đóng…"
DUES_CANCEL_PAYMENT_TIP = ("Hủy một khoản đóng trước, đóng chậm ghi nhầm của đảng viên đang chọn: các tháng của khoản"
                           " đó trở lại như trước khi ghi")
DLG_CANCEL_PAYMENT = "Hủy khoản đóng trước / đóng chậm — {name}"
CANCEL_PAYMENT_HINT = ("Các tháng của khoản được chọn trở lại như trước khi ghi khoản đó (tháng trước đó chưa ghi thì"
                       " để trống). Nhật ký giữ lại khoản đã hủy, lý do và người hủy.")
CANCEL_REASON_HINT = "ví dụ: ghi nhầm đảng viên, nhầm tháng"
REMOVE_REASON_HINT = "ví dụ: ghi nhầm đảng viên, nhầm quyết định"
PAYMENTS_NONE_TO_CANCEL = "Đảng viên {name} chưa có khoản đóng trước, đóng chậm nào để hủy."
PAID_AS_SUFFIX = " ({kind})"

# Discipline dialog.
DISCIPLINE_HINT = ("Kỷ luật đảng hết hiệu lực sau 12 tháng kể từ ngày công bố nếu không có vi phạm mới ({basis});"
                   " khai trừ không áp dụng. Kỷ luật chính quyền: ghi thời hạn theo quyết định.")
ANNOUNCED_HINT = "ngày chi bộ / cấp ủy công bố quyết định"

# Warnings page: the thematic-meeting setting.
THEMATIC_CHECK = "Tính cả vắng sinh hoạt chuyên đề vào ba tháng (mặc định: chỉ sinh hoạt thường kỳ)"
