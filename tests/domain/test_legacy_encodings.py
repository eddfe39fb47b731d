"""Legacy encodings: letter tables, glibc iconv as the TCVN3 oracle, and the real sample files.

The tables below are written out letter by letter, independently of the module's compositional
tables, in the tone order none, huyền, hỏi, ngã, sắc, nặng.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tayninh_desktop.domain.legacy_encodings import (
    LegacyEncoding,
    decode_tcvn3,
    decode_vni,
    encoding_from_font,
    guess_encoding,
    is_heading_font,
    to_unicode,
)
from tayninh_desktop.domain.vn_text import fold, title_case_name

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"  # shared/ beside the project

# Unicode letters -> TCVN3/ABC codes as Latin-1 characters (0xAD, the soft hyphen, is "ư").
TCVN3_ROWS = {
    "aàảãáạ": "aµ¶·¸¹", "ăằẳẵắặ": "¨»¼½¾Æ", "âầẩẫấậ": "©ÇÈÉÊË", "eèẻẽéẹ": "eÌÎÏÐÑ",
    "êềểễếệ": "ªÒÓÔÕÖ", "iìỉĩíị": "i×ØÜÝÞ", "oòỏõóọ": "oßáâãä", "ôồổỗốộ": "«åæçèé",
    "ơờởỡớợ": "¬êëìíî", "uùủũúụ": "uïñòóô", "ưừửữứự": "\xadõö÷øù", "yỳỷỹýỵ": "yúûüýþ",
    "đ": "®", "ĂÂÊÔƠƯĐ": "¡¢£¤¥¦§",
}
# Unicode letters -> VNI-Windows byte sequences; capitals are the same bytes in upper case.
VNI_ROWS = {
    "aàảãáạ": "a aø aû aõ aù aï", "ăằẳẵắặ": "aê aè aú aü aé aë", "âầẩẫấậ": "aâ aà aå aã aá aä",
    "eèẻẽéẹ": "e eø eû eõ eù eï", "êềểễếệ": "eâ eà eå eã eá eä", "iìỉĩíị": "i ì æ ó í ò",
    "oòỏõóọ": "o oø oû oõ où oï", "ôồổỗốộ": "oâ oà oå oã oá oä", "ơờởỡớợ": "ô ôø ôû ôõ ôù ôï",
    "uùủũúụ": "u uø uû uõ uù uï", "ưừửữứự": "ö öø öû öõ öù öï", "yỳỷỹýỵ": "y yø yû yõ yù î",
    "đ": "ñ",
}
TCVN3_OF = {u: c for letters, codes in TCVN3_ROWS.items() for u, c in zip(letters, codes, strict=True)}
VNI_OF = {
    u: c
    for letters, codes in VNI_ROWS.items()
    for lower, seq in zip(letters, codes.split(), strict=True)
    for u, c in ((lower, seq), (lower.upper(), seq.upper()))
}
VIET_LETTERS = [u for letters in VNI_ROWS for u in letters]  # 67 small letters


def encode_tcvn3(text: str) -> str:
    """Encode as an ABC typist did: toned capitals with the small-letter code (lost capitals)."""
    return "".join(ch if ch.isascii() else TCVN3_OF.get(ch) or TCVN3_OF[ch.lower()] for ch in text)


def encode_vni(text: str) -> str:
    return "".join(VNI_OF.get(ch, ch) for ch in text)


# --- Tables ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("letter", "code"), sorted(TCVN3_OF.items()))
def test_tcvn3_letter_table(letter: str, code: str) -> None:
    assert decode_tcvn3(code) == letter
    assert decode_tcvn3("Th" + code + "ng") == "Th" + letter + "ng"


@pytest.mark.parametrize(("letter", "sequence"), sorted(VNI_OF.items()))
def test_vni_letter_table(letter: str, sequence: str) -> None:
    assert decode_vni(sequence) == letter
    assert decode_vni("Th" + sequence + "ng") == "Th" + letter + "ng"


def test_vni_accent_case_follows_the_base_letter() -> None:
    # Both accent glyph sizes occur after a capital; the base letter decides the case.
    assert decode_vni("Aù") == decode_vni("AÙ") == "Á"
    assert decode_vni("AÂÙp") == decode_vni("Aâùp") == "Ấp"  # shape and tone as two bytes
    assert decode_vni("Ñaøo") == "Đào" and decode_vni("ñaøo") == "đào"
    assert decode_vni("Öôùc") == "Ước" and decode_vni("TRÖÔØNG") == "TRƯỜNG"


def test_vni_keeps_what_it_cannot_read() -> None:
    assert decode_vni("ø 5.000.000 ñ") == "ø 5.000.000 đ"  # an accent with no vowel stays
    assert decode_vni("Tây Ninh") == "Tây Ninh"  # real Unicode passes through


def test_tcvn3_soft_hyphen_is_u_horn() -> None:
    assert decode_tcvn3("H\xadng ThuËn") == "Hưng Thuận"
    assert decode_tcvn3("Tr\xad\xacng") == "Trương"


def test_tcvn3_accepts_cp1252_and_latin1_readings_of_0x80_0x9f() -> None:
    # 0x80 is "À" (VN1 capital); xlrd shows it as "€" (cp1252) or "\x80" (Latin-1).
    assert decode_tcvn3("€o") == decode_tcvn3("\x80o") == "Ào"
    assert decode_tcvn3("\x8fu") == "Ĩu"  # 0x8F is undefined in cp1252: only the Latin-1 form
    assert decode_tcvn3("Nguyễn") == "Nguyễn"  # real Unicode letters pass through


def test_to_unicode_leaves_text_that_must_be_unicode() -> None:
    # Retyped in Unicode with the old font left on: "ễ", "ă" cannot come from a legacy reader.
    assert to_unicode("Nguyễn Văn Tú", LegacyEncoding.TCVN3) == "Nguyễn Văn Tú"
    assert to_unicode("Nguyễn Văn Tú", LegacyEncoding.VNI) == "Nguyễn Văn Tú"
    assert to_unicode("Ph\xadíc", LegacyEncoding.TCVN3) == "Phước"


def test_decoders_return_nfc() -> None:
    # 0xB0-0xB4 are combining tone bytes; the result is composed.
    assert decode_tcvn3("a\xb3") == "á"
    for text in (decode_tcvn3("NguyÔn ThÞ §µo"), decode_vni("Nguyeãn Thò Ñaøo")):
        assert text == "Nguyễn Thị Đào" == unicodedata.normalize("NFC", text)


# --- glibc iconv as the TCVN3 oracle ------------------------------------------------------------------


def _iconv_has_tcvn() -> bool:
    if shutil.which("iconv") is None:
        return False
    listing = subprocess.run(["iconv", "-l"], capture_output=True, text=True, check=False).stdout
    return "TCVN5712-1" in listing


needs_iconv = pytest.mark.skipif(not _iconv_has_tcvn(), reason="iconv without TCVN5712-1")


def _as_read(data: bytes) -> str:
    """Legacy bytes as a spreadsheet reader shows them: cp1252 where defined, else Latin-1."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def _iconv(data: bytes, from_code: str, to_code: str) -> bytes:
    return subprocess.run(["iconv", "-f", from_code, "-t", to_code], input=data, capture_output=True,
                          check=True).stdout


