"""The audit log page names every action in Vietnamese: each action the program writes (every ``audit.append`` of
the source, read from the code itself) has its label, so that no English code word reaches the clerk."""

from __future__ import annotations

import re
from pathlib import Path

import tayninh_desktop
from tayninh_desktop.domain.audit_words import ACTION_LABELS, action_label

SOURCE = Path(tayninh_desktop.__file__).parent
APPEND = re.compile(r'audit\.append\(\s*[^,]+,\s*[^,]+,\s*(f?)"([^"]+)"')


def _written_actions() -> set[str]:
    found = set()
    for path in SOURCE.rglob("*.py"):
        for f_string, action in APPEND.findall(path.read_text(encoding="utf-8")):
            if action.startswith(("event:", "case_step:")):   # labelled by the event's or the step's own words
                continue
            if f_string:   # record_dues_{kind}: one action per kind of payment
                found.update(action.replace("{kind}", kind) for kind in ("advance", "late"))
            else:
                found.add(action)
    return found


def test_every_action_the_program_writes_has_a_vietnamese_label():
    written = _written_actions()
    assert len(written) > 80   # the scan finds the actions (a broken pattern would find none and pass)
    missing = sorted(a for a in written if a not in ACTION_LABELS)
    assert not missing, f"add these to domain/audit_words.py ACTION_LABELS: {missing}"


def test_the_new_corrections_read_as_the_clerk_says_them():
    assert action_label("cancel_dues_payment") == "Hủy khoản đóng trước, đóng chậm"
    assert action_label("record_dues_late") == "Ghi đảng phí đóng chậm"
    assert action_label("delete_meeting") == "Xóa buổi sinh hoạt"
    assert action_label("event:chuyen_den") == "Ghi sự kiện: Chuyển sinh hoạt chính thức đến"
    assert action_label("case_step:bieu_quyet") == "Ghi bước hồ sơ: Biểu quyết"
