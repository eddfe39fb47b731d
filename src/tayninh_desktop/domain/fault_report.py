"""What the error log keeps of an unexpected fault: where it happened, never what it was about.

A Python traceback carries the exception's message, and messages carry data: ``int('Nguyễn Văn A')``,
a KeyError on a CCCD, a file name such as ``Danh sách Nguyễn Văn A.xlsx``, the Windows user folder
(often the clerk's own name) in every path. The log is read by whoever helps the office, so it keeps
only what a developer needs with the same version in hand: the exception's type (and a DomainError's
code, an OSError's errno), and for each frame the module-relative file, line and function.
"""

from __future__ import annotations

import traceback
from pathlib import PurePath

PACKAGE = "tayninh_desktop"


def short_path(filename: str) -> str:
    """``tayninh_desktop/services/x.py`` for the program's code, ``<lib>/sqlite_utils/db.py`` for a library
    in site-packages, the bare file name otherwise: no user folder, no install location."""
    parts = PurePath(filename.replace("\\", "/")).parts
    for marker, keep_from in ((PACKAGE, 0), ("site-packages", 1), ("dist-packages", 1)):
        if marker in parts:
            at = len(parts) - 1 - parts[::-1].index(marker) + keep_from
            prefix = "" if keep_from == 0 else "<lib>/"
            return prefix + "/".join(parts[at:])
    return parts[-1] if parts else "?"


def _kind(exc: BaseException) -> str:
    kind = type(exc).__qualname__
    module = type(exc).__module__
    name = kind if module in ("builtins", "__main__") else f"{module}.{kind}"
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code.isidentifier():   # DomainError codes are identifiers, never data
        name += f" [{code}]"
    errno = getattr(exc, "errno", None)
    if isinstance(errno, int):
        name += f" [errno {errno}]"
    return name


def _chain(exc: BaseException) -> list[tuple[BaseException, str]]:
    """The exception and its causes, oldest first, each with the sentence that links it to the next."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    link = ""
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "The above was the direct cause of the following:"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "During handling of the above, another fault occurred:"
        else:
            current = None
    return chain[::-1]


def describe(exc: BaseException) -> str:
    """The fault as the log keeps it (no message text, no values, no user folder)."""
    lines: list[str] = []
    chain = _chain(exc)
    for index, (current, _link) in enumerate(chain):
        if index:
            lines.append(chain[index - 1][1])
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {short_path(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(_kind(current))
    return "\n".join(lines) + "\n"
