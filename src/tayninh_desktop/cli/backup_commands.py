"""Commands of backups: backup create / verify / restore / list / settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tayninh_desktop.cli.output import REFUSED, actor, db_path, emit, open_db, password_source, register_key
from tayninh_desktop.domain.messages_integrity import COUNT_LABELS


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser("backup", help="sao lưu, kiểm tra và phục hồi sổ").add_subparsers(
        dest="backup_command", metavar="LỆNH")
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument("--passphrase-file", metavar="TỆP",
                        help="tệp chứa mật khẩu (dòng đầu) của bản sao lưu mã hóa; không có thì hỏi khi cần")
    p = backup.add_parser("create", parents=[common, secret], help="sao lưu sổ ngay (API sao lưu của SQLite)")
    p.add_argument("--to", metavar="THƯ_MỤC",
                   help="thư mục nhận bản sao (mặc định: thư mục backups cạnh sổ); ngoài thư mục dữ liệu thì "
                        "bản sao được mã hóa bằng mật khẩu")
    p.set_defaults(handler=cmd_create)
    p = backup.add_parser("verify", parents=[common, secret], help="kiểm tra một bản sao lưu (chỉ đọc)")
    p.add_argument("file", metavar="TỆP")
    p.set_defaults(handler=cmd_verify)
    p = backup.add_parser("restore", parents=[common, secret],
                          help="phục hồi sổ từ một bản sao lưu (sổ hiện tại được giữ lại thành bản sao lưu)")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--yes", action="store_true", help="phục hồi thật; không có thì chỉ cho xem những gì sẽ thay đổi")
    p.set_defaults(handler=cmd_restore)
    p = backup.add_parser("list", parents=[common], help="các bản sao lưu cạnh sổ")
    p.set_defaults(handler=cmd_list)
    p = backup.add_parser("settings", parents=[common], help="xem hoặc đặt sao lưu tự động")
    p.add_argument("--keep", type=int, metavar="N", help="số bản sao lưu tự động giữ lại")
    p.add_argument("--on-exit", choices=("co", "khong"), help="sao lưu khi đóng cửa sổ chương trình")
    p.add_argument("--daily", choices=("co", "khong"), help="sao lưu mỗi ngày một lần khi mở chương trình")
    p.set_defaults(handler=cmd_settings)


def _passphrase(args, *, confirm: bool = False, needed: bool = True) -> str | None:
    if getattr(args, "passphrase_file", None):
        text = Path(args.passphrase_file).read_text(encoding="utf-8")
        return text.splitlines()[0] if text else ""
    if not needed or not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass("Mật khẩu bản sao lưu: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != first:
        from tayninh_desktop.domain.errors import DomainError

        raise DomainError("backup_passphrase_mismatch")
    return first


def _encrypted(file: str) -> bool:
    from tayninh_desktop.services.backup_restore import is_encrypted_file

    return is_encrypted_file(file)


def cmd_create(args) -> int:
    from tayninh_desktop.services import backup

    db = open_db(args)
    secret = None
    if args.to and not backup.is_inside_data_folder(db, Path(args.to)) or args.passphrase_file:
        secret = _passphrase(args, confirm=True)
    result = backup.create_backup(db, actor(args), to=args.to, passphrase=secret)
    emit(args, {"ok": True, "file": str(result.path), "encrypted": result.encrypted, "counts": result.counts,
                "head": result.head},
         [f"Đã sao lưu vào {result.path}" + (" (mã hóa bằng mật khẩu)." if result.encrypted else "."),
          _counts_line(result.counts)])
    return 0


def _counts_line(counts: dict[str, int]) -> str:
    return "; ".join(f"{COUNT_LABELS.get(t, t)}: {n}" for t, n in counts.items())


def _check_lines(result) -> list[str]:
    lines = [f"Bản sao lưu «{result.file}»" + (" (mã hóa)" if result.encrypted else "")
             + (f", lập lúc {result.manifest.get('made', '?').replace('T', ' ')}" if result.manifest else "") + ".",
             _counts_line(result.counts)]
    lines += [f"  - {f.message}" for f in [*result.notes, *result.problems, *result.report.findings()]]
    lines += [f"  - {text}" for text in result.report.integrity]
    return lines


def cmd_verify(args) -> int:
    from tayninh_desktop.services.backup_restore import verify_backup

    secret = _passphrase(args) if _encrypted(args.file) else None
    result = verify_backup(args.file, passphrase=secret, key=register_key(args))
    lines = _check_lines(result) + ["Kết quả: ĐẠT." if result.ok else "Kết quả: KHÔNG ĐẠT."]
    emit(args, {"ok": result.ok, "file": args.file, "encrypted": result.encrypted, "counts": result.counts,
                "manifest": result.manifest, "problems": [f.message for f in result.problems],
                "check": result.report.as_dict()}, lines)
    return 0 if result.ok else REFUSED


def cmd_restore(args) -> int:
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.storage.db import database_errors

    secret = _passphrase(args) if _encrypted(args.file) else None
    try:
        db = open_db(args)
    except DomainError as error:
        if error.code not in ("db_empty", "db_damaged", "encrypted_damaged"):
            raise
        return _restore_over_damaged(args, secret, error)
    try:
        return _restore(args, db, secret)
    except database_errors():   # the register opened, but a page of it is damaged: restored as a damaged one
        db.conn.close()
        return _restore_over_damaged(args, secret, DomainError("db_damaged", path=str(db_path(args))))


def _restore(args, db, secret) -> int:
    from tayninh_desktop.services.backup_restore import preview_restore, restore_backup

    preview = preview_restore(db, args.file, passphrase=secret)
    lines = _check_lines(preview.check) + ["Những gì sẽ thay đổi (sổ hiện tại → bản sao lưu):"]
    tables = [t for t in COUNT_LABELS if t in preview.current or t in preview.check.counts]
    for table in tables:
        now, then = preview.current.get(table, 0), preview.check.counts.get(table, 0)
        lines.append(f"  {COUNT_LABELS.get(table, table):<28} {now:>8} → {then:>8}" + ("" if now == then else "  *"))
    last_now, last_then = preview.current_last or {}, preview.check.last_action or {}
    lines.append(f"  Thao tác cuối: {last_now.get('at', '—')} ({last_now.get('action', '—')}) → "
                 f"{last_then.get('at', '—')} ({last_then.get('action', '—')})")
    payload = {"ok": True, "applied": False, "file": args.file, "current": preview.current,
               "backup": preview.check.counts, "check_ok": preview.check.ok}
    if not args.yes:
        lines.append("Chưa phục hồi. Chạy lại với --yes để phục hồi (sổ hiện tại sẽ được giữ lại thành bản sao lưu).")
        emit(args, payload, lines)
        return 0
    result = restore_backup(db, actor(args), args.file, passphrase=secret)
    lines.append(f"Đã phục hồi sổ {db_path(args)} từ {args.file}. Sổ trước khi phục hồi được giữ tại {result.kept}.")
    emit(args, {**payload, "applied": True, "kept": str(result.kept), "after": result.after}, lines)
    return 0


def _restore_over_damaged(args, secret, error) -> int:
    from tayninh_desktop.services.backup_restore import (
        damaged_register_admin,
        restore_over_damaged,
        verify_backup,
    )
    from tayninh_desktop.services.encryption import is_encrypted

    lines = [error.message]
    who, key = None, None
    if is_encrypted(db_path(args)):   # its accounts cannot be read: an administrator's password opens the key
        who, key = damaged_register_admin(db_path(args), getattr(args, "user", None), password_source(args)())
    if not args.yes:
        result = verify_backup(args.file, passphrase=secret, key=key)
        lines += _check_lines(result)
        lines.append("Chưa phục hồi. Chạy lại với --yes: sổ hỏng được giữ lại dưới tên khác, bản sao lưu được "
                     "phục hồi thành sổ mới.")
        emit(args, {"ok": True, "applied": False, "damaged": error.code, "backup": result.counts}, lines)
        return 0
    result = restore_over_damaged(db_path(args), who or actor(args), args.file, passphrase=secret, key=key)
    lines.append(f"Đã phục hồi sổ {db_path(args)} từ {args.file}. Tệp sổ hỏng được giữ tại {result.kept}.")
    emit(args, {"ok": True, "applied": True, "kept": str(result.kept), "after": result.after}, lines)
    return 0


def cmd_list(args) -> int:
    from tayninh_desktop.services import backup

    db = open_db(args)
    items = backup.list_backups(db)
    emit(args, {"ok": True, "backups": [{"file": str(b.path), "kind": b.kind, "made": b.made, "size": b.size,
                                         "encrypted": b.encrypted} for b in items]},
         [f"{b.made:%d/%m/%Y %H:%M}  {b.kind:<15} {b.size // 1024:>8} KB  {b.path.name}" if b.made
          else f"{'?':<16}  {b.kind:<15} {b.size // 1024:>8} KB  {b.path.name}" for b in items]
         + [f"Tổng số: {len(items)} bản sao lưu."])
    return 0


def cmd_settings(args) -> int:
    from tayninh_desktop.services import backup

    db = open_db(args)
    current = backup.settings(db)
    if args.keep is not None or args.on_exit or args.daily:
        backup.set_settings(db, actor(args), keep=current["keep"] if args.keep is None else args.keep,
                            on_exit=current["on_exit"] if not args.on_exit else args.on_exit == "co",
                            daily=current["daily"] if not args.daily else args.daily == "co")
        current = backup.settings(db)
    yes = {True: "có", False: "không"}
    emit(args, {"ok": True, **current},
         [(f"Giữ lại {current['keep']} bản sao lưu tự động; sao lưu khi đóng chương trình: "
           f"{yes[current['on_exit']]}; mỗi ngày: {yes[current['daily']]}.")])
    return 0
