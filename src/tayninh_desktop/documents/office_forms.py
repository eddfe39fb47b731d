"""Forms an office adds itself: TOML files in the data folder's ``forms`` directory.

They are read the same way as the forms shipped with the program (``forms.parse_form``), after a
check that names what is wrong in Vietnamese — the file, the block, the key — because the person who
wrote the file is a clerk with Notepad, not a developer. A broken file is reported and skipped; it
never hides the other forms. An office form cannot take the id of a shipped form (the official
wording stays as shipped: copy it under another file name to adapt it).
"""

from __future__ import annotations

import re
import tomllib
import typing
from dataclasses import MISSING, dataclass, field, fields
from enum import Enum
from pathlib import Path
from typing import Any

from tayninh_desktop.documents import forms
from tayninh_desktop.domain.errors import DomainError

ID_PATTERN = re.compile(r"[a-z0-9_-]+")
# What an office form can be about; it must name at least one of PLACES to appear on the "Văn bản" page.
SCOPES = frozenset({"unit", "cell", "member", "meeting", "year", "period"})
PLACES = frozenset({"unit", "cell", "member"})
# Extra values a service computes for a form; "crosscheck" needs a cross-check run, not a print.
SOURCES = frozenset({"", "meeting", "de_an_03", "member_events", "member_record"})
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class FormProblem:
    """An office form that was skipped: its file name and why (a code of messages_office_forms)."""

    file: str
    code: str
    data: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        from tayninh_desktop.domain import messages_office_forms
        from tayninh_desktop.domain.messages import render

        return render(self.code, messages_office_forms.readable(self.data))

    @property
    def message(self) -> str:
        from tayninh_desktop.domain.messages import render

        return render("office_form_skipped", {"file": self.file, "reason": self.reason})


class _Refused(Exception):
    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code)
        self.code, self.data = code, data


def load_folder(folder: Path, shipped: dict[str, forms.FormDefinition]
                ) -> tuple[dict[str, forms.FormDefinition], tuple[FormProblem, ...]]:
    """The office's forms in ``folder`` (file-name order) and the files skipped with their reason."""
    found: dict[str, forms.FormDefinition] = {}
    problems: list[FormProblem] = []
    try:
        paths = sorted(p for p in folder.glob("*") if p.suffix.lower() == ".toml")
    except OSError:
        return {}, ()
    for path in paths:
        try:
            found[path.stem] = load_file(path, shipped)
        except _Refused as refused:
            problems.append(FormProblem(path.name, refused.code, refused.data))
    for form_id, form in list(found.items()):
        known = {**shipped, **found}
        bad = [part for part in form.parts if part not in known or known[part].parts]
        if bad:
            del found[form_id]
            problems.append(FormProblem(f"{form_id}.toml", "office_form_bad_parts", {"value": ", ".join(bad)}))
    return found, tuple(problems)


def load_file(path: Path, shipped: dict[str, forms.FormDefinition]) -> forms.FormDefinition:
    """One office form, checked (raises _Refused naming what is wrong)."""
    if not ID_PATTERN.fullmatch(path.stem):
        raise _Refused("office_form_bad_name")
    if path.stem in shipped:
        raise _Refused("office_form_same_id", name=shipped[path.stem].name)
    data = _read(path)
    _check_table(forms.FormDefinition, data, (), skip=("id", "blocks", "signature", "recipients"))
    _check_extras(data)
    try:
        form = forms.parse_form(data, path.stem)
    except DomainError as error:   # anything the checks above did not name: the loader's own words
        raise _Refused("office_form_other", detail=error.data.get("reason", error.code)) from None
    bad_scope = sorted(set(form.scope) - SCOPES)
    if bad_scope or not PLACES & set(form.scope):
        raise _Refused("office_form_bad_scope", value=", ".join(bad_scope or form.scope) or "—")
    if form.source not in SOURCES:
        raise _Refused("office_form_bad_value", where=(), key="source", value=form.source,
                       allowed=", ".join(sorted(SOURCES - {""})))
    return form


# Values a key takes from a fixed list: (dataclass, key) → the list.
CHOICES: dict[tuple[type, str], tuple[str, ...]] = {
    (forms.FormDefinition, "header"): ("party", "none"),
    (forms.ParagraphBlock, "style"): tuple(sorted(forms.PARAGRAPH_STYLES)),
    (forms.Column, "align"): ("left", "center", "right"),
}


def _check_choices(cls: type, data: dict, where: tuple[str, ...]) -> None:
    for (owner, key), allowed in CHOICES.items():
        if owner is cls and key in data and data[key] not in allowed:
            raise _Refused("office_form_bad_value", where=where, key=key, value=str(data[key]),
                           allowed=", ".join(allowed))


