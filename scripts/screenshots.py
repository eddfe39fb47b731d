"""Screenshots of every page and dialog at 1366×768, from a demo register in a temporary folder.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--members 600]
    .venv/bin/python scripts/screenshots.py --guide docs/huong-dan     # the user guide's pictures


Runs offscreen (no screen needed) on a pretend 1366×768 laptop screen, never touches the office's data folder (a
temporary one is used), and writes one PNG per page, tab and dialog into --out, named in the order a clerk meets
them. The main window is shot at the size it has on that laptop with a taskbar and a title bar (1366×696); the
dialogs at the size they open with. Look at every one after a change to the window: a cut date, an English button
or a dialog taller than the screen is a bug.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

SCREEN = (1366, 768)
TASKBAR, TITLE_BAR = 40, 32
SIZE = (SCREEN[0], SCREEN[1] - TASKBAR - TITLE_BAR)


def _offscreen_laptop(folder: Path) -> str:
    """Qt's offscreen platform with one 1366×768 screen, its taskbar taken off the available height."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                                "height": SCREEN[1] - TASKBAR, "logicalDpi": 96,
                                                "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _setup(members: int, folder: Path):
    if "DISPLAY" not in os.environ or os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = _offscreen_laptop(folder)
    os.environ["TAYNINH_DESKTOP_DATA_DIR"] = str(folder / "data")
    from PySide6.QtWidgets import QApplication

    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import demo, organisation
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui import app_font, qt_vietnamese
    from tayninh_desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    app_font.install(app)
    qt_vietnamese.install(app)
    TaskRunner.synchronous = True
    actor = Actor("van-thu")
    sample = folder / "so-mau.sqlite3"
    db = open_database(sample, create=True)
    demo.generate(db, actor, members=members)
    fresh_path = folder / "so-moi.sqlite3"
    fresh = open_database(fresh_path, create=True)
    organisation.initialise(fresh, actor, unit_code="LT", unit_name="Đảng ủy xã Long Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", place_name="Long Thuận")
    return app, actor, (db, sample), (fresh, fresh_path)


class Shooter:
    def __init__(self, app, out: Path) -> None:
        self.app = app
        self.out = out
        self.count = 0
        self.saved: list[Path] = []

    def shot(self, widget, name: str, size: tuple[int, int] | None = SIZE) -> None:
        """Save ``widget`` as NN-name.png (resized to ``size``; None keeps a dialog's own size)."""
        if size is not None:
            widget.resize(*size)
        widget.show()
        for _ in range(3):
            self.app.processEvents()
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)


def shoot_window(shooter: Shooter, window) -> None:
    for spec in window._specs:
        page = window.show_page(spec.key)
        if spec.key == "warnings":
            _wait(shooter.app, lambda page=page: page.ready)
        shooter.shot(window, f"trang-{spec.key}")
        if spec.key == "documents":
            shoot_documents(shooter, window, page)
        if spec.key == "settings" and hasattr(page, "show_section"):
            page.show_section("signers")    # the signers, the 2015–2020 figures, the data-since date, the terms
            shooter.shot(window, "trang-settings-nguoi-ky")


def _wait(app, done, seconds: float = 20) -> None:
    import time

    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def shoot_documents(shooter: Shooter, window, page) -> None:
    from PySide6.QtWidgets import QTabWidget

    page.show_preview()
    shooter.shot(window, "trang-documents-xem-truoc")
    tabs = page.findChild(QTabWidget, "documents_tabs")
    for index in range(1, tabs.count()):
        tabs.setCurrentIndex(index)
        shooter.shot(window, f"trang-documents-the-{index}")
    tabs.setCurrentIndex(0)


