"""The member edit records a change of occupation, schooling, qualification or political theory with the day
it took effect (m044); a correction records none; a day that cannot be is refused naming the field."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.services import member_field_history, register, statistics
from tests.conftest import member_form

TODAY = date(2026, 11, 27)


@pytest.fixture
def member(home_db, actor, cells):
    form = member_form(occupation="Làm nông", education_general="9/12", political_theory="")
    member_id, _ = register.add_member(home_db, actor, form, cells["CB01"].id, today=TODAY)
    return member_id, form


def test_a_change_is_recorded_with_its_day_and_the_audit_keeps_it(home_db, actor, member):
    member_id, form = member
    register.update_member(home_db, actor, member_id, {**form, "occupation": "Công chức xã", "phone": "0912345678"},
                           today=TODAY, changes_effective=date(2026, 3, 1))
    [change] = member_field_history.history(home_db, member_id)
    assert (change.field, change.changed_on, change.old_value, change.new_value) == (
        "occupation", date(2026, 3, 1), "Làm nông", "Công chức xã")
    entry = home_db.execute("SELECT after_json FROM audit_log WHERE action = 'update_member'").fetchone()[0]
    assert "dated_changes" in entry and "2026-03-01" in entry
    register.update_member(home_db, actor, member_id, {**form, "occupation": "Công chức xã", "phone": "0913345678"},
                           today=TODAY)
    assert len(member_field_history.history(home_db, member_id)) == 1      # nothing of these four changed


def test_without_a_day_the_change_takes_effect_today(home_db, actor, member):
    member_id, form = member
    register.update_member(home_db, actor, member_id, {**form, "political_theory": "Trung cấp"}, today=TODAY)
    [change] = member_field_history.history(home_db, member_id)
    assert (change.field, change.changed_on, change.old_value) == ("political_theory", TODAY, "")


def test_a_correction_records_no_dated_change(home_db, actor, member):
    member_id, form = member
    register.update_member(home_db, actor, member_id, {**form, "occupation": "Làm nông nghiệp"}, today=TODAY,
                           correction=True)
    assert member_field_history.history(home_db, member_id) == []


@pytest.mark.parametrize(("day", "words"), [
    (date(2026, 12, 1), "ở sau ngày hôm nay"),
    (date(1950, 1, 1), "trước ngày sinh"),
])
def test_an_impossible_day_is_refused_and_nothing_is_saved(home_db, actor, member, day, words):
    member_id, form = member
    with pytest.raises(ValidationError) as caught:
        register.update_member(home_db, actor, member_id, {**form, "occupation": "Giáo viên"}, today=TODAY,
                               changes_effective=day)
    assert words in caught.value.message and "Ngày thay đổi nghề nghiệp, trình độ có hiệu lực" in caught.value.message
    assert register.get_member(home_db, member_id).occupation == "Làm nông"
    assert member_field_history.history(home_db, member_id) == []


def test_a_change_cannot_take_effect_before_the_last_one_of_the_same_field(home_db, actor, member):
    member_id, form = member
    register.update_member(home_db, actor, member_id, {**form, "education_general": "12/12"}, today=TODAY,
                           changes_effective=date(2025, 6, 1))
    with pytest.raises(ValidationError) as caught:
        register.update_member(home_db, actor, member_id, {**form, "education_general": "10/12"}, today=TODAY,
                               changes_effective=date(2025, 1, 1))
    assert "01/06/2025" in caught.value.message and "Giáo dục phổ thông" in caught.value.message
    register.update_member(home_db, actor, member_id, {**form, "education_general": "12/12",
                                                       "occupation": "Buôn bán"},
                           today=TODAY, changes_effective=date(2025, 1, 1))      # another field: its own order


def test_biểu_3_for_a_past_year_counts_the_value_of_that_day(home_db, actor, member):
    member_id, form = member
    before = statistics.report(home_db, "bieu_3", "2025", today=TODAY).current
    assert before.value("II.4.thcs") == 1
    register.update_member(home_db, actor, member_id, {**form, "education_general": "12/12"}, today=TODAY,
                           changes_effective=date(2026, 2, 1))
    past = statistics.report(home_db, "bieu_3", "2025", today=TODAY).current
    now = statistics.report(home_db, "bieu_3", "2026", today=TODAY).current
    assert (past.value("II.4.thcs"), past.value("II.4.thpt")) == (1, 0)       # still "9/12" on 31/12/2025
    assert (now.value("II.4.thcs"), now.value("II.4.thpt")) == (0, 1)
