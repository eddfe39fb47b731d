"""What a person types in the party-life dialogs, checked field by field before an action runs.

Each function takes the texts of a form and returns the typed arguments of the service action, or raises
ValidationError naming every wrong field at once (the dialog shows each message under its field).
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.party_life import LetterDirection, LetterOutcome, NotRatedReason, RatingLevel
from tayninh_desktop.domain.vn_text import nfc


class _Form:
    """Reads the fields of one form, collecting every problem."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.issues: list[FieldIssue] = []

    def text(self, name: str, *, required: bool = False) -> str:
        value = " ".join(nfc(str(self.values.get(name) or "")).split())
        if required and not value:
            self.issues.append(FieldIssue(name, "required"))
        return value

    def day(self, name: str, *, required: bool = False) -> date | None:
        raw = self.text(name)
        if not raw:
            if required:
                self.issues.append(FieldIssue(name, "required"))
            return None
        try:
            return parse_vn_date(raw)
        except ValueError:
            self.issues.append(FieldIssue(name, "bad_date", {"value": raw}))
            return None

    def number(self, name: str, *, low: int, high: int, required: bool = False) -> int | None:
        raw = self.text(name).replace(".", "")
        if not raw:
            if required:
                self.issues.append(FieldIssue(name, "required"))
            return None
        if not raw.isdigit() or not low <= int(raw) <= high:
            self.issues.append(FieldIssue(name, "bad_number", {"value": self.text(name), "low": low, "high": high}))
            return None
        return int(raw)

    def choice(self, name: str, allowed: type, *, required: bool = True) -> str | None:
        raw = self.text(name)
        if not raw and not required:
            return None
        if raw not in {m.value for m in allowed}:
            self.issues.append(FieldIssue(name, "bad_choice", {"value": raw}) if raw else FieldIssue(name, "required"))
            return None
        return raw

    def done(self) -> None:
        if self.issues:
            raise ValidationError(self.issues)


def letter(values: dict[str, str]) -> dict:
    """A transfer letter: direction, official or temporary, number, date issued, where to/from, notes."""
    form = _Form(values)
    out = {"direction": form.choice("direction", LetterDirection), "issued_on": form.day("issued_on", required=True),
           "temporary": str(values.get("temporary", "")) in ("1", "True", "true"),
           "letter_number": form.text("letter_number"), "counterpart": form.text("counterpart", required=True),
           "notes": form.text("notes")}
    form.done()
    return out


def letter_outcome(values: dict[str, str]) -> dict:
    """What became of a letter; a presented letter needs the day it was presented."""
    form = _Form(values)
    outcome = form.choice("outcome", LetterOutcome)
    presented = form.day("presented_on", required=outcome == LetterOutcome.PRESENTED.value)
    if outcome == LetterOutcome.PENDING.value:
        form.issues.append(FieldIssue("outcome", "outcome_still_pending"))
    form.done()
    return {"outcome": outcome, "presented_on": presented}


def contact(values: dict[str, str]) -> dict:
    """A contact with a member working away: when, how, how to reach him, what was agreed."""
    form = _Form(values)
    out = {"contacted_on": form.day("contacted_on", required=True), "channel": form.text("channel", required=True),
           "contact": form.text("contact"), "note": form.text("note")}
    form.done()
    return out


def rating(values: dict[str, str]) -> dict:
    """A yearly rating: year, level, optional 100-point score, the reason when not rated."""
    form = _Form(values)
    out = {"year": form.number("year", low=1930, high=2100, required=True),
           "level": form.choice("level", RatingLevel), "score": form.number("score", low=0, high=100),
           "not_rated_reason": form.choice("not_rated_reason", NotRatedReason, required=False),
           "notes": form.text("notes")}
    form.done()
    return out


def task(values: dict[str, str]) -> dict:
    form = _Form(values)
    out = {"year": form.number("year", low=1930, high=2100, required=True), "task": form.text("task", required=True),
           "notes": form.text("notes")}
    form.done()
    return out


def rubric(values: dict, current_code: str = "") -> dict:
    """The meeting rubric as the office edits it: name, legal basis, criteria (label, maximum points) and levels
    (label, lowest score); returns the dict ``rules.rubric_from_dict`` reads. Criterion and level codes are kept
    when given (so recorded meetings keep their scores) and made up for new rows."""
    form = _Form(values)
    name = form.text("rubric_name", required=True)
    doc_number = form.text("rubric_doc_number", required=True)
    doc_date = form.day("rubric_doc_date", required=True)
    basis = form.text("rubric_basis", required=True)
    criteria, used = [], set()
    for row, item in enumerate(values.get("criteria") or [], start=1):
        label, raw = " ".join(nfc(str(item.get("label", ""))).split()), str(item.get("max", "")).strip()
        if not label:
            form.issues.append(FieldIssue("rubric_criteria", "rubric_criterion_label", {"row": row}))
        if not raw.isdigit() or not 1 <= int(raw) <= 100:
            form.issues.append(FieldIssue("rubric_criteria", "rubric_criterion_max", {"row": row, "value": raw}))
            continue
        code = str(item.get("code") or "") or _new_code("tc", used)
        used.add(code)
        criteria.append({"code": code, "label": label, "max": int(raw)})
    if not values.get("criteria"):
        form.issues.append(FieldIssue("rubric_criteria", "rubric_no_criteria"))
    total = sum(c["max"] for c in criteria)
    levels, seen, codes = [], set(), set()
    for row, item in enumerate(values.get("levels") or [], start=1):
        label, raw = " ".join(nfc(str(item.get("label", ""))).split()), str(item.get("min", "")).strip()
        if not label:
            form.issues.append(FieldIssue("rubric_levels", "rubric_level_label", {"row": row}))
        if not raw.isdigit() or int(raw) > max(total, 0):
            form.issues.append(FieldIssue("rubric_levels", "rubric_level_min", {"row": row, "value": raw,
                                                                                "total": total}))
            continue
        if int(raw) in seen:
            form.issues.append(FieldIssue("rubric_levels", "rubric_level_duplicate", {"value": raw}))
        seen.add(int(raw))
        code = str(item.get("code") or "") or _new_code("muc", codes)
        codes.add(code)
        levels.append({"code": code, "label": label, "min": int(raw)})
    if not values.get("levels"):
        form.issues.append(FieldIssue("rubric_levels", "rubric_no_levels"))
    elif seen and 0 not in seen:
        form.issues.append(FieldIssue("rubric_levels", "rubric_level_zero"))
    form.done()
    assert doc_date is not None
    return {"code": current_code or "bieu_sinh_hoat", "name": name, "basis": basis, "doc_number": doc_number,
            "doc_date": doc_date.isoformat(), "criteria": criteria, "levels": levels}


def _new_code(prefix: str, used: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"
