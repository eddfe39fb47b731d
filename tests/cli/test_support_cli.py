"""The support programme headless: screen, told, the loan and its interest, an application to payment, the fund's
statement; refused input exits 1 with a Vietnamese message naming the field, and changes nothing."""

from __future__ import annotations

import json

import pytest

from tayninh_desktop.cli import main
from tests.services import support_fixtures
from tests.services.support_fixtures import dump

people = support_fixtures.people


def run(capsys, *args) -> tuple[int, dict | str]:
    code = main(list(args))
    out = capsys.readouterr().out
    try:
        return code, json.loads(out)
    except json.JSONDecodeError:
        return code, out


@pytest.fixture
def db_arg(people, db_path):
    return ["--db", str(db_path)]


def test_screen_json_lists_members_told_or_not_with_the_missing_criteria(db_arg, capsys):
    code, payload = run(capsys, "support", "screen", *db_arg, "--on", "27/11/2026", "--json")
    assert code == 0 and payload["plan"] == "KH-2026" and payload["plan_unconfirmed"] is True
    by_name = {m["full_name"]: m for m in payload["members"]}
    assert by_name["Trần Văn Lâm"]["missing"] == ["chưa ghi hoàn cảnh gia đình năm 2026", "chưa ghi khoản vay NHCSXH"]
    assert by_name["Nguyễn Thị Hoa"]["basis"] == "doi_tuong" and by_name["Nguyễn Thị Hoa"]["told"] is False
    assert payload["counts"]["screened"] == 4


def test_told_then_screen_text(db_arg, capsys):
    code, out = run(capsys, "support", "told", "072160200002", *db_arg, "--on", "20/11/2026", "--how", "Gặp tại nhà")
    assert code == 0 and "Lê Thị Mai" in out
    code, out = run(capsys, "support", "screen", *db_arg, "--on", "27/11/2026")
    mai = next(line for line in out.splitlines() if line.startswith("Lê Thị Mai"))
    assert "đã thông tin 20/11/2026" in mai
    code, out = run(capsys, "support", "screen", *db_arg, "--on", "27/11/2026", "--untold")
    assert "Lê Thị Mai" not in out


def test_told_with_a_bad_date_exits_1(db_arg, capsys):
    code, payload = run(capsys, "support", "told", "072160200002", *db_arg, "--on", "31/02/2026", "--how", "Gặp",
                        "--json")
    assert code == 1 and payload["fields"]["told_on"][0].startswith("Ngày thông tin: «31/02/2026»")


def test_a_rate_of_66_exits_1_and_changes_nothing(db_arg, db_path, capsys):
    from tayninh_desktop.storage.db import open_database

    db = open_database(db_path)
    before = dump(db)
    code, payload = run(capsys, "support", "loans", "add", "072160200001", *db_arg, "--programme", "ho_ngheo",
                        "--amount", "30.000.000", "--rate", "66", "--start", "01/03/2026", "--term", "36", "--json")
    assert code == 1 and "Có phải 6,6 %/năm?" in payload["fields"]["rate"][0]
    assert dump(db) == before
    db.conn.close()


def test_application_to_payment_and_the_statement(db_arg, capsys):
    code, payload = run(capsys, "support", "apply", "072160200000", *db_arg, "--loan", "KU-0001", "--from",
                        "01/01/2026", "--to", "30/09/2026", "--on", "01/10/2026", "--json")
    assert code == 0 and payload["label"] == "HS 001/2026" and payload["interest_paid"] == 2_970_000
    items = [f"--item={code}=Bản chính" for code in ("la_dang_vien", "thuoc_doi_tuong", "khoan_vay", "da_tra_lai",
                                                     "don_de_nghi")]
    code, _ = run(capsys, "support", "check", "001/2026", *db_arg, "--on", "05/10/2026", *items)
    assert code == 0
    code, payload = run(capsys, "support", "approve", "HS 001/2026", *db_arg, "--on", "10/10/2026", "--by",
                        "Nguyễn Văn Bảy", "--decision", "45-QĐ/ĐU", "--json")
    assert code == 0 and payload["support_amount"] == 2_079_000
    code, payload = run(capsys, "support", "pay", "001/2026", *db_arg, "--on", "15/10/2026", "--json")
    assert code == 1 and "lớn hơn số dư quỹ" in payload["fields"]["payment_amount"][0]
    code, _ = run(capsys, "fund", "contribute", *db_arg, "--contributor", "Hội Nông dân xã", "--kind", "don_vi",
                  "--amount", "5.000.000", "--receipt", "001/2026", "--on", "01/09/2026")
    assert code == 0
    code, payload = run(capsys, "support", "pay", "001/2026", *db_arg, "--on", "15/10/2026", "--amount", "3.000.000",
                        "--json")
    assert code == 1 and "vượt số được duyệt còn lại" in payload["fields"]["payment_amount"][0]
    code, payload = run(capsys, "support", "pay", "001/2026", *db_arg, "--on", "15/10/2026", "--json")
    assert code == 0 and payload["balance"] == 2_921_000
    code, payload = run(capsys, "fund", "statement", *db_arg, "--from", "01/10/2026", "--to", "31/10/2026", "--json")
    assert code == 0 and payload["opening"] == 5_000_000 and payload["balance"] == 2_921_000
    assert [e["kind"] for e in payload["entries"]] == ["chi"]


