"""Mapping tables of the legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI-Windows.

Kept apart from ``legacy_encodings`` so that the conversion logic stays readable.  Both tables are
keyed by what Python receives from xlrd/openpyxl for a legacy byte, i.e. the byte's character in
Latin-1 (or, for 0x80-0x9F, possibly in cp1252; see ``received_byte``).
"""

from __future__ import annotations

import re

# TCVN 5712:1993, bytes 0x80-0xFF, one character per byte.  TCVN3/ABC (the ".Vn" fonts) uses the
# small letters at 0xA8-0xFE and the capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7; the remaining slots hold
# the "VN1" capitals with tones, which some files use and which glibc's TCVN5712-1 decodes the same
# way.  0xB0-0xB4 are combining tone marks, composed with the letter before them by NFC.
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 0x80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0; 0xAD (soft hyphen in Latin-1) is "ư"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)

# TCVN 5712:1993 also puts capitals with tones on some C0 control codes (as glibc does).  Tab, line
# feed and carriage return are not among them, so cell text keeps its line breaks.
_TCVN3_LOW = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
    0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}

#: Byte value -> Unicode text for every byte whose meaning differs from ASCII.
TCVN3_DECODE: dict[int, str] = {0x80 + i: ch for i, ch in enumerate(_TCVN3_HIGH)} | _TCVN3_LOW


def _cp1252_reverse() -> dict[str, int]:
    """Map the cp1252 characters of bytes 0x80-0x9F (e.g. "€" for 0x80) back to their byte."""
    reverse: dict[str, int] = {}
    for byte in range(0x80, 0xA0):
        try:
            reverse[bytes([byte]).decode("cp1252")] = byte
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
            pass
    return reverse


_CP1252_BYTES = _cp1252_reverse()


# A character no legacy reader gives (outside Latin-1 and cp1252's 0x80-0x9F): found by one C-level search.
_NOT_RECEIVED = re.compile("[^\x00-\xff" + "".join(re.escape(ch) for ch in _CP1252_BYTES) + "]")


def has_unreceivable(text: str) -> bool:
    """True when ``text`` holds a character that ``received_byte`` gives no byte for (so it is Unicode)."""
    return _NOT_RECEIVED.search(text) is not None


def received_byte(ch: str) -> int | None:
    """Return the legacy byte that ``ch`` stands for, or None if it cannot be one.

    Readers give each legacy byte either as the Latin-1 character with that code or, for
    0x80-0x9F, as its cp1252 character (xlrd and Excel both do the latter).
    """
    code = ord(ch)
    if code < 0x100:
        return code
    return _CP1252_BYTES.get(ch)


# --- VNI-Windows ---------------------------------------------------------------------------------
# VNI writes a Vietnamese letter as an ASCII base letter followed by one "accent" byte; a few
# letters are single bytes.  Lower- and upper-case accent bytes differ only in glyph size, so both
# are accepted after a base of either case.

GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
CIRCUMFLEX, BREVE = "\u0302", "\u0306"

#: Accent bytes that add only a tone.
VNI_TONES: dict[str, str] = {
    "ø": GRAVE, "û": HOOK, "õ": TILDE, "ù": ACUTE, "ï": DOT,
    "Ø": GRAVE, "Û": HOOK, "Õ": TILDE, "Ù": ACUTE, "Ï": DOT,
}

#: Accent bytes that add a circumflex (after a, e, o), with the tone they carry, if any.
VNI_CIRCUMFLEX: dict[str, str] = {
    "â": "", "à": GRAVE, "å": HOOK, "ã": TILDE, "á": ACUTE, "ä": DOT,
    "Â": "", "À": GRAVE, "Å": HOOK, "Ã": TILDE, "Á": ACUTE, "Ä": DOT,
}

#: Accent bytes that add a breve (after a only), with the tone they carry, if any.
VNI_BREVE: dict[str, str] = {
    "ê": "", "è": GRAVE, "ú": HOOK, "ü": TILDE, "é": ACUTE, "ë": DOT,
    "Ê": "", "È": GRAVE, "Ú": HOOK, "Ü": TILDE, "É": ACUTE, "Ë": DOT,
}

#: Base letters that take accent bytes: the letter they stand for and whether they accept a
#: circumflex and a breve.  "ô"/"ö" are VNI's single-byte ơ/ư, which take tones only.
VNI_BASES: dict[str, tuple[str, bool, bool]] = {
    "a": ("a", True, True), "A": ("A", True, True),
    "e": ("e", True, False), "E": ("E", True, False),
    "o": ("o", True, False), "O": ("O", True, False),
    "u": ("u", False, False), "U": ("U", False, False),
    "y": ("y", False, False), "Y": ("Y", False, False),
    "ô": ("ơ", False, False), "Ô": ("Ơ", False, False),
    "ö": ("ư", False, False), "Ö": ("Ư", False, False),
}

#: Single bytes that are whole letters (i with a tone, ỵ, đ).  ì/í/Ì/Í are the same in Latin-1.
VNI_SINGLE: dict[str, str] = {
    "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ",
    "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ", "Ñ": "Đ",
}
