"""Vietnamese texts of the lists page and the import wizard (importing, exporting, cross-checking)."""

from __future__ import annotations

from tayninh_desktop.domain.messages_import import CROSSCHECK_LABELS, ROW_STATUS_LABELS, TARGET_LABELS

NAV_LISTS = "Nhập / xuất danh sách"

PAGE_IMPORT_TITLE = "Nhập danh sách đảng viên từ Excel"
PAGE_IMPORT_HELP = ("Đọc danh sách đang lưu bằng Excel (.xlsx, hoặc .xls của Excel 97–2003), kể cả tệp gõ bằng"
                    " phông TCVN3 (.VnTime) hay VNI. Chương trình chạy thử trước và báo cáo từng dòng;"
                    " chỉ ghi vào sổ khi anh/chị đồng ý.")
PAGE_IMPORT_BUTTON = "Chọn tệp và nhập…"
PAGE_EXPORT_TITLE = "Xuất danh sách ra Excel"
PAGE_EXPORT_HELP = "Danh sách đảng viên có trong sổ vào ngày đã chọn, sẵn sàng để in (A4 ngang) hoặc nhập liệu."
PAGE_EXPORT_BUTTON = "Xuất ra tệp Excel…"
PAGE_CROSSCHECK_TITLE = "Đối chiếu danh sách của chi bộ với sổ"
PAGE_CROSSCHECK_HELP = ("So danh sách chi bộ gửi lên (tệp Excel) với sổ đảng viên vào một ngày: ai thiếu ở bên nào,"
                        " thông tin nào khác nhau.")
PAGE_CROSSCHECK_BUTTON = "Chọn tệp danh sách và đối chiếu…"
SAVE_CROSSCHECK = "Lưu kết quả đối chiếu ra Excel…"
LABEL_CELL = "Chi bộ:"
LABEL_LAYOUT = "Mẫu:"
LABEL_ON = "Vào ngày:"
ALL_CELLS = "Toàn đảng bộ (tất cả chi bộ)"
LAYOUTS = (("mau7", "Sổ danh sách đảng viên (Mẫu 7-HSĐV)"), ("flat", "Danh sách đơn giản (mỗi người một dòng)"))
EXPORTED = "Đã xuất {count} đảng viên ra tệp {path}."
CROSSCHECK_COLUMNS = ("Kết quả", "Họ và tên", "Ngày sinh", "Dòng trong tệp", "Chi tiết")
CROSSCHECK_SUMMARY = "Danh sách «{file}» so với sổ ngày {on}: {counts}."
CROSSCHECK_AGREES = "Danh sách khớp hoàn toàn với sổ."
SAVED_TO = "Đã lưu: {path}"
XLSX_FILTER = "Bảng tính Excel (*.xlsx)"
OPEN_FILTER = "Bảng tính Excel (*.xlsx *.xls);;Mọi tệp (*)"
WORKING = "Đang xử lý, xin chờ…"

WIZARD_TITLE = "Nhập danh sách đảng viên từ Excel"
STEP_FILE = "Bước 1/5 — Chọn tệp"
STEP_FILE_SUB = "Chọn tệp danh sách và chi bộ sẽ nhận những đảng viên mới (nếu tệp không có cột «Chi bộ»)."
FILE_LABEL = "Tệp danh sách:"
BROWSE = "Chọn tệp…"
CELL_FOR_NEW = "Chi bộ nhận đảng viên mới:"
CELL_FROM_FILE = "(lấy theo cột «Chi bộ» trong tệp)"
NO_FILE = "Hãy chọn tệp danh sách."
READING = "Đang đọc tệp…"

STEP_MAPPING = "Bước 2/5 — Các cột của tệp"
STEP_MAPPING_SUB = ("Chương trình đã đoán mỗi cột chứa thông tin gì. Kiểm tra cột «Dùng làm»; nếu đoán sai, chọn lại"
                    " trong danh sách.")
MAPPING_INFO = "Tệp «{file}» — trang «{sheet}» — dòng tiêu đề: dòng {row}."
MAPPING_REMEMBERED = " Cách gán cột lấy theo lần nhập trước."
MAPPING_COLUMNS = ("Cột", "Tiêu đề trong tệp", "Dùng làm", "Ví dụ (dòng đầu)")
MAPPING_MISSING = "Còn thiếu cột bắt buộc: {fields}. Các dòng sẽ bị từ chối nếu không chọn cột cho thông tin này."
REMEMBER = "Ghi nhớ cách gán cột này cho lần sau"
CHECKING = "Đang chạy thử (chưa ghi gì vào sổ)…"

STEP_PREVIEW = "Bước 3/5 — Chuyển mã chữ Việt"
STEP_PREVIEW_SUB = "Chữ gõ bằng phông cũ (TCVN3/ABC, VNI) được đổi sang Unicode. Xem lại trước khi nhập."
PREVIEW_COLUMNS = ("Bảng mã cũ", "Như trong tệp", "Sau khi chuyển")
PREVIEW_NONE = "Tệp đã dùng chữ Unicode: không cần chuyển mã."
PREVIEW_SOME = "{count} ví dụ chữ đã được chuyển mã:"
ENCODING_NAMES = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI (VNI-Times)"}

STEP_REPORT = "Bước 4/5 — Kết quả chạy thử"
STEP_REPORT_SUB = "Chưa có gì được ghi vào sổ. Xem từng dòng; sửa tệp rồi nhập lại nếu cần."
REPORT_COLUMNS = ("Dòng", "Kết quả", "Họ và tên", "Lý do / thay đổi")
REPORT_SUMMARY = "Thêm mới {added} · Cập nhật {updated} · Không đổi {unchanged} · Chờ quyết định {held} · Từ chối {refused}"
REPORT_FILTER = (("all", "Tất cả các dòng"), ("problems", "Chỉ dòng bị từ chối / chờ quyết định"),
                 ("changes", "Chỉ dòng thêm mới / cập nhật"))
SAVE_REPORT = "Lưu báo cáo (bản sao tệp có cột kết quả)…"
ACCEPT_VALID = "Chỉ nhập {count} dòng hợp lệ, bỏ qua các dòng bị từ chối hoặc chờ quyết định"
BLOCKED = "Có dòng bị từ chối hoặc chờ quyết định: sửa tệp rồi nhập lại, hoặc đánh dấu ô dưới đây."
NOTHING_TO_DO = "Không có gì để ghi: mọi dòng đã có trong sổ và không đổi."

STEP_RUN = "Bước 5/5 — Ghi vào sổ"
STEP_RUN_SUB = "Ghi tất cả trong một lần: nếu hủy hoặc có lỗi, sổ giữ nguyên như trước."
RUN_BUTTON = "Nhập vào sổ"
RUNNING = "Đang ghi vào sổ…"
CANCEL_RUN = "Hủy"
DONE = "Đã nhập xong: thêm {added}, cập nhật {updated} đảng viên."
CANCELLED = "Đã hủy; sổ đảng viên không thay đổi."


def target_choices() -> list[tuple[str, str]]:
    """(target, label) in the order the mapping combo shows them."""
    return list(TARGET_LABELS.items())


def status_label(status: str) -> str:
    return ROW_STATUS_LABELS[status]


def crosscheck_label(status: str) -> str:
    return CROSSCHECK_LABELS[status]
