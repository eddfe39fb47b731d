"""The figures of the report on Đề án 03 (báo cáo kết quả thực hiện Đề án 03-ĐA/TU).

Counts per year of the ways out of the Party, from the register's member events; the Đề án's
measure (xóa tên + xin ra khỏi Đảng: the seed's 152 = 171 minus the 19 who settled abroad); its
reduction against the previous year and against the yearly average of 2015–2020, which the office
enters as data because the register does not go back that far.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

# Event kinds counted (the values of lifecycle.EventKind), in the report's column order.
STRUCK_OFF = "xoa_ten"
EXPELLED = "khai_tru"
LEFT = "ra_khoi_dang"
ABROAD = "dinh_cu_nuoc_ngoai"
EXIT_KINDS = (STRUCK_OFF, EXPELLED, LEFT, ABROAD)
MEASURED = (STRUCK_OFF, LEFT)          # what the Đề án sets out to halve
KIND_WORDS = {STRUCK_OFF: "xóa tên", EXPELLED: "khai trừ", LEFT: "xin ra khỏi Đảng", ABROAD: "định cư ở nước ngoài"}

# Events copied from a member's dossier when the member is entered (an admission in 1985) say
# nothing about since when the register has been kept; every other event is recorded as it happens.
ENTRY_KINDS = ("ket_nap", "chinh_thuc", "chuyen_den", "chuyen_den_tam_thoi", "ket_nap_lai")

NO_DATA = "none"        # the whole year is before the register holds data
PARTIAL = "partial"     # the register holds data from a day inside the year
FULL = "full"

BASELINE_YEARS = tuple(range(2015, 2021))
TARGET_REDUCTION = 50                   # per cent, against the 2015–2020 average (Đề án 03-ĐA/TU)


@dataclass(frozen=True)
class YearFigures:
    year: int
    counts: Mapping[str, int]
    previous: int | None          # the measure of the year before (None: no year before, or no full data)
    baseline: float | None        # the 2015–2020 yearly average (None: not entered)
    coverage: str = FULL          # NO_DATA, PARTIAL or FULL: how much of the year the register holds

    @property
    def has_data(self) -> bool:
        return self.coverage != NO_DATA

    @property
    def measure(self) -> int:
        return sum(self.counts.get(k, 0) for k in MEASURED)

    @property
    def total(self) -> int:
        return sum(self.counts.get(k, 0) for k in EXIT_KINDS)

    @property
    def against_previous(self) -> float | None:
        """Reduction in per cent against the year before (negative: an increase); None unless both
        years are wholly in the register."""
        return reduction(self.previous, self.measure) if self.coverage == FULL else None

    @property
    def against_baseline(self) -> float | None:
        """Never against a year the register holds only in part: a short year is not a reduction."""
        return reduction(self.baseline, self.measure) if self.coverage == FULL else None


def reduction(before: float | None, now: float) -> float | None:
    """(before − now) / before in per cent, one decimal; None when there is nothing to compare with."""
    if before is None or before <= 0:
        return None
    return round((before - now) * 100 / before, 1)


def baseline_average(figures: Mapping[str, int] | None) -> float | None:
    """The yearly average of the baseline years entered (None when none were entered)."""
    values = [int(v) for k, v in (figures or {}).items() if str(k).isdigit() and int(k) in BASELINE_YEARS
              and v not in (None, "")]
    if not values:
        return None
    return round(sum(values) / len(values), 1)


def coverage(year: int, since: date | None) -> str:
    """How much of ``year`` the register holds when it holds data from ``since`` (None: unknown, all)."""
    if since is None or since <= date(year, 1, 1):
        return FULL
    return NO_DATA if since.year > year else PARTIAL


def year_figures(events: Iterable[tuple[str, date]], years: Iterable[int], baseline: float | None,
                 since: date | None = None) -> list[YearFigures]:
    """One line per year from (kind, date) events; the first year compares with the year before it,
    a year compares only with a year the register holds wholly (``since``: the register's first data)."""
    years = sorted(years)
    counts: dict[int, dict[str, int]] = {}
    for kind, day in events:
        if kind in EXIT_KINDS:
            per = counts.setdefault(day.year, {})
            per[kind] = per.get(kind, 0) + 1
    out: list[YearFigures] = []
    for year in years:
        before = counts.get(year - 1, {})
        previous = sum(before.get(k, 0) for k in MEASURED) if (year - 1) in counts or out else None
        if coverage(year - 1, since) != FULL:
            previous = None
        out.append(YearFigures(year, counts.get(year, {}), previous, baseline, coverage(year, since)))
    return out


def percent_text(value: float | None) -> str:
    """"giảm 50%", "tăng 12,5%", "—"; Vietnamese decimal comma."""
    if value is None:
        return "—"
    word = "giảm" if value >= 0 else "tăng"
    return f"{word} {abs(value):g}%".replace(".", ",")


def footnote(line: YearFigures) -> str:
    """The seed's footnote style: "năm 2022: 3 đảng viên (xóa tên 2, khai trừ 1)"."""
    parts = [f"{KIND_WORDS[k]} {line.counts[k]}" for k in EXIT_KINDS if line.counts.get(k)]
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"năm {line.year}: {line.total} đảng viên{detail}"