def shoot_pages_in_use(shooter: Shooter, window) -> None:
    """The party-life pages with something typed: the grids' legends, a stray key, a new meeting."""

    from PySide6.QtTest import QTest

    meetings = window.show_page("meetings")
    meetings.start_new_meeting()
    QTest.keyClick(meetings.grid, "p")
    shooter.shot(window, "sinh-hoat-buoi-moi-phim-la")
    meetings.mark_everyone_present()
    meetings.grid.setCurrentIndex(meetings.model.index(1, 3))
    QTest.keyClick(meetings.grid, "k")
    shooter.shot(window, "sinh-hoat-tat-ca-co-mat")
    meetings.guard.mark_clean()
    dues = window.show_page("dues")
    dues.grid.setCurrentIndex(dues.model.index(0, 3))
    QTest.keyClick(dues.grid, "k")
    shooter.shot(window, "dang-phi-chua-ghi")
    dues.guard.mark_clean()
    register = window.show_page("register")
    register.search.setText("nguyen van")
    register.apply_search()
    shooter.shot(window, "so-dang-vien-tim")



def shoot_dialogs(shooter: Shooter, window, context) -> None:
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.ui.dialogs.event_dialog import EventDialog
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog
    from tayninh_desktop.ui.removal import named_box, removal_question
    from tayninh_desktop.ui.unsaved import unsaved_box

    member_id = _member_with_history(context)
    dialog = MemberDialog(context, member_id, window)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        shooter.shot(dialog, f"ho-so-the-{index + 1}", size=(dialog.width(), dialog.height()))
    dialog.close()
    new = MemberDialog(context, None, window)
    shooter.shot(new, "ho-so-moi", size=None)
    new.close()
    for kind in (EventKind.MOVED_CELL, EventKind.AWAY, EventKind.STRUCK_OFF, EventKind.DIED):
        event = EventDialog(context, member_id, kind, window)
        shooter.shot(event, f"su-kien-{kind.value}", size=None)
        event.close()
    question = removal_question(context, member_id, EventKind.STRUCK_OFF, date.today())
    shooter.shot(named_box(window, *question), "hoi-xoa-ten", size=None)
    shooter.shot(unsaved_box(window, "Buổi sinh hoạt ngày 10/07/2026 của Chi bộ ấp Cầu Xe"), "hoi-chua-luu",
                 size=None)
    shoot_action_dialogs(shooter, window, context, member_id)


def shoot_action_dialogs(shooter: Shooter, window, context, member_id: str) -> None:
    """Help, About, and the dialogs the pages open (their actions), then the member tab's record dialogs."""
    from tayninh_desktop.ui import main_menu

    for name, build in (("huong-dan", main_menu.open_guide), ("gioi-thieu", main_menu.open_about)):
        shown = build(window)
        shooter.shot(shown, name, size=None)
        shown.close()
    for name, (page, action) in {"them-chi-bo": ("organisation", "add_cell"),
                                 "nhap-danh-sach": ("lists", "open_wizard"),
                                 "sua-xep-loai": ("ratings", "correct_selected"),
                                 "dien-dong-dang-phi": ("dues", "edit_terms"),
                                 "mien-giam-dang-phi": ("dues", "grant_relief"),
                                 "bieu-danh-gia": ("meetings", "edit_rubric")}.items():
        if name == "sua-xep-loai":
            _rate_first(window)
        shown = window.open_action(page, action)
        if shown is not None:
            shooter.shot(shown, name, size=None)
            shown.close()
    tab = _party_life_tab(context, member_id, window)
    for name, action in (("xep-loai", tab.add_rating), ("ky-luat", tab.add_discipline),
                         ("giay-gioi-thieu", tab.add_letter)):
        shown = action()
        shooter.shot(shown, name, size=None)
        shown.close()


def _member_with_history(context) -> str:
    from tayninh_desktop.services import register

    rows = register.summaries(context.db, register.list_rowids(context.db)[:200])
    counts = [(len(register.history(context.db, r.id)), r.id) for r in rows]
    return max(counts)[1]


def _rate_first(window) -> None:
    from PySide6.QtTest import QTest

    page = window.show_page("ratings")
    if not page.model.rows:
        return
    page.grid.setCurrentIndex(page.model.index(0, 3))
    if not page.model.rows[0].saved:
        QTest.keyClick(page.grid, "h")
        page.save()
    page.grid.setCurrentIndex(page.model.index(0, 3))


def _party_life_tab(context, member_id: str, window):
    from tayninh_desktop.ui.widgets.member_party_life import MemberPartyLife

    tab = MemberPartyLife(context, member_id)
    tab.setParent(window, tab.windowFlags())
    return tab


