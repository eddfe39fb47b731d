"""The screening detectors as rule data: one file per legal basis (``resources/rules/detectors_*.toml``, and the
office's own files in the data folder's ``rules`` directory), each record a ``[[detector]]`` with its code, what it
counts, its Vietnamese description, its thresholds, its legal basis and validity.

A detector proposes; it never decides. Files are read one by one: a file with an unknown field, a missing basis, a
measure the program cannot count or a period that overlaps another file's is set aside whole, and only its own
detectors are missing — the others still run, and the screening page names the file and why.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.rules import Rule, RuleError, parse_rule_book

DETECTOR_SECTION = "detector"
DETECTOR_FILE_GLOB = "detectors_*.toml"


class Measure(StrEnum):
    """What a detector counts (each has its computation in ``domain.screening``)."""

    ABSENT_MONTHS = "absent_months"          # months of the year with an unexcused absence
    UNPAID_MONTHS = "unpaid_months"          # months of the year with dues unpaid without reason
    INCOMPLETE_YEARS = "incomplete_years"    # consecutive years rated "không hoàn thành nhiệm vụ"
    REOFFENDED = "reoffended"                # a new violation while a discipline is in force
    AWAY_OVERDUE = "away_overdue"            # leave for working away past its end
    AWAY_NO_CONTACT = "away_no_contact"      # away without contact for ``months``
    HELP_OVERDUE = "help_overdue"            # on the help list ``months`` without a screening vote
    PROBATION_OVERDUE = "probation_overdue"  # probationary past 12 months and the review's working days
    REPORTED = "reported"                    # facts entered with their source (committee, front, workplace)


class Level(StrEnum):
    """How far a sign goes: a removal ground, a help-list criterion, an early sign, a review the cell owes."""

    GROUND = "ground"
    CRITERION = "criterion"
    SIGN = "sign"
    REVIEW = "review"


# Fields a measure needs besides the common ones.
NEEDS = {Measure.ABSENT_MONTHS: ("min",), Measure.UNPAID_MONTHS: ("min",), Measure.INCOMPLETE_YEARS: ("min",),
         Measure.AWAY_NO_CONTACT: ("months",), Measure.HELP_OVERDUE: ("months",), Measure.REPORTED: ("sources",)}


@dataclass(frozen=True)
class Detector:
    """One dated detector record and the file it came from."""

    rule: Rule
    office: bool = False

    @property
    def code(self) -> str:
        return self.rule["code"]

    @property
    def measure(self) -> Measure:
        return Measure(self.rule["measure"])

    @property
    def level(self) -> Level:
        return Level(self.rule["level"])

    @property
    def description(self) -> str:
        return self.rule["description"]

    @property
    def file(self) -> str:
        return self.rule.source

    def get(self, key: str, default=None):
        return self.rule.get(key, default)

    def matches(self, count: int) -> bool:
        """Whether ``count`` lies in [min, max] (no max: any count from min)."""
        high = self.get("max")
        return count >= self.get("min", 1) and (high is None or count <= high)


@dataclass(frozen=True)
class RuleFileProblem:
    """A detector file set aside: which file, why (Vietnamese), and the codes it would have given."""

    file: str
    message: str
    codes: tuple[str, ...] = ()
    office: bool = False


@dataclass(frozen=True)
class DetectorSet:
    """The detectors that loaded (every dated record) and the files set aside."""

    detectors: tuple[Detector, ...] = ()
    problems: tuple[RuleFileProblem, ...] = ()

    def in_force(self, day: date) -> list[Detector]:
        """One record per code, the one valid on ``day``, in file then code order."""
        return [d for d in self.detectors if d.rule.covers(day)]

    def by_code(self, code: str, day: date) -> Detector | None:
        return next((d for d in self.detectors if d.code == code and d.rule.covers(day)), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.code for d in self.detectors))


def _check_record(name: str, rule: Rule) -> None:
    for field, kind in (("measure", Measure), ("level", Level)):
        if rule[field] not in {m.value for m in kind}:
            raise RuleError("rule_bad_value", file=name, section=DETECTOR_SECTION, field=field, value=rule[field])
    missing = [f for f in NEEDS.get(Measure(rule["measure"]), ()) if rule.get(f) is None]
    if missing:
        raise RuleError("rule_missing_value", file=name, section=DETECTOR_SECTION, field=", ".join(missing))
    low, high = rule.get("min"), rule.get("max")
    if low is not None and low < 1:
        raise RuleError("detector_bad_range", file=name, section=DETECTOR_SECTION, field="min", value=low)
    if high is not None and high < (low or 1):
        raise RuleError("detector_bad_range", file=name, section=DETECTOR_SECTION, field="max", value=high)
    if not str(rule["code"]).strip() or not str(rule["description"]).strip():
        raise RuleError("rule_missing_value", file=name, section=DETECTOR_SECTION, field="code, description")


def parse_detector_file(name: str, text: str, *, office: bool = False) -> list[Detector]:
    """The detectors of one file; raises RuleError (Vietnamese, naming the file and the field) for any fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError("rule_bad_toml", file=name, reason=str(exc)) from exc
    for section in data:
        if section != DETECTOR_SECTION:
            raise RuleError("rule_unknown_section", file=name, section=section)
    if not data.get(DETECTOR_SECTION):
        raise RuleError("detector_file_empty", file=name)
    book = parse_rule_book(data, name)
    records = book.records(DETECTOR_SECTION)
    for rule in records:
        _check_record(name, rule)
    return [Detector(rule, office) for rule in records]


_CODE = re.compile(r"^\s*code\s*=\s*\"([^\"]*)\"", re.MULTILINE)


def codes_in(text: str) -> tuple[str, ...]:
    """The detector codes a file names, read even when the file is refused (so the page can say which)."""
    return tuple(dict.fromkeys(_CODE.findall(text)))


def _overlapping(new: Detector, accepted: list[Detector]) -> Detector | None:
    for other in accepted:
        if other.code != new.code:
            continue
        a, b = other.rule, new.rule
        if (a.valid_to is None or a.valid_to > b.valid_from) and (b.valid_to is None or b.valid_to > a.valid_from):
            return other
    return None


def _superseded(new: Detector, accepted: list[Detector]) -> list[Detector]:
    """An office's record of a shipped code, starting after a shipped record still open-ended, ends that record
    the day before it starts (a newer text replaces the older from its validity date): the list with that change."""
    out = []
    for other in accepted:
        if (new.office and not other.office and other.code == new.code and other.rule.valid_to is None
                and other.rule.valid_from < new.rule.valid_from):
            other = replace(other, rule=replace(other.rule, valid_to=new.rule.valid_from))
        out.append(other)
    return out


def load_detectors(files: list[tuple[str, str, bool]]) -> DetectorSet:
    """Every detector of ``files`` ((name, text, is the office's) in order: the shipped files first). A file
    whose records fail, or overlap in time a code another file already gives, is set aside whole; an office's record
    of a shipped code that starts later supersedes the shipped one from that day."""
    accepted: list[Detector] = []
    problems: list[RuleFileProblem] = []
    for name, text, office in files:
        candidate = accepted
        try:
            found = parse_detector_file(name, text, office=office)
            for detector in found:
                candidate = _superseded(detector, candidate)
                other = _overlapping(detector, candidate)
                if other is not None:
                    raise RuleError("detector_overlap", file=name, detector=detector.code, other=other.file)
        except RuleError as error:
            problems.append(RuleFileProblem(name, str(error), codes_in(text), office))
            continue
        accepted = [*candidate, *found]
    return DetectorSet(tuple(accepted), tuple(problems))
