"""Sentences of safety: the register file, the check, backups, protected outputs, clean text."""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    "passphrase": "Mật khẩu bản sao lưu",
    "keep": "Số bản sao lưu tự động giữ lại",
}

# Object kinds of the schema, as the check names them.
SCHEMA_KINDS = {"table": "bảng", "index": "chỉ mục", "trigger": "trigger", "view": "view"}

# What a scope of rows is, as the check names it.
SCOPE_KINDS = {"member": "đảng viên", "meeting": "buổi sinh hoạt", "unit": "tổ chức đảng",
               "document": "văn bản", "setting": "thiết lập",
               "account": "tài khoản"}

MESSAGES: dict[str, str] = {
    # the register file
    "db_empty": ("Tệp «{path}» trống (0 byte): không phải sổ đảng viên, có thể là bản sao bị hỏng. "
                 "Chương trình không sửa tệp này. Hãy phục hồi từ bản sao lưu (lệnh backup restore)."),
    "db_damaged": ("Sổ «{path}» bị hỏng (SQLite không đọc được cấu trúc tệp). Chương trình không sửa tệp này. "
                   "Hãy phục hồi từ bản sao lưu (lệnh backup restore)."),
    "db_is_backup": ("Tệp «{path}» là một bản sao lưu, không mở trực tiếp để làm việc (mở sẽ nâng cấp và sửa "
                     "bản sao lưu). Dùng lệnh «backup verify» để kiểm tra hoặc «backup restore» để phục hồi."),
    "db_read_only": ("Sổ «{path}» đang mở ở chế độ chỉ đọc (ổ đĩa hoặc thẻ nhớ khóa ghi, hoặc không có quyền ghi): "
                     "xem, tìm và in được, nhưng không ghi được thay đổi."),
    "db_read_only_old": ("Sổ «{path}» do phiên bản cũ hơn tạo và đang ở chế độ chỉ đọc (khóa ghi): cần nâng cấp "
                         "trước khi dùng. Hãy chép sổ vào máy (nơi ghi được) rồi mở lại."),
    "db_locked_by": ("Sổ «{path}» đang được ghi bởi chương trình khác: {who}. Đã chờ nhưng chưa xong; "
                     "hãy thử lại sau ít phút."),
    "db_key_missing": ("Không kiểm được nhật ký: khóa của sổ không có trên máy này ({keys}). Sổ được ghi trên "
                       "máy khác; hãy phục hồi từ bản sao lưu có mật khẩu (mang theo khóa) để kiểm tra đầy đủ."),
    # check: categories
    "check_not_register": "Tệp «{path}» không phải sổ đảng viên của chương trình này.",
    "check_damaged": "Sổ bị hỏng hoặc bị sửa ngoài chương trình: hãy phục hồi từ bản sao lưu (lệnh backup restore).",
    # check: the schema
    "schema_missing": "Cấu trúc: thiếu {kind} «{name}» (bị xóa).",
    "schema_unknown": "Cấu trúc: có {kind} «{name}» không do chương trình tạo.",
    "schema_changed": "Cấu trúc: {kind} «{name}» bị sửa định nghĩa.",
    "schema_pending": "Sổ thuộc phiên bản cũ hơn; lần mở tới chương trình sẽ nâng cấp ({names}).",
    # check: the log
    "chain_link": "Nhật ký: dòng {seq} không nối với dòng trước (có dòng bị xóa hoặc chèn trước nó).",
    "entry_changed": "Nhật ký: dòng {seq} bị sửa (chữ ký không khớp).",
    "rows_changed": "Nhật ký: các mã băm dữ liệu của dòng {seq} bị sửa.",
    "plain_after_keyed": "Nhật ký: dòng {seq} không có chữ ký khóa, sau các dòng đã ký (bị viết lại).",
    "rows_orphan": "Nhật ký: có mã băm dữ liệu của dòng {seq} không tồn tại.",
    "deleted_tail": "Nhật ký: các dòng cuối bị xóa (sổ đã có đến dòng {recorded_seq}, nay chỉ còn đến dòng {seq}).",
    "head_ahead": ("Nhật ký: máy này đã ghi nhận sổ đến dòng {recorded_seq}, nhưng sổ chỉ còn đến dòng {seq} "
                   "(dòng cuối bị xóa, hoặc một bản cũ được chép đè)."),
    "head_mismatch": "Nhật ký: dòng {seq} khác với dòng mà máy này đã ghi nhận (nhật ký bị viết lại).",
    "head_conflict": ("Nhật ký: máy này đã ghi nhận sổ đến dòng {seq}, nhưng sổ từng chỉ còn đến dòng "
                      "{recorded_seq} (bị thay bằng bản cũ hoặc bị xóa dòng)."),
    "unverifiable": "Nhật ký: {count} dòng không kiểm được vì khóa không có trên máy này ({keys}).",
    # check: the rows
    "row_changed": "Dữ liệu: bảng {tables}, {kind} {label}: khác với lần ghi cuối trong nhật ký (dòng {seq}, {action}).",
    "row_not_audited": "Dữ liệu: bảng {tables}, {kind} {label}: có trong sổ nhưng không có trong nhật ký (thêm ngoài chương trình).",
    "row_deleted": "Dữ liệu: bảng {tables}, {kind} {label}: bị xóa ngoài chương trình (lần ghi cuối: dòng {seq}, {action}).",
    "fts_missing": "Chỉ mục tìm kiếm: {count} đảng viên không có trong chỉ mục.",
    "fts_extra": "Chỉ mục tìm kiếm: {count} mục không còn đảng viên tương ứng.",
    # outputs
    "output_is_register": ("Không ghi ra «{path}»: đó là sổ đảng viên{what}. Ghi đè sẽ mất sổ; "
                           "hãy chọn tên tệp khác."),
    "output_is_input": "Không ghi ra «{path}»: đó là tệp đang đọc vào trong lệnh này. Hãy chọn tên tệp khác.",
    "output_is_backup": "Không ghi ra «{path}»: đó là một bản sao lưu. Hãy chọn tên tệp khác.",
    "output_in_backups": ("Không ghi ra «{path}»: thư mục này dành cho bản sao lưu của sổ. "
                          "Hãy chọn thư mục khác."),
}

