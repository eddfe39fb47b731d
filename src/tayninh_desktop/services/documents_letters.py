"""The giấy giới thiệu sinh hoạt đảng, filled from the transfer letter recorded in party life.

The letter gives where the member goes, official or temporary, the date and the deadline to present it;
the register gives the card, record and sổ đảng viên numbers and the last month of dues paid. Printing
it with a number writes that number into the letter (one symbol for the letter, on record and on paper).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.domain.dates import month_text
from tayninh_desktop.domain.documents import IssuedDocument
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.party_life import LetterDirection, TransferLetter
from tayninh_desktop.storage import letter_papers_repo, letters_repo, roster_repo
from tayninh_desktop.storage.db import Database

SOURCE = "transfer_letter"


def effective_request(db: Database, form: FormDefinition, request):
    """(the request with the letter's member and date, the letter) for a giấy giới thiệu; others unchanged."""
    if form.source != SOURCE or request.blank:
        return request, None
    letter_id = request.letter_id
    if letter_id is None and request.member_id:
        letter_id = letter_papers_repo.latest_outgoing(db, request.member_id)
    if letter_id is None:
        return request, None
    letter = letters_repo.get_letter(db, letter_id)
    if letter is None:
        raise DomainError("letter_not_found", letter_id=letter_id)
    if letter.direction is not LetterDirection.OUT:
        raise DomainError("letter_not_outgoing", letter_id=letter_id)
    if request.member_id and request.member_id != letter.member_id:
        from tayninh_desktop.storage import members_repo

        member = members_repo.get(db, request.member_id)
        raise DomainError("letter_of_other_member", letter_id=letter_id, name=member.full_name if member else "")
    return replace(request, member_id=letter.member_id, on=letter.issued_on, letter_id=letter.id), letter


def _register_number(db: Database, member_id: str, on: date) -> str:
    ids = [e.member_id for e in roster_repo.roster_on(db, None, on)]
    order = roster_repo.register_order(db, ids if member_id in ids else [*ids, member_id])
    return str(order.index(member_id) + 1)


def letter_context(db: Database, letter: TransferLetter, member: Member | None, on: date) -> dict:
    """The letter's values on the paper (the giấy giới thiệu's fields)."""
    dues, number, _ = letter_papers_repo.paper_fields(db, letter.id)
    dues = dues or letter_papers_repo.last_paid_month(db, letter.member_id, on)
    return {
        "letter_id": letter.id, "receiving_unit": letter.counterpart,
        "transfer_kind": "tạm thời" if letter.temporary else "chính thức",
        "effective_on": letter.issued_on, "valid_until": letter.deadline,
        "dues_paid_through": dues, "dues_month": month_text(int(dues[5:7])) if dues else "",
        "dues_year": dues[:4], "register_number": number or _register_number(db, letter.member_id, on),
    }


def record_issue(db: Database, context: dict, doc: IssuedDocument) -> None:
    """Inside the issuing transaction: the letter takes the paper's number."""
    if context.get("letter_id"):
        letter = letters_repo.get_letter(db, context["letter_id"])
        if letter is not None and letter.letter_number:
            raise DomainError("letter_already_numbered", number=letter.letter_number)
        letter_papers_repo.record_issue(db, context["letter_id"], doc.symbol, doc.id,
                                        str(context.get("dues_paid_through", "")),
                                        str(context.get("register_number", "")))
