"""Office Open XML (.xlsx) through openpyxl's parsers, streamed, bounded, with each cell's font.

The sheet XML is parsed as a stream: only cells that hold a value are kept, each row only as wide as
its last value and the sheet only as long as its last row with a value (a stray cell at the far
corner is refused by the limits, never padded into a million rows); the merged ranges are read from
the same stream, one element at a time. Before openpyxl opens anything the zip's declared sizes are
checked (a zip bomb, a shared-string bomb), and those sizes bound what is unpacked.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.spreadsheets import limits
from tayninh_desktop.spreadsheets.grid import GridCell, Merge, SheetGrid, Workbook


def check_archive(path: Path) -> None:
    """Refuse an .xlsx whose parts would unpack beyond the limits (read from the zip's directory)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    total = sum(i.file_size for i in infos)
    limits.check(path.name, "unpacked", total, limits.MAX_UNPACKED_BYTES)
    for info in infos:
        limits.check(path.name, "part", info.file_size, limits.MAX_PART_BYTES)
        if info.filename.lower().endswith("sharedstrings.xml"):
            limits.check(path.name, "strings", info.file_size, limits.MAX_SHARED_STRINGS_BYTES)


def _reason(exc: BaseException) -> str:
    from tayninh_desktop.domain.messages_integrity import read_failure

    return read_failure(type(exc).__name__)


def read_xlsx(path: Path) -> Workbook:
    import openpyxl

    check_archive(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except DomainError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise DomainError("import_unreadable", file=path.name, reason=_reason(exc)) from exc
    try:
        limits.check(path.name, "sheets", len(book.worksheets), limits.MAX_SHEETS)
        counter = _Counter(path.name)
        sheets = [_read_sheet(book, ws, counter) for ws in book.worksheets]
    finally:
        book.close()
    return Workbook("xlsx", sheets)


class _Counter:
    """Cells with a value, all sheets together."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.cells = 0
        self.chars = 0

    def add(self, n: int, chars: int) -> None:
        self.cells += n
        self.chars += chars
        limits.check(self.file_name, "cells", self.cells, limits.MAX_CELLS)
        limits.check(self.file_name, "text_chars", self.chars, limits.MAX_TEXT_CHARS)


def _read_sheet(book, ws, counter: _Counter) -> SheetGrid:
    from openpyxl.worksheet._reader import MERGE_TAG, ROW_TAG, WorkSheetParser
    from openpyxl.xml.functions import iterparse

    fonts = _FontNames(book)
    rows: list[list[GridCell]] = []
    merges: list[Merge] = []
    merge_cell_tag = MERGE_TAG[:-1]   # {ns}mergeCells -> {ns}mergeCell
    file_name = counter.file_name
    with book._archive.open(ws._worksheet_path) as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        cell_reader = _CellReader(parser)
        for _event, element in iterparse(source):
            if element.tag == ROW_TAG:
                index, cells = _parse_row(parser, element, file_name, cell_reader)
                element.clear()
                _put_row(rows, index, cells, fonts, ws.title, file_name, counter)
            elif element.tag == merge_cell_tag:
                merges.append(_merge(element.get("ref", ""), file_name))
                limits.check(file_name, "merges", len(merges), limits.MAX_MERGES)
                element.clear()
    return SheetGrid(ws.title, _trim(rows), tuple(merges))


def _parse_row(parser, element, file_name: str, cell_reader: _CellReader) -> tuple[int, list[tuple]]:
    """A row's number and its cells as (column, value, data type, style id) (openpyxl's own parse_row also keeps
    every row's height: not wanted)."""
    number = element.get("r")
    try:
        parser.row_counter = int(float(number)) if number is not None else parser.row_counter + 1
    except ValueError as exc:
        raise DomainError("import_unreadable", file=file_name, reason=_reason(exc)) from exc
    if parser.row_counter < 1:
        raise DomainError("import_unreadable", file=file_name, reason=_reason(ValueError()))
    parser.col_counter = 0
    return parser.row_counter, [cell_reader.read(child) for child in element]


class _CellReader:
    """A cell element as openpyxl's ``WorkSheetParser.parse_cell`` reads it (data only), the common kinds read
    here without its dictionary, its rich-text objects and its coordinate parse; anything else (an error, an ISO
    date, rich text, a date out of range, an odd coordinate) goes through ``parse_cell`` itself.

    The same values as ``parse_cell``: numbers through its ``_cast_number``, date-styled numbers through
    ``from_excel``, shared strings from the same table, an inline string of one plain ``<t>`` as its text."""

    def __init__(self, parser) -> None:
        from openpyxl.utils.cell import column_index_from_string
        from openpyxl.utils.datetime import from_excel
        from openpyxl.worksheet._reader import CELL_TAG, VALUE_TAG, _cast_number
        from openpyxl.xml.constants import SHEET_MAIN_NS

        self.parser = parser
        self.cell_tag = CELL_TAG
        self.value_tag = VALUE_TAG
        self.inline_tag = f"{{{SHEET_MAIN_NS}}}is"
        self.text_tag = f"{{{SHEET_MAIN_NS}}}t"
        self.cast_number = _cast_number
        self.from_excel = from_excel
        self.column_index = column_index_from_string
        self.columns: dict[str, int] = {}   # "AB" -> 28: a sheet has a few dozen columns

    def read(self, element) -> tuple:
        parser = self.parser
        if element.tag != self.cell_tag:
            return self._slow(element)
        coordinate = element.get("r")
        if coordinate:
            letters = coordinate.rstrip("0123456789")
            column = self.columns.get(letters)
            if column is None or len(letters) == len(coordinate):
                if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()
                        and len(letters) < len(coordinate)):
                    return self._slow(element)
                column = self.columns[letters] = self.column_index(letters)
            parser.col_counter = column
        else:
            parser.col_counter += 1
            column = parser.col_counter
        style_id = element.get("s", 0)
        if style_id:
            style_id = int(style_id)
        data_type = element.get("t", "n")
        if data_type == "inlineStr":
            inline = element.find(self.inline_tag)
            if inline is None:
                return column, None, data_type, style_id
            if len(inline) != 1 or inline[0].tag != self.text_tag:
                return self._slow(element)
            text = inline[0].text
            return column, "" if text is None else text, "s", style_id
        value = element.findtext(self.value_tag, None) or None
        if value is None:
            return column, None, data_type, style_id
        if data_type == "n":
            value = self.cast_number(value)
            if style_id in parser.date_formats:
                try:
                    value = self.from_excel(value, parser.epoch, timedelta=style_id in parser.timedelta_formats)
                except (OverflowError, ValueError):
                    return self._slow(element)   # openpyxl's warning and its error value
                data_type = "d"
            return column, value, data_type, style_id
        if data_type == "s":
            return column, parser.shared_strings[int(value)], data_type, style_id
        if data_type == "str":
            return column, value, "s", style_id
        return self._slow(element)

    def _slow(self, element) -> tuple:
        cell = self.parser.parse_cell(element)
        return cell["column"], cell["value"], cell["data_type"], cell["style_id"]


def _put_row(rows: list, index: int, cells: list[tuple], fonts: _FontNames, sheet: str, file_name: str,
             counter: _Counter) -> None:
    present = [c for c in cells if c[1] is not None and c[1] != ""]
    if not present:
        return
    limits.check(file_name, "rows", index, limits.MAX_ROWS)
    width = max(c[0] for c in present)
    limits.check(file_name, "columns", width, limits.MAX_COLUMNS)
    counter.add(len(present), sum(len(c[1]) for c in present if isinstance(c[1], str)))
    row = [GridCell()] * width
    make = tuple.__new__   # GridCell(...) without its generated __new__: one per cell of the sheet
    for column, value, data_type, style_id in present:
        if isinstance(value, str):
            if len(value) > limits.MAX_CELL_CHARS:
                from openpyxl.utils import get_column_letter

                raise DomainError("import_cell_too_long", file=file_name, sheet=sheet, length=len(value),
                                  cell=f"{get_column_letter(column)}{index}", limit=limits.MAX_CELL_CHARS)
            row[column - 1] = make(GridCell, (value, fonts.name(style_id)))
        elif data_type == "e":
            continue   # an error value (#N/A, a date out of range): an empty cell for the import
        else:
            row[column - 1] = make(GridCell, (value, None))
    if index - 1 < len(rows):   # rows out of order: the later one counts
        rows[index - 1] = row
        return
    rows.extend([] for _ in range(index - 1 - len(rows)))
    rows.append(row)


def _merge(ref: str, file_name: str) -> Merge:
    from openpyxl.utils.cell import range_boundaries

    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError) as exc:
        raise DomainError("import_unreadable", file=file_name, reason=_reason(exc)) from exc
    return Merge(min_row - 1, min_col - 1, min(max_row, limits.MAX_ROWS) - 1, min(max_col, limits.MAX_COLUMNS) - 1)


class _FontNames:
    """A cell style's font name (a list uses a handful of styles)."""

    def __init__(self, book) -> None:
        self.book = book
        self.cache: dict[int, str | None] = {}

    def name(self, style_id) -> str | None:
        style_id = int(style_id or 0)
        if style_id not in self.cache:
            try:
                font_id = self.book._cell_styles[style_id].fontId
                self.cache[style_id] = self.book._fonts[font_id].name
            except (IndexError, AttributeError, KeyError, TypeError):
                self.cache[style_id] = None
        return self.cache[style_id]


def _trim(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    while rows and all(c.value in (None, "") for c in rows[-1]):
        rows.pop()
    return rows


def col_index(letters: bytes | str) -> int:
    """0-based index of a column name ("A" -> 0, "AA" -> 26)."""
    value = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        value = value * 26 + ord(ch) - 64
    return value - 1
