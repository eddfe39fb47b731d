"""Vietnamese text: normalisation, search folding, name parts, the official sort key, capitalisation.

Everything here is pure standard-library code so that the same rules hold on every operating
system: locale collators differ between Windows, macOS and Linux, so the app owns its sort key and
tests it against ICU's ``vi`` collation (see ``tests/domain/test_vn_text.py``).

Sort key design (``sort_key``)
------------------------------
Official lists sort by given name, then middle name, then family name, each part compared the way
ICU's ``vi`` collator compares strings: letters first (primary level), tones second (secondary),
case last (tertiary).  Each *part* gets its own three-level key, and the parts are concatenated, so
a tone difference in the given name outranks any difference in the family name ("Trần Anh" comes
before "Nguyễn Ánh"), exactly as when ICU keys of (given, middle, family) are compared as a tuple.

A part key is ``primary ! secondary ! tertiary !`` where ``!`` (U+0021) is a terminator that is
lower than every weight, so a shorter part sorts first and the concatenation never lets one part
bleed into the next.  All weights are printable ASCII (one byte each in UTF-8), so the key is
compact and compares correctly with Python ``<`` and with SQLite's BINARY collation:

* primary: one character per letter, in the order space, punctuation, digits, then
  a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z (as ICU ``vi`` orders them);
  any other character is ``~`` followed by the character itself (after all Latin letters, as ICU
  puts other scripts).
* secondary: one weight per letter, ``"`` for no tone, then huyền < hỏi < ngã < sắc < nặng; other
  combining marks (ü, ç, ...) as ``~`` + the mark.  Trailing no-tone weights are dropped (as ICU
  compresses them); with the terminator this keeps the order.
* tertiary: one weight per letter, lower case before upper case; trailing lower case is dropped.

Sharing one per-letter secondary weight instead of ICU's separate weight for each combining mark
gives the same order whenever a letter carries at most one mark beyond the Vietnamese letters
ă â đ ê ô ơ ư, which holds for Vietnamese.  For the rare letter with two or more such marks the
levels could tie for different names, so then the NFC name itself is appended as ICU's "identical"
level.  Otherwise the key is already injective (equal keys mean equal NFC names), so the full-name
tie-break costs nothing.  Never normalise or re-case a stored key: it is opaque.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NameParts", "fold", "nfc", "sort_key", "split_name", "title_case_name"]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with outer whitespace stripped and inner runs collapsed.

    Input from spreadsheets, macOS file names and some keyboards arrives decomposed (NFD); storing
    NFC keeps equality, search and sorting consistent.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    """Return the search form of ``text``: no diacritics, lower case, single spaces.

    "Nguyễn Thị Ánh Tuyết" -> "nguyen thi anh tuyet".  đ/Đ have no Unicode decomposition and are
    mapped to d explicitly; ð/Ð (eth), which legacy converters sometimes produce for Đ, likewise.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    if "\u03a3" not in text:   # a character at a time, except Greek capital sigma (lower case by context)
        return " ".join(text.translate(_FOLDED).split())
    decomposed = unicodedata.normalize("NFD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_marks.lower().translate(_D_FOLD).split())


_D_FOLD = str.maketrans({"đ": "d", "ð": "d"})


class _FoldTable(dict):
    """Each character's search form, worked out the first time it is met (a list has a few hundred distinct
    letters): the letter without its marks, lower case, đ as d; a combining mark folds to nothing."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_D_FOLD)
        self[code] = folded
        return folded


_FOLDED = _FoldTable()


@dataclass(frozen=True)
class NameParts:
    """A Vietnamese full name split into family, middle (zero or more words) and given name."""

    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Split a full name: first word family, last word given, the words between middle.

    A single word is taken as the given name only (family and middle empty); an empty or
    whitespace-only name gives three empty parts.
    """
    words = nfc(full_name).split(" ")
    if words == [""]:
        return NameParts("", "", "")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])


# Unicode code points of the five tone marks, in the order of Vietnamese dictionaries.
_TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền, hỏi, ngã, sắc, nặng

_TERMINATOR = "!"  # lower than every weight of every level
_ESCAPE = "~"  # higher than every table weight; followed by the raw character or mark
_FIRST_WEIGHT = 0x22

# The primary order of ICU's `vi` collation (CLDR root order for ASCII punctuation, with the
# Vietnamese letters tailored in).  Letters are stored lower case; case is the tertiary level.
_PRIMARY_ORDER = (
    " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789"
    "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
)
_PRIMARY: dict[str, str] = {ch: chr(_FIRST_WEIGHT + i) for i, ch in enumerate(_PRIMARY_ORDER)}

