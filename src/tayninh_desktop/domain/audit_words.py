"""The audit log in words: what kind of action an entry is, and what it changed, field by field.

An entry keeps its before and after as JSON snapshots (``storage/audit``); the audit page and its export
show them as "Họ và tên: Nguyễn Văn A → Nguyễn Văn Á". Field names become their Vietnamese labels (the
labels of the forms, ``domain.messages``), dates dd/mm/yyyy, codes their names; nested snapshots (an event
with its details) are read one level down. Ids are replaced by names where the caller can resolve them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.domain.messages_accounts import ROLE_LABELS
from tayninh_desktop.domain.messages_register import EVENT_LABELS, STATUS_LABELS
from tayninh_desktop.domain.messages_screening import STEP_LABELS

ACTION_LABELS: dict[str, str] = {
    "add_member": "Thêm đảng viên", "update_member": "Sửa hồ sơ đảng viên", "delete_event": "Xóa sự kiện",
    "merge_cell": "Hợp nhất chi bộ", "initialise": "Tạo đảng bộ", "create_unit": "Thêm tổ chức đảng",
    "rename_unit": "Đổi tên tổ chức đảng", "move_unit": "Chuyển tổ chức đảng trực thuộc",
    "record_meeting": "Ghi buổi sinh hoạt", "update_meeting": "Sửa buổi sinh hoạt",
    "delete_meeting": "Xóa buổi sinh hoạt", "record_dues": "Ghi đảng phí", "set_dues_term": "Ghi mức đóng đảng phí",
    "grant_dues_relief": "Miễn, giảm đảng phí", "remove_dues_relief": "Bỏ miễn, giảm đảng phí",
    "record_dues_advance": "Ghi đảng phí đóng trước", "record_dues_late": "Ghi đảng phí đóng chậm",
    "cancel_dues_payment": "Hủy khoản đóng trước, đóng chậm", "remove_discipline": "Xóa quyết định kỷ luật ghi nhầm",
    "correct_task": "Sửa nhiệm vụ được phân công",
    "rate_member": "Xếp loại đảng viên", "rate_members": "Xếp loại đảng viên (cả chi bộ)",
    "record_discipline": "Ghi kỷ luật", "assign_task": "Phân công nhiệm vụ", "issue_letter": "Ghi giấy giới thiệu",
    "letter_outcome": "Ghi kết quả giấy giới thiệu", "away_contact": "Ghi liên lạc đảng viên đi làm ăn xa",
    "issue_document": "Cấp số văn bản", "add_congress": "Ghi đại hội (nhiệm kỳ)",
    "remove_congress": "Xóa đại hội", "set_signers": "Ghi người ký", "set_rubric": "Sửa thang điểm sinh hoạt",
    "set_thematic_absence": "Thiết lập tính vắng sinh hoạt chuyên đề",
    "set_register_data_since": "Thiết lập số liệu có từ ngày", "import_members": "Nhập danh sách từ Excel",
    "remember_import_mapping": "Ghi nhớ cột của tệp nhập", "demo": "Tạo sổ mẫu",
    "record_household": "Ghi hoàn cảnh gia đình", "delete_household": "Xóa hoàn cảnh gia đình",
    "record_loan": "Ghi khoản vay", "delete_loan": "Xóa khoản vay", "record_interest_payment": "Ghi trả lãi",
    "delete_interest_payment": "Xóa trả lãi", "import_interest_payments": "Nhập sao kê trả lãi",
    "record_told": "Ghi đã thông tin chính sách", "support_presentation": "Phổ biến chính sách tại chi bộ",
    "submit_support_application": "Nhận đơn đề nghị hỗ trợ", "set_support_reference": "Sửa số liệu tham chiếu hỗ trợ",
    "fund_contribution": "Thu đóng góp quỹ", "fund_disbursement": "Chi hỗ trợ từ quỹ",
    "fund_reversal": "Đảo bút toán quỹ", "check": "Kiểm tra hồ sơ hỗ trợ", "approve": "Duyệt hỗ trợ",
    "reject": "Từ chối hỗ trợ", "set_backup_settings": "Thiết lập sao lưu", "restore_backup": "Phục hồi từ bản sao lưu",
    "seal_baseline": "Ghi nhận dữ liệu có sẵn", "account_add": "Thêm tài khoản", "account_role": "Đổi vai trò",
    "account_active": "Ngừng hoặc dùng lại tài khoản", "account_password": "Đổi mật khẩu",
    "account_reset": "Đặt lại mật khẩu", "account_unlock": "Mở khóa tài khoản",
    "account_recover": "Đặt lại mật khẩu bằng mã khôi phục", "login_failures": "Đăng nhập sai mật khẩu",
    "login_policy": "Sửa chính sách đăng nhập", "encryption_on": "Mã hóa sổ", "encryption_off": "Bỏ mã hóa sổ",
    "recovery_key_new": "Tạo mã khôi phục mới",
    # screening and removal cases (Đề án 03)
    "open_case": "Mở hồ sơ rà soát", "case_helper": "Phân công người giúp đỡ", "case_vote": "Ghi biểu quyết",
    "case_screening_vote": "Ghi biểu quyết sàng lọc", "case_decision": "Ghi quyết định của cấp ủy",
    "case_expulsion": "Ghi khai trừ theo quyết định kỷ luật", "case_step_correction": "Sửa bước hồ sơ ghi nhầm",
    "withdraw_case": "Rút hồ sơ", "set_de_an_03_baseline": "Ghi số liệu đầu kỳ Đề án 03", "screening_fact": "Ghi thông tin phản ánh về đảng viên",
    "set_allotment": "Ghi chỉ tiêu xóa tên, cho ra khỏi Đảng", "correct_rating": "Sửa xếp loại",
    # statistics
    "record_award": "Ghi khen thưởng", "delete_award": "Xóa khen thưởng",
    "set_statistics_typed": "Nhập tay số liệu thống kê", "clear_statistics_typed": "Xóa số liệu thống kê nhập tay",
    "set_transfer_scope": "Ghi chuyển sinh hoạt trong hay ngoài tỉnh",
    # returns to the superior, and merging registers
    "create_exchange_keys": "Tạo khóa gửi báo cáo", "import_key_card": "Nhập thẻ khóa của đơn vị",
    "expect_return": "Yêu cầu cấp dưới gửi báo cáo", "export_return": "Xuất báo cáo gửi cấp trên",
    "reopen_return_period": "Mở lại kỳ báo cáo đã gửi", "accept_return": "Nhận báo cáo của cấp dưới",
    "reject_return": "Trả lại báo cáo của cấp dưới", "import_return_receipt": "Nhập giấy báo đã nhận báo cáo",
    "plan_unit_merge": "Lập danh sách hợp nhất sổ", "decide_merge_pair": "Xác định người trùng khi hợp nhất",
    "apply_unit_merge": "Hợp nhất sổ của đơn vị",
    # the program's own steps
    "migration": "Nâng cấp cấu trúc sổ", "upgrade_compact_party_life": "Nâng cấp cách lưu điểm danh, đảng phí",
    "upgrade_compact_ratings_tasks": "Nâng cấp cách lưu xếp loại, phân công nhiệm vụ",
}

# Extra labels of snapshot keys that no form shows.
KEY_LABELS: dict[str, str] = {
    "status": "Tình trạng", "kind": "Loại", "role": "Vai trò", "active": "Đang dùng", "event": "Sự kiện",
    "details": "Chi tiết", "failures": "Số lần sai", "times": "Lúc", "locked": "Bị khóa", "key_id": "Khóa số",
    "merged_into": "Hợp nhất vào", "from": "Từ ngày", "members_moved": "Số đảng viên chuyển",
    "symbol": "Số, ký hiệu", "form": "Mẫu", "date": "Ngày", "sha256": "Dấu vân tay tệp", "file": "Tệp",
    "kept": "Giữ lại", "made": "Lập lúc", "member_id": "Đảng viên", "unit_id": "Tổ chức đảng", "superior": "Cấp trên",
    "account_name": "Tên đăng nhập", "reason": "Lý do", "seq": "Thứ tự", "id": "Mã",
    "birth_year_only": "Chỉ biết năm sinh", "parent": "Trực thuộc", "full_name": "Họ và tên",
}
# What a person looks for first in an entry: who or what it names, then what kind, then the rest A→Z.
FIRST_KEYS = ("full_name", "name", "code", "symbol", "role", "status", "kind", "event_date", "meeting_date", "month",
              "year", "level", "amount")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HIDDEN = {"id", "seq", "sha256", "restored_head", "context_json"}
MAX_VALUE = 160


@dataclass(frozen=True)
class ChangeLine:
    label: str
    before: str
    after: str


def action_label(action: str) -> str:
    if action.startswith("event:"):
        return "Ghi sự kiện: " + EVENT_LABELS.get(action[6:], action[6:])
    if action.startswith("case_step:"):
        return "Ghi bước hồ sơ: " + STEP_LABELS.get(action[10:], action[10:])
    return ACTION_LABELS.get(action, action)


def key_label(key: str) -> str:
    label = field_label(key)
    return KEY_LABELS.get(key, label) if label == key else label


def value_text(key: str, value, names: Callable[[str, str], str | None] | None = None) -> str:
    """One value as a person reads it (``names(key, value)`` turns an id into a name)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return ", ".join(value_text(key, v, names) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{key_label(k)}: {value_text(k, v, names)}" for k, v in value.items()
                         if k not in _HIDDEN and v not in (None, "", [], {}))
    text = str(value)
    if names is not None:
        named = names(key, text)
        if named:
            return named
    if key == "status":
        return STATUS_LABELS.get(text, text)
    if key == "kind":
        return EVENT_LABELS.get(text, text)
    if key == "role":
        return ROLE_LABELS.get(text, text)
    if _ISO_DATE.match(text):
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


