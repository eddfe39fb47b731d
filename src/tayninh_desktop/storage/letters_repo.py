"""Transfer letters (giấy giới thiệu sinh hoạt đảng) and contacts with members working away."""

from __future__ import annotations

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.party_life import AwayContact, LetterDirection, LetterOutcome, TransferLetter
from tayninh_desktop.storage.audit import now_iso

_LETTER_COLUMNS = ("id, member_id, direction, temporary, letter_number, issued_on, deadline, counterpart, outcome,"
                   " presented_on, notes")
_INSERT_LETTER = (f"INSERT INTO transfer_letters ({_LETTER_COLUMNS}, created_at, updated_at)"
                  f" VALUES ({', '.join('?' * 13)})")
_INSERT_CONTACT = ("INSERT INTO away_contacts (id, member_id, contacted_on, channel, contact, note, created_at,"
                   " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _letter(r) -> TransferLetter:
    return TransferLetter(r[0], r[1], LetterDirection(r[2]), bool(r[3]), r[4], from_iso(r[5]), from_iso(r[6]), r[7],
                          LetterOutcome(r[8]), from_iso(r[9]), r[10])


def letter_values(t: TransferLetter, stamp: str) -> list:
    return [t.id, t.member_id, t.direction.value, int(t.temporary), t.letter_number, to_iso(t.issued_on),
            to_iso(t.deadline), t.counterpart, t.outcome.value, to_iso(t.presented_on), t.notes, stamp, stamp]


def insert_letter(db: Database, letter: TransferLetter) -> None:
    db.execute(_INSERT_LETTER, letter_values(letter, now_iso()))


def insert_letters_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_LETTER, rows)


def get_letter(db: Database, letter_id: str) -> TransferLetter | None:
    row = db.execute(f"SELECT {_LETTER_COLUMNS} FROM transfer_letters WHERE id = ?", [letter_id]).fetchone()
    return _letter(row) if row else None


def set_outcome(db: Database, letter_id: str, outcome: LetterOutcome, presented_on) -> None:
    db.execute("UPDATE transfer_letters SET outcome = ?, presented_on = ?, updated_at = ? WHERE id = ?",
               [outcome.value, to_iso(presented_on), now_iso(), letter_id])


def letters_of(db: Database, member_id: str) -> list[TransferLetter]:
    rows = db.execute(f"SELECT {_LETTER_COLUMNS} FROM transfer_letters WHERE member_id = ? ORDER BY issued_on",
                      [member_id])
    return [_letter(r) for r in rows]


def contact_values(c: AwayContact, stamp: str) -> list:
    return [c.id, c.member_id, to_iso(c.contacted_on), c.channel, c.contact, c.note, stamp, stamp]


def insert_contact(db: Database, contact: AwayContact) -> None:
    db.execute(_INSERT_CONTACT, contact_values(contact, now_iso()))


def insert_contacts_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_CONTACT, rows)


def contacts_of(db: Database, member_id: str) -> list[AwayContact]:
    rows = db.execute("SELECT id, member_id, contacted_on, channel, contact, note FROM away_contacts"
                      " WHERE member_id = ? ORDER BY contacted_on DESC", [member_id])
    return [AwayContact(r[0], r[1], from_iso(r[2]), r[3], r[4], r[5]) for r in rows]
