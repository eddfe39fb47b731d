"""The bank's Excel statement of interest paid, imported with the import engine's reader and row report."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import support_household, support_import
from tests.services import support_fixtures
from tests.services.support_fixtures import dump

people = support_fixtures.people
HEADERS = ["STT", "Mã khách hàng", "Họ và tên", "Số CCCD", "Số khế ước", "Dư nợ", "Ngày thu lãi", "Lãi thực thu",
           "Số chứng từ"]


def statement(path, rows, headers=HEADERS):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sao kê"
    ws.cell(1, 1, "NGÂN HÀNG CHÍNH SÁCH XÃ HỘI — PGD TRẢNG BÀNG")
    ws.cell(2, 1, "BẢNG KÊ THU LÃI THÁNG 10/2026")
    for c, text in enumerate(headers, start=1):
        ws.cell(4, c, text)
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    book.save(path)
    return path


def test_rows_matched_checked_and_imported(home_db, actor, people, today, tmp_path):
    path = statement(tmp_path / "sao-ke.xlsx", [
        [1, "KH01", "Nguyễn Thị Hoa", "", "KU-0001", 50_000_000, datetime(2026, 10, 15), 990_000, "CT-88"],
        [2, "KH02", "Võ Văn Phúc", "072160200004", "", 30_000_000, "15/10/2026", "495.000", ""],
        [3, "KH01", "Nguyễn Thị Hoa", "", "KU-0001", 50_000_000, datetime(2026, 7, 15), 990_000, ""],
        [4, "KH09", "Không Có Ai", "", "KU-9999", 10_000_000, datetime(2026, 10, 15), 100_000, ""],
        [5, "KH01", "Nguyễn Thị Hoa", "", "KU-0001", 50_000_000, "32/10/2026", "abc", ""],
    ])
    plan = support_import.plan_statement(home_db, actor, path)
    assert plan.sheet == "Sao kê" and plan.header_row == 4
    assert [(line.row, line.status) for line in plan.lines] == [(5, "added"), (6, "added"), (7, "unchanged"),
                                                                (8, "refused"), (9, "refused")]
    assert plan.lines[3].message == "Không có khoản vay số «KU-9999» trong sổ."
    assert "«32/10/2026» không phải ngày hợp lệ" in plan.lines[4].message
    assert "«abc» không phải số tiền hợp lệ" in plan.lines[4].message
    before = dump(home_db)
    with pytest.raises(DomainError) as caught:
        support_import.apply_statement(home_db, actor, plan)
    assert caught.value.message.startswith("Có 2 dòng không nhập được")
    assert dump(home_db) == before
    written, changes = support_import.apply_statement(home_db, actor, plan, accept_valid=True)
    assert written == 2 and changes.support
    phuc = support_household.payments_of(home_db, actor, people["phuc_loan"])
    assert [(p.paid_on.isoformat(), p.amount, p.source) for p in phuc] == [("2026-10-15", 495_000, "sao-ke.xlsx")]
    again = support_import.plan_statement(home_db, actor, path)
    assert [line.status for line in again.lines][:3] == ["unchanged"] * 3   # importing twice changes nothing


def test_row_report_copies_the_file_with_a_result_column(home_db, actor, people, tmp_path):
    path = statement(tmp_path / "sao-ke.xlsx", [
        [1, "KH01", "Nguyễn Thị Hoa", "", "KU-0001", 50_000_000, datetime(2026, 10, 15), 990_000, ""],
        [2, "KH09", "Không Có Ai", "", "", 10_000_000, datetime(2026, 10, 15), 100_000, ""]])
    plan = support_import.plan_statement(home_db, actor, path)
    out = support_import.save_report(plan, tmp_path / "bao-cao.xlsx")
    ws = openpyxl.load_workbook(out)["Sao kê"]
    assert [ws.cell(4, c).value for c in (10, 11)] == ["Kết quả nhập", "Lý do / thay đổi"]
    assert ws.cell(5, 10).value == "Thêm mới"
    assert (ws.cell(6, 10).value, ws.cell(6, 11).value) == ("Từ chối", "Không có đảng viên tên «Không Có Ai» trong sổ.")


def test_a_file_without_the_columns_is_refused_naming_it(home_db, actor, people, tmp_path):
    path = statement(tmp_path / "danh-sach.xlsx", [[1, "x"]], headers=["STT", "Ghi chú"])
    with pytest.raises(DomainError) as caught:
        support_import.plan_statement(home_db, actor, path)
    assert "Tệp danh-sach.xlsx, trang «Sao kê»: không tìm thấy dòng tiêu đề" in caught.value.message


def test_a_payment_before_the_loan_in_the_statement_is_refused(home_db, actor, people, tmp_path):
    path = statement(tmp_path / "sao-ke.xlsx", [
        [1, "KH01", "Nguyễn Thị Hoa", "", "KU-0001", 50_000_000, datetime(2025, 1, 15), 500_000, ""]])
    line = support_import.plan_statement(home_db, actor, path).lines[0]
    assert line.status == "refused" and "trước ngày vay 15/03/2025" in line.message
