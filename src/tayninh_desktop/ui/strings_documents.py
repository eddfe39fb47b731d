"""Every Vietnamese text of the "Văn bản" page (forms, preview, printing, the document register, signers)."""

from __future__ import annotations

NAV_DOCUMENTS = "Văn bản"

TAB_PRINT = "In văn bản"
TAB_REGISTER = "Sổ đăng ký văn bản đi"
TAB_SIGNERS = "Người ký và số liệu"
SETTINGS_MOVED = ("Người ký của từng đơn vị, số liệu 2015–2020 của báo cáo Đề án 03, mốc bắt đầu có dữ liệu và "
                  "các nhiệm kỳ đại hội được đặt ở một nơi: trang Cài đặt, mục «Người ký và số liệu».")
SETTINGS_MOVED_OPEN = "Mở trang Cài đặt…"

LABEL_UNIT = "Đơn vị"
LABEL_MEMBER = "Đảng viên"
LABEL_YEAR = "Năm"
LABEL_PERIOD_PART = "Kỳ báo cáo"
LABEL_DATE = "Ngày văn bản"
LABEL_QUESTIONS = "Nội dung biểu quyết"
LABEL_SUMMARY = "Trích yếu"
LABEL_CONTENT = "Nội dung"
SUMMARY_PLACEHOLDER = "Để trống: trích yếu theo mẫu"
CONTENT_PLACEHOLDER = "Mỗi dòng một ý (nghị quyết chi bộ…); văn bản có số chỉ được cấp số khi có nội dung"
QUESTIONS_PLACEHOLDER = "Mỗi dòng một nội dung (phiếu biểu quyết, biên bản kiểm phiếu, hồ sơ kỳ họp)"
COMMITTEE_ITEM = "{name} (toàn đảng bộ)"
NO_MEMBER = "— không chọn —"
MEMBER_WITH_CELL = "{name} — {cell}"
CHOOSE_CELL_FIRST = "Đảng bộ đông đảng viên: chọn chi bộ trước để chọn đảng viên."
FORMS_HEADING = "Mẫu in được cho lựa chọn này:"
FORMS_EMPTY = "Không có mẫu nào cho lựa chọn này."
OFFICE_FORM_NAME = "{name} (mẫu của văn phòng)"

PREVIEW = "Xem trước"
PRINT = "In…"
SAVE_AS = "Lưu thành tệp PDF…"
ISSUE = "Cấp số và lưu…"
BLANK = "Mẫu trắng (viết tay)"
REPRINT = "In lại văn bản đã chọn…"
PRINT_REGISTER = "In sổ đăng ký…"
REPRINT_WORD = "Lưu bản Word của văn bản đã chọn…"
SAVE_WORD = "Lưu thành tệp Word…"
WORD_FILTER = "Tệp Word (*.docx)"
SAVED_WORD = "Đã lưu {path} (tệp Word, cùng thể thức, để hoàn thiện bằng Word)."
WORD_NOT_FOR_DOSSIER = "Hồ sơ kỳ họp gồm nhiều văn bản: lưu tệp Word của từng văn bản trong hồ sơ."
PREVIEW_STALE = "Lựa chọn hoặc nội dung đã thay đổi: bấm «Xem trước» để xem văn bản mới."
NEEDS_FRESH_PREVIEW = "Bấm «Xem trước» trước: chỉ in, lưu và cấp số đúng văn bản vừa xem."
RENDER_OUTDATED = "Lựa chọn đã thay đổi trong lúc dựng văn bản: bấm «Xem trước» lại."

TAB_BODY = "Nội dung văn bản"
TAB_PREVIEW = "Bản xem trước"
BODY_NOT_FOR_FORM = "Mẫu này không có phần nội dung soạn tự do (báo cáo, công văn, tờ trình, quyết định, kế hoạch, thông báo)."
BODY_PLACEHOLDER = ("Gõ nội dung văn bản ở đây. Mỗi đoạn xuống dòng bằng Enter; chọn chữ rồi bấm «Đậm» (Ctrl+B)"
                    " để in đậm; bấm «1. Đánh số» để đánh số các ý.")
BODY_BOLD = "Đậm"
BODY_BOLD_TIP = "In đậm chữ đang chọn (Ctrl+B)"
BODY_NUMBERED = "1. Đánh số"
BODY_NUMBERED_TIP = "Đánh số các đoạn đang chọn: 1., 2., … (quyết định: Điều 1., Điều 2., …); bấm lần nữa để bỏ"
BODY_OUTLINE = "Bắt đầu từ dàn ý của mẫu"
BODY_OUTLINE_TIP = "Điền sẵn các đề mục của mẫu; gõ nội dung dưới mỗi đề mục."
BODY_OUTLINE_NOT_EMPTY = "Chỉ dùng khi ô nội dung còn trống (không ghi đè phần đã gõ)."
BODY_HINT = ("Văn bản in đúng như gõ: đoạn văn, ý đánh số, chữ đậm. Chữ dán từ Word hay trang web chỉ giữ lại chữ."
             " Khi đã cấp số, nội dung được lưu cùng văn bản trong sổ đăng ký để in lại y hệt.")
