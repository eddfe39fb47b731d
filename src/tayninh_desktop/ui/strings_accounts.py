"""Texts of accounts, logins, the window lock, the audit trail page and the register's encryption."""

from __future__ import annotations

from tayninh_desktop.domain.messages_accounts import ROLE_LABELS

NAV_ACCOUNTS = "Tài khoản, bảo mật"
NAV_AUDIT = "Nhật ký thao tác"

# login
LOGIN_TITLE = "Đăng nhập — Sổ đảng viên"
LOGIN_INTRO = "Sổ «{register}» có tài khoản người dùng. Hãy đăng nhập bằng tài khoản của mình."
LOGIN_INTRO_ENCRYPTED = ("Sổ «{register}» được mã hóa và có tài khoản người dùng. Hãy đăng nhập bằng tài khoản "
                         "của mình.")
LOGIN_NAME = "Tên đăng nhập:"
LOGIN_PASSWORD = "Mật khẩu:"
LOGIN_BUTTON = "Đăng nhập"
LOGIN_QUIT = "Thoát"
LOGIN_RECOVER = "Quên mật khẩu quản trị — dùng mã khôi phục…"
LOGIN_WAIT = "Hãy chờ {seconds} giây…"

# the first administrator (first run)
FIRST_ADMIN_TITLE = "Tạo tài khoản quản trị"
FIRST_ADMIN_INTRO = ("Sổ đảng viên chứa dữ liệu cá nhân nhạy cảm. Hãy tạo tài khoản quản trị đầu tiên: người "
                     "quản trị tạo tài khoản cho văn phòng, bí thư các chi bộ và người chỉ xem. Từ nay mỗi lần mở "
                     "chương trình đều phải đăng nhập.")
FULL_NAME = "Họ và tên:"
PASSWORD_REPEAT = "Nhập lại mật khẩu:"
CREATE_ADMIN = "Tạo tài khoản"
LATER = "Để sau"

# change / set a password
CHANGE_PASSWORD_TITLE = "Đổi mật khẩu — {name}"
MUST_CHANGE_INTRO = "Mật khẩu này do quản trị viên đặt. Hãy đặt mật khẩu của riêng mình trước khi làm việc."
OLD_PASSWORD = "Mật khẩu hiện tại:"
NEW_PASSWORD = "Mật khẩu mới:"
SAVE_PASSWORD = "Đổi mật khẩu"
MIN_PASSWORD_HINT = "Ít nhất {min} ký tự."

# recovery
RECOVERY_TITLE = "Đặt lại mật khẩu quản trị bằng mã khôi phục"
RECOVERY_INTRO = ("Gõ mã khôi phục in trên tờ giấy khi sổ được mã hóa (không cần phân biệt chữ hoa, chữ thường, "
                  "dấu gạch), tên đăng nhập của một quản trị viên và mật khẩu mới cho người đó.")
RECOVERY_KEY = "Mã khôi phục:"
RECOVER_BUTTON = "Đặt mật khẩu mới"

# window lock
LOCK_TITLE = "Màn hình đã khóa"
LOCK_INTRO = ("Chương trình đã khóa sau {minutes} phút không dùng. Tài khoản «{name}» nhập lại mật khẩu để làm "
              "việc tiếp.")
UNLOCK = "Mở khóa"
LOCK_QUIT = "Đóng chương trình"

NO_ACCOUNTS_BANNER = ("Sổ này chưa có tài khoản người dùng: ai mở máy cũng có toàn quyền và nhật ký ghi tên "
                      "«quản trị». Hãy tạo tài khoản quản trị ở trang «Tài khoản, bảo mật».")

# accounts page
ACCOUNTS_TITLE = "Tài khoản người dùng và bảo mật"
ACCOUNTS_BOX = "Người dùng"
ACCOUNT_LOCKED = "bị khóa đến {until}"
FIRST_ADMIN_BUTTON = "Tạo tài khoản quản trị đầu tiên…"
ACCOUNTS_COLUMNS = ("Tên đăng nhập", "Họ và tên", "Vai trò", "Chi bộ", "Tình trạng")
ACCOUNT_ACTIVE = "đang dùng"
ACCOUNT_STOPPED = "đã ngừng"
ACCOUNT_MUST_CHANGE = "chờ đổi mật khẩu"
ADD_ACCOUNT = "Thêm tài khoản…"
CHANGE_ROLE = "Đổi vai trò…"
RESET_PASSWORD = "Đặt lại mật khẩu…"
UNLOCK_ACCOUNT = "Mở khóa"
STOP_ACCOUNT = "Ngừng / dùng lại"
MY_PASSWORD = "Đổi mật khẩu của tôi…"
SIGNED_IN_AS = "Đang đăng nhập: {name} ({role})"
SIGNED_IN_DEFAULT = "Sổ chưa có tài khoản: đang dùng với quyền quản trị, tên «{name}»."
ROLE_CHOICES = tuple(ROLE_LABELS.items())
ACCOUNT_DIALOG_TITLE = "Thêm tài khoản"
ROLE_DIALOG_TITLE = "Đổi vai trò — {name}"
ROLE = "Vai trò:"
CELL = "Chi bộ (bí thư):"
FIRST_PASSWORD = "Mật khẩu ban đầu:"
FIRST_PASSWORD_HINT = "Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu."
RESET_TITLE = "Đặt lại mật khẩu — {name}"
UNLOCKED = "Đã mở khóa tài khoản «{name}»."
ROLES_EXPLAINED = ("Quản trị: tài khoản, thiết lập, khóa mã hóa và mọi việc. Văn phòng: mọi việc của sổ và các "
                   "thủ tục. Bí thư chi bộ: như văn phòng nhưng chỉ chi bộ của mình. Chỉ xem: xem, in danh sách; "
                   "không xem hoàn cảnh gia đình, khoản vay.")

