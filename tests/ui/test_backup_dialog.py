"""The backup window, reachable from the main window: back up, verify, restore (after showing what will
change), the automatic backups' setting; and the automatic backup when the window closes."""

from __future__ import annotations

from pathlib import Path

from tayninh_desktop.services import backup, organisation
from tayninh_desktop.ui.main_window import MainWindow


def shot(widget, name: str) -> None:
    folder = Path("/tmp/safety-shots")
    folder.mkdir(exist_ok=True)
    widget.resize(1366, 768)
    widget.grab().save(str(folder / f"{name}.png"))


def test_backup_restore_from_the_main_window(qtbot, demo_context, tmp_path_factory):
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_backups()
    qtbot.addWidget(dialog)
    units = demo_context.db.execute("SELECT count(*) FROM units").fetchone()[0]
    dialog.backup_now()
    entries = demo_context.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert dialog.table.rowCount() == 1 and "Đã sao lưu vào" in dialog.status.text()
    organisation.create_unit(demo_context.db, demo_context.actor, code="CBN", name="Chi bộ sau sao lưu")
    dialog.table.selectRow(0)
    assert dialog.verify(dialog.selected()).ok and "ĐẠT" in dialog.status.text()
    shown = []
    dialog.confirm = lambda text: shown.append(text) or True
    changed = []
    demo_context.changed.connect(changed.append)
    assert dialog.restore(dialog.selected()) is not None
    assert f"Tổ chức đảng: {units + 1} → {units}   (thay đổi)" in shown[0] and f"Dòng nhật ký: {entries + 1} → {entries}" in shown[0]
    assert "Đã phục hồi sổ" in dialog.status.text() and changed and changed[-1].members
    assert demo_context.db.execute("SELECT count(*) FROM units WHERE code = 'CBN'").fetchone() == (0,)
    assert dialog.table.rowCount() == 2   # the register before the restore is kept
    shot(dialog, "sao-luu")


def test_a_usb_backup_asks_a_passphrase_twice(qtbot, demo_context, tmp_path_factory):
    from tayninh_desktop.ui.dialogs.backup_dialog import BackupDialog

    dialog = BackupDialog(demo_context)
    qtbot.addWidget(dialog)
    answers = iter(["mật khẩu một", "mật khẩu hai"])
    dialog.ask_passphrase = lambda prompt: next(answers)
    stick = tmp_path_factory.mktemp("usb")
    dialog.backup_to(str(stick))
    assert "không giống nhau" in dialog.status.text() and not list(stick.iterdir())


def test_settings_and_the_backup_when_the_window_closes(qtbot, demo_context):
    from tayninh_desktop.ui.dialogs.backup_dialog import BackupDialog

    dialog = BackupDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.keep.setValue(3)
    dialog.daily.setChecked(False)
    dialog.save_settings()
    assert backup.settings(demo_context.db) == {"keep": 3, "on_exit": True, "daily": False}
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert [b.kind for b in backup.list_backups(demo_context.db)] == ["tu-dong"]
