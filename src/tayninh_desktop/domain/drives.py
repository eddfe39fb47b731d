"""Removable drives (USB sticks) as the window lists them: a name, where to write, the room left (pure)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Drive:
    label: str          # the stick's name ("KINGSTON", "USB 16GB"), or its folder's name
    path: str           # where files go (a mount point, "E:\\")
    free: int           # bytes free
    size: int           # bytes in all (0 when not known)

    @property
    def free_text(self) -> str:
        return size_text(self.free)

    def as_dict(self) -> dict:
        return {"label": self.label, "path": self.path, "free": self.free, "size": self.size,
                "free_text": self.free_text}


def size_text(size: int) -> str:
    """"14,2 GB", "512 MB", "3 KB" (Vietnamese decimal comma)."""
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
            return f"{text.rstrip('0').rstrip('.') if '.' in text else text} {unit}".replace(".", ",")
    return f"{size} byte"


def _walk(devices: Iterable[dict], removable: bool = False) -> Iterable[tuple[dict, bool]]:
    for device in devices or ():
        if not isinstance(device, dict):
            continue
        here = removable or bool(device.get("rm")) or bool(device.get("hotplug")) or device.get("tran") == "usb"
        yield device, here
        yield from _walk(device.get("children") or (), here)


def parse_lsblk(text: str) -> list[tuple[str, str, int]]:
    """(label, mount point, size) of the mounted file systems on removable or hot-plugged (USB) devices, from
    ``lsblk -J -b -o NAME,RM,HOTPLUG,TRAN,LABEL,SIZE,MOUNTPOINTS`` (older lsblk: MOUNTPOINT)."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found = []
    for device, removable in _walk(data.get("blockdevices") if isinstance(data, dict) else ()):
        points = device.get("mountpoints") or [device.get("mountpoint")]
        for point in points:
            if removable and isinstance(point, str) and point and point != "[SWAP]":
                label = device.get("label") or device.get("name") or point
                found.append((str(label), point, int(device.get("size") or 0)))
    return found
