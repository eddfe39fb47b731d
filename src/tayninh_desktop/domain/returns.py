"""Return packages as data (pure): names, fingerprints, the manifest, the payload's shape, the board's states.

The format is docs/return-package.md; this module says what a valid manifest and payload look like, so that a
package is judged by these rules before anything from it is believed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from tayninh_desktop.domain.errors import DomainError

FORMAT = "tayninh-return"
VERSION = 1
PAYLOAD_FORMAT = "tayninh-return-payload"
RECEIPT_FORMAT = "tayninh-return-receipt"
CARD_FORMAT = "tayninh-key-card"
PACKAGE_SUFFIX = ".tnr"
RECEIPT_SUFFIX = ".tnbn"
CARD_SUFFIX = ".tnkey"
SECTIONS = ("indicators", "changes", "de_an_03", "support", "snapshot")
SECTION_VERSIONS = {"indicators": 1, "changes": 1, "de_an_03": 1, "support": 1, "snapshot": 1}
FINGERPRINT_CONTEXT = b"tayninh-desktop/key-card/fingerprint/v1\x00"
FINGERPRINT_GROUPS = 6
MAX_REVISION = 999

_CODE = re.compile(r"^[A-Za-z0-9._-]{1,20}$")
_PERIOD = re.compile(r"^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class Kind(StrEnum):
    RETURN = "return"                 # one unit's own register
    CONSOLIDATED = "consolidated"     # the returns a unit received, added up, sent further up


class Role(StrEnum):
    SELF = "self"
    SUPERIOR = "superior"
    SUBORDINATE = "subordinate"


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class BoardState(StrEnum):
    """A unit's return for a period, as the superior's board shows it."""

    EXPECTED = "cho"            # asked for, not due yet, nothing received
    ON_TIME = "dung_han"
    LATE = "muon"
    REJECTED = "tu_choi"        # only refused packages so far
    MISSING = "chua_nop"        # past the deadline, nothing received


OWED = (BoardState.MISSING, BoardState.REJECTED)   # the units a reminder goes to


def package_name(unit_code: str, period: str, revision: int) -> str:
    return f"{unit_code}_{period}_r{revision}{PACKAGE_SUFFIX}"


def receipt_name(unit_code: str, period: str, revision: int) -> str:
    return f"{unit_code}_{period}_r{revision}{RECEIPT_SUFFIX}"


def card_name(unit_code: str) -> str:
    return f"the-khoa_{unit_code}{CARD_SUFFIX}"


# --- fingerprints ---------------------------------------------------------------------------------------

def fingerprint(sign_public: bytes, receive_public: str) -> str:
    """30 digits naming a pair of public keys (6 groups of 5, read aloud one group at a time)."""
    digest = hashlib.sha256(FINGERPRINT_CONTEXT + sign_public + receive_public.encode("ascii")).digest()
    return "".join(f"{int.from_bytes(digest[5 * i:5 * i + 5], 'big') % 100000:05d}" for i in range(FINGERPRINT_GROUPS))


def grouped(fingerprint_digits: str) -> str:
    """"12345 67890 …" as printed and shown."""
    return " ".join(fingerprint_digits[i:i + 5] for i in range(0, len(fingerprint_digits), 5))


def same_fingerprint(typed: str, digits: str) -> bool:
    """Whether what a person typed (spaces, dashes…) is this fingerprint."""
    return "".join(c for c in typed or "" if c.isdigit()) == digits


# --- the manifest ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Party:
    code: str
    name: str
    key: str        # the fingerprint of the key pair used


@dataclass(frozen=True)
class Manifest:
    kind: Kind
    sender: Party
    receiver: Party
    period: str
    revision: int
    created: str
    payload_sha256: str
    payload_size: int
    sections: tuple[str, ...]
    counts: Mapping[str, int]
    raw: Mapping

    @property
    def file_name(self) -> str:
        return package_name(self.sender.code, self.period, self.revision)


def _party(value: object) -> Party | None:
    if not isinstance(value, dict):
        return None
    code, name, key = value.get("code"), value.get("name"), value.get("key")
    if not (isinstance(code, str) and _CODE.match(code) and isinstance(name, str) and 0 < len(name) <= 200
            and isinstance(key, str) and key.isdigit() and len(key) == 5 * FINGERPRINT_GROUPS):
        return None
    return Party(code, name, key)


def read_manifest(data: Mapping, file_name: str) -> Manifest:
    """The manifest, checked field by field; anything out of shape refuses the file as damaged."""
    damaged = DomainError("return_damaged", file=file_name)
    if data.get("format") != FORMAT:
        raise damaged
    if data.get("version") != VERSION:
        raise DomainError("return_newer_format", file=file_name, version=str(data.get("version")))
    sender, receiver = _party(data.get("sender")), _party(data.get("receiver"))
    payload, counts, sections = data.get("payload"), data.get("counts"), data.get("sections")
    revision, period, created = data.get("revision"), data.get("period"), data.get("created")
    if (sender is None or receiver is None or not isinstance(payload, dict) or not isinstance(counts, dict)
            or not isinstance(sections, list) or not all(isinstance(s, str) for s in sections)
            or not isinstance(revision, int) or isinstance(revision, bool) or not 1 <= revision <= MAX_REVISION
            or not isinstance(period, str) or not _PERIOD.match(period) or not isinstance(created, str)
            or data.get("kind") not in tuple(Kind)
            or not isinstance(payload.get("sha256"), str) or not _HEX64.match(payload["sha256"])
            or not isinstance(payload.get("size"), int)
            or not all(isinstance(k, str) and isinstance(v, int) for k, v in counts.items())):
        raise damaged
    return Manifest(Kind(data["kind"]), sender, receiver, period, revision, created, payload["sha256"],
                    payload["size"], tuple(s for s in sections if s in SECTIONS), dict(counts), data)


# --- the payload ------------------------------------------------------------------------------------------

def _ints(values: object) -> bool:
    return isinstance(values, dict) and all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                                            for k, v in values.items())


def check_payload(payload: Mapping, manifest: Manifest, file_name: str) -> None:
    """The decrypted payload has the shape its manifest announced (sections, unit, period, figures as integers)."""
    damaged = DomainError("return_damaged", file=file_name)
    if payload.get("format") != PAYLOAD_FORMAT or payload.get("version") != VERSION:
        raise damaged
    if payload.get("unit", {}).get("code") != manifest.sender.code or payload.get("period") != manifest.period:
        raise damaged
    for name in manifest.sections:
        section = payload.get(name)
        if not isinstance(section, dict) or not isinstance(section.get("version"), int):
            raise damaged
        if section["version"] > SECTION_VERSIONS[name]:
            raise DomainError("return_newer_format", file=file_name, version=f"{name} {section['version']}")
    forms = payload.get("indicators", {}).get("forms")
    if not isinstance(forms, dict) or not all(isinstance(f, dict) and _ints(f.get("values")) for f in forms.values()):
        raise damaged
    if not isinstance(payload.get("explanations", []), list):
        raise damaged


# --- warnings and their explanations ------------------------------------------------------------------------

def finding_keys(findings: Iterable) -> list[str]:
    """A short stable name per warning ("bieu_1:D_equals", "chung:history_unreadable"), unique in the list."""
    keys: list[str] = []
    for finding in findings:
        base = f"{finding.form_id or 'chung'}:{finding.data.get('check_id') or finding.code}"
        key, n = base, 2
        while key in keys:
            key, n = f"{base}#{n}", n + 1
        keys.append(key)
    return keys


# --- the board ---------------------------------------------------------------------------------------------

def board_state(first_accepted: datetime | None, rejected: bool, deadline: date, today: date) -> BoardState:
    """Where a unit stands for a period: on time or late by the day its first accepted package arrived."""
    if first_accepted is not None:
        return BoardState.ON_TIME if first_accepted.date() <= deadline else BoardState.LATE
    if rejected:
        return BoardState.REJECTED
    return BoardState.MISSING if today > deadline else BoardState.EXPECTED


def changed_figures(old: Mapping[str, Mapping[str, int]], new: Mapping[str, Mapping[str, int]],
                    keys: Iterable[tuple[str, str]]) -> list[tuple[str, str, int | None, int | None]]:
    """(form, row, before, after) for the rows asked about whose value a newer revision changes."""
    out = []
    for form, row in keys:
        before, after = old.get(form, {}).get(row), new.get(form, {}).get(row)
        if before != after:
            out.append((form, row, before, after))
    return out
