"""The audit trail on screen: every action of the register, filtered by person, kind of action, member and
dates; what each changed, in words; the filtered entries to Excel; and the integrity check, in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.actors import Permission
from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.services import audit_trail, register
from tayninh_desktop.services.audit_trail import AuditFilter
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


def _summary(line) -> str:
    """The first changes of an entry on one line (the whole is under the table)."""
    parts = [f"{c.label}: {c.after}" for c in line.changes[:3]]
    return "; ".join(parts) + ("; …" if len(line.changes) > 3 else "")


class AuditPage(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.lines: list = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{s.AUDIT_TITLE}</h3>"))
        if not context.actor.may(Permission.READ_AUDIT):
            layout.addWidget(QLabel(DomainError("permission_denied", actor=context.actor.name).message,
                                    objectName="audit_denied"))
            layout.addStretch(1)
            self.allowed = False
            return
        self.allowed = True
        layout.addLayout(self._filters())
        self.error = QLabel(objectName="audit_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        self.info = QLabel(objectName="audit_info", wordWrap=True)
        layout.addWidget(self.info)
        layout.addWidget(self._table(), 1)
        export, check = self._bottom(layout)
        export.clicked.connect(lambda: self.export())
        check.clicked.connect(self.run_check)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self.show_detail(current.row()))
        context.changed.connect(self.on_changes)
        self.fill_choices()
        self.reload()

    def _table(self) -> QSplitter:
        self.model = RowsModel(s.AUDIT_COLUMNS, self)
        self.table = QTableView(objectName="audit_table")
        show_full_text(self.table, wrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.detail = QPlainTextEdit(objectName="audit_detail", readOnly=True)
        self.detail.setPlaceholderText(s.AUDIT_DETAIL_EMPTY)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 180])
        return splitter

    def _bottom(self, layout: QVBoxLayout) -> tuple[QPushButton, QPushButton]:
        self.count = QLabel(objectName="audit_count")
        export = QPushButton(s.AUDIT_EXPORT, objectName="audit_export")
        check = QPushButton(s.AUDIT_CHECK, objectName="audit_check")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(export)
        bottom.addWidget(check)
        layout.addLayout(bottom)
        self.check_result = QPlainTextEdit(objectName="audit_check_result", readOnly=True)
        self.check_result.setMaximumHeight(120)
        self.check_result.setVisible(False)
        layout.addWidget(self.check_result)
        return export, check

    def _filters(self) -> QVBoxLayout:
        self.user = QComboBox(objectName="audit_user")
        self.kind = QComboBox(objectName="audit_kind")
        self.member_text = QLineEdit(objectName="audit_member_text", placeholderText=s.AUDIT_MEMBER_PLACEHOLDER)
        self.member = QComboBox(objectName="audit_member")
        self.start = QLineEdit(objectName="audit_from", placeholderText=strings.DATE_PLACEHOLDER)
        self.end = QLineEdit(objectName="audit_to", placeholderText=strings.DATE_PLACEHOLDER)
        date_width = self.fontMetrics().horizontalAdvance("00/00/00000") + 16   # a whole date, never "…"
        for field in (self.start, self.end):
            field.setFixedWidth(date_width)
        self.member_text.setMinimumWidth(self.fontMetrics().horizontalAdvance(s.AUDIT_MEMBER_PLACEHOLDER) + 16)
        self.kind.setMinimumWidth(180)
        self.member.setMinimumWidth(160)
        apply = QPushButton(s.AUDIT_APPLY, objectName="audit_apply")
        clear = QPushButton(s.AUDIT_CLEAR, objectName="audit_clear")
        first, second = QHBoxLayout(), QHBoxLayout()   # two lines: every filter whole on a laptop screen
        for line, label, widget in ((first, s.AUDIT_USER, self.user), (first, s.AUDIT_KIND, self.kind),
                                    (first, s.AUDIT_MEMBER, self.member_text), (first, None, self.member),
                                    (second, s.AUDIT_FROM, self.start), (second, s.AUDIT_TO, self.end)):
            if label:
                line.addWidget(QLabel(label))
            line.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
        second.addWidget(apply)
        second.addWidget(clear)
        second.addStretch(1)
        row = QVBoxLayout()
        row.addLayout(first)
        row.addLayout(second)
        self.member_text.returnPressed.connect(self.find_member)
        apply.clicked.connect(self.reload)
        clear.clicked.connect(self.clear_filters)
        for combo in (self.user, self.kind, self.member):
            combo.activated.connect(lambda _i: self.reload())
        return row

    def fill_choices(self) -> None:
        db, actor = self.context.db, self.context.actor
        chosen_user, chosen_kind = self.user.currentData(), self.kind.currentData()
        self.user.clear()
        self.user.addItem(s.AUDIT_ANY, None)
        for name in audit_trail.users(db, actor):
            self.user.addItem(name, name)
        self.kind.clear()
        self.kind.addItem(s.AUDIT_ANY, None)
        for code, label in audit_trail.kinds(db, actor):
            self.kind.addItem(label, code)
        self.user.setCurrentIndex(max(0, self.user.findData(chosen_user)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen_kind)))
        if self.member.count() == 0:
            self.member.addItem(s.AUDIT_ANY, None)

    def find_member(self) -> None:
        """The members matching what was typed, to choose from (one match is chosen at once)."""
        text = self.member_text.text().strip()
        self.member.clear()
        self.member.addItem(s.AUDIT_ANY, None)
        if not text:
            self.reload()
            return
        rowids = register.search_rowids(self.context.db, text) or set()
        found = register.summaries(self.context.db, sorted(rowids)[:200])
        for summary in found:
            self.member.addItem(f"{summary.full_name} ({summary.birth_date:%Y}, {summary.cell_name})", summary.id)
        if not found:
            self.error.setText(s.AUDIT_MEMBER_NONE.format(text=text))
            return
        self.member.setCurrentIndex(1)
        self.reload()
        self.info.setText("" if len(found) == 1 else s.AUDIT_MEMBER_MANY.format(count=len(found)))

    def current_filter(self) -> AuditFilter:
        issues, days = [], {}
        for name, field in (("audit_from", self.start), ("audit_to", self.end)):
            try:
                days[name] = parse_vn_date(field.text())
            except ValueError:
                issues.append(FieldIssue(name, "bad_date", {"value": field.text()}))
        if issues:
            raise ValidationError(issues)
        return AuditFilter(user=self.user.currentData(), action=self.kind.currentData(),
                           member_id=self.member.currentData(), start=days["audit_from"], end=days["audit_to"])

    def reload(self) -> None:
        db, actor = self.context.db, self.context.actor
        try:
            filt = self.current_filter()
            self.lines = audit_trail.entries(db, actor, filt)
            total = audit_trail.count(db, actor, filt)
        except DomainError as error:
            self.error.setText(error.message)
            return
        self.error.setText("")
        self.info.setText("")
        self.model.set_rows([DisplayRow((str(line.seq), line.when, line.actor, line.action_label, line.subject,
                                         _summary(line)), key=str(line.seq)) for line in self.lines])
        self.table.resizeColumnsToContents()
        text = s.AUDIT_COUNT if total <= len(self.lines) else s.AUDIT_COUNT_LIMITED
        self.count.setText(text.format(shown=len(self.lines), total=total))
        self.detail.clear()

    def clear_filters(self) -> None:
        for field in (self.start, self.end, self.member_text):
            field.clear()
        for combo in (self.user, self.kind):
            combo.setCurrentIndex(0)
        self.member.clear()
        self.member.addItem(s.AUDIT_ANY, None)
        self.reload()

    def show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.lines):
            self.detail.clear()
            return
        line = self.lines[row]
        head = f"{line.when} — {line.actor} — {line.action_label}\n{line.subject}\n\n"
        self.detail.setPlainText(head + (line.changes_text or s.AUDIT_DETAIL_NONE))

    def export(self, path: str | None = None):
        if not path:
            from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path

            path = ask_save_path(self, s.AUDIT_EXPORT, "nhat-ky-thao-tac.xlsx", s.XLSX_FILTER)
        if not path:
            return None
        try:
            out, count = audit_trail.export(self.context.db, self.context.actor, path, self.current_filter())
        except DomainError as error:
            show_error(self, error)
            return None
        self.info.setText(s.AUDIT_EXPORTED.format(count=count, path=out))
        return out

    def run_check(self):
        try:
            result = audit_trail.run_check(self.context.db, self.context.actor)
        except DomainError as error:
            show_error(self, error)
            return None
        verdict = s.AUDIT_CHECK_OK if result.ok else s.AUDIT_CHECK_BAD
        self.check_result.setPlainText("\n".join([verdict, *result.lines]))
        self.check_result.setStyleSheet("color: #0B5D1E" if result.ok else "color: #8B0000")
        self.check_result.setVisible(True)
        return result

    def on_changes(self, changes: Changes) -> None:
        if self.allowed:
            self.fill_choices()
            self.reload()
