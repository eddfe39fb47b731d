"""What a person types in the support programme's dialogs (and on the command line), checked field by field.

Each function takes the texts of one form and returns its typed values, or raises ValidationError naming
every wrong field at once. Rules that need the register (the loan's dates, the plan in force, the fund's
balance) are checked by the services.
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.assistance import ContributorKind, Discharged, HouseholdClass
from tayninh_desktop.domain.dates import YEAR_MAX, YEAR_MIN, format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.validation import DEFAULT_MAX_LENGTH, NOTES_MAX_LENGTH
from tayninh_desktop.domain.vn_money import parse_money, parse_rate
from tayninh_desktop.domain.vn_text import nfc

TERM_MAX_MONTHS = 240


class Form:
    """Reads the fields of one form, collecting every problem."""

    def __init__(self, values: dict, today: date | None = None) -> None:
        self.values = values
        self.today = today
        self.issues: list[FieldIssue] = []

    def add(self, name: str, code: str, **data) -> None:
        self.issues.append(FieldIssue(name, code, data))

    def text(self, name: str, *, required: bool = False, limit: int = DEFAULT_MAX_LENGTH) -> str:
        value = " ".join(nfc(str(self.values.get(name) or "")).split())
        if required and not value:
            self.add(name, "required")
        elif len(value) > limit:
            self.add(name, "too_long", length=len(value), max=limit)
        return value

    def notes(self, name: str) -> str:
        return self.text(name, limit=NOTES_MAX_LENGTH)

    def day(self, name: str, *, required: bool = False, not_future: bool = True) -> date | None:
        raw = self.text(name)
        if not raw:
            if required:
                self.add(name, "required")
            return None
        try:
            value = parse_vn_date(raw)
        except ValueError:
            self.add(name, "bad_date", value=raw)
            return None
        if value is None:
            return None
        if not YEAR_MIN <= value.year <= YEAR_MAX:
            self.add(name, "bad_date", value=raw)
            return None
        if not_future and self.today and value > self.today:
            self.add(name, "date_in_future", value=format_vn_date(value))
            return None
        return value

    def money(self, name: str, *, required: bool = False, positive: bool = True) -> int | None:
        raw = self.text(name)
        try:
            value = parse_money(raw)
        except ValueError:
            self.add(name, "bad_money", value=raw)
            return None
        if value is None:
            if required:
                self.add(name, "required")
            return None
        if positive and value <= 0:
            self.add(name, "money_not_positive")
            return None
        return value

    def rate(self, name: str, *, required: bool = False) -> int | None:
        raw = self.text(name)
        try:
            value = parse_rate(raw)
        except ValueError:
            self.add(name, "bad_rate", value=raw)
            return None
        if value is None and required:
            self.add(name, "required")
        return value

    def number(self, name: str, *, low: int, high: int, required: bool = False) -> int | None:
        raw = self.text(name).replace(".", "")
        if not raw:
            if required:
                self.add(name, "required")
            return None
        if not raw.isdigit() or not low <= int(raw) <= high:
            self.add(name, "bad_number", value=self.text(name), low=low, high=high)
            return None
        return int(raw)

    def choice(self, name: str, allowed: type, *, required: bool = True):
        raw = self.text(name)
        if not raw and not required:
            return None
        try:
            return allowed(raw)
        except ValueError:
            self.add(name, "bad_choice" if raw else "required", value=raw)
            return None

    def flag(self, name: str) -> bool:
        return str(self.values.get(name, "")).strip().lower() in ("1", "true", "co", "có", "x")

    def done(self) -> None:
        if self.issues:
            raise ValidationError(self.issues)


def household(values: dict, today: date) -> dict:
    """A year's circumstances: classification, certificate, discharged soldier or police, income, notes."""
    form = Form(values, today)
    out = {"year": form.number("year", low=YEAR_MIN, high=today.year + 1, required=True),
           "classification": form.choice("classification", HouseholdClass),
           "certificate_number": form.text("certificate_number"),
           "certificate_date": form.day("certificate_date"),
           "certificate_issuer": form.text("certificate_issuer"),
           "discharged": form.choice("discharged", Discharged, required=False) or Discharged.NONE,
           "discharged_on": form.day("discharged_on"),
           "income_per_person": form.money("income_per_person"),
           "rural": str(values.get("area") or "nong_thon") != "thanh_thi",
           "notes": form.notes("household_notes")}
    if out["discharged"] is Discharged.NONE and out["discharged_on"]:
        form.add("discharged", "required")
    form.done()
    return out


