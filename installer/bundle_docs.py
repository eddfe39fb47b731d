"""The user guide the bundle ships beside the program's files (PyInstaller's `datas` pairs): docs/huong-dan.md and
the pictures it shows (docs/huong-dan/*.png). The guide dialog (ui/dialogs/guide_dialog.py) finds them in the
bundle's folder of files (sys._MEIPASS); tests/test_packaging.py checks the list against the guide."""

from __future__ import annotations

from pathlib import Path

GUIDE = Path("docs") / "huong-dan.md"
PICTURES = Path("docs") / "huong-dan"


def guide_datas(root: Path) -> list[tuple[str, str]]:
    """(file, folder inside the bundle) for the guide and each of its pictures, from the checkout at ``root``."""
    pairs = [(str(root / GUIDE), GUIDE.parent.as_posix())]
    pairs += [(str(path), PICTURES.as_posix()) for path in sorted((root / PICTURES).glob("*.png"))]
    return pairs
