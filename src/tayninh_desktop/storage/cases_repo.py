"""Screening and removal cases with their steps; the facts entered about a member's decline; allotments."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.cases import (
    Case,
    CaseKind,
    CaseState,
    CaseStep,
    Outcome,
    RemovalForm,
    Step,
    VoteFigures,
    in_force,
)
from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.screening import Allotment, ReportedFact
from tayninh_desktop.storage.audit import now_iso

CASE_COLUMNS = ["id", "member_id", "kind", "form", "ground", "criterion", "sign_code", "sign_year", "evidence",
                "cell_id", "opened_on", "state", "outcome", "closed_on", "origin_id", "listed_on", "due_on",
                "helper_id", "decision_event_id", "discipline_id", "note"]
STEP_COLUMNS = ["id", "case_id", "step", "on_date", "seq", "level", "doc_number", "doc_date", "doc_issuer", "source",
                "text", "eligible", "present", "ballots", "yes", "no", "invalid", "passed", "helper_id", "document_id",
                "meeting_id", "corrects_id", "correction_reason"]
_SELECT_CASE = f"SELECT {', '.join(CASE_COLUMNS)} FROM cases"


def _case(row, recorded: tuple[CaseStep, ...] = ()) -> Case:
    v = dict(zip(CASE_COLUMNS, row))
    steps, history = in_force(recorded)
    return Case(id=v["id"], member_id=v["member_id"], kind=CaseKind(v["kind"]), opened_on=from_iso(v["opened_on"]),
                cell_id=v["cell_id"], form=RemovalForm(v["form"]) if v["form"] else None, ground=v["ground"],
                criterion=v["criterion"], sign_code=v["sign_code"], sign_year=v["sign_year"], evidence=v["evidence"],
                state=CaseState(v["state"]), outcome=Outcome(v["outcome"]), closed_on=from_iso(v["closed_on"]),
                origin_id=v["origin_id"], listed_on=from_iso(v["listed_on"]), due_on=from_iso(v["due_on"]),
                helper_id=v["helper_id"], decision_event_id=v["decision_event_id"],
                discipline_id=v["discipline_id"], note=v["note"], steps=steps,
                history=history if len(history) != len(steps) else ())


def _step(row) -> CaseStep:
    v = dict(zip(STEP_COLUMNS, row))
    vote = None
    if v["eligible"] is not None:
        vote = VoteFigures(v["eligible"], v["present"], v["ballots"], v["yes"], v["no"], v["invalid"])
    return CaseStep(id=v["id"], case_id=v["case_id"], step=Step(v["step"]), on=from_iso(v["on_date"]), seq=v["seq"],
                    level=v["level"], doc_number=v["doc_number"], doc_date=from_iso(v["doc_date"]),
                    doc_issuer=v["doc_issuer"], source=v["source"], text=v["text"], vote=vote,
                    passed=None if v["passed"] is None else bool(v["passed"]), helper_id=v["helper_id"],
                    document_id=v["document_id"], meeting_id=v["meeting_id"], corrects_id=v["corrects_id"],
                    correction_reason=v["correction_reason"])


def case_values(case: Case) -> list:
    return [case.id, case.member_id, case.kind.value, case.form.value if case.form else "", case.ground,
            case.criterion, case.sign_code, case.sign_year, case.evidence, case.cell_id, to_iso(case.opened_on),
            case.state.value, case.outcome.value, to_iso(case.closed_on), case.origin_id, to_iso(case.listed_on),
            to_iso(case.due_on), case.helper_id, case.decision_event_id, case.discipline_id, case.note]


def step_values(step: CaseStep) -> list:
    vote = step.vote
    figures = [vote.eligible, vote.present, vote.ballots, vote.yes, vote.no, vote.invalid] if vote else [None] * 6
    return [step.id, step.case_id, step.step.value, to_iso(step.on), step.seq, step.level, step.doc_number,
            to_iso(step.doc_date), step.doc_issuer, step.source, step.text, *figures,
            None if step.passed is None else int(step.passed), step.helper_id, step.document_id, step.meeting_id,
            step.corrects_id, step.correction_reason]


def insert_case(db: Database, case: Case) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}, created_at, updated_at)"
               f" VALUES ({', '.join('?' * (len(CASE_COLUMNS) + 2))})", [*case_values(case), stamp, stamp])


def insert_cases_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}, created_at, updated_at)"
                        f" VALUES ({', '.join('?' * (len(CASE_COLUMNS) + 2))})", rows)


def update_case(db: Database, case: Case) -> None:
    values = case_values(case)
    sets = ", ".join(f"{c} = ?" for c in CASE_COLUMNS[1:])
    db.execute(f"UPDATE cases SET {sets}, updated_at = ? WHERE id = ?", [*values[1:], now_iso(), case.id])


def insert_step(db: Database, step: CaseStep) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO case_steps ({', '.join(STEP_COLUMNS)}, created_at, updated_at)"
               f" VALUES ({', '.join('?' * (len(STEP_COLUMNS) + 2))})", [*step_values(step), stamp, stamp])


def insert_steps_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(f"INSERT INTO case_steps ({', '.join(STEP_COLUMNS)}, created_at, updated_at)"
                        f" VALUES ({', '.join('?' * (len(STEP_COLUMNS) + 2))})", rows)


def set_step_document(db: Database, step_id: str, document_id: str) -> None:
    db.execute("UPDATE case_steps SET document_id = ?, updated_at = ? WHERE id = ?", [document_id, now_iso(), step_id])


def next_seq(db: Database, case_id: str) -> int:
    return db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM case_steps WHERE case_id = ?", [case_id]).fetchone()[0]


def steps_of(db: Database, case_ids: list[str]) -> dict[str, tuple[CaseStep, ...]]:
    out: dict[str, list[CaseStep]] = {}
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        rows = db.execute(f"SELECT {', '.join(STEP_COLUMNS)} FROM case_steps"
                          f" WHERE case_id IN ({','.join('?' * len(chunk))}) ORDER BY case_id, seq, rowid", chunk)
        for row in rows:
            out.setdefault(row[1], []).append(_step(row))
    return {k: tuple(v) for k, v in out.items()}


def get(db: Database, case_id: str) -> Case | None:
    row = db.execute(_SELECT_CASE + " WHERE id = ?", [case_id]).fetchone()
    if row is None:
        return None
    return _case(row, steps_of(db, [case_id]).get(case_id, ()))


def open_case_of(db: Database, member_id: str, kind: CaseKind) -> Case | None:
    row = db.execute(_SELECT_CASE + " WHERE member_id = ? AND kind = ? AND state = ?",
                     [member_id, kind.value, CaseState.OPEN.value]).fetchone()
    return _case(row) if row else None


def cases_of_member(db: Database, member_id: str) -> list[Case]:
    rows = db.execute(_SELECT_CASE + " WHERE member_id = ? ORDER BY opened_on, created_at", [member_id]).fetchall()
    steps = steps_of(db, [r[0] for r in rows])
    return [_case(r, steps.get(r[0], ())) for r in rows]


def listing(db: Database, *, cell_id: str | None = None, kind: CaseKind | None = None,
            states: tuple[CaseState, ...] | None = None, with_steps: bool = True) -> list[Case]:
    """Cases in the order the members' names sort, newest first for one member."""
    sql = f"SELECT {', '.join('c.' + c for c in CASE_COLUMNS)} FROM cases c JOIN members m ON m.id = c.member_id"
    where, params = [], []
    if cell_id:
        where.append("c.cell_id = ?")
        params.append(cell_id)
    if kind:
        where.append("c.kind = ?")
        params.append(kind.value)
    if states:
        where.append(f"c.state IN ({','.join('?' * len(states))})")
        params += [s.value for s in states]
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.sort_key, c.opened_on DESC"
    rows = db.execute(sql, params).fetchall()
    steps = steps_of(db, [r[0] for r in rows]) if with_steps else {}
    return [_case(r, steps.get(r[0], ())) for r in rows]