@needs_iconv
def test_tcvn3_all_bytes_agree_with_iconv() -> None:
    data = bytes(range(256))
    expected = unicodedata.normalize("NFC", _iconv(data, "TCVN5712-1", "UTF-8").decode("utf-8"))
    assert decode_tcvn3(data.decode("latin-1")) == expected
    assert decode_tcvn3(_as_read(data)) == expected  # "€" for 0x80 etc., as xlrd gives them


@needs_iconv
def test_every_letter_both_cases_round_trips_through_iconv() -> None:
    letters = VIET_LETTERS + [ch.upper() for ch in VIET_LETTERS]
    for letter in letters:
        encoded = _iconv(letter.encode("utf-8"), "UTF-8", "TCVN5712-1")
        assert decode_tcvn3(encoded.decode("latin-1")) == letter, (letter, encoded)
        assert decode_tcvn3(_as_read(encoded)) == letter


# --- Round trips of generated names ---------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Vũ", "Phan", "Trương", "Bùi", "Đặng",
          "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lý", "Ừng", "Âu"]
MIDDLE = ["", "Văn", "Thị", "Ngọc", "Thanh", "Minh", "Quốc", "Đức", "Hữu", "Kim", "Thu", "Thị Thúy"]
GIVEN = ["Anh", "Ánh", "Ảnh", "Ơn", "Ước", "Hưng", "Thuỷ", "Thủy", "Yến", "Ý", "Đào", "Tuyết", "Dũng",
         "Nghĩa", "Lộc", "Phượng", "Nhựt", "Ẩn", "Ắt", "Hòa", "Khuê", "Xuân", "Quý", "Giàu", "Vỹ", "Thắm"]


