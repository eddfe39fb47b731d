"""Texts of the backup window and of a register opened read-only."""

from __future__ import annotations

from tayninh_desktop.domain.messages_integrity import COUNT_LABELS

OPEN_BACKUPS = "Sao lưu, phục hồi…"
TITLE = "Sao lưu và phục hồi sổ"
FOLDER = "Các bản sao lưu trong thư mục: {folder}"
COLUMNS = ("Lập lúc", "Loại", "Dung lượng", "Tệp")
KINDS = {"sao-luu": "Sao lưu", "tu-dong": "Tự động", "truoc-phuc-hoi": "Trước khi phục hồi",
         "truoc-nang-cap": "Trước khi nâng cấp", "khac": "Khác"}
BACKUP_NOW = "Sao lưu ngay"
BACKUP_TO = "Sao lưu ra USB…"
VERIFY = "Kiểm tra bản đã chọn"
VERIFY_FILE = "Kiểm tra tệp khác…"
RESTORE = "Phục hồi từ bản đã chọn…"
RESTORE_FILE = "Phục hồi từ tệp khác…"
CLOSE = "Đóng"
SETTINGS = "Sao lưu tự động"
KEEP = "Giữ lại"
KEEP_SUFFIX = " bản gần nhất"
ON_EXIT = "Sao lưu khi đóng chương trình"
DAILY = "Sao lưu mỗi ngày một lần"
SAVE_SETTINGS = "Lưu thiết lập"
SETTINGS_SAVED = "Đã lưu thiết lập sao lưu tự động."
CHOOSE_FOLDER = "Chọn thư mục trên USB để ghi bản sao lưu"
CHOOSE_FILE = "Chọn bản sao lưu"
FILE_FILTER = "Bản sao lưu (*.sqlite3 *.tnbak);;Mọi tệp (*)"
PASSPHRASE = "Mật khẩu bản sao lưu (ít nhất 8 ký tự). Ghi nhớ mật khẩu: không có nó không phục hồi được."
PASSPHRASE_AGAIN = "Nhập lại mật khẩu"
PASSPHRASE_OPEN = "Mật khẩu của bản sao lưu «{file}»"
PASSPHRASE_MISMATCH = "Hai lần nhập mật khẩu không giống nhau; chưa sao lưu."
NO_SELECTION = "Hãy chọn một bản sao lưu trong danh sách."
DONE_BACKUP = "Đã sao lưu vào {path}."
DONE_BACKUP_ENCRYPTED = "Đã sao lưu (mã hóa bằng mật khẩu) vào {path}. Có thể rút USB."
VERIFY_OK = "Bản sao lưu «{file}» ĐẠT kiểm tra: {counts}."
VERIFY_BAD = "Bản sao lưu «{file}» KHÔNG ĐẠT kiểm tra:\n{problems}"
RESTORE_CONFIRM_TITLE = "Phục hồi sổ từ bản sao lưu"
RESTORE_CONFIRM = ("Phục hồi sổ từ «{file}»{made}?\n\nNhững gì sẽ thay đổi (sổ hiện tại → bản sao lưu):\n{changes}\n\n"
                   "Sổ hiện tại được giữ lại thành một bản sao lưu trước khi phục hồi.")
RESTORED = "Đã phục hồi sổ từ «{file}». Sổ trước khi phục hồi được giữ tại {kept}."
READ_ONLY_BANNER = ("Sổ đang mở CHỈ ĐỌC (ổ đĩa hoặc thẻ nhớ khóa ghi, hoặc không có quyền ghi): xem, tìm và in được; "
                    "mọi thay đổi sẽ không được ghi.")
TITLE_READ_ONLY = " (chỉ đọc)"


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",") if size >= 1024 * 1024 else f"{size // 1024} KB"


def counts_text(counts: dict[str, int]) -> str:
    return "; ".join(f"{COUNT_LABELS.get(t, t)} {n}" for t, n in counts.items() if t in COUNT_LABELS)


def changes_text(current: dict[str, int], backup: dict[str, int]) -> str:
    lines = []
    for table, label in COUNT_LABELS.items():
        now, then = current.get(table, 0), backup.get(table, 0)
        lines.append(f"{label}: {now} → {then}" + ("" if now == then else "   (thay đổi)"))
    return "\n".join(lines)
