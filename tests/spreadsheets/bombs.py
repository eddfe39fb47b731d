"""Hostile spreadsheets, built small: a cell at the last row or the far corner, a shared-string bomb,
a zip that unpacks to gigabytes. Each is a real .xlsx that Excel's format allows (or nearly)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.spreadsheets.builders import flat_list, person

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def rewrite(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """A copy of the zip ``source`` with some parts replaced (or added), deflated."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            out.writestr(info.filename, parts.pop(info.filename, None) or src.read(info.filename))
        for name, data in parts.items():
            out.writestr(name, data)
    return target


def with_cell_at(tmp: Path, ref: str) -> Path:
    """A real member list plus one value at ``ref`` (e.g. "A1048576", "XFD1048576")."""
    base = flat_list(tmp / "base.xlsx", [person(1), person(2)])
    with zipfile.ZipFile(base) as z:
        xml = z.read(SHEET).decode("utf-8")
    row = "".join(ch for ch in ref if ch.isdigit())
    extra = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
    xml = xml.replace("</sheetData>", extra + "</sheetData>")
    xml = re.sub(r'<dimension ref="[^"]*" ?/>', f'<dimension ref="A1:{ref}"/>', xml)
    return rewrite(base, tmp / f"lac-{ref}.xlsx", {SHEET: xml.encode("utf-8")})


def shared_string_bomb(tmp: Path, megabytes: int = 600) -> Path:
    """A shared-string table that unpacks to ``megabytes`` MB from a few hundred KB."""
    base = flat_list(tmp / "base.xlsx", [person(1)])
    chunk = "Nguyễn Văn A " * 4096
    body = "".join(f"<si><t>{chunk}</t></si>" for _ in range(megabytes * 1024 * 1024 // (len(chunk.encode()) + 20)))
    xml = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           f'2006/main">{body}</sst>').encode()
    with zipfile.ZipFile(base) as z:
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return rewrite(base, tmp / "bom-chu.xlsx", {STRINGS: xml, "xl/_rels/workbook.xml.rels": rels.encode(),
                                                 "[Content_Types].xml": types.encode()})


def huge_cell(tmp: Path, chars: int = 40_000) -> Path:
    base = flat_list(tmp / "base.xlsx", [person(1)])
    with zipfile.ZipFile(base) as z:
        xml = z.read(SHEET).decode("utf-8")
    extra = f'<row r="9"><c r="B9" t="inlineStr"><is><t>{"A" * chars}</t></is></c></row>'
    return rewrite(base, tmp / "o-qua-dai.xlsx", {SHEET: xml.replace("</sheetData>", extra + "</sheetData>").encode()})