def shoot_first_day(shooter: Shooter, actor, fresh, folder: Path) -> None:
    """A new committee: the first-run screen, the home page with its checklist, the empty pages."""
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog
    from tayninh_desktop.ui.main_window import MainWindow

    first = FirstRunDialog(actor, folder / "so-that.sqlite3", folder / "so-mau.sqlite3")
    shooter.shot(first, "bat-dau", size=None)
    first.close()
    db, path = fresh
    window = MainWindow(UiContext(db, actor, str(path)))
    for key in ("warnings", "register", "meetings", "dues", "organisation"):
        page = window.show_page(key)
        if key == "warnings":
            _wait(shooter.app, lambda page=page: page.ready)
        shooter.shot(window, f"so-moi-{key}")
    window.close()


def _let_go(app) -> None:
    """Whatever the shots typed is not kept: close without the unsaved-changes question."""
    from tayninh_desktop.ui.unsaved import UnsavedGuard

    for widget in app.topLevelWidgets():
        for guard in widget.findChildren(UnsavedGuard):
            guard.retired = True


# The user guide's pictures (docs/huong-dan.md names them): name → what is shot. One command makes them all again.
GUIDE_SHOTS = (
    "bat-dau", "trang-chu", "nhap-danh-sach", "so-dang-vien", "ho-so", "sinh-hoat", "dang-phi", "xep-loai",
    "sang-loc", "xoa-ten", "hoi-xoa-ten", "ho-tro", "thong-ke", "bao-cao", "sao-luu",
)
GUIDE_WIDTH = 1366         # the laptop's width: the pictures are shown at the size a clerk sees them
GUIDE_COLOURS = 128        # palette PNGs: a window's few flat colours, a tenth of the bytes of a full-colour one