def test_reversal_of_a_reversal_exits_1(db_arg, capsys):
    run(capsys, "fund", "contribute", *db_arg, "--contributor", "Bà Lê Thị Bảy", "--kind", "ca_nhan", "--amount",
        "1.000.000", "--receipt", "001/2026", "--on", "01/09/2026")
    code, payload = run(capsys, "fund", "reverse", "1", *db_arg, "--reason", "Ghi trùng", "--on", "02/09/2026",
                        "--json")
    assert code == 0 and payload["seq"] == 2 and payload["balance"] == 0
    code, payload = run(capsys, "fund", "reverse", "2", *db_arg, "--reason", "Nhầm", "--json")
    assert code == 1 and payload["fields"]["entry_id"] == [
        "Bút toán: bút toán số 2 là bút toán đảo; không đảo một bút toán đảo — ghi lại bút toán đúng nếu cần."]


def test_report_json_and_pdf(db_arg, home_db, actor, tmp_path, capsys):
    from tests.conftest import make_papers_ready

    make_papers_ready(home_db, actor)
    code, payload = run(capsys, "support", "report", *db_arg, "--period", "2026", "--out",
                        str(tmp_path / "bao-cao.pdf"), "--json")
    assert code == 0 and payload["symbol"] == "01-BC/ĐU" and payload["totals"]["screened"] == 4
    assert (tmp_path / "bao-cao.pdf").stat().st_size > 10_000


def test_programmes_marks_unconfirmed_values(db_arg, capsys):
    code, out = run(capsys, "support", "programmes", *db_arg)
    assert code == 0 and "CHƯA XÁC NHẬN" in out and "6,6 %/năm" in out


