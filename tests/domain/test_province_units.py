"""The province's communes and wards as shipped: the whole list, its source, and the search the first run uses."""

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.province_units import parse_units
from tayninh_desktop.services import province_units


def test_the_shipped_list_is_the_96_units_of_the_new_province_with_its_source():
    units = province_units.shipped()
    kinds = [u.kind for u in units.units]
    assert len(units.units) == 96 and kinds.count("xã") == 82 and kinds.count("phường") == 14
    assert len({u.code for u in units.units}) == 96
    assert units.doc_number == "1682/NQ-UBTVQH15" and units.doc_date == date(2025, 6, 16)
    assert units.valid_from == date(2025, 7, 1)
    assert "quyền tác giả" in units.licence
    assert units.unconfirmed and "CHƯA XÁC NHẬN" in units.citation
    assert units.superior_name == "Tỉnh ủy Tây Ninh"


def test_typing_without_diacritics_finds_the_names():
    found = [u.name for u in province_units.shipped().search("tan")]
    assert "Tân Ninh" in found and "Tân An" in found and "Tân Thạnh" in found
    assert found.index("Tân Ninh") < len([n for n in found if n.startswith("Tân")])   # names starting so first
    assert [u.name for u in province_units.shipped().search("hung thuan")] == ["Hưng Thuận"]
    assert [u.full_name for u in province_units.shipped().search("phuong long")] == ["Phường Long Hoa",
                                                                                       "Phường Long An"]
    assert [u.code for u in province_units.shipped().search("25711")] == ["25711"]


def test_a_unit_gives_the_committee_name_place_and_code():
    unit = province_units.find("xa hung thuan")
    assert (unit.code, unit.committee_name, unit.place_name) == ("25711", "Đảng ủy xã Hưng Thuận", "Hưng Thuận")
    assert province_units.find("25711") == unit == province_units.find("Đảng ủy xã Hưng Thuận")
    assert province_units.find("Phường Long An").committee_name == "Đảng ủy phường Long An"


def test_two_units_folded_alike_need_the_diacritics_or_the_code():
    with pytest.raises(DomainError) as refused:
        province_units.find("tan thanh")
    message = render(refused.value.code, refused.value.data)
    assert "Xã Tân Thành (25534)" in message and "Xã Tân Thạnh (27826)" in message
    assert province_units.find("Tân Thạnh").code == "27826"
    assert province_units.find("Tân Thành").code == "25534"


def test_a_name_not_in_the_list_is_refused_naming_it():
    with pytest.raises(DomainError) as refused:
        province_units.find("Hưng Thịnh")
    assert "«Hưng Thịnh»" in render(refused.value.code, refused.value.data)


def test_a_bad_list_is_refused_naming_the_entry():
    text = ('[source]\nbasis = "x"\ndoc_number = "1"\ndoc_date = 2025-06-16\nvalid_from = 2025-07-01\n'
            'licence = "l"\nprovince = "P"\nsuperior_name = "S"\n'
            '[[unit]]\ncode = "1"\nkind = "xã"\nname = "A"\n[[unit]]\ncode = "2"\nkind = "huyện"\nname = "B"\n')
    with pytest.raises(DomainError) as refused:
        parse_units(text)
    assert refused.value.data["row"] == 2


def test_a_list_that_lost_a_unit_is_refused():
    text = ('[source]\nbasis = "x"\ndoc_number = "1"\ndoc_date = 2025-06-16\nvalid_from = 2025-07-01\n'
            'licence = "l"\nprovince = "P"\nsuperior_name = "S"\nexpected_count = 2\n'
            '[[unit]]\ncode = "1"\nkind = "xã"\nname = "A"\n')
    with pytest.raises(DomainError) as refused:
        parse_units(text)
    assert render(refused.value.code, refused.value.data) == (
        "Danh sách xã/phường có 1 đơn vị, trong khi phần nguồn ghi 2.")
