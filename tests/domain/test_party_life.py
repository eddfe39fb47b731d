"""Party-life domain: forms, months, ratings against their rule, rule files, working days, warnings."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain import rules
from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.party_life import (
    AttendanceState,
    DuesState,
    NotRatedReason,
    RatingLevel,
    check_rating,
    default_attendance,
    default_dues_state,
    month_last_day,
    parse_meeting_form,
    parse_month,
    quota_broken,
)
from tayninh_desktop.domain.warnings import (
    AwayFact,
    MonthsFact,
    Severity,
    WarningKind,
    away_warnings,
    months_warnings,
    probation_warnings,
    quota_warning,
)

TODAY = date(2026, 11, 27)
BOOK = rules.party_life_rules()


@pytest.mark.parametrize("text", ["31/02/2026", "30/13/2026", "abc"])
def test_meeting_on_a_date_that_does_not_exist_names_the_field(text):
    with pytest.raises(ValidationError) as info:
        parse_meeting_form({"meeting_date": text}, TODAY)
    assert info.value.issues[0].field == "meeting_date"
    assert "Ngày họp" in info.value.message and text in info.value.message


def test_meeting_in_the_future_is_refused():
    with pytest.raises(ValidationError, match="sau ngày hôm nay"):
        parse_meeting_form({"meeting_date": "01/12/2026"}, TODAY)


@pytest.mark.parametrize(("text", "month"), [("3/2026", "2026-03"), ("03/2026", "2026-03"), ("2026-11", "2026-11")])
def test_parse_month(text, month):
    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["13/2026", "0/2026", "2026", ""])
def test_bad_month(text):
    with pytest.raises(ValidationError, match="Tháng"):
        parse_month(text)


def test_month_last_day():
    assert month_last_day("2024-02") == date(2024, 2, 29)
    assert month_last_day("2026-12") == date(2026, 12, 31)


def test_defaults_everyone_present_except_exempted_and_away():
    assert default_attendance(MemberStatus.FULL) is AttendanceState.PRESENT
    assert default_attendance(MemberStatus.PROBATIONARY) is AttendanceState.PRESENT
    assert default_attendance(MemberStatus.EXEMPTED) is AttendanceState.NOT_REQUIRED
    assert default_attendance(MemberStatus.AWAY) is AttendanceState.NOT_REQUIRED


def test_members_exempted_from_party_activity_still_pay_by_default():
    # HD 27-HD/BTCTW: only an exemption decision (by category) makes a month "not required".
    assert default_dues_state(MemberStatus.EXEMPTED, exempt=False) is DuesState.PAID
    assert default_dues_state(MemberStatus.EXEMPTED, exempt=True) is DuesState.NOT_REQUIRED
    assert default_dues_state(MemberStatus.FULL, exempt=False) is DuesState.PAID
    assert default_dues_state(MemberStatus.AWAY, exempt=False) is DuesState.DEFERRED


def test_rating_rule_by_year():
    assert BOOK.on("rating_rule", date(2025, 12, 31)).doc_number == "366-QĐ/TW"
    assert BOOK.on("rating_rule", date(2024, 12, 31)).doc_number == "124-QĐ/TW"
    assert BOOK.on("rating_rule", date(2022, 12, 31)).doc_number == "132-QĐ/TW"


@pytest.mark.parametrize(("level", "score", "codes"), [
    (RatingLevel.EXCELLENT, 95, []),
    (RatingLevel.EXCELLENT, 85, ["level_above_score"]),
    (RatingLevel.GOOD, 95, []),  # a high score does not force the top level (other conditions apply)
    (RatingLevel.COMPLETE, 40, ["level_above_score"]),
    (RatingLevel.GOOD, 120, ["score_out_of_range"]),
    (RatingLevel.INCOMPLETE, None, []),
])
def test_rating_score_under_366(level, score, codes):
    rule = BOOK.on("rating_rule", date(2025, 12, 31))
    assert [i.code for i in check_rating(rule, level, score, None)] == codes


def test_score_refused_under_a_rule_without_the_100_point_scale():
    rule = BOOK.on("rating_rule", date(2024, 12, 31))
    assert [i.code for i in check_rating(rule, RatingLevel.GOOD, 80, None)] == ["score_not_in_rule"]


def test_not_rated_needs_a_reason_and_no_score():
    rule = BOOK.on("rating_rule", date(2025, 12, 31))
    assert [i.field for i in check_rating(rule, RatingLevel.NOT_RATED, 50, None)] == ["not_rated_reason", "score"]
    assert check_rating(rule, RatingLevel.NOT_RATED, None, NotRatedReason.EXEMPTED) == []


@pytest.mark.parametrize(("excellent", "good", "broken"), [(20, 100, False), (21, 100, True), (0, 0, False),
                                                         (1, 0, True)])
def test_quota(excellent, good, broken):
    assert quota_broken(excellent, good, BOOK.on("rating_quota", TODAY)) is broken


def test_every_rule_record_has_its_legal_basis_and_validity():
    for section, records in BOOK.sections.items():
        for record in records:
            assert record.basis and record.doc_number and record.doc_date and record.valid_from, section


def test_overlapping_rule_periods_are_refused():
    data = {"transfer_deadline": [{"basis": "b", "doc_number": "1", "doc_date": date(2020, 1, 1), "valid_from": date(2020, 1, 1)},
                  {"basis": "b", "doc_number": "2", "doc_date": date(2021, 1, 1), "valid_from": date(2021, 1, 1)}]}
    for record in data["transfer_deadline"]:
        record["working_days"] = 30
    with pytest.raises(rules.RuleError, match="chồng nhau"):
        rules.parse_rule_book(data, "thu.toml")


def test_rule_record_without_basis_is_refused():
    with pytest.raises(rules.RuleError, match="«thu.toml».*thiếu trường «basis»"):
        rules.parse_rule_book({"transfer_deadline": [{"working_days": 30, "doc_number": "1",
                                                      "doc_date": date(2020, 1, 1),
                                                      "valid_from": date(2020, 1, 1)}]}, "thu.toml")


def test_default_rubric_totals_100_and_levels():
    rubric = rules.default_rubric()
    assert rubric.total == 100
    assert rubric.level_for(85).label == "Tốt"
    assert rubric.level_for(10).label == "Kém"
    assert rules.rubric_from_dict(rules.rubric_to_dict(rubric)) == rubric


def test_working_days_count_with_the_calendar_given():
    calendar = rules.WorkCalendar(frozenset({date(2026, 9, 1), date(2026, 9, 2)}), frozenset({date(2026, 8, 22)}))
    assert rules.add_working_days(date(2026, 11, 27), 1, calendar) == date(2026, 11, 30)  # Friday → Monday
    assert rules.add_working_days(date(2026, 8, 31), 1, calendar) == date(2026, 9, 3)
    assert rules.add_working_days(date(2026, 8, 21), 1, calendar) == date(2026, 8, 22)  # a Saturday worked


def _fact(months):
    return MonthsFact("m1", "Nguyễn Văn A", "c1", "Chi bộ ấp Cầu Xe", tuple(months))


def test_two_months_warn_three_reach_the_ground():
    assert months_warnings([_fact(["2026-01"])], WarningKind.ABSENCES, 2026, BOOK, TODAY) == []
    near = months_warnings([_fact(["2026-01", "2026-05"])], WarningKind.ABSENCES, 2026, BOOK, TODAY)[0]
    assert near.severity is Severity.NEAR and "01/2026, 05/2026" in near.evidence and "294-QĐ/TW" in near.evidence
    reached = months_warnings([_fact(["2026-01", "2026-05", "2026-09"])], WarningKind.UNPAID_DUES, 2026, BOOK,
                              TODAY)[0]
    assert reached.severity is Severity.REACHED and reached.kind is WarningKind.UNPAID_DUES


def test_away_warnings():
    base = {"member_id": "m", "member_name": "A", "cell_id": "c", "cell_name": "C", "place": "Bình Dương"}
    ended = AwayFact(since=date(2025, 1, 1), until=date(2026, 1, 1), last_contact=TODAY, **base)
    silent = AwayFact(since=date(2026, 2, 1), until=date(2027, 1, 31), last_contact=date(2026, 7, 1), **base)
    fine = AwayFact(since=date(2026, 2, 1), until=date(2027, 1, 31), last_contact=date(2026, 10, 1), **base)
    kinds = [w.kind for w in away_warnings([ended, silent, fine], BOOK, TODAY)]
    assert kinds == [WarningKind.AWAY_ENDED, WarningKind.AWAY_NO_CONTACT]


def test_a_leave_without_end_or_of_twelve_months_or_more_is_warned():
    base = {"member_id": "m", "member_name": "A", "cell_id": "c", "cell_name": "C", "place": "Bình Dương",
            "last_contact": date(2026, 11, 1)}
    open_ended = AwayFact(since=date(2026, 1, 5), until=None, **base)
    too_long = AwayFact(since=date(2026, 1, 5), until=date(2027, 7, 5), **base)
    extended = AwayFact(since=date(2025, 6, 1), until=date(2027, 5, 1), leave_start=date(2026, 6, 1), **base)
    warnings = away_warnings([open_ended, too_long, extended], BOOK, TODAY)
    assert [w.kind for w in warnings] == [WarningKind.AWAY_TERM, WarningKind.AWAY_TERM]
    assert "không ghi thời hạn" in warnings[0].evidence and "12-HD/BTCTW" in warnings[0].evidence


def test_probation_warning_window():
    from tayninh_desktop.domain.warnings import ProbationFact

    soon = ProbationFact("m", "A", "c", "C", date(2025, 12, 20))
    later = ProbationFact("m2", "B", "c", "C", date(2026, 3, 1))
    overdue = ProbationFact("m3", "D", "c", "C", date(2025, 6, 1))
    out = probation_warnings([soon, later, overdue], BOOK, TODAY, rules.WorkCalendar())
    assert [(w.member_id, w.severity) for w in out] == [("m", Severity.NOTICE), ("m3", Severity.REACHED)]


def test_quota_warning():
    assert quota_warning(2025, 10, 100, BOOK) is None
    warning = quota_warning(2025, 30, 100, BOOK)
    assert warning is not None and "30,0 %" in warning.evidence and "366-QĐ/TW" in warning.evidence
