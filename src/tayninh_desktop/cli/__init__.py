"""The headless interface: ``tayninh-desktop COMMAND …`` (design.md §5).

Exit codes: 0 success, 1 refused input (the message says why; nothing was changed), 2 usage error.
``--json`` prints one JSON object for machines. Each area adds its commands in its own module
(``cli/<area>_commands.py``) with a ``register(subparsers, common)`` function listed in COMMAND_MODULES with the
commands it is needed for.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys

from tayninh_desktop.cli.output import Usage, run_handler

# Each command module and the top-level commands it is needed for: those it adds, those it extends, and those whose
# groups it makes for another module to extend (``register_commands.GROUPS``). A command's run imports only the
# modules of its command; help, an unknown command or none build the whole parser. tests/cli/test_lazy_parser.py
# holds every command's parser built alone equal to the whole parser's.
_MEMBERS = ("members", "crosscheck")
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "tayninh_desktop.cli.register_commands": ("init", "demo", *_MEMBERS, "cells", "units", "check"),
    "tayninh_desktop.cli.member_commands": ("members",),
    "tayninh_desktop.cli.documents_commands": ("forms", "print", "documents"),
    "tayninh_desktop.cli.party_life_commands": ("warnings", "meetings", "ratings", "tasks", "letters",
                                                "letter-outcome", "contact"),
    "tayninh_desktop.cli.import_commands": _MEMBERS,
    "tayninh_desktop.cli.rules_commands": ("discipline", "discipline-remove", "away", "readmit", "rules"),
    "tayninh_desktop.cli.dues_commands": ("dues",),
    "tayninh_desktop.cli.papers_commands": ("signers", "terms"),
    "tayninh_desktop.cli.support_commands": ("support",),
    "tayninh_desktop.cli.support_application_commands": ("support",),
    "tayninh_desktop.cli.support_corrections_commands": ("support",),
    "tayninh_desktop.cli.fund_commands": ("fund",),
    "tayninh_desktop.cli.backup_commands": ("backup",),
    "tayninh_desktop.cli.statistics_commands": ("statistics", "awards"),
    "tayninh_desktop.cli.screening_commands": ("screening", "allotment"),
    "tayninh_desktop.cli.cases_commands": ("cases",),
    "tayninh_desktop.cli.returns_commands": ("keys", "returns", "demo-returns"),
    "tayninh_desktop.cli.merge_commands": ("merge",),
    "tayninh_desktop.cli.accounts_commands": ("accounts", "encryption"),
}


class VietnameseFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix="" when it builds a sub-command's name: keep that one empty.
        return super().add_usage(usage, actions, groups, prefix="Cách dùng: " if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """argparse speaking Vietnamese: headings, the help option and usage errors (exit 2)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", VietnameseFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "lệnh và tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # pragma: no cover - exercised through the CLI tests
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi cú pháp lệnh: {translate_argparse(message)}\n")
        raise SystemExit(2)


# argparse's own sentences, in the forms it produces them, and how the office reads them.
_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (\S+): invalid (?:int|float) value: '(.*)'"), r"\1: «\2» không phải là số."),
    (re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)"), r"\1: không có «\2» (chọn: \3)."),
    (re.compile(r"argument (\S+): expected one argument"), r"\1: thiếu giá trị."),
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1."),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tham số: \1."),
)


def translate_argparse(message: str) -> str:
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``command`` only what that command needs (COMMAND_MODULES)."""
    common = VietnameseParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    common.add_argument("--json", action="store_true", help="in một đối tượng JSON cho máy đọc")
    common.add_argument("--user", metavar="TÊN", help="tài khoản đăng nhập (khi sổ đã có tài khoản; mật khẩu lấy từ "
                        "biến TAYNINH_PASSWORD hoặc gõ khi được hỏi); tên này được ghi vào nhật ký")
    parser = VietnameseParser(prog="tayninh-desktop",
                              description="Sổ đảng viên và công tác đảng của đảng ủy xã/phường (ngoại tuyến).")
    parser.add_argument("--self-test", action="store_true", help="tự kiểm tra trên một sổ tạm")
    sub = parser.add_subparsers(dest="command", parser_class=VietnameseParser, metavar="LỆNH")
    for name, commands in COMMAND_MODULES.items():
        if command is None or command in commands:
            importlib.import_module(name).register(sub, common)
    return parser


def command_named(argv: list[str]) -> str | None:
    """The command ``argv`` runs when it is one of ours (its first word that is not an option), else None: help
    asked before it, no command or an unknown one (the whole parser answers those)."""
    for word in argv:
        if word in ("-h", "--help"):
            return None
        if not word.startswith("-"):
            return word if any(word in commands for commands in COMMAND_MODULES.values()) else None
    return None


def _prepare_data_folder() -> None:
    """Where this run notes its temporary files and finds its keys (the data folder, portable mode included);
    remove the temporaries a killed run left behind."""
    from tayninh_desktop.config import data_dir
    from tayninh_desktop.domain import temp_journal

    temp_journal.configure(data_dir() / "tam")
    temp_journal.sweep()
    from tayninh_desktop.storage import keystore

    keystore.configure(data_dir() / "khoa")   # beside the data, portable mode included


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(command_named(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.self_test:
        from tayninh_desktop.cli.self_test import run_self_test

        return run_self_test()
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    _prepare_data_folder()
    try:
        return run_handler(handler, args)
    except Usage as exc:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"Lỗi cú pháp lệnh: {exc}\n")
        return 2
