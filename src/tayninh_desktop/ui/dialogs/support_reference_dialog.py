"""The editor of one section of the support programme's reference data (the plans, the bank's programmes, the
poverty lines): a table of records, one per row, each with its legal basis, validity and what is still
unconfirmed. Saved only when every record is right; each problem names the row and the field."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.assistance_reference import book_to_raw
from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.vn_money import group_digits, parse_money
from tayninh_desktop.services import support_reference
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

COLUMNS = {
    "plan": ("code", "name", "doc_number", "doc_date", "issuer", "basis", "valid_from", "valid_to", "categories",
             "share", "rounding", "max_principal", "max_per_member_year", "max_months", "plausible_max_rate",
             "unconfirmed", "note"),
    "programmes": ("code", "name", "rate", "production", "basis", "doc_number", "doc_date", "valid_from", "valid_to",
                   "unconfirmed", "note"),
    "poverty_lines": ("name", "doc_number", "doc_date", "basis", "valid_from", "valid_to", "rural_line", "urban_line",
                      "rural_average_max", "urban_average_max", "unconfirmed", "note"),
}
LABELS = {"code": "Mã", "checklist": "Danh mục hồ sơ", "sources": "Nguồn", "name": "Tên", "doc_number": "Số hiệu", "doc_date": "Ngày văn bản", "issuer": "Cơ quan ban hành",
          "basis": "Căn cứ", "valid_from": "Hiệu lực từ", "valid_to": "Hết hiệu lực từ", "categories": "Đối tượng (mã)",
          "share": "Tỷ lệ hỗ trợ (%)", "rounding": "Làm tròn (xuong/gan_nhat)",
          "max_principal": "Vốn vay tối đa được tính (đ)", "max_per_member_year": "Tối đa/người/năm (đ)",
          "max_months": "Số tháng hỗ trợ tối đa", "plausible_max_rate": "Lãi suất nhập tối đa (%/năm)",
          "unconfirmed": "Chưa xác nhận", "note": "Ghi chú", "rate": "Lãi suất (%/năm)",
          "production": "Thuộc phạm vi hỗ trợ (Có/Không)", "rural_line": "Chuẩn nghèo nông thôn (đ)",
          "urban_line": "Chuẩn nghèo thành thị (đ)", "rural_average_max": "Mức sống TB nông thôn đến (đ)",
          "urban_average_max": "Mức sống TB thành thị đến (đ)"}
DATES = ("doc_date", "valid_from", "valid_to")
MONEY = ("max_principal", "max_per_member_year", "rural_line", "urban_line", "rural_average_max", "urban_average_max")
SECTION_TITLES = {"plan": s.PLANS_TITLE, "programmes": s.PROGRAMMES_TITLE, "poverty_lines": s.POVERTY_TITLE}


def display(key: str, record: dict) -> str:
    value = record.get(key)
    if key == "unconfirmed":
        if not value:
            return ""
        return "; ".join(LABELS.get(f, f) for f in record.get("unconfirmed_fields") or []) or s.ALL_FIELDS
    if value is None:
        return ""
    if key in DATES:
        return format_vn_date(date.fromisoformat(value)) if value else ""
    if key in MONEY and isinstance(value, int):
        return group_digits(value)
    if key == "categories":
        return ", ".join(value)
    if key == "production":
        return s.YES if value else s.NO
    return str(value)


def read(key: str, text: str, raw: dict) -> None:
    """Put the typed ``text`` of ``key`` into ``raw`` (left as typed when it does not read: the check names it)."""
    text = " ".join(text.split())
    if key == "unconfirmed":
        raw["unconfirmed"] = bool(text)
        by_label = {label.casefold(): code for code, label in LABELS.items()}
        parts = [] if not text or text.casefold() == s.ALL_FIELDS else [f.strip() for f in text.split(";") if f.strip()]
        raw["unconfirmed_fields"] = [by_label.get(part.casefold(), part) for part in parts]
        return
    if not text:
        raw.pop(key, None)
        return
    if key in DATES:
        try:
            raw[key] = parse_vn_date(text).isoformat()
        except (ValueError, AttributeError):
            raw[key] = text
    elif key in MONEY:
        try:
            raw[key] = parse_money(text)
        except ValueError:
            raw[key] = text
    elif key == "max_months":
        raw[key] = int(text) if text.isdigit() else text
    elif key == "categories":
        raw[key] = [c.strip() for c in text.split(",") if c.strip()]
    elif key == "production":
        raw[key] = text.lower() in ("có", "co", "x", "1", "true")
    else:
        raw[key] = text


class ReferenceDialog(QDialog):
    def __init__(self, context: UiContext, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.section = context, section
        self.setObjectName("support_reference_dialog")
        self.setWindowTitle(s.REFERENCE_EDITOR_TITLE.format(section=SECTION_TITLES[section]))
        self.resize(1240, 520)
        self.records = book_to_raw(support_reference.book(context.db))[section]
        self.columns = COLUMNS[section]
        self.table = QTableWidget(len(self.records), len(self.columns), objectName="reference_table")
        show_full_text(self.table)
        self.table.setHorizontalHeaderLabels([LABELS[c] for c in self.columns])
        for row, record in enumerate(self.records):
            self._fill_row(row, record)
        self.table.resizeColumnsToContents()
        for column in range(len(self.columns)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.status = QLabel(objectName="dialog_status", wordWrap=True)
        self.status.setStyleSheet(ERROR_STYLE)
        add = QPushButton(s.ADD_ROW, objectName="reference_add")
        remove = QPushButton(s.REMOVE_ROW, objectName="reference_remove")
        ok = QPushButton("Lưu", objectName="dialog_ok")
        cancel = QPushButton("Hủy")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        help_label = QLabel(s.REFERENCE_EDITOR_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_row)
        ok.clicked.connect(self.try_submit)
        cancel.clicked.connect(self.reject)

    def _fill_row(self, row: int, record: dict) -> None:
        for column, key in enumerate(self.columns):
            item = QTableWidgetItem(display(key, record))
            if record.get("unconfirmed") and (not record.get("unconfirmed_fields")
                                              or key in record.get("unconfirmed_fields", [])):
                item.setBackground(QColor("#fff3c4"))
            self.table.setItem(row, column, item)

    def add_row(self) -> None:
        """A new record starts as a copy of the last one (its checklist and sources kept), unconfirmed."""
        template = dict(self.records[-1]) if self.records else {}
        template.update(unconfirmed=True, unconfirmed_fields=[], valid_to=None, sources=[])
        self.records.append(template)
        self.table.insertRow(self.table.rowCount())
        self._fill_row(self.table.rowCount() - 1, template)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self.records[row]

    def values(self) -> list[dict]:
        out = []
        for row, record in enumerate(self.records):
            raw = dict(record)
            for column, key in enumerate(self.columns):
                item = self.table.item(row, column)
                read(key, item.text() if item else "", raw)
            out.append({k: v for k, v in raw.items() if v is not None})
        return out

    def try_submit(self) -> bool:
        _result, error = self.context.attempt(support_reference.set_section, self.section, self.values())
        if error is not None:
            self.status.setText(error.message)
            return False
        self.accept()
        return True