def _settle(app, seconds: float = 0.8) -> None:
    """Let the pages' delayed first reads (timers, the synchronous TaskRunner) run."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _small_png(path: Path) -> None:
    """Rewrite ``path`` as a palette PNG, optimised (Pillow, which reportlab brings)."""
    from PIL import Image

    with Image.open(path) as image:
        picture = image.convert("RGB")
    if picture.width > GUIDE_WIDTH:
        picture = picture.resize((GUIDE_WIDTH, round(picture.height * GUIDE_WIDTH / picture.width)))
    picture.quantize(colors=GUIDE_COLOURS, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


class GuideShooter(Shooter):
    """Shots named as the guide names them (no number), each made small."""

    def shot(self, widget, name: str, size: tuple[int, int] | None = SIZE) -> None:
        if name not in GUIDE_SHOTS:
            raise ValueError(f"not a picture of the guide: {name}")
        _settle(self.app, 0.3)
        super().shot(widget, name, size)
        final = self.out / f"{name}.png"
        self.saved[-1].replace(final)
        self.saved[-1] = final
        _small_png(final)


def shoot_guide(shooter: GuideShooter, actor, folder: Path, window, context) -> None:
    """The office's year as the guide walks it: first run, the list, party life, the review, the help list, a
    removal, the support programme, the statistics and the return, backups."""
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.ui import main_menu
    from tayninh_desktop.ui.dialogs.event_dialog import EventDialog
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog
    from tayninh_desktop.ui.removal import named_box, removal_question

    first = FirstRunDialog(actor, folder / "so-that.sqlite3", folder / "so-mau.sqlite3", create_only=True)
    first.search.setText("hung")               # typed without diacritics: every "Hưng…" shows
    wanted = [row for row in range(first.choices.count()) if "Hưng Thuận" in first.choices.item(row).text()]
    first.choices.setCurrentRow(wanted[0] if wanted else 0)
    shooter.shot(first, "bat-dau", size=None)
    first.close()
    page = window.show_page("warnings")
    _wait(shooter.app, lambda page=page: page.ready)
    shooter.shot(window, "trang-chu")
    window.show_page("lists")
    shooter.shot(window, "nhap-danh-sach")
    register = window.show_page("register")
    register.search.setText("nguyen van")
    register.apply_search()
    shooter.shot(window, "so-dang-vien")
    member_id = _member_with_history(context)
    record = MemberDialog(context, member_id, window)
    shooter.shot(record, "ho-so", size=(record.width(), record.height()))
    record.close()
    meetings = window.show_page("meetings")
    meetings.start_new_meeting()
    meetings.mark_everyone_present()
    shooter.shot(window, "sinh-hoat")
    meetings.guard.mark_clean()
    window.show_page("dues")
    shooter.shot(window, "dang-phi")
    window.show_page("ratings")
    shooter.shot(window, "xep-loai")
    window.show_page("screening")
    _settle(shooter.app, 1.5)
    shooter.shot(window, "sang-loc")
    event = EventDialog(context, member_id, EventKind.STRUCK_OFF, window)
    shooter.shot(event, "xoa-ten", size=None)
    event.close()
    question = removal_question(context, member_id, EventKind.STRUCK_OFF, date.today())
    shooter.shot(named_box(window, *question), "hoi-xoa-ten", size=None)
    window.show_page("support")
    shooter.shot(window, "ho-tro")
    window.show_page("statistics")
    _settle(shooter.app, 1.0)
    shooter.shot(window, "thong-ke")
    returns = window.show_page("returns")
    returns.send.check()                       # the period's check, as the clerk does before sending
    _settle(shooter.app, 1.0)
    shooter.shot(window, "bao-cao")
    backup = main_menu.open_backup(window)
    backup.backup_now()
    shooter.shot(backup, "sao-luu", size=None)
    backup.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ảnh chụp mọi trang và hộp thoại ở 1366×768 từ một sổ mẫu.")
    parser.add_argument("--out", default="screenshots", help="thư mục ghi ảnh (mặc định: screenshots)")
    parser.add_argument("--members", type=int, default=600, help="số đảng viên của sổ mẫu (mặc định 600)")
    parser.add_argument("--guide", metavar="THU_MUC",
                        help="chỉ chụp các ảnh của tài liệu hướng dẫn (docs/huong-dan.md) vào thư mục này, "
                             "tên cố định, ảnh đã thu nhỏ dung lượng")
    args = parser.parse_args(argv)
    if args.guide:
        return guide(Path(args.guide), args.members)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tayninh-anh-") as temp:
        folder = Path(temp)
        app, actor, (db, path), fresh = _setup(args.members, folder)
        from tayninh_desktop.ui.context import UiContext
        from tayninh_desktop.ui.main_window import MainWindow

        shooter = Shooter(app, out)
        shoot_first_day(shooter, actor, fresh, folder)
        context = UiContext(db, actor, str(path))
        window = MainWindow(context)
        shoot_window(shooter, window)
        shoot_pages_in_use(shooter, window)
        shoot_dialogs(shooter, window, context)
        _let_go(app)
        window.close()
        if "documents" in window.pages:
            window.pages["documents"].cleanup()
        db.conn.close()
        fresh[0].conn.close()
    print(f"Đã chụp {len(shooter.saved)} ảnh vào {out}/")
    return 0


def guide(out: Path, members: int) -> int:
    """Shoot the guide's pictures into ``out`` (the old ones replaced; a picture the guide no longer names
    removed)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        if old.stem not in GUIDE_SHOTS:
            old.unlink()
    with tempfile.TemporaryDirectory(prefix="tayninh-anh-") as temp:
        folder = Path(temp)
        app, actor, (db, path), fresh = _setup(members, folder)
        from tayninh_desktop.ui.context import UiContext
        from tayninh_desktop.ui.main_window import MainWindow

        shooter = GuideShooter(app, out)
        context = UiContext(db, actor, str(path))
        window = MainWindow(context)
        shoot_guide(shooter, actor, folder, window, context)
        _let_go(app)
        window.close()
        if "documents" in window.pages:
            window.pages["documents"].cleanup()
        db.conn.close()
        fresh[0].conn.close()
    total = sum(p.stat().st_size for p in shooter.saved)
    print(f"Đã chụp {len(shooter.saved)} ảnh hướng dẫn vào {out}/ ({total // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
