"""forms list / print / documents: exit codes, JSON, real files."""

from __future__ import annotations

import json

import pytest

from tayninh_desktop import cli


@pytest.fixture
def run(monkeypatch, capsys):
    module = "tayninh_desktop.cli.documents_commands"
    if module not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, module))

    def call(*args):
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def test_forms_list_json(run, home_db, db_path):
    code, out, _ = run("forms", "list", "--db", db_path, "--json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] and payload["count"] >= 13
    assert {"id": "nghi_quyet_chi_bo", "type_code": "NQ"}.items() <= next(
        f for f in payload["forms"] if f["id"] == "nghi_quyet_chi_bo").items()


def test_print_issues_a_number(run, home_db, cells, db_path, tmp_path):
    content = tmp_path / "nd.txt"
    content.write_text("Tổ chức học tập Nghị quyết.\n\nVận động đóng đảng phí đúng hạn.\n", encoding="utf-8")
    args = ("print", "nghi_quyet_chi_bo", "--cell", "CB01", "--date", "05/02/2026", "--db", db_path, "--json")
    code, out, _ = run(*args, "--out", tmp_path / "a.pdf", "--content", content)
    assert code == 1 and json.loads(out)["error"] == "signer_missing"          # refused: who signs?
    assert run("signers", "set", "--unit", "CB01", "--secretary", "Nguyễn Văn Chín", "--db", db_path)[0] == 0
    code, out, _ = run(*args, "--out", tmp_path / "a.pdf", "--content", content)
    assert code == 1 and json.loads(out)["error"] == "term_unknown"            # refused: which term?
    assert run("terms", "add", "--closed", "15/08/2025", "--label", "Đại hội lần thứ I", "--db", db_path)[0] == 0
    code, out, _ = run(*args, "--out", tmp_path / "a.pdf", "--content", content)
    payload = json.loads(out)
    assert code == 0 and payload["symbol"] == "01-NQ/CB" and payload["numbered"] and (tmp_path / "a.pdf").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    code, out, _ = run("documents", "list", "--db", db_path, "--json")
    assert json.loads(out)["documents"][0]["symbol"] == "01-NQ/CB"
    code, out, _ = run(*args, "--out", tmp_path / "b.pdf")                     # no content: a template, no number
    assert code == 0 and json.loads(out)["symbol"] is None
    code, out, _ = run(*args, "--out", tmp_path / "c.pdf", "--content", content, "--draft")
    assert code == 0 and json.loads(out)["symbol"] is None


def test_print_register_and_refused_inputs(run, home_db, cells, db_path, tmp_path):
    code, out, _ = run("print", "so_dang_ky_van_ban", "--out", tmp_path / "so.pdf", "--db", db_path, "--json")
    assert code == 0 and (tmp_path / "so.pdf").exists()
    code, out, _ = run("print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", tmp_path / "x.pdf",
                       "--content", tmp_path / "missing.txt", "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "content_unreadable" and not (tmp_path / "x.pdf").exists()
    code, out, _ = run("print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", tmp_path, "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "output_is_folder"
    code, out, _ = run("terms", "add", "--closed", "31/02/2025", "--db", db_path, "--json")
    assert code == 1
    code, out, err = run("print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", tmp_path / "y.pdf",
                         "--summary", "x" * 400, "--db", db_path)
    assert code == 1 and "Trích yếu: dài 400 ký tự" in err and not (tmp_path / "y.pdf").exists()
    code, out, _ = run("print", "bien_ban_kiem_phieu", "--cell", "CB01", "--out", tmp_path / "z.pdf",
                       "--yes", "-1", "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "tally_impossible"
    code, out, _ = run("signers", "set", "--unit", "CB01", "--secretary", "x" * 200, "--db", db_path, "--json")
    assert code == 1 and "quá dài" in out


def test_refusals_and_usage_errors(run, home_db, db_path, tmp_path):
    code, out, _ = run("print", "khong_co", "--out", tmp_path / "x.pdf", "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "form_not_found"
    code, _, err = run("print", "quyet_dinh", "--out", tmp_path / "x.pdf", "--date", "31/02/2026", "--db", db_path)
    assert code == 1 and "--date: «31/02/2026»" in err   # a date that does not exist is refused input
    code, _, _ = run("print", "quyet_dinh", "--db", db_path)
    assert code == 2


def test_signers_set_keeps_the_name_not_given(run, home_db, cells, db_path):
    assert run("signers", "set", "--secretary", "Nguyễn Văn Bí", "--deputy", "Trần Thị Phó", "--db", db_path)[0] == 0
    assert run("signers", "set", "--deputy", "Lê Văn Mới", "--db", db_path)[0] == 0
    code, out, _ = run("signers", "list", "--db", db_path, "--json")
    committee = json.loads(out)["units"][0]
    assert (committee["secretary"], committee["deputy"]) == ("Nguyễn Văn Bí", "Lê Văn Mới")
    code, out, _ = run("terms", "add", "--closed", "15/08/2025", "--db", db_path, "--json")
    code, out, _ = run("terms", "add", "--closed", "15/08/2025", "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "congress_exists"
    code, out, _ = run("terms", "remove", "--closed", "16/08/2025", "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "congress_not_found"
    code, out, _ = run("terms", "list", "--db", db_path, "--json")
    assert json.loads(out)["congresses"] == [{"closed_on": "2025-08-15", "label": ""}]


def test_a_paper_as_a_word_file_and_an_issued_one_again(run, home_db, cells, db_path, tmp_path):
    from docx import Document

    content = tmp_path / "nd.txt"
    content.write_text("Đảng viên học tập chuyên đề năm 2026.\n", encoding="utf-8")
    base = ("--date", "05/02/2026", "--summary", "học tập chuyên đề", "--db", db_path, "--json")
    code, out, _ = run("print", "ke_hoach", "--out", tmp_path / "kh.docx", "--content", content, *base)
    payload = json.loads(out)
    assert code == 0 and payload["format"] == "docx" and payload["numbered"] is False
    texts = [p.text for p in Document(str(tmp_path / "kh.docx")).paragraphs]
    assert "KẾ HOẠCH" in texts and "Đảng viên học tập chuyên đề năm 2026." in texts
    code, out, _ = run("print", "ho_so_hop_chi_bo", "--cell", "CB01", "--out", tmp_path / "hs.docx", *base)
    assert code == 1 and json.loads(out)["error"] == "word_not_for_dossier"
    run("signers", "set", "--secretary", "Nguyễn Văn Chín", "--db", db_path)
    run("terms", "add", "--closed", "15/08/2025", "--db", db_path)
    code, out, _ = run("print", "ke_hoach", "--out", tmp_path / "kh.pdf", "--content", content, *base)
    document_id = json.loads(out)["document_id"]
    code, out, _ = run("documents", "reprint", document_id, "--out", tmp_path / "kh-so.docx", "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["format"] == "docx"
    left = Document(str(tmp_path / "kh-so.docx")).tables[0].rows[0].cells[0]
    assert "Số 01-KH/ĐU" in [p.text for p in left.paragraphs]
