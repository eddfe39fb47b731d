"""A command's run builds only its own part of the parser (cli.COMMAND_MODULES): each command's parser built alone
is the whole parser's, sub-command by sub-command, and help or a word that is no command still gets the whole."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from tayninh_desktop import cli


def _shape(parser: argparse.ArgumentParser) -> tuple[str, dict]:
    """The parser's help and, for each of its sub-commands, theirs (all the way down)."""
    children = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            children = {name: _shape(sub) for name, sub in action.choices.items()}
    return parser.format_help(), children


def _top(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices


WHOLE = _top(cli.build_parser())


@pytest.mark.parametrize("command", sorted(WHOLE))
def test_each_command_built_alone_parses_as_in_the_whole_parser(command):
    alone = _top(cli.build_parser(command))
    assert command in alone and _shape(alone[command]) == _shape(WHOLE[command])


def test_every_command_has_its_modules_and_no_module_is_left_out():
    declared = {command for commands in cli.COMMAND_MODULES.values() for command in commands}
    assert declared == set(WHOLE)


def test_the_command_is_the_first_word_that_is_no_option():
    assert cli.command_named(["members", "list", "--json"]) == "members"
    assert cli.command_named(["--self-test"]) is None
    assert cli.command_named(["--help", "members"]) is None          # the whole help
    assert cli.command_named(["memberz", "list"]) is None            # not a command: the whole parser refuses it
    assert cli.command_named([]) is None


def test_a_command_imports_the_modules_of_its_command_only():
    code = ("import sys\nfrom tayninh_desktop import cli\ncli.build_parser('members')\n"
            "print(','.join(sorted(n for n in sys.modules if n.startswith('tayninh_desktop.cli.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert "tayninh_desktop.cli.member_commands" in out and "tayninh_desktop.cli.screening_commands" not in out


def test_an_unknown_command_is_refused_naming_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["memberz", "list"])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "memberz" in err and "screening" in err and "members" in err
