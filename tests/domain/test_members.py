from datetime import date

import pytest

from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.members import Gender, parse_member_form

from ..conftest import TODAY, member_form


def test_a_good_form_is_cleaned():
    data = parse_member_form(member_form(full_name="  Nguyễn   Thị  Ánh Tuyết "), TODAY)
    assert data.full_name == "Nguyễn Thị Ánh Tuyết"
    assert data.gender is Gender.FEMALE
    assert data.birth_date == date(1960, 2, 5)
    assert data.full_member_on == date(1995, 1, 16)


def test_nfd_input_is_stored_nfc():
    import unicodedata

    data = parse_member_form(member_form(full_name=unicodedata.normalize("NFD", "Đỗ Văn Ơn")), TODAY)
    assert data.full_name == unicodedata.normalize("NFC", "Đỗ Văn Ơn")


def test_bare_birth_year_is_accepted_and_remembered():
    data = parse_member_form(member_form(birth_date="1960"), TODAY)
    assert data.birth_date == date(1960, 1, 1) and data.birth_year_only
    assert data.as_form()["birth_date"] == "1960"


@pytest.mark.parametrize(("field", "value", "code"), [
    ("cccd", "07216010282", "bad_cccd"),
    ("cccd", "07216010282A", "bad_cccd"),
    ("birth_date", "31/02/1960", "bad_date"),
    ("birth_date", "hôm qua", "bad_date"),
    ("full_member_on", "01/01/2030", "date_in_future"),
    ("joined_on", "01/01/1970", "too_young_to_join"),
    ("full_member_on", "01/01/1990", "date_before"),
    ("gender", "khác", "bad_gender"),
    ("full_name", "", "required"),
    ("phone", "12ab", "bad_phone"),
])
def test_bad_values_are_refused_with_the_field_named(field, value, code):
    with pytest.raises(ValidationError) as caught:
        parse_member_form(member_form(**{field: value}), TODAY)
    assert [(i.field, i.code) for i in caught.value.issues] == [(field, code)]
    message = caught.value.issues[0].message
    assert message and "{" not in message


def test_eleven_digit_cccd_message_is_vietnamese():
    with pytest.raises(ValidationError) as caught:
        parse_member_form(member_form(cccd="07216010282"), TODAY)
    assert caught.value.message == "Số CCCD: «07216010282» phải gồm đúng 12 chữ số (hiện có 11 chữ số)."


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        parse_member_form(member_form(full_name="", cccd="1", birth_date="x"), TODAY)
    assert {i.field for i in caught.value.issues} == {"full_name", "cccd", "birth_date"}


def test_a_pasted_paragraph_is_not_a_name():
    with pytest.raises(ValidationError) as caught:
        parse_member_form(member_form(full_name="Nguyễn " * 20, current_address="x" * 301), TODAY)
    assert {(i.field, i.code) for i in caught.value.issues} == {("full_name", "too_long"),
                                                               ("current_address", "too_long")}
    assert "quá mức 80 ký tự" in caught.value.message
