"""Party documents as data: the header, the signature block, the recipients, the numbering.

The presentation rules follow Hướng dẫn 36-HD/VPTW (2018). Everything the research marks as not
confirmed (margins, type sizes, the colon after "Số") is a field of ``DocumentSettings`` whose
default is the research's value, so an office can change it without touching code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tayninh_desktop.domain.dates import check_year, format_long_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError


def nfc(text: str) -> str:
    """Every string that reaches a printed page is NFC (input often arrives decomposed)."""
    return unicodedata.normalize("NFC", text or "")


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


# On whose behalf a paper is signed, by the kind of its issuer (HD 36-HD/VPTW: "T/M" with a slash).
AUTHORITY = {"cell": "T/M CHI BỘ", "committee": "T/M ĐẢNG ỦY", "standing": "T/M BAN THƯỜNG VỤ"}
SIGNER_TITLES = {"secretary": "BÍ THƯ", "deputy": "PHÓ BÍ THƯ"}
SIGNING_FOR_SECRETARY = "K/T BÍ THƯ"


# Type codes of party documents (ký hiệu loại văn bản) and the type name printed as the title.
DOCUMENT_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "HD": "Hướng dẫn",
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "BB": "Biên bản",
    "CV": "Công văn",
    "TB": "Thông báo",
    "CTr": "Chương trình",
    "DS": "Danh sách",
    "GGT": "Giấy giới thiệu",     # the symbol of letters on record and on paper (demo, letters: "…-GGT/ĐU")
    "PBQ": "Phiếu biểu quyết",
    "HS": "Hồ sơ",
}


@dataclass(frozen=True)
class DocumentSettings:
    """Page and type settings of printed documents (HD 36 defaults; sizes in mm and points)."""

    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_size: float = 13          # superior line, issuing unit, "Số …"
    national_title_size: float = 15  # "ĐẢNG CỘNG SẢN VIỆT NAM"
    place_date_size: float = 14
    type_name_size: float = 16       # "NGHỊ QUYẾT"
    summary_size: float = 14
    body_size: float = 14
    body_leading: float = 1.25       # line height as a multiple of the size
    first_line_indent_cm: float = 1.27
    paragraph_space_pt: float = 6
    table_size: float = 12
    signature_size: float = 14
    signature_space_mm: float = 25   # room for the hand signature and the seal
    recipients_heading_size: float = 12
    recipients_item_size: float = 11
    recipients_heading_underline: bool = True
    page_number_size: float = 13
    colon_after_so: bool = False     # "Số 12-NQ/ĐU" (HD 36) or "Số: 12-NQ/ĐU"
    left_block_ratio: float = 0.47   # share of the text width given to the top-left block
    sample_mark: str = ""            # printed across every page of a sample register's documents ("SỔ MẪU …")


@dataclass(frozen=True)
class DocumentHeader:
    """What a document's header says: issuer, number, place and date, secrecy mark."""

    superior_line: str
    issuer_line: str
    issuer_code: str
    place_name: str
    type_code: str = ""
    number: int | None = None
    on: date | None = None
    secret: bool = False
    draft: bool = False      # "DỰ THẢO": a resolution prepared for the meeting, not yet adopted

    @property
    def symbol(self) -> str:
        """The ký hiệu: "12-NQ/ĐU" ("-NQ/ĐU" without a number yet)."""
        if self.number is None:   # room to write the number by hand
            return f"{'.' * 6}-{self.type_code}/{self.issuer_code}"
        return format_symbol(self.number, self.type_code, self.issuer_code)

    def number_line(self, settings: DocumentSettings, *, blank_width: int = 6) -> str:
        """The "Số …" line; a draft without number leaves room to write it by hand."""
        so = "Số:" if settings.colon_after_so else "Số"
        if self.number is None:
            return f"{so} {' ' * 2}{'.' * blank_width}-{self.type_code}/{self.issuer_code}"
        return f"{so} {self.symbol}"

    def place_date_line(self) -> str:
        """"Tân Ninh, ngày 05 tháng 02 năm 2026", or the same with dots for a date written by hand."""
        if self.on is None:
            return f"{self.place_name}, ngày ..... tháng ..... năm 20....."
        return f"{self.place_name}, {format_long_date(self.on)}"


