"""Rules for reading the member lists offices keep in Excel (pure; no file access here).

* Headers: the Vietnamese names of columns and their common variants, with or without diacritics
  (matched after ``vn_text.fold``), mapped to *targets*. A target is one member field or a combined
  column of Mẫu 7-HSĐV ("Ngày vào Đảng, ngày chính thức") whose lines are several fields.
* Records (which rows make one member) are found in ``spreadsheets.records``; each value is
  read here.
* Values: dates typed in many ways, Excel serials, numbers that lost their leading zero, legacy text
  re-capitalised (TCVN3 has no capital toned letters), all turned into the strings a member form
  takes, so ``members.parse_member_form`` checks an imported row exactly as it checks a typed one.
* Matching: CCCD, then card number, then folded name + date of birth; ambiguity is held, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from tayninh_desktop.domain.legacy_encodings import LegacyEncoding
from tayninh_desktop.domain.members import DATE_FIELDS, MemberData
from tayninh_desktop.domain.vn_text import fold, nfc, title_case_name

IGNORE = "ignore"
ROW_NUMBER = "row_number"

# Target -> the field of each line of the column (None: a line the register does not keep).
TARGETS: dict[str, tuple[str | None, ...]] = {
    IGNORE: (),
    ROW_NUMBER: (ROW_NUMBER,),
    **{name: (name,) for name in (
        "full_name", "other_name", "gender", "birth_date", "ethnicity", "religion", "cccd", "card_number",
        "dossier_number", "joined_on", "full_member_on", "hometown", "permanent_address", "current_address",
        "occupation", "education_general", "education_professional", "political_theory", "phone", "notes",
        "cell")},
    "birth_male": ("birth_male",),
    "birth_female": ("birth_female",),
    "name_birth": ("full_name", "birth_date"),
    "gender_ethnicity_religion": ("gender", "ethnicity", "religion"),
    "education": ("education_general", "political_theory", "education_professional", None),
    "occupations": (None, "occupation"),
    "party_dates": ("joined_on", "full_member_on"),
    "party_numbers": ("card_number", "dossier_number", None),
}

# Ordered: combined Mẫu 7 columns and columns to skip first, then single fields (first match wins).
HEADER_PATTERNS: tuple[tuple[str, str], ...] = (
    ("name_birth", r"ho (va )?ten.*(ngay|nam) sinh"),
    ("gender_ethnicity_religion", r"nam nu dan toc"),
    ("education", r"van hoa.*ly luan"),
    ("occupations", r"nghe nghiep truoc"),
    ("party_dates", r"vao dang.*chinh thuc"),
    ("party_numbers", r"so the.*ly lich"),
    (IGNORE, r"chuyen (di|den)|tu tran|ra khoi dang|bo doi|huy hieu|ngoai ngu|^ky|chu ky"),
    (ROW_NUMBER, r"^(so )?(tt|stt|thu tu|so thu tu)$"),
    ("birth_male", r"sinh nam$"),
    ("birth_female", r"sinh nu$"),
    ("other_name", r"ten goi khac|bi danh"),
    ("cell", r"chi bo"),
    ("full_name", r"^(ho (va )?ten|ho ten|ten dang vien)"),
    ("birth_date", r"ngay sinh|nam sinh|sinh ngay"),
    ("gender", r"^(gioi tinh|nam nu|phai|gioi)$"),
    ("ethnicity", r"dan toc"),
    ("religion", r"ton giao"),
    ("cccd", r"cccd|can cuoc|dinh danh|cmnd|chung minh"),
    ("card_number", r"so the"),
    ("dossier_number", r"ly lich"),
    ("joined_on", r"vao dang|ket nap"),
    ("full_member_on", r"chinh thuc"),
    ("hometown", r"que quan|nguyen quan"),
    ("permanent_address", r"thuong tru|ho khau"),
    ("current_address", r"noi o|cho o|dia chi|tam tru|cu tru"),
    ("occupation", r"nghe nghiep|cong viec"),
    ("political_theory", r"ly luan"),
    ("education_professional", r"chuyen mon"),
    ("education_general", r"van hoa|pho thong"),
    ("phone", r"dien thoai|^sdt$|^dt$"),
    ("notes", r"ghi chu"),
)
_COMPILED = tuple((target, re.compile(pattern)) for target, pattern in HEADER_PATTERNS)
NAME_TARGETS = frozenset({"full_name", "name_birth"})
HEADER_SCAN_ROWS = 40

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


# --- Headers -------------------------------------------------------------------------------------

def normalise_header(text: str) -> str:
    """Fold a header for matching: no diacritics, lower case, punctuation and line breaks as spaces."""
    return " ".join(re.sub(r"[,.;:/\\()\-_*\n\r]+", " ", fold(text)).split())


def header_target(text: str) -> str | None:
    """The target a header names, or None when it names nothing known."""
    norm = normalise_header(text)
    if not norm:
        return None
    for target, pattern in _COMPILED:
        if pattern.search(norm):
            return target
    return None


@dataclass(frozen=True)
class HeaderGuess:
    """Where the header is (rows, 0-based, inclusive), its text per column and the guessed mapping."""

    first_row: int
    last_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]

    @property
    def signature(self) -> str:
        """What identifies this layout for a remembered mapping (folded headers, in order)."""
        return "|".join(normalise_header(h) for h in self.headers)


def map_headers(headers: list[str]) -> dict[int, str]:
    """Guess each column's target; a target already taken by an earlier column is not given twice."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, text in enumerate(headers):
        target = header_target(text)
        if target is None or (target != IGNORE and target in taken):
            continue
        mapping[index] = target
        taken.add(target)
    return mapping


