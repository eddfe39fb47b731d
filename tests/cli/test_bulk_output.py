"""Bulk outputs stream (`members list`, `warnings`): the same text as the whole payload dumped at once, and
the same members as the register's full objects say."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

import pytest

from tayninh_desktop.cli import main
from tayninh_desktop.cli.output import STREAM_CHUNK, emit_json_list
from tayninh_desktop.domain.members import ACTIVE_STATUSES
from tayninh_desktop.domain.party_life import month_label
from tayninh_desktop.services import register
from tayninh_desktop.services.warnings import compute_warnings, warning_as_dict
from tayninh_desktop.storage.db import open_database


@pytest.mark.parametrize("count", [0, 1, STREAM_CHUNK, 2 * STREAM_CHUNK + 1])
def test_streamed_json_is_the_text_of_one_dump(capsys, count):
    items = [{"full_name": f"Nguyễn Thị Ánh {i}", "on": date(2026, 1, 1 + i % 28), "none": None, "n": i}
             for i in range(count)]
    emit_json_list({"ok": True, "count": count}, "members", iter(items))
    expected = json.dumps({"ok": True, "count": count, "members": items}, ensure_ascii=False, default=str)
    assert capsys.readouterr().out == expected + "\n"


def test_streamed_json_without_a_head(capsys):
    emit_json_list({}, "rows", [{"a": "đ"}])
    assert capsys.readouterr().out == '{"rows": [{"a": "đ"}]}\n'


def _old_list(db, statuses):
    """What `members list --json` printed from the full objects (MemberSummary) before it streamed."""
    rows = register.summaries(db, register.list_rowids(db, statuses=statuses))
    return [{"id": r.id, "full_name": r.full_name, "gender": r.gender.value, "birth_date": r.birth_date.isoformat(),
             "cell": r.cell_name, "status": r.status.value, "joined_on": r.joined_on.isoformat(),
             "full_member_on": r.full_member_on.isoformat() if r.full_member_on else None, "cccd": r.cccd,
             "card_number": r.card_number} for r in rows]


@pytest.mark.parametrize("everyone", [False, True])
def test_members_list_json_says_what_the_full_objects_say(demo_db_path, capsys, everyone):
    db = open_database(demo_db_path)
    expected = _old_list(db, None if everyone else tuple(sorted(ACTIVE_STATUSES)))
    db.conn.close()
    code = main(["members", "list", "--db", str(demo_db_path), "--json", *(["--all"] if everyone else [])])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["count"] == len(expected) == len(out["members"])
    assert out["members"] == expected  # same members, fields and order (namesakes in the order they were entered)
    assert any(m["full_member_on"] is None for m in out["members"])


def test_members_list_text_streams_every_line(demo_db_path, capsys):
    code = main(["members", "list", "--db", str(demo_db_path), "--all"])
    lines = capsys.readouterr().out.splitlines()
    db = open_database(demo_db_path)
    total = register.member_count(db)
    db.conn.close()
    assert code == 0 and len(lines) == total + 1 and lines[-1] == f"Tổng số: {total} đảng viên."
    assert lines[0].startswith("    1. ") and lines[total - 1].startswith(f"{total:>5}. ")


def test_warning_json_shape_is_the_dataclass_fields(demo_db_path):
    db = open_database(demo_db_path)
    warnings = compute_warnings(db, today=date(2026, 11, 27))
    db.conn.close()
    assert warnings
    for warning in warnings:
        expected = asdict(warning) | {"kind": warning.kind.value, "severity": warning.severity.value}
        if warning.month:
            expected["month_label"] = month_label(warning.month)
        shaped = warning_as_dict(warning)
        assert shaped == expected and list(shaped) == list(expected)
        shaped["data"]["added"] = 1
        assert "added" not in warning.data  # a copy: the caller may add to it
