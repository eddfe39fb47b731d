"""The user guide: docs/huong-dan.md with the pictures screenshots.py --guide makes, shown with its pictures by
Trợ giúp › Hướng dẫn (F1); the About box gives the program's version."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

from PySide6.QtGui import QTextImageFormat

from tayninh_desktop.config import program_version
from tayninh_desktop.ui import main_menu
from tayninh_desktop.ui.dialogs.guide_dialog import PICTURE_WIDTH, guide_file

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "huong-dan.md"
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def _screenshots_module():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pictures() -> list[str]:
    return PICTURE.findall(GUIDE.read_text(encoding="utf-8"))


def test_the_guide_shows_every_picture_the_script_makes_and_only_those():
    named = _pictures()
    assert len(named) >= 10
    folder = ROOT / "docs" / "huong-dan"
    assert sorted(Path(name).stem for name in named) == sorted(_screenshots_module().GUIDE_SHOTS)
    assert all((GUIDE.parent / name).is_file() for name in named)
    on_disk = sorted(folder.glob("*.png"))
    assert sorted(p.name for p in on_disk) == sorted(Path(n).name for n in named)   # no stray picture
    assert sum(p.stat().st_size for p in on_disk) < 3 * 1024 * 1024


def test_the_guide_walks_the_office_year():
    text = GUIDE.read_text(encoding="utf-8")
    for topic in ("Lần đầu", "Nạp danh sách", "sinh hoạt chi bộ", "đảng phí", "xếp loại", "Đề án 03",
                  "ra khỏi Đảng", "Hỗ trợ đảng viên", "báo cáo gửi Tỉnh ủy", "Sao lưu"):
        assert topic.lower() in text.lower(), topic


def test_help_opens_the_guide_with_its_pictures(context, qtbot):
    from tayninh_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.menus["guide"].shortcut().toString() == "F1"
    dialog = main_menu.open_guide(window)
    qtbot.addWidget(dialog)
    assert guide_file() == GUIDE and dialog.source == GUIDE
    assert "Hướng dẫn sử dụng Sổ đảng viên" in dialog.viewer.toPlainText()
    names = []
    block = dialog.viewer.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                names.append(QTextImageFormat(fragment.charFormat()).name())
            iterator += 1
        block = block.next()
    assert sorted(names) == sorted(_pictures())
    for name in names:
        picture = dialog.viewer.picture(name)
        assert not picture.isNull() and picture.width() <= PICTURE_WIDTH, name
    dialog.close()


def test_the_about_box_gives_the_version(context, qtbot):
    from tayninh_desktop.ui.main_window import MainWindow

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert program_version() == version
    from tayninh_desktop import __version__

    assert __version__ == version              # the fallback of a bundle without the wheel's metadata
    window = MainWindow(context)
    qtbot.addWidget(window)
    about = main_menu.open_about(window)
    qtbot.addWidget(about)
    assert f"Phiên bản:</b> {version}" in about.text.text()
    about.close()
