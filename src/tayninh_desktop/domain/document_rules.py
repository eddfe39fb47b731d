"""The rules of documents and votes (resources/rules/documents.toml), each with its basis and validity.

Vote fractions, the numbering of documents (HD 36 point 1.3.1) and the date format are data: when a
text changes, a new record with a new ``valid_from`` is added to the file; callers ask for the record
in force on the paper's date.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from tayninh_desktop.domain.rules import RULES_PACKAGE, Rule, RuleBook, parse_rule_book
from tayninh_desktop.domain.votes import VoteKind, VoteRule

DOCUMENTS_FILE = "documents.toml"


@lru_cache(maxsize=1)
def document_rules() -> RuleBook:
    """The shipped rule book of documents and votes (read once)."""
    text = resources.files(RULES_PACKAGE).joinpath(DOCUMENTS_FILE).read_text(encoding="utf-8")
    return parse_rule_book(tomllib.loads(text), DOCUMENTS_FILE)


def vote_rule(kind: VoteKind, on: date) -> VoteRule:
    """The fraction a vote of ``kind`` needs on ``on``."""
    record = document_rules().on(kind.rule_section, on)
    return VoteRule(int(record["numerator"]), int(record["denominator"]), bool(record["strict"]),
                    bool(record["secret"]))


@dataclass(frozen=True)
class RuleSummary:
    """A rule as a screen lists it: what it is about, its citation, whether it is confirmed."""

    section: str
    basis: str
    citation: str
    unconfirmed: bool
    note: str


def summaries(on: date) -> list[RuleSummary]:
    """Every rule of the file in force on ``on`` (for the screen that shows where the figures come from)."""
    book = document_rules()
    out = []
    for section in book.sections:
        record: Rule = book.on(section, on)
        out.append(RuleSummary(section, record.basis, record.citation, record.unconfirmed,
                               record.note))
    return out
