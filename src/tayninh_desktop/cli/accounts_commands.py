"""Commands of accounts and of the register's encryption: accounts add|list|passwd|reset|unlock|role|
disable|enable|policy|recover, encryption on|off|status|recovery-key."""

from __future__ import annotations

import argparse
import os

from tayninh_desktop.cli.output import (
    REFUSED,
    actor,
    ask_secret,
    db_path,
    emit,
    open_db,
    password_source,
    session,
)

NEW_PASSWORD_ENV = "TAYNINH_NEW_PASSWORD"
RECOVERY_ENV = "TAYNINH_RECOVERY_KEY"
ROLE_HELP = "vai trò: quan_tri (quản trị), van_thu (văn phòng), bi_thu_chi_bo (bí thư chi bộ, kèm --cell), xem (chỉ xem)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    accounts = sub.add_parser("accounts", help="tài khoản người dùng, vai trò, mật khẩu").add_subparsers(
        dest="accounts_command", metavar="LỆNH")
    p = accounts.add_parser("add", parents=[common], help="thêm tài khoản (tài khoản đầu tiên phải là quản trị)")
    p.add_argument("name", metavar="TÊN", help="tên đăng nhập: chữ thường không dấu, số, . _ -")
    p.add_argument("--role", required=True, metavar="VAI_TRÒ", help=ROLE_HELP)
    p.add_argument("--full-name", default="", metavar="HỌ_TÊN", help="họ và tên người dùng")
    p.add_argument("--cell", metavar="MÃ_CHI_BỘ", help="chi bộ của bí thư chi bộ")
    p.set_defaults(handler=cmd_add)
    p = accounts.add_parser("list", parents=[common], help="danh sách tài khoản (quản trị)")
    p.set_defaults(handler=cmd_list)
    p = accounts.add_parser("passwd", parents=[common],
                            help="đổi mật khẩu của mình (hỏi mật khẩu mới), hoặc quản trị đặt lại cho người khác")
    p.add_argument("name", metavar="TÊN")
    p.set_defaults(handler=cmd_passwd, allow_must_change=True)
    p = accounts.add_parser("reset", parents=[common], help="quản trị đặt lại mật khẩu (người dùng phải đổi khi "
                                                             "đăng nhập) và mở khóa")
    p.add_argument("name", metavar="TÊN")
    p.set_defaults(handler=cmd_reset)
    p = accounts.add_parser("unlock", parents=[common], help="mở khóa tài khoản bị khóa vì nhập sai mật khẩu")
    p.add_argument("name", metavar="TÊN")
    p.set_defaults(handler=cmd_unlock)
    p = accounts.add_parser("role", parents=[common], help="đổi vai trò của tài khoản")
    p.add_argument("name", metavar="TÊN")
    p.add_argument("--role", required=True, metavar="VAI_TRÒ", help=ROLE_HELP)
    p.add_argument("--cell", metavar="MÃ_CHI_BỘ", help="chi bộ của bí thư chi bộ")
    p.set_defaults(handler=cmd_role)
    for name, active, text in (("disable", False, "ngừng tài khoản (không đăng nhập được nữa)"),
                               ("enable", True, "cho dùng lại tài khoản đã ngừng")):
        p = accounts.add_parser(name, parents=[common], help=text)
        p.add_argument("name", metavar="TÊN")
        p.set_defaults(handler=cmd_active, active=active)
    p = accounts.add_parser("policy", parents=[common], help="xem hoặc đặt chính sách đăng nhập")
    p.add_argument("--lock-after", type=int, metavar="N", help="số lần nhập sai liên tiếp thì khóa tài khoản")
    p.add_argument("--lock-minutes", type=int, metavar="PHÚT", help="thời gian khóa (phút)")
    p.add_argument("--idle-minutes", type=int, metavar="PHÚT",
                   help="khóa màn hình sau bấy nhiêu phút không dùng (0: không khóa)")
    p.add_argument("--min-password", type=int, metavar="N", help="độ dài mật khẩu tối thiểu")
    p.set_defaults(handler=cmd_policy)
    p = accounts.add_parser("recover", parents=[common],
                            help="quên mật khẩu quản trị của sổ đã mã hóa: dùng mã khôi phục đã in để đặt "
                                 "mật khẩu mới (mã lấy từ biến TAYNINH_RECOVERY_KEY hoặc gõ khi được hỏi)")
    p.add_argument("name", metavar="TÊN")
    p.set_defaults(handler=cmd_recover)
    _register_encryption(sub, common)


