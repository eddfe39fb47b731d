"""Vietnamese texts of the "Hỗ trợ đảng viên" page (finding and telling, loans, applications, the fund, the
report, the reference data) and of the support line on the home page."""

from __future__ import annotations

NAV_SUPPORT = "Hỗ trợ đảng viên"
TITLE = "Hỗ trợ đảng viên có hoàn cảnh khó khăn"
PLAN_LINE = "Kế hoạch đang áp dụng: <b>{name}</b> ({citation}) — hỗ trợ {share} lãi suất vay NHCSXH."
PLAN_UNCONFIRMED = (" <span style='color:#b45309'><b>CHƯA XÁC NHẬN:</b> {fields} — đối chiếu văn bản rồi sửa ở"
                    " thẻ «Căn cứ và định mức».</span>")
PLAN_NONE = "<span style='color:#b00020'>Không có kế hoạch hỗ trợ nào áp dụng hôm nay: thêm ở thẻ «Căn cứ và định mức».</span>"
NOT_ALLOWED = "Tài khoản này không được xem hoàn cảnh gia đình và khoản vay của đảng viên."

TAB_SCREEN = "Rà soát, thông tin"
TAB_LOANS = "Khoản vay"
TAB_APPLICATIONS = "Hồ sơ đề nghị"
TAB_FUND = "Quỹ hỗ trợ"
TAB_REPORT = "Báo cáo"
TAB_REFERENCE = "Căn cứ và định mức"

CELL = "Chi bộ:"
ALL_CELLS = "Toàn đảng bộ"
BASIS = "Diện:"
ALL_BASES = "Tất cả"
UNTOLD_ONLY = "Chỉ người chưa được thông tin"
REFRESH = "Tính lại"
COMPUTING = "Đang rà soát…"
SCREEN_COLUMNS = ("Họ và tên", "Chi bộ", "Diện", "Đối tượng", "Còn thiếu", "Đã thông tin")
SCREEN_SUMMARY = ("{shown} người đang hiện · toàn đảng bộ: {screened} có thể thuộc diện ({category} theo đối tượng,"
                  " {loan} có khoản vay, {unknown} chưa rõ hoàn cảnh) · đã thông tin {told}")
SCREEN_HELP = ("Danh sách để chi bộ rà soát và thông tin chính sách: người thuộc đối tượng, người có khoản vay NHCSXH,"
               " và người chưa khảo sát hoàn cảnh. Chọn một người rồi dùng các nút bên dưới.")
NOT_TOLD = "Chưa"
TOLD_ON = "{date}"
ACT_TOLD = "Ghi đã thông tin…"
ACT_HOUSEHOLD = "Hoàn cảnh gia đình…"
ACT_LOAN = "Khoản vay mới…"
ACT_APPLY = "Nhận hồ sơ…"
CHOOSE_MEMBER = "Chọn một đảng viên trong danh sách trước."

LOANS_COLUMNS = ("Đảng viên", "Chương trình", "Số khế ước", "Số tiền vay", "Lãi suất", "Ngày vay", "Thời hạn",
                 "Lãi đã trả")
PAYMENTS_COLUMNS = ("Ngày trả lãi", "Số tiền", "Chứng từ", "Nguồn")
PAYMENTS_OF = "Lãi đã trả của khoản vay đang chọn:"
ACT_INTEREST = "Ghi lãi đã trả…"
ACT_EDIT_LOAN = "Sửa khoản vay…"
ACT_IMPORT = "Nhập sao kê Excel của ngân hàng…"
ACT_DELETE_LOAN = "Xóa (ghi nhầm)"
CONFIRM_DELETE_LOAN = "Xóa khoản vay ghi nhầm: {loan}?"
CHOOSE_LOAN = "Chọn một khoản vay trước."
MONTHS = "{n} tháng"

APPLICATIONS_COLUMNS = ("Hồ sơ", "Đảng viên", "Trạng thái", "Kỳ lãi đã trả", "Ngày nộp", "Lãi đã trả", "Hỗ trợ",
                        "Đã chi")
STATE = "Trạng thái:"
ALL_STATES = "Tất cả"
ACT_CHECK = "Kiểm tra…"
ACT_APPROVE = "Duyệt…"
ACT_REJECT = "Từ chối…"
ACT_PAY = "Chi trả…"
ACT_PRINT_APPLICATION = "In đơn…"
ACT_PRINT_APPROVALS = "In danh sách duyệt…"
ACT_PRINT_PAYMENTS = "In danh sách chi trả…"
CHOOSE_APPLICATION = "Chọn một hồ sơ trước."
PERIOD = "Kỳ:"
PERIOD_HINT = "2026, 06/2026, H1/2026"
APPLICATION_DETAIL = "<b>{label}</b> — {state}. {detail}"
DETAIL_COMPUTED = "Cách tính: {text}"
DETAIL_WOULD_BE = "Nếu duyệt hôm nay: {amount} ({text})"
DETAIL_REJECTED = "Lý do từ chối: {reason}"

