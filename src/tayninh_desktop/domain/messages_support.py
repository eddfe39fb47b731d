"""Sentences, field labels and state labels of the support programme (hardship support, loans, the fund)."""

FIELD_LABELS: dict[str, str] = {
    "plan": "Kế hoạch hỗ trợ",
    "programmes": "Chương trình cho vay NHCSXH",
    "poverty_lines": "Chuẩn nghèo",
    "classification": "Hoàn cảnh gia đình",
    "certificate_number": "Số giấy chứng nhận",
    "certificate_date": "Ngày cấp giấy chứng nhận",
    "certificate_issuer": "Nơi cấp giấy chứng nhận",
    "discharged": "Xuất ngũ",
    "discharged_on": "Ngày xuất ngũ",
    "income_per_person": "Thu nhập bình quân (đ/người/tháng)",
    "area": "Khu vực",
    "household_notes": "Ghi chú về hoàn cảnh",
    "programme": "Chương trình vay",
    "contract_number": "Số khế ước / sổ vay vốn",
    "loan_amount": "Số tiền vay",
    "rate": "Lãi suất (%/năm)",
    "start_date": "Ngày vay",
    "term_months": "Thời hạn vay (tháng)",
    "purpose": "Mục đích sử dụng vốn",
    "loan_notes": "Ghi chú",
    "loan_id": "Khoản vay",
    "paid_on": "Ngày trả lãi",
    "interest_amount": "Số tiền lãi đã trả",
    "period_from": "Từ ngày",
    "period_to": "Đến ngày",
    "reference": "Số biên lai / chứng từ",
    "told_on": "Ngày thông tin",
    "told_by": "Người thông tin",
    "how": "Hình thức thông tin",
    "outreach_notes": "Ghi chú",
    "submitted_on": "Ngày nộp hồ sơ",
    "application_notes": "Ghi chú",
    "checklist": "Danh mục kiểm tra",
    "checked_on": "Ngày kiểm tra",
    "checked_by": "Người kiểm tra",
    "approved_on": "Ngày duyệt",
    "approved_by": "Người duyệt",
    "decision_number": "Số văn bản duyệt",
    "rejected_on": "Ngày từ chối",
    "rejection_reason": "Lý do từ chối",
    "payment_amount": "Số tiền chi",
    "entry_date": "Ngày ghi sổ",
    "contributor": "Người / đơn vị đóng góp",
    "contributor_kind": "Loại người đóng góp",
    "contribution_amount": "Số tiền đóng góp",
    "receipt_number": "Số phiếu thu",
    "reversal_reason": "Lý do đảo bút toán",
    "entry_id": "Bút toán",
    "date_from": "Từ ngày",
    "date_to": "Đến ngày",
    "counted": "Số tiền thực có (kiểm quỹ)",
    "statement_file": "Tệp sao kê",
    "application_id": "Hồ sơ",
}

