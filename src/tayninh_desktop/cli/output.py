"""Running a command: opening the register, printing for people or JSON, and the exit codes."""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tayninh_desktop.config import current_user_name, default_db_path
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError, ValidationError

OK, REFUSED, USAGE = 0, 1, 2


class Usage(Exception):
    """A usage error found after parsing (exit 2)."""


def db_path(args) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def actor(args) -> Actor:
    return Actor(getattr(args, "user", None) or current_user_name())


def open_db(args, *, create: bool = False):
    from tayninh_desktop.storage.db import open_database

    return open_database(db_path(args), create=create)


def emit(args, payload: dict, text: str | list[str]) -> None:
    """Print ``payload`` as JSON with --json, else the Vietnamese text."""
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(text if isinstance(text, str) else "\n".join(text))


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
    try:
        return handler(args) or OK
    except DomainError as error:
        return refuse(args, error)
    except OSError as error:
        return refuse(args, DomainError("file_error", path=getattr(error, "filename", "") or "",
                                        reason=error.strerror or str(error)))
    except Usage:
        raise
    except Exception as error:  # the last line of defence: never a traceback in front of a user
        if os.environ.get(DEBUG_ENV):
            raise
        log = _log_unexpected(error)
        return refuse(args, DomainError("unexpected_cli", log=str(log)))


DEBUG_ENV = "TAYNINH_DESKTOP_DEBUG"


def _log_unexpected(error: Exception) -> Path:
    """Write the traceback (code locations only, no member data) to the log file; return its path."""
    from tayninh_desktop.config import data_dir

    log = data_dir() / "logs" / "loi.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
    except OSError:
        pass
    return log