FUND_COLUMNS = ("Số", "Ngày", "Loại", "Người nộp / hồ sơ", "Số phiếu", "Thu", "Chi", "Tồn", "Ghi chú")
FUND_BALANCE = "Số dư quỹ hiện tại: <b>{balance}</b> · kỳ đang xem: đầu kỳ {opening}, thu {money_in}, chi {money_out}"
FUND_FROM = "Từ ngày:"
FUND_TO = "Đến ngày:"
FUND_SHOW = "Xem"
ACT_CONTRIBUTE = "Ghi đóng góp…"
ACT_REVERSE = "Đảo bút toán…"
ACT_RECEIPT = "In phiếu thu…"
ACT_STATEMENT = "In sổ quỹ…"
ACT_RECONCILE = "Đối chiếu quỹ…"
CHOOSE_ENTRY = "Chọn một bút toán trước."
CHOOSE_CONTRIBUTION = "Chọn một bút toán thu đóng góp để in phiếu thu."
REVERSED_BY = "đã đảo (bút toán {seq})"
FUND_NOTE = "Bút toán không sửa, không xóa: khi ghi nhầm, chọn bút toán và bấm «Đảo bút toán…», ghi lý do."

REPORT_COLUMNS = ("Chi bộ", "Có thể thuộc diện", "Đã thông tin", "Hồ sơ", "Được duyệt", "Đã chi trả", "Từ chối",
                  "Số tiền duyệt", "Số tiền đã chi")
REPORT_SHOW = "Xem số liệu"
REPORT_PRINT = "In báo cáo (đánh số)…"
REPORT_FUND = "Quỹ trong kỳ: đầu kỳ {opening}, thu {contributions}, chi {disbursements}, cuối kỳ {closing}."
REPORT_TOTAL = "Cộng toàn đảng bộ"

REFERENCE_HELP = ("Các giá trị có căn cứ (số, ngày văn bản) và thời gian hiệu lực. Dòng tô vàng có giá trị CHƯA XÁC NHẬN"
                  " với văn bản gốc: đối chiếu rồi sửa (văn phòng giữ bản sửa; bản mặc định vẫn còn để khôi phục).")
PLANS_TITLE = "Kế hoạch hỗ trợ"
PLANS_COLUMNS = ("Mã", "Chưa xác nhận", "Căn cứ", "Hiệu lực", "Tỷ lệ", "Vốn vay tối đa", "Tối đa/năm",
                 "Thời gian", "Làm tròn")
PROGRAMMES_TITLE = "Chương trình cho vay của Ngân hàng Chính sách xã hội"
PROGRAMMES_COLUMNS = ("Chương trình", "Chưa xác nhận", "Lãi suất", "Hỗ trợ?", "Căn cứ", "Hiệu lực")
POVERTY_TITLE = "Chuẩn nghèo (thu nhập bình quân đầu người/tháng)"
POVERTY_COLUMNS = ("Chuẩn", "Chưa xác nhận", "Căn cứ", "Hiệu lực", "Nông thôn", "Thành thị", "TB nông thôn đến",
                   "TB thành thị đến")
EDIT_SECTION = "Sửa…"
RESET_SECTION = "Dùng lại mặc định"
EDITED = " (văn phòng đã sửa)"
YES = "Có"
NO = "Không"
ALL_FIELDS = "toàn bộ"
OPEN_END = "nay"
REFERENCE_EDITOR_TITLE = "Sửa: {section}"
REFERENCE_EDITOR_HELP = ("Sửa trực tiếp trong bảng. Ngày dạng dd/mm/yyyy; tiền là số đồng; lãi suất, tỷ lệ như 6,6."
                         " Cột «Chưa xác nhận»: để trống khi đã đối chiếu văn bản gốc; ghi «toàn bộ», hoặc tên các"
                         " cột chưa xác nhận cách nhau bằng dấu chấm phẩy. Khi có văn bản mới: thêm dòng, đặt ngày"
                         " hết hiệu lực cho dòng cũ.")
ADD_ROW = "Thêm dòng"
REMOVE_ROW = "Xóa dòng"
SAVED = "Đã lưu."
CONFIRM_RESET = "Bỏ bản sửa của văn phòng và dùng lại giá trị mặc định cho «{section}»?"
CONFIRM_APPLY_IMPORT = ("Tệp {file}: {added} dòng mới, {unchanged} dòng đã có, {refused} dòng bị từ chối.\n"
                        "Ghi {added} dòng mới? (Báo cáo từng dòng lưu được ở nút «Lưu báo cáo»)")
