from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.org import UnitType
from tayninh_desktop.services import organisation


def test_initialise_twice_is_refused(home_db, actor):
    with pytest.raises(DomainError) as caught:
        organisation.initialise(home_db, actor, unit_code="X", unit_name="Đảng ủy xã X", superior_name="Tỉnh ủy Y")
    assert caught.value.code == "already_initialised"


def test_duplicate_and_bad_codes(home_db, actor):
    with pytest.raises(ValidationError) as caught:
        organisation.create_unit(home_db, actor, code="CB01", name="Chi bộ ấp Mới")
    assert "Chi bộ ấp Cầu Xe" in caught.value.message
    with pytest.raises(ValidationError):
        organisation.create_unit(home_db, actor, code="có dấu", name="Chi bộ ấp Mới")


def test_header_lines_follow_the_tree_on_the_document_date(home_db, actor):
    home = organisation.home_unit(home_db)
    district_id, _ = organisation.create_unit(home_db, actor, code="HU", name="Huyện ủy Trảng Bàng",
                                              unit_type=UnitType.DISTRICT_COMMITTEE,
                                              parent_id=home.parent_id)
    organisation.move_unit(home_db, actor, home.id, district_id, date(2000, 1, 1))
    province = organisation.unit(home_db, home.parent_id)
    organisation.move_unit(home_db, actor, home.id, province.id, date(2025, 7, 1))
    before = organisation.header_lines(home_db, home.id, date(2024, 5, 1))
    after = organisation.header_lines(home_db, home.id, date(2026, 2, 5))
    assert before.superior_line == "ĐẢNG BỘ HUYỆN TRẢNG BÀNG"
    assert after.superior_line == "ĐẢNG BỘ TỈNH TÂY NINH"
    assert after.issuer_line == "ĐẢNG ỦY XÃ HƯNG THUẬN" and after.issuer_code == "ĐU"
    assert after.place_name == "Hưng Thuận"


def test_rename_keeps_the_old_name_for_old_dates(home_db, actor, cells):
    cell = cells["CB01"]
    organisation.rename_unit(home_db, actor, cell.id, "Chi bộ khu phố Cầu Xe", date(2025, 7, 1))
    assert organisation.header_lines(home_db, cell.id, date(2025, 1, 1)).issuer_line == "CHI BỘ ẤP CẦU XE"
    lines = organisation.header_lines(home_db, cell.id, date(2025, 8, 1))
    assert lines.issuer_line == "CHI BỘ KHU PHỐ CẦU XE" and lines.superior_line == "ĐẢNG BỘ XÃ HƯNG THUẬN"
    assert lines.issuer_code == "CB"
    assert organisation.unit(home_db, cell.id).name == "Chi bộ khu phố Cầu Xe"


def test_tree_on_a_date_shows_the_old_hierarchy(demo_db_path):
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_db_path)
    old = {u.code: depth for u, depth in organisation.tree(db, date(2024, 1, 1))}
    new = {u.code: depth for u, depth in organisation.tree(db, date(2026, 1, 1))}
    assert old["HU-TB"] == 1 and old["HT"] == 2 and old["CB01"] == 3
    assert "HU-TB" not in new and new["HT"] == 1 and new["CB01"] == 2


def test_a_unit_name_has_a_sensible_length(home_db, actor, cells):
    with pytest.raises(ValidationError) as caught:
        organisation.create_unit(home_db, actor, code="CB77", name="Chi bộ " + "ấp " * 60)
    assert caught.value.issues[0].code == "too_long"
    with pytest.raises(ValidationError):
        organisation.rename_unit(home_db, actor, cells["CB01"].id, "x" * 121, date(2026, 1, 1))
