"""Filling the {fields} of a form's text from a context, or leaving dots to write on by hand.

A field is ``{name}``, ``{member.full_name}``, with optional filters ``{on|long_date}``,
``{unit|upper}`` and a blank width ``{place:30}`` (how many dots a blank form leaves).
Values are looked up in dicts and in attributes of dataclasses; dates print as dd/mm/yyyy,
enums with a ``label`` print their label. All output is NFC.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from tayninh_desktop.domain.dates import format_long_date, format_vn_date
from tayninh_desktop.domain.documents import nfc

FIELD = re.compile(r"\{([A-Za-z_][\w.]*)((?:\|\w+)*)(?::(\d+))?\}")
DEFAULT_BLANK = 20
DOT = "."

_MISSING = object()


def lookup(context: Any, path: str) -> Any:
    """The value at a dotted path in nested dicts / objects, or None."""
    value = context
    for part in path.split("."):
        if value is None:
            return None
        if isinstance(value, Mapping):
            value = value.get(part, _MISSING)
        else:
            value = getattr(value, part, _MISSING)
        if value is _MISSING:
            return None
    return value


def format_value(value: Any) -> str:
    """The printed form of a value ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, date):
        return format_vn_date(value)
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".") if abs(value) >= 10_000 else str(value)
    return str(value)


def _apply(value: Any, filters: str) -> str:
    for name in filter(None, filters.split("|")):
        if name == "long_date" and isinstance(value, date):
            value = format_long_date(value)
        elif name == "upper":
            value = format_value(value).upper()
        elif name == "lower":
            value = format_value(value).lower()
        elif name == "year" and isinstance(value, date):
            value = str(value.year)
        elif name == "two":
            value = f"{int(value):02d}" if value not in (None, "") else value
    return format_value(value)


def dots(width: int | None = None) -> str:
    """A run of dots left for handwriting."""
    return DOT * (width or DEFAULT_BLANK)


class Scope:
    """A chain of contexts: a table row first, then the document's context."""

    def __init__(self, *layers: Any) -> None:
        self.layers = layers

    def get(self, path: str) -> Any:
        for layer in self.layers:
            value = lookup(layer, path)
            if value is not None:
                return value
        return None


def fill(
    template: str, scope: Scope | Any, *, blank: bool = False, markup: bool = True, dotted: bool = True
) -> str:
    """``template`` with every field replaced by its value (escaped for paragraph markup when
    ``markup``), or by dots when the form is blank or the value is unknown (nothing when not
    ``dotted``, as in table cells)."""
    if not isinstance(scope, Scope):
        scope = Scope(scope)

    def replace(match: re.Match[str]) -> str:
        name, filters, width = match.group(1), match.group(2), match.group(3)
        value = None if blank else scope.get(name)
        text = _apply(value, filters) if value is not None else ""
        if not text:
            return dots(int(width) if width else None) if dotted else ""
        return escape(text) if markup else text

    return nfc(FIELD.sub(replace, nfc(template)))


def field_names(template: str) -> list[str]:
    """The field paths a template refers to."""
    return [m.group(1) for m in FIELD.finditer(template)]


def compile_cell(template: str) -> Callable[[Scope], str]:
    """``template`` read once for the many rows of a table: the function giving a row's cell text, equal to
    ``fill(template, scope, markup=False, dotted=False)`` (no markup, nothing for a value unknown)."""
    parts = FIELD.split(nfc(template))
    literals = parts[0::4]
    fields = list(zip(parts[1::4], parts[2::4], literals[1:], strict=True))
    first = literals[0]

    def get(scope: Scope, name: str) -> Any:
        """``scope.get``; a plain name in a plain dict (a table's rows) read directly."""
        plain = "." not in name
        for layer in scope.layers:
            value = layer.get(name) if plain and type(layer) is dict else lookup(layer, name)
            if value is not None:
                return value
        return None

    def cell(scope: Scope) -> str:
        out = [first]
        for name, filters, literal in fields:
            value = get(scope, name)
            if value is not None:
                out.append(_apply(value, filters) if filters else format_value(value))
            out.append(literal)
        return nfc("".join(out))

    return cell