def _flat(snapshot: dict | None) -> dict:
    """One level of nesting opened (an event's fields beside the entry's own)."""
    out: dict = {}
    for key, value in (snapshot or {}).items():
        if isinstance(value, dict) and key in ("event", "details"):
            out.update({k: v for k, v in value.items() if k not in ("member_id",)})
        else:
            out[key] = value
    return out


def changes(before: dict | None, after: dict | None,
            names: Callable[[str, str], str | None] | None = None) -> list[ChangeLine]:
    """What the entry changed: every field that differs (added: every field given; removed: every field)."""
    old, new = _flat(before), _flat(after)
    lines = []
    keys = list(dict.fromkeys([*old, *new]))
    keys.sort(key=lambda k: (FIRST_KEYS.index(k) if k in FIRST_KEYS else len(FIRST_KEYS), k))
    for key in keys:
        if key in _HIDDEN:
            continue
        a, b = old.get(key), new.get(key)
        if a == b or (a in (None, "", [], {}) and b in (None, "", [], {}, False)):
            continue   # unchanged, or a new record's empty or "no" field
        lines.append(ChangeLine(key_label(key), value_text(key, a, names), value_text(key, b, names)))
    return lines


def changes_text(lines: list[ChangeLine]) -> str:
    return "\n".join(f"{c.label}: {c.before} → {c.after}" if c.before != "—" else f"{c.label}: {c.after}"
                     for c in lines)
