"""The main window: a menu bar (ui/main_menu.py), a navigation on the left, one page per area on the right
(ui/page_registry.py); on a sample register, "SỔ MẪU" in every window's title and a banner with the way out.

Leaving a page, closing the window or switching register first asks every unsaved-changes guard inside
(ui/unsaved.py). ``switch_register`` asks the session (ui/session.py) to open the real or the sample register.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.services import organisation, sample_register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import main_menu, role_gate, strings, strings_backup
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.page_registry import pages, start_page
from tayninh_desktop.ui.sample_mark import SampleBanner, SampleTitles
from tayninh_desktop.ui.screen_fit import fit_to_screen
from tayninh_desktop.ui.unsaved import allow_leave_all

NAV_WIDTH = 190


class MainWindow(QMainWindow):
    switch_register = Signal(bool)   # True: to the sample register; False: to the real one

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.sample = sample_register.is_sample(context.db)
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._specs = pages()
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit, so start-up stays fast
        role_gate.gate_navigation(self.nav, context.actor)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 4)
        self.banner: SampleBanner | None = None
        self._titles: SampleTitles | None = None
        if self.sample:
            self.banner = SampleBanner(lambda: self.switch_register.emit(False))
            column.addWidget(self.banner)
            self._titles = SampleTitles(self)
            self._titles.install()
        if context.db.read_only:
            banner = QLabel(strings_backup.READ_ONLY_BANNER, objectName="read_only_banner", wordWrap=True)
            banner.setStyleSheet("background: #FFF4CE; color: #5A4300; padding: 6px; font-weight: bold")
            column.addWidget(banner)
        column.addLayout(body, 1)
        self.setCentralWidget(central)
        self.menus = main_menu.build(self)
        fit_to_screen(self, 1280, 800)
        self._row = 0
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setCurrentRow(0)
        if start_page(context) != self._specs[0].key:   # a superior opens on its board of returns
            self.show_page(start_page(context))
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_member)
        context.changed.connect(self.on_changes)
        self.update_title()

    # -- pages ------------------------------------------------------------------------------------------------
    def _nav_changed(self, row: int) -> None:
        """Leave the current page only when its typed work is saved or let go."""
        if row == self._row and self.pages:
            self.show_page_at(row)
            return
        current = self.stack.currentWidget()
        if current is not None and self.pages and not allow_leave_all(current):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._row)
            self.nav.blockSignals(False)
            return
        self.show_page_at(row)

    def show_page_at(self, row: int) -> QWidget:
        spec = self._specs[row]
        page = self.pages.get(spec.key)
        if page is None:
            page = spec.factory(self.context)
            page.setObjectName(f"page_{spec.key}")
            role_gate.gate_page(page, self.context.actor, spec.key)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[spec.key] = page
        self._row = row
        self.stack.setCurrentIndex(row)
        return page

    def show_page(self, key: str) -> QWidget:
        row = next(i for i, spec in enumerate(self._specs) if spec.key == key)
        self.nav.setCurrentRow(row)
        return self.pages.get(key) if self._row == row else self.stack.currentWidget()

    def open_action(self, key: str, action: str):
        """Show page ``key`` and run its ``action`` (the start checklist and the empty pages use this)."""
        page = self.show_page(key)
        if page is not self.pages.get(key):
            return None    # the person chose to stay on the page they were editing
        return getattr(page, action)()

    def focus_search(self) -> None:
        """Ctrl+F: the current page's search, else the register's (the home page has none)."""
        page = self.stack.currentWidget()
        if not hasattr(page, "focus_search"):
            page = self.show_page("register")
        if hasattr(page, "focus_search"):
            page.focus_search()

    def new_member(self):
        return self.open_action("register", "new_member")

    # -- the window -----------------------------------------------------------------------------------------
    def update_title(self) -> None:
        home = organisation.home_unit(self.context.db)
        title = strings.APP_TITLE.format(unit=home.name) if home else strings.APP_TITLE_EMPTY
        if self.context.db.read_only:
            title += strings_backup.TITLE_READ_ONLY
        self.setWindowTitle(sw.SAMPLE_TITLE_PREFIX + title if self.sample else title)

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.update_title()

    def may_close(self) -> bool:
        """Every editor's typed work saved or let go (asked before quitting or switching register)."""
        return allow_leave_all(self)

    def open_backups(self):
        """The backup dialog (menu Sao lưu): make, verify and restore backups of this register."""
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
        if not db.path_text or db.read_only:
            return
        try:
            settings = backup.settings(db)
            if (on_exit and settings["on_exit"]) or (not on_exit and backup.daily_backup_due(db)):
                backup.automatic_backup(db, self.context.actor)
        except Exception as error:   # noqa: BLE001 - the backup must not stop the window
            import logging

            logging.getLogger(__name__).warning("automatic backup failed: %s", type(error).__name__)

    def closeEvent(self, event) -> None:
        if not self.may_close():
            event.ignore()
            return
        self.automatic_backup(on_exit=True)
        if self._titles is not None:
            self._titles.remove()
        super().closeEvent(event)
