"""Reading member lists: formats, bad files, layouts, legacy encodings, against the shared samples."""

from __future__ import annotations

import unicodedata
import warnings
from datetime import date

import openpyxl
import pytest
from openpyxl.styles import Font

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets.layout import choose_sheet
from tayninh_desktop.spreadsheets.reader import read_workbook
from tayninh_desktop.spreadsheets.records import group_records, record_values
from tests.spreadsheets.builders import (
    encrypted_file,
    expected_rows,
    flat_list,
    mau7_multiline,
    mau7_multirow,
    person,
    sample,
)

TODAY = date(2026, 11, 27)


def read_values(path, sheet=None) -> list[dict[str, str]]:
    layout = choose_sheet(read_workbook(path), path.name, sheet)
    mapping = layout.header.mapping
    return [record_values(layout.rows, r, mapping, TODAY).values
            for r in group_records(layout.rows, mapping, layout.data_start)]


@pytest.mark.parametrize("name", ["danh-sach-tcvn3.xls", "danh-sach-vni.xlsx"])
def test_samples_convert_to_expected_unicode(name):
    rows = read_values(sample(name))
    expected = expected_rows()
    assert len(rows) == len(expected) == 50
    gender = {"Nam": "nam", "Nữ": "nu"}
    for got, want in zip(rows, expected):
        assert got["full_name"] == want["Họ và tên khai sinh"]
        assert got["birth_date"] == want["Ngày, tháng, năm sinh"]
        assert got["gender"] == gender[want["Nam/Nữ"]]
        assert got["cccd"] == want["Số định danh cá nhân"]
        assert got["joined_on"] == want["Ngày vào Đảng"]
        assert got.get("full_member_on", "") == want["Ngày chính thức"]
        assert got["current_address"] == want["Nơi ở hiện nay"]


def test_tcvn3_heading_font_header_is_found_and_shown_upper_case():
    layout = choose_sheet(read_workbook(sample("danh-sach-tcvn3.xls")), "x")
    assert layout.header.first_row == 2
    assert layout.header.headers[1] == "HỌ VÀ TÊN KHAI SINH"


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "ghi-chu.xlsx"
    path.write_text("không phải bảng tính", encoding="utf-8")
    with pytest.raises(DomainError) as info:
        read_workbook(path)
    assert info.value.code == "import_not_spreadsheet"
    assert "ghi-chu.xlsx" in info.value.message


def test_password_protected(tmp_path):
    with pytest.raises(DomainError) as info:
        read_workbook(encrypted_file(tmp_path / "mat-khau.xlsx"))
    assert info.value.code == "import_encrypted"
    assert "mật khẩu" in info.value.message and "mat-khau.xlsx" in info.value.message


def test_damaged_zip(tmp_path):
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DomainError) as info:
        read_workbook(path)
    assert info.value.code == "import_unreadable"


def test_empty_sheet(tmp_path):
    path = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(DomainError) as info:
        choose_sheet(read_workbook(path), path.name)
    assert info.value.code == "import_empty"
    assert "trong.xlsx" in info.value.message and "Sheet" in info.value.message


def test_no_recognisable_header(tmp_path):
    path = flat_list(tmp_path / "la.xlsx", [[1, "a", "b"]], headers=["Cột 1", "Cột 2", "Cột 3"])
    with pytest.raises(DomainError) as info:
        choose_sheet(read_workbook(path), path.name)
    assert info.value.code == "import_no_header"
    assert "«Danh sách»" in info.value.message


def test_header_without_rows(tmp_path):
    path = flat_list(tmp_path / "tieu-de.xlsx", [])
    with pytest.raises(DomainError) as info:
        choose_sheet(read_workbook(path), path.name)
    assert info.value.code == "import_no_rows"


def test_merged_title_rows_and_a_later_sheet(tmp_path):
    path = flat_list(tmp_path / "ds.xlsx", [person(1), person(2)], title="DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP CẦU XE")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Ghi chú", 0).cell(1, 1, "Tệp này gồm danh sách ở trang sau")
    book.save(path)
    rows = read_values(path)
    assert [r["full_name"] for r in rows] == ["Nguyễn Văn Thử A", "Nguyễn Văn Thử B"]


