"""A document's context as JSON, so the register can reprint exactly what was issued."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from typing import Any

from tayninh_desktop.domain.documents import DocumentHeader, Recipients, Signature

_TYPES = {cls.__name__: cls for cls in (DocumentHeader, Signature, Recipients)}


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        data = {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
        if name in _TYPES:
            return {"$type": name, **data}
        return data
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else value.value
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return date.fromisoformat(value["$date"])
        decoded = {k: _decode(v) for k, v in value.items() if k != "$type"}
        cls = _TYPES.get(value.get("$type", ""))
        if cls is not None:
            if cls is Recipients:
                decoded["items"] = tuple(decoded.get("items", ()))
            return cls(**decoded)
        return decoded
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


KEPT = ("header", "signature", "recipients")


def prune(form, context: dict) -> dict:
    """Only what ``form`` prints: the fields its templates read, and in each table row only the columns
    it shows (a list of one cell's members stores neither the commune nor the members' other fields)."""
    from tayninh_desktop.documents.forms import referenced_fields

    top, rows = referenced_fields(form)
    out = {k: v for k, v in context.items() if k in top or k in KEPT}
    for key, names in rows.items():
        value = out.get(key)
        if isinstance(value, list):
            out[key] = [{k: v for k, v in item.items() if k in names} if isinstance(item, dict) else item
                        for item in value]
    return out


def dumps(context: dict) -> str:
    """JSON text of a context (dates, headers, signatures and recipients survive the round trip)."""
    return json.dumps(_encode(context), ensure_ascii=False, sort_keys=True)


def loads(text: str) -> dict:
    return _decode(json.loads(text))
