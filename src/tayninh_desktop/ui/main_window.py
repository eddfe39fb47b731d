"""The main window: a navigation on the left, one page per area on the right (ui/page_registry.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings, strings_backup
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.page_registry import pages, start_page


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
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 4)
        if context.db.read_only:
            banner = QLabel(strings_backup.READ_ONLY_BANNER, objectName="read_only_banner", wordWrap=True)
            banner.setStyleSheet("background: #FFF4CE; color: #5A4300; padding: 6px; font-weight: bold")
            outer.addWidget(banner)
        layout = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(self.nav, 1)
        backups = QPushButton(strings_backup.OPEN_BACKUPS, objectName="open_backups")
        backups.setFixedWidth(200)
        backups.clicked.connect(lambda: self.open_backups())
        side.addWidget(backups)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self.resize(1280, 800)
        self.nav.currentRowChanged.connect(self.show_page_at)
        self.nav.setCurrentRow(0)
        if start_page(context) != self._specs[0].key:   # a superior opens on its board of returns
            self.show_page(start_page(context))
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
        title = strings.APP_TITLE.format(unit=home.name) if home else strings.APP_TITLE_EMPTY
        self.setWindowTitle(title + (strings_backup.TITLE_READ_ONLY if self.context.db.read_only else ""))

    def open_backups(self):
        from tayninh_desktop.ui.dialogs.backup_dialog import BackupDialog

        dialog = BackupDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def automatic_backup(self, *, on_exit: bool) -> None:
        """The automatic backup: when the window closes, or the first time a day (a setting). A failure
        here never stops the program; it is written to the log."""
        from tayninh_desktop.services import backup

        db = self.context.db
        if not db.path_text:
            return
        try:
            settings = backup.settings(db)
            if (on_exit and settings["on_exit"]) or (not on_exit and backup.daily_backup_due(db)):
                backup.automatic_backup(db, self.context.actor)
        except Exception as error:   # noqa: BLE001 - the backup must not stop the window
            import logging

            logging.getLogger(__name__).warning("automatic backup failed: %s", type(error).__name__)

    def closeEvent(self, event) -> None:
        self.automatic_backup(on_exit=True)
        super().closeEvent(event)

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.update_title()
