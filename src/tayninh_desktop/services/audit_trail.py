"""The audit trail on screen: the log filtered by person, kind of action, member and dates, in words; its
export to Excel; the integrity check run from the window.

Reading the log is the administrator's and the office's (``Permission.READ_AUDIT``): it holds the before
and after of every change, household circumstances included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from tayninh_desktop.domain import audit_words
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.audit_words import ChangeLine
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import audit_query
from tayninh_desktop.storage.db import Database

LIMIT = 1000
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ENTITY_LABELS = {"member": "Đảng viên", "unit": "Tổ chức đảng", "meeting": "Buổi sinh hoạt", "document": "Văn bản",
                 "account": "Tài khoản", "register": "Sổ", "setting": "Thiết lập", "settings": "Thiết lập",
                 "fund_entries": "Quỹ hỗ trợ", "support_applications": "Đơn đề nghị hỗ trợ"}


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None        # an action code, or a family ending with ":" ("event:")
    member_id: str | None = None
    start: date | None = None
    end: date | None = None          # included


@dataclass(frozen=True)
class AuditLine:
    seq: int
    when: str            # dd/mm/yyyy HH:MM, local time
    actor: str
    action: str
    action_label: str
    subject: str         # who or what the entry is about, in words
    changes: tuple[ChangeLine, ...]

    @property
    def changes_text(self) -> str:
        return audit_words.changes_text(list(self.changes))


def _utc(day: date) -> str:
    """Local midnight of ``day`` as the log stores times (UTC, ISO)."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).isoformat(timespec="seconds")


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at
    return f"{format_vn_date(moment.date())} {moment:%H:%M}"


def _range(filt: AuditFilter) -> tuple[str | None, str | None]:
    if filt.start and filt.end and filt.start > filt.end:
        raise DomainError("audit_bad_range", start=format_vn_date(filt.start), end=format_vn_date(filt.end))
    return (_utc(filt.start) if filt.start else None, _utc(filt.end + timedelta(days=1)) if filt.end else None)


def entries(db: Database, actor: Actor, filt: AuditFilter = AuditFilter(), limit: int = LIMIT) -> list[AuditLine]:
    """The entries matching the filter, newest first, at most ``limit``."""
    actor.require(Permission.READ_AUDIT)
    start, end = _range(filt)
    found = audit_query.search(db, user=filt.user, action=filt.action, member_id=filt.member_id, start=start,
                               end=end, limit=limit)
    ids = {e.entity_id for e in found if e.entity_id}
    for entry in found:
        for snapshot in (entry.before, entry.after):
            ids.update(_ids_in(snapshot))
    names = audit_query.names_of(db, ids)

    def name(key: str, value: str) -> str | None:
        return names.get(value) if _UUID.match(value) else None

    return [AuditLine(e.seq, _when(e.at), e.actor, e.action, audit_words.action_label(e.action),
                      _subject(e.entity, e.entity_id, names), tuple(audit_words.changes(e.before, e.after, name)))
            for e in found]


def _ids_in(snapshot: dict | None) -> set[str]:
    out: set[str] = set()
    for value in (snapshot or {}).values():
        if isinstance(value, str) and _UUID.match(value):
            out.add(value)
        elif isinstance(value, dict):
            out |= _ids_in(value)
    return out


def _subject(entity: str, entity_id: str | None, names: dict[str, str]) -> str:
    label = ENTITY_LABELS.get(entity, entity)
    if not entity_id:
        return label
    named = names.get(entity_id)
    return f"{label}: {named}" if named else label


def count(db: Database, actor: Actor, filt: AuditFilter = AuditFilter()) -> int:
    actor.require(Permission.READ_AUDIT)
    start, end = _range(filt)
    return audit_query.count(db, user=filt.user, action=filt.action, member_id=filt.member_id, start=start, end=end)


def users(db: Database, actor: Actor) -> list[str]:
    actor.require(Permission.READ_AUDIT)
    return audit_query.actors(db)


def kinds(db: Database, actor: Actor) -> list[tuple[str, str]]:
    """The kinds of action the log holds, as (code, label), by label; every event as one kind."""
    actor.require(Permission.READ_AUDIT)
    codes = {("event:" if a.startswith("event:") else a) for a in audit_query.actions(db)}
    labels = {c: ("Ghi sự kiện (mọi loại)" if c == "event:" else audit_words.action_label(c)) for c in codes}
    return sorted(labels.items(), key=lambda item: item[1])


def export(db: Database, actor: Actor, out: Path | str, filt: AuditFilter = AuditFilter()) -> tuple[Path, int]:
    """The filtered entries to an Excel file (written atomically; it holds personal data in plain form)."""
    from tayninh_desktop.spreadsheets.audit_export import write_audit

    lines = entries(db, actor, filt, limit=100_000)
    rows = [[line.seq, line.when, line.actor, line.action_label, line.subject, line.changes_text] for line in lines]
    subtitle = _filter_words(filt)
    return write_audit(Path(out), subtitle, rows), len(rows)


def _filter_words(filt: AuditFilter) -> str:
    parts = []
    if filt.user:
        parts.append(f"người thực hiện: {filt.user}")
    if filt.action:
        kind = "ghi sự kiện" if filt.action == "event:" else audit_words.action_label(filt.action)
        parts.append(f"loại việc: {kind}")
    if filt.start or filt.end:
        parts.append(f"từ {format_vn_date(filt.start) if filt.start else '…'} đến "
                     f"{format_vn_date(filt.end) if filt.end else '…'}")
    return "Lọc theo " + "; ".join(parts) if parts else "Toàn bộ nhật ký"


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: list[str]      # the findings in words, or what was found sound


def run_check(db: Database, actor: Actor) -> CheckResult:
    """The integrity check of the open register (read-only), in words for the window."""
    from tayninh_desktop.services.integrity import check_file

    actor.require(Permission.READ_AUDIT)
    report = check_file(db.path_text, key=getattr(db, "cipher_key", None))
    lines: list[str] = list(report.integrity)
    lines += [f"Khóa ngoại: {text}" for text in report.foreign_keys]
    lines += [f"Chỉ mục tìm kiếm: {text}" for text in report.search_index]
    lines += [f.message for f in report.findings()]
    if report.pending_migrations:
        lines.append("Sổ chưa được nâng cấp: " + ", ".join(report.pending_migrations))
    if not lines:
        lines = [(f"Cơ sở dữ liệu toàn vẹn; nhật ký {report.audit_rows} dòng, chuỗi băm nguyên vẹn; "
                  f"{report.scopes} nhóm dữ liệu khớp với nhật ký.")]
    return CheckResult(report.ok, lines)
