"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI-Windows) found in old Excel files.

Before Unicode, offices typed Vietnamese through special fonts: the bytes are ordinary Latin-1/
cp1252 characters and only the font draws them as Vietnamese letters.  A reader (xlrd, openpyxl)
therefore returns text such as "NguyÔn ThÞ §µo" (TCVN3, ".VnTime" fonts) or "Nguyeãn Thò Ñaøo"
(VNI, "VNI-Times" fonts).  Decide the encoding by the cell's font first (``encoding_from_font``)
and only when the font says nothing by the content (``guess_encoding``); then ``to_unicode``.

What an importer must know
--------------------------
* Never strip or clean the text before converting: TCVN3 "ư" is byte 0xAD, the Latin-1 soft
  hyphen, which text cleaners like to delete.  Normalise whitespace (``vn_text.nfc``) afterwards.
* TCVN3/ABC has no capitals with tones of its own: typists wrote them either with the VN1
  capital codes (decoded here as capitals, e.g. "Äp" -> "Ấp") or with the small-letter code, which
  decodes to a small letter ("Êp" -> "ấp").  Headings in the capital fonts (``is_heading_font``,
  ".VnTimeH") are typed with small-letter codes and only *look* upper case: treat decoded heading
  text case-insensitively (match headers with ``vn_text.fold``), or upper-case it for display.
