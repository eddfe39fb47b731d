"""The main window: a navigation on the left, one page per area on the right (ui/page_registry.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.page_registry import pages


class MainWindow(QMainWindow):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(200)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._specs = pages()
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit, so start-up stays fast
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(1280, 800)
        self.nav.currentRowChanged.connect(self.show_page_at)
        self.nav.setCurrentRow(0)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_member)
        context.changed.connect(self.on_changes)
        self.update_title()

    def show_page_at(self, row: int) -> QWidget:
        spec = self._specs[row]
        page = self.pages.get(spec.key)
        if page is None:
            page = spec.factory(self.context)
            page.setObjectName(f"page_{spec.key}")
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[spec.key] = page
        self.stack.setCurrentIndex(row)
        return page

    def show_page(self, key: str) -> QWidget:
        row = next(i for i, spec in enumerate(self._specs) if spec.key == key)
        self.nav.setCurrentRow(row)
        return self.show_page_at(row)

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search, else the register's (the home page has none)."""
        page = self.stack.currentWidget()
        if not hasattr(page, "focus_search"):
            page = self.show_page("register")
        page.focus_search()

    def new_member(self):
        return self.show_page("register").new_member()

    def update_title(self) -> None:
        home = organisation.home_unit(self.context.db)
        self.setWindowTitle(strings.APP_TITLE.format(unit=home.name) if home else strings.APP_TITLE_EMPTY)

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.update_title()
