"""What a rule file may say: the sections, the value fields of each, and their types.

A rule file that names a section or a field not listed here, or gives a value of the wrong type, is
refused at load (a typo in a threshold must never silently fall back to a default). Keyed sections hold
one dated series per key (a dues category, a year of the calendar); the others one series per section.
"""

from __future__ import annotations

from datetime import date

INT, FLOAT, TEXT, BOOL, DAY = int, float, str, bool, date
INTS, TEXTS, DAYS = (list, int), (list, str), (list, date)

# The fields every dated record carries besides its values.
BASIS_KEYS = ("basis", "doc_number", "doc_date", "valid_from")
META_FIELDS = {"basis": TEXT, "doc_number": TEXT, "doc_date": DAY, "valid_from": DAY, "valid_to": DAY,
               "note": TEXT, "unconfirmed": BOOL}

SECTIONS: dict[str, dict[str, object]] = {
    # party_life.toml
    "absence_threshold": {"months_per_year": INT, "warn_at": INT},
    "transfer_deadline": {"working_days": INT},
    "probation": {"months": INT, "review_working_days": INT, "warn_days_before": INT},
    "rating_quota": {"excellent_max_share_of_good": FLOAT},
    "rating_rule": {"code": TEXT, "score_scale": INT, "min_score_excellent": INT, "min_score_good": INT,
                    "min_score_complete": INT, "min_months_in_party": INT, "disciplined_max_level": TEXT},
    "screening_flags": {"incomplete_years": INT},
    "away_contact": {"max_months_without_contact": INT},
    "away_leave": {"max_months": INT, "granted_by": TEXT},
    "abroad_leave": {"max_months": INT},
    "party_discipline": {"lapse_months": INT, "never_lapses": TEXTS, "forms": TEXTS},
    "probationary_discipline": {"forms": TEXTS},
    "state_discipline": {"forms": TEXTS, "default_months": INT, "never_lapses": TEXTS},
    "readmission": {"months_out": INT, "max_times": INT, "excluded_grounds": TEXTS},
    # dues.toml
    "dues_rule": {"reduction_percents": INTS, "reduction_max_months": INT, "deferral_for_away": BOOL,
                  "exempted_from_activity_pay": BOOL, "exemption_grounds": TEXTS, "default_category": TEXT},
    "dues_category": {"code": TEXT, "label": TEXT, "short_label": TEXT, "rate_permille": INT, "fixed_amount": INT,
                      "base_label": TEXT},
    "dues_advance": {"max_months": INT, "advance_needs_leave": BOOL, "late_needs_arrears": BOOL},
    # calendar.toml
    "fixed_holidays": {"days": TEXTS},
    "year_days": {"year": INT, "days_off": DAYS, "workdays": DAYS},
    # documents.toml
    "vote_help_list": {"numerator": INT, "denominator": INT, "strict": BOOL, "secret": BOOL},
    "vote_removal": {"numerator": INT, "denominator": INT, "strict": BOOL, "secret": BOOL},
    "vote_resolution": {"numerator": INT, "denominator": INT, "strict": BOOL, "secret": BOOL},
    "numbering": {"first_number": INT, "digits": INT},
    "date_format": {"zero_day_below": INT, "zero_months": INTS},
    "vote_committee": {"numerator": INT, "denominator": INT, "strict": BOOL, "secret": BOOL},
    "vote_standing": {"numerator": INT, "denominator": INT, "strict": BOOL, "secret": BOOL},
    "vote_screening": {"numerator": INT, "denominator": INT, "strict": BOOL, "secret": BOOL},
    # screening_procedure.toml (issue 12: the help list, the screening vote, removal cases)
    "help_period": {"months": INT, "warn_days_before": INT},
    "self_review": {"max_requests": INT},
    "vote_escalation": {"max_failed_votes": INT},
    "removal_authority": {"decides": TEXT, "levels": TEXTS},
    "cell_meeting": {"months": INT},
    "allotment_warning": {"approaching_share": FLOAT},
    "settlement_abroad": {},
    # screening_*.toml: the detectors, one file per legal basis (loaded file by file: domain/screening_rules.py)
    "detector": {"code": TEXT, "measure": TEXT, "level": TEXT, "description": TEXT, "min": INT, "max": INT,
                 "months": INT, "ground": TEXT, "criterion": TEXT, "sources": TEXTS, "fact_kinds": TEXTS,
                 "carry_over": BOOL},
    # returns.toml
    "return_deadline": {"days_after_end": INT},
}

# Sections holding one dated series per key.
KEYED = {"dues_category": "code", "year_days": "year", "detector": "code"}

# Sections whose records need these value fields (besides the legal basis).
REQUIRED: dict[str, tuple[str, ...]] = {
    "absence_threshold": ("months_per_year", "warn_at"),
    "transfer_deadline": ("working_days",),
    "dues_category": ("code", "label"),
    "dues_rule": ("reduction_max_months",),
    "dues_advance": ("max_months",),
    "fixed_holidays": ("days",),
    "year_days": ("year",),
    "vote_help_list": ("numerator", "denominator", "strict", "secret"),
    "vote_removal": ("numerator", "denominator", "strict", "secret"),
    "vote_resolution": ("numerator", "denominator", "strict", "secret"),
    "vote_committee": ("numerator", "denominator", "strict", "secret"),
    "vote_standing": ("numerator", "denominator", "strict", "secret"),
    "vote_screening": ("numerator", "denominator", "strict", "secret"),
    "help_period": ("months", "warn_days_before"),
    "self_review": ("max_requests",),
    "vote_escalation": ("max_failed_votes",),
    "removal_authority": ("decides", "levels"),
    "allotment_warning": ("approaching_share",),
    "detector": ("code", "measure", "level", "description"),
    "return_deadline": ("days_after_end",),
}


def field_type_ok(expected, value) -> bool:
    """Whether ``value`` read from TOML has the declared type (an int is not a bool; a float field takes an int)."""
    if isinstance(expected, tuple):
        return isinstance(value, list) and all(_scalar_ok(expected[1], item) for item in value)
    return _scalar_ok(expected, value)


def _scalar_ok(expected, value) -> bool:
    if expected is BOOL:
        return isinstance(value, bool)
    if expected is INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is FLOAT:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is DAY:
        return isinstance(value, date)
    return isinstance(value, expected)
