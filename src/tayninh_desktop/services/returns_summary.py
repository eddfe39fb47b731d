"""What an accepted return changes, in a few Vietnamese lines for the person at the superior's desk."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from tayninh_desktop.domain.documents_report import KIND_WORDS
from tayninh_desktop.domain.messages_register import EVENT_LABELS
from tayninh_desktop.domain.returns import Manifest, changed_figures
from tayninh_desktop.domain.returns_aggregate import figures_of, measure_in
from tayninh_desktop.domain.stats_forms import stat_form
from tayninh_desktop.domain.vn_money import format_money, group_digits

MAIN_ROWS = ("A", "B", "C", "D")
SHOWN_CHANGES = 6


def _n(value: int | None) -> str:
    return "—" if value is None else group_digits(value)


def accepted_text(sender: str, manifest: Manifest, superseded: int) -> str:
    replaced = f"; thay cho lần {manifest.revision - 1} (vẫn được lưu)" if superseded else ""
    return f"Đã nhận báo cáo lần {manifest.revision} của {sender} kỳ {manifest.period}{replaced}."


def _bieu_1_line(values: Mapping[str, int]) -> str:
    return (f"Biểu 1: đầu kỳ {_n(values.get('A'))}, tăng {_n(values.get('B'))}, giảm {_n(values.get('C'))}, "
            f"cuối kỳ {_n(values.get('D'))} đảng viên.")


def _changes_line(section: Mapping) -> str:
    counts = Counter(row.get("kind") for row in section.get("rows") or ())
    if not counts:
        return "Biến động đảng viên trong kỳ: không có."
    parts = ", ".join(f"{EVENT_LABELS.get(k, k).lower()} {n}" for k, n in counts.most_common())
    return f"Biến động đảng viên trong kỳ: {sum(counts.values())} ({parts})."


def _support_line(section: Mapping) -> str:
    totals = section.get("totals") or {}
    return (f"Hỗ trợ đảng viên khó khăn: {totals.get('applied', 0)} hồ sơ đề nghị, {totals.get('approved', 0)} được "
            f"duyệt, đã chi {format_money(totals.get('paid_amount', 0))}.")


def _revision_lines(new: Mapping, old: Mapping) -> list[str]:
    before, after = figures_of(old.get("indicators") or {}), figures_of(new.get("indicators") or {})
    keys = sorted({(f, r) for forms in (before, after) for f, rows in forms.items() for r in rows})
    changed = changed_figures(before, after, keys)
    if not changed:
        return ["So với lần trước: số liệu các biểu không thay đổi."]
    labels = {row.key: row.label for row in stat_form("bieu_1").rows}
    main = [c for c in changed if c[0] == "bieu_1" and c[1] in MAIN_ROWS]
    lines = [f"So với lần trước: {len(changed)} ô số liệu thay đổi."]
    lines += [f"  {labels.get(row, row)}: {_n(b)} → {_n(a)}" for _f, row, b, a in main]
    others = [c for c in changed if c not in main][:SHOWN_CHANGES]
    lines += [f"  {form.replace('bieu_', 'Biểu ')} dòng {row}: {_n(b)} → {_n(a)}" for form, row, b, a in others]
    return lines


def accepted_lines(payload: Mapping, older: Mapping | None) -> list[str]:
    """The figures the return brings, and for a newer revision what it changes against the one it replaces."""
    lines = []
    bieu_1 = (payload.get("indicators") or {}).get("forms", {}).get("bieu_1")
    if bieu_1:
        lines.append(_bieu_1_line(bieu_1.get("values") or {}))
    lines.append(_changes_line(payload.get("changes") or {}))
    section = payload.get("de_an_03") or {}
    year = int(str(payload.get("period", "0"))[:4] or 0)
    if section:
        lines.append(f"Đề án 03 năm {year}: {measure_in(section, year)} đảng viên {KIND_WORDS['xoa_ten']} và "
                     f"{KIND_WORDS['ra_khoi_dang']}.")
    if payload.get("support"):
        lines.append(_support_line(payload["support"]))
    explained = payload.get("explanations") or []
    if explained:
        lines.append(f"Cảnh báo có giải trình: {len(explained)}.")
    if older is not None:
        lines += _revision_lines(payload, older)
    return lines
