"""Errors the domain and the services raise for refused input.

An error carries a stable ``code`` and its ``data``; the sentence a person reads is made from
them by ``domain.messages`` so that the UI and the command line say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one field of a form or of a file row."""

    field: str
    code: str
    data: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        from tayninh_desktop.domain.messages import render

        return render(self.code, {"field": self.field, **self.data})


class DomainError(Exception):
    """Refused input or a refused action; nothing was changed."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(code)
        self.code = code
        self.data = data

    @property
    def message(self) -> str:
        from tayninh_desktop.domain.messages import render

        return render(self.code, self.data)

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """One or more fields are wrong; ``issues`` names each field and its problem."""

    def __init__(self, issues: list[FieldIssue]) -> None:
        super().__init__("validation_failed", count=len(issues))
        self.issues = list(issues)

    @property
    def message(self) -> str:
        return "\n".join(issue.message for issue in self.issues)

    def by_field(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for issue in self.issues:
            out.setdefault(issue.field, []).append(issue.message)
        return out


class NotFoundError(DomainError):
    """The thing named does not exist (any more)."""
