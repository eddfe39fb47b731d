"""The headless interface: ``tayninh-desktop COMMAND …`` (design.md §5).

Exit codes: 0 success, 1 refused input (the message says why; nothing was changed), 2 usage error.
``--json`` prints one JSON object for machines. Each area adds its commands in its own module
(``cli/<area>_commands.py``) with a ``register(subparsers, common)`` function listed in COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from tayninh_desktop.cli.output import Usage, run_handler

COMMAND_MODULES = (
    "tayninh_desktop.cli.register_commands",
    "tayninh_desktop.cli.documents_commands",
    "tayninh_desktop.cli.party_life_commands",
    "tayninh_desktop.cli.import_commands",
)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its usage errors in Vietnamese, exiting 2."""

    def error(self, message: str) -> None:  # pragma: no cover - exercised through the CLI tests
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi cú pháp lệnh: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    common.add_argument("--json", action="store_true", help="in một đối tượng JSON cho máy đọc")
    common.add_argument("--user", metavar="TÊN", help="người thực hiện (ghi vào nhật ký)")
    parser = VietnameseParser(prog="tayninh-desktop",
                              description="Sổ đảng viên và công tác đảng của đảng ủy xã/phường (ngoại tuyến).")
    parser.add_argument("--self-test", action="store_true", help="tự kiểm tra trên một sổ tạm")
    sub = parser.add_subparsers(dest="command", parser_class=VietnameseParser, metavar="LỆNH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from tayninh_desktop.cli.self_test import run_self_test

        return run_self_test()
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return run_handler(handler, args)
    except Usage as exc:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi cú pháp lệnh: {exc}\n")
        return 2