* Re-capitalising converted TCVN3 text:
  - person names: ``vn_text.title_case_name`` (every word capitalised);
  - addresses: split at commas; in each part keep the administrative-unit word(s) at its start
    lower case ("ấp", "khu phố", "tổ", "xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố",
    "tỉnh", ...) and capitalise every word of the place name after them; finally capitalise the
    first letter of the whole address.  "ấp cầu xe, xã hưng thuận" -> "Ấp Cầu Xe, xã Hưng Thuận",
    "khu phố ninh trung, xã hưng thuận" -> "Khu phố Ninh Trung, xã Hưng Thuận" (the form the
    sample lists' ``expected.csv`` uses);
  - other text (headings, notes): sentence case at most; do not guess proper nouns.
* ``to_unicode`` leaves text alone that must already be Unicode (it holds "ư", "ạ", ...), but
  Unicode text made only of Latin-1 letters ("Hoàng Tú") in a ".VnTime" cell cannot be told apart
  from TCVN3 and will be converted.
* VNI keeps real capitals ("AÁp" -> "Ấp"), so its text needs no re-capitalisation.
* Content guessing cannot separate every short string: "Thuû" is TCVN3 "Thuỷ" and VNI "Thủ".
  Ties go to TCVN3 (the commoner encoding in state offices); Latin-1 text in other languages
  ("Müller") may be taken for legacy Vietnamese, so trust the font whenever there is one.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from tayninh_desktop.domain.legacy_tables import (
    TCVN3_DECODE,
    VNI_BASES,
    VNI_BREVE,
    VNI_CIRCUMFLEX,
    VNI_SINGLE,
    VNI_TONES,
    has_unreceivable,
    received_byte,
)

__all__ = [
    "LegacyEncoding",
    "decode_tcvn3",
    "decode_vni",
    "encoding_from_font",
    "guess_encoding",
    "is_heading_font",
    "to_unicode",
]


class LegacyEncoding(StrEnum):
    """How the text of a cell is encoded."""

    UNICODE = "unicode"
    TCVN3 = "tcvn3"
    VNI = "vni"


# Fonts that draw ordinary Unicode; compared case-insensitively.
_UNICODE_FONTS = frozenset(
    name.casefold()
    for name in (
        "Times New Roman", "Arial", "Arial Narrow", "Calibri", "Calibri Light", "Cambria", "Tahoma",
        "Verdana", "Segoe UI", "Courier New", "Aptos", "Aptos Narrow", "Georgia", "Consolas",
        "Times", "Helvetica", "Liberation Serif", "Liberation Sans", "DejaVu Sans", "DejaVu Serif",
        "Noto Sans", "Noto Serif", "Roboto", "Be Vietnam Pro", "Palatino Linotype", "Book Antiqua",
        "Garamond", "Century Gothic", "Trebuchet MS", "Microsoft Sans Serif", "MS Sans Serif",
    )
)


def encoding_from_font(font_name: str | None) -> LegacyEncoding | None:
    """Return the encoding implied by a cell's font name, or None when the font is unknown.

    ".VnTime", ".VnTimeH", ".VnArial" and every other ".Vn..." font are TCVN3/ABC; "VNI-Times",
    "VNI-Helve" and every other "VNI-..." font are VNI-Windows; common Unicode fonts are UNICODE.
    """
    if not font_name:
        return None
    name = font_name.strip()
    folded = name.casefold()
    if folded.startswith(".vn"):
        return LegacyEncoding.TCVN3
    if folded.startswith(("vni-", "vni ")):
        return LegacyEncoding.VNI
    if folded in _UNICODE_FONTS:
        return LegacyEncoding.UNICODE
    return None


def is_heading_font(font_name: str | None) -> bool:
    """Return True for the TCVN3 capital fonts (".VnTimeH", ".VnArialH", ...).

    They draw the small-letter codes as capitals, so their text decodes to small letters that
    were meant to be shown in upper case.
    """
    if encoding_from_font(font_name) is not LegacyEncoding.TCVN3:
        return False
    return font_name is not None and font_name.strip().endswith("H")


def decode_tcvn3(text: str) -> str:
    """Convert TCVN3/ABC text, as received from a spreadsheet reader, to Unicode NFC.

    Characters that cannot be legacy bytes (real Unicode text mixed into the cell) pass through.
    """
    out: list[str] = []
    for ch in text:
        byte = received_byte(ch)
        out.append(TCVN3_DECODE.get(byte, ch) if byte is not None else ch)
    # NFC composes the combining tone bytes 0xB0-0xB4 with the letter before them.
    return unicodedata.normalize("NFC", "".join(out))


def decode_vni(text: str) -> str:
    """Convert VNI-Windows text, as received from a spreadsheet reader, to Unicode NFC.

    A base letter takes at most one shape accent (circumflex/breve, possibly with a tone in the
    same byte) and one tone accent; an accent byte that follows no suitable base is kept as it is.
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        base = VNI_BASES.get(ch)
        if base is None:
            out.append(VNI_SINGLE.get(ch, ch))
            i += 1
            continue
        letter, takes_circumflex, takes_breve = base
        i += 1
        marks = ""
        nxt = text[i] if i < n else ""
        if takes_circumflex and nxt in VNI_CIRCUMFLEX:
            marks, i = "\u0302" + VNI_CIRCUMFLEX[nxt], i + 1
        elif takes_breve and nxt in VNI_BREVE:
            marks, i = "\u0306" + VNI_BREVE[nxt], i + 1
        # A tone may follow a tone-less shape accent ("aâ" + "ù"), or stand alone ("a" + "ù").
        if marks in ("", "\u0302", "\u0306") and i < n and text[i] in VNI_TONES:
            marks, i = marks + VNI_TONES[text[i]], i + 1
        out.append(letter + marks)
    return unicodedata.normalize("NFC", "".join(out))


def to_unicode(text: str, encoding: LegacyEncoding) -> str:
    """Convert ``text`` from ``encoding`` to Unicode NFC (UNICODE text is only normalised).

    Text containing a character that no legacy reader can produce ("ư", "ạ", ... outside cp1252)
    is already Unicode whatever the font claims (old files were often retyped in Unicode with the
    ".VnTime" font left on), so it is only normalised.
    """
    if encoding is not LegacyEncoding.UNICODE and has_unreceivable(text):
        encoding = LegacyEncoding.UNICODE
    if encoding is LegacyEncoding.TCVN3:
        return decode_tcvn3(text)
    if encoding is LegacyEncoding.VNI:
        return decode_vni(text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# --- Guessing from content -----------------------------------------------------------------------

# Vietnamese letters that exist in Latin-1: genuine Unicode text is full of them, so on their own
# they are evidence of nothing.
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# TCVN3 bytes whose Latin-1 characters neither VNI nor Vietnamese Unicode ever produces: the
# symbols 0xA1-0xBF (µ ¸ ¹ ª « ¬ soft hyphen § ...) and a few letters.
_TCVN3_ONLY = frozenset([chr(c) for c in range(0xA1, 0xC0)] + list("ÇÐ×Þßçð÷þÿ"))
_VNI_ACCENTS = frozenset(VNI_TONES) | frozenset(VNI_CIRCUMFLEX) | frozenset(VNI_BREVE)
# VNI pairs that are also ordinary Unicode: "oà"/"oá"/"oã" as in "Hoàng", "Toán".
_AMBIGUOUS_PAIRS = frozenset(o + a for o in "oO" for a in "àáãÀÁÃ")
# Plain vowel + Latin-1 Vietnamese letter pairs that Unicode Vietnamese spells ("Hoà", "Xuân",
# "Thuý", "Nguyên", "goòng"), besides any vowel after "qu"/"gi".  Other such pairs ("Huúnh") are
# TCVN3 small letters, which occupy the Latin-1 letter range.
_UNICODE_VOWEL_PAIRS = frozenset(["oà", "oá", "oã", "oè", "oé", "oò", "oó", "uâ", "uê", "uô", "uý", "iê", "yê"])
# Latin-1 capitals, which TCVN3 uses for small letters.
_LATIN1_CAPITALS = frozenset(chr(c) for c in range(0xC0, 0xDF) if c != 0xD7)


def _vni_pair(base: str, accent: str) -> bool:
    """Return True if ``accent`` is an accent byte that VNI allows after ``base``."""
    spec = VNI_BASES.get(base)
    if spec is None or (base.islower() and accent.isupper()):
        # VNI keyboards give a capital accent byte only after a capital letter; "yÕ" is TCVN3 "yế".
        return False
    _, takes_circumflex, takes_breve = spec
    return (
        accent in VNI_TONES
        or (takes_circumflex and accent in VNI_CIRCUMFLEX)
        or (takes_breve and accent in VNI_BREVE)
    )


_PLAIN_VOWELS = frozenset("aeiouy")


def _unicode_pair(text: str, i: int) -> bool:
    """Return True if the plain vowel at ``i - 1`` and the letter at ``i`` can be Unicode Vietnamese."""
    pair = text[i - 1 : i + 1].lower()
    before = text[i - 2].lower() if i >= 2 else ""
    return pair in _UNICODE_VOWEL_PAIRS or (before + pair[0]) in ("qu", "gi")


def _tcvn3_evidence(text: str, i: int) -> bool:
    """Return True if the character at ``i`` (not part of a VNI letter) points to TCVN3."""
    ch = text[i]
    prev = text[i - 1] if i else ""
    if ch in _TCVN3_ONLY:
        return True
    if ch in _VNI_ACCENTS and ch not in _VIET_LATIN1:
        return True  # an accent byte with no vowel before it: a TCVN3 small letter
    if ch in _LATIN1_CAPITALS and prev.isalpha():
        # Inside a word a capital belongs with capitals; "NguyÔn" and "TÊn" are TCVN3 small letters.
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if prev.islower() or nxt.islower():
            return True
    return ch in _VIET_LATIN1 and prev.lower() in _PLAIN_VOWELS and not _unicode_pair(text, i)


def guess_encoding(text: str) -> LegacyEncoding:
    """Guess the encoding of ``text`` from its content alone; UNICODE unless the evidence says not.

    Text with any character a legacy reader cannot produce (ư, ạ, ố, ... or other non-cp1252
    characters) is Unicode, and so is plain ASCII.  Otherwise each encoding scores characters that
    only it explains: TCVN3 the Latin-1 symbols it uses for letters ("§µ"), VNI a vowel followed
    by its accent byte ("aø", "eã") or "Ñ"/"ñ" starting a word.  Accent bytes after a consonant
    ("Thø" = "thứ"), Latin-1 capitals inside a small-letter word ("NguyÔn", "TÊn") and vowel pairs that
    Vietnamese does not spell ("Huúnh") count for TCVN3.  Ties go to TCVN3.
    """
    if text.isascii():
        return LegacyEncoding.UNICODE
    if has_unreceivable(text):
        return LegacyEncoding.UNICODE
    tcvn3 = vni = 0
    explained_by_vni: set[int] = set()  # accent bytes already read as part of a VNI letter
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        if i not in explained_by_vni and i + 1 < len(text) and _vni_pair(ch, text[i + 1]):
            explained_by_vni.add(i + 1)
            vni += (ch + text[i + 1]) not in _AMBIGUOUS_PAIRS
        if ch in "ñÑ":
            # VNI đ starts a syllable; TCVN3 "ñ" is ủ, which follows a consonant.
            if prev.isalpha():
                tcvn3 += 1
            else:
                vni += 1
        elif i not in explained_by_vni and _tcvn3_evidence(text, i):
            tcvn3 += 1
    if tcvn3 == vni == 0:
        return LegacyEncoding.UNICODE
    return LegacyEncoding.TCVN3 if tcvn3 >= vni else LegacyEncoding.VNI
