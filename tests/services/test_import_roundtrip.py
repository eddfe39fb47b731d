"""Export then import: both layouts read back into a fresh register with the same cells."""

from __future__ import annotations

import openpyxl
import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.messages_register import EVENT_LABELS
from tayninh_desktop.services import exporting, importing, organisation, register
from tayninh_desktop.storage.db import open_database
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def demo_exports(demo_db_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    db = open_database(demo_db_path)
    cells = organisation.cells(db, include_closed=True)
    out = {}
    for layout in ("mau7", "flat"):
        out[layout] = exporting.export_members(db, Actor("t"), folder / f"{layout}.xlsx", layout=layout, on=TODAY)
    expected = {m.card_number: m for c in cells for m in register.members_in_cell_on(db, c.id, TODAY)}
    db.conn.close()
    return out, cells, expected


def fresh_with_cells(path, cells):
    db = open_database(path, create=True)
    actor = Actor("t")
    organisation.initialise(db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh")
    for cell in cells:
        organisation.create_unit(db, actor, code=cell.code, name=cell.name)
    return db


@pytest.mark.parametrize("layout", ["mau7", "flat"])
def test_export_reads_back(demo_exports, tmp_path, layout):
    exports, cells, expected = demo_exports
    db = fresh_with_cells(tmp_path / "moi.sqlite3", [c for c in cells if c.valid_to is None])
    result = importing.import_file(db, Actor("t"), exports[layout].path, today=TODAY)
    assert result.applied and len(result.added) == exports[layout].count == len(expected)
    # A Mẫu 7 keeps the members who left during the year: read back, they are skipped, never added.
    # (10: the demo's nine exits of the year and the member its screening case let leave on request)
    assert result.plan.counts["skipped"] == exports[layout].left == (10 if layout == "mau7" else 0)
    for member_id in result.added[:40]:
        got = register.get_member(db, member_id)
        want = expected[got.card_number]
        assert (got.full_name, got.birth_date, got.joined_on, got.full_member_on, got.card_number) == \
            (want.full_name, want.birth_date, want.joined_on, want.full_member_on, want.card_number)
        if layout == "flat":
            assert got.data == want.data
    again = importing.import_file(db, Actor("t"), exports[layout].path, today=TODAY)
    assert again.plan.counts["unchanged"] == len(expected)
    db.conn.close()


def test_export_print_setup_and_dates(demo_exports):
    exports, _, _ = demo_exports
    for layout, title_rows in (("mau7", "$5:$6"), ("flat", "$5:$5")):
        ws = openpyxl.load_workbook(exports[layout].path).active
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.print_title_rows == title_rows
        assert ws.column_dimensions["B"].width > 10
    flat = openpyxl.load_workbook(exports["flat"].path).active
    assert flat.cell(5, 2).value == "Họ và tên"
    assert flat.cell(6, 10).number_format == "dd/mm/yyyy" and flat.cell(6, 10).is_date


def test_mau7_fills_columns_9_to_13_from_events(demo_exports):
    exports, _, _ = demo_exports
    ws = openpyxl.load_workbook(exports["mau7"].path).active
    assert ws.cell(5, 13).value == "Ngày ra khỏi Đảng, hình thức ra Đảng"
    gone = [(ws.cell(r, 10).value, ws.cell(r, 12).value, ws.cell(r, 13).value) for r in range(7, ws.max_row + 1)
            if any(ws.cell(r, c).value for c in (10, 12, 13))]
    assert len(gone) >= exports["mau7"].left
    assert any(ws.cell(r, 9).value == "Hưu trí" for r in range(7, ws.max_row + 1))
    forms = {ws.cell(r, 13).value for r in range(7, ws.max_row + 1) if isinstance(ws.cell(r, 13).value, str)}
    assert forms and forms <= {EVENT_LABELS[k] for k in ("xoa_ten", "khai_tru", "ra_khoi_dang", "dinh_cu_nuoc_ngoai")}