def _register_encryption(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    enc = sub.add_parser("encryption", help="mã hóa sổ trên đĩa (SQLCipher): bật, tắt, xem").add_subparsers(
        dest="encryption_command", metavar="LỆNH")
    p = enc.add_parser("status", parents=[common], help="sổ có được mã hóa không, ai mở được")
    p.set_defaults(handler=cmd_enc_status)
    p = enc.add_parser("on", parents=[common], help="mã hóa sổ và các bản sao lưu cạnh sổ (quản trị)")
    p.add_argument("--recovery-out", metavar="TỆP.pdf", help="ghi tờ mã khôi phục ra tệp PDF để in ngay")
    p.set_defaults(handler=cmd_enc_on)
    p = enc.add_parser("off", parents=[common], help="bỏ mã hóa: lưu sổ dạng thường (quản trị)")
    p.set_defaults(handler=cmd_enc_off)
    p = enc.add_parser("recovery-key", parents=[common], help="tạo mã khôi phục mới (mã cũ hết tác dụng)")
    p.add_argument("--recovery-out", metavar="TỆP.pdf", help="ghi tờ mã khôi phục ra tệp PDF để in ngay")
    p.set_defaults(handler=cmd_enc_recovery)


def _new_password(prompt_name: str) -> tuple[str, str | None]:
    """The new password (TAYNINH_NEW_PASSWORD, else asked twice)."""
    secret = os.environ.get(NEW_PASSWORD_ENV)
    if secret:
        return secret, None
    first = ask_secret(f"Mật khẩu mới cho «{prompt_name}»: ")
    return first, ask_secret("Nhập lại mật khẩu mới: ")


def _login_password(args) -> str:
    """The administrator's password again (asked once per command); a register without accounts has none."""
    if actor(args).account_id is None:
        from tayninh_desktop.domain.errors import DomainError

        raise DomainError("encryption_needs_admin_account")
    return password_source(args)()


def _cell(db, code: str | None) -> str | None:
    if not code:
        return None
    from tayninh_desktop.services import organisation

    return organisation.cell_by_code(db, code).id


def _role_label(role: str) -> str:
    from tayninh_desktop.domain.messages_accounts import ROLE_LABELS

    return ROLE_LABELS.get(role, role)


def cmd_add(args) -> int:
    from tayninh_desktop.services import accounts

    db = open_db(args)
    who = actor(args)
    secret, repeat = _new_password(args.name)
    if not accounts.has_accounts(db):
        from tayninh_desktop.domain.accounts import parse_role
        from tayninh_desktop.domain.actors import Role
        from tayninh_desktop.domain.errors import DomainError

        if parse_role(args.role) is not Role.ADMIN:
            raise DomainError("first_account_admin")
        account, _ = accounts.create_first_admin(db, who, args.name, args.full_name, secret, repeat)
    else:
        if repeat is not None and repeat != secret:
            from tayninh_desktop.domain.errors import FieldIssue, ValidationError

            raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
        account, _ = accounts.add_account(db, who, args.name, args.full_name, args.role, secret,
                                          cell_id=_cell(db, args.cell))
    emit(args, {"ok": True, "account": _as_dict(account)},
         f"Đã thêm tài khoản «{account.name}» ({_role_label(account.role.value)})."
         + (" Người dùng phải đổi mật khẩu khi đăng nhập lần đầu." if account.must_change else ""))
    return 0


def _as_dict(account) -> dict:
    return {"name": account.name, "full_name": account.full_name, "role": account.role.value,
            "cell_id": account.cell_id, "active": account.active, "must_change": account.must_change,
            "created_at": account.created_at}


def cmd_list(args) -> int:
    from tayninh_desktop.services import accounts, organisation

    db = open_db(args)
    found = accounts.list_accounts(db, actor(args))
    cells = {c.id: c.code for c in organisation.cells(db, include_closed=True)}
    lines = [f"{a.name:<20} {_role_label(a.role.value):<14} {cells.get(a.cell_id, ''):<8} "
             f"{'' if a.active else 'ngừng '}{a.full_name}" for a in found] or ["Sổ chưa có tài khoản nào."]
    emit(args, {"ok": True, "accounts": [{**_as_dict(a), "cell": cells.get(a.cell_id)} for a in found]}, lines)
    return 0


def cmd_passwd(args) -> int:
    from tayninh_desktop.services import accounts

    db = open_db(args)
    who = actor(args)
    if who.account_id is not None and args.name.strip().lower() == who.name:
        secret, repeat = _new_password(who.name)
        accounts.change_password(db, who, _login_password(args), secret, repeat)
        emit(args, {"ok": True, "name": who.name}, f"Đã đổi mật khẩu của «{who.name}».")
        return 0
    return cmd_reset(args)


def cmd_reset(args) -> int:
    from tayninh_desktop.services import accounts

    db = open_db(args)
    who = actor(args)
    secret, repeat = _new_password(args.name)
    if repeat is not None and repeat != secret:
        from tayninh_desktop.domain.errors import FieldIssue, ValidationError

        raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
    accounts.reset_password(db, who, args.name, secret)
    emit(args, {"ok": True, "name": args.name, "must_change": True},
         f"Đã đặt lại mật khẩu của «{args.name}» (và mở khóa). Người dùng phải đổi mật khẩu khi đăng nhập.")
    return 0


def cmd_unlock(args) -> int:
    from tayninh_desktop.services import accounts

    accounts.unlock(open_db(args), actor(args), args.name)
    emit(args, {"ok": True, "name": args.name}, f"Đã mở khóa tài khoản «{args.name}».")
    return 0


def cmd_role(args) -> int:
    from tayninh_desktop.services import accounts

    db = open_db(args)
    accounts.set_role(db, actor(args), args.name, args.role, cell_id=_cell(db, args.cell))
    emit(args, {"ok": True, "name": args.name, "role": args.role},
         f"Tài khoản «{args.name}» nay có vai trò {_role_label(args.role)}.")
    return 0


def cmd_active(args) -> int:
    from tayninh_desktop.services import accounts

    accounts.set_active(open_db(args), actor(args), args.name, args.active)
    emit(args, {"ok": True, "name": args.name, "active": args.active},
         f"Tài khoản «{args.name}» " + ("được dùng lại." if args.active else "đã ngừng."))
    return 0


def cmd_policy(args) -> int:
    from tayninh_desktop.services import accounts

    db = open_db(args)
    values = {"lock_after": args.lock_after, "lock_minutes": args.lock_minutes, "idle_minutes": args.idle_minutes,
              "min_password": args.min_password}
    if any(v is not None for v in values.values()):
        accounts.set_policy(db, actor(args), **values)
    policy = accounts.policy(db)
    delays = ", ".join(str(d) for d in policy.delays)
    emit(args, {"ok": True, "policy": policy.as_dict()},
         [f"Khóa tài khoản sau {policy.lock_after} lần nhập sai liên tiếp, trong {policy.lock_minutes} phút.",
          f"Chờ sau mỗi lần sai (giây): {delays}.",
          f"Khóa màn hình sau {policy.idle_minutes} phút không dùng." if policy.idle_minutes
          else "Không tự khóa màn hình.",
          f"Mật khẩu ít nhất {policy.min_password} ký tự.",
          "(Các con số này là thiết lập của văn phòng, không do văn bản quy định.)"])
    return 0


def cmd_recover(args) -> int:
    from tayninh_desktop.services.session import recover

    typed = os.environ.get(RECOVERY_ENV) or ask_secret("Mã khôi phục (in trên tờ giấy khi mã hóa sổ): ")
    secret, repeat = _new_password(args.name)
    found = recover(db_path(args), args.name, typed, secret, repeat)
    found.db.conn.close()
    emit(args, {"ok": True, "name": found.actor.name},
         f"Đã đặt mật khẩu mới cho quản trị viên «{found.actor.name}» bằng mã khôi phục.")
    return 0


def cmd_enc_status(args) -> int:
    from tayninh_desktop.services import encryption

    path = db_path(args)
    found = encryption.status(path)
    payload = {"ok": True, "encrypted": found.encrypted, "key_id": found.key_id, "keyring": str(found.keyring),
               "admins": list(found.wrapped_for), "recovery_key": found.recovery, "key_on_this_computer":
               found.sealed_here}
    if not found.encrypted:
        emit(args, payload, f"Sổ {path} chưa được mã hóa (lưu dạng SQLite thường).")
        return 0
    emit(args, payload, [f"Sổ {path} được mã hóa (SQLCipher), khóa số {found.key_id}.",
                         f"Tệp khóa đi kèm: {found.keyring}",
                         "Mở được bằng mật khẩu của: " + (", ".join(found.wrapped_for) or "—"),
                         "Có mã khôi phục." if found.recovery else "Chưa có mã khôi phục!",
                         "Máy này giữ khóa của sổ (mọi tài khoản mở được ở đây)." if found.sealed_here
                         else "Máy này chưa giữ khóa: một quản trị viên cần đăng nhập một lần."])
    return 0


def _recovery_lines(args, db, who, recovery: str) -> list[str]:
    from tayninh_desktop.services import encryption

    lines = [f"MÃ KHÔI PHỤC: {recovery}",
             ("Hãy in và cất mã này vào tủ có khóa: khi không còn quản trị viên nào nhớ mật khẩu, chỉ mã này mở "
              "được sổ.")]
    if getattr(args, "recovery_out", None):
        out = encryption.print_recovery_sheet(db, who, recovery, args.recovery_out)
        lines.append(f"Đã ghi tờ mã khôi phục vào {out}: hãy in ngay rồi xóa tệp này.")
    return lines


def cmd_enc_on(args) -> int:
    from tayninh_desktop.services import encryption

    db = open_db(args)
    who = actor(args)
    result = encryption.turn_on(db, who, _login_password(args))
    session(args).db = result.db
    lines = [f"Đã mã hóa sổ {db_path(args)} và {result.backups} bản sao lưu cạnh sổ."]
    lines += _recovery_lines(args, result.db, who, result.recovery_key)
    emit(args, {"ok": True, "encrypted": True, "backups": result.backups, "recovery_key": result.recovery_key,
                "recovery_out": getattr(args, "recovery_out", None)}, lines)
    return 0


def cmd_enc_off(args) -> int:
    from tayninh_desktop.services import encryption

    db = open_db(args)
    result = encryption.turn_off(db, actor(args), _login_password(args))
    session(args).db = result.db
    emit(args, {"ok": True, "encrypted": False, "backups": result.backups},
         f"Đã bỏ mã hóa sổ {db_path(args)} và {result.backups} bản sao lưu cạnh sổ.")
    return 0


def cmd_enc_recovery(args) -> int:
    from tayninh_desktop.services import encryption

    db = open_db(args)
    who = actor(args)
    recovery = encryption.new_recovery_key(db, who, _login_password(args))
    emit(args, {"ok": True, "recovery_key": recovery}, _recovery_lines(args, db, who, recovery))
    return REFUSED if not recovery else 0
