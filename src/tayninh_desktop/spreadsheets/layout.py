"""Where the member table is in a sheet: legacy text decoded per cell, the header found, the data start.

Text is converted to Unicode per cell, deciding the encoding by the cell's font first and by its
content only when the font says nothing (a sheet may mix encodings). Merged header cells are
repeated over their span so that a group header ("Năm sinh" over "Nam" | "Nữ") reads as one text.
"""

from __future__ import annotations

from dataclasses import dataclass

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_headers import (
    HEADER_SCAN_ROWS,
    HeaderGuess,
    detect_header,
    is_column_number_row,
)
from tayninh_desktop.domain.import_values import SourceCell
from tayninh_desktop.domain.legacy_encodings import (
    LegacyEncoding,
    encoding_from_font,
    guess_encoding,
    is_heading_font,
    to_unicode,
)
from tayninh_desktop.spreadsheets.grid import GridCell, Merge, SheetGrid, Workbook


@dataclass(frozen=True)
class SheetLayout:
    """A sheet ready to import: decoded cells, the header found, and the first data row (0-based)."""

    sheet: str
    rows: list[list[SourceCell]]
    header: HeaderGuess
    data_start: int
    # the merged ranges over several data rows: a hand-kept list's number merged over a member's rows says the
    # rows below belong to the same member (``records.group_records``)
    row_merges: tuple[Merge, ...] = ()


def decode_cell(cell: GridCell) -> SourceCell:
    """A cell's value in Unicode NFC, remembering the text as stored and the encoding it was in."""
    value = cell.value
    if not isinstance(value, str):
        return SourceCell(value)
    encoding = encoding_from_font(cell.font)
    if value.isascii():   # ASCII reads the same in every encoding: nothing to decode or normalise
        return SourceCell(value.upper() if is_heading_font(cell.font) else value, value,
                          encoding or LegacyEncoding.UNICODE)
    if encoding is None:
        encoding = guess_encoding(value)
    text = to_unicode(value, encoding)
    if is_heading_font(cell.font):
        text = text.upper()  # the capital fonts draw small-letter codes as capitals
    return SourceCell(text, value, encoding)


def decode_rows(grid: SheetGrid) -> list[list[SourceCell]]:
    """Every cell decoded (``decode_cell``): an ASCII text through its font's encoding alone (most cells of a
    list: dates, numbers, codes), any other text once per distinct text and font."""
    cache: dict[tuple, SourceCell] = {}
    fonts: dict[str | None, tuple[LegacyEncoding, bool]] = {}
    empty = SourceCell()
    make = tuple.__new__   # SourceCell(...) without its generated __new__: a hundred thousand cells and more
    out = []
    for row in grid.rows:
        decoded = []
        append = decoded.append
        for cell in row:
            value = cell.value
            if value is None:
                append(empty)
            elif not isinstance(value, str):
                append(make(SourceCell, (value, "", LegacyEncoding.UNICODE)))
            elif value.isascii():   # as decode_cell: nothing to decode or normalise
                font = cell.font
                known = fonts.get(font)
                if known is None:
                    known = fonts[font] = (encoding_from_font(font) or LegacyEncoding.UNICODE, is_heading_font(font))
                append(make(SourceCell, (value.upper() if known[1] else value, value, known[0])))
            else:
                key = (value, cell.font)
                hit = cache.get(key)
                if hit is None:
                    hit = cache[key] = decode_cell(cell)
                append(hit)
        out.append(decoded)
    return out


def header_texts(grid: SheetGrid, rows: list[list[SourceCell]]) -> list[list[str]]:
    """The text of the first rows with each merged range's text repeated over the whole range."""
    limit = min(len(rows), HEADER_SCAN_ROWS + 1)
    texts = [[c.text for c in row] for row in rows[:limit]]
    for merge in grid.merges:
        if merge.first_row >= limit:
            continue
        top = texts[merge.first_row][merge.first_col] if merge.first_col < len(texts[merge.first_row]) else ""
        if not top:
            continue
        for r in range(merge.first_row, min(merge.last_row, limit - 1) + 1):
            if len(texts[r]) <= merge.last_col:   # rows are read only as wide as their last value
                texts[r].extend([""] * (merge.last_col + 1 - len(texts[r])))
            for c in range(merge.first_col, merge.last_col + 1):
                texts[r][c] = top
    return texts


