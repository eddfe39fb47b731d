"""The USB sticks plugged in: their name, the folder to write to and the room left.

Linux: the file systems mounted from removable or USB devices (``lsblk``), and the folders under ``/media/<user>``
and ``/run/media/<user>`` where desktops mount sticks (a stick is listed once). Windows: every drive letter whose
type is DRIVE_REMOVABLE (``GetDriveTypeW``), with its volume name and free space, through ``ctypes`` (no
extra package). Nothing here opens a network or needs one.
"""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from tayninh_desktop.domain.drives import Drive, parse_lsblk

LSBLK = ("lsblk", "-J", "-b", "-o", "NAME,RM,HOTPLUG,TRAN,LABEL,SIZE,MOUNTPOINTS")
LSBLK_OLD = ("lsblk", "-J", "-b", "-o", "NAME,RM,HOTPLUG,TRAN,LABEL,SIZE,MOUNTPOINT")


def removable_drives() -> list[Drive]:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return windows_drives()
    return linux_drives()


def _lsblk() -> str:
    for command in (LSBLK, LSBLK_OLD):
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        if done.returncode == 0:
            return done.stdout
    return ""


def media_roots(user: str | None = None) -> list[Path]:
    user = user or _user()
    return [Path("/media") / user, Path("/run/media") / user, Path("/media")]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


def linux_drives(lsblk_text: str | None = None, roots: Iterable[Path] | None = None) -> list[Drive]:
    """The removable drives seen by ``lsblk`` and the folders under the media roots (each once)."""
    seen: dict[str, Drive] = {}
    text = _lsblk() if lsblk_text is None else lsblk_text
    for label, point, size in parse_lsblk(text):
        drive = _drive(Path(point), label, size)
        if drive is not None:
            seen[str(Path(point).resolve())] = drive
    for root in roots if roots is not None else media_roots():
        try:
            folders = sorted(p for p in root.iterdir() if p.is_dir() and os.path.ismount(p))
        except OSError:
            continue
        for folder in folders:
            key = str(folder.resolve())
            if key not in seen:
                drive = _drive(folder, folder.name, 0)
                if drive is not None:
                    seen[key] = drive
    return sorted(seen.values(), key=lambda d: (d.label.lower(), d.path))


def _drive(path: Path, label: str, size: int) -> Drive | None:
    try:
        usage = shutil.disk_usage(path)
    except OSError:
        return None
    return Drive(label, str(path), usage.free, size or usage.total)


def windows_drives() -> list[Drive]:  # pragma: no cover - Windows only
    """Drive letters of type DRIVE_REMOVABLE (2), with the volume's name and the free bytes."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    kernel32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
    kernel32.GetDriveTypeW.restype = wintypes.UINT
    drive_removable = 2
    mask = kernel32.GetLogicalDrives()
    found = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        root = f"{chr(ord('A') + index)}:\\"
        if kernel32.GetDriveTypeW(root) != drive_removable:
            continue
        name = ctypes.create_unicode_buffer(261)
        if not kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0):
            continue   # a card reader with no card in it
        free, total = ctypes.c_ulonglong(0), ctypes.c_ulonglong(0)
        if not kernel32.GetDiskFreeSpaceExW(ctypes.c_wchar_p(root), ctypes.byref(free), ctypes.byref(total), None):
            continue
        found.append(Drive(name.value or f"Ổ {root[:2]}", root, free.value, total.value))
    return found