def open_member_ids(db: Database) -> dict[str, list[tuple[str, str]]]:
    """member_id → [(kind, case id)] of the open cases (the screening run marks the signs already in a case)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for member_id, kind, case_id in db.execute("SELECT member_id, kind, id FROM cases WHERE state = ?",
                                               [CaseState.OPEN.value]):
        out.setdefault(member_id, []).append((kind, case_id))
    return out


def listed_on_help(db: Database, on: date) -> set[str]:
    """Members on the help list on ``on`` (voted onto it, not yet screened or withdrawn by then)."""
    day = to_iso(on)
    rows = db.execute("SELECT member_id FROM cases WHERE kind = ? AND listed_on IS NOT NULL AND listed_on <= ?"
                      " AND (closed_on IS NULL OR closed_on > ?)", [CaseKind.HELP.value, day, day])
    return {r[0] for r in rows}


def help_due(db: Database) -> list[tuple[str, str, str, str | None, str]]:
    """Open listed help cases: (case id, member id, due date, cell id, listed date)."""
    rows = db.execute("SELECT id, member_id, due_on, cell_id, listed_on FROM cases"
                      " WHERE state = 'dang_xu_ly' AND due_on IS NOT NULL ORDER BY due_on")
    return [tuple(r) for r in rows]


# The case steps in force after a day that decided on a member: a removal decision (for or against), or the cell's
# vote that put the member on the help list. Parameters: the decision step, the vote step, the help kind, the day.
_CLOSING_STEPS = ("FROM cases c JOIN case_steps s ON s.case_id = c.id"
                  " WHERE ((s.step = ? ) OR (s.step = ? AND s.passed = 1 AND c.kind = ?)) AND s.on_date > ?"
                  " AND NOT EXISTS (SELECT 1 FROM case_steps x WHERE x.corrects_id = s.id)")


def _closing_params(after: date) -> list:
    return [Step.DECISION.value, Step.VOTE.value, CaseKind.HELP.value, to_iso(after)]


def closing_cases(db: Database, member_ids: list[str], after: date) -> dict[str, tuple[str, str]]:
    """member → (date, document) of a case that decided on the member after ``after``: a removal decision (for or
    against), or the cell's vote that put the member on the help list."""
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        rows = db.execute(f"SELECT c.member_id, MIN(s.on_date), s.doc_number {_CLOSING_STEPS}"
                          f" AND c.member_id IN ({','.join('?' * len(chunk))}) GROUP BY c.member_id",
                          [*_closing_params(after), *chunk])
        out.update({r[0]: (r[1], r[2]) for r in rows})
    return out


