"""Sentences of accounts, roles, logins, the audit trail on screen and the register's encryption."""

from __future__ import annotations

ROLE_LABELS = {
    "quan_tri": "Quản trị",
    "van_thu": "Văn phòng",
    "bi_thu_chi_bo": "Bí thư chi bộ",
    "xem": "Chỉ xem",
}

PERMISSION_LABELS = {
    "edit_register": "ghi sổ đảng viên và công tác đảng",
    "edit_organisation": "sửa tổ chức đảng và các thiết lập",
    "read": "xem sổ",
    "household_data": "xem và ghi hoàn cảnh gia đình, khoản vay",
    "manage_accounts": "quản lý tài khoản",
    "manage_keys": "quản lý khóa và mã hóa sổ",
    "read_audit": "xem nhật ký thao tác",
}

FIELD_LABELS: dict[str, str] = {
    "account_name": "Tên đăng nhập",
    "full_name_account": "Họ và tên người dùng",
    "password": "Mật khẩu",
    "new_password": "Mật khẩu mới",
    "password_repeat": "Nhập lại mật khẩu",
    "role": "Vai trò",
    "account_cell": "Chi bộ của bí thư",
    "recovery_key": "Mã khôi phục",
    "lock_after": "Số lần sai thì khóa",
    "lock_minutes": "Thời gian khóa (phút)",
    "idle_minutes": "Khóa màn hình sau (phút không dùng)",
    "min_password": "Độ dài mật khẩu tối thiểu",
    "audit_from": "Từ ngày",
    "audit_to": "Đến ngày",
}

