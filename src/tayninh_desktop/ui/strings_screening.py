"""Vietnamese texts of the screening page (rà soát, giáo dục, giúp đỡ, sàng lọc, đưa ra khỏi Đảng)."""

from __future__ import annotations

from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS
from tayninh_desktop.domain.messages_screening import (
    CASE_KIND_LABELS,
    CRITERION_LABELS,
    FORM_LABELS,
    SELF_REVIEW_LABELS,
    SIGN_LEVEL_LABELS,
    SOURCE_LABELS,
    STATE_LABELS,
)

NAV_SCREENING = "Rà soát, sàng lọc"
TITLE = "Rà soát, giáo dục, giúp đỡ, sàng lọc đảng viên (Đề án 03)"
YEAR = "Năm:"
CELL = "Chi bộ:"
ALL_CELLS = "Toàn đảng bộ"
RUN = "Rà soát lại"
COMPUTING = "Đang rà soát năm {year}…"
FAILED = "Không rà soát được: {error}"
TAB_SIGNS = "Dấu hiệu phát hiện"
TAB_CASES = "Hồ sơ"
TAB_RESULTS = "Kết quả, chỉ tiêu"
SIGNS_COLUMNS = ("Mức", "Đảng viên", "Chi bộ", "Dấu hiệu", "Số liệu", "Căn cứ", "Hồ sơ")
SIGNS_SUMMARY = ("Năm {year} (tính đến ngày {as_of}): {count} dấu hiệu ở {members} đảng viên. Dấu hiệu chỉ là đề xuất"
                 " để chi ủy xem xét; không tự thay đổi gì trong sổ đảng viên.")
SIGNS_NONE = "Năm {year}: không phát hiện dấu hiệu nào."
SIGN_HAS_CASE = "Đang có hồ sơ"
OPEN_FROM_SIGN = "Lập hồ sơ từ dấu hiệu…"
PICK_SIGN = "Chọn một dấu hiệu trong danh sách."
RULES_SET_ASIDE = "Tệp quy tắc bị bỏ qua (các dấu hiệu khác vẫn được rà soát):"
RULES_CODES = " — các dấu hiệu không rà soát: {codes}"

CASES_COLUMNS = ("Đảng viên, chi bộ", "Hồ sơ", "Bước tiếp theo", "Hạn")
CASE_CLOSED = "Đã kết thúc"
CASES_SHOW = "Hiện:"
CASES_OPEN_ONLY = "Đang xử lý"
CASES_ALL = "Tất cả"
CASES_NONE = "Chưa có hồ sơ nào. Lập hồ sơ từ một dấu hiệu (thẻ «Dấu hiệu phát hiện») hoặc bấm «Lập hồ sơ mới»."
NEW_CASE = "Lập hồ sơ mới…"
PICK_CELL = "Chọn một chi bộ ở ô «Chi bộ» trước."
PICK_CASE = "Chọn một hồ sơ để xem các bước và bước tiếp theo."
NEXT_STEP = "Bước tiếp theo"
NEXT_DEADLINE = "Hạn: {deadline}"
OVERDUE = " — đã quá hạn"
DO_NEXT = "Ghi bước này…"
WITHDRAW = "Rút hồ sơ…"
PRINT = "In văn bản…"
PRINT_PICK = "Văn bản của hồ sơ"
PRINTED = "Đã in {path} ({pages} trang{symbol})."
STEPS = "Các bước đã ghi"
CASE_HEAD = "{name} — {cell}"
CASE_LINE = "{what} · {state}{outcome} · lập ngày {opened}"
EVIDENCE = "Dấu hiệu: {evidence}"
ESCALATION = "{text}"
STEP_ROW = "{date}  {words}"

RESULTS_COLUMNS = ("Chi bộ", "Dấu hiệu", "Đưa vào\ndanh sách", "Được\ngiúp đỡ", "Tiến bộ", "Xóa tên", "Khai trừ",
                   "Xin ra", "Định cư", "So với\nnăm trước", "So với BQ\n2015–2020", "Được phân bổ")
RESULTS_HINT = ("Xóa tên và xin ra khỏi Đảng là chỉ tiêu kéo giảm của Đề án (so với năm trước và với bình quân"
                " 2015–2020 đã nhập ở trang Văn bản). Số được phân bổ: theo văn bản của cấp trên.")
SET_ALLOTMENT = "Ghi số được phân bổ…"
ALLOTMENT_NEAR = "Sắp đến số được phân bổ"
ALLOTMENT_OVER = "Vượt số được phân bổ"
ALLOTMENT_RULE = "Mức nhắc: {share}% số được phân bổ — {basis}"

DLG_OPEN = "Lập hồ sơ — {name}"
DLG_STEP = "{step} — {name}"
DLG_WITHDRAW = "Rút hồ sơ — {name}"
DLG_ALLOTMENT = "Số đảng viên xóa tên, xin ra khỏi Đảng được phân bổ — {unit}"
DLG_DATE_HINT = "ngày/tháng/năm"
DLG_INVALID_HINT = "để trống: phần còn lại"
DLG_NOT_REMOVED = "Cấp có thẩm quyền quyết định KHÔNG đưa ra khỏi Đảng"
DLG_NUMBER_HINT = "để trống nếu chương trình đã in quyết định cho hồ sơ này"
DLG_REVIEW_FORM = "Nếu không được công nhận tiến bộ: hình thức đề nghị"
SELF_REVIEW_CHOICES = (("yeu_cau_kiem_diem", "Chi ủy yêu cầu viết bản tự kiểm điểm"), *(
    (key, label) for key, label in SELF_REVIEW_LABELS.items()))

