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


def step(values: dict[str, str], *, date_required: bool = True) -> dict:
    """A dated step: its date, document, source and text (several lines kept); a progress note made at a chosen
    meeting may leave the date empty (the meeting's is taken)."""
    form = _Form(values)
    out = {"on": form.day("step_date", required=date_required), "doc_number": form.text("doc_number"),
           "source": form.text("step_source"), "text": (values.get("step_text") or "").strip()}
    return _done(form, out)


def correction(values: dict[str, str], shown: tuple[str, ...]) -> dict:
    """A correction: the reason, and the values of the fields the dialog showed (a vote's figures as numbers; the
    invalid slips empty: the rest)."""
    form = _Form(values)
    out: dict = {"reason": (values.get("correction_reason") or "").strip(), "on": form.day("step_date", required=True)}
    for name in ("doc_number", "step_source", "helper_id", "meeting_id"):
        if name in shown:
            out[name] = form.text(name)
    if "step_text" in shown:
        out["step_text"] = (values.get("step_text") or "").strip()
    for name in ("present", "ballots", "yes", "no", "invalid", "eligible"):
        if name in shown:
            out[name] = form.number(name, low=0, high=MAX_VOTERS, required=name != "invalid")
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