RENDERING = "Đang dựng văn bản…"
RENDERED = "{pages} trang."
SAVED = "Đã lưu {path} ({pages} trang)."
ISSUED = "Đã cấp số {symbol} và lưu {path}."
NOT_NUMBERED = ("Văn bản chưa có nội dung (giấy giới thiệu: chưa ghi giấy đi ở trang Sinh hoạt đảng) nên chưa cấp số:"
                " đã lưu mẫu {path} để viết tay.")
PRINTED = "Đã gửi {pages} trang tới máy in."
NOTHING_TO_PRINT = "Chưa có văn bản: bấm «Xem trước» trước khi in."
PREVIEW_EMPTY = "Chọn một mẫu và bấm «Xem trước»."
PAGE_OF = "Trang {page}/{pages}"
ZOOM_IN = "Phóng to"
ZOOM_OUT = "Thu nhỏ"
PDF_FILTER = "Tệp PDF (*.pdf)"
SAVE_TITLE = "Lưu văn bản"
REGISTER_COUNT = "{count} văn bản"
REGISTER_ALL_YEARS = "Tất cả các năm"
REGISTER_OF = "Sổ của {unit}"

REGISTER_COLUMNS = ("Số, ký hiệu", "Ngày ban hành", "Loại", "Trích yếu", "Người ký", "Mã kiểm tra")

SIGNERS_HEADING = "Họ tên người ký của từng đơn vị (in ở khối chữ ký)"
SIGNERS_SECRETARY = "Bí thư"
SIGNERS_DEPUTY = "Phó Bí thư"
SIGNERS_SAVE = "Lưu người ký"
SIGNERS_SAVED = "Đã lưu người ký của {unit}."
BASELINE_HEADING = "Số đảng viên bị xóa tên và xin ra khỏi Đảng các năm 2015–2020 (để so sánh trong báo cáo Đề án 03)"
BASELINE_SAVE = "Lưu số liệu 2015–2020"
BASELINE_SAVED = "Đã lưu số liệu 2015–2020 của {unit}."
BASELINE_EMPTY = "—"


def register_count(count: int) -> str:
    return REGISTER_COUNT.format(count=f"{count:,}".replace(",", "."))

SINCE_HEADING = "Sổ đảng viên có số liệu từ ngày (báo cáo Đề án 03 ghi «—» cho các năm trước ngày này)"
SINCE_AUTO = "Tự xác định theo sự kiện, kỳ họp ghi sớm nhất"
SINCE_SAVE = "Lưu mốc số liệu"
SINCE_SAVED = "Đã lưu mốc số liệu của sổ đảng viên."
SINCE_DERIVED = "Theo sổ: có số liệu từ ngày {date} (sự kiện hoặc kỳ họp ghi sớm nhất)."
SINCE_SET = "Văn phòng đã đặt: có số liệu từ ngày {date}."
SINCE_UNKNOWN = "Sổ chưa ghi sự kiện hay kỳ họp nào: báo cáo tính mọi năm."

NO_MEMBER_CHOSEN = "Mẫu này in cho một đảng viên: chọn đảng viên ở ô «Đảng viên» trước."
NO_NUMBER = "Mẫu này không cấp số văn bản (in hoặc lưu là đủ)."
NO_FORM_CHOSEN = "Chọn một mẫu trong danh sách."
BLANK_NO_ISSUE = "Mẫu trắng để viết tay: không cấp số."
PRINT_NEEDS_PREVIEW = "Bấm «Xem trước» trước: lệnh in gửi đúng văn bản đang xem."

TERMS_HEADING = "Nhiệm kỳ cấp ủy: số văn bản ghi từ 01 cho mỗi loại trong một nhiệm kỳ (Hướng dẫn 36-HD/VPTW, điểm 1.3.1)"
TERMS_CLOSED = "Ngày bế mạc đại hội"
TERMS_LABEL = "Tên đại hội (không bắt buộc)"
TERMS_ADD = "Ghi đại hội"
TERMS_REMOVE = "Xóa đại hội đã chọn"
TERMS_SAVED = "Đã ghi đại hội bế mạc ngày {date}."
TERMS_REMOVED = "Đã xóa đại hội bế mạc ngày {date}."
TERMS_NONE = "Chưa ghi đại hội nào: chưa cấp số văn bản được."
TERMS_ITEM = "Bế mạc {date}{label}: nhiệm kỳ từ {start}{end}"
TERMS_ITEM_END = " đến {end}"
TERMS_ITEM_NOW = " đến nay"
RULES_HEADING = "Căn cứ của số văn bản, ngày tháng và số biểu quyết"
RULE_SECTIONS = {
    "vote_help_list": "Biểu quyết đưa vào danh sách giáo dục, giúp đỡ",
    "vote_removal": "Biểu quyết đề nghị xóa tên",
    "vote_resolution": "Biểu quyết nghị quyết hằng tháng",
    "vote_screening": "Biểu quyết sàng lọc sau 12 tháng giúp đỡ",
    "vote_committee": "Đảng ủy biểu quyết đề nghị xóa tên",
    "vote_standing": "Ban thường vụ quyết định xóa tên",
    "numbering": "Số văn bản",
    "date_format": "Ngày, tháng ban hành",
}
RULE_UNCONFIRMED = " — <b>chưa đối chiếu văn bản gốc</b>"
