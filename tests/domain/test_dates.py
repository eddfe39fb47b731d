from datetime import date

import pytest

from tayninh_desktop.domain.dates import add_months, format_long_date, format_vn_date, parse_vn_date


@pytest.mark.parametrize(("text", "expected"), [
    ("05/02/1960", date(1960, 2, 5)), ("5/2/60", date(1960, 2, 5)), ("05-02-1960", date(1960, 2, 5)),
    ("05.02.2026", date(2026, 2, 5)), ("1960-02-05", date(1960, 2, 5)), ("", None), ("1/1/05", date(2005, 1, 1)),
])
def test_parse(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2020", "32/01/2020", "aa/bb/cccc", "2020", "1/13/2020"])
def test_parse_refuses(text):
    with pytest.raises(ValueError):
        parse_vn_date(text)


def test_formats():
    assert format_vn_date(date(2026, 2, 5)) == "05/02/2026"
    assert format_long_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"


def test_add_months_clips():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 14) == date(2026, 1, 15)
