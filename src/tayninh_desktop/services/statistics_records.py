"""User actions the official statistics need beyond the member history: figures typed in per period,
badges and party cards given to members, and the province scope of an official transfer."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.messages_register import EVENT_LABELS
from tayninh_desktop.domain.messages_statistics import AWARD_LABELS, TRANSFER_SCOPE_LABELS
from tayninh_desktop.domain.stats_forms import stat_form
from tayninh_desktop.domain.stats_period import parse_period, window_for
from tayninh_desktop.domain.stats_register import TRANSFER_KINDS
from tayninh_desktop.domain.validation import NOTES_MAX_LENGTH, before_joining_issue, length_issues
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import scope as cell_scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.services.returns_send import check_period_open
from tayninh_desktop.services.statistics import checked_period
from tayninh_desktop.storage import audit, events_repo, statistics_repo
from tayninh_desktop.storage.db import Database
from tayninh_desktop.storage.statistics_repo import AwardRecord, TypedFigure

MAX_TYPED_VALUE = 1_000_000    # more than the members of any province: a typo, not a figure
DOC_MAX_LENGTH = 60


def _typed_row(form_id: str, row_key: str):
    form = stat_form(form_id)
    try:
        row = form.row(row_key)
    except KeyError:
        raise DomainError("stats_row_not_found", form=form.code, row=row_key) from None
    if not row.typed:
        raise DomainError("stats_row_not_typed", form=form.code, row=row_key, keys=", ".join(form.typed_keys))
    return form, row


def set_typed(db: Database, actor: Actor, form_id: str, period_text: str, row_key: str, value: int | str,
              note: str = "", *, today: date | None = None) -> Changes:
    """Type the figure of a row the register cannot know, for the committee and a period."""
    actor.require(Permission.EDIT_REGISTER)
    cell_scope.require_committee(db, actor)
    form, _row = _typed_row(form_id, row_key)
    period = checked_period(form, period_text)
    window_for(period, today or date.today())
    check_period_open(db, period.code)   # a period sent to the superior is locked (issue 14)
    number = int(value) if isinstance(value, int) or str(value).strip().isdigit() else None
    issues = [] if number is not None and 0 <= number <= MAX_TYPED_VALUE else [
        FieldIssue("typed_value", "bad_typed_value", {"value": value, "high": f"{MAX_TYPED_VALUE:,}".replace(",", ".")})]
    issues += length_issues({"typed_note": nfc(note)}, {"typed_note": NOTES_MAX_LENGTH})
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        home = require_home(db)
        before = statistics_repo.get_typed(db, home.id, period.code, form.id, row_key)
        figure = TypedFigure(home.id, period.code, form.id, row_key, number, nfc(note), actor.name)
        statistics_repo.put_typed(db, figure)
        audit.append(db, actor.name, "set_statistics_typed", "statistics_typed",
                     f"{form.id}/{period.code}/{row_key}", {"value": before.value} if before else None,
                     {"value": number, "note": figure.note})
    return Changes(documents=True, note=f"{form.code} {row_key}")


def clear_typed(db: Database, actor: Actor, form_id: str, period_text: str, row_key: str) -> Changes:
    """Remove a typed figure (the row prints empty again, to be typed or written by hand)."""
    actor.require(Permission.EDIT_REGISTER)
    cell_scope.require_committee(db, actor)
    form, _row = _typed_row(form_id, row_key)
    period = checked_period(form, period_text)
    check_period_open(db, period.code)
    with db.atomic():
        home = require_home(db)
        before = statistics_repo.get_typed(db, home.id, period.code, form.id, row_key)
        if before is None:
            raise DomainError("stats_typed_not_found", form=form.code, row=row_key, period=period.code)
        statistics_repo.delete_typed(db, home.id, period.code, form.id, row_key)
        audit.append(db, actor.name, "clear_statistics_typed", "statistics_typed",
                     f"{form.id}/{period.code}/{row_key}", {"value": before.value, "note": before.note}, None)
    return Changes(documents=True)


def typed_figures(db: Database, period_text: str | None = None, form_id: str | None = None) -> list[TypedFigure]:
    """The figures typed for the committee (of a period, of a form)."""
    cell_scope.require_committee(db)   # the committee's figures, not a cell secretary's
    home = require_home(db)
    form = stat_form(form_id) if form_id else None
    period = None
    if period_text:
        period = checked_period(form, period_text) if form else parse_period(period_text)
    return statistics_repo.typed_listing(db, home.id, period.code if period else None, form.id if form else None)


# -- badges and cards ------------------------------------------------------------------------------

def badge_years() -> tuple[int, ...]:
    """The Huy hiệu Đảng levels Biểu 7 counts (30, 40, 45 … 90 years)."""
    return tuple(int(r.key.split(".")[1]) for r in stat_form("bieu_7").rows
                 if r.key.startswith("II.") and r.key.split(".")[1].isdigit())


def _award_issues(kind: str, years: int | None, on: date, today: date, doc_number: str,
                  notes: str) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if kind not in AWARD_LABELS:
        issues.append(FieldIssue("award_kind", "bad_award_kind", {"value": kind}))
    elif kind == "huy_hieu" and years not in badge_years():
        issues.append(FieldIssue("badge_years", "bad_badge_years",
                                 {"value": years, "allowed": ", ".join(map(str, badge_years()))}))
    elif kind != "huy_hieu" and years is not None:
        issues.append(FieldIssue("badge_years", "badge_years_only_for_badges"))
    if on > today:
        issues.append(FieldIssue("awarded_on", "date_in_future", {"value": format_vn_date(on)}))
    issues += length_issues({"award_doc": doc_number, "notes": notes},
                            {"award_doc": DOC_MAX_LENGTH, "notes": NOTES_MAX_LENGTH})
    return issues


def record_award(db: Database, actor: Actor, member_id: str, kind: str, awarded_on: date, *,
                 years: int | None = None, doc_number: str = "", notes: str = "",
                 today: date | None = None) -> tuple[str, Changes]:
    """Record a Huy hiệu Đảng (``years``) or a party card given (the_moi, the_cap_lai, the_doi)."""
    actor.require(Permission.EDIT_REGISTER)
    cell_scope.require_member(db, member_id, actor)
    doc_number, notes = nfc(doc_number), nfc(notes)
    issues = _award_issues(kind, years, awarded_on, today or date.today(), doc_number, notes)
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        member = require_member(db, member_id)
        _check_against_member(db, member, kind, years, awarded_on)
        record = AwardRecord(new_id(), member.id, kind, awarded_on, years, doc_number, notes)
        statistics_repo.insert_award(db, record)
        audit.append(db, actor.name, "record_award", "member", member.id, None,
                     {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(record).items()})
    return record.id, Changes(members=True, member_ids=(member.id,), note=AWARD_LABELS[kind])


def _check_against_member(db: Database, member, kind: str, years: int | None, on: date) -> None:
    early = before_joining_issue("awarded_on", on, member.joined_on, member.full_name)
    if early:
        raise ValidationError([early])
    if kind == "huy_hieu" and member.joined_on.year + years > on.year:
        raise ValidationError([FieldIssue("badge_years", "badge_years_not_reached", {
            "joined": format_vn_date(member.joined_on), "on": format_vn_date(on), "years": years})])
    for other in statistics_repo.awards_listing(db, member_id=member.id):
        same = other.kind == kind and (other.badge_years == years if kind == "huy_hieu" else other.awarded_on == on)
        if same:
            what = f"Huy hiệu {years} năm tuổi Đảng" if kind == "huy_hieu" else AWARD_LABELS[kind]
            raise DomainError("award_duplicate", what=what, on=format_vn_date(other.awarded_on))


def delete_award(db: Database, actor: Actor, award_id: str) -> Changes:
    """Remove a badge or card recorded by mistake."""
    actor.require(Permission.EDIT_REGISTER)
    cell_scope.require_record(db, "member_awards", award_id, actor)
    with db.atomic():
        record = statistics_repo.get_award(db, award_id)
        if record is None:
            raise DomainError("award_not_found")
        statistics_repo.delete_award(db, award_id)
        audit.append(db, actor.name, "delete_award", "member", record.member_id,
                     {"kind": record.kind, "years": record.badge_years, "on": record.awarded_on.isoformat()}, None)
    return Changes(members=True, member_ids=(record.member_id,))


def awards(db: Database, *, member_id: str | None = None, period_text: str | None = None) -> list[AwardRecord]:
    """Badges and cards recorded (of a member, within a period)."""
    period = parse_period(period_text) if period_text else None
    return statistics_repo.awards_listing(db, member_id=member_id, start=period.start if period else None,
                                          end=period.end if period else None)


# -- transfers ---------------------------------------------------------------------------------------

def set_transfer_scope(db: Database, actor: Actor, event_id: str, scope: str) -> Changes:
    """Say whether an official transfer in or out crossed the province boundary (Biểu 1, B.2 and C.5)."""
    actor.require(Permission.EDIT_REGISTER)
    cell_scope.require_record(db, "member_events", event_id, actor)
    if scope not in TRANSFER_SCOPE_LABELS:
        raise ValidationError([FieldIssue("transfer_scope", "bad_transfer_scope", {"value": scope})])
    with db.atomic():
        event = events_repo.get_event(db, event_id)
        if event is None:
            raise DomainError("stats_event_not_found", event_id=event_id)
        if event.kind.value not in TRANSFER_KINDS:
            raise DomainError("stats_event_not_transfer", event=EVENT_LABELS.get(event.kind.value, event.kind.value))
        before = statistics_repo.set_transfer_scope(db, event_id, scope)
        audit.append(db, actor.name, "set_transfer_scope", "member", event.member_id,
                     {"event": event_id, "scope": before}, {"event": event_id, "scope": scope})
    return Changes(history=True, member_ids=(event.member_id,))


@dataclass(frozen=True)
class TransferLine:
    event_id: str
    member_name: str
    kind: str
    day: date
    place: str
    issuer: str
    scope: str | None
    recorded: bool            # the scope was recorded by the office (not read from the place)


def transfers(db: Database, period_text: str) -> list[TransferLine]:
    """The official transfers in and out of a period, with the scope Biểu 1 counts them under."""
    from tayninh_desktop.domain.stats_register import transfer_scope
    from tayninh_desktop.services.statistics import home_province

    cell_scope.require_committee(db)   # the committee's figures, not a cell secretary's
    period = parse_period(period_text)
    province = home_province(db, require_home(db))
    out = []
    for event_id, name, kind, day, place, issuer, recorded in statistics_repo.transfer_events(db, period.start,
                                                                                              period.end):
        scope = recorded or transfer_scope(place, issuer, province)
        out.append(TransferLine(event_id, name, kind, date.fromisoformat(day), place, issuer,
                                str(scope) if scope else None, recorded is not None))
    return out
