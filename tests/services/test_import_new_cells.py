"""A new committee's first list: cells named in the file and not yet in the register are created by the import,
listed first for confirmation, in the same transaction as the members (nothing half-written)."""

from __future__ import annotations

import openpyxl
import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.domain.org import new_cell_name, next_cell_codes
from tayninh_desktop.services import importing, organisation, register
from tayninh_desktop.storage import audit, members_repo
from tests.spreadsheets.builders import FLAT_HEADERS, person

HEADERS = [*FLAT_HEADERS, "Chi bộ"]


def first_list(path, rows):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


@pytest.fixture
def committee(fresh_db, actor):
    """A committee just set up: no cells yet."""
    organisation.initialise(fresh_db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", superior_code="TU", place_name="Hưng Thuận")
    return fresh_db


def _rows():
    return [person(1) + ["Chi bộ ấp Cầu Xe"], person(2) + ["ấp Suối Dộp"], person(3) + ["Chi bộ ấp Cầu Xe"]]


def test_codes_and_names_of_new_cells():
    assert next_cell_codes([], 2) == ["CB01", "CB02"]
    assert next_cell_codes(["CB01", "CB09", "HT"], 2) == ["CB10", "CB11"]
    assert new_cell_name(" ấp  Suối Dộp ") == "Chi bộ ấp Suối Dộp"
    assert new_cell_name("Chi bộ ấp Cầu Xe") == "Chi bộ ấp Cầu Xe"


def test_without_create_cells_unknown_cells_are_refused(committee, actor, today, tmp_path):
    path = first_list(tmp_path / "ds.xlsx", _rows())
    result = importing.import_file(committee, actor, path, today=today)
    assert not result.applied
    assert {o.status for o in result.plan.outcomes} == {RowStatus.REFUSED}
    assert "không có trong sổ" in result.plan.outcomes[0].issues[0].message
    assert [c.name for c in result.plan.new_cells] == ["Chi bộ ấp Cầu Xe", "Chi bộ ấp Suối Dộp"]   # offered
    assert result.plan.cells_to_create() == []


def test_first_list_with_two_new_cells_goes_in_in_one_pass(committee, actor, today, tmp_path):
    path = first_list(tmp_path / "ds.xlsx", _rows())
    dry = importing.import_file(committee, actor, path, today=today, create_cells=True, dry_run=True)
    assert [(c.code, c.name, c.rows) for c in dry.plan.cells_to_create()] == [
        ("CB01", "Chi bộ ấp Cầu Xe", (2, 4)), ("CB02", "Chi bộ ấp Suối Dộp", (3,))]
    assert organisation.cells(committee) == []        # the dry run created nothing
    before = audit.recent(committee, 1)[0].seq
    result = importing.import_file(committee, actor, path, today=today, create_cells=True)
    assert result.applied and len(result.added) == 3 and len(result.created_cells) == 2
    cells = {c.code: c for c in organisation.cells(committee)}
    assert {c.name for c in cells.values()} == {"Chi bộ ấp Cầu Xe", "Chi bộ ấp Suối Dộp"}
    in_cau_xe = register.members_in_cell_on(committee, cells["CB01"].id, today)
    assert {m.full_name for m in in_cau_xe} == {"Nguyễn Văn Thử A", "Nguyễn Văn Thử C"}
    assert result.changes.organisation and result.changes.members
    actions = [e.action for e in audit.recent(committee, 10) if e.seq > before]
    assert sorted(actions) == ["create_unit", "create_unit", "import_members"]
    again = importing.import_file(committee, actor, path, today=today, create_cells=True)
    assert again.plan.counts["unchanged"] == 3 and not again.plan.cells_to_create()


def test_a_failed_import_leaves_no_cell_behind(committee, actor, today, tmp_path):
    from tayninh_desktop.domain.actors import Actor, Role

    path = first_list(tmp_path / "ds.xlsx", _rows())
    clerk = Actor("van-thu-2", Role.CLERK)         # may add members, not cells
    plan = importing.plan_import(committee, importing.open_source(committee, path), today=today, create_cells=True)
    with pytest.raises(DomainError):
        importing.apply_import(committee, clerk, plan, today=today)
    assert organisation.cells(committee) == [] and members_repo.count(committee) == 0


def test_section_rows_name_the_new_cells(committee, actor, today, tmp_path):
    """A list typed as sections ("Chi bộ ấp Cầu Xe" above its members), no cell column: the same in one pass."""
    from tests.spreadsheets.builders import FLAT_HEADERS

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(FLAT_HEADERS)
    ws.append(["Chi bộ ấp Cầu Xe"])
    ws.append(person(1))
    ws.append(person(2))
    ws.append(["Chi bộ ấp Suối Dộp"])
    ws.append(person(3))
    path = tmp_path / "muc.xlsx"
    book.save(path)
    result = importing.import_file(committee, actor, path, today=today, create_cells=True)
    assert result.applied and len(result.added) == 3
    assert [(c.code, c.name) for c in organisation.cells(committee)] == [("CB01", "Chi bộ ấp Cầu Xe"),
                                                                         ("CB02", "Chi bộ ấp Suối Dộp")]
    assert importing.has_sections(result.plan.source)
