"""The list of forms on the "Văn bản" page: each form's name in bold and a one-line description under it,
greyed (and not selectable) when the current selection cannot print it, with the reason as tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate

DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 4


def one_line(text: str) -> str:
    """The first sentence of a description (the tooltip keeps the whole)."""
    first = text.split(". ")[0].split("; ")[0].strip()
    return first.rstrip(".") + "." if first else ""


class _Delegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + 3 * PADDING)

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text, option.text = option.text, ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        painter.save()
        rect = option.rect.adjusted(PADDING * 2, PADDING, -PADDING, -PADDING)
        line = QFontMetrics(option.font).height()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(group, role))
        painter.drawText(QRect(rect.x(), rect.y(), rect.width(), line), Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        description = index.data(DESCRIPTION_ROLE) or ""
        painter.drawText(QRect(rect.x(), rect.y() + line + PADDING, rect.width(), line), Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(option.font).elidedText(description, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class FormList(QListWidget):
    def __init__(self) -> None:
        super().__init__(objectName="forms")
        self.setItemDelegate(_Delegate(self))
        self.setUniformItemSizes(True)

    def add_form(self, form_id: str, name: str, description: str, *, disabled_because: str = "") -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, form_id)
        item.setData(DESCRIPTION_ROLE, one_line(description))
        item.setToolTip(f"{disabled_because}\n\n{description}" if disabled_because else description)
        if disabled_because:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        self.addItem(item)
        return item

    def enabled_rows(self) -> list[int]:
        return [r for r in range(self.count()) if self.item(r).flags() & Qt.ItemFlag.ItemIsEnabled]
