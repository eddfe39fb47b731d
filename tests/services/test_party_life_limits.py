"""Facts about a member cannot predate the member's joining, and texts have a sensible length."""

from datetime import date

import pytest

from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.services import meetings, ratings, register, transfers


@pytest.fixture
def member_id(home_db, actor, cells, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    return member_id


def rows(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_letter_dated_before_joining_is_refused(home_db, actor, member_id, today):
    with pytest.raises(ValidationError) as caught:
        transfers.issue_letter(home_db, actor, member_id, "di", date(1990, 1, 1), today=today)
    assert caught.value.issues[0].code == "before_joining"
    assert "16/01/1994" in caught.value.message and "Nguyễn Thị Ánh Tuyết" in caught.value.message
    assert rows(home_db, "transfer_letters") == 0


def test_discipline_dated_before_joining_is_refused(home_db, actor, member_id, today):
    with pytest.raises(ValidationError) as caught:
        ratings.record_discipline(home_db, actor, member_id, "khien_trach", "01/01/1900", today=today)
    assert caught.value.issues[0].code == "before_joining"
    assert rows(home_db, "discipline") == 0


def test_long_texts_are_refused_naming_the_field(home_db, actor, member_id, cells, today):
    with pytest.raises(ValidationError) as caught:
        transfers.issue_letter(home_db, actor, member_id, "di", date(2026, 1, 5), letter_number="7" * 301,
                               today=today)
    assert caught.value.issues[0].field == "letter_number" and "quá mức 300" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        meetings.record_meeting(home_db, actor, cells["CB01"].id,
                                {"meeting_date": "05/01/2026", "summary": "x" * 2001}, today=today)
    assert "Nội dung sinh hoạt" in caught.value.message
    assert rows(home_db, "meetings") == 0 and rows(home_db, "transfer_letters") == 0