def latest_closing_cases(db: Database, after: date) -> dict[str, str]:
    """member → the day of the latest case step after ``after`` that ``closing_cases`` counts, for every member."""
    return dict(db.execute(f"SELECT c.member_id, MAX(s.on_date) {_CLOSING_STEPS} GROUP BY c.member_id",
                           _closing_params(after)))


def steps_at_meeting(db: Database, meeting_id: str) -> list[tuple[str, CaseStep]]:
    """(member id, step) of the steps in force tied to a recorded meeting, in the order they were recorded."""
    rows = db.execute(f"SELECT c.member_id, {', '.join('s.' + c for c in STEP_COLUMNS)} FROM case_steps s"
                      " JOIN cases c ON c.id = s.case_id WHERE s.meeting_id = ?"
                      " AND NOT EXISTS (SELECT 1 FROM case_steps x WHERE x.corrects_id = s.id) ORDER BY s.rowid",
                      [meeting_id]).fetchall()
    return [(r[0], _step(r[1:])) for r in rows]


def case_for_event(db: Database, event_id: str) -> str | None:
    row = db.execute("SELECT id FROM cases WHERE decision_event_id = ?", [event_id]).fetchone()
    return row[0] if row else None


# --- facts entered about a member's decline ---------------------------------------------------------------

FACT_COLUMNS = ["id", "member_id", "kind", "source", "source_name", "reported_on", "doc_number", "text"]


def insert_fact(db: Database, fact: ReportedFact) -> None:
    stamp = now_iso()
    db.execute(f"INSERT INTO screening_facts ({', '.join(FACT_COLUMNS)}, created_at, updated_at)"
               f" VALUES ({', '.join('?' * (len(FACT_COLUMNS) + 2))})",
               [fact.id, fact.member_id, fact.kind, fact.source, fact.source_name, to_iso(fact.reported_on),
                fact.doc_number, fact.text, stamp, stamp])


def facts_between(db: Database, start: date, end: date, member_id: str | None = None) -> list[ReportedFact]:
    sql = f"SELECT {', '.join(FACT_COLUMNS)} FROM screening_facts WHERE reported_on BETWEEN ? AND ?"
    params: list = [to_iso(start), to_iso(end)]
    if member_id:
        sql += " AND member_id = ?"
        params.append(member_id)
    rows = db.execute(sql + " ORDER BY reported_on", params).fetchall()
    return [ReportedFact(r[0], r[1], r[2], r[3], r[4], from_iso(r[5]), r[6], r[7]) for r in rows]


# --- allotments ---------------------------------------------------------------------------------------------

def put_allotment(db: Database, allotment: Allotment, allotment_id: str) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO removal_allotments (id, unit_id, year, allotted, doc_number, doc_date, note, created_at,"
               " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, year) DO UPDATE SET"
               " allotted = excluded.allotted, doc_number = excluded.doc_number, doc_date = excluded.doc_date,"
               " note = excluded.note, updated_at = excluded.updated_at",
               [allotment_id, allotment.unit_id, allotment.year, allotment.allotted, allotment.doc_number,
                to_iso(allotment.doc_date), allotment.note, stamp, stamp])


def allotments(db: Database, year: int | None = None) -> list[Allotment]:
    sql = "SELECT unit_id, year, allotted, doc_number, doc_date, note FROM removal_allotments"
    rows = db.execute(sql + (" WHERE year = ?" if year else "") + " ORDER BY year, unit_id",
                      [year] if year else []).fetchall()
    return [Allotment(r[0], r[1], r[2], r[3], from_iso(r[4]), r[5]) for r in rows]