def detect_layout(grid: SheetGrid, file_name: str) -> SheetLayout:
    """Find the member table of one sheet, or refuse naming the file and the sheet."""
    if grid.is_empty:
        raise DomainError("import_empty", file=file_name, sheet=grid.name)
    rows = decode_rows(grid)
    guess = detect_header(header_texts(grid, rows))
    if guess is None:
        raise DomainError("import_no_header", file=file_name, sheet=grid.name,
                          rows=min(len(rows), HEADER_SCAN_ROWS))
    start = guess.last_row + 1
    if start < len(rows) and is_column_number_row([c.text for c in rows[start]]):
        start += 1
    if not any(c.text.strip() for row in rows[start:] for c in row):
        raise DomainError("import_no_rows", file=file_name, sheet=grid.name, row=guess.last_row + 1)
    row_merges = tuple(m for m in grid.merges if m.last_row > m.first_row and m.last_row >= start)
    return SheetLayout(grid.name, rows, guess, start, row_merges)


def choose_sheet(book: Workbook, file_name: str, sheet: str | None = None) -> SheetLayout:
    """The named sheet, or the first sheet that holds a member table (the first refusal otherwise)."""
    if sheet is not None:
        grid = next((g for g in book.sheets if g.name == sheet), None)
        if grid is None:
            raise DomainError("import_sheet_not_found", file=file_name, sheet=sheet,
                              sheets=", ".join(g.name for g in book.sheets))
        return detect_layout(grid, file_name)
    first_error: DomainError | None = None
    for grid in book.sheets:
        try:
            return detect_layout(grid, file_name)
        except DomainError as error:
            if first_error is None or (first_error.code == "import_empty" and error.code != "import_empty"):
                first_error = error
    if first_error is None:
        raise DomainError("import_empty", file=file_name, sheet="")
    raise first_error


def converted_samples(rows: list[list[SourceCell]], start: int, limit: int = 12) -> list[tuple[str, str, str]]:
    """A few (encoding, as stored, as converted) pairs of legacy text, for the preview."""
    seen: dict[str, tuple[str, str, str]] = {}
    for row in rows[start:]:
        for cell in row:
            if cell.converted and cell.raw not in seen:
                seen[cell.raw] = (cell.encoding.value, cell.raw, cell.text)
                if len(seen) >= limit:
                    return list(seen.values())
    return list(seen.values())




@dataclass(frozen=True)
class SheetSurvey:
    """One sheet of a workbook: does it hold a member table (and how many member-like rows), or why not."""

    name: str
    has_table: bool
    rows: int = 0
    problem: str = ""   # the refusal's message code when there is no table


def survey_sheets(book: Workbook, file_name: str) -> tuple[SheetSurvey, ...]:
    """Every sheet, those holding a recognisable member table first (in workbook order within each group).

    Only the first rows are decoded to find a header: a workbook's other sheets cost little.
    """
    found, other = [], []
    for grid in book.sheets:
        if grid.is_empty:
            other.append(SheetSurvey(grid.name, False, problem="import_empty"))
            continue
        head = SheetGrid(grid.name, grid.rows[:HEADER_SCAN_ROWS + 1],
                         tuple(m for m in grid.merges if m.first_row <= HEADER_SCAN_ROWS))
        guess = detect_header(header_texts(head, decode_rows(head)))
        if guess is None:
            other.append(SheetSurvey(grid.name, False, problem="import_no_header"))
            continue
        data_rows = sum(any(c.value not in (None, "") for c in row) for row in grid.rows[guess.last_row + 1:])
        found.append(SheetSurvey(grid.name, True, rows=data_rows))
    return tuple(found + other)

__all__ = ["LegacyEncoding", "SheetLayout", "SheetSurvey", "choose_sheet", "converted_samples", "decode_cell",
           "detect_layout", "survey_sheets"]