_SEC_NONE = chr(_FIRST_WEIGHT)
_SEC_TONE: dict[str, str] = {mark: chr(_FIRST_WEIGHT + 1 + i) for i, mark in enumerate(_TONE_MARKS)}
_TER_LOWER = chr(_FIRST_WEIGHT)
_TER_UPPER = chr(_FIRST_WEIGHT + 1)

# Base letters that carry a primary of their own in Vietnamese (ICU tailors them as letters, not as
# a + accent), keyed by their NFD spelling so that precomposed and decomposed input agree.
_VIET_BASES = {
    unicodedata.normalize("NFD", letter): letter for letter in "ăâđêôơưĂÂĐÊÔƠƯ"
}


def _split_letter(ch: str) -> tuple[str, list[str]]:
    """Split one NFC character into its base letter and the combining marks on top of it.

    The Vietnamese letters ă â ê ô ơ ư stay whole (they are letters of their own), so "ấ" gives
    ("â", ["\u0301"]) and "ü" gives ("u", ["\u0308"]).  ð/Ð count as d plus a pseudo-mark because
    ICU sorts eth as a secondary variant of d.
    """
    if ch in "ðÐ":
        return ("d" if ch == "ð" else "D"), ["\u00f0"]
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], list(decomposed[1:])
    # Re-attach a shape mark (breve, circumflex, horn) that makes a Vietnamese letter.  It need
    # not come first: NFD puts the dot below before the circumflex ("ậ" = a + ̣ + ̂).
    for i, mark in enumerate(marks):
        if base + mark in _VIET_BASES:
            return _VIET_BASES[base + mark], marks[:i] + marks[i + 1 :]
    return base, marks


@lru_cache(maxsize=8192)   # names repeat (a list of 100,000 members has a few thousand distinct parts)
def _part_key(part: str) -> tuple[str, bool]:
    """Return the three-level key of one name part and whether it could tie for another string."""
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    lossy = False
    for ch in part:
        if unicodedata.combining(ch) and primary:
            # A mark that did not compose with the letter before it (NFC leaves those apart):
            # it belongs to that letter, as in ICU.
            previous = secondary.pop()
            marks = [] if previous == _SEC_NONE else [previous]
            marks.append(_SEC_TONE.get(ch, _ESCAPE + ch))
            lossy = lossy or len(marks) > 1
            secondary.append("".join(marks))
            continue
        base, marks = _split_letter(ch)
        lower = base.lower()
        weight = _PRIMARY.get(lower)
        if weight is None or len(lower) != 1:
            primary.append(_ESCAPE + ch)  # unknown character: its own code point orders it
            secondary.append(_SEC_NONE)
            tertiary.append(_TER_LOWER)
            continue
        primary.append(weight)
        lossy = lossy or len(marks) > 1
        secondary.append("".join(_SEC_TONE.get(m, _ESCAPE + m) for m in marks) or _SEC_NONE)
        tertiary.append(_TER_UPPER if base != lower else _TER_LOWER)
    key = (
        "".join(primary)
        + _TERMINATOR
        + "".join(secondary).rstrip(_SEC_NONE)
        + _TERMINATOR
        + "".join(tertiary).rstrip(_TER_LOWER)
        + _TERMINATOR
    )
    return key, lossy


def sort_key(full_name: str) -> str:
    """Return the key that orders names as official Vietnamese lists do.

    Given name first, then middle, then family name, each in Vietnamese alphabet order with tones
    as a secondary and case as a tertiary difference (see the module docstring for the encoding).
    The result is a plain ``str`` meant to be stored and compared bytewise (``ORDER BY`` on a TEXT
    column with the default BINARY collation).
    """
    name = nfc(full_name)
    parts = split_name(name)
    key = ""
    lossy = False
    for part in (parts.given, parts.middle, parts.family):
        part_key, part_lossy = _part_key(part)
        key += part_key
        lossy = lossy or part_lossy
    # Identical level, only where the three levels cannot tell two names apart.
    return key + name if lossy else key


# A word starts at the beginning, after whitespace, or after a hyphen or apostrophe (ethnic
# minority names such as "H'Hen Niê" or "Y-Moan" capitalise each segment).
_WORD_START = re.compile(r"(^|[\s\-'’])(\w)")


def title_case_name(text: str) -> str:
    """Capitalise a person's name: first letter of each word upper case, the rest lower case.

    Works on toned letters and on NFD input: "nguyễn thị ánh" -> "Nguyễn Thị Ánh",
    "ĐỖ VĂN ƠN" -> "Đỗ Văn Ơn".  Unlike ``str.title`` it does not treat a combining mark as
    the end of a word.
    """
    lowered = nfc(text).lower()
    return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), lowered)
