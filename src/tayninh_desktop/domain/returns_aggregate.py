"""The figures of returns as the superior uses them (pure): forms rebuilt from a payload, checked again, and
added up across units — the statistics, the Đề án 03 years and the support programme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from tayninh_desktop.domain.documents_report import EXIT_KINDS, MEASURED, baseline_average, reduction
from tayninh_desktop.domain.stats_checks import CheckResult, check_results, sum_results
from tayninh_desktop.domain.stats_compute import FormResult
from tayninh_desktop.domain.stats_forms import StatForm


def form_results(indicators: Mapping) -> dict[str, FormResult]:
    """The forms of a payload's ``indicators`` section as results the checks and sums take."""
    out = {}
    for form_id, form in (indicators.get("forms") or {}).items():
        out[form_id] = FormResult(form_id, str(form.get("period", "")), date.fromisoformat(form["start"]),
                                  date.fromisoformat(form["end"]), dict(form.get("values") or {}),
                                  frozenset(form.get("typed") or ()), frozenset(form.get("missing") or ()))
    return out


def recheck(indicators: Mapping, forms: Mapping[str, StatForm],
            previous: Mapping[str, Mapping[str, int]] | None) -> CheckResult:
    """The superior's own check of a return's figures (the same rules the unit ran before sending)."""
    results = {k: v for k, v in form_results(indicators).items() if k in forms}
    return check_results(results, forms, previous=previous)


def figures_of(indicators: Mapping) -> dict[str, dict[str, int]]:
    return {fid: dict(form.get("values") or {}) for fid, form in (indicators.get("forms") or {}).items()}


def summed_forms(payloads: Iterable[Mapping]) -> dict[str, FormResult]:
    """Each form added up over the payloads that carry it (``sum_results``: a row some unit left to type stays
    missing in the sum)."""
    by_form: dict[str, list[FormResult]] = {}
    for payload in payloads:
        for form_id, result in form_results(payload.get("indicators") or {}).items():
            by_form.setdefault(form_id, []).append(result)
    return {form_id: sum_results(results) for form_id, results in by_form.items()}


def de_an_03_years(section: Mapping) -> dict[int, Counter]:
    return {int(line["year"]): Counter({k: int(line.get(k, 0)) for k in EXIT_KINDS})
            for line in section.get("years") or ()}


def de_an_03_rows(sections: Iterable[Mapping], years: Iterable[int]) -> list[dict]:
    """One row per year, added up over the units: the four ways out, the Đề án's measure (xóa tên + xin ra),
    the reduction against the year before and against the 2015–2020 average of the units that entered it."""
    sections = list(sections)
    totals: dict[int, Counter] = {}
    for section in sections:
        for year, counts in de_an_03_years(section).items():
            totals.setdefault(year, Counter()).update(counts)
    baselines = [baseline_average(s.get("baseline")) for s in sections]
    entered = [b for b in baselines if b is not None]
    baseline = round(sum(entered), 1) if entered else None
    rows, previous = [], None
    for year in sorted(years):
        counts = totals.get(year, Counter())
        measure = sum(counts[k] for k in MEASURED)
        rows.append({"year": year, **{k: counts[k] for k in EXIT_KINDS}, "total": sum(counts[k] for k in EXIT_KINDS),
                     "measure": measure, "vs_previous": reduction(previous, measure),
                     "vs_baseline": reduction(baseline, measure)})
        previous = measure
    return rows


def measure_in(section: Mapping, year: int) -> int:
    counts = de_an_03_years(section).get(year, Counter())
    return sum(counts[k] for k in MEASURED)


def summed_support(sections: Iterable[Mapping]) -> dict[str, int]:
    total: Counter = Counter()
    for section in sections:
        total.update({k: int(v) for k, v in (section.get("totals") or {}).items() if isinstance(v, int)})
    return dict(total)