MESSAGES.update({
    # backups
    "backup_weak_passphrase": "Mật khẩu bản sao lưu phải có ít nhất {min} ký tự.",
    "backup_needs_passphrase": ("Tệp «{file}» là bản sao lưu được mã hóa: cần mật khẩu đã đặt khi sao lưu "
                                "(--passphrase-file hoặc nhập khi được hỏi)."),
    "backup_outside_needs_passphrase": ("Thư mục «{folder}» nằm ngoài thư mục dữ liệu (USB, thẻ nhớ…): bản sao lưu "
                                        "ở đó phải được mã hóa bằng mật khẩu (--passphrase-file hoặc nhập khi "
                                        "được hỏi)."),
    "backup_wrong_passphrase": "Mật khẩu không đúng: không giải mã được bản sao lưu «{file}».",
    "backup_unreadable": "Tệp «{file}» không phải bản sao lưu đọc được (hỏng hoặc không phải của chương trình).",
    "backup_not_found": "Không tìm thấy bản sao lưu «{file}».",
    "backup_head_mismatch": ("Bản sao lưu «{file}»: nhật ký trong bản sao (đến dòng {seq}) không khớp với lúc "
                             "sao lưu (đến dòng {recorded_seq}): bản sao đã bị sửa hoặc cắt bớt."),
    "backup_count_mismatch": ("Bản sao lưu «{file}»: bảng {table} có {count} dòng, lúc sao lưu có {recorded} dòng."),
    "backup_no_manifest": ("Bản sao lưu «{file}» không có tệp mô tả đi kèm ({manifest}): không đối chiếu được "
                           "số dòng và đầu nhật ký lúc sao lưu."),
    "backup_restore_refused": ("Không phục hồi từ «{file}»: bản sao lưu không đạt kiểm tra ({reason}). "
                               "Sổ hiện tại giữ nguyên."),
    "backup_restore_read_only": "Sổ đang mở chỉ đọc: không phục hồi được vào sổ này.",
    "backup_bad_keep": "{field_label}: phải từ {low} đến {high}.",
})

MESSAGES["backup_passphrase_mismatch"] = "Hai lần nhập mật khẩu không giống nhau; chưa sao lưu."

# Tables as a backup's counts name them.
COUNT_LABELS = {"units": "Tổ chức đảng", "members": "Đảng viên", "member_events": "Sự kiện lý lịch",
                "meetings": "Buổi sinh hoạt", "attendance": "Dòng điểm danh", "dues": "Dòng đảng phí",
                "ratings": "Xếp loại", "documents": "Văn bản đã ban hành", "audit_log": "Dòng nhật ký"}
MESSAGES["db_exists"] = ("Đã có tệp «{path}» (được tạo trong lúc lệnh chạy): không ghi đè. "
                         "Sổ vừa tạo bị hủy; hãy chọn tên tệp khác.")