MESSAGES: dict[str, str] = {
    "cell_out_of_scope": ("Tài khoản «{actor}» là bí thư chi bộ: chỉ xem và ghi được việc của chi bộ mình, "
                          "không phải của chi bộ khác hay của cả đảng bộ."),
    "account_name_chars": ("{field_label}: «{value}» không dùng được. Tên đăng nhập chỉ gồm chữ thường không dấu, "
                           "chữ số và các dấu . _ - (tối đa {max} ký tự), ví dụ «tuyet.nguyen»."),
    "account_exists": "Đã có tài khoản «{name}». Hãy chọn tên đăng nhập khác.",
    "account_not_found": "Không có tài khoản «{name}».",
    "unknown_role": "{field_label}: không có vai trò «{value}» (chọn: {choices}).",
    "password_too_short": "{field_label}: cần ít nhất {min} ký tự.",
    "password_mismatch": "{field_label}: hai lần nhập không giống nhau.",
    "password_same": "{field_label}: mật khẩu mới phải khác mật khẩu cũ.",
    "secretary_needs_cell": "{field_label}: tài khoản bí thư chi bộ phải gắn với một chi bộ.",
    "last_admin": ("Không thể bỏ quyền quản trị hoặc khóa tài khoản «{name}»: đây là quản trị viên cuối cùng "
                   "của sổ. Hãy tạo một quản trị viên khác trước."),
    "policy_out_of_range": "{field_label}: {value} nằm ngoài khoảng cho phép ({low}–{high}).",
    # logging in
    "login_user_required": ("Sổ này đã có tài khoản: hãy ghi tên đăng nhập (tùy chọn --user TÊN) và mật khẩu "
                            "(biến môi trường TAYNINH_PASSWORD, hoặc gõ khi được hỏi)."),
    "login_failed": ("Tên đăng nhập hoặc mật khẩu không đúng. Không có gì thay đổi. "
                     "Còn {left} lần thử trước khi tài khoản bị khóa {minutes} phút."),
    "login_failed_locked": ("Tên đăng nhập hoặc mật khẩu không đúng. Tài khoản «{name}» đã bị khóa đến {until} "
                            "vì nhập sai {count} lần liên tiếp; quản trị viên có thể mở khóa sớm hơn."),
    "login_wait": "Vừa nhập sai mật khẩu: hãy chờ {seconds} giây rồi thử lại.",
    "account_locked": ("Tài khoản «{name}» đang bị khóa đến {until} vì nhập sai mật khẩu nhiều lần. "
                       "Hãy chờ, hoặc nhờ quản trị viên mở khóa (lệnh accounts unlock)."),
    "account_inactive": "Tài khoản «{name}» đã bị ngừng sử dụng. Hãy liên hệ quản trị viên.",
    "login_no_password": "Chưa có mật khẩu: ghi vào biến môi trường TAYNINH_PASSWORD hoặc gõ khi được hỏi.",
    "must_change_password": ("Mật khẩu của tài khoản «{name}» do quản trị viên đặt: hãy đổi mật khẩu trước khi làm "
                             "việc (lệnh accounts passwd {name})."),
    "first_admin_exists": "Sổ đã có tài khoản quản trị; không tạo lại tài khoản đầu tiên.",
    # audit trail
    "audit_bad_range": "Khoảng ngày không hợp lệ: «từ ngày» {start} sau «đến ngày» {end}.",
    # encryption
    "encryption_needs_admin_account": ("Chỉ mã hóa được sổ khi đã có tài khoản quản trị: khóa của sổ được khóa "
                                       "lại bằng mật khẩu của từng quản trị viên. Hãy tạo tài khoản quản trị "
                                       "trước (accounts add TÊN --role quan_tri)."),
    "encryption_needs_password": ("Cần mật khẩu của quản trị viên «{name}» để mã hóa sổ (khóa của sổ được bọc "
                                  "bằng mật khẩu này)."),
    "encryption_already_on": "Sổ «{path}» đã được mã hóa.",
    "encryption_already_off": "Sổ «{path}» chưa được mã hóa.",
    "encryption_unavailable": ("Máy này không có thư viện SQLCipher (gói sqlcipher3) nên không mở hoặc mã hóa "
                               "được sổ. Hãy cài lại chương trình."),
    "encryption_others_open": ("Không đổi được cách lưu sổ khi sổ đang được mở ở nơi khác: {who}. Hãy đóng "
                               "chương trình ở đó rồi thử lại."),
    "encrypted_no_keyring": ("Sổ «{path}» đã được mã hóa nhưng thiếu tệp khóa đi kèm («{keyring}»). Không mở "
                             "được. Hãy chép tệp khóa cùng với sổ, hoặc phục hồi từ bản sao lưu."),
    "encrypted_wrong_key": ("Sổ «{path}» được mã hóa bằng một khóa khác với tệp khóa đi kèm (có thể tệp khóa "
                            "của sổ khác). Không mở được; không có gì thay đổi."),
    "encrypted_damaged": ("Sổ «{path}» được mã hóa và khóa đúng là khóa của sổ, nhưng tệp sổ bị hỏng ({bad} trong "
                          "{pages} trang không đọc được). Chương trình không sửa tệp này; không có gì thay đổi. Hãy "
                          "phục hồi từ bản sao lưu (lệnh backup restore)."),
    "encrypted_needs_admin": ("Sổ «{path}» đã được mã hóa và máy này chưa giữ khóa của sổ: một quản trị viên cần "
                              "đăng nhập một lần trên máy này (hoặc dùng mã khôi phục)."),
    "recovery_key_wrong": "Mã khôi phục không đúng với sổ này. Không có gì thay đổi.",
    "recovery_key_format": ("{field_label}: «{value}» không phải mã khôi phục (32 ký tự chữ và số, in thành 8 nhóm 4 "
                            "ký tự, ví dụ 7KQ2-…)."),
    "recovery_admin_needed": "Mã khôi phục chỉ dùng để đặt lại mật khẩu của một tài khoản quản trị.",
    "backup_encrypted_other_key": ("Bản sao lưu «{path}» được mã hóa bằng khóa của một sổ khác: không đọc được "
                                   "trên sổ này. Không có gì thay đổi."),
}

MESSAGES["password_wrong"] = "{field_label}: không đúng."

# The printed recovery sheet (documents/recovery_sheet.py): what it is and how to use it.
RECOVERY_SHEET_LINES = [
    ("Mã này mở được sổ đảng viên đã mã hóa khi không còn quản trị viên nào nhớ mật khẩu: ai có mã này và "
    "tệp sổ thì đọc được toàn bộ sổ. Cất tờ giấy này vào tủ có khóa của văn phòng, tách khỏi máy tính và "
    "thẻ nhớ sao lưu; không chụp ảnh, không lưu vào máy."),
    ("Cách dùng: trên màn hình đăng nhập chọn «Quên mật khẩu — dùng mã khôi phục», hoặc chạy lệnh "
    "«tayninh-desktop accounts recover TÊN_QUẢN_TRỊ», gõ mã (không phân biệt chữ hoa, chữ thường, dấu gạch), "
    "rồi đặt mật khẩu mới cho tài khoản quản trị đó."),
    ("Mã cũ hết tác dụng khi quản trị viên tạo mã khôi phục mới (lệnh «encryption recovery-key») hoặc khi "
    "tắt mã hóa sổ. Khi đó hãy hủy tờ giấy này."),
]
MESSAGES["first_account_admin"] = ("Tài khoản đầu tiên của sổ phải là quản trị (--role quan_tri): người đó "
                                   "tạo các tài khoản khác.")
