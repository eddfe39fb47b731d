"""Values of the member lists offices keep in Excel (pure): one cell read as a member form string.

Dates typed in many ways, Excel serials, numbers that lost their leading zero, legacy text
re-capitalised (TCVN3 has no capital toned letters), all turned into the strings a member form
takes, so ``members.parse_member_form`` checks an imported row exactly as it checks a typed one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from tayninh_desktop.domain.legacy_encodings import LegacyEncoding
from tayninh_desktop.domain.members import DATE_FIELDS
from tayninh_desktop.domain.vn_text import fold, nfc, title_case_name

NAME_FIELDS = frozenset({"full_name", "other_name"})
ADDRESS_FIELDS = frozenset({"hometown", "permanent_address", "current_address"})
_ADMIN_WORDS = ("khu phố", "thị trấn", "thị xã", "thành phố", "tổ dân phố", "ấp", "tổ", "xã", "phường",
                "huyện", "tỉnh", "quận", "thôn", "xóm", "bản", "khóm", "đường", "số")


class SourceCell(NamedTuple):
    """One cell as read: its value (text already in Unicode), the text as stored, and its encoding.

    A named tuple (immutable, and cheap: a list has hundreds of thousands of cells).
    """

    value: object = None
    raw: str = ""
    encoding: LegacyEncoding = LegacyEncoding.UNICODE

    @property
    def text(self) -> str:
        return cell_text(self.value)

    @property
    def converted(self) -> bool:
        return self.encoding is not LegacyEncoding.UNICODE and self.raw != self.text


def cell_text(value: object) -> str:
    """The text of a cell value as a person reads it ("" for empty; 12.0 -> "12")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value)



_DATE_NAMES = frozenset(DATE_FIELDS) | {"birth_male", "birth_female"}
_NUMBER_NAMES = frozenset({"cccd", "card_number", "dossier_number", "phone"})


def field_value(name: str, cell: SourceCell, today: date) -> str:
    """The form string for one field from one cell."""
    value = cell.value
    if name in _DATE_NAMES:
        return read_date(value, allow_year=name != "joined_on" and name != "full_member_on", today=today)
    if name in _NUMBER_NAMES:
        return read_number(name, value)
    if name == "gender":
        return read_gender(cell_text(value))
    text = nfc(value if type(value) is str else cell_text(value))
    if cell.encoding is LegacyEncoding.TCVN3 and text:
        text = recapitalise(name, text)
    return text


def recapitalise(name: str, text: str) -> str:
    """Restore the capitals TCVN3 could not encode: names per word, addresses per place, else the first letter."""
    if name in NAME_FIELDS or name == "cell":
        return title_case_name(text)
    if name in ADDRESS_FIELDS:
        return capitalise_address(text)
    return text[:1].upper() + text[1:]


def capitalise_address(text: str) -> str:
    """ "ấp cầu xe, xã hưng thuận" -> "Ấp Cầu Xe, xã Hưng Thuận" (unit words small, place names capitalised)."""
    parts = []
    for part in text.split(","):
        part = part.strip()
        lowered = part.lower()
        prefix = next((w for w in _ADMIN_WORDS if lowered == w or lowered.startswith(w + " ")), "")
        rest = part[len(prefix):].strip()
        place = title_case_name(rest) if rest and not rest[0].isdigit() else rest
        parts.append(" ".join(p for p in (prefix, place) if p))
    joined = ", ".join(parts)
    return joined[:1].upper() + joined[1:]



_EXCEL_EPOCH = date(1899, 12, 30)
_LONG_DATE = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam|,)?\s*(\d{2}|\d{4})$")
_SHORT_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")


def _format(day: int, month: int, year: int, raw: str) -> str:
    try:
        return date(year, month, day).strftime("%d/%m/%Y")
    except ValueError:
        return raw  # the form check names it as an impossible date, quoting what was typed


def read_date(value: object, *, allow_year: bool, today: date) -> str:
    """A date cell as the form takes it: "dd/mm/yyyy", a bare "yyyy" where allowed, or the text as typed.

    Reads Excel dates, Excel serial numbers, dd/mm/yyyy, d/m/yy (two-digit years up to this year's
    are 20yy), dd-mm-yyyy, dd.mm.yyyy, ISO, and "ngày 5 tháng 2 năm 1960". A text that is none of
    these is returned unchanged so that the check reports it as typed.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer() and 1800 <= number <= 2200:
            return str(int(number))
        if 1 <= number < 2958466:
            return (_EXCEL_EPOCH + timedelta(days=int(number))).strftime("%d/%m/%Y")
        return cell_text(value)
    raw = nfc(str(value))
    text = fold(raw).strip(" .")
    if re.fullmatch(r"(nam\s*)?\d{4}", text):
        return text[-4:]
    match = _LONG_DATE.match(text) or _SHORT_DATE.match(text)
    if match:
        year = int(match[3])
        if len(match[3]) == 2:
            year += 2000 if year <= today.year % 100 else 1900
        return _format(int(match[1]), int(match[2]), year, raw)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00:00)?", text)
    if iso:
        return _format(int(iso[3]), int(iso[2]), int(iso[1]), raw)
    return raw


_PAD = {"cccd": 12, "card_number": 8}


def read_number(name: str, value: object) -> str:
    """An identifier or phone: digits kept as text, leading zeros that a number cell lost put back.

    A CCCD typed as a number loses its leading 0 (Tây Ninh numbers start 072): 10 or 11 digits are
    padded to 12; a card number to 8; a 9-digit phone gets its 0 back.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value)) if float(value).is_integer() else cell_text(value)
        width = _PAD.get(name)
        if width and width - 2 <= len(digits) < width:
            return digits.zfill(width)
        if name == "phone" and len(digits) == 9:
            return "0" + digits
        return digits
    text = nfc(cell_text(value)).lstrip("'")
    return text.replace(" ", "") if name in ("cccd", "card_number") else text


def read_gender(text: str) -> str:
    """ "Nam", "nữ", "NU", "x" … as the form's "nam"/"nu"; other text is kept for the check to refuse."""
    folded = fold(text).strip(" .")
    if folded in ("nam", "m", "male", "trai"):
        return "nam"
    if folded in ("nu", "f", "female", "gai"):
        return "nu"
    return nfc(text)

