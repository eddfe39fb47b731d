"""Removable drives: lsblk's JSON read, mounted sticks under the media folders found (the Linux path)."""

from __future__ import annotations

import json

from tayninh_desktop.domain.drives import parse_lsblk, size_text
from tayninh_desktop.services.usb_drives import linux_drives

LSBLK = {"blockdevices": [
    {"name": "sda", "rm": False, "hotplug": False, "tran": "sata", "label": None, "size": 512110190592,
     "mountpoints": [None], "children": [{"name": "sda1", "rm": False, "hotplug": False, "tran": None,
                                          "label": None, "size": 512109142016, "mountpoints": ["/"]}]},
    {"name": "sdb", "rm": True, "hotplug": True, "tran": "usb", "label": None, "size": 15518924800,
     "mountpoints": [None], "children": [{"name": "sdb1", "rm": True, "hotplug": True, "tran": None,
                                          "label": "KINGSTON", "size": 15517876224,
                                          "mountpoints": ["/media/van-thu/KINGSTON"]}]},
    {"name": "sdc", "rm": False, "hotplug": True, "tran": "usb", "label": "USB 3.0", "size": 31000000000,
     "mountpoint": "/run/media/van-thu/USB 3.0"},
]}


def test_lsblk_lists_only_mounted_removable_file_systems():
    found = parse_lsblk(json.dumps(LSBLK))
    assert found == [("KINGSTON", "/media/van-thu/KINGSTON", 15517876224),
                     ("USB 3.0", "/run/media/van-thu/USB 3.0", 31000000000)]


def test_bad_lsblk_output_lists_nothing():
    assert parse_lsblk("lsblk: unknown column") == []
    assert parse_lsblk("[]") == []


def test_size_text_uses_the_decimal_comma():
    assert size_text(15517876224) == "14,5 GB"
    assert size_text(512 * 1024 ** 2) == "512 MB"
    assert size_text(3 * 1024) == "3 KB"


def test_linux_drives_finds_a_mounted_stick_with_its_free_space(tmp_path):
    """The mount point lsblk names is measured on disk (here: the test's own folder stands for the stick)."""
    text = json.dumps({"blockdevices": [{"name": "sdb1", "rm": True, "label": "USB", "size": 1000,
                                         "mountpoints": [str(tmp_path)]}]})
    drives = linux_drives(text, roots=[tmp_path / "khong-co"])
    assert [(d.label, d.path) for d in drives] == [("USB", str(tmp_path))]
    assert drives[0].free > 0 and drives[0].free_text.endswith(("GB", "MB", "KB"))


def test_media_folders_that_are_not_mount_points_are_not_sticks(tmp_path):
    (tmp_path / "KHONG_PHAI_USB").mkdir()
    assert linux_drives("{}", roots=[tmp_path]) == []
