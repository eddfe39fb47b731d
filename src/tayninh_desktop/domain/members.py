"""Members (đảng viên): the fields of the phiếu đảng viên a commune keeps, and their validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.clean_text import ascii_digits, without_zero_width
from tayninh_desktop.domain.dates import add_years, format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, text_issues, too_long_issues
from tayninh_desktop.domain.vn_text import nfc


class Gender(StrEnum):
    MALE = "nam"
    FEMALE = "nu"

    @property
    def label(self) -> str:
        return "Nam" if self is Gender.MALE else "Nữ"


class Standing(StrEnum):
    """Probationary (dự bị, 12 months) or full (chính thức) member."""

    PROBATIONARY = "du_bi"
    FULL = "chinh_thuc"


class MemberStatus(StrEnum):
    """A member's situation on a date, derived from the events of the member's history."""

    PROBATIONARY = "du_bi"
    FULL = "chinh_thuc"
    EXEMPTED = "mien_sinh_hoat"
    AWAY = "di_lam_an_xa"
    TEMP_OUT = "chuyen_tam_thoi_di"
    TEMP_IN = "sinh_hoat_tam_thoi"
    TRANSFERRED_OUT = "da_chuyen_di"
    STRUCK_OFF = "xoa_ten"
    EXPELLED = "khai_tru"
    LEFT = "ra_khoi_dang"
    SETTLED_ABROAD = "dinh_cu_nuoc_ngoai"
    DIED = "tu_tran"

    @property
    def is_active(self) -> bool:
        """Still on the committee's register (whatever the activity)."""
        return self in ACTIVE_STATUSES


ACTIVE_STATUSES = frozenset(
    {MemberStatus.PROBATIONARY, MemberStatus.FULL, MemberStatus.EXEMPTED, MemberStatus.AWAY,
     MemberStatus.TEMP_OUT, MemberStatus.TEMP_IN}
)

MIN_BIRTH_YEAR = 1900
ADMISSION_AGE = 18

TEXT_FIELDS = (
    "full_name", "other_name", "hometown", "permanent_address", "current_address", "ethnicity",
    "religion", "cccd", "card_number", "dossier_number", "occupation", "education_general",
    "education_professional", "political_theory", "phone", "notes",
)
DATE_FIELDS = ("birth_date", "joined_on", "full_member_on")
REQUIRED_FIELDS = ("full_name", "gender", "birth_date", "joined_on")
NAME_FIELDS = ("full_name", "other_name")
NUMBER_FIELDS = ("cccd", "card_number", "dossier_number", "phone")


