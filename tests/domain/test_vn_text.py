"""Vietnamese text rules, with ICU's `vi` collation (PyICU) as the oracle for the sort key.

The oracle orders names by the tuple (given, middle, family), each part keyed with
``Collator.getSortKey`` of ICU's ``vi`` collator (default attributes: tertiary strength,
non-ignorable punctuation, lower case before upper case).  What the tests establish about ties:

* case is a tertiary difference *within each part*: "anh" < "Anh", and because parts are compared
  one after another, a case difference in the given name outranks the whole family name
  ("Lê anh" < "Hồ Anh");
* two names get the same key only if their NFC forms are identical (ICU at tertiary strength
  agrees for every name generated here; the app breaks remaining ties by record id).
"""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tayninh_desktop.domain.vn_text import NameParts, fold, nfc, sort_key, split_name, title_case_name

icu = pytest.importorskip("icu")

COLLATOR = icu.Collator.createInstance(icu.Locale("vi"))

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Vũ", "Phan", "Trương", "Bùi", "Đặng",
    "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lý", "Lâm", "Âu", "Ông", "Ừng", "Đào", "Tạ", "Châu", "Lưu",
]
MIDDLE = [
    "Văn", "Thị", "Ngọc", "Thanh", "Minh", "Hoàng", "Quốc", "Đức", "Hữu", "Kim", "Thu", "Tấn", "Bích",
    "Mỹ", "Xuân", "Đình", "Công", "Phước", "Diễm", "Thúy", "Thuý", "Hồng", "Ánh", "Anh", "Ân",
]
GIVEN = [
    "Anh", "Ánh", "Ảnh", "Ành", "Ãnh", "Ạnh", "An", "Ân", "Ấn", "Ẩn", "Ăn", "Ắn", "Đào", "Dao", "Đạo",
    "Ơn", "Ôn", "On", "Ước", "Ưng", "Ung", "Hòa", "Hoà", "Hoa", "Thủy", "Thuỷ", "Thúy", "Thuý", "Tuyết",
    "Tuyến", "Yến", "Yên", "Ý", "Y", "Út", "Ut", "Em", "Êm", "Ếch", "Dũng", "Dung", "Đông", "Đồng",
    "Lộc", "Lợi", "Lói", "Nghĩa", "Nhựt", "Nhật", "Phúc", "Phục", "Quý", "Quí", "Sơn", "Sơ", "Tâm",
    "Tầm", "Tám", "Xuân", "Vy", "Vỹ", "Zũ", "Fương", "Jắc", "Wăn",
]
ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
          "r", "s", "t", "th", "tr", "v", "x", "f", "j", "w", "z"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uy", "uyê", "iê",
          "yê", "uô", "ươ", "ưa", "ai", "ao", "au", "ay", "âu", "ây", "oi", "ôi", "ơi", "ui", "eo", "iu"]
CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền, hỏi, ngã, sắc, nặng


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """A Vietnamese-shaped syllable, its tone on any vowel (so that "hoà" and "hòa" both occur)."""
    nucleus = draw(st.sampled_from(NUCLEI))
    at = draw(st.integers(0, len(nucleus) - 1))
    toned = nucleus[: at + 1] + draw(st.sampled_from(TONES)) + nucleus[at + 1 :]
    text = draw(st.sampled_from(ONSETS)) + toned + draw(st.sampled_from(CODAS))
    return unicodedata.normalize("NFC", text).capitalize()


@st.composite
def full_names(draw: st.DrawFn) -> str:
    """A realistic full name; sometimes odd case or NFD, as imported data has."""
    given_name = draw(st.one_of(st.sampled_from(GIVEN), syllables()))
    middle = draw(st.lists(st.one_of(st.sampled_from(MIDDLE), syllables()), max_size=2))
    words = [draw(st.sampled_from(FAMILY)), *middle, given_name]
    words = words[-draw(st.integers(1, len(words))) :] if draw(st.integers(0, 9)) == 0 else words
    name = " ".join(words)
    variant = draw(st.integers(0, 9))
    if variant == 0:
        name = name.lower()
    elif variant == 1:
        name = name.upper()
    elif variant == 2:
        name = unicodedata.normalize("NFD", name)
    return name


def icu_key(name: str) -> tuple[bytes, bytes, bytes]:
    """The oracle: ICU `vi` sort keys of given, middle and family name, compared in that order."""
    parts = split_name(name)
    return (COLLATOR.getSortKey(parts.given), COLLATOR.getSortKey(parts.middle),
            COLLATOR.getSortKey(parts.family))


