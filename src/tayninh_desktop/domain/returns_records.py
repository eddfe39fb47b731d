"""What the register keeps about keys and returns (the rows of m038–m040 as values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tayninh_desktop.domain.returns import Role, grouped


@dataclass(frozen=True)
class KeyRecord:
    """A key pair: this installation's own (``role`` self, with the ids of its sealed private halves) or a key
    card imported from the superior or from a reporting unit."""

    id: str
    role: Role
    unit_code: str
    unit_name: str
    unit_id: str | None
    sign_public: str          # base64 of the Ed25519 public key
    receive_public: str       # age recipient
    fingerprint: str          # 30 digits
    sign_secret_id: str = ""
    receive_secret_id: str = ""
    confirmed_by: str = ""
    created_at: str = ""
    retired_at: str | None = None

    @property
    def fingerprint_text(self) -> str:
        return grouped(self.fingerprint)


@dataclass(frozen=True)
class PeriodLock:
    period: str
    locked: bool
    revision: int             # the last revision exported (0: never)


@dataclass(frozen=True)
class Reopening:
    period: str
    revision: int
    reason: str
    actor: str
    at: str


@dataclass(frozen=True)
class SentReturn:
    id: str
    period: str
    revision: int
    kind: str
    receiver_code: str
    file_name: str
    package_sha256: str
    sent_at: str
    figures: dict             # form -> row -> value, as sent
    explanations: list
    receipt_state: str        # "", "accepted", "rejected"
    receipt_at: str | None
    receipt_note: str


@dataclass(frozen=True)
class ReceivedReturn:
    id: str
    sender_code: str
    sender_unit_id: str | None
    period: str
    revision: int
    kind: str
    package_sha256: str
    file_name: str
    made_at: str
    received_at: datetime
    state: str                # "accepted" (the one in force) or "superseded"
    manifest: dict
    payload: dict
    has_snapshot: bool


@dataclass(frozen=True)
class Rejection:
    id: str
    sender_code: str
    period: str
    revision: int
    package_sha256: str
    file_name: str
    reason_code: str
    message: str
    at: datetime


@dataclass(frozen=True)
class Expectation:
    period: str
    deadline: date
    doc_number: str