POLICY_TITLE = "Chính sách đăng nhập"
POLICY_LOCK_AFTER = "Khóa tài khoản sau (lần nhập sai liên tiếp):"
POLICY_LOCK_MINUTES = "Thời gian khóa (phút):"
POLICY_IDLE = "Khóa màn hình sau (phút không dùng; 0 = không khóa):"
POLICY_MIN = "Mật khẩu ít nhất (ký tự):"
POLICY_SAVE = "Lưu chính sách"
POLICY_NOTE = ("Các con số này là thiết lập của văn phòng, không do văn bản nào quy định (chưa xác nhận theo "
               "văn bản); mặc định theo thông lệ của phần mềm văn phòng.")
POLICY_SAVED = "Đã lưu chính sách đăng nhập."

# encryption
ENCRYPTION_TITLE = "Mã hóa sổ trên đĩa"
ENCRYPTION_ON_TEXT = ("Sổ đang được mã hóa (SQLCipher, khóa số {key_id}). Mở được bằng mật khẩu của: {admins}. "
                      "{recovery} {here}")
ENCRYPTION_OFF_TEXT = ("Sổ đang lưu dạng thường: ai chép được tệp sổ thì đọc được toàn bộ bằng phần mềm SQLite. "
                       "Nên bật mã hóa sổ.")
ENCRYPTION_RECOVERY_YES = "Có mã khôi phục đã in."
ENCRYPTION_RECOVERY_NO = "Chưa có mã khôi phục!"
ENCRYPTION_HERE_YES = "Máy này giữ khóa của sổ (mọi tài khoản mở được ở đây)."
ENCRYPTION_HERE_NO = "Máy này chưa giữ khóa: quản trị viên cần đăng nhập một lần."
ENCRYPTION_TURN_ON = "Mã hóa sổ…"
ENCRYPTION_TURN_OFF = "Bỏ mã hóa…"
ENCRYPTION_NEW_RECOVERY = "Tạo mã khôi phục mới…"
ENCRYPTION_CONFIRM_ON = ("Mã hóa sổ và các bản sao lưu cạnh sổ? Việc này ghi lại toàn bộ tệp sổ (vài giây đến vài "
                         "phút). Sau đó chương trình cần mở lại. Hãy nhập mật khẩu của bạn (quản trị viên):")
ENCRYPTION_CONFIRM_OFF = ("Bỏ mã hóa sổ? Sau đó ai chép được tệp sổ thì đọc được toàn bộ. Hãy nhập mật khẩu của "
                          "bạn (quản trị viên):")
ENCRYPTION_CONFIRM_RECOVERY = ("Tạo mã khôi phục mới? Mã cũ (tờ giấy đã in) sẽ hết tác dụng. Hãy nhập mật khẩu của "
                               "bạn (quản trị viên):")
ENCRYPTION_PASSWORD_TITLE = "Xác nhận bằng mật khẩu"
RECOVERY_SHOW_TITLE = "Mã khôi phục — hãy in ngay"
RECOVERY_SHOW_TEXT = ("<p>Mã khôi phục của sổ:</p><p style='font-size:18pt; font-family:monospace'><b>{key}</b></p>"
                      "<p>Khi không còn quản trị viên nào nhớ mật khẩu, chỉ mã này mở được sổ. Hãy lưu tờ mã ra tệp "
                      "PDF, in ngay, cất vào tủ có khóa rồi xóa tệp PDF. Mã không được hiện lại lần nữa.</p>")
RECOVERY_SAVE_PDF = "Lưu tờ mã khôi phục (PDF)…"
RECOVERY_SAVED = "Đã ghi {path}: hãy in ngay rồi xóa tệp này."
ENCRYPTION_DONE_ON = "Đã mã hóa sổ và {backups} bản sao lưu cạnh sổ. Chương trình sẽ đóng; hãy mở lại."
ENCRYPTION_DONE_OFF = "Đã bỏ mã hóa sổ và {backups} bản sao lưu cạnh sổ. Chương trình sẽ đóng; hãy mở lại."
ABOUT = "Giới thiệu và bảo mật…"

PERSONAL_DATA_NOTE = ("Lưu ý: tệp này chứa dữ liệu cá nhân (đảng viên) ở dạng thường, không mã hóa. Chỉ lưu vào "
                      "máy của văn phòng hoặc thẻ nhớ được giữ cẩn thận; xóa khi không cần nữa.")

