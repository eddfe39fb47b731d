"""The house rules that are easy to break without noticing: layer direction and no network."""

import importlib.util
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "tayninh_desktop"
SHARED_CHECKER = ROOT.parent / "shared" / "tools" / "check_layers.py"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_layers", SHARED_CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SHARED_CHECKER.exists(), reason="../shared is not beside the project")
def test_layers_follow_the_design():
    problems = _load_checker().check(PACKAGE)
    assert problems == []


def test_domain_imports_only_the_standard_library():
    code = ("import sys, pkgutil, importlib, tayninh_desktop.domain as d\n"
            "for m in pkgutil.iter_modules(d.__path__): importlib.import_module('tayninh_desktop.domain.' + m.name)\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
            "{'PySide6','sqlite_utils','sqlite3','reportlab','openpyxl','cryptography','xlrd'})\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_the_cli_does_not_import_qt():
    code = ("import sys\nfrom tayninh_desktop.cli import build_parser\nbuild_parser()\n"
            "print(any(n.startswith('PySide6') for n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_network_guard_stops_a_connection():
    from tests.conftest import NETWORK_ATTEMPTS

    before = len(NETWORK_ATTEMPTS)
    with pytest.raises(OSError, match="network access is forbidden"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert len(NETWORK_ATTEMPTS) == before + 1
    del NETWORK_ATTEMPTS[before:]  # this attempt was the test's own
