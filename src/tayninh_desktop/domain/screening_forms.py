"""What a person types in the screening dialogs, checked field by field before an action runs: each function takes
the texts of a form and returns the typed arguments of the service action, or raises ValidationError naming every
wrong field at once."""

from __future__ import annotations

from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.party_life_forms import _Form

MAX_VOTERS = 100_000


def _done(form: _Form, values: dict) -> dict:
    if form.issues:
        raise ValidationError(form.issues)
    return values


def step(values: dict[str, str]) -> dict:
    """A dated step: its date, document, source and text (several lines kept)."""
    form = _Form(values)
    out = {"on": form.day("step_date", required=True), "doc_number": form.text("doc_number"),
           "source": form.text("step_source"), "text": (values.get("step_text") or "").strip()}
    return _done(form, out)


def vote(values: dict[str, str], *, eligible: bool = False) -> dict:
    """A counted vote (the eligible only for a committee or a standing committee: a cell's is computed)."""
    form = _Form(values)
    out = {"on": form.day("step_date", required=True), "doc_number": form.text("doc_number")}
    for name in ("present", "ballots", "yes", "no"):
        out[name] = form.number(name, low=0, high=MAX_VOTERS, required=True)
    out["invalid"] = form.number("invalid", low=0, high=MAX_VOTERS)
    if eligible:
        out["eligible"] = form.number("eligible", low=1, high=MAX_VOTERS, required=True)
    return _done(form, out)


def decision(values: dict[str, str]) -> dict:
    form = _Form(values)
    out = {"on": form.day("decision_date", required=True), "number": form.text("decision_number"),
           "removed": values.get("not_removed") != "1", "card_recovered_on": form.day("card_recovered_on")}
    return _done(form, out)


def opening(values: dict[str, str]) -> dict:
    form = _Form(values)
    out = {"on": form.day("step_date", required=True), "kind": form.text("case_kind", required=True),
           "criterion": form.text("criterion"), "form": form.text("removal_form"), "ground": form.text("removal_ground"),
           "evidence": (values.get("step_text") or "").strip()}
    return _done(form, out)


def allotment(values: dict[str, str]) -> dict:
    form = _Form(values)
    out = {"year": form.number("year", low=1900, high=2999, required=True),
           "allotted": form.number("allotted", low=0, high=MAX_VOTERS, required=True),
           "doc_number": form.text("allotment_doc"), "doc_date": form.day("doc_date")}
    return _done(form, out)
