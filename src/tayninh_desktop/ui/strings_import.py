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
PRINT_CROSSCHECK = "Xem và in biên bản đối chiếu…"
CROSSCHECK_PDF_TITLE = "Biên bản đối chiếu danh sách đảng viên"
SAVE_PDF = "Lưu PDF…"
PRINT_PDF = "In…"
PDF_FILTER = "Tệp PDF (*.pdf)"
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
STEP_FILE_SUB = "Chọn tệp danh sách. Bước sau cho xem các cột của tệp và chọn chi bộ nhận đảng viên mới nếu cần."
FILE_LABEL = "Tệp danh sách:"
BROWSE = "Chọn tệp…"
CELL_FOR_NEW = "Chi bộ nhận đảng viên mới:"
CELL_FROM_FILE = "(lấy theo cột «Chi bộ» trong tệp)"
NO_CELL_NOTICE = ("Tệp không có cột «Chi bộ» và không có dòng tên chi bộ, và chưa chọn chi bộ: hãy chọn ngay dưới đây"
                  " chi bộ nhận các đảng viên mới, nếu không các dòng đảng viên mới sẽ bị từ chối.")
NO_CELLS_YET = ("Sổ chưa có chi bộ nào. Nếu tệp có cột «Chi bộ» (hoặc dòng tên chi bộ), bước sau cho phép tạo các chi bộ"
                " đó cùng lúc nhập; nếu không, hãy thêm chi bộ ở trang Tổ chức trước.")
NEW_CELLS_FOUND = "Tệp nêu {count} chi bộ chưa có trong sổ:"
NEW_CELL_LINE = "• {name} — mã sẽ cấp {code} — {members} đảng viên (dòng {rows})"
CREATE_CELLS = "Tạo {count} chi bộ mới này cùng lúc nhập danh sách (trong cùng một lần ghi)"
SHOW_ADDED = "Xem {count} đảng viên vừa thêm trong sổ"
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
SKIPPED_COUNT = " · Bỏ qua {skipped}"
REPORT_FILTER = (("all", "Tất cả các dòng"), ("problems", "Chỉ dòng bị từ chối / chờ quyết định / bỏ qua"),
                 ("changes", "Chỉ dòng thêm mới / cập nhật"))
SAVE_REPORT = "Lưu báo cáo (bản sao tệp có cột kết quả)…"
ACCEPT_VALID = "Chỉ nhập {count} dòng hợp lệ, bỏ qua các dòng bị từ chối hoặc chờ quyết định"
BLOCKED = ("Có dòng bị từ chối hoặc chờ quyết định: quyết định cho từng dòng chờ ở bảng trên, sửa tệp rồi nhập lại,"
           " hoặc đánh dấu ô dưới đây.")
NOTHING_TO_DO = "Không có gì để ghi: mọi dòng đã có trong sổ và không đổi."

HELD_TITLE = ("{count} dòng chờ quyết định: chương trình không đoán thay anh/chị. Với mỗi dòng, chọn đó là"
              " đảng viên nào trong sổ, là người mới, hay bỏ qua (hoặc sửa tệp rồi nhập lại).")
HELD_COLUMNS = ("Dòng", "Họ và tên", "Vì sao chờ", "Quyết định")
DECIDE_LATER = "— Chưa quyết định —"
DECIDE_NEW = "Thêm mới: là một người khác, chưa có trong sổ"
DECIDE_NEW_NO_CELL = "Thêm mới (cần chọn chi bộ nhận đảng viên mới ở bước 1)"
DECIDE_SKIP = "Bỏ qua dòng này, không nhập"
DECISIONS_DONE = "Đã quyết định {done}/{total} dòng chờ."
SHEET_LABEL = "Trang trong tệp:"
SHEET_TABLE = "{name} — có bảng đảng viên ({rows} dòng)"
SHEET_NO_TABLE = "{name} — không thấy bảng đảng viên"
SHEET_EMPTY = "{name} — trang trống"

STEP_RUN = "Bước 5/5 — Ghi vào sổ"
STEP_RUN_SUB = "Ghi tất cả trong một lần: nếu hủy hoặc có lỗi, sổ giữ nguyên như trước."
RUN_BUTTON = "Nhập vào sổ"
BACK_BUTTON = "< Quay lại"
NEXT_BUTTON = "Tiếp >"
FINISHED_BUTTON = "Xong"
CLOSE_BUTTON = "Đóng"
RUNNING = "Đang ghi vào sổ…"
CANCEL_RUN = "Hủy"
DONE = "Đã nhập xong: thêm {added}, cập nhật {updated} đảng viên."
DONE_CELLS = " Đã tạo {count} chi bộ mới: {names}."
CANCELLED = "Đã hủy; sổ đảng viên không thay đổi."


def target_choices() -> list[tuple[str, str]]:
    """(target, label) in the order the mapping combo shows them."""
    return list(TARGET_LABELS.items())


def decide_member(candidate) -> str:
    """ "Là đảng viên Nguyễn Thị Ánh Tuyết — sinh 05/02/1960 — Chi bộ ấp Cầu Xe — CCCD 072160000001"."""
    parts = [f"Là {candidate.full_name}", candidate.birth,
             candidate.cell_name or "chưa xếp chi bộ", f"CCCD {candidate.cccd}" if candidate.cccd else "chưa có CCCD"]
    return " — ".join(parts)


def sheet_choice(survey) -> str:
    if survey.has_table:
        return SHEET_TABLE.format(name=survey.name, rows=survey.rows)
    return (SHEET_EMPTY if survey.problem == "import_empty" else SHEET_NO_TABLE).format(name=survey.name)


def status_label(status: str) -> str:
    return ROW_STATUS_LABELS[status]


def crosscheck_label(status: str) -> str:
    return CROSSCHECK_LABELS[status]
