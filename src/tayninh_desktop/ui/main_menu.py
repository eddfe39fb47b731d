"""The menu bar of the main window: Tệp (the way between the sample and the real register, quit), Cài đặt (the
Settings page), Sao lưu (the backup dialog), Trợ giúp (the guide, About).

Sao lưu opens the window's backup dialog (``MainWindow.open_backups``: make, verify, restore).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from tayninh_desktop.ui import strings_window as sw


def open_backup(window):
    """The hook of "Sao lưu": the backup dialog on the window's register."""
    return window.open_backups()


def open_guide(window):
    from tayninh_desktop.ui.dialogs.guide_dialog import GuideDialog

    dialog = GuideDialog(window)
    dialog.open()
    return dialog


def open_about(window):
    from tayninh_desktop.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(window.context, window.sample, window)
    dialog.open()
    return dialog


def _action(window, text: str, name: str, slot, shortcut: str = "") -> QAction:
    action = QAction(text, window, objectName=name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(window) -> dict[str, QAction]:
    """Fill the window's menu bar; the actions by name (tests and the start checklist use them)."""
    bar = window.menuBar()
    actions: dict[str, QAction] = {}
    file_menu = bar.addMenu(sw.MENU_FILE)
    if window.sample:
        actions["leave_sample"] = _action(window, sw.MENU_LEAVE_SAMPLE, "menu_leave_sample",
                                          lambda: window.switch_register.emit(False))
    else:
        actions["open_sample"] = _action(window, sw.MENU_OPEN_SAMPLE, "menu_open_sample",
                                         lambda: window.switch_register.emit(True))
    file_menu.addAction(next(iter(actions.values())))
    file_menu.addSeparator()
    actions["quit"] = _action(window, sw.MENU_QUIT, "menu_quit", window.close, "Ctrl+Q")
    file_menu.addAction(actions["quit"])
    actions["settings"] = _action(window, sw.MENU_SETTINGS, "menu_settings", lambda: window.show_page("settings"))
    bar.addAction(actions["settings"])
    actions["backup"] = _action(window, sw.MENU_BACKUP, "menu_backup", lambda: open_backup(window))
    bar.addAction(actions["backup"])
    help_menu = bar.addMenu(sw.MENU_HELP)
    actions["guide"] = _action(window, sw.MENU_GUIDE, "menu_guide", lambda: open_guide(window), "F1")
    actions["about"] = _action(window, sw.MENU_ABOUT, "menu_about", lambda: open_about(window))
    help_menu.addAction(actions["guide"])
    help_menu.addAction(actions["about"])
    return actions