def test_two_row_header_with_birth_under_male_and_female(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["TT", "Họ và tên", "Năm sinh", None, "Ngày vào Đảng"])
    ws.append([None, None, "Nam", "Nữ", None])
    ws.merge_cells("C1:D1")
    ws.merge_cells("A1:A2")
    ws.append([1, "Lê Văn Tám", 1950, None, "03/02/1976"])
    ws.append([2, "Trần Thị Hai", None, "12/12/1960", "03/02/1986"])
    book.save(tmp_path / "nam-nu.xlsx")
    rows = read_values(tmp_path / "nam-nu.xlsx")
    assert rows[0]["birth_date"] == "1950" and rows[0]["gender"] == "nam"
    assert rows[1]["birth_date"] == "12/12/1960" and rows[1]["gender"] == "nu"


def test_nfd_text_is_stored_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    path = flat_list(tmp_path / "nfd.xlsx", [person(1, **{"Họ và tên": nfd})])
    name = read_values(path)[0]["full_name"]
    assert name == "Nguyễn Thị Ánh Tuyết" and unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize("font, name, address", [
    (".VnTime", "NguyÔn ThÞ §µo", "Êp cÇu xe, x· h\xadng thuËn"),
    ("VNI-Times", "Nguyeãn Thò Ñaøo", "AÁp Caàu Xe, xaõ Höng Thuaän"),
])
def test_legacy_fonts_in_xlsx(tmp_path, font, name, address):
    path = flat_list(tmp_path / "cu.xlsx", [person(1, **{"Họ và tên": name, "Nơi ở hiện nay": address})], font=font)
    row = read_values(path)[0]
    assert row["full_name"] == "Nguyễn Thị Đào"
    assert row["current_address"].startswith("Ấp Cầu Xe, xã H")


def test_mixed_encodings_decided_per_cell_by_font(tmp_path):
    path = flat_list(tmp_path / "tron.xlsx", [person(1, **{"Họ và tên": "NguyÔn V¨n Hai"}),
                                              person(2, **{"Họ và tên": "Nguyeãn Vaên Ba"}),
                                              person(3, **{"Họ và tên": "Nguyễn Văn Bốn"})])
    book = openpyxl.load_workbook(path)
    for row, font in ((2, ".VnTime"), (3, "VNI-Times"), (4, "Times New Roman")):
        book.active.cell(row, 2).font = Font(name=font)
    book.save(path)
    assert [r["full_name"] for r in read_values(path)] == ["Nguyễn Văn Hai", "Nguyễn Văn Ba", "Nguyễn Văn Bốn"]


MEMBERS = [
    {"name": "Lê Văn Tám", "birth": date(1950, 5, 16), "gender": "Nam", "joined": date(1976, 2, 3),
     "full": date(1977, 2, 3), "card": "00012345", "dossier": "72000001", "hometown": "xã Hưng Thuận"},
    {"name": "Trần Thị Hai", "birth": 1961, "gender": "Nữ", "joined": "ngày 5 tháng 2 năm 1990",
     "card": "00012346"},
]


def test_mau7_several_rows_per_member(tmp_path):
    rows = read_values(mau7_multirow(tmp_path / "mau7.xlsx", MEMBERS))
    assert len(rows) == 2
    assert rows[0] == {"full_name": "Lê Văn Tám", "birth_date": "16/05/1950", "gender": "nam", "ethnicity": "Kinh",
                       "religion": "Không", "hometown": "xã Hưng Thuận", "joined_on": "03/02/1976",
                       "full_member_on": "03/02/1977", "card_number": "00012345", "dossier_number": "72000001"}
    assert rows[1]["birth_date"] == "1961" and rows[1]["joined_on"] == "05/02/1990"


def test_mau7_lines_inside_cells(tmp_path):
    members = [dict(m, birth="16/05/1950", joined="03/02/1976") for m in MEMBERS]
    rows = read_values(mau7_multiline(tmp_path / "mau7b.xlsx", members))
    assert rows[1]["full_name"] == "Trần Thị Hai" and rows[1]["gender"] == "nu"
    assert rows[0]["full_member_on"] == "03/02/1977" and "full_member_on" not in rows[1]


