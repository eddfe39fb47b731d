"""The body of a free-text paper as the clerk types it: paragraphs and numbered points, bold runs.

Nothing else: the editor offers bold and numbered points, and that is all the paper ever prints. A clerk's
text is text — "<b>", "{unit_name}" or "**" typed in a report print as typed, never as markup or fields.
A body arrives from the editor (or the register's stored context) as plain data and is rebuilt here,
checked and normalised (NFC, no control characters, runs of the same weight merged), before it is printed
or stored; anything that is not of this shape is refused with the field named.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tayninh_desktop.domain.errors import FieldIssue

PARAGRAPHS_MAX = 400          # a long report is 20 pages of about 15 paragraphs
PARAGRAPH_MAX_CHARS = 5000    # one paragraph; a whole body is at most PARAGRAPHS_MAX times this
NUMBER_MAX = 999

# Tabs and line breaks inside a paragraph are kept (a soft line break is "\n"); every other control
# character (pasted from old software, form feeds, zero-width joiners of broken fonts) is dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \u00a0]+")


@dataclass(frozen=True)
class Run:
    """A stretch of text in one weight."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class BodyParagraph:
    """One paragraph; ``number`` is the number the editor showed for a numbered point (None: a paragraph)."""

    runs: tuple[Run, ...]
    number: int | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def clean_text(text: str) -> str:
    """NFC, no control characters, "\u2028"/"\r" as line breaks, runs of spaces as one."""
    text = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n")
    return _SPACES.sub(" ", _CONTROL.sub("", text))


def _merged(runs: Iterable[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].bold == run.bold:
            out[-1] = Run(out[-1].text + run.text, run.bold)
        else:
            out.append(run)
    if out:   # no spaces or line breaks at the ends of a paragraph
        out[0] = Run(out[0].text.lstrip(" \n\t"), out[0].bold)
        out[-1] = Run(out[-1].text.rstrip(" \n\t"), out[-1].bold)
    return tuple(run for run in out if run.text)


def paragraph(runs: Iterable[Run | tuple[str, bool]], number: int | None = None) -> BodyParagraph:
    """A paragraph from runs (or (text, bold) pairs), cleaned and merged."""
    clean = [Run(clean_text(r.text), r.bold) if isinstance(r, Run) else Run(clean_text(r[0]), bool(r[1]))
             for r in runs]
    return BodyParagraph(_merged(clean), number)


def _run_of(value: object) -> Run | None:
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return Run(value["text"], value.get("bold") is True)
    if isinstance(value, list | tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], bool):
        return Run(value[0], value[1])
    return None


def _paragraph_of(value: object) -> BodyParagraph | None:
    """A paragraph from its stored shape, a plain string (an unnumbered paragraph) or a BodyParagraph."""
    if isinstance(value, BodyParagraph):
        return paragraph(value.runs, value.number)
    if isinstance(value, str):
        return paragraph([Run(value)])
    if not isinstance(value, dict) or not isinstance(value.get("runs"), list | tuple):
        return None
    number = value.get("number")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int) or not 0 < number <= NUMBER_MAX):
        return None
    runs = [_run_of(r) for r in value["runs"]]
    if any(r is None for r in runs):
        return None
    return paragraph(runs, number)


def parse_body(value: object, field: str = "body") -> tuple[tuple[BodyParagraph, ...], list[FieldIssue]]:
    """The body from its data (a list of paragraphs), empty paragraphs dropped; with the issues found
    (a shape that is not a body, too many paragraphs, a paragraph too long)."""
    if value in (None, "", (), []):
        return (), []
    if not isinstance(value, list | tuple):
        return (), [FieldIssue(field, "body_unreadable", {})]
    parsed = [_paragraph_of(v) for v in value]
    if any(p is None for p in parsed):
        return (), [FieldIssue(field, "body_unreadable", {})]
    body = tuple(p for p in parsed if p is not None and p.runs)
    issues: list[FieldIssue] = []
    if len(body) > PARAGRAPHS_MAX:
        issues.append(FieldIssue(field, "too_many_paragraphs", {"count": len(body), "max": PARAGRAPHS_MAX}))
    longest = max((len(p.text) for p in body), default=0)
    if longest > PARAGRAPH_MAX_CHARS:
        issues.append(FieldIssue(field, "too_long", {"length": longest, "max": PARAGRAPH_MAX_CHARS}))
    return body, issues


def body_data(body: Iterable[BodyParagraph]) -> list[dict]:
    """The stored shape of a body (JSON: the document register keeps it with the issued paper)."""
    return [{"runs": [[run.text, run.bold] for run in p.runs], "number": p.number} for p in body]


def plain_body(lines: Iterable[str]) -> tuple[BodyParagraph, ...]:
    """Plain lines (the command line's --content file) as paragraphs, no bold, no numbers."""
    return tuple(p for p in (paragraph([Run(line)]) for line in lines) if p.runs)
