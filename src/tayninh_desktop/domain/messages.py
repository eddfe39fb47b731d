"""The Vietnamese sentences for error codes, shared by the window and the command line.

Each area keeps its catalogue in its own module (``messages_<area>.py``); this module merges
them and renders a code with its data. Unknown codes render as the code itself, so a missing
sentence is visible in tests rather than a crash in front of a user.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from tayninh_desktop.domain import messages_register

CATALOGUES: tuple[dict[str, str], ...] = (messages_register.MESSAGES,)
FIELD_LABELS: dict[str, str] = dict(messages_register.FIELD_LABELS)


def _register_optional_catalogues() -> None:
    # Areas added later register themselves here; a missing module is simply skipped.
    import importlib

    global CATALOGUES
    # One catalogue per line (parallel work adds lines here; keep it a list, in any order).
    for name in (
        "messages_party_life",
        "messages_import",
        "messages_documents",
        "messages_office_forms",
        "messages_rules",
        "messages_dues",
        "messages_support",
        "messages_statistics",
        "messages_screening",
        "messages_returns",
        "messages_window",
        "messages_accounts",
        "messages_cases",
        "messages_upgrade",
        "messages_province_units",
    ):
        try:
            module = importlib.import_module(f"tayninh_desktop.domain.{name}")
        except ModuleNotFoundError:
            continue
        CATALOGUES = CATALOGUES + (module.MESSAGES,)
        FIELD_LABELS.update(getattr(module, "FIELD_LABELS", {}))


_register_optional_catalogues()

# Safety (issue 9): the register file, check, backups, protected outputs, clean text.
from tayninh_desktop.domain import messages_integrity as _integrity

CATALOGUES = CATALOGUES + (_integrity.MESSAGES,)
FIELD_LABELS.update(_integrity.FIELD_LABELS)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def field_label(name: str) -> str:
    """The Vietnamese label of a field name (the name itself if unknown)."""
    return FIELD_LABELS.get(name, name)


def render(code: str, data: dict | None = None) -> str:
    """The Vietnamese sentence for ``code`` filled with ``data``."""
    template = _template(code)
    return code if template is None else _fill(template, data)


def renderer(code: str) -> Callable[[dict | None], str]:
    """``render`` for one code, its sentence found once (thousands of warnings of one kind are rendered at a time)."""
    template = _template(code)
    return (lambda _data=None: code) if template is None else partial(_fill, template)


def _template(code: str) -> str | None:
    return next((found for catalogue in CATALOGUES if (found := catalogue.get(code)) is not None), None)


def _fill(template: str, data: dict | None = None) -> str:
    values = _Defaults(data or {})
    if "field" in values and "field_label" not in values:
        values["field_label"] = field_label(str(values["field"]))
    return template.format_map(values)