# About
# The About box's part on security (ui/dialogs/about_dialog.py shows it under the version and folders).
ABOUT_SECURITY = """<p>Mọi thao tác được ghi nhật ký có chuỗi băm khóa bằng bí mật của máy.</p>
<h4>Bảo mật dữ liệu</h4>
<ul>
<li><b>Tài khoản và vai trò</b>: mỗi người một tài khoản; mật khẩu lưu dạng băm argon2id; nhập sai nhiều lần
thì phải chờ, rồi bị khóa; màn hình tự khóa khi không dùng.</li>
<li><b>Mã hóa sổ</b> (quản trị viên bật ở trang «Tài khoản, bảo mật»): tệp sổ, nhật ký ghi (WAL) và các bản sao
lưu cạnh sổ được mã hóa bằng SQLCipher (AES-256); khóa của sổ được khóa lại bằng mật khẩu của quản trị viên và
bằng mã khôi phục in ra giấy. Bản sao lưu ra thẻ nhớ luôn được mã hóa bằng mật khẩu riêng.</li>
<li><b>Những gì mã hóa sổ không che</b>: các tệp PDF, Excel chương trình xuất ra cho người đọc (chúng ở dạng
thường, có dữ liệu cá nhân); tệp tạm của máy in; dữ liệu cũ của tệp sổ trước khi mã hóa còn sót trên ổ đĩa;
người đã đăng nhập vào Windows của máy này (máy giữ khóa của sổ cho tài khoản Windows đó).
<b>Vì vậy văn phòng nên bật thêm BitLocker</b> cho ổ đĩa của máy (Windows 10/11 Pro: Control Panel → BitLocker
Drive Encryption), hoặc để thư mục dữ liệu và thư mục lưu văn bản trong một ổ/thư mục được mã hóa
(BitLocker To Go cho thẻ nhớ, VeraCrypt), đặt mật khẩu đăng nhập Windows cho từng người.</li>
</ul>
<p>Hướng dẫn chi tiết cho văn phòng: tài liệu «Bảo mật sổ đảng viên» (docs/security.md).</p>"""

# audit page
AUDIT_TITLE = "Nhật ký thao tác"
AUDIT_USER = "Người thực hiện:"
AUDIT_KIND = "Loại việc:"
AUDIT_MEMBER = "Đảng viên:"
AUDIT_MEMBER_PLACEHOLDER = "gõ tên, CCCD… rồi Enter"
AUDIT_FROM = "Từ ngày:"
AUDIT_TO = "Đến ngày:"
AUDIT_ANY = "(tất cả)"
AUDIT_APPLY = "Lọc"
AUDIT_CLEAR = "Bỏ lọc"
AUDIT_EXPORT = "Xuất Excel…"
AUDIT_CHECK = "Kiểm tra toàn vẹn sổ"
AUDIT_COLUMNS = ("STT", "Thời gian", "Người thực hiện", "Việc", "Về", "Thay đổi (tóm tắt)")
AUDIT_COUNT = "{shown} / {total} dòng nhật ký"
AUDIT_COUNT_LIMITED = "{shown} dòng mới nhất / {total} dòng nhật ký (thu hẹp bộ lọc để xem thêm)"
AUDIT_DETAIL_EMPTY = "Chọn một dòng để xem những gì đã thay đổi."
AUDIT_DETAIL_NONE = "(không có trường nào thay đổi được ghi)"
AUDIT_EXPORTED = "Đã xuất {count} dòng nhật ký ra {path}."
AUDIT_CHECK_OK = "KẾT QUẢ KIỂM TRA: ĐẠT"
AUDIT_CHECK_BAD = "KẾT QUẢ KIỂM TRA: CÓ VẤN ĐỀ"
AUDIT_MEMBER_NONE = "Không tìm thấy đảng viên khớp «{text}»."
AUDIT_MEMBER_MANY = "Có {count} đảng viên khớp; chọn trong danh sách."
XLSX_FILTER = "Tệp Excel (*.xlsx)"
PDF_FILTER = "Tệp PDF (*.pdf)"


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)

# the window gated by role (ui/role_gate.py)
GATE_VIEWER = "Tài khoản «{name}» chỉ được xem: các nút ghi, sửa, xóa trên trang này đã tắt."
GATE_NOT_WRITE = "Tài khoản chỉ xem không được ghi, sửa hay xóa."
GATE_ADMIN_ONLY = "Chỉ tài khoản quản trị làm việc này."
GATE_COMMITTEE = "Việc của cả Đảng ủy: bí thư chi bộ chỉ làm việc của chi bộ mình."
GATE_HOUSEHOLD = "Hoàn cảnh gia đình, khoản vay và hồ sơ hỗ trợ chỉ văn phòng, quản trị và bí thư chi bộ được xem."
GATE_AUDIT = "Nhật ký thao tác chỉ văn phòng và quản trị được xem."
GATE_PAGE = "Trang này không dùng được với vai trò «{role}»: {reason}"
GATE_CELL_LOCKED = "Bí thư chi bộ: chỉ xem và ghi được chi bộ của mình."