def _sign(x: object, y: object) -> int:
    return (x > y) - (x < y)  # type: ignore[operator]


@settings(max_examples=60, deadline=None)
@given(st.lists(full_names(), min_size=5, max_size=40))
def test_sort_key_agrees_with_icu_oracle(names: list[str]) -> None:
    keys = {name: sort_key(name) for name in names}
    oracle = {name: icu_key(name) for name in names}
    for a in names:
        for b in names:
            assert _sign(keys[a], keys[b]) == _sign(oracle[a], oracle[b]), (a, b)
            assert (keys[a] == keys[b]) == (nfc(a) == nfc(b)), (a, b)


def _random_name(rnd: random.Random) -> str:
    def syllable() -> str:
        nucleus = rnd.choice(NUCLEI)
        at = rnd.randrange(len(nucleus))
        text = rnd.choice(ONSETS) + nucleus[: at + 1] + rnd.choice(TONES) + nucleus[at + 1 :] + rnd.choice(CODAS)
        return unicodedata.normalize("NFC", text).capitalize()

    words = [rnd.choice(FAMILY), *(rnd.choice([syllable(), rnd.choice(MIDDLE)]) for _ in range(rnd.randint(0, 2)))]
    words.append(rnd.choice([syllable(), rnd.choice(GIVEN)]))
    name = " ".join(words)
    return rnd.choice([name, name, name, name.lower(), name.upper()])


def test_thousands_of_names_sort_like_icu() -> None:
    rnd = random.Random(20250701)
    names = [_random_name(rnd) for _ in range(5000)]
    ordered = sorted(names, key=sort_key)
    oracle = [icu_key(name) for name in ordered]
    assert oracle == sorted(oracle)
    keys = [sort_key(name) for name in ordered]
    for a, b, key_a, key_b in zip(ordered, ordered[1:], keys, keys[1:], strict=False):
        assert (key_a == key_b) == (a == b), (a, b)


def test_every_letter_and_tone_in_both_cases_agrees_with_icu() -> None:
    letters = [
        unicodedata.normalize("NFC", base + tone)
        for base in "aăâeêioôơuưy" for tone in TONES
    ] + list("bcdđfghjklmnpqrstvwxz")
    words = [w for letter in letters for w in (letter, letter.upper(), letter + "nh", letter.upper() + "nh")]
    assert sorted(words, key=sort_key) == sorted(words, key=COLLATOR.getSortKey)


def test_alphabet_and_tone_order() -> None:
    alphabet = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")  # f j w z where ICU puts them
    assert sorted(set(alphabet), key=sort_key) == alphabet
    tones = ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh"]  # none, huyền, hỏi, ngã, sắc, nặng
    assert sorted(set(tones), key=sort_key) == tones


def test_given_then_middle_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Nguyễn Thị An", "Anh"]
    assert sorted(names, key=sort_key) == ["Lê Thị An", "Nguyễn Thị An", "Nguyễn Văn An", "Anh", "Trần Văn Bình"]
    # A tone in the given name outranks the family name: official lists group by the given name.
    assert sort_key("Trần Anh") < sort_key("Nguyễn Ánh")
    # A shorter part sorts first; the middle name is compared as a whole (space before letters).
    assert sort_key("Lê Văn An") < sort_key("Lê Văn Minh An") < sort_key("Lê Vănh An")


def test_case_is_the_last_difference_within_each_part() -> None:
    assert sort_key("anh") < sort_key("Anh") < sort_key("ánh")
    assert sort_key("Lê anh") < sort_key("Hồ Anh")  # ICU agrees: the given name is decided first
    assert icu_key("Lê anh") < icu_key("Hồ Anh")
    assert sort_key("Nguyễn văn An") < sort_key("Nguyễn Văn An")


def test_tone_position_and_ties() -> None:
    # Old ("hoà") and new ("hòa") tone placement are different strings; ICU puts the tone that
    # comes later in the word first, and so does the key.
    assert sort_key("Hoà") < sort_key("Hòa")
    assert icu_key("Hoà") < icu_key("Hòa")
    assert sort_key("Nguyễn Văn A") == sort_key(unicodedata.normalize("NFD", " Nguyễn  Văn A "))


def test_key_is_compact_printable_ascii_for_vietnamese_names() -> None:
    key = sort_key("Nguyễn Thị Ánh Tuyết")
    assert key.isascii() and key.isprintable()
    assert len(key) <= 3 * len("Nguyễn Thị Ánh Tuyết") + 9


