"""The ``check`` action: the file, the schema, the audit chain and its head, and every row against the log.

Read-only: ``check_file`` opens the register without writing (no migration, no WAL switch), so it
never locks out another user's import. It tells three outcomes apart: a sound register; a damaged
or altered one (restore a backup); a file that is not this program's register at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.messages_integrity import SCHEMA_KINDS, SCOPE_KINDS
from tayninh_desktop.storage import audit_verify, integrity, schema_check
from tayninh_desktop.storage import migrations as schema
from tayninh_desktop.storage.db import Database, database_errors, is_plain, open_for_check

OK, DAMAGED, NOT_REGISTER = "ok", "damaged", "not_register"
NOT_REGISTER_CODES = ("db_not_sqlite", "db_foreign")
DAMAGED_CODES = ("db_empty", "db_damaged")


@dataclass(frozen=True)
class Finding:
    """One problem the check found: its code, its data and the sentence."""

    code: str
    data: dict
    message: str


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    search_index: list[str] = field(default_factory=list)
    audit_rows: int = 0
    audit_broken_at: int | None = None
    schema: list[Finding] = field(default_factory=list)
    chain: list[Finding] = field(default_factory=list)
    rows: list[Finding] = field(default_factory=list)
    scopes: int = 0
    pending_migrations: list[str] = field(default_factory=list)
    verdict: str = OK

    @property
    def ok(self) -> bool:
        return self.verdict == OK

    def findings(self) -> list[Finding]:
        return [*self.schema, *self.chain, *self.rows]

    def as_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


def _finding(code: str, **data) -> Finding:
    return Finding(code, data, render(code, data))


def check(db: Database) -> CheckReport:
    """Verify the whole register; read-only.

    SQLite's own check of the file reads every page, as the row hashes do: for a register file it runs on a
    connection and a thread of its own beside the rest (SQLite works without Python's lock), and when it finds
    the file damaged, that is the answer, whatever the rest found.
    """
    job = _FileCheck(db)
    try:
        report = _above_the_file(db)
    except database_errors():
        if job.problems():
            return CheckReport(integrity=job.problems(), verdict=DAMAGED)
        raise
    problems = job.problems()
    if problems:   # the file itself is damaged: nothing above it can be trusted
        return CheckReport(integrity=problems, verdict=DAMAGED)
    return report


class _FileCheck:
    """``PRAGMA integrity_check`` of the register: on a thread when the register is a file, else here and now."""

    def __init__(self, db: Database) -> None:
        self._result: list[str] | None = None
        self._error: Exception | None = None
        self._thread = None
        path = getattr(db, "path_text", "")
        if path and is_plain(db) and Path(path).is_file():   # a second connection needs no key
            import threading

            self._thread = threading.Thread(target=self._run, args=(path,), name="kiem-tra-tep", daemon=True)
            self._thread.start()
        else:
            self._result = integrity.integrity_problems(db)

    def _run(self, path: str) -> None:
        try:
            self._result = integrity.integrity_problems_of(path)
        except Exception as exc:  # noqa: BLE001 - any failure reaches the caller's thread, never lost with this one
            self._error = exc

    def problems(self) -> list[str]:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result or []


def _above_the_file(db: Database) -> CheckReport:
    """Schema, audit chain and head, every row against the log, foreign keys, the search index."""
    applied = {m.name for m in schema.MIGRATIONS.applied(db)}
    pending = [m.name for m in schema.MIGRATIONS._migrations if m.name not in applied]
    schema_findings = [_finding(p.code, kind=SCHEMA_KINDS.get(p.kind, p.kind), name=p.name)
                       for p in schema_check.schema_problems(db.conn)]
    if schema_findings:   # rows and chain need the schema; a dropped table says enough
        return CheckReport(foreign_keys=integrity.foreign_key_problems(db), schema=schema_findings,
                           pending_migrations=pending, verdict=DAMAGED)
    if pending:   # an older register, checked as it is (never upgraded by check): its plain chain
        chain = audit_verify.verify_chain(db)
        report = CheckReport(foreign_keys=integrity.foreign_key_problems(db), audit_rows=chain.rows,
                             audit_broken_at=chain.broken_at, chain=_chain_findings(chain), pending_migrations=pending)
        return report if not (report.chain or report.foreign_keys) else CheckReport(
            **{**report.__dict__, "verdict": DAMAGED})
    chain = audit_verify.verify_chain(db)
    rows = audit_verify.verify_rows(db)
    missing, extra = integrity.fts_mismatch(db)
    search = [render("fts_missing", {"count": missing})] if missing else []
    search += [render("fts_extra", {"count": extra})] if extra else []
    report = CheckReport(foreign_keys=integrity.foreign_key_problems(db), search_index=search,
                         audit_rows=chain.rows, audit_broken_at=chain.broken_at, chain=_chain_findings(chain),
                         rows=[_row_finding(p) for p in rows.problems], scopes=rows.scopes)
    bad = report.foreign_keys or report.search_index or report.chain or report.rows
    return report if not bad else CheckReport(**{**report.__dict__, "verdict": DAMAGED})


def _chain_findings(chain: audit_verify.ChainReport) -> list[Finding]:
    out = []
    if chain.broken_at is not None:
        out.append(_finding(chain.broken_code, seq=chain.broken_at))
    if chain.deleted_tail:
        out.append(_finding("deleted_tail", seq=chain.deleted_tail[0], recorded_seq=chain.deleted_tail[1]))
    if chain.head:
        out.append(_finding(chain.head["code"], seq=chain.head["seq"], recorded_seq=chain.head["recorded_seq"]))
    if chain.unverifiable:
        out.append(_finding("unverifiable", count=chain.unverifiable, keys=", ".join(chain.missing_keys)))
    return out


def _row_finding(p: audit_verify.RowProblem) -> Finding:
    return _finding(p.code, tables=", ".join(p.tables), kind=SCOPE_KINDS.get(p.kind, p.kind), label=p.label,
                    id=p.key, seq=p.seq, action=p.action, at=p.at, scope=p.kind)


def check_file(path: Path | str, key: bytes | None = None) -> CheckReport:
    """Check the register file at ``path`` without writing to it.

    Raises DomainError for a file that is not this program's register (``check_not_register``
    verdict in the CLI); an empty or unreadable register is reported as damaged.
    """
    path = Path(path)
    try:
        db = open_for_check(path, key=key)
    except DomainError as error:
        if error.code in DAMAGED_CODES:
            return CheckReport(integrity=[error.message], verdict=DAMAGED)
        raise
    try:
        return check(db)
    except DomainError:
        raise
    except database_errors():   # SQLite refusing to read a page: the file is damaged
        return CheckReport(integrity=[render("db_damaged", {"path": str(path)})], verdict=DAMAGED)
    finally:
        db.conn.close()