def test_every_support_command_has_vietnamese_help(capsys):
    for args in (["support", "--help"], ["fund", "--help"], ["support", "screen", "--help"],
                 ["fund", "statement", "--help"], ["support", "told", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        assert "Cách dùng:" in capsys.readouterr().out


def test_print_the_application_and_the_lists(db_arg, tmp_path, capsys):
    from tests.documents.conftest import pdftotext

    run(capsys, "support", "apply", "072160200000", *db_arg, "--loan", "KU-0001", "--from", "01/01/2026", "--to",
        "30/09/2026", "--on", "01/10/2026")
    items = [f"--item={code}=Bản chính" for code in ("la_dang_vien", "thuoc_doi_tuong", "khoan_vay", "da_tra_lai",
                                                     "don_de_nghi")]
    run(capsys, "support", "check", "001/2026", *db_arg, "--on", "05/10/2026", *items)
    run(capsys, "support", "approve", "001/2026", *db_arg, "--on", "10/10/2026", "--by", "Nguyễn Văn Bảy",
        "--decision", "45-QĐ/ĐU")
    for paper, extra, expected in (("application", ["--application", "001/2026"], "ĐƠN ĐỀ NGHỊ"),
                                   ("approvals", ["--period", "2026"], "2.079.000"),
                                   ("payments", ["--period", "H2/2026"], "Ký nhận")):
        out = tmp_path / f"{paper}.pdf"
        code, payload = run(capsys, "support", "print", paper, *db_arg, *extra, "--out", str(out), "--json")
        assert code == 0 and payload["pages"] >= 1
        assert expected in " ".join(pdftotext(out).split())
    code, payload = run(capsys, "support", "print", "application", *db_arg, "--out", str(tmp_path / "x.pdf"), "--json")
    assert code == 2


def test_loan_edit_keeps_what_is_not_given(db_arg, capsys):
    code, _ = run(capsys, "support", "loans", "edit", "KU-0001", *db_arg, "--amount", "60.000.000")
    assert code == 0
    code, payload = run(capsys, "support", "loans", "list", *db_arg, "--member", "072160200000", "--json")
    loan = payload["loans"][0]
    assert (loan["amount"], loan["rate_bp"], loan["term_months"]) == (60_000_000, 792, 36)
    code, payload = run(capsys, "support", "loans", "edit", "KU-0001", *db_arg, "--start", "01/02/2026", "--json")
    assert code == 1 and "sau lần trả lãi đầu tiên (15/01/2026)" in payload["fields"]["start_date"][0]


def test_reference_set_from_a_file_and_reset(db_arg, tmp_path, capsys):
    from tayninh_desktop.services import support_reference

    path = tmp_path / "chuong-trinh.toml"
    shipped = (support_reference.resources.files(support_reference.REFERENCE_PACKAGE)
               .joinpath(support_reference.REFERENCE_FILE).read_text(encoding="utf-8"))
    programmes = shipped[shipped.index("[[programmes]]"):shipped.index("# ------", shipped.index("[[programmes]]"))]
    path.write_text(programmes.replace('rate = "6,6"\nproduction = true', 'rate = "6,5"\nproduction = true', 1),
                    encoding="utf-8")
    code, payload = run(capsys, "support", "reference", "set", "programmes", str(path), *db_arg, "--json")
    assert code == 0 and payload["records"] == 8
    code, out = run(capsys, "support", "programmes", *db_arg)
    assert "Cho vay hộ nghèo: 6,5 %/năm" in out
    path.write_text(programmes.replace('rate = "6,6"', 'rate = "66,6,6"', 1), encoding="utf-8")
    code, payload = run(capsys, "support", "reference", "set", "programmes", str(path), *db_arg, "--json")
    assert code == 1 and "dòng 1, trường «rate»" in payload["message"]
    (tmp_path / "hong.toml").write_text("[[programmes]\n", encoding="utf-8")
    code, payload = run(capsys, "support", "reference", "set", "programmes", str(tmp_path / "hong.toml"), *db_arg,
                        "--json")
    assert code == 1 and payload["message"].startswith("Tệp hong.toml: không đọc được dữ liệu tham chiếu")
    code, _ = run(capsys, "support", "reference", "reset", "programmes", *db_arg)
    code, out = run(capsys, "support", "programmes", *db_arg)
    assert code == 0 and "Cho vay hộ nghèo: 6,6 %/năm" in out


def test_an_interest_payment_and_a_household_recorded_by_mistake_are_deleted(db_arg, capsys):
    code, payload = run(capsys, "support", "loans", "interest", "KU-0001", *db_arg, "--on", "15/11/2026", "--amount",
                        "123.000", "--reference", "BL-NHAM", "--json")
    assert code == 0
    wrong = payload["payment_id"]
    code, payload = run(capsys, "support", "loans", "payments", "KU-0001", *db_arg, "--json")
    assert wrong in [p["payment_id"] for p in payload["payments"]]
    assert set(payload["payments"][0]) == {"payment_id", "paid_on", "amount", "reference", "source"}
    code, payload = run(capsys, "support", "loans", "interest-delete", wrong, *db_arg, "--json")
    assert code == 0 and payload == {"ok": True, "payment_id": wrong, "deleted": True}
    code, payload = run(capsys, "support", "loans", "payments", "KU-0001", *db_arg, "--json")
    assert wrong not in [p["payment_id"] for p in payload["payments"]]
    code, payload = run(capsys, "support", "loans", "interest-delete", wrong, *db_arg, "--json")
    assert code == 1 and "Traceback" not in json.dumps(payload, ensure_ascii=False)
    code, payload = run(capsys, "support", "households", "072160200000", *db_arg, "--json")
    household = payload["households"][0]["id"]
    code, payload = run(capsys, "support", "household-delete", household, *db_arg, "--json")
    assert code == 0 and payload["deleted"] is True
    code, payload = run(capsys, "support", "households", "072160200000", *db_arg, "--json")
    assert household not in [h["id"] for h in payload["households"]]