def _read(path: Path) -> dict:
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_BYTES:
            raise _Refused("office_form_too_big")
        # Notepad may save with a byte-order mark: accept it.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Refused("office_form_encoding") from None
    except OSError as error:
        raise _Refused("office_form_unreadable", reason=error.strerror or type(error).__name__) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"line (\d+), column (\d+)", str(error))
        line, column = at.groups() if at else ("?", "?")
        raise _Refused("office_form_toml", line=line, column=column) from None


def _check_extras(data: dict) -> None:
    blocks = data.get("blocks", [])
    if not isinstance(blocks, list):
        raise _Refused("office_form_wrong_type", where=(), key="blocks", expected="list")
    _check_blocks(blocks, ())
    if "signature" in data:
        _check_table(forms.SignerSpec, data["signature"], ("signature",))
    recipients = data.get("recipients", {})
    if not isinstance(recipients, dict):
        raise _Refused("office_form_wrong_type", where=(), key="recipients", expected="table")
    for key, value in recipients.items():
        expected = {"items": "list", "archive": "str"}.get(key)
        if expected is None:
            raise _Refused("office_form_unknown_key", where=("recipients",), key=key)
        if not _is(value, list[str] if expected == "list" else str):
            raise _Refused("office_form_wrong_type", where=("recipients",), key=key, expected=expected)


def _check_blocks(blocks: list, outer: tuple[str, ...]) -> None:
    """Each block (a place is a tuple such as ("block:2:table", "columns:3"), put in words by the messages)."""
    for number, block in enumerate(blocks, start=1):
        if not isinstance(block, dict):
            raise _Refused("office_form_wrong_type", where=(*outer, f"block:{number}:"), key="—", expected="table")
        kind = block.get("kind", "paragraph")
        cls = forms.BLOCK_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise _Refused("office_form_bad_kind", where=(*outer, f"block:{number}:"), value=str(kind),
                           kinds=", ".join(forms.BLOCK_TYPES))
        where = (*outer, f"block:{number}:{kind}")
        _check_table(cls, block, where, skip=("kind", "columns", "signers", "blocks", "lines"))
        for key, item_cls in (("columns", forms.Column), ("signers", forms.SignerSpec)):
            items = block.get(key, [])
            if not isinstance(items, list):
                raise _Refused("office_form_wrong_type", where=where, key=key, expected="list")
            for index, item in enumerate(items, start=1):
                _check_table(item_cls, item, (*where, f"{key}:{index}"))
        if "blocks" in block:
            if not isinstance(block["blocks"], list):
                raise _Refused("office_form_wrong_type", where=where, key="blocks", expected="list")
            _check_blocks(block["blocks"], where)
        lines = block.get("lines", [])
        if not _is(lines, list) or not all(_is(pair, list[str]) and len(pair) == 2 for pair in lines):
            raise _Refused("office_form_wrong_type", where=where, key="lines", expected="pairs")


def _check_table(cls: type, data: Any, where: tuple[str, ...], skip: tuple[str, ...] = ()) -> None:
    """Keys known, required keys present, each value of the type the dataclass declares."""
    if not isinstance(data, dict):
        raise _Refused("office_form_wrong_type", where=where, key="—", expected="table")
    declared = {f.name: f for f in fields(cls)}
    for key in data:
        if key not in declared:
            raise _Refused("office_form_unknown_key", where=where, key=key)
    for name, spec in declared.items():
        if name in skip:
            continue
        if name not in data:
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise _Refused("office_form_missing_key", where=where, key=name)
            continue
        hint = typing.get_type_hints(cls)[name]
        if not _is(data[name], hint):
            raise _Refused("office_form_wrong_type", where=where, key=name, expected=_expected(hint))
    _check_choices(cls, data, where)


def _is(value: Any, hint: Any) -> bool:
    if hint is Any:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (tuple, list) or hint is list:
        return isinstance(value, list) and all(_is(v, args[0]) for v in value if args and args[0] is not Ellipsis)
    if origin is typing.Union or type(hint).__name__ == "UnionType":
        return any(_is(value, arg) for arg in args if arg is not type(None))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return value in {member.value for member in hint}
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    return isinstance(value, dict)   # a nested table (a signer)


def _expected(hint: Any) -> str:
    if typing.get_origin(hint) in (tuple, list):
        return "list"
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "enum:" + ", ".join(member.value for member in hint)
    return {bool: "bool", int: "int", float: "number", str: "str"}.get(hint, "table")
