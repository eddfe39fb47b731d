"""Running a command: opening the register, printing for people or JSON, and the exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path

from tayninh_desktop.config import default_db_path
from tayninh_desktop.domain import fault_report
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.messages_register import os_reason

OK, REFUSED, USAGE = 0, 1, 2


class Usage(Exception):
    """A usage error found after parsing (exit 2)."""


def db_path(args) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


PASSWORD_ENV = "TAYNINH_PASSWORD"


def password_source(args):
    """Where the password comes from: TAYNINH_PASSWORD, else asked (never echoed), only when needed."""

    def ask() -> str:
        cached = getattr(args, "_login_password", None)
        if cached is not None:
            return cached
        args._login_password = _ask()
        return args._login_password

    def _ask() -> str:
        secret = os.environ.get(PASSWORD_ENV)
        if secret:
            return secret
        return ask_secret(f"Mật khẩu của tài khoản «{getattr(args, 'user', None) or '?'}»: ")

    return ask


def ask_secret(prompt: str) -> str:
    """A secret typed by the person: not echoed on a terminal (getpass); from a pipe, one line of the input
    (getpass's English warning would otherwise be printed)."""
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            return getpass.getpass(prompt)
        sys.stderr.write(prompt)
        sys.stderr.flush()
        line = sys.stdin.readline() if sys.stdin is not None else ""
        return line.rstrip("\r\n")
    except (EOFError, KeyboardInterrupt, OSError):
        return ""


def session(args, *, create: bool = False):
    """The register opened for the person running the command (``--user`` and the password once the register
    has accounts; its administrator while it has none), opened once per command."""
    found = getattr(args, "_session", None)
    if found is not None:
        return found
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services.session import open_register

    path = db_path(args)
    if create and (not path.exists() or path.stat().st_size == 0) and not path.is_dir():
        from tayninh_desktop.domain import temp_journal

        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.dang-tao-{os.getpid()}")
        temp_journal.begin(temp)
        found = open_register(temp, create=True)
        args._new_db = (path, temp, found.db)
    else:
        found = open_register(path, user=getattr(args, "user", None), password=password_source(args), create=create)
        if found.must_change and not getattr(args, "allow_must_change", False):
            found.db.conn.close()
            raise DomainError("must_change_password", name=found.actor.name)
    args._session = found
    return found


def register_key(args) -> bytes | None:
    """The login of a read-only command (``check``, ``backup verify``) without opening the register for writing:
    the key of an encrypted register, None for a plain one (whose accounts, if any, still ask for the login)."""
    from tayninh_desktop.services.session import unlock_key

    path = db_path(args)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    return unlock_key(path, getattr(args, "user", None), password_source(args))


def actor(args) -> Actor:
    """Who acts: the logged-in account (never a typed name); a register not made yet: its administrator."""
    found = getattr(args, "_session", None)
    if found is not None:
        return found.actor
    path = db_path(args)
    if path.is_file() and path.stat().st_size > 0:
        return session(args).actor
    from tayninh_desktop.services.session import default_actor

    return default_actor()


def open_db(args, *, create: bool = False):
    """Open the register for the person running the command. A register this command creates (init, demo) is
    built under a temporary name beside its target and renamed into place only when the command succeeds: a
    refused or killed run leaves no half-made register at the target (the temporary is removed, or swept at
    the next start)."""
    return session(args, create=create).db


def building_new(args) -> bool:
    """True when this command builds a new register under a temporary name (moved into place on success)."""
    return getattr(args, "_new_db", None) is not None


def _finish_new_db(args) -> None:
    """The command succeeded: move the register it built into place (never over a file made meanwhile)."""
    new = getattr(args, "_new_db", None)
    if new is None:
        return
    from tayninh_desktop.storage.new_register import move_new_register

    path, temp, db = new
    args._new_db = None
    move_new_register(db, temp, path)


def _discard_new_db(args) -> None:
    """Nothing half-written: remove the register a refused command was building (init, demo)."""
    new = getattr(args, "_new_db", None)
    if new is None:
        return
    from tayninh_desktop.domain import temp_journal

    _path, temp, db = new
    args._new_db = None
    try:
        db.conn.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
    except OSError:
        pass
    temp_journal.end(temp)


def date_option(text: str | None, option: str, *, required: bool = False) -> date | None:
    """The date typed for ``option`` (dd/mm/yyyy). A date that does not exist is refused input (exit 1)
    naming the option and the text; an empty text is None, or refused when ``required``."""
    try:
        value = parse_vn_date(text or "")
    except ValueError:
        raise ValidationError([FieldIssue(option, "bad_date", {"value": text})]) from None
    if value is None and required:
        raise ValidationError([FieldIssue(option, "required")])
    return value


def emit(args, payload: dict, text: str | list[str]) -> None:
    """Print ``payload`` as JSON with --json, else the Vietnamese text."""
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(text if isinstance(text, str) else "\n".join(text))


STREAM_CHUNK = 2000


def emit_json_list(head: dict, key: str, items: Iterable[dict]) -> None:
    """Print ``head`` with ``key`` holding ``items`` as one JSON object, the same text ``emit`` prints, written a
    chunk of items at a time: a list of 100,000 members never exists as one 30 MB string."""
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode
    out = sys.stdout
    out.write(encode(head)[:-1] + (", " if head else "") + encode(key) + ": [")
    separator = ""
    for chunk in _chunks(items):
        out.write(separator + encode(chunk)[1:-1])
        separator = ", "
    out.write("]}\n")


def write_lines(lines: Iterable[str]) -> None:
    """Print lines as they come, a chunk at a time."""
    for chunk in _chunks(lines):
        sys.stdout.write("\n".join(chunk) + "\n")


def _chunks(items: Iterable) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, STREAM_CHUNK)):
        yield chunk


def refuse(args, error: DomainError) -> int:
    payload = {"ok": False, "error": error.code, "message": error.message}
    if isinstance(error, ValidationError):
        payload["fields"] = error.by_field()
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        sys.stderr.write(f"Không thực hiện được: {error.message}\n")
    return REFUSED


def run_handler(handler: Callable, args) -> int:
    from tayninh_desktop.storage import presence

    try:
        return _run(handler, args)
    except BrokenPipeError:
        # The reader of our output went away (``… | head``): the action is done, there is no one to tell.
        _silence_stdout()
        return OK
    finally:
        presence.withdraw_all()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run(handler: Callable, args) -> int:
    try:
        code = handler(args) or OK
        if code == OK:
            _finish_new_db(args)
        else:
            _discard_new_db(args)
        return code
    except DomainError as error:
        _discard_new_db(args)
        return refuse(args, error)
    except BrokenPipeError:
        raise
    except OSError as error:
        _discard_new_db(args)
        return refuse(args, DomainError("file_error", path=getattr(error, "filename", "") or "",
                                        reason=os_reason(error)))
    except Usage:
        raise
    except Exception as error:  # the last line of defence: never a traceback in front of a user
        _discard_new_db(args)
        if os.environ.get(DEBUG_ENV):
            raise
        log = _log_unexpected(error)
        return refuse(args, DomainError("unexpected_cli", log=str(log)))


DEBUG_ENV = "TAYNINH_DESKTOP_DEBUG"


def _log_unexpected(error: Exception) -> Path:
    """Write where the fault happened (code locations only: no message, no member data, no user folder; see
    domain/fault_report.py) to the log file; return its path."""
    from tayninh_desktop.config import data_dir

    log = data_dir() / "logs" / "loi.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle.write(fault_report.describe(error))
    except OSError:
        pass
    return log