KIND_CHOICES = tuple((key, label[:1].upper() + label[1:]) for key, label in CASE_KIND_LABELS.items())
CRITERION_CHOICES = (("", "—"), *CRITERION_LABELS.items())
FORM_CHOICES = (("", "—"), *((k, v) for k, v in FORM_LABELS.items() if k != "khai_tru"))
GROUND_CHOICES = (("", "—"), *((k, EXIT_GROUNDS[k]) for k in ("bo_sinh_hoat", "khong_dong_dang_phi", "tra_the",
                                                              "khong_tien_bo", "vi_pham_tu_cach",
                                                              "tieu_chuan_chinh_tri", "dinh_cu")))
LOCAL_SOURCES = tuple((k, SOURCE_LABELS[k]) for k in ("mat_tran", "noi_lam_viec"))
LEVEL_LABELS = SIGN_LEVEL_LABELS
STATE_WORDS = STATE_LABELS
ACTION_TITLES = {
    "propose": "Chi ủy đề xuất", "opinion_local": "Ý kiến nơi cư trú, nơi làm việc",
    "opinion_superior": "Ý kiến cấp ủy cấp trên", "vote_help": "Biểu quyết đưa vào danh sách",
    "helper": "Phân công giúp đỡ", "commitment": "Bản cam kết", "progress": "Theo dõi, nhận xét",
    "review": "Biểu quyết sàng lọc", "request_letter": "Đơn của đảng viên", "self_review": "Tự kiểm điểm",
    "vote_cell": "Chi bộ biểu quyết", "vote_committee": "Đảng ủy biểu quyết",
    "vote_standing": "Ban Thường vụ biểu quyết", "decision": "Quyết định", "card": "Thu hồi thẻ đảng viên",
}
# The papers a case can print, by the step it is at (form id, label).
CASE_PAPERS = (("phieu_bieu_quyet", "Phiếu biểu quyết"), ("bien_ban_kiem_phieu", "Biên bản kiểm phiếu (chi bộ)"),
               ("bien_ban_kiem_phieu_dang_uy", "Biên bản kiểm phiếu (Đảng ủy)"),
               ("bien_ban_kiem_phieu_ban_thuong_vu", "Biên bản kiểm phiếu (Ban Thường vụ)"),
               ("ban_cam_ket", "Bản cam kết"), ("nghi_quyet_ket_qua_giup_do", "Nghị quyết kết quả giúp đỡ"),
               ("nghi_quyet_de_nghi_xoa_ten", "Nghị quyết đề nghị xóa tên"),
               ("to_trinh_xoa_ten", "Tờ trình đề nghị xóa tên"), ("quyet_dinh", "Quyết định"),
               ("ho_so_hop_chi_bo", "Hồ sơ kỳ họp chi bộ biểu quyết (phiếu, kiểm phiếu, nghị quyết)"))
LIST_PAPERS = (("danh_sach_du_kien_giup_do", "Danh sách dự kiến cần giúp đỡ"),
               ("nghi_quyet_danh_sach_giup_do", "Nghị quyết đưa vào danh sách"),
               ("nghi_quyet_phan_cong_giup_do", "Nghị quyết phân công giúp đỡ"),
               ("bao_cao_ket_qua_ra_soat", "Báo cáo kết quả gửi cấp trên"))
PRINT_LIST = "In danh sách, nghị quyết…"
HOME_HELP_DUE = ("Giáo dục, giúp đỡ 12 tháng: {passed} đồng chí đã hết hạn mà chi bộ chưa biểu quyết sàng lọc, {coming}"
                 " đồng chí sắp hết hạn — nhấn đúp vào dòng «Hết hạn 12 tháng giúp đỡ» để mở hồ sơ.")

# Progress notes at a cell meeting; correcting a recorded step.
NO_MEETING = "— không gắn với kỳ họp nào"
DLG_MEETING_DATE_HINT = "để trống khi đã chọn kỳ họp: lấy ngày kỳ họp"
NO_MEETINGS_YET = (" Chưa có kỳ họp nào của chi bộ trong thời gian giúp đỡ được ghi ở trang «Sinh hoạt chi bộ»: ghi"
                   " kỳ họp trước để gắn nhận xét với kỳ họp.")
CORRECT = "Sửa bước đã chọn…"
DLG_CORRECT = "Sửa bước «{step}» ngày {date} — {name}"
CORRECT_HINT = ("Bước ghi nhầm không bị xóa: bước sửa thay cho nó, bước cũ vẫn được giữ trong hồ sơ và ghi «đã sửa»,"
                " cùng lý do sửa. Hồ sơ không phải rút.")
PICK_STEP = "Chọn một bước trong danh sách «Các bước đã ghi» để sửa."
STEP_NOT_CORRECTABLE = "Bước «{step}» không sửa được ở đây: {why}."
STEP_CORRECTED_ALREADY = "Bước này đã được sửa; hãy chọn bước sửa (đang có hiệu lực)."
CORRECTED_TOOLTIP = "Bước này đã được sửa: {reason}"
SIGNS_MORE = "\n({count} dấu hiệu)"


def sign_level_text(level: str, count: int) -> str:
    """The strongest sign's level, and how many signs the member has ("Căn cứ xóa tên\n(3 dấu hiệu)")."""
    return LEVEL_LABELS[level] + (SIGNS_MORE.format(count=count) if count > 1 else "")
