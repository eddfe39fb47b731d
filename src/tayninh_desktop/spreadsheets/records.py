"""Member records of a sheet: which rows belong to one member, and the form values they hold.

A member is one row of a flat list, or several rows of a Mẫu 7-HSĐV list (a new member starts where
the "Số TT" column has a number; the rows below it continue the member's lines); a cell's lines may
also be separated by line breaks. Section rows ("Chi bộ ấp Cầu Xe") name the cell of the members
under them; a footer ("Tổng số", "T/M CHI BỘ") ends the table. Each value is read by
``domain.import_rules.field_value``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tayninh_desktop.domain.import_headers import ROW_NUMBER, TARGETS
from tayninh_desktop.domain.import_values import SourceCell, field_value
from tayninh_desktop.domain.legacy_encodings import LegacyEncoding
from tayninh_desktop.domain.vn_text import fold

_FOOTER = re.compile(r"^(tong (so|cong)|cong\s*[:\d]|t/m\b|tm\.? |nguoi lap|bi thu\b|xac nhan|ghi chu\s*:)")

@dataclass(frozen=True)
class Record:
    """One member's rows of the sheet (0-based row indices) and the cell named by a section heading."""

    rows: tuple[int, ...]
    section: str = ""


_ROW_NUMBER = re.compile(r"\d+\.?")


def _row_number_value(text: str) -> bool:
    return _ROW_NUMBER.fullmatch(text.strip()) is not None


def _first_two(row: list[SourceCell]) -> list[str]:
    """The first two non-empty texts of a row (enough to tell a blank, a heading and a member row apart)."""
    found: list[str] = []
    for cell in row:
        value = cell.value
        if value is None or value == "":
            continue
        text = cell.text.strip()
        if text:
            found.append(text)
            if len(found) == 2:
                break
    return found


def _text_at(row: list[SourceCell], column: int | None) -> str:
    return row[column].text.strip() if column is not None and column < len(row) else ""


def group_records(rows: list[list[SourceCell]], mapping: dict[int, str], start: int,
                  merges: tuple = ()) -> list[Record]:
    """Split the data rows (from ``start``) into members, skipping blanks, section headings and footers.

    A row without a number continues the member above when its name cell is empty too, or when the number
    cell is covered by the member's merged number (``merges``: the ranges merged over several rows)."""
    number_col = next((c for c, t in mapping.items() if t == ROW_NUMBER), None)
    name_col = next((c for c, t in mapping.items() if t == "full_name"), None)
    covered = {r for m in merges if number_col is not None and m.first_col <= number_col <= m.last_col
               for r in range(m.first_row + 1, m.last_row + 1)}
    records: list[list[int]] = []
    sections: list[str] = []
    section = ""
    open_record = False
    for r in range(start, len(rows)):
        filled = _first_two(rows[r])
        if not filled:
            open_record = False
            continue
        number = _text_at(rows[r], number_col)
        first = fold(filled[0])
        if _FOOTER.match(first) and not _row_number_value(number):
            break
        if len(filled) == 1 and first.startswith("chi bo") and not _row_number_value(number):
            section, open_record = filled[0], False
            continue
        continuation = (open_record and number_col is not None and not number
                        and (not _text_at(rows[r], name_col) or r in covered))
        if continuation:
            records[-1].append(r)
            continue
        records.append([r])
        sections.append(section)
        open_record = True
    return [Record(tuple(rs), s) for rs, s in zip(records, sections)]


@dataclass(frozen=True)
class RecordValues:
    """A record turned into member-form strings, with the column each field came from."""

    values: dict[str, str]
    sources: dict[str, int]
    conversions: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)  # (field, before, after)


