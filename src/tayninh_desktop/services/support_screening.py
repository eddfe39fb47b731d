"""Finding and telling: the screening of the register for members who may be eligible for the support, the
record that each was told of the policy, and the policy presented at a cell meeting.

The survey behind Kế hoạch 90-KH/TU missed the real beneficiaries and members did not know the policy; so
the screening lists, besides the members whose circumstances fit the plan, those with a loan of an eligible
programme whose circumstances are not recorded, and those not surveyed at all, each with what is missing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from tayninh_desktop.domain import assistance_forms as forms
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import (
    Discharged,
    Household,
    HouseholdClass,
    Outreach,
    ScreenBasis,
)
from tayninh_desktop.domain.assistance_calc import ScreenFacts, screen
from tayninh_desktop.domain.assistance_reference import SupportPlan
from tayninh_desktop.domain.dates import format_vn_date, from_iso
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.messages_support import HOUSEHOLD_LABELS, MISSING_LABELS
from tayninh_desktop.services import scope, support_reference
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.lookups import require_member
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.services.party_life import cell_names
from tayninh_desktop.storage import audit, support_repo, support_screen_repo
from tayninh_desktop.storage.db import Database

# Members the committee answers for: on its register, whatever their activity (members only in temporary
# party life here belong to another committee's register).
SCREENED_STATUSES = tuple(s.value for s in (MemberStatus.PROBATIONARY, MemberStatus.FULL, MemberStatus.EXEMPTED,
                                            MemberStatus.AWAY, MemberStatus.TEMP_OUT))


class ScreenLine(NamedTuple):
    """One member of the screening list (a named tuple: the list may hold 100,000)."""

    member_id: str
    full_name: str
    cell_id: str
    cell_name: str
    status: str
    basis: ScreenBasis | None      # None: circumstances known and outside the plan (listed only for ``everyone``)
    categories: tuple[str, ...]
    missing: tuple[str, ...]     # sentences: what is still to be found out
    loans: int
    told_on: date | None

    @property
    def told(self) -> bool:
        return self.told_on is not None


@dataclass(frozen=True)
class ScreenResult:
    day: date
    plan: SupportPlan
    lines: list[ScreenLine]

    def counts(self) -> dict[str, int]:
        listed = [line for line in self.lines if line.basis is not None]
        by_basis = Counter(line.basis.value for line in listed)
        return {"screened": len(listed), "told": sum(line.told for line in listed),
                **{basis.value: by_basis.get(basis.value, 0) for basis in ScreenBasis}}


def _facts(key: tuple, year: int) -> ScreenFacts:
    """The facts of a row, from its key (classification, discharged, has certificate, has loan)."""
    classification, discharged, certified, loans = key[:4]
    household = None if classification is None else Household(
        member_id="", year=year, classification=HouseholdClass(classification),
        certificate_number="x" if certified else "", discharged=Discharged(discharged))
    return ScreenFacts(household, int(loans), None)


def _missing(codes: tuple[str, ...], year: int, earlier: tuple[int, str, str] | None) -> tuple[str, ...]:
    out = []
    for code in codes:
        text = MISSING_LABELS[code].format(year=year)
        if code == "hoan_canh" and earlier:
            text += f" (năm {earlier[0]}: {HOUSEHOLD_LABELS[earlier[1]].lower()})"
        out.append(text)
    return tuple(out)


class _Verdicts:
    """The verdicts and sentences of a screening, computed once per kind of member: a register has few kinds
    (most members: nothing recorded, no loan) and 100,000 members."""

    def __init__(self, plan: SupportPlan, year: int, poverty) -> None:
        self.plan, self.year, self.poverty = plan, year, poverty
        self.verdicts: dict[tuple, tuple] = {}
        self.texts: dict[tuple, tuple[str, ...]] = {}

    def of(self, row: tuple, earlier: tuple[int, str, str] | None) -> tuple:
        """(basis, categories, missing sentences) of a screening row."""
        income = row[7]
        hint = self.poverty is not None and income is not None and income <= self.poverty.average_max(bool(row[8]))
        key = (row[4], row[5] or "", bool(row[6]), bool(row[9]), hint)
        found = self.verdicts.get(key)
        if found is None:
            verdict = screen(self.plan, _facts(key, self.year), hint)
            found = self.verdicts[key] = (verdict.basis, tuple(c.value for c in verdict.categories), verdict.missing)
        basis, categories, codes = found
        if earlier is not None and "hoan_canh" in codes:
            return basis, categories, _missing(codes, self.year, earlier)
        texts = self.texts.get(codes)
        if texts is None:
            texts = self.texts[codes] = _missing(codes, self.year, None)
        return basis, categories, texts


def run_screen(db: Database, actor: Actor, on: date | None = None, *, cell_id: str | None = None,
               everyone: bool = False) -> ScreenResult:
    """The members who may be eligible on ``on`` (today), in list order, with the basis, what is missing and
    whether they were told of the policy (``everyone``: the other members too, without a basis)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    cell_id = scope.cell_filter(db, cell_id, actor)   # a cell secretary: their cell only
    day = on or date.today()
    plan = support_reference.plan_on(db, day, "on")
    ref = support_reference.book(db)
    rows = support_screen_repo.screen_rows(db, day, SCREENED_STATUSES, tuple(sorted(ref.production_codes())),
                                           cell_id)
    earlier = support_screen_repo.earlier_households(db, day.year)
    names = cell_names(db)
    verdicts = _Verdicts(plan, day.year, ref.poverty_line_on(day))
    lines: list[ScreenLine] = []
    for row in rows:
        basis, categories, missing = verdicts.of(row, earlier.get(row[0]))
        if basis is None and not everyone:
            continue
        lines.append(ScreenLine(row[0], row[1], row[2], names.get(row[2], ""), row[3], basis, categories, missing,
                                row[9], from_iso(row[10]) if row[10] else None))
    return ScreenResult(day, plan, lines)