def test_legacy_text_without_a_telling_font_is_guessed_from_content(tmp_path):
    path = flat_list(tmp_path / "doan.xlsx", [person(1, **{"Họ và tên": "NguyÔn V¨n Hai"})], font="Cambria Math X")
    assert read_values(path)[0]["full_name"] == "Nguyễn Văn Hai"


_CELLS = (   # every kind of cell element an .xlsx may hold, as Excel, LibreOffice and openpyxl write them
    '<c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c>'
    '<c r="B1" t="inlineStr"><is><r><t>Nguyễn </t></r><r><rPr><b/></rPr><t>Văn A</t></r></is></c>'
    '<c r="C1" t="inlineStr"><is><t/></is></c><c r="D1" t="inlineStr"/><c r="E1" t="s"><v>0</v></c>'
    '<c r="F1" t="inlineStr"><is><t xml:space="preserve">  Ấp 1  </t><rPh sb="0" eb="1"><t>x</t></rPh></is></c>'
    '<c r="G1" t="inlineStr"><is><t xml:space="preserve"> Ấp 2 </t></is></c>'
    '<c r="A2"><v>12</v></c><c r="B2" t="n"><v>1.5</v></c><c r="C2"><v>7.2E+3</v></c><c r="D2" s="1"><v>21916</v></c>'
    '<c r="E2" s="1"><v>99999999</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#N/A</v></c>'
    '<c r="H2" t="str"><v>=tổng</v></c><c r="I2" t="d"><v>2020-02-03T00:00:00</v></c><c r="J2" s="1"/>'
    '<c t="inlineStr"><is><t>no coordinate</t></is></c><c r="b3"><v>5</v></c><c r="AA3" s="1"><v>0.5</v></c>'
    '<c r="AB3" t="s"><v>1</v></c><c><v>8</v></c>'
)


def test_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path):
    """The reader parses the common cell kinds itself (for speed): each value must be openpyxl's own."""
    import zipfile
    from datetime import datetime

    template = tmp_path / "template.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "first shared"
    book.active["B1"] = datetime(2020, 1, 1)   # style 1: a date format
    book.active["C1"] = "second shared"
    book.save(template)
    path = tmp_path / "cells.xlsx"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = (f'<sst xmlns="{main}" count="2" uniqueCount="2"><si><t>Chi bộ ấp Cầu Xe</t></si>'
              '<si><r><t>Đảng </t></r><r><rPr><i/></rPr><t>viên</t></r></si></sst>')
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename).decode()
            if item.filename == "xl/worksheets/sheet1.xml":
                start, end = data.index("<sheetData>"), data.index("</sheetData>") + len("</sheetData>")
                parts = _CELLS.replace('<c r="A2"', '\0<c r="A2"').replace('<c t="inlineStr">', '\0<c t="inlineStr">')
                rows = "".join(f'<row r="{n}">{part}</row>' for n, part in enumerate(parts.split("\0"), start=1))
                data = data[:start] + f"<sheetData>{rows}</sheetData>" + data[end:]
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://'
                                    'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                    "</Relationships>")
            target.writestr(item, data)
        target.writestr("xl/sharedStrings.xml", shared)
    reference = openpyxl.load_workbook(path, read_only=True, data_only=True)
    reference.active.reset_dimensions()   # the template's dimension (A1:C1) would cut the reading short
    with warnings.catch_warnings():   # openpyxl's warning about E2, a date out of range
        warnings.simplefilter("ignore")
        expected = {(r, c): value for r, row in enumerate(reference.active.iter_rows(values_only=True))
                    for c, value in enumerate(row) if value is not None and value != ""}
    reference.close()
    grid = read_workbook(path).sheets[0]
    got = {(r, c): cell.value for r, row in enumerate(grid.rows) for c, cell in enumerate(row)
           if cell.value is not None and cell.value != ""}
    assert got == expected
    assert {type(v) for v in got.values()} == {type(v) for v in expected.values()}
    assert len(got) >= 19