def _name(family: str, middle: str, given_name: str) -> str:
    return " ".join(w for w in (family, middle, given_name) if w)


names = st.builds(_name, st.sampled_from(FAMILY), st.sampled_from(MIDDLE), st.sampled_from(GIVEN))


@settings(max_examples=200, deadline=None)
@given(names)
def test_generated_names_round_trip(name: str) -> None:
    assert decode_vni(encode_vni(name)) == name
    assert to_unicode(encode_vni(name), LegacyEncoding.VNI) == name
    # TCVN3 small-letter codes lose toned capitals; title_case_name restores a name.
    assert title_case_name(decode_tcvn3(encode_tcvn3(name))) == name
    assert to_unicode(encode_tcvn3(name.lower()), LegacyEncoding.TCVN3) == name.lower()
    assert to_unicode(unicodedata.normalize("NFD", name), LegacyEncoding.UNICODE) == name


# --- Fonts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", LegacyEncoding.TCVN3), (".VnTimeH", LegacyEncoding.TCVN3),
        (".VnArial", LegacyEncoding.TCVN3), (".VnArialH", LegacyEncoding.TCVN3),
        (".VnArial NarrowH", LegacyEncoding.TCVN3), (" .vntime ", LegacyEncoding.TCVN3),
        ("VNI-Times", LegacyEncoding.VNI), ("VNI-Helve", LegacyEncoding.VNI), ("vni-aptima", LegacyEncoding.VNI),
        ("Times New Roman", LegacyEncoding.UNICODE), ("Arial", LegacyEncoding.UNICODE),
        ("calibri", LegacyEncoding.UNICODE), ("Tahoma", LegacyEncoding.UNICODE),
        ("Wingdings", None), ("VnTime", None), ("", None), (None, None),
    ],
)
def test_encoding_from_font(font: str | None, encoding: LegacyEncoding | None) -> None:
    assert encoding_from_font(font) is encoding


@pytest.mark.parametrize(
    ("font", "heading"),
    [(".VnTimeH", True), (".VnArialH", True), (".VnArial NarrowH", True), (".VnTime", False),
     (".VnArial", False), ("VNI-Times", False), ("Arial", False), (None, False)],
)
def test_is_heading_font(font: str | None, heading: bool) -> None:
    assert is_heading_font(font) is heading


# --- Guessing from content --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("NguyÔn ThÞ §µo", LegacyEncoding.TCVN3),
        ("Nguyeãn Thò Ñaøo", LegacyEncoding.VNI),
        ("Nguyễn Thị Đào", LegacyEncoding.UNICODE),
        ("Hoàng Văn Tú", LegacyEncoding.UNICODE),
        ("Hoàng Tú", LegacyEncoding.UNICODE),  # VNI would read "Hồng Tú": Unicode wins
        ("Võ Thành Tâm, ấp Cầu Xe", LegacyEncoding.UNICODE),
        ("Nguyen Van A", LegacyEncoding.UNICODE),
        ("", LegacyEncoding.UNICODE),
        ("Phan TÊn Léc", LegacyEncoding.TCVN3),
        ("Huúnh Quang Phong", LegacyEncoding.TCVN3),
        ("AÁp Caàu Xe", LegacyEncoding.VNI),
        ("Äp CÇu Xe, x· H\xadng ThuËn", LegacyEncoding.TCVN3),
    ],
)
def test_guess_encoding_examples(text: str, encoding: LegacyEncoding) -> None:
    assert guess_encoding(text) is encoding


def test_guess_encoding_on_a_corpus_of_names() -> None:
    corpus = [_name(f, m, g) for f in FAMILY for m in MIDDLE for g in GIVEN]
    assert all(guess_encoding(n) is LegacyEncoding.UNICODE for n in corpus)
    assert all(guess_encoding(n.upper()) is LegacyEncoding.UNICODE for n in corpus)
    tcvn3 = [guess_encoding(encode_tcvn3(n)) for n in corpus]
    vni = [guess_encoding(encode_vni(n)) for n in corpus]
    # Some short names read the same in two encodings ("Vâ" is TCVN3 "Võ" and Unicode "Vâ"); those
    # fall back to UNICODE, and the font has to decide.  Wrong legacy guesses must stay rare.
    assert tcvn3.count(LegacyEncoding.TCVN3) >= 0.95 * len(corpus)
    assert tcvn3.count(LegacyEncoding.VNI) <= 0.01 * len(corpus)
    assert vni.count(LegacyEncoding.VNI) >= 0.95 * len(corpus)
    assert vni.count(LegacyEncoding.TCVN3) <= 0.01 * len(corpus)


