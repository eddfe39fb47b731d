"""The temporary folder of previewed PDFs: one per page, removed with the page, on application exit,
and (for a session that crashed) at the next start when it is older than a day.

Previews hold the full names of members: they must not outlive the window that showed them.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path

PREFIX = "tayninh-preview-"
STALE_AFTER_S = 24 * 3600


def remove(path: Path) -> None:
    """Delete a preview folder and what is in it (a file still open elsewhere is left, never raised)."""
    shutil.rmtree(path, ignore_errors=True)


def sweep_stale(root: Path | None = None, *, now: float | None = None) -> int:
    """Remove preview folders a crashed session left behind; the number removed."""
    root = Path(root or tempfile.gettempdir())
    now = now or time.time()
    removed = 0
    for folder in root.glob(PREFIX + "*"):
        try:
            old = now - folder.stat().st_mtime > STALE_AFTER_S
        except OSError:
            continue
        if old and folder.is_dir():
            remove(folder)
            removed += 1
    return removed


class PreviewFolder:
    """A private temporary folder; ``path_for(n)`` names the n-th preview, ``discard(path)`` drops one."""

    def __init__(self) -> None:
        sweep_stale()
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX))
        self._remover = partial(remove, self.path)   # holds no reference to the page: safe in destroyed
        atexit.register(self._remover)

    def path_for(self, number: int) -> Path:
        return self.path / f"xem-truoc-{number}.pdf"

    def discard(self, path: Path | None) -> None:
        """Delete a preview no longer shown (only files inside this folder)."""
        if path is not None and path.parent == self.path:
            path.unlink(missing_ok=True)

    def attach(self, widget, app) -> None:
        """Remove the folder when ``widget`` is destroyed and when ``app`` is about to quit."""
        widget.destroyed.connect(self._remover)
        if app is not None:
            app.aboutToQuit.connect(self._remover)

    def cleanup(self) -> None:
        remove(self.path)
        atexit.unregister(self._remover)
