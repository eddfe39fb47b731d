"""Screening a year (read-only): the detectors in force over the register's facts → signs with their evidence.

The detectors are the shipped ``detectors_*.toml`` files and the office's own files in the data folder's ``rules``
directory; a file that does not load is set aside (only its detectors are missing) and reported with the run. A sign
never changes anything; a ground reached in an earlier year stays a sign until a case decides it (the decisions are
found through ``warnings_repo.closing_decisions``, the same hook the early warnings use).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from tayninh_desktop import config
from tayninh_desktop.domain.dates import YEAR_MIN, add_months, check_year, format_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.messages_party_life import DISCIPLINE_LABELS
from tayninh_desktop.domain.messages_register import os_reason
from tayninh_desktop.domain.rules import RULES_PACKAGE, add_working_days
from tayninh_desktop.domain.screening import (
    HelpDue,
    MemberRef,
    ProbationOnDay,
    ScreeningFacts,
    Sign,
    detect,
    find_reoffences,
)
from tayninh_desktop.domain.screening_rules import (
    DETECTOR_FILE_GLOB,
    DetectorSet,
    Level,
    Measure,
    RuleFileProblem,
    load_detectors,
)
from tayninh_desktop.services import scope
from tayninh_desktop.services.party_life import cell_names, rules, today_or
from tayninh_desktop.services.settings_party_life import thematic_absence_counts
from tayninh_desktop.services.work_calendar import calendar_for
from tayninh_desktop.storage import (
    cases_repo,
    dues_repo,
    meetings_repo,
    ratings_repo,
    screening_repo,
    warnings_repo,
)
from tayninh_desktop.storage.db import Database

OFFICE_RULES_FOLDER = "rules"
_loaded: dict[tuple, DetectorSet] = {}


def office_rules_folder() -> Path:
    """Where an office puts its own detector files (``…/tayninh-desktop/rules``)."""
    return config.data_dir() / OFFICE_RULES_FOLDER


def _files(folder: Path | None) -> tuple[list[tuple[str, str, bool]], list[RuleFileProblem]]:
    """The detector files' texts (shipped first), and the office's files that cannot be read at all."""
    shipped = resources.files(RULES_PACKAGE)
    files = [(entry.name, entry.read_text(encoding="utf-8"), False)
             for entry in sorted(shipped.iterdir(), key=lambda e: e.name)
             if entry.name.startswith("detectors_") and entry.name.endswith(".toml")]
    unreadable = []
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob(DETECTOR_FILE_GLOB)):
            try:
                files.append((path.name, path.read_text(encoding="utf-8"), True))
            except UnicodeDecodeError:
                unreadable.append(RuleFileProblem(path.name, render("rule_bad_toml", {
                    "file": path.name, "reason": "không phải văn bản UTF-8"}), (), True))
            except OSError as exc:
                unreadable.append(RuleFileProblem(path.name, render("rule_bad_toml", {
                    "file": path.name, "reason": os_reason(exc)}), (), True))
    return files, unreadable


def _signature(folder: Path) -> tuple:
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob(DETECTOR_FILE_GLOB)))
    except OSError:
        return ()


def detectors(folder: Path | None = None) -> DetectorSet:
    """The detectors that load (shipped, then the office's) and the files set aside; read again when the office's
    folder changes."""
    folder = office_rules_folder() if folder is None else folder
    key = (str(folder), _signature(folder))
    found = _loaded.get(key)
    if found is None:
        _loaded.clear()
        files, unreadable = _files(folder)
        loaded = load_detectors(files)
        found = _loaded[key] = DetectorSet(loaded.detectors, loaded.problems + tuple(unreadable))
    return found


@dataclass(frozen=True)
class ScreeningRun:
    """The signs of a year (one cell or the committee), the open cases of their members, the files set aside."""

    year: int
    as_of: date
    cell_id: str | None
    signs: list[Sign]
    open_cases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    detector_set: DetectorSet = field(default_factory=DetectorSet)

    @property
    def members(self) -> int:
        return len({s.member_id for s in self.signs})


def check_screening_year(year: int, today: date) -> None:
    check_year(year, "screening_year")
    if year > today.year:
        raise ValidationError([FieldIssue("screening_year", "screening_bad_year", {"value": year})])


def run(db: Database, year: int, *, cell_id: str | None = None, today: date | None = None,
        folder: Path | None = None) -> ScreeningRun:
    """Every sign of ``year`` (the register as it stood on 31/12, or today for this year); a cell secretary's
    session sees their cell's (asking for another cell is refused)."""
    cell_id = scope.cell_filter(db, cell_id)
    today = today_or(today)
    check_screening_year(year, today)
    as_of = min(today, date(year, 12, 31))
    found = detectors(folder)
    in_force = found.in_force(as_of)
    facts = collect_facts(db, year, as_of, in_force, found, cell_id)
    signs = detect(in_force, facts, found.in_force)
    return ScreeningRun(year, as_of, cell_id, signs, cases_repo.open_member_ids(db), found)


def run_in(db: Database, db_path: str, year: int, *, today: date | None = None) -> ScreeningRun:
    """``run`` through a connection of its own when the register is a file (the window screens on its worker, and
    the window's connection may write meanwhile)."""
    if not db_path:
        return run(db, year, today=today)
    from tayninh_desktop.storage.db import connect

    own = connect(Path(db_path))
    try:
        return run(own, year, today=today)
    finally:
        own.conn.close()


def _months_by_year(by_member: dict[str, list[str]]) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = {}
    for member_id, months in by_member.items():
        for month in months:
            out.setdefault(int(month[:4]), {}).setdefault(member_id, []).append(month)
    return out


def _open_grounds(db: Database, by_member: dict[str, list[str]], found: DetectorSet,
                  measure: Measure) -> dict[int, dict[str, list[str]]]:
    """Earlier years' months per member, only where a carried ground is reached and no decision closed it."""
    out = {}
    for year, members in _months_by_year(by_member).items():
        grounds = [d for d in found.in_force(date(year, 12, 31))
                   if d.measure is measure and d.level is Level.GROUND and d.get("carry_over")]
        reached = {m: months for m, months in members.items() if any(d.matches(len(months)) for d in grounds)}
        if not reached:
            continue
        closed = warnings_repo.closing_decisions(db, list(reached), date(year, 1, 1))
        out[year] = {m: months for m, months in reached.items() if m not in closed}
    return out


def _split_years(db: Database, by_member: dict[str, list[str]], year: int, found: DetectorSet,
                 measure: Measure) -> tuple[dict[str, list[str]], dict[int, dict[str, list[str]]]]:
    """(this year's months per member, the open grounds of the earlier years); later months are not read."""
    first, last = f"{year}-01", f"{year}-12"
    this = {m: [x for x in ms if first <= x <= last] for m, ms in by_member.items()}
    earlier = {m: [x for x in ms if x < first] for m, ms in by_member.items()}
    return ({m: ms for m, ms in this.items() if ms},
            _open_grounds(db, {m: ms for m, ms in earlier.items() if ms}, found, measure))


def _incomplete_runs(db: Database, year: int) -> dict[str, tuple[int, ...]]:
    """The run of consecutive "không hoàn thành" years ending in ``year`` or the year before."""
    runs = {}
    for member_id, years in ratings_repo.incomplete_years(db).items():
        years = [y for y in years if y <= year]
        if not years or years[-1] < year - 1:
            continue
        run = [years[-1]]
        for earlier in reversed(years[:-1]):
            if earlier != run[-1] - 1:
                break
            run.append(earlier)
        runs[member_id] = tuple(sorted(run))
    return runs


def _describe_discipline(record) -> str:
    label = DISCIPLINE_LABELS.get(record.form.value, record.form.value).lower()
    doc = f" ({record.doc_number})" if record.doc_number else ""
    return f"kỷ luật {label} ngày {format_vn_date(record.decided_on)}{doc}"


def _probation(db: Database, as_of: date, cell_id: str | None) -> list[ProbationOnDay]:
    book = rules()
    calendar = calendar_for(as_of.year - 2, as_of.year + 1, book)
    review_by: dict[tuple[date, int], date] = {}   # members admitted the same day share their deadline
    out = []
    for member_id, start in screening_repo.probationary_on(db, as_of, cell_id):
        rule = book.on("probation", start)
        due = add_months(start, rule["months"])
        key = (due, rule["review_working_days"])
        if key not in review_by:
            review_by[key] = add_working_days(due, rule["review_working_days"], calendar)
        out.append(ProbationOnDay(member_id, start, due, review_by[key]))
    return out


def collect_facts(db: Database, year: int, as_of: date, in_force, found: DetectorSet,
                  cell_id: str | None) -> ScreeningFacts:
    """Read only what the detectors in force need, then the members (names, cells) of the candidates."""
    measures = {d.measure for d in in_force}
    every = {d.measure for d in found.detectors}   # earlier years' grounds may need a measure not in force now
    start = date(year, 1, 1)
    facts = ScreeningFacts(year, as_of, {})
    if Measure.ABSENT_MONTHS in every:
        kinds = ("thuong_ky", "chuyen_de") if thematic_absence_counts(db) else ("thuong_ky",)
        absences = meetings_repo.unexcused_months(db, date(YEAR_MIN, 1, 1), as_of, kinds=kinds)
        facts.absent, facts.earlier_absent = _split_years(db, absences, year, found, Measure.ABSENT_MONTHS)
    if Measure.UNPAID_MONTHS in every:
        unpaid = dues_repo.unpaid_months(db, f"{YEAR_MIN}-01", as_of.strftime("%Y-%m"))
        facts.unpaid, facts.earlier_unpaid = _split_years(db, unpaid, year, found, Measure.UNPAID_MONTHS)
    if Measure.INCOMPLETE_YEARS in measures:
        facts.incomplete = _incomplete_runs(db, year)
    reported = cases_repo.facts_between(db, start, as_of)
    if Measure.REPORTED in measures:
        facts.reported = reported
    if Measure.REOFFENDED in measures:
        ids = screening_repo.disciplined_members(db)
        ids += screening_repo.members_with_discipline(db, [f.member_id for f in reported if f.kind == "vi_pham"])
        records = ratings_repo.discipline_of_many(db, sorted(set(ids)))
        facts.reoffences = find_reoffences(records, reported, start, as_of, _describe_discipline)
    if measures & {Measure.AWAY_OVERDUE, Measure.AWAY_NO_CONTACT}:
        facts.away = screening_repo.away_on(db, as_of, cell_id)
    if Measure.HELP_OVERDUE in measures:
        facts.help_due = [HelpDue(c, m, date.fromisoformat(listed), date.fromisoformat(due))
                          for c, m, due, _cell, listed in cases_repo.help_due(db)]
    if Measure.PROBATION_OVERDUE in measures:
        facts.probation = _probation(db, as_of, cell_id)
    facts.members = _members(db, facts, as_of, cell_id)
    return facts


def _members(db: Database, facts: ScreeningFacts, as_of: date, cell_id: str | None) -> dict[str, MemberRef]:
    ids = set(facts.absent) | set(facts.unpaid) | set(facts.incomplete)
    for earlier in (*facts.earlier_absent.values(), *facts.earlier_unpaid.values()):
        ids |= set(earlier)
    ids |= {f.member_id for f in facts.reoffences} | {f.member_id for f in facts.away}
    ids |= {f.member_id for f in facts.help_due} | {f.member_id for f in facts.probation}
    ids |= {f.member_id for f in facts.reported}
    names = cell_names(db)
    return {m: MemberRef(m, name, cell, names.get(cell or "", ""))
            for m, name, cell in screening_repo.refs_on(db, sorted(ids), as_of, cell_id)}


def sign_as_dict(sign: Sign, open_cases: dict[str, list[tuple[str, str]]]) -> dict:
    """The JSON shape of a sign (CLI, returns)."""
    data = dict(vars(sign))
    data["level"] = sign.level.value
    data["measure"] = sign.measure.value
    data["data"] = dict(sign.data)
    data["open_cases"] = [{"kind": kind, "id": case_id} for kind, case_id in open_cases.get(sign.member_id, [])]
    return data