def record_values(rows: list[list[SourceCell]], record: Record, mapping: dict[int, str],
                  today: date) -> RecordValues:
    """The member-form values of one record (dates as dd/mm/yyyy strings, text NFC, names capitalised)."""
    values: dict[str, str] = {}
    sources: dict[str, int] = {}
    conversions: list[tuple[str, str, str]] = []
    single = len(record.rows) == 1
    row = rows[record.rows[0]]
    width = len(row)
    for column, fields_ in _columns(mapping):
        first = row[column] if column < width else _EMPTY
        value = first.value
        if single and len(fields_) == 1 and not (isinstance(value, str) and "\n" in value):
            if value is None or value == "":   # the common case: one row, one field
                continue
            name = fields_[0]
            if name is None or name in values:
                continue
            text = field_value(name, first, today)
            if text:
                _store(values, sources, name, text, column)
                if first.encoding is not LegacyEncoding.UNICODE and first.raw != first.text:
                    conversions.append((name, first.raw, text))
            continue
        if fields_ == ("full_name",) and not single:
            cells = _name_lines(rows, record, column, values, sources, today)
        else:
            cells = _column_cells(rows, record, column, len(fields_) == 1)
        for index, name in enumerate(fields_):
            if name is None or index >= len(cells) or name in values:
                continue
            cell = cells[index]
            text = field_value(name, cell, today)
            if not text:
                continue
            _store(values, sources, name, text, column)
            if cell.encoding is not LegacyEncoding.UNICODE and cell.raw != cell.text:
                conversions.append((name, cell.raw, text))
    if "cell" not in values and record.section:
        values["cell"] = record.section
    return RecordValues(values, sources, tuple(conversions))


_EMPTY = SourceCell()


def _columns(mapping: dict[int, str]) -> list[tuple[int, tuple]]:
    """The mapped columns that give member fields (the row number column does not), with their fields: worked
    out once per mapping, not once per record."""
    key = tuple(mapping.items())
    found = _COLUMNS.get(key)
    if found is None:
        found = [(column, TARGETS[target]) for column, target in mapping.items()
                 if TARGETS.get(target) and TARGETS[target][0] != ROW_NUMBER]
        if len(_COLUMNS) > 64:
            _COLUMNS.clear()
        _COLUMNS[key] = found
    return found


_COLUMNS: dict[tuple, list[tuple[int, tuple]]] = {}


def _column_cells(rows: list[list[SourceCell]], record: Record, column: int, join: bool) -> list[SourceCell]:
    """The lines of one column of a record: rows, then line breaks inside cells; joined for a one-field column."""
    lines: list[SourceCell] = []
    for r in record.rows:
        cell = rows[r][column] if column < len(rows[r]) else SourceCell()
        if isinstance(cell.value, str) and "\n" in cell.value:
            raws = cell.raw.split("\n") if cell.raw.count("\n") == cell.value.count("\n") else []
            for i, part in enumerate(cell.value.split("\n")):
                lines.append(SourceCell(part, raws[i] if raws else part, cell.encoding))
        else:
            lines.append(cell)
    if not join:
        return lines
    parts = [c for c in lines if c.text.strip()]
    if len(parts) <= 1:
        return parts
    return [SourceCell(" ".join(c.text for c in parts), " ".join(c.raw for c in parts), parts[0].encoding)]


_OTHER_NAME = re.compile(r"^\(?\s*(?:(?:tên\s+)?(?:gọi\s+khác|bí\s+danh|thường\s+gọi)\s*:?\s*)?(.*?)\s*\)?$",
                         re.IGNORECASE)


def _name_lines(rows: list[list[SourceCell]], record: Record, column: int, values: dict[str, str],
                sources: dict[str, int], today: date) -> list[SourceCell]:
    """A name column over several rows of one member: the first line is the name; a line under it is the
    other name a hand-kept list writes there ("(Tư Tám)", "Tên gọi khác: Tư")."""
    lines = [c for c in _column_cells(rows, record, column, False) if c.text.strip()]
    for extra in lines[1:2]:
        text = _OTHER_NAME.match(extra.text.strip())[1].strip()
        if text and "other_name" not in values:
            other = field_value("other_name", SourceCell(text, text, extra.encoding), today)
            if other:
                _store(values, sources, "other_name", other, column)
    return lines[:1]


def _store(values: dict[str, str], sources: dict[str, int], name: str, text: str, column: int) -> None:
    if name in ("birth_male", "birth_female"):
        values["birth_date"] = text
        values.setdefault("gender", "nam" if name == "birth_male" else "nu")
        sources["birth_date"] = sources.setdefault("gender", column)
        return
    values[name] = text
    sources[name] = column
