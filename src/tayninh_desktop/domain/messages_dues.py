"""Sentences and labels of dues: categories and bases, exemptions, reductions, deferrals, changed amounts."""

FIELD_LABELS: dict[str, str] = {
    "category": "Diện đóng đảng phí",
    "base": "Mức lương / lương hưu làm căn cứ",
    "from_month": "Từ tháng",
    "first_month": "Từ tháng",
    "last_month": "Đến tháng",
    "percent": "Tỷ lệ giảm",
    "decision_number": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "relief_kind": "Miễn hoặc giảm",
    "exemption_ground": "Diện miễn đóng",
    "amount_reason": "Lý do thay đổi số tiền",
    "payment_kind": "Hình thức",
    "payment_from": "Từ tháng",
    "payment_to": "Đến tháng",
    "dues_paid_on": "Ngày đóng",
    "dues_received_by": "Người thu",
    "dues_payment_amount": "Số tiền",
    "payment_reason": "Lý do số tiền khác mức tính",
    "dues_approval": "Căn cứ, ý kiến của cấp ủy",
    "dues_payment": "Khoản đóng",
    "cancel_reason": "Lý do hủy",
    "dues_relief": "Quyết định miễn, giảm",
    "remove_reason": "Lý do hủy",
}

MESSAGES: dict[str, str] = {
    "dues_bad_percent": "{field_label}: giảm {value} % không đúng quy định — chỉ được giảm {allowed} ({basis}).",
    "dues_relief_too_long": "{field_label}: giảm {count} tháng, quá {limit} tháng cho phép ({basis}).",
    "dues_relief_end_before_start": "{field_label}: tháng kết thúc ở trước tháng bắt đầu.",
    "dues_relief_needs_decision": "{field_label}: giảm đảng phí phải có quyết định — ghi số quyết định.",
    "dues_relief_overlap": "{field_label}: đảng viên {name} đã được {other} từ tháng {first} (quyết định {number});"
                           " hai chế độ không được trùng tháng.",
    "dues_term_exists": "{field_label}: đảng viên {name} đã có diện đóng ghi từ tháng {month}; sửa bản đó"
                        " hoặc chọn tháng khác.",
    "dues_term_needs_base": "{field_label}: diện «{category}» tính theo tỷ lệ — ghi {base_label}.",
    "dues_unknown_category": "{field_label}: «{value}» không phải diện đóng của quy định tháng {month}.",
    "dues_defer_not_away": "{field_label}: tháng {month} — đảng viên {name} không tạm miễn sinh hoạt đi làm ăn xa,"
                           " không được hoãn đóng ({basis}).",
    "dues_not_exempt": "{field_label}: tháng {month} — đảng viên {name} không có quyết định miễn đóng đảng phí"
                       " ({basis}); đảng viên được miễn sinh hoạt vẫn đóng đảng phí.",
    "dues_amount_changed": "{field_label}: tháng {month} — số tiền của đảng viên {name} ({amount}) khác mức tính"
                           " theo quy định ({due}): ghi lý do thay đổi.",
    "dues_relief_not_found": "Không tìm thấy quyết định miễn, giảm đảng phí (mã {relief_id}).",
    "dues_payment_end_before_start": "{field_label}: tháng {last} ở trước tháng bắt đầu {first}.",
    "dues_payment_too_long": "{field_label}: {count} tháng, quá {limit} tháng chương trình cho ghi một lần"
                             " ({basis}).",
    "dues_payment_before_joining": "{field_label}: tháng {month} ở trước ngày vào Đảng của đảng viên {name}"
                                   " ({joined}).",
    "dues_payment_day_in_future": "{field_label}: ngày {value} chưa đến.",
    "dues_advance_not_ahead": "{field_label}: tháng {month} đã qua vào ngày đóng {paid_on} — đóng trước chỉ cho"
                              " các tháng từ tháng đóng trở đi; tháng đã qua ghi là đóng chậm.",
    "dues_advance_not_away": "{field_label}: tháng {month} — đảng viên {name} không có quyết định tạm miễn sinh"
                             " hoạt đi làm ăn xa trong tháng đó, không được đóng trước ({basis}).",
    "dues_late_not_past": "{field_label}: tháng {month} chưa qua vào ngày đóng {paid_on} — đóng chậm chỉ cho"
                          " các tháng đã qua; tháng tới ghi là đóng trước.",
    "dues_late_no_arrears": "{field_label}: tháng {month} — đảng viên {name} không nợ đảng phí (tháng không ghi"
                            " chưa đóng hay hoãn đóng), không có gì để đóng chậm.",
    "dues_payment_month_paid": "{field_label}: tháng {month} — đảng viên {name} đã ghi đã đóng đảng phí;"
                               " không ghi đóng hai lần.",
    "dues_payment_overlap": "{field_label}: tháng {month} — đảng viên {name} đã có khoản {other} từ tháng {first}"
                            " đến tháng {last} (ngày {paid_on}); hai khoản đóng không được trùng tháng.",
    "dues_payment_amount_unknown": "{field_label}: chưa tính được mức đóng tháng {month} (chưa ghi mức lương làm"
                                   " căn cứ) — ghi số tiền đã thu và lý do.",
    "dues_payment_amount_changed": "{field_label}: số tiền {amount} khác tổng mức tính theo quy định ({due}) cho"
                                   " {count} tháng — ghi lý do.",
    "dues_month_in_payment": "{field_label}: tháng {month} — đảng viên {name} đã {other} (ngày {paid_on});"
                             " tháng này đã đóng, không ghi lại trạng thái khác.",
    "dues_payment_not_found": "Đảng viên {name} không có khoản đóng trước, đóng chậm số {payment_id}"
                              " (có thể đã hủy).",
    "dues_payment_no_history": "Khoản đóng số {payment_id} của đảng viên {name} không có bản ghi các tháng trước khi"
                               " ghi khoản đó trong nhật ký, nên chương trình không trả lại được trạng thái cũ"
                               " của các tháng.",
}

PAYMENT_KINDS = {"advance": "đóng trước", "late": "đóng chậm"}

RELIEF_LABELS = {"mien": "Miễn đóng", "giam": "Giảm"}
EXEMPTION_GROUND_SHORT = {"tuoi_dang_50": "50 năm tuổi Đảng", "tro_cap_huu_tri_xa_hoi": "trợ cấp hưu trí XH",
                          "ho_ngheo_can_ngheo": "hộ nghèo, cận nghèo", "benh_hiem_ngheo": "bệnh hiểm nghèo"}
EXEMPTION_GROUND_LABELS = {
    "tuoi_dang_50": "Từ 50 năm tuổi Đảng trở lên",
    "tro_cap_huu_tri_xa_hoi": "Hưởng trợ cấp hưu trí xã hội",
    "ho_ngheo_can_ngheo": "Hộ nghèo, hộ cận nghèo",
    "benh_hiem_ngheo": "Mắc bệnh hiểm nghèo",
}

# The printed Sổ thu đảng phí (services/dues_book.py).
BOOK_MARKS = {"advance": "T", "late": "C"}
BOOK_LEGEND = ("Ghi chú: số tiền là số đã đóng (đồng); “T”: đóng trước, “C”: đóng chậm (đảng viên tạm miễn sinh hoạt"
               " đi làm ăn xa, Quy định về chế độ đảng phí); {letters}; ô trống: tháng chưa ghi.")
BOOK_TOTALS = "Tổng số đã thu trong năm {year}: {amount} đồng; {months} tháng đóng trước, {late} tháng đóng chậm."
BOOK_BASIS = "{cell}. Mức đóng theo {rules}."
