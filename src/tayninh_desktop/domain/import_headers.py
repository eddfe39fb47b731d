"""Headers of the member lists offices keep in Excel (pure): which column holds what.

The Vietnamese names of columns and their common variants, with or without diacritics (matched after
``vn_text.fold``), are mapped to *targets*. A target is one member field or a combined column of
Mẫu 7-HSĐV ("Ngày vào Đảng, ngày chính thức") whose lines are several fields. ``detect_header``
finds the header row (or a group header over sub-headers) among the first rows of a sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tayninh_desktop.domain.vn_text import fold

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
    # Mẫu 7 columns 10–13: a member who left during the year is kept in the book, not imported.
    "moved_out_column": ("moved_out",),
    "moved_in_column": ("moved_in",),
    "died_column": ("died",),
    "left_party_column": ("left_party",),
}
GONE_FIELDS = ("moved_out", "moved_in", "died", "left_party")

# Ordered: combined Mẫu 7 columns and columns to skip first, then single fields (first match wins).
HEADER_PATTERNS: tuple[tuple[str, str], ...] = (
    ("name_birth", r"ho (va )?ten.*(ngay|nam) sinh"),
    ("gender_ethnicity_religion", r"nam nu dan toc"),
    ("education", r"van hoa.*ly luan"),
    ("occupations", r"nghe nghiep truoc"),
    ("party_dates", r"vao dang.*chinh thuc"),
    ("party_numbers", r"so the.*ly lich"),
    ("moved_out_column", r"chuyen di"),
    ("moved_in_column", r"chuyen den"),
    ("died_column", r"tu tran"),
    ("left_party_column", r"ra khoi dang"),
    (IGNORE, r"bo doi|huy hieu|ngoai ngu|^ky|chu ky"),
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
        if (r + 1 < len(rows) and any(t.strip() for t in rows[r]) and any(t.strip() for t in rows[r + 1])
                and not _is_section_row(rows[r + 1])):
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


def _is_section_row(texts: list[str]) -> bool:
    """A cell's heading row over its members ("Chi bộ ấp Cầu Xe" alone on its row), not a second header row."""
    values = [t for t in texts if t.strip()]
    return len(values) == 1 and len(fold(values[0]).split()) > 2 and fold(values[0]).startswith("chi bo ")


def is_column_number_row(texts: list[str]) -> bool:
    """True for the row of column numbers (1, 2, 3 …) printed under a Mẫu 7 header."""
    values = [t.strip() for t in texts if t.strip()]
    return len(values) >= 3 and all(v.isdigit() for v in values) and values == sorted(values, key=int)



def column_letter(index: int) -> str:
    """ "A" for 0, "AA" for 26: how Excel names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
