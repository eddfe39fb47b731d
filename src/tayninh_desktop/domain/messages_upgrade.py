"""Sentences of upgrading a register's stored form (m035: attendance and dues keyed by integers; m048:
ratings and yearly tasks)."""

FIELD_LABELS: dict[str, str] = {}

# The tables and columns as the clerk knows them.
TABLE_NAMES = {"attendance": "điểm danh", "dues": "đảng phí", "ratings": "xếp loại",
               "task_assignments": "phân công nhiệm vụ"}
COLUMN_NAMES = {"meeting_id": "buổi sinh hoạt", "member_id": "đảng viên", "cell_id": "chi bộ",
                "state": "tình trạng", "month": "tháng", "level": "mức xếp loại"}

MESSAGES: dict[str, str] = {
    "upgrade_unkeyable": ("Không nâng cấp được sổ «{path}»: {count} dòng {table_name} có {column_name} không có trong "
                          "sổ hoặc không hợp lệ (sổ bị sửa ngoài chương trình). Sổ được giữ nguyên như trước; hãy "
                          "phục hồi từ bản sao lưu (lệnh backup restore) hoặc kiểm tra sổ (lệnh check)."),
    "upgrade_rows_lost": ("Không nâng cấp được sổ: bảng {table_name} có {before} dòng nhưng chỉ chuyển được {after} "
                          "dòng. Sổ được giữ nguyên như trước."),
}