IMPORT_TITLE = "Nhập lãi đã trả từ sao kê của ngân hàng"
IMPORT_COLUMNS = ("Dòng", "Kết quả", "Đảng viên", "Ngày trả", "Số tiền", "Lý do")
IMPORT_APPLY = "Ghi các dòng hợp lệ"
IMPORT_REPORT = "Lưu báo cáo từng dòng…"
IMPORT_DONE = "Đã ghi {count} lần trả lãi."
IMPORT_SUMMARY = "{file}, trang «{sheet}»: {added} dòng mới, {unchanged} đã có, {refused} bị từ chối."
XLSX_FILTER = "Bảng tính Excel (*.xlsx *.xls)"
PDF_FILTER = "Tệp PDF (*.pdf)"
SAVED_PDF = "Đã in {pages} trang: {path}"

CHECKLIST_TITLE = "Kiểm tra hồ sơ {label}"
CHECKLIST_HELP = ("Đánh dấu từng mục đạt và ghi giấy tờ chứng minh. Mục nào không đạt thì không ghi kiểm tra mà"
                  " bấm «Từ chối…» với lý do.")
CHECKLIST_ITEM = "Mục kiểm tra"
CHECKLIST_OK = "Đạt"
CHECKLIST_EVIDENCE = "Giấy tờ chứng minh"

DLG_TOLD = "Ghi đã thông tin chính sách"
DLG_HOUSEHOLD = "Hoàn cảnh gia đình năm {year}"
DLG_LOAN = "Khoản vay Ngân hàng Chính sách xã hội"
DLG_INTEREST = "Lãi đã trả"
DLG_APPLY = "Nhận hồ sơ đề nghị hỗ trợ lãi suất"
DLG_APPROVE = "Duyệt hồ sơ {label}"
DLG_REJECT = "Từ chối hồ sơ {label}"
DLG_PAY = "Chi trả hồ sơ {label} (còn phải chi {left})"
DLG_CONTRIBUTE = "Ghi đóng góp vào Quỹ hỗ trợ"
DLG_REVERSE = "Đảo bút toán số {seq}: {what} {amount}"

HOME_SUPPORT = ("<b>Hỗ trợ đảng viên khó khăn:</b> {eligible} đảng viên có thể thuộc diện hỗ trợ <b>chưa được thông"
                " tin</b> chính sách{cells}; {unknown} đảng viên chưa rõ hoàn cảnh, chưa được thông tin.")
HOME_SUPPORT_CELLS = " ({cells})"
HOME_SUPPORT_LINK = " <a href='support'>Xem danh sách</a>"
HOME_SUPPORT_NONE = "<b>Hỗ trợ đảng viên khó khăn:</b> mọi đảng viên có thể thuộc diện đã được thông tin chính sách."
HOME_SUPPORT_COMPUTING = "Hỗ trợ đảng viên khó khăn: đang rà soát…"

MEETING_PRESENTED = "Có phổ biến chính sách hỗ trợ đảng viên có hoàn cảnh khó khăn ({plan})"
MEETING_PRESENTED_HINT = ("Đánh dấu khi buổi sinh hoạt có nội dung này: người có mặt được ghi đã thông tin; người vắng"
                          " được liệt kê để thông tin trực tiếp.")
MEETING_TO_TELL = "Cần thông tin trực tiếp cho người vắng: {names}."
MEETING_TOLD = "Đã ghi {count} người có mặt được thông tin chính sách hỗ trợ."


def money(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,} đ".replace(",", ".")

# The "Hỗ trợ" tab of a member's record (read-only; its buttons open the support page's editors).
TAB_MEMBER = "Hỗ trợ"
MEMBER_HELP = ("Hoàn cảnh, khoản vay, việc thông tin chính sách và hồ sơ hỗ trợ lãi suất của đảng viên này "
               "(chỉ xem; các nút mở đúng mẫu nhập của trang «Hỗ trợ đảng viên»).")
MEMBER_HOUSEHOLDS = "Hoàn cảnh gia đình theo năm"
MEMBER_LOANS = "Khoản vay Ngân hàng Chính sách xã hội và lãi đã trả"
MEMBER_OUTREACH = "Đã được thông tin chính sách"
MEMBER_APPLICATIONS = "Hồ sơ đề nghị hỗ trợ lãi suất"
MEMBER_HOUSEHOLD_COLUMNS = ("Năm", "Phân loại", "Giấy chứng nhận", "Xuất ngũ", "Thu nhập/người/tháng", "Ghi chú")
MEMBER_LOAN_COLUMNS = ("Chương trình", "Hợp đồng", "Số tiền vay", "Lãi suất", "Ngày vay", "Thời hạn",
                       "Lãi đã trả")
MEMBER_OUTREACH_COLUMNS = ("Ngày", "Cách thông tin", "Người thông tin", "Ghi chú")
MEMBER_APPLICATION_COLUMNS = ("Hồ sơ", "Kỳ lãi", "Ngày nộp", "Trạng thái", "Số tiền hỗ trợ")
MEMBER_NONE = "Chưa ghi."
MEMBER_PAYMENTS = "{amount} ({count} lần)"
