"""Bad input never hurts: each case found by hunting through every command with wrong input.

Each refusal exits 1 with a specific Vietnamese sentence, leaves the register byte-for-byte as it
was and leaves no file behind; a usage error exits 2.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tayninh_desktop.cli import main


def run_main(capsys, *args) -> tuple[int, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out + out.err


def dump(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def register(home_db, cells, actor, make_form, today, db_path):
    """A register file with its committee, two cells and one member (joined 16/01/1994)."""
    from tayninh_desktop.services import register as register_service

    member_id, _ = register_service.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    return db_path, member_id


def assert_refused(code: int, out: str, *expected: str) -> None:
    assert code == 1, out
    assert "Traceback" not in out and "lỗi không lường trước" not in out, out
    for text in expected:
        assert text in out, out


# --- a database that belongs to another program ---------------------------------------------------

@pytest.mark.parametrize("command", [["members", "list"], ["check"],
                                     ["init", "--unit-code", "HT", "--unit-name", "Đảng ủy xã X",
                                      "--superior-name", "Tỉnh ủy Tây Ninh"]])
def test_sqlite_file_of_another_program_is_refused_and_left_untouched(tmp_path, capsys, command):
    other = tmp_path / "danh-ba.sqlite3"
    conn = sqlite3.connect(str(other))
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ba', '0909')")
    conn.commit()
    conn.close()
    before = dump(other)
    code, out = run_main(capsys, *command, "--db", other)
    assert_refused(code, out, str(other), "chương trình khác")
    assert dump(other) == before
    assert not (tmp_path / "backups").exists()


# --- a database another program holds a write transaction on ---------------------------------------

def test_writing_to_a_locked_register_says_it_is_in_use(register, capsys, monkeypatch):
    from tayninh_desktop.storage import db as storage_db

    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 300)   # the writer waits this long, then says why
    path, _ = register
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = dump(path)
        code, out = run_main(capsys, "cells", "add", "--db", path, "--code", "CB09", "--name", "Chi bộ ấp Mới")
        assert_refused(code, out, str(path), "đang được một chương trình khác dùng")
        assert "database is locked" not in out
        code, out = run_main(capsys, "check", "--db", path)   # check only reads: it never waits for writers
        assert code == 0 and "Kết quả: ĐẠT." in out, out
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dump(path) == before


# --- years out of any range -------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "year"), [
    (["ratings", "quota", "--year", "0"], "0"),
    (["meetings", "list", "--cell", "CB01", "--year", "99999"], "99999"),
    (["documents", "list", "--year", "-1"], "-1"),
    (["documents", "register", "--year", "99999999999999999999999", "--out", "{tmp}/so.pdf"],
     "99999999999999999999999"),
    (["print", "danh_sach_dang_vien", "--cell", "CB01", "--year", "0", "--out", "{tmp}/ds.pdf"], "0"),
    (["ratings", "add", "--member", "{member}", "--year", "99999", "--level", "tot"], "99999"),
])
def test_a_year_out_of_range_is_refused_naming_it(register, tmp_path, capsys, args, year):
    path, member_id = register
    args = [a.format(tmp=tmp_path, member=member_id) for a in args]
    before = dump(path)
    code, out = run_main(capsys, *args, "--db", path)
    assert_refused(code, out, "Năm", f"«{year}»")
    assert dump(path) == before
    assert not list(tmp_path.glob("*.pdf"))


# --- impossible dates are refused input (exit 1) in every command, naming the option ---------------

@pytest.mark.parametrize("args", [
    ["units", "tree", "--on", "{bad}"],
    ["units", "move", "--code", "CB01", "--parent", "HT", "--from", "{bad}"],
    ["units", "rename", "--code", "CB01", "--name", "Chi bộ ấp Cầu Xe 2", "--from", "{bad}"],
    ["members", "export", "{tmp}/ds.xlsx", "--on", "{bad}"],
    ["print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", "{tmp}/nq.pdf", "--date", "{bad}"],
])
@pytest.mark.parametrize("bad", ["31/02/2026", "2026-13-01", "hôm qua"])
def test_an_impossible_date_is_refused_input_naming_the_option(register, tmp_path, capsys, args, bad):
    path, _ = register
    args = [a.format(tmp=tmp_path, bad=bad) for a in args]
    option = args[args.index(bad) - 1]
    before = dump(path)
    code, out = run_main(capsys, *args, "--db", path, "--json")
    assert code == 1, out
    payload = json.loads(out)
    assert payload["ok"] is False and f"«{bad}»" in payload["message"] and option in payload["message"]
    assert dump(path) == before
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx")]


# --- an output file that cannot be written: the message names the user's file, in Vietnamese ------

@pytest.mark.parametrize("args", [
    ["members", "export", "{out}.xlsx"],
    ["print", "danh_sach_dang_vien", "--cell", "CB01", "--out", "{out}.pdf"],
    ["print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", "{out}.pdf"],
    ["documents", "register", "--out", "{out}.pdf"],
])
@pytest.mark.parametrize("where", ["/proc/khong-ghi-duoc", "{tmp}/la-thu-muc"])
def test_an_unwritable_output_is_refused_naming_the_file(register, tmp_path, capsys, args, where):
    path, _ = register
    out_base = where.format(tmp=tmp_path)
    for suffix in (".xlsx", ".pdf"):
        if "{tmp}" in where:
            Path(out_base + suffix).mkdir(exist_ok=True)
    args = [a.format(out=out_base) for a in args]
    target = next(a for a in args if a.startswith(out_base))
    before = dump(path)
    code, out = run_main(capsys, *args, "--db", path)
    assert_refused(code, out, f"«{target}»")
    assert ".tmp" not in out and "No such file" not in out and "Is a directory" not in out
    assert dump(path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# --- print options that were silently ignored ------------------------------------------------------

def test_print_with_a_case_that_does_not_exist_is_refused(register, tmp_path, capsys):
    path, _ = register
    before = dump(path)
    code, out = run_main(capsys, "print", "quyet_dinh", "--case", "HS-999", "--out", tmp_path / "qd.pdf", "--db", path)
    assert_refused(code, out, "HS-999")
    assert dump(path) == before and not (tmp_path / "qd.pdf").exists()


@pytest.mark.parametrize("period", ["abc", "2026-13", "13/2026"])
def test_print_with_a_bad_period_is_refused(register, tmp_path, capsys, period):
    path, _ = register
    before = dump(path)
    code, out = run_main(capsys, "print", "bao_cao", "--period", period, "--out", tmp_path / "bc.pdf", "--db", path)
    assert_refused(code, out, f"«{period}»")
    assert dump(path) == before and not (tmp_path / "bc.pdf").exists()


# --- a refused init or demo leaves no new database file behind --------------------------------------

@pytest.mark.parametrize("args", [
    ["init", "--unit-code", "H T/", "--unit-name", "Đảng ủy xã X", "--superior-name", "Tỉnh ủy Tây Ninh"],
    ["init", "--unit-code", "HT", "--unit-name", "", "--superior-name", "Tỉnh ủy Tây Ninh"],
    ["demo", "--members", "-1"],
    ["demo", "--members", "20", "--cells", "-1"],
    ["demo", "--members", "20", "--years", "0"],
])
def test_a_refused_init_or_demo_leaves_no_database_file(tmp_path, capsys, args):
    path = tmp_path / "moi" / "so.sqlite3"
    code, out = run_main(capsys, *args, "--db", path)
    assert_refused(code, out)
    assert not path.exists() and not list(path.parent.glob("so.sqlite3*"))


def test_init_names_the_code_the_user_typed(tmp_path, capsys):
    code, out = run_main(capsys, "init", "--unit-code", "H T/", "--unit-name", "Đảng ủy xã X",
                         "--superior-name", "Tỉnh ủy Tây Ninh", "--db", tmp_path / "so.sqlite3")
    assert_refused(code, out, "«H T/»")
    assert "H T/-CT" not in out


# --- duplicates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_second_cell_with_the_same_name_is_refused(register, capsys, form):
    path, _ = register
    before = dump(path)
    name = unicodedata.normalize(form, "Chi bộ ấp Cầu Xe")
    code, out = run_main(capsys, "cells", "add", "--code", "CB09", "--name", name, "--db", path)
    assert_refused(code, out, "Chi bộ ấp Cầu Xe", "CB01")
    assert dump(path) == before


# --- output to a closed pipe --------------------------------------------------------------------------

def test_output_to_a_closed_pipe_prints_no_traceback(register):
    path, _ = register
    proc = subprocess.Popen([sys.executable, "-m", "tayninh_desktop", "forms", "list", "--db", str(path), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err, err.decode()
