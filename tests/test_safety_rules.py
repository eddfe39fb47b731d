"""House rules of the safety work: encryption only in exchange/, every backup command documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tayninh_desktop.cli import main

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tayninh_desktop"
CRYPTO = ("pyrage", "cryptography", "nacl", "argon2")


def test_encryption_libraries_are_imported_only_in_exchange():
    found = []
    for path in PACKAGE.rglob("*.py"):
        layer = path.relative_to(PACKAGE).parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [(layer, path.name, n) for n in names if n.split(".")[0] in CRYPTO]
    assert found and all(layer == "exchange" for layer, _, _ in found), found


@pytest.mark.parametrize("command", ["create", "verify", "restore", "list", "settings"])
def test_every_backup_command_has_vietnamese_help(capsys, command):
    with pytest.raises(SystemExit) as done:
        main(["backup", command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "Cách dùng:" in out and "tùy chọn" in out


def test_the_readme_lists_the_backup_commands():
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    for command in ("backup create", "backup verify", "backup restore", "backup list", "backup settings"):
        assert f"tayninh-desktop {command}" in readme


def test_sqlcipher_is_imported_only_in_storage():
    """The encrypted register's binding belongs to the SQLite layer, like sqlite3 (storage/cipher.py)."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [path.relative_to(PACKAGE).parts[0] for n in names if n.split(".")[0] == "sqlcipher3"]
    assert found and set(found) == {"storage"}


@pytest.mark.parametrize("command", [("accounts", "add"), ("accounts", "list"), ("accounts", "passwd"),
                                     ("accounts", "unlock"), ("accounts", "reset"), ("encryption", "on"),
                                     ("encryption", "off"), ("encryption", "status")])
def test_every_accounts_command_has_vietnamese_help_and_is_in_the_readme(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "Cách dùng:" in out and "tùy chọn" in out
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"tayninh-desktop {command[0]} {command[1]}" in readme or \
        f"tayninh-desktop {command[0]} " in readme and command[1] in readme
