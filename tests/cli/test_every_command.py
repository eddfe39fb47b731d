"""Every command of the command line, walked from the parser itself: its help is Vietnamese and prints without
error, and the README names it (the CLI is a contract: what is not listed cannot be relied on)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tayninh_desktop.cli import build_parser, main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = (*prefix, name)
                children = _commands(sub, path)
                found += children or [path]
    return found


COMMANDS = _commands(build_parser())


def test_the_walk_finds_the_commands():
    assert len(COMMANDS) > 100 and ("members", "show") in COMMANDS and ("dues", "cancel-payment") in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_each_command_has_vietnamese_help_and_is_in_the_readme(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "Cách dùng:" in out
    words = " ".join(command)
    assert f"tayninh-desktop {words}" in README or _listed_with_siblings(command), f"README: {words}"


def _listed_with_siblings(command: tuple[str, ...]) -> bool:
    """``dues advance|settle …`` and ``support loans list | edit …`` list several subcommands on one line."""
    head, last = " ".join(command[:-1]), command[-1]
    for line in README.splitlines():
        if f"tayninh-desktop {head} " in line or (not head and f"tayninh-desktop {last}" in line):
            rest = line.split(f"tayninh-desktop {head}", 1)[1] if head else line
            tokens = rest.replace("|", " | ").split()
            if last in tokens or any(last in t.split("|") for t in tokens):
                return True
    return False
