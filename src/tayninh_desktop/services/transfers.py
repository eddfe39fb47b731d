"""Transfer letters with their presentation deadline, and contacts with members working away."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.party_life import AwayContact, LetterDirection, LetterOutcome, TransferLetter
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, before_joining_issue, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.services.work_calendar import add_working_days
from tayninh_desktop.storage import audit, letters_repo
from tayninh_desktop.storage.db import Database


def presentation_deadline(issued_on: date) -> date:
    """The day by which the member must present the letter: 30 working days after issue (294-QĐ/TW), working days
    as the calendar counts them (Tết and Giỗ Tổ from the lunar calendar, holidays and days off as data)."""
    book = rules()
    return add_working_days(issued_on, book.on("transfer_deadline", issued_on)["working_days"], book)


def issue_letter(db: Database, actor: Actor, member_id: str, direction: str, issued_on: date, *,
                 temporary: bool = False, letter_number: str = "", counterpart: str = "", notes: str = "",
                 today: date | None = None) -> tuple[str, Changes]:
    """Record a letter of introduction (out: issued here; in: received) with its presentation deadline."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    if issued_on > today:
        raise ValidationError([FieldIssue("issued_on", "date_in_future", {"value": format_vn_date(issued_on)})])
    try:
        direction_value = LetterDirection(direction)
    except ValueError:
        raise ValidationError([FieldIssue("counterpart", "bad_choice", {"value": direction})]) from None
    issues = length_issues({"letter_number": nfc(letter_number), "counterpart": nfc(counterpart),
                            "notes": nfc(notes)}, {"notes": NOTES_MAX_LENGTH})
    with db.atomic():
        member = require_member(db, member_id)
        late = before_joining_issue("issued_on", issued_on, member.joined_on, member.full_name)
        if issues or late:
            raise ValidationError(issues + ([late] if late else []))
        letter = TransferLetter(new_id(), member_id, direction_value, temporary, nfc(letter_number), issued_on,
                                presentation_deadline(issued_on), nfc(counterpart), notes=nfc(notes))
        letters_repo.insert_letter(db, letter)
        audit.append(db, actor.name, "issue_letter", "member", member_id, None,
                     {"letter_id": letter.id, "direction": direction_value.value, "deadline": letter.deadline})
    return letter.id, Changes(party_life=True, member_ids=(member_id,))


def record_letter_outcome(db: Database, actor: Actor, letter_id: str, outcome: str, *,
                          presented_on: date | None = None, today: date | None = None) -> Changes:
    """Record what became of a letter: presented (with the date), returned or cancelled."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_record(db, "transfer_letters", letter_id, actor)
    today = today_or(today)
    value = LetterOutcome(outcome)
    if presented_on and presented_on > today:
        raise ValidationError([FieldIssue("presented_on", "date_in_future", {"value": format_vn_date(presented_on)})])
    with db.atomic():
        letter = letters_repo.get_letter(db, letter_id)
        if letter is None:
            raise DomainError("letter_not_found", letter_id=letter_id)
        letters_repo.set_outcome(db, letter_id, value, presented_on)
        audit.append(db, actor.name, "letter_outcome", "member", letter.member_id, {"outcome": letter.outcome.value},
                     {"outcome": value.value, "presented_on": presented_on})
    return Changes(party_life=True, member_ids=(letter.member_id,))


def record_contact(db: Database, actor: Actor, member_id: str, contacted_on: date, *, channel: str = "",
                   contact: str = "", note: str = "", today: date | None = None) -> Changes:
    """Note that the cell reached a member working away (how, where to reach him, what was agreed)."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today_or(today)
    if contacted_on > today:
        raise ValidationError([FieldIssue("contacted_on", "date_in_future",
                                          {"value": format_vn_date(contacted_on)})])
    with db.atomic():
        member = require_member(db, member_id)
        if member.status is not MemberStatus.AWAY:
            raise DomainError("not_away", name=member.full_name, date=format_vn_date(contacted_on))
        record = AwayContact(new_id(), member_id, contacted_on, nfc(channel), nfc(contact), nfc(note))
        letters_repo.insert_contact(db, record)
        audit.append(db, actor.name, "away_contact", "member", member_id, None,
                     {"contacted_on": contacted_on, "channel": record.channel})
    return Changes(party_life=True, member_ids=(member_id,))


def letters_of(db: Database, member_id: str) -> list[TransferLetter]:
    scope.require_member(db, member_id)
    return letters_repo.letters_of(db, member_id)


def contacts_of(db: Database, member_id: str) -> list[AwayContact]:
    scope.require_member(db, member_id)
    return letters_repo.contacts_of(db, member_id)