def test_sqlite_binary_order_matches(tmp_path) -> None:
    names = ["Nguyễn Thị Ánh Tuyết", "Trần Anh", "Nguyễn Ánh", "Đỗ Văn Ơn", "Võ Tấn Ước", "Lê anh", "Hồ Anh",
             "Phan Đức Anh", "Huỳnh Thanh Bình", "Trần Đình Thịnh", "Zô Ét", "Ông Văn Ừng", "Tạ Đạo"]
    with sqlite3.connect(tmp_path / "keys.sqlite") as db:
        db.execute("CREATE TABLE m (name TEXT, k TEXT)")
        db.executemany("INSERT INTO m VALUES (?, ?)", [(n, sort_key(n)) for n in names])
        ordered = [row[0] for row in db.execute("SELECT name FROM m ORDER BY k")]
    assert ordered == sorted(names, key=sort_key) == sorted(names, key=icu_key)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12), st.text(max_size=12))
def test_key_of_any_text_is_a_str_and_equal_only_for_equal_names(a: str, b: str) -> None:
    assert isinstance(sort_key(a), str)
    assert (sort_key(a) == sort_key(b)) == (nfc(a) == nfc(b))


def test_stacked_marks_fall_back_to_the_full_name() -> None:
    # A letter with two marks beyond the Vietnamese ones (not Vietnamese, but possible in data):
    # the levels alone could tie, so the key ends with the name itself.
    a, b = "Lê a\u0308\u0301", "Lê a\u0301\u0308"
    assert nfc(a) != nfc(b)
    assert sort_key(a) != sort_key(b)
    assert sort_key(a).endswith(nfc(a))


def test_fold() -> None:
    assert fold("Nguyễn Thị Ánh Tuyết") == "nguyen thi anh tuyet"
    assert fold(unicodedata.normalize("NFD", "NGUYỄN  THỊ\tÁNH ")) == "nguyen thi anh"
    assert fold("Đỗ Đình Đạt") == "do dinh dat"
    assert fold("Ðặng") == "dang"  # eth, a legacy converters' stand-in for Đ
    assert fold("Trương Ưng Ơn") == "truong ung on"


@settings(max_examples=200, deadline=None)
@given(full_names())
def test_fold_is_ascii_and_form_independent(name: str) -> None:
    folded = fold(name)
    assert folded.isascii()
    assert folded == fold(unicodedata.normalize("NFD", name)) == fold(nfc(name).upper())


def test_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert nfc(decomposed) == "Nguyễn Thị Ánh"
    assert nfc("  Lê \t Văn\u00a0\n Tám  ") == "Lê Văn Tám"
    assert nfc("") == ""


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Nguyễn Thị Ánh Tuyết", NameParts("Nguyễn", "Thị Ánh", "Tuyết")),
        ("Lê Quang Xuân Bảo", NameParts("Lê", "Quang Xuân", "Bảo")),
        ("Vũ Hùng", NameParts("Vũ", "", "Hùng")),
        ("Hùng", NameParts("", "", "Hùng")),
        ("", NameParts("", "", "")),
        ("   ", NameParts("", "", "")),
        ("  Trần   Thị\tMai ", NameParts("Trần", "Thị", "Mai")),
        (unicodedata.normalize("NFD", "Đỗ Văn Ơn"), NameParts("Đỗ", "Văn", "Ơn")),
    ],
)
def test_split_name(full_name: str, expected: NameParts) -> None:
    assert split_name(full_name) == expected


def test_name_parts_is_frozen() -> None:
    parts = split_name("Vũ Hùng")
    with pytest.raises(FrozenInstanceError):
        parts.given = "Dũng"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nguyễn thị ánh", "Nguyễn Thị Ánh"),
        ("ĐỖ VĂN ƠN", "Đỗ Văn Ơn"),
        ("võ tấn ước", "Võ Tấn Ước"),
        ("  ừng   văn ẩn ", "Ừng Văn Ẩn"),
        (unicodedata.normalize("NFD", "huỳnh thanh bình"), "Huỳnh Thanh Bình"),
        ("h'hen niê", "H'Hen Niê"),
        ("", ""),
    ],
)
def test_title_case_name(text: str, expected: str) -> None:
    assert title_case_name(text) == expected


@settings(max_examples=200, deadline=None)
@given(full_names())
def test_title_case_name_is_idempotent_and_keeps_letters(name: str) -> None:
    titled = title_case_name(name)
    assert title_case_name(titled) == titled
    assert titled.lower() == nfc(name).lower()
    assert all(word[0].isupper() and word[1:] == word[1:].lower() for word in titled.split())
