"""Consistency of the statistical forms, and the sum a superior makes of many units' figures.

``check_results`` is the gate before a return leaves the office: it evaluates every rule of every
form given (equations inside a form and between forms of the same period), the share columns, the
rows still to type, the notes the counting raised, and — when the previous period's figures as
sent are given — that this period opens where the last one closed. Errors block an export;
warnings need a written explanation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_statistics import check_label
from tayninh_desktop.domain.stats_compute import Finding, FormResult
from tayninh_desktop.domain.stats_forms import BREAKDOWN, Check, StatForm

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class CheckResult:
    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """No error: the figures may be sent (warnings still need an explanation)."""
        return not self.errors

    def as_dict(self) -> dict:
        return {"ok": self.ok, "errors": [f.as_dict() for f in self.errors],
                "warnings": [f.as_dict() for f in self.warnings]}


def _wildcard_keys(form: StatForm, prefix: str) -> list[str]:
    """The counted rows under ``prefix`` ("II.2." → the age bands), without sums and averages."""
    return [r.key for r in form.rows if r.key.startswith(prefix) and r.has_value and not r.average
            and not r.count.startswith("sum ")]


def _term(term: str, form: StatForm, results: Mapping[str, FormResult],
          forms: Mapping[str, StatForm]) -> int | None:
    form_id, key = term.split(":", 1) if ":" in term else (form.id, term)
    result, owner = results.get(form_id), forms.get(form_id)
    if result is None or owner is None:
        return None
    keys = _wildcard_keys(owner, key[:-1]) if key.endswith(".*") else [key]
    values = [result.value(k) for k in keys]
    return None if any(v is None for v in values) else sum(values)


def _side_text(terms: list[tuple[int, str]]) -> str:
    parts = []
    for index, (sign, term) in enumerate(terms):
        name = term.replace("bieu_", "Biểu ").replace(":", " dòng ")
        name = f"các dòng {name[:-2]}" if name.endswith(".*") else name
        parts.append(("− " if sign < 0 else "+ " if index else "") + name)
    text = " ".join(parts)
    return text if len(terms) > 1 or text.startswith(("Biểu", "các")) else f"dòng {text}"


def _evaluate(check: Check, form: StatForm, results, forms) -> Finding | None:
    left_terms, op, right_terms = check.sides
    sides = []
    for terms in (left_terms, right_terms):
        values = [_term(t, form, results, forms) for _s, t in terms]
        if any(v is None for v in values):
            return None          # a form not computed, or a typed row not entered: nothing to compare
        sides.append(sum(sign * v for (sign, _t), v in zip(terms, values, strict=True)))
    left, right = sides
    data = {"form": form.code, "check": check_label(check.id, check.note), "check_id": check.id,
            "left": left, "right": right, "left_text": _side_text(left_terms), "right_text": _side_text(right_terms)}
    if op == "=" and left != right:
        return Finding("check_equal_failed", check.severity, form.id, data)
    if op == "<=" and left > right:
        return Finding("check_exceeded", check.severity, form.id, data)
    if op == "<=" and left < right and check.short:
        return Finding("check_short", check.short, form.id, data)
    return None


def _breakdown_findings(form: StatForm, result: FormResult) -> list[Finding]:
    out = []
    for row in form.rows:
        female, total = result.values.get(f"{row.key}:nu"), result.values.get(row.key)
        if female is not None and total is not None and female > total:
            out.append(Finding("female_exceeds_total", ERROR, form.id,
                               {"form": form.code, "row": row.label, "female": female, "total": total}))
    return out


def _missing_finding(form: StatForm, result: FormResult) -> Finding | None:
    if not result.missing:
        return None
    keys = [k for k in form.typed_keys if k in result.missing]
    return Finding("typed_missing", WARNING, form.id, {"form": form.code, "count": len(keys), "rows": ", ".join(keys),
                                                        "keys": keys})


def check_results(results: Mapping[str, FormResult], forms: Mapping[str, StatForm], *,
                  previous: Mapping[str, Mapping[str, int]] | None = None,
                  extra: Iterable[Finding] = ()) -> CheckResult:
    """Every finding about ``results`` (one period, forms by id), errors first then warnings."""
    findings: list[Finding] = list(extra)
    for form_id, result in results.items():
        form = forms[form_id]
        findings += result.notes
        for check in form.checks:
            finding = _evaluate(check, form, results, forms)
            if finding:
                findings.append(finding)
        if form.layout == BREAKDOWN:
            findings += _breakdown_findings(form, result)
        missing = _missing_finding(form, result)
        if missing:
            findings.append(missing)
    opening = results.get("bieu_1")
    closed = (previous or {}).get("bieu_1", {}).get("D")
    if opening is not None and closed is not None and opening.value("A") != closed:
        findings.append(Finding("opening_differs", ERROR, "bieu_1",
                                {"period": opening.period, "value": opening.value("A"), "previous": closed}))
    unique = list({(f.code, f.form_id, f.message): f for f in findings}.values())
    return CheckResult(tuple(f for f in unique if f.severity == ERROR),
                       tuple(f for f in unique if f.severity != ERROR))


def sum_values(sets: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """Every key summed over the sets (a key absent from a set counts 0 there)."""
    total: Counter = Counter()
    for values in sets:
        total.update(values)
    return dict(total)


def sum_results(results: Sequence[FormResult]) -> FormResult:
    """The figures of many units for the same form and period added up (the superior's return).

    A row some unit left to type and did not is still missing in the sum; the notes stay with each
    unit's own figures.
    """
    if not results:
        raise DomainError("stats_sum_mismatch", detail="không có số liệu nào")
    first = results[0]
    odd = [r for r in results if (r.form_id, r.period) != (first.form_id, first.period)]
    if odd:
        detail = ", ".join(sorted({f"{r.form_id} kỳ {r.period}" for r in [first, *odd]}))
        raise DomainError("stats_sum_mismatch", detail=detail)
    return FormResult(first.form_id, first.period, min(r.start for r in results), max(r.end for r in results),
                      sum_values(r.values for r in results),
                      frozenset().union(*(r.typed for r in results)),
                      frozenset().union(*(r.missing for r in results)))