def loan(values: dict, today: date) -> dict:
    """A loan as the loan book shows it: programme, contract number, amount, rate, start date, term."""
    form = Form(values, today)
    out = {"programme": form.text("programme", required=True),
           "contract_number": form.text("contract_number", limit=40),
           "amount": form.money("loan_amount", required=True),
           "rate_bp": form.rate("rate", required=True),
           "start_date": form.day("start_date", required=True),
           "term_months": form.number("term_months", low=1, high=TERM_MAX_MONTHS, required=True),
           "purpose": form.text("purpose"), "notes": form.notes("loan_notes")}
    form.done()
    return out


def interest_payment(values: dict, today: date) -> dict:
    form = Form(values, today)
    out = {"paid_on": form.day("paid_on", required=True), "amount": form.money("interest_amount", required=True),
           "period_from": form.day("period_from"), "period_to": form.day("period_to", not_future=False),
           "reference": form.text("reference", limit=60)}
    if out["period_from"] and out["period_to"] and out["period_to"] < out["period_from"]:
        form.add("period_to", "period_reversed", value=format_vn_date(out["period_to"]),
                 start=format_vn_date(out["period_from"]))
    form.done()
    return out


def outreach(values: dict, today: date) -> dict:
    form = Form(values, today)
    out = {"told_on": form.day("told_on", required=True), "how": form.text("how", required=True),
           "told_by": form.text("told_by", limit=80), "notes": form.notes("outreach_notes")}
    form.done()
    return out


def application(values: dict, today: date) -> dict:
    """A new application: the loan, the period of interest paid, the date it was handed in."""
    form = Form(values, today)
    out = {"loan_id": form.text("loan_id", required=True), "period_from": form.day("period_from", required=True),
           "period_to": form.day("period_to", required=True), "submitted_on": form.day("submitted_on", required=True),
           "notes": form.notes("application_notes")}
    if out["period_from"] and out["period_to"] and out["period_to"] < out["period_from"]:
        form.add("period_to", "period_reversed", value=format_vn_date(out["period_to"]),
                 start=format_vn_date(out["period_from"]))
    if out["period_to"] and out["submitted_on"] and out["period_to"] > out["submitted_on"]:
        form.add("period_to", "period_after_submission", value=format_vn_date(out["period_to"]),
                 submitted=format_vn_date(out["submitted_on"]))
    form.done()
    return out


def decision(values: dict, today: date, *, reason: bool = False) -> dict:
    """Who approved (or rejected) and when; an approval names its document, a rejection its reason."""
    form = Form(values, today)
    if reason:
        out = {"on": form.day("rejected_on", required=True), "by": form.text("approved_by", limit=80),
               "reason": form.text("rejection_reason", required=True, limit=NOTES_MAX_LENGTH)}
    else:
        out = {"on": form.day("approved_on", required=True), "by": form.text("approved_by", required=True, limit=80),
               "decision_number": form.text("decision_number", required=True, limit=60)}
    form.done()
    return out


def payment(values: dict, today: date) -> dict:
    form = Form(values, today)
    out = {"paid_on": form.day("paid_on", required=True), "amount": form.money("payment_amount"),
           "receipt_number": form.text("receipt_number", limit=40)}
    form.done()
    return out


def contribution(values: dict, today: date) -> dict:
    form = Form(values, today)
    out = {"entry_date": form.day("entry_date", required=True),
           "contributor": form.text("contributor", required=True),
           "contributor_kind": form.choice("contributor_kind", ContributorKind),
           "amount": form.money("contribution_amount", required=True),
           "receipt_number": form.text("receipt_number", required=True, limit=40),
           "reason": form.notes("outreach_notes")}
    form.done()
    return out


def reversal(values: dict, today: date) -> dict:
    form = Form(values, today)
    out = {"entry_date": form.day("entry_date", required=True),
           "reason": form.text("reversal_reason", required=True, limit=NOTES_MAX_LENGTH)}
    form.done()
    return out
