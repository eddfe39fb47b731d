"""Checks every form shares: texts of a sensible length, dates that fall within a member's life in
the Party. Each returns the issues to report; the caller raises them together with its own."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.clean_text import BIDI_CONTROLS, ZERO_WIDTH, name_problem, text_problem
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import FieldIssue

# Longer than any real value: a pasted paragraph in a number or name field is a slip.
DEFAULT_MAX_LENGTH = 300
NOTES_MAX_LENGTH = 2000


def length_issues(values: dict[str, str], limits: dict[str, int] | None = None) -> list[FieldIssue]:
    """A "too long" issue for each text over its limit (``limits`` by field, else the default), and one for
    each text that hides what it is (control characters, bidirectional overrides, only invisible
    characters; ``clean_text``)."""
    return too_long_issues(values, limits) + text_issues(values)


def too_long_issues(values: dict[str, str], limits: dict[str, int] | None = None) -> list[FieldIssue]:
    """A "too long" issue for each text over its limit (``limits`` by field, else the default)."""
    limits = limits or {}
    return [FieldIssue(name, "too_long", {"length": len(value), "max": limits.get(name, DEFAULT_MAX_LENGTH)})
            for name, value in values.items() if len(value) > limits.get(name, DEFAULT_MAX_LENGTH)]


def text_issues(values: dict[str, str], names: tuple[str, ...] = ()) -> list[FieldIssue]:
    """An issue for each text that hides what it is; the fields in ``names`` are names (no formula start)."""
    out = []
    for field, value in values.items():
        problem = name_problem(value) if field in names else text_problem(value)
        if problem:
            out.append(FieldIssue(field, problem, {"value": visible(value)[:80]}))
    return out


def visible(text: str) -> str:
    """``text`` with its hidden characters shown as ⟨U+202E⟩, so a person can see what was refused."""
    return "".join(ch if ch.isprintable() and ch not in ZERO_WIDTH and ch not in BIDI_CONTROLS
                   else f"⟨U+{ord(ch):04X}⟩" for ch in text)


def before_joining_issue(field: str, day: date, joined_on: date, full_name: str) -> FieldIssue | None:
    """An issue when a fact about a member is dated before the member joined the Party."""
    if day >= joined_on:
        return None
    return FieldIssue(field, "before_joining", {"value": format_vn_date(day), "name": full_name,
                                                "joined": format_vn_date(joined_on)})