@dataclass(frozen=True)
class Signature:
    """The signature block: "T/M CHI BỘ" / "BÍ THƯ", or "T/M ĐẢNG ỦY" / "K/T BÍ THƯ" / "PHÓ BÍ THƯ"."""

    title: str
    name: str = ""
    on_behalf: str = ""      # "T/M CHI BỘ", "T/M ĐẢNG ỦY", "T/M BAN THƯỜNG VỤ"
    signing_for: str = ""    # "K/T BÍ THƯ" when a deputy signs

    def lines(self) -> tuple[str, ...]:
        """The capitalised lines above the signature space."""
        return tuple(line.upper() for line in (self.on_behalf, self.signing_for, self.title) if line)


@dataclass(frozen=True)
class Recipients:
    """"Nơi nhận:" and its items, ending with the archive line "- Lưu …"."""

    items: tuple[str, ...] = ()
    archive: str = "Lưu Văn phòng"

    def lines(self) -> tuple[str, ...]:
        items = [item.rstrip(",.;") for item in self.items if item.strip()]
        archive = self.archive if self.archive.lower().startswith("lưu") else f"Lưu {self.archive}"
        out = [f"- {item}," for item in items]
        out.append(f"- {archive}.")
        return tuple(out)


@dataclass(frozen=True)
class Term:
    """A committee's term (nhiệm kỳ cấp ủy, HD 36-HD/VPTW point 1.3.1): from the day after its congress
    closed to the close of the next congress, inclusive (``end`` None: the term in progress)."""

    start: date
    end: date | None = None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


def term_on(close_dates: Iterable[date], on: date) -> Term | None:
    """The term a paper dated ``on`` belongs to, from the congresses' close dates (None: before the first
    recorded congress, so its term is unknown). A paper dated on a closing day belongs to the old term."""
    closes = sorted(set(close_dates))
    before = [d for d in closes if d < on]
    if not before:
        return None
    after = [d for d in closes if d >= on]
    return Term(before[-1] + timedelta(days=1), after[0] if after else None)


def next_number(used: Iterable[int], start: int = 1) -> int:
    """The next free number of a series: one past the highest used, never below ``start``."""
    highest = max((n for n in used if n is not None), default=start - 1)
    return max(highest + 1, start)


NUMBER_DIGITS = 2   # "từ số 01" (HD 36 point 1.3.1; documents.toml [numbering] digits)


def format_number(number: int, digits: int = NUMBER_DIGITS) -> str:
    """"01", "09", "12", "105"."""
    return f"{number:0{digits}d}"


def format_symbol(number: int, type_code: str, issuer_code: str) -> str:
    """"01-NQ/CB", "12-NQ/ĐU"."""
    return f"{format_number(number)}-{type_code}/{issuer_code}"


@dataclass(frozen=True)
class IssuedDocument:
    """A row of the document register (sổ đăng ký văn bản đi)."""

    id: str
    unit_id: str
    type_code: str
    number: int
    year: int
    symbol: str
    issued_on: date
    summary: str
    signer: str
    form_id: str
    pdf_sha256: str = ""
    context_json: str = "{}"
    created_at: str = ""
    updated_at: str = ""
    term_start: date | None = None    # the first day of the committee's term the number belongs to
    recipients: str = ""              # "Nơi nhận" as one line per recipient
    copies: int = 0                   # số bản: one per recipient


def check_period(text: str | None) -> str | None:
    """A report period as "2026-06" (a month, also typed 06/2026), "2026-H1" (a half year), "2026-Q3" (a
    quarter) or "2026" (a year); None when not given."""
    text = (text or "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) == 4:
        try:
            return str(check_year(int(text), "period"))
        except ValidationError:
            pass
    else:
        from tayninh_desktop.domain.party_life import parse_month

        try:
            return parse_month(text, "period")
        except ValidationError:
            pass
        from tayninh_desktop.domain.stats_period import parse_period  # a half year, a quarter: "2026-H1"

        try:
            return parse_period(text).code
        except ValidationError:
            pass
    raise ValidationError([FieldIssue("period", "bad_period", {"value": text})])