# --- The sample files -------------------------------------------------------------------------------


def _expected_rows() -> list[list[str]]:
    path = SAMPLES / "expected.csv"
    if not path.exists():
        pytest.skip("sample files not available")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _tcvn3_cells() -> list[tuple[str, str]]:
    """(font name, text) of each row of the .xls sample, from the column headings on."""
    xlrd = pytest.importorskip("xlrd")
    book = xlrd.open_workbook(str(SAMPLES / "danh-sach-tcvn3.xls"), formatting_info=True)
    sheet = book.sheet_by_index(0)
    rows = []
    for r in range(2, sheet.nrows):  # row 0 is the title, row 1 empty, row 2 the headings
        cells = []
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            font = book.font_list[book.xf_list[cell.xf_index].font_index].name
            value = cell.value if isinstance(cell.value, str) else str(int(cell.value))
            cells.append((font, value))
        rows.append(cells)
    return rows


def recapitalise_address(text: str) -> str:
    """The rule documented in legacy_encodings for TCVN3 addresses that lost their capitals."""
    units = ("khu phố", "thị trấn", "thị xã", "thành phố", "ấp", "tổ", "xã", "phường", "huyện", "tỉnh")
    parts = []
    for part in text.split(", "):
        unit = next((u for u in units if part.startswith(u + " ")), "")
        place = title_case_name(part[len(unit) :])  # proper name: every word capitalised
        parts.append(f"{unit} {place}" if unit else place)
    joined = ", ".join(parts)
    return joined[:1].upper() + joined[1:]


def test_tcvn3_sample_decodes_to_expected() -> None:
    expected = _expected_rows()
    rows = _tcvn3_cells()
    assert len(rows) == len(expected)
    for heading_font, _ in rows[0]:
        assert is_heading_font(heading_font)  # .VnTimeH: small-letter codes shown as capitals
    for cells, want in zip(rows, expected, strict=True):
        for col, ((font, raw), text) in enumerate(zip(cells, want, strict=True)):
            encoding = encoding_from_font(font)
            assert encoding is LegacyEncoding.TCVN3
            assert raw.isascii() or guess_encoding(raw) is LegacyEncoding.TCVN3, raw
            decoded = to_unicode(raw, encoding)
            if col == 1 and want is not expected[0]:
                assert title_case_name(decoded) == text  # names: re-capitalised word by word
            else:
                assert decoded.casefold() == text.casefold()
                assert fold(decoded) == fold(text)  # what header matching uses


def test_tcvn3_sample_addresses_follow_the_documented_capitalisation_rule() -> None:
    expected = _expected_rows()
    rows = _tcvn3_cells()[1:]
    for cells, want in zip(rows, expected[1:], strict=True):
        decoded = decode_tcvn3(cells[7][1])
        # This sample writes "Ấp" with the VN1 capital code, so it decodes exactly;
        # files typed with small-letter codes need the rule, shown here on the lower-cased text.
        assert decoded == want[7]
        assert recapitalise_address(decoded.lower()) == want[7]


def test_vni_sample_decodes_to_expected() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    expected = _expected_rows()
    sheet = openpyxl.load_workbook(SAMPLES / "danh-sach-vni.xlsx").worksheets[0]
    rows = list(sheet.iter_rows())
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        for cell, text in zip(row, want, strict=True):
            assert encoding_from_font(cell.font.name) is LegacyEncoding.VNI
            raw = cell.value if isinstance(cell.value, str) else str(cell.value)
            assert raw.isascii() or guess_encoding(raw) is LegacyEncoding.VNI, raw
            assert to_unicode(raw, LegacyEncoding.VNI) == text  # VNI keeps its capitals


def test_expected_unicode_is_not_taken_for_legacy() -> None:
    for row in _expected_rows():
        for text in row:
            assert guess_encoding(text) is LegacyEncoding.UNICODE, text
