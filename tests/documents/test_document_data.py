"""The pure parts: header lines, signature and recipients, numbering, field filling, forms, output."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from tayninh_desktop.documents.fields import Scope, fill
from tayninh_desktop.documents.forms import all_forms, get_form, parse_form
from tayninh_desktop.documents.output import sha256_hex, write_atomic
from tayninh_desktop.domain.documents import (
    DocumentSettings,
    Recipients,
    Signature,
    Term,
    format_symbol,
    next_number,
    term_on,
)
from tayninh_desktop.domain.errors import DomainError
from tests.documents.doc_samples import COMMITTEE_HEADER


def test_number_line_and_symbol():
    header = replace(COMMITTEE_HEADER, type_code="NQ")
    assert header.symbol == "12-NQ/ĐU"
    assert header.number_line(DocumentSettings()) == "Số 12-NQ/ĐU"
    assert header.number_line(replace(DocumentSettings(), colon_after_so=True)) == "Số: 12-NQ/ĐU"
    assert replace(header, number=None).number_line(DocumentSettings()).endswith("-NQ/ĐU")


def test_place_date_line():
    assert COMMITTEE_HEADER.place_date_line() == "Tân Ninh, ngày 05 tháng 02 năm 2026"
    assert "tháng ....." in replace(COMMITTEE_HEADER, on=None).place_date_line()


def test_signature_lines_in_capitals():
    sig = Signature(title="Phó Bí thư", name="Trần Văn Hùng", on_behalf="T/M Đảng ủy", signing_for="K/T Bí thư")
    assert sig.lines() == ("T/M ĐẢNG ỦY", "K/T BÍ THƯ", "PHÓ BÍ THƯ")
    assert Signature(title="BÍ THƯ", on_behalf="T/M CHI BỘ").lines() == ("T/M CHI BỘ", "BÍ THƯ")


def test_recipients_end_with_the_archive():
    lines = Recipients(("Đảng ủy xã (để báo cáo);", "Đảng viên trong chi bộ"), archive="Chi bộ").lines()
    assert lines == ("- Đảng ủy xã (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu Chi bộ.")


@pytest.mark.parametrize(("used", "start", "expected"), [
    ([], 1, 1), ([1, 2, 3], 1, 4), ([], 15, 15), ([3, 9], 5, 10), ([2], 10, 10),
])
def test_next_number(used, start, expected):
    assert next_number(used, start) == expected


def test_format_symbol():
    assert format_symbol(3, "TTr", "CB") == "03-TTr/CB"     # HD 36 point 1.3.1: numbers from 01
    assert format_symbol(12, "NQ", "ĐU") == "12-NQ/ĐU"


def test_the_term_runs_from_the_day_after_a_congress_closes_to_the_close_of_the_next():
    closes = [date(2020, 6, 20), date(2025, 8, 15)]
    assert term_on(closes, date(2020, 6, 20)) is None                      # before the first recorded term
    assert term_on(closes, date(2020, 6, 21)) == Term(date(2020, 6, 21), date(2025, 8, 15))
    assert term_on(closes, date(2025, 8, 15)) == Term(date(2020, 6, 21), date(2025, 8, 15))   # closing day: old term
    assert term_on(closes, date(2025, 8, 16)) == Term(date(2025, 8, 16), None)


def test_fill_values_filters_and_dots():
    ctx = {"on": date(2026, 2, 5), "name": "Tân Ninh", "count": 12_345, "a": {"b": "x<y"}}
    assert fill("{on}", ctx) == "05/02/2026"
    assert fill("{on|long_date}", ctx) == "ngày 05 tháng 02 năm 2026"
    assert fill("{name|upper}", ctx) == "TÂN NINH"
    assert fill("{count}", ctx) == "12.345"
    assert fill("{a.b}", ctx) == "x&lt;y"
    assert fill("{a.b}", ctx, markup=False) == "x<y"
    assert fill("{missing:5}", ctx) == "....."
    assert fill("{missing}", ctx, dotted=False) == ""
    assert fill("{name}", ctx, blank=True) == "." * 20


def test_fill_normalises_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    assert fill("{n}", {"n": decomposed}) == "Nguyễn Thị Ánh Tuyết"


def test_scope_prefers_the_row():
    assert fill("{x}-{y}", Scope({"x": "row"}, {"x": "doc", "y": "doc"})) == "row-doc"


def test_every_shipped_form_loads_with_a_type_and_blocks():
    forms = all_forms()
    assert len(forms) >= 12
    for form in forms.values():
        assert form.name and form.type_code and form.blocks


def test_unknown_form_and_bad_definitions_are_refused():
    with pytest.raises(DomainError) as err:
        get_form("khong_co")
    assert err.value.code == "form_not_found"
    for bad in ({"name": "x", "type_code": "NQ", "colour": "red"},
                {"name": "x", "type_code": "NQ", "blocks": [{"kind": "video"}]},
                {"name": "x", "type_code": "NQ", "blocks": [{"kind": "table", "rows": "m"}]},
                {"name": "x", "type_code": "NQ", "orientation": "diagonal"}):
        with pytest.raises(DomainError) as err:
            parse_form(bad, "bad")
        assert err.value.code == "form_invalid"
        assert "bad" in err.value.message


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert os.listdir(tmp_path) == ["out.pdf"]
    assert sha256_hex(b"new content") == sha256_hex(target.read_bytes())