def _score(mapping: dict[int, str]) -> int:
    targets = {t for t in mapping.values() if t not in (IGNORE, ROW_NUMBER)}
    return len(targets) if targets & NAME_TARGETS else 0


def detect_header(rows: list[list[str]]) -> HeaderGuess | None:
    """Find the header among the first rows: one row, or two rows (a group header over sub-headers).

    ``rows`` hold each cell's text, with merged header cells repeated over their span. Needs a name
    column and at least one other known column.
    """
    best: HeaderGuess | None = None
    best_score = 1
    for r in range(min(len(rows), HEADER_SCAN_ROWS)):
        candidates = [(r, r, list(rows[r]))]
        if r + 1 < len(rows) and any(t.strip() for t in rows[r]) and any(t.strip() for t in rows[r + 1]):
            width = max(len(rows[r]), len(rows[r + 1]))
            top = list(rows[r]) + [""] * (width - len(rows[r]))
            below = list(rows[r + 1]) + [""] * (width - len(rows[r + 1]))
            joined = [(t + " " + b).strip() if b and b != t else t for t, b in zip(top, below)]
            candidates.append((r, r + 1, joined))
        for first, last, headers in candidates:
            mapping = map_headers(headers)
            score = _score(mapping)
            if score > best_score:
                best, best_score = HeaderGuess(first, last, tuple(headers), mapping), score
    return best


def is_column_number_row(texts: list[str]) -> bool:
    """True for the row of column numbers (1, 2, 3 …) printed under a Mẫu 7 header."""
    values = [t.strip() for t in texts if t.strip()]
    return len(values) >= 3 and all(v.isdigit() for v in values) and values == sorted(values, key=int)


def field_value(name: str, cell: SourceCell, today: date) -> str:
    """The form string for one field from one cell."""
    value = cell.value
    if name in DATE_FIELDS or name in ("birth_male", "birth_female"):
        return read_date(value, allow_year=name != "joined_on" and name != "full_member_on", today=today)
    if name in ("cccd", "card_number", "dossier_number", "phone"):
        return read_number(name, value)
    if name == "gender":
        return read_gender(cell_text(value))
    text = nfc(cell_text(value))
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


# --- Values --------------------------------------------------------------------------------------

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


# --- Matching -----------------------------------------------------------------------------------

class MatchKind(StrEnum):
    NEW = "new"
    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Identity:
    """What identifies a member of the register when matching a row."""

    member_id: str
    full_name: str
    birth: date
    cccd: str
    card_number: str


@dataclass(frozen=True)
class MatchDecision:
    kind: MatchKind
    member_id: str | None = None
    code: str = ""
    data: dict = field(default_factory=dict)


def decide_match(cccd: str, card_number: str, by_cccd: Identity | None, by_card: Identity | None,
                 by_name: list[Identity]) -> MatchDecision:
    """CCCD first, then card number, then name + date of birth; any disagreement is held, never guessed."""
    if by_cccd is not None:
        if by_card is not None and by_card.member_id != by_cccd.member_id:
            return MatchDecision(MatchKind.AMBIGUOUS, code="import_card_conflict", data={
                "name": by_cccd.full_name, "value": card_number, "other_name": by_card.full_name})
        return MatchDecision(MatchKind.MATCHED, by_cccd.member_id)
    if by_card is not None:
        if cccd and by_card.cccd and by_card.cccd != cccd:
            return _conflict(by_card, "cccd", cccd, by_card.cccd)
        return MatchDecision(MatchKind.MATCHED, by_card.member_id)
    if len(by_name) > 1:
        return MatchDecision(MatchKind.AMBIGUOUS, code="import_several_matches", data={
            "count": len(by_name), "names": ", ".join(f"{m.full_name} ({m.birth:%d/%m/%Y})" for m in by_name)})
    if by_name:
        member = by_name[0]
        if cccd and member.cccd and member.cccd != cccd:
            return _conflict(member, "cccd", cccd, member.cccd)
        if card_number and member.card_number and member.card_number != card_number:
            return _conflict(member, "card_number", card_number, member.card_number)
        return MatchDecision(MatchKind.MATCHED, member.member_id)
    return MatchDecision(MatchKind.NEW)


def _conflict(member: Identity, name: str, value: str, other: str) -> MatchDecision:
    return MatchDecision(MatchKind.AMBIGUOUS, code="import_identity_conflict", data={
        "name": member.full_name, "field": name, "value": value, "other": other})


@dataclass(frozen=True)
class FieldDiff:
    field: str
    before: str
    after: str


def merge_data(before: MemberData, row: MemberData, present: set[str]) -> tuple[MemberData, list[FieldDiff]]:
    """The member after applying a row: only fields the file has and fills; empty cells erase nothing."""
    old, new = before.as_form(), row.as_form()
    changes: dict[str, object] = {}
    diffs: list[FieldDiff] = []
    for name in [n for n in old if n in present]:
        if not new.get(name) or old.get(name) == new[name]:
            continue
        diffs.append(FieldDiff(name, old.get(name, ""), new[name]))
        changes[name] = getattr(row, name)
        if name == "birth_date":
            changes["birth_year_only"] = row.birth_year_only
    if not changes:
        return before, []
    values = {f: getattr(before, f) for f in before.__dataclass_fields__}
    values.update(changes)
    return MemberData(**values), diffs


class RowStatus(StrEnum):
    """What the import does (or would do) with one member row of the file."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD = "held"
    REFUSED = "refused"


def column_letter(index: int) -> str:
    """ "A" for 0, "AA" for 26: how Excel names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
