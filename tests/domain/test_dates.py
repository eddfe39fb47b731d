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


@pytest.mark.parametrize("day, text", [
    (date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),      # a day below 10 takes a zero, March does not
    (date(2026, 1, 15), "ngày 15 tháng 01 năm 2026"),    # January and February do
    (date(2026, 12, 1), "ngày 01 tháng 12 năm 2026"),
    (date(2026, 10, 20), "ngày 20 tháng 10 năm 2026"),
])
def test_document_dates_zero_only_where_a_digit_could_be_added(day, text):
    assert format_long_date(day) == text


def test_add_months_clips():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 14) == date(2026, 1, 15)