MESSAGES: dict[str, str] = {
    "reference_invalid": "{field_label}, dòng {row}, trường «{key}»: {reason}.",
    "reference_overlap": "{field_label}: thời gian hiệu lực của {first} và {second} chồng nhau (ngày {day}).",
    "reference_empty": "{field_label}: cần ít nhất một bản ghi.",
    "reference_file_unreadable": "Tệp {file}: không đọc được dữ liệu tham chiếu ({reason}).",
    "reference_unknown_section": "Phần «{value}» không có trong dữ liệu tham chiếu hỗ trợ đảng viên.",
    "no_plan_on": "{field_label}: ngày {date} không có kế hoạch hỗ trợ nào đang áp dụng.",
    "household_exists": "{field_label}: đảng viên {name} đã có hoàn cảnh gia đình năm {year}; sửa bản ghi đó.",
    "household_not_found": "Không tìm thấy hoàn cảnh gia đình (mã {household_id}).",
    "household_year_out": "{field_label}: năm {year} ngoài thời gian đảng viên {name} trong sổ ({joined}–{until}).",
    "bad_money": "{field_label}: «{value}» không phải số tiền hợp lệ (số đồng nguyên, ví dụ 5.000.000).",
    "money_not_positive": "{field_label}: số tiền phải lớn hơn 0.",
    "bad_rate": "{field_label}: «{value}» không phải lãi suất hợp lệ (ví dụ 6,6 — phần trăm một năm).",
    "rate_implausible": "{field_label}: {value} %/năm không hợp lý — lãi suất chương trình «{programme}» là {rate}"
                        " ({basis}); tối đa chấp nhận {limit}.{hint}",
    "rate_hint": " Có phải {suggestion} %/năm?",
    "unknown_programme": "{field_label}: «{value}» không phải chương trình cho vay của NHCSXH có trong danh mục.",
    "loan_not_found": "Không tìm thấy khoản vay (mã {loan_id}).",
    "loan_in_use": "Khoản vay {contract} đã có {payments} lần trả lãi và {applications} hồ sơ đề nghị: không xóa;"
                   " hãy sửa khoản vay nếu ghi sai.",
    "loan_not_of_member": "{field_label}: khoản vay {contract} không phải của đảng viên {name}.",
    "duplicate_contract": "{field_label}: số {value} đã có ở khoản vay của đảng viên {name}.",
    "loan_start_after_payment": "{field_label}: ngày vay {start} sau lần trả lãi đầu tiên ({first}) — kiểm tra lại"
                                " ngày vay hoặc ngày trả lãi.",
    "payment_before_loan": "{field_label}: ngày trả lãi {value} trước ngày vay {start} của khoản vay {contract}.",
    "payment_after_loan": "{field_label}: ngày trả lãi {value} sau ngày khoản vay hết hạn ({end}).",
    "payment_duplicate": "{field_label}: khoản vay {contract} đã có lần trả lãi {amount} ngày {value}.",
    "payment_not_found": "Không tìm thấy lần trả lãi (mã {payment_id}).",
    "payment_in_approved": "Lần trả lãi ngày {value} đã được tính trong hồ sơ {application} (đã duyệt): không xóa.",
    "period_reversed": "{field_label}: ngày {value} trước ngày bắt đầu kỳ ({start}).",
    "period_after_submission": "{field_label}: kỳ đề nghị kết thúc ngày {value}, sau ngày nộp hồ sơ ({submitted}).",
    "period_outside_plan": "{field_label}: kỳ {start}–{end} không nằm trọn trong thời gian của {plan}"
                           " ({plan_from}–{plan_to}).",
    "member_not_active": "{field_label}: đảng viên {name} không có trong sổ của đảng bộ vào ngày {date}.",
    "not_in_category": "{field_label}: ngày {date}, đảng viên {name} không thuộc đối tượng của {plan}"
                       " ({categories}); hoàn cảnh năm {year}: {found}.",
    "no_household_for": "{field_label}: chưa ghi hoàn cảnh gia đình năm {year} của đảng viên {name} — ghi hoàn"
                        " cảnh (có giấy chứng nhận) trước khi nhận hồ sơ.",
    "programme_not_eligible": "{field_label}: chương trình «{programme}» không thuộc phạm vi hỗ trợ của {plan}"
                              " (chỉ vốn vay để sản xuất, kinh doanh, tạo việc làm).",
    "loan_not_running": "{field_label}: khoản vay {contract} không còn hiệu lực trong kỳ {start}–{end}"
                        " (vay {loan_start}, hết hạn {loan_end}).",
    "application_overlap": "{field_label}: khoản vay {contract} đã có hồ sơ {other} cho kỳ {start}–{end}.",
    "no_interest_in_period": "{field_label}: khoản vay {contract} chưa có lần trả lãi nào trong kỳ {start}–{end}"
                             " — nhập lãi đã trả theo sao kê của ngân hàng trước.",
    "application_not_found": "Không tìm thấy hồ sơ đề nghị hỗ trợ (mã {application_id}).",
    "application_wrong_state": "Hồ sơ {application} đang ở trạng thái «{state}»: không thể {action}.",
    "checklist_incomplete": "{field_label}: mục «{item}» chưa được đánh dấu đạt.",
    "checklist_no_evidence": "{field_label}: mục «{item}» đạt nhưng chưa ghi giấy tờ chứng minh.",
    "checklist_unknown_item": "{field_label}: «{value}» không có trong danh mục kiểm tra của {plan}.",
    "support_zero": "Hồ sơ {application}: số tiền hỗ trợ tính được là 0 đ ({why}); không duyệt được.",
    "payment_above_approved": "{field_label}: {value} vượt số được duyệt còn lại của hồ sơ {application}"
                              " ({left}; đã duyệt {approved}, đã chi {paid}).",
    "fund_insufficient": "{field_label}: {value} lớn hơn số dư quỹ ngày {date} ({balance}).",
    "fund_would_go_negative": "{field_label}: sau bút toán này quỹ bị âm {value} vào ngày {date}; quỹ không được"
                              " chi quá số dư.",
    "duplicate_receipt": "{field_label}: số phiếu thu {value} đã dùng cho khoản đóng góp ngày {date} của {who}.",
    "entry_not_found": "Không tìm thấy bút toán (mã {entry_id}).",
    "reverse_reversal": "{field_label}: bút toán {value} là bút toán đảo; không đảo một bút toán đảo — ghi lại bút"
                        " toán đúng nếu cần.",
    "already_reversed": "{field_label}: bút toán {value} đã được đảo ngày {date}.",
    "reversal_before_entry": "{field_label}: ngày đảo {value} trước ngày của bút toán gốc ({date}).",
    "entry_before_plan": "{field_label}: ngày {value} trước khi có chương trình hỗ trợ ({date}).",
    "statement_period_reversed": "{field_label}: ngày {value} trước ngày bắt đầu ({start}).",
    "told_duplicate": "{field_label}: đảng viên {name} đã được ghi thông tin ngày {value} ({how}).",
    "told_before_joining": "{field_label}: ngày {value} đảng viên {name} chưa vào Đảng (vào Đảng {joined}).",
    "presentation_empty": "Buổi sinh hoạt ngày {date} không có đảng viên nào có mặt để ghi đã được thông tin.",
    "support_import_no_header": "Tệp {file}, trang «{sheet}»: không tìm thấy dòng tiêu đề có cột số tiền lãi và"
                                " ngày trả lãi (cùng số khế ước, họ tên hoặc CCCD) trong {rows} dòng đầu.",
    "support_import_rows_refused": "Có {refused} dòng không nhập được; xem báo cáo từng dòng, sửa tệp rồi nhập lại"
                                   " (hoặc chỉ nhập các dòng hợp lệ).",
    "report_period": "{field_label}: «{value}» không phải kỳ báo cáo (năm như 2026, tháng như 06/2026,"
                     " hoặc từ ngày đến ngày).",
}