@dataclass(frozen=True)
class MemberData:
    """What a person types about a member: identity and party fields, cleaned and checked."""

    full_name: str
    gender: Gender
    birth_date: date
    joined_on: date
    birth_year_only: bool = False
    other_name: str = ""
    hometown: str = ""
    permanent_address: str = ""
    current_address: str = ""
    ethnicity: str = "Kinh"
    religion: str = "Không"
    cccd: str = ""
    card_number: str = ""
    dossier_number: str = ""
    full_member_on: date | None = None
    occupation: str = ""
    education_general: str = ""
    education_professional: str = ""
    political_theory: str = ""
    phone: str = ""
    notes: str = ""

    def as_form(self) -> dict[str, str]:
        """The values as a form shows them (dates dd/mm/yyyy, a bare year when only the year is known)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "birth_date" and self.birth_year_only:
                out[f.name] = str(value.year)
            elif isinstance(value, date):
                out[f.name] = format_vn_date(value)
            elif isinstance(value, bool):
                continue
            elif value is None:
                out[f.name] = ""
            else:
                out[f.name] = str(value)
        return out


@dataclass(frozen=True)
class Member(MemberData):
    """A member of the register as stored, with the state derived from the history today."""

    id: str = ""
    cell_id: str | None = None
    status: MemberStatus = MemberStatus.FULL
    created_at: str = ""
    updated_at: str = ""

    @property
    def data(self) -> MemberData:
        return MemberData(**{f.name: getattr(self, f.name) for f in fields(MemberData)})


_DIGITS = re.compile(r"\D")


def _parse_date_field(name: str, raw: str, issues: list[FieldIssue], *, allow_year: bool = False):
    raw = (raw or "").strip()
    if not raw:
        return None, False
    if allow_year and re.fullmatch(r"\d{4}", raw):
        return date(int(raw), 1, 1), True
    try:
        return parse_vn_date(raw), False
    except ValueError:
        issues.append(FieldIssue(name, "bad_date", {"value": raw}))
        return None, False


_CLEANED: dict[str, str] = {}
_CLEANED_KEPT = 50_000


def _clean(value: str) -> str:
    """A typed text without zero-width characters, in NFC, spaces collapsed: once per distinct text (an
    imported list repeats its places, ethnicities, religions and occupations row after row)."""
    text = _CLEANED.get(value)
    if text is None:
        if len(_CLEANED) >= _CLEANED_KEPT:
            _CLEANED.clear()
        text = _CLEANED[value] = nfc(without_zero_width(value))
    return text


def parse_member_form(values: dict[str, str], today: date) -> MemberData:
    """Check a member form (all values as typed) and return the cleaned data.

    Raises ValidationError naming every field that is wrong, so a form can show them all at once.
    """
    typed = {n: values.get(n) or "" for n in TEXT_FIELDS}
    issues: list[FieldIssue] = text_issues(typed, NAME_FIELDS)
    text = {name: _clean(value) if value else "" for name, value in typed.items()}
    for name in NUMBER_FIELDS:
        text[name] = ascii_digits(text[name])
    for name in REQUIRED_FIELDS:
        if not (values.get(name) or "").strip():
            issues.append(FieldIssue(name, "required"))

    gender = None
    raw_gender = (values.get("gender") or "").strip().lower()
    if raw_gender:
        gender = {"nam": Gender.MALE, "nu": Gender.FEMALE, "nữ": Gender.FEMALE}.get(raw_gender)
        if gender is None:
            issues.append(FieldIssue("gender", "bad_gender", {"value": raw_gender}))

    birth, year_only = _parse_date_field("birth_date", values.get("birth_date", ""), issues, allow_year=True)
    joined, _ = _parse_date_field("joined_on", values.get("joined_on", ""), issues)
    full, _ = _parse_date_field("full_member_on", values.get("full_member_on", ""), issues)

    _check_dates(birth, joined, full, today, issues)
    issues += too_long_issues(text, MAX_LENGTHS)   # what hides itself was checked on the text as typed
    _check_identifiers(text, issues)
    if issues:
        raise ValidationError(issues)
    assert gender is not None and birth is not None and joined is not None
    return MemberData(
        gender=gender, birth_date=birth, birth_year_only=year_only, joined_on=joined, full_member_on=full,
        **{name: text[name] for name in TEXT_FIELDS},
    )


def _check_dates(birth, joined, full, today: date, issues: list[FieldIssue]) -> None:
    for name, value in (("birth_date", birth), ("joined_on", joined), ("full_member_on", full)):
        if value is None:
            continue
        if value > today:
            issues.append(FieldIssue(name, "date_in_future", {"value": format_vn_date(value)}))
        if value.year < MIN_BIRTH_YEAR:
            issues.append(FieldIssue(name, "date_too_early", {"value": format_vn_date(value),
                                                              "min_year": MIN_BIRTH_YEAR}))
    if birth and joined and birth.year <= date.max.year - ADMISSION_AGE and joined < add_years(birth, ADMISSION_AGE):
        issues.append(FieldIssue("joined_on", "too_young_to_join",
                                 {"value": format_vn_date(joined), "birth": format_vn_date(birth)}))
    if joined and full and full <= joined:
        issues.append(FieldIssue("full_member_on", "date_before",
                                 {"value": format_vn_date(full), "other_label": "ngày vào Đảng",
                                  "other_value": format_vn_date(joined)}))


MAX_LENGTHS = {"full_name": 80, "other_name": 80, "notes": NOTES_MAX_LENGTH}


def _check_identifiers(text: dict[str, str], issues: list[FieldIssue]) -> None:
    cccd = text["cccd"].replace(" ", "").replace(".", "")
    if cccd:
        digits = len(_DIGITS.sub("", cccd))
        if not cccd.isdigit() or len(cccd) != 12:
            issues.append(FieldIssue("cccd", "bad_cccd", {"value": text["cccd"], "digits": digits}))
        text["cccd"] = cccd
    phone = text["phone"].replace(" ", "").replace(".", "")
    if phone:
        if not re.fullmatch(r"\+?\d{9,11}", phone):
            issues.append(FieldIssue("phone", "bad_phone", {"value": text["phone"]}))
        text["phone"] = phone
    text["card_number"] = text["card_number"].replace(" ", "")
