"""Spreadsheets the tests build for themselves (openpyxl, in tmp_path): layouts, fonts, bad files."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"

FLAT_HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
                "Ngày chính thức", "Nơi ở hiện nay"]


def sample(name: str) -> Path:
    """A file of shared/samples, or skip the test when the shared folder is not beside the project."""
    import pytest

    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared sample {name} not available")
    return path


def expected_rows() -> list[dict[str, str]]:
    with sample("expected.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def person(n: int, **overrides) -> list:
    """One flat row: STT, name, birth, gender, CCCD, card, joined, full, address."""
    row = [n, f"Nguyễn Văn Thử {chr(64 + n)}", f"0{n % 9 + 1}/03/1970", "Nam", f"0721700{n:05d}", f"{n:08d}",
           "15/04/1995", "15/04/1996", "Ấp Cầu Xe, xã Hưng Thuận"]
    for key, value in overrides.items():
        row[FLAT_HEADERS.index(key)] = value
    return row


def flat_list(path: Path, rows: list[list], *, headers: list[str] | None = None, title: str | None = None,
              font: str | None = None, sheet: str = "Danh sách") -> Path:
    """A flat list, optionally under a merged title row and with every cell in ``font``."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    start = 1
    if title:
        ws.cell(1, 1, title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers or FLAT_HEADERS))
        start = 3
    for c, text in enumerate(headers or FLAT_HEADERS, start=1):
        ws.cell(start, c, text)
    for r, row in enumerate(rows, start=start + 1):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    if font:
        for row in ws.iter_rows():
            for cell in row:
                cell.font = Font(name=font)
    book.save(path)
    return path


MAU7_HEADERS = ["Số TT", "Họ và tên khai sinh, ngày sinh", "Nam, nữ, dân tộc, tôn giáo", "Quê quán",
                "Văn hóa, lý luận, CMNV, ngoại ngữ", "Nghề nghiệp trước khi vào Đảng, nghề nghiệp hiện nay",
                "Ngày vào Đảng, ngày chính thức", "Số thẻ đảng viên, số lý lịch, số Huy hiệu Đảng",
                "Bộ đội, công an, hưu trí", "Ngày chuyển đi, đến đảng bộ cơ sở nào",
                "Ngày chuyển đến, ở đảng bộ cơ sở nào đến", "Ngày từ trần, lý do",
                "Ngày ra khỏi Đảng, hình thức ra Đảng", "Ghi chú"]


def mau7_multirow(path: Path, members: list[dict]) -> Path:
    """Mẫu 7-HSĐV as offices type it: merged title, header, column numbers, 3 rows per member (STT merged)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.cell(1, 1, "SỔ DANH SÁCH ĐẢNG VIÊN")
    ws.merge_cells("A1:N1")
    for c, text in enumerate(MAU7_HEADERS, start=1):
        ws.cell(3, c, text)
        ws.cell(4, c, c)
    row = 5
    for n, m in enumerate(members, start=1):
        ws.cell(row, 1, n)
        ws.merge_cells(start_row=row, start_column=1, end_row=row + 2, end_column=1)
        lines = {2: (m["name"], m["birth"]), 3: (m["gender"], "Kinh", "Không"), 4: (m.get("hometown", ""),),
                 7: (m["joined"], m.get("full")), 8: (m.get("card"), m.get("dossier"))}
        for col, values in lines.items():
            for i, value in enumerate(values):
                if value not in (None, ""):
                    ws.cell(row + i, col, value)
        row += 3
    ws.cell(row + 1, 2, "T/M CHI BỘ")
    book.save(path)
    return path


def mau7_multiline(path: Path, members: list[dict]) -> Path:
    """Mẫu 7-HSĐV with the lines of each combined column inside one cell (line breaks)."""
    book = openpyxl.Workbook()
    ws = book.active
    for c, text in enumerate(MAU7_HEADERS, start=1):
        ws.cell(1, c, text)
    for r, m in enumerate(members, start=2):
        ws.cell(r, 1, r - 1)
        ws.cell(r, 2, f"{m['name']}\n{m['birth']}")
        ws.cell(r, 3, f"{m['gender']}\nKinh\nKhông")
        ws.cell(r, 7, f"{m['joined']}\n{m.get('full', '')}")
        ws.cell(r, 8, f"{m.get('card', '')}\n{m.get('dossier', '')}")
    book.save(path)
    return path


def encrypted_file(path: Path) -> Path:
    """What Excel writes for a password-protected .xlsx: an OLE2 file holding an EncryptedPackage stream."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + directory + b"\x00" * 2048)
    return path