HOUSEHOLD_LABELS = {"ngheo": "Hộ nghèo", "can_ngheo": "Hộ cận nghèo", "muc_song_trung_binh": "Hộ có mức sống trung bình",
                    "khac": "Không thuộc các diện trên"}
DISCHARGED_LABELS = {"": "Không", "quan_doi": "Quân nhân hoàn thành nghĩa vụ quân sự",
                     "cong_an": "Công an hoàn thành nghĩa vụ, xuất ngũ"}
CATEGORY_LABELS = {"xuat_ngu": "Quân nhân, công an xuất ngũ về địa phương", "ngheo": "Hộ nghèo",
                   "can_ngheo": "Hộ cận nghèo", "muc_song_trung_binh": "Hộ có mức sống trung bình"}
STATE_LABELS = {"da_nop": "Đã nộp", "da_kiem_tra": "Đã kiểm tra", "da_duyet": "Đã duyệt", "da_chi": "Đã chi trả",
                "tu_choi": "Từ chối"}
ACTION_LABELS = {"check": "kiểm tra", "approve": "duyệt", "reject": "từ chối", "pay": "chi trả"}
FUND_KIND_LABELS = {"thu": "Thu đóng góp", "chi": "Chi hỗ trợ", "dao": "Đảo bút toán"}
CONTRIBUTOR_KIND_LABELS = {"don_vi": "Đơn vị, tổ chức", "ca_nhan": "Cá nhân"}
BASIS_LABELS = {"doi_tuong": "Thuộc đối tượng", "khoan_vay": "Có khoản vay NHCSXH", "chua_ro": "Chưa rõ hoàn cảnh"}
MISSING_LABELS = {"hoan_canh": "chưa ghi hoàn cảnh gia đình năm {year}", "khoan_vay": "chưa ghi khoản vay NHCSXH",
                  "giay_chung_nhan": "chưa ghi số giấy chứng nhận", "muc_song": "thu nhập dưới mức sống trung bình,"
                  " xem lại diện hộ"}
AREA_LABELS = {"nong_thon": "Nông thôn", "thanh_thi": "Thành thị"}