MESSAGES.update({
    # identity and history in imports
    "import_identity_mismatch": ("cùng {via} với một đảng viên trong sổ nhưng khác họ tên hoặc ngày sinh: chờ quyết "
                                 "định, danh sách không tự ghi đè lý lịch.\nTrong tệp: {file_name}, sinh {file_birth}"
                                 "\nTrong sổ: {name}, sinh {birth}"),
    "import_history_change": ("{field_label} trong tệp ({after}) khác trong sổ ({before}) của đồng chí {name}: ngày vào "
                              "Đảng và ngày chính thức chỉ thay đổi qua sự kiện có văn bản trong lý lịch, không "
                              "nhập từ danh sách."),
    "import_decide_history": ("Tệp «{file}», trang «{sheet}», dòng {row}: {field_label} trong tệp ({after}) khác trong "
                              "sổ ({before}) của đồng chí {name}; ngày này chỉ thay đổi qua sự kiện có văn bản."),
    "import_plan_stale": ("Sổ đã thay đổi từ lúc chạy thử (có người khác vừa ghi) và kết quả nhập nay khác: "
                          "chưa ghi gì. Hãy chạy thử lại rồi nhập."),
})

# The bounds of a list (spreadsheets.limits), as a refusal names them.
LIMIT_NAMES = {
    "file": "dung lượng tệp (byte)",
    "unpacked": "dung lượng khi giải nén (byte)",
    "part": "dung lượng một trang khi giải nén (byte)",
    "strings": "dung lượng bảng chữ dùng chung khi giải nén (byte)",
    "rows": "số dòng",
    "columns": "số cột",
    "cells": "số ô có dữ liệu",
    "merges": "số vùng ô gộp",
    "cell_chars": "số ký tự trong một ô",
    "text_chars": "tổng số ký tự chữ trong các ô",
    "sheets": "số trang",
}

MESSAGES.update({
    "import_too_big": ("Tệp «{file}» vượt giới hạn {what}: {value}, tối đa {limit}. Một danh sách đảng viên không "
                       "lớn như vậy; hãy kiểm tra tệp (có thể có ô dữ liệu lạc ở rất xa bảng)."),
    "import_out_of_memory": "Tệp «{file}» quá lớn để đọc với bộ nhớ của máy; chương trình không đọc tiếp.",
    "import_cell_too_long": ("Tệp «{file}», trang «{sheet}», ô {cell}: dài {length} ký tự, quá giới hạn {limit} ký tự "
                             "của một ô Excel (tệp hỏng hoặc không phải danh sách)."),
})

# Why a spreadsheet could not be read, by the kind of failure inside the reader (never English).
READ_FAILURES = {
    "BadZipFile": "tệp nén .xlsx bị hỏng", "LargeZipFile": "tệp nén .xlsx bị hỏng", "EOFError": "tệp bị cắt cụt",
    "ParseError": "nội dung XML bị hỏng", "XMLSyntaxError": "nội dung XML bị hỏng",
    "KeyError": "thiếu một phần bắt buộc của tệp", "XLRDError": "tệp Excel 97–2003 bị hỏng",
    "CompDocError": "tệp Excel 97–2003 bị hỏng", "UnicodeDecodeError": "chữ trong tệp không giải mã được",
    "ValueError": "có giá trị không hợp lệ trong tệp", "IndexError": "cấu trúc tệp không hợp lệ",
    "TypeError": "cấu trúc tệp không hợp lệ", "AssertionError": "cấu trúc tệp không hợp lệ",
    "OverflowError": "có số quá lớn trong tệp", "RecursionError": "cấu trúc tệp lồng nhau quá sâu",
    "OSError": "không đọc được tệp", "struct.error": "cấu trúc tệp không hợp lệ",
}


def read_failure(kind: str) -> str:
    """The Vietnamese reason for a reader's failure of this kind."""
    return READ_FAILURES.get(kind, "nội dung không đúng định dạng")

MESSAGES.update({
    # clean text
    "text_control": "{field_label}: có ký tự điều khiển ẩn («{value}»); hãy gõ lại.",
    "text_bidi": "{field_label}: có ký tự đảo chiều hiển thị ẩn («{value}»), chữ hiện ra khác chữ được lưu; hãy gõ lại.",
    "text_invisible": "{field_label}: chỉ có ký tự vô hình, không có chữ nào.",
    "text_formula": "{field_label}: không được bắt đầu bằng =, +, - hoặc @ (sẽ thành công thức khi mở bằng Excel).",
    "document_date_implausible": "Ngày văn bản {value}: phải từ năm {low} đến năm {high}.",
})
