"""Money and rates the Vietnamese way: integer đồng shown "5.000.000 đ", written out in words on a receipt
("Năm triệu đồng chẵn"); interest rates kept as integer hundredths of a percent and shown "6,6 %/năm".

Nothing here is ever a float: a rate typed "7,92" is read digit by digit.
"""

from __future__ import annotations

import re

MONEY_MAX = 1_000_000_000_000     # a thousand billion đồng: anything larger is a typing slip
RATE_SCALE = 100                  # 6,6 %/năm is stored as 660


def group_digits(value: int) -> str:
    """12345678 → "12.345.678" (the dot groups thousands, as Vietnamese offices write)."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_money(value: int | None) -> str:
    """5000000 → "5.000.000 đ"; None → ""."""
    return "" if value is None else f"{group_digits(value)} đ"


_MONEY = re.compile(r"^\d{1,3}([.\s]\d{3})+$|^\d+$")


def parse_money(text: str) -> int | None:
    """"5.000.000", "5 000 000", "5000000" or "5.000.000 đ" → 5000000; "" → None; ValueError otherwise.

    A comma is refused: "1,5" could be a million and a half or a typing slip; money is whole đồng.
    """
    cleaned = (text or "").strip().lower().removesuffix("đồng").removesuffix("đ").removesuffix("vnd").strip()
    if not cleaned:
        return None
    if not _MONEY.match(cleaned):
        raise ValueError(text)
    value = int(re.sub(r"[.\s]", "", cleaned))
    if value > MONEY_MAX:
        raise ValueError(text)
    return value


_RATE = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?$")


def parse_rate(text: str) -> int | None:
    """A yearly rate typed as "6,6", "6.6", "7,92" or "6,6 %" → hundredths of a percent (660); "" → None.

    ValueError for anything else (three decimals, letters, a negative number).
    """
    cleaned = (text or "").strip().lower().replace("%/năm", "").replace("%", "").replace(" ", "")
    if not cleaned:
        return None
    match = _RATE.match(cleaned)
    if not match:
        raise ValueError(text)
    whole, fraction = match[1], (match[2] or "").ljust(2, "0")
    return int(whole) * RATE_SCALE + int(fraction)


def rate_number(rate_bp: int) -> str:
    """660 → "6,6"; 792 → "7,92"; 900 → "9"."""
    whole, fraction = divmod(rate_bp, RATE_SCALE)
    text = f"{whole},{fraction:02d}".rstrip("0").rstrip(",")
    return text


def format_rate(rate_bp: int | None) -> str:
    """660 → "6,6 %/năm"."""
    return "" if rate_bp is None else f"{rate_number(rate_bp)} %/năm"


def format_percent(bp: int) -> str:
    """7000 → "70 %" (a share kept in hundredths of a percent)."""
    return f"{rate_number(bp)} %"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ")


def _three(n: int, full: bool) -> list[str]:
    """Words of 0–999; ``full`` writes the leading "không trăm" of an inner group (1.005.000)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if ones:
            words += (["linh"] if hundreds or full else []) + [_DIGITS[ones]]
        return words
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if ones == 1:
        words.append("một" if tens == 1 else "mốt")
    elif ones == 4 and tens > 1:
        words.append("tư")
    elif ones == 5:
        words.append("lăm")
    elif ones:
        words.append(_DIGITS[ones])
    return words


def number_words(value: int) -> str:
    """1250000 → "một triệu hai trăm năm mươi nghìn" (up to "triệu tỷ")."""
    if value == 0:
        return "không"
    if value < 0:
        return "âm " + number_words(-value)
    groups: list[int] = []
    while value:
        value, part = divmod(value, 1000)
        groups.append(part)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        part = groups[index]
        if part == 0:
            continue
        words += _three(part, full=index < len(groups) - 1)
        if _GROUPS[index]:
            words.append(_GROUPS[index])
    return " ".join(words)


def money_words(value: int) -> str:
    """5000000 → "Năm triệu đồng chẵn"; 5200500 → "Năm triệu hai trăm nghìn năm trăm đồng"."""
    text = number_words(value) + " đồng" + (" chẵn" if value % 1000 == 0 else "")
    return text[0].upper() + text[1:]
