"""Accounts of the people who use the register, the login policy, and the state of failed logins (pure).

An account has a login name (what ``--user`` and the login screen take), the person's full name, a role
and, for a cell secretary, the cell. The password is stored only as an argon2id hash (``exchange/passwords``).

The login policy is data (a setting the administrator changes, ``accounts policy``): how long to wait after
each consecutive failure (a growing delay), after how many failures the account locks and for how long,
after how many idle minutes the window locks, and the shortest password accepted. Neither number comes
from a legal text; the defaults follow common practice for office systems and are marked so on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.vn_text import fold, nfc

NAME_MAX = 40
NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


@dataclass(frozen=True)
class Account:
    id: str
    name: str                 # login name: lower case letters, digits, . _ -
    full_name: str
    role: Role
    cell_id: str | None
    active: bool
    must_change: bool         # an administrator set the password: the person changes it at the next login
    created_at: str
    password_changed_at: str

    def actor(self) -> Actor:
        return Actor(self.name, self.role, self.cell_id if self.role is Role.CELL_SECRETARY else None, self.id)


@dataclass(frozen=True)
class LoginPolicy:
    delays: tuple[int, ...] = (0, 1, 2, 4, 8, 16, 30)   # seconds to wait after the 1st, 2nd … failure
    lock_after: int = 5                                 # consecutive failures that lock the account
    lock_minutes: int = 15                              # the lock lifts by itself after this (or an administrator)
    idle_minutes: int = 10                              # the window locks after this long without use (0: never)
    min_password: int = 8

    def delay_after(self, failures: int) -> int:
        if failures <= 0 or not self.delays:
            return 0
        return self.delays[min(failures, len(self.delays)) - 1]

    def as_dict(self) -> dict:
        return {"delays": list(self.delays), "lock_after": self.lock_after, "lock_minutes": self.lock_minutes,
                "idle_minutes": self.idle_minutes, "min_password": self.min_password}


POLICY_LIMITS = {"lock_after": (1, 100), "lock_minutes": (1, 24 * 60), "idle_minutes": (0, 8 * 60),
                 "min_password": (6, 64)}


def policy_from(data: dict | None) -> LoginPolicy:
    """The policy stored as a setting (missing or damaged values fall back to the defaults)."""
    base = LoginPolicy()
    if not isinstance(data, dict):
        return base
    values: dict = {}
    for key, (low, high) in POLICY_LIMITS.items():
        value = data.get(key)
        if isinstance(value, int) and low <= value <= high:
            values[key] = value
    delays = data.get("delays")
    if isinstance(delays, list) and delays and all(isinstance(d, int) and 0 <= d <= 600 for d in delays):
        values["delays"] = tuple(delays)
    return replace(base, **values)


def check_policy(values: dict) -> None:
    """Refuse a policy value out of its range, naming the field."""
    issues = []
    for key, (low, high) in POLICY_LIMITS.items():
        value = values.get(key)
        if value is not None and not (low <= value <= high):
            issues.append(FieldIssue(key, "policy_out_of_range", {"low": low, "high": high, "value": value}))
    if issues:
        raise ValidationError(issues)


@dataclass(frozen=True)
class LoginState:
    """Consecutive failed logins of one account, and what they imply (kept outside the register)."""

    failures: int = 0
    not_before: str = ""      # ISO time before which no attempt is even checked (the growing delay)
    locked_until: str = ""    # ISO time until which the account is locked ("" = not locked)
    history: tuple[str, ...] = field(default_factory=tuple)   # times of the failures not yet in the audit log

    def as_dict(self) -> dict:
        return {"failures": self.failures, "not_before": self.not_before, "locked_until": self.locked_until,
                "history": list(self.history)}


def state_from(data: dict | None) -> LoginState:
    if not isinstance(data, dict):
        return LoginState()
    history = data.get("history") if isinstance(data.get("history"), list) else []
    return LoginState(int(data.get("failures") or 0), str(data.get("not_before") or ""),
                      str(data.get("locked_until") or ""), tuple(str(h) for h in history[-50:]))


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def check_attempt(name: str, state: LoginState, now: datetime) -> None:
    """Refuse an attempt while the account is locked or while the delay after the last failure runs."""
    locked = _parse(state.locked_until)
    if locked is not None and now < locked:
        raise DomainError("account_locked", name=name, until=locked.strftime("%H:%M %d/%m/%Y"))
    wait = _parse(state.not_before)
    if wait is not None and now < wait:
        seconds = max(1, int((wait - now).total_seconds() + 0.999))
        raise DomainError("login_wait", seconds=seconds)


def after_failure(state: LoginState, policy: LoginPolicy, now: datetime) -> LoginState:
    """The state after one more failed attempt: a longer delay, and a lock at the policy's count."""
    failures = state.failures + 1
    locked = state.locked_until
    if failures >= policy.lock_after:
        locked = (now + timedelta(minutes=policy.lock_minutes)).isoformat(timespec="seconds")
    wait = policy.delay_after(failures)
    not_before = (now + timedelta(seconds=wait)).isoformat(timespec="seconds") if wait else ""
    return LoginState(failures, not_before, locked, (*state.history, now.isoformat(timespec="seconds"))[-50:])


def lock_expired(state: LoginState, now: datetime) -> bool:
    locked = _parse(state.locked_until)
    return locked is not None and now >= locked


def clean_name(text: str) -> str:
    """The login name as stored: NFC, trimmed, lower case (refused when empty or with other characters)."""
    name = nfc(text or "").strip().lower()
    if not name:
        raise ValidationError([FieldIssue("account_name", "required")])
    if len(name) > NAME_MAX or not set(name) <= NAME_CHARS:
        raise ValidationError([FieldIssue("account_name", "account_name_chars", {"value": text, "max": NAME_MAX})])
    return name


def suggest_name(full_name: str) -> str:
    """A login name from a person's name: "Nguyễn Thị Ánh" → "anh.nguyen" (folded, no diacritics)."""
    words = [w for w in fold(full_name).split() if w.isalnum()]
    if not words:
        return ""
    return ".".join([words[-1], words[0]]) if len(words) > 1 else words[0]


def check_password(password: str, policy: LoginPolicy, *, field_name: str = "password") -> str:
    """The password as given, refused when too short or blank."""
    if not password or not password.strip():
        raise ValidationError([FieldIssue(field_name, "required")])
    if len(password) < policy.min_password:
        raise ValidationError([FieldIssue(field_name, "password_too_short", {"min": policy.min_password})])
    return password


def parse_role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise ValidationError([FieldIssue("role", "unknown_role", {"value": text,
                                                                   "choices": ", ".join(r.value for r in Role)})]) from None
