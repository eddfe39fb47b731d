"""A unit that receives returns sends its own upward: the accepted returns of a period added up (consolidated).

The figures are the sum of the reporting units' accepted revisions (each form summed, then checked by the same
rules; an error blocks, each warning needs an explanation); the member-level changes are the units' changes, each
marked with its unit; the Đề án 03 years and the support figures are summed, and each unit's own figures travel
beside them. The package names the units and revisions it was made from. It is sealed and written exactly as a
unit's own return (``returns_send``): same lock, same revisions, same read-back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.documents_report import EXIT_KINDS
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.returns import PAYLOAD_FORMAT, VERSION, Kind, finding_keys, package_name
from tayninh_desktop.domain.returns_aggregate import de_an_03_years, summed_forms, summed_support
from tayninh_desktop.domain.returns_records import SentReturn
from tayninh_desktop.domain.stats_checks import check_results
from tayninh_desktop.domain.stats_forms import stat_forms
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.exchange.return_package import sha256_hex
from tayninh_desktop.services import organisation, returns_keys, returns_payload, returns_send, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import returns_repo
from tayninh_desktop.storage.db import Database


def _indicators(forms: Mapping, check, keys: list[str], today: date) -> dict:
    out = {}
    for form_id, result in forms.items():
        form = stat_forms().get(form_id)
        out[form_id] = {"code": form.code if form else form_id, "title": form.title if form else "",
                        "period": result.period, "start": result.start.isoformat(), "end": result.end.isoformat(),
                        "complete": True, "values": dict(result.values), "typed": sorted(result.typed),
                        "missing": sorted(result.missing)}
    data = check.as_dict()
    data["warnings"] = [{**w, "key": k} for w, k in zip(data["warnings"], keys, strict=True)]
    return {"version": 1, "taken_on": today.isoformat(), "forms": out, "check": data}


def _de_an_03(records) -> dict:
    totals: dict[int, Counter] = {}
    for record in records:
        for year, counts in de_an_03_years(record.payload.get("de_an_03") or {}).items():
            totals.setdefault(year, Counter()).update(counts)
    years = [{"year": y, **{k: totals[y][k] for k in EXIT_KINDS}, "coverage": "full"} for y in sorted(totals)]
    baseline: Counter = Counter()
    for record in records:
        baseline.update({k: int(v) for k, v in ((record.payload.get("de_an_03") or {}).get("baseline") or {}).items()})
    return {"version": 1, "start_year": years[0]["year"] if years else None, "years": years,
            "baseline": dict(baseline), "data_since": None, "screening": None,
            "units": {r.sender_code: r.payload.get("de_an_03") for r in records}}


def _prepared(db: Database, period, records) -> tuple[returns_payload.Prepared, dict]:
    if not records:
        raise DomainError("return_nothing_to_consolidate", period=period.code)
    forms = summed_forms(r.payload for r in records)
    known = stat_forms()
    previous = returns_payload.previous_figures(db, period.code)
    check = check_results({k: v for k, v in forms.items() if k in known}, known, previous=previous)
    return (returns_payload.Prepared(period.code, period.label, period.start, period.end, True, {}, check,
                                     tuple(finding_keys(check.warnings))), forms)


def prepare(db: Database, period_text: str, *, today: date | None = None) -> returns_payload.Prepared:
    """The consolidated figures of a period checked, before sending: what the office must explain."""
    period = parse_period(period_text)
    return _prepared(db, period, returns_repo.received(db, period=period.code))[0]


def build_consolidated(db: Database, period_text: str, explanations: Mapping[str, str], *, revision: int,
                       made: str, today: date) -> tuple[dict, dict[str, dict[str, int]], list[dict]]:
    """(payload, figures as sent, explanations) of the consolidated return of a period."""
    period = parse_period(period_text)
    records = returns_repo.received(db, period=period.code)
    prepared, forms = _prepared(db, period, records)
    keys = list(prepared.warning_keys)
    check = prepared.check
    explained = returns_payload.checked_explanations(prepared, explanations)
    home = organisation.require_home(db)
    rows = [{**row, "unit": r.sender_code} for r in records for row in (r.payload.get("changes") or {}).get("rows", [])]
    payload = {"format": PAYLOAD_FORMAT, "version": VERSION, "kind": Kind.CONSOLIDATED.value,
               "unit": {"code": home.code, "name": home.name}, "period": period.code, "period_label": period.label,
               "revision": revision, "made": made, "explanations": explained,
               "units": [{"code": r.sender_code, "name": (r.payload.get("unit") or {}).get("name", ""),
                          "revision": r.revision, "sha256": r.package_sha256} for r in records],
               "indicators": _indicators(forms, check, keys, today),
               "changes": {"version": 1, "from": period.start.isoformat(), "to": period.end.isoformat(),
                           "rows": rows, "counts": dict(Counter(row["kind"] for row in rows))},
               "de_an_03": _de_an_03(records),
               "support": {"version": 1, "totals": summed_support(r.payload.get("support") or {} for r in records),
                           "units": {r.sender_code: (r.payload.get("support") or {}).get("totals", {})
                                     for r in records}}}
    return payload, {fid: dict(result.values) for fid, result in forms.items()}, explained


def export_consolidated(db: Database, actor: Actor, period_text: str | None, folder: Path | str, *,
                        explanations: Mapping[str, str] | None = None,
                        today: date | None = None) -> tuple[returns_send.ExportResult, Changes]:
    """Seal the period's received returns, added up, for this unit's own superior, and write it to ``folder``."""
    actor.require(Permission.EDIT_REGISTER)
    scope.require_committee(db, actor)
    today = today or date.today()
    period = parse_period(period_text).code
    folder = Path(folder)
    if not folder.is_dir():
        raise DomainError("output_folder_missing", path=str(folder))
    secrets = returns_keys.own_secrets(db, actor)
    receiver = returns_keys.superior_key(db)
    revision = returns_send.check_open(db, period)
    made = datetime.now().astimezone().isoformat(timespec="seconds")
    payload, figures, explained = build_consolidated(db, period, dict(explanations or {}), revision=revision,
                                                     made=made, today=today)
    data = returns_send.seal(db, secrets, receiver, payload, kind=Kind.CONSOLIDATED, revision=revision, made=made)
    home = organisation.require_home(db)
    sent = SentReturn(new_id(), period, revision, Kind.CONSOLIDATED.value, receiver.unit_code,
                      package_name(home.code, period, revision), sha256_hex(data), made, figures, explained, "",
                      None, "")
    path = returns_send.write_and_record(db, actor, folder, data, sent, secrets)
    return (returns_send.ExportResult(path, period, revision, sent.kind, receiver.unit_name, sent.package_sha256,
                                      len(data), len(explained), len(payload["changes"]["rows"]), 0),
            Changes(settings=True))
