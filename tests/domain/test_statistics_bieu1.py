"""Biểu 1 over a register built by hand: every cell, this period, the same period last year, a past
cut-off, and a period that is not over yet (see tests/domain/stats_register_samples.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.stats_classify import classifications
from tayninh_desktop.domain.stats_compute import compute
from tayninh_desktop.domain.stats_forms import stat_form
from tayninh_desktop.domain.stats_period import parse_period, window_for
from tayninh_desktop.domain.stats_table import display_rows
from tests.domain.stats_register_samples import sample_register

TODAY = date(2026, 11, 27)
KEYS = ["A", "B", "B.1", "B.2", "B.2.a", "B.2.b", "B.3", "C", "C.1", "C.2", "C.3", "C.3.du_bi", "C.4", "C.5",
        "C.5.a", "C.5.b", "D"]


def figures(period: str, today: date = TODAY) -> dict[str, int]:
    window = window_for(parse_period(period), today)
    result = compute(stat_form("bieu_1"), sample_register(), window, classifications())
    return {key: result.value(key) for key in KEYS}


def test_first_half_of_2026_every_cell():
    assert figures("2026-H1") == {
        "A": 7,                                   # An, Bình, Giang, Khánh, Lan, Minh, Tâm on 31/12/2025
        "B": 5, "B.1": 2,                         # Chi admitted, Sơn re-admitted
        "B.2": 2, "B.2.a": 1, "B.2.b": 1,         # Em from Hồ Chí Minh City, Dũng from Phước Chỉ (Tây Ninh)
        "B.3": 1,                                 # Hà restored
        "C": 4, "C.1": 1, "C.2": 0,               # Giang died
        "C.3": 1, "C.3.du_bi": 1,                 # Khánh struck off while probationary
        "C.4": 1,                                 # Lan, on the last day of the period
        "C.5": 1, "C.5.a": 1, "C.5.b": 0,         # Minh to Đồng Nai
        "D": 8,                                   # An, Bình, Chi, Dũng, Em, Hà, Sơn, Tâm (not Oanh: hosted)
    }


def test_same_period_last_year_every_cell():
    assert figures("2025-H1") == {
        "A": 7,                                   # An, Giang, Hà, Lan, Minh, Nam, Phúc on 31/12/2024
        "B": 2, "B.1": 1, "B.2": 1, "B.2.a": 0, "B.2.b": 0, "B.3": 0,   # Bình; Tâm of unknown origin
        "C": 3, "C.1": 0, "C.2": 1, "C.3": 1, "C.3.du_bi": 0, "C.4": 0,  # Hà expelled; Phúc settled abroad
        "C.5": 1, "C.5.a": 0, "C.5.b": 1,         # Nam inside Tây Ninh
        "D": 6,                                   # An, Bình, Giang, Lan, Minh, Tâm
    }


def test_a_past_year_closes_where_the_next_half_opens():
    year = figures("2025")
    assert (year["A"], year["B.1"], year["B.2"], year["C"], year["D"]) == (7, 2, 1, 3, 7)
    assert figures("2026-H1")["A"] == year["D"]


def test_a_period_not_over_yet_counts_up_to_today():
    on_31_march = figures("2026-H1", today=date(2026, 3, 31))
    assert (on_31_march["A"], on_31_march["B.1"], on_31_march["B.2"], on_31_march["C"], on_31_march["D"]) == (
        7, 1, 0, 3, 5)                            # Chi in; Khánh, Minh, Giang out; Dũng not yet arrived


def test_display_lines_carry_both_periods_and_the_ratio():
    window = window_for(parse_period("2026-H1"), TODAY)
    form = stat_form("bieu1")
    now = compute(form, sample_register(), window, classifications())
    before = compute(form, sample_register(), window.same_period_last_year(), classifications())
    lines = {row.key: row.cells for row in display_rows(form, now, before)}
    assert lines["A"] == ("7", "7", "100,0")
    assert lines["B"] == ("5", "2", "250,0")
    assert lines["B.2.a"] == ("1", "0", "")       # nothing to compare with: no ratio
    assert lines["C.2"] == ("0", "1", "0,0")
    assert lines["D"] == ("8", "6", "133,3")


def test_notes_name_the_transfer_of_unknown_origin_and_the_member_settled_abroad():
    window = window_for(parse_period("2025-H1"), TODAY)
    result = compute(stat_form("bieu_1"), sample_register(), window, classifications())
    notes = {note.code: note for note in result.notes}
    assert "Tâm (10/05/2025)" in notes["transfer_scope_unknown"].message
    assert "Phúc" in notes["settled_abroad_counted"].message
    assert "127-QĐ/TW" in notes["settled_abroad_counted"].message


@pytest.mark.parametrize(("text", "code"), [("2026", "2026"), ("2026-h2", "2026-H2"), ("2026-Q3", "2026-Q3"),
                                            ("06/2026", "2026-06"), ("2026-6", "2026-06")])
def test_period_syntax(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize("text", ["", "26", "2026-H3", "2026-Q5", "2026-13", "13/2026", "năm nay", "0999"])
def test_bad_periods_are_refused_by_name(text):
    from tayninh_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        parse_period(text)
    assert "Kỳ báo cáo" in err.value.message and "2026-H1" in err.value.message


def test_a_period_that_has_not_begun_is_refused():
    from tayninh_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        window_for(parse_period("2027"), TODAY)
    assert "01/01/2027" in err.value.message


def test_period_labels_and_neighbours():
    half = parse_period("2026-H1")
    assert (half.label, half.start, half.end) == ("6 tháng đầu năm 2026", date(2026, 1, 1), date(2026, 6, 30))
    assert parse_period("2026-Q1").previous().code == "2025-Q4"
    assert parse_period("2024-02").end == date(2024, 2, 29)
    leap = window_for(parse_period("2024-02"), TODAY).same_period_last_year()
    assert (leap.start, leap.end) == (date(2023, 2, 1), date(2023, 2, 28))