@dataclass(frozen=True)
class CellCount:
    """Per cell: members who may be eligible and were not told, and members not yet surveyed (nor told)."""

    cell_id: str
    cell_name: str
    untold_eligible: int
    untold_unknown: int


def untold_by_cell(result: ScreenResult) -> list[CellCount]:
    """The home page's figures: per cell, possibly eligible members not told (by category or loan) and members
    whose circumstances are unknown and who were not told either."""
    eligible: Counter = Counter()
    unknown: Counter = Counter()
    names: dict[str, str] = {}
    for line in result.lines:
        names[line.cell_id] = line.cell_name
        if line.told or line.basis is None:
            continue
        (unknown if line.basis is ScreenBasis.UNKNOWN else eligible)[line.cell_id] += 1
    return sorted((CellCount(cid, names[cid], eligible[cid], unknown[cid]) for cid in names
                   if eligible[cid] or unknown[cid]), key=lambda c: (-c.untold_eligible, c.cell_name))


def untold_counts(db: Database, actor: Actor, on: date | None = None) -> list[CellCount]:
    return untold_by_cell(run_screen(db, actor, on))


def untold_counts_in(db: Database, db_path: str, actor: Actor, on: date | None = None) -> list[CellCount]:
    """The same, through a connection of its own when the register is a file (the home page computes it on
    the worker thread, as the warnings)."""
    if not db_path:
        return untold_counts(db, actor, on)
    from tayninh_desktop.storage.db import connect_like

    own = connect_like(db)
    try:
        return untold_counts(own, actor, on)
    finally:
        own.conn.close()


# -- telling ------------------------------------------------------------------------------------------------

def outreach_of(db: Database, actor: Actor, member_id: str) -> list[Outreach]:
    actor.require(Permission.READ)
    scope.require_member(db, member_id, actor)
    return support_repo.outreach_of(db, member_id)


def record_told(db: Database, actor: Actor, member_id: str, form: dict, *, today: date | None = None
                ) -> tuple[str, Changes]:
    """Record that a member was told of the support policy: on which day, by whom, how."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_member(db, member_id, actor)
    today = today or date.today()
    values = forms.outreach(form, today)
    with db.atomic():
        member = require_member(db, member_id)
        if values["told_on"] < member.joined_on:
            raise ValidationError([FieldIssue("told_on", "told_before_joining", {
                "value": format_vn_date(values["told_on"]), "name": member.full_name,
                "joined": format_vn_date(member.joined_on)})])
        for other in support_repo.outreach_of(db, member.id):
            if other.told_on == values["told_on"] and other.how.casefold() == values["how"].casefold():
                raise ValidationError([FieldIssue("told_on", "told_duplicate", {
                    "name": member.full_name, "value": format_vn_date(other.told_on), "how": other.how})])
        record = Outreach(member_id=member.id, id=new_id(), told_by=values["told_by"] or actor.name,
                          told_on=values["told_on"], how=values["how"], notes=values["notes"])
        support_repo.insert_outreach_many(db, [support_repo.outreach_values(record, require_home(db).id,
                                                                            audit.now_iso())])
        audit.append(db, actor.name, "record_told", "support_outreach", record.id, None, {
            "member_id": member.id, "told_on": record.told_on.isoformat(), "told_by": record.told_by,
            "how": record.how})
    return record.id, Changes(support=True, member_ids=(member.id,))
