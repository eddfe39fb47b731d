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
    out_pdf = tmp_path / "nq.pdf"
    code, out, _ = run("print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", out_pdf, "--date", "05/02/2026",
                       "--db", db_path, "--json")
    payload = json.loads(out)
    assert code == 0 and payload["symbol"] == "1-NQ/CB" and out_pdf.exists()
    code, out, _ = run("documents", "list", "--db", db_path, "--json")
    assert json.loads(out)["documents"][0]["symbol"] == "1-NQ/CB"


def test_refusals_and_usage_errors(run, home_db, db_path, tmp_path):
    code, out, _ = run("print", "khong_co", "--out", tmp_path / "x.pdf", "--db", db_path, "--json")
    assert code == 1 and json.loads(out)["error"] == "form_not_found"
    code, _, err = run("print", "quyet_dinh", "--out", tmp_path / "x.pdf", "--date", "31/02/2026", "--db", db_path)
    assert code == 1 and "--date: «31/02/2026»" in err   # a date that does not exist is refused input
    code, _, _ = run("print", "quyet_dinh", "--db", db_path)
    assert code == 2
