"""Bounded input: a list over a limit is refused with the limit named, the sheet is read to its real
extent (never padded), and every error inside a reader is a Vietnamese refusal naming the file.

The hostile files run in a child process under a memory limit, as a clerk's PC would have it: a
refusal there proves the reader never tried to allocate what the file asks for.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tayninh_desktop.cli import main
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets.reader import read_workbook
from tests.spreadsheets import bombs
from tests.spreadsheets.builders import flat_list, person, sample

ROOT = Path(__file__).resolve().parents[2]


def read_in_child(path: Path, megabytes: int = 400) -> dict:
    """Read ``path`` in a child limited to ``megabytes`` of address space: {"rows": …} or {"refused": …}."""
    code = textwrap.dedent(f"""
        import json, resource, sys
        cap = {megabytes} * 1024 * 1024
        from tayninh_desktop.domain.errors import DomainError
        from tayninh_desktop.spreadsheets.reader import read_workbook
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        try:
            book = read_workbook({str(path)!r})
            print(json.dumps({{"rows": [len(s.rows) for s in book.sheets],
                              "widest": max((len(r) for s in book.sheets for r in s.rows), default=0)}}))
        except DomainError as error:
            print(json.dumps({{"refused": error.message}}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("ref", ["A1048576", "XFD1048576", "XFD1"])
def test_a_stray_cell_far_away_is_refused_with_the_limit_named(tmp_path, ref):
    path = bombs.with_cell_at(tmp_path, ref)
    assert path.stat().st_size < 6000
    result = read_in_child(path)
    assert path.name in result["refused"]
    assert ("số dòng" if ref != "XFD1" else "số cột") in result["refused"] and "tối đa" in result["refused"]


def test_the_sheet_is_read_to_its_real_extent_not_padded(tmp_path):
    path = bombs.with_cell_at(tmp_path, "C150000")
    result = read_in_child(path, megabytes=300)
    assert result == {"rows": [150000], "widest": 9}


def test_a_shared_string_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = bombs.shared_string_bomb(tmp_path, megabytes=60)
    assert path.stat().st_size < 500_000
    result = read_in_child(path, megabytes=300)
    assert "bảng chữ dùng chung" in result["refused"] and path.name in result["refused"]


def test_a_cell_longer_than_excel_allows_is_refused(tmp_path):
    with pytest.raises(DomainError) as caught:
        read_workbook(bombs.huge_cell(tmp_path))
    assert "ô B9" in caught.value.message and "32767" in caught.value.message


def test_a_file_too_large_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "lon.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(65 * 1024 * 1024)   # sparse: nothing is really written
    with pytest.raises(DomainError) as caught:
        read_workbook(path)
    assert "dung lượng tệp" in caught.value.message and "lon.xlsx" in caught.value.message


@pytest.mark.parametrize("damage", ["cut", "zeros", "pk-garbage"])
@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_a_damaged_file_is_a_vietnamese_refusal_naming_it(tmp_path, damage, kind, capfd):
    good = flat_list(tmp_path / "goc.xlsx", [person(1)]) if kind == "xlsx" else sample("danh-sach-tcvn3.xls")
    data = good.read_bytes()
    data = {"cut": data[: len(data) * 2 // 3], "zeros": data[:600] + bytes(len(data) - 600),
            "pk-garbage": data[:8] + bytes(range(256)) * 4}[damage]
    path = tmp_path / f"hong.{kind}"
    path.write_bytes(data)
    with pytest.raises(DomainError) as caught:
        read_workbook(path)
    message = caught.value.message
    assert "hong." in message and "Traceback" not in message
    assert not any(word in message for word in ("Error", "error", "File is not", "Unsupported"))
    out = capfd.readouterr()
    assert "WARNING" not in out.out + out.err   # xlrd's own chatter stays inside


def test_a_birth_date_in_year_9999_is_a_refused_row_not_a_crash(home_db, cells, today, tmp_path, db_path, capsys):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{"Ngày sinh": "31/12/9999"}), person(2)])
    code = main(["members", "import", str(path), "--cell", "CB01", "--db", str(db_path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["counts"]["refused"] == 1 and out["counts"]["added"] == 1
    assert "«31/12/9999» không phải ngày hợp lệ" in out["rows"][0]["issues"][0]["message"]


@pytest.mark.slow
def test_mutated_lists_are_refused_or_planned_never_a_crash(tmp_path):
    """Hypothesis mutates real .xlsx and .xls lists (bytes of the file and of its parts) and imports each
    into a register, in a child limited to 1 GB: a refusal (register unchanged) or a plan, never a crash."""
    done = subprocess.run([sys.executable, "-m", "tests.spreadsheets.fuzz_child", str(tmp_path), "1024", "600", "9"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["examples"] == 600 and figures["refused"] + figures["planned"] == 600
    print(f"\nfuzz: {figures}")
