"""Bad packages, bad sticks: a clear Vietnamese message naming the file, nothing changed at either end."""

from __future__ import annotations

import errno
import os
import random
import subprocess

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import returns_files, returns_keys, returns_receive, returns_send
from tayninh_desktop.storage import returns_repo
from tests.services.returns_world import (
    ACTOR,
    PERIOD,
    TODAY,
    exchange,
    make_world,
    new_superior,
    table_counts,
)


@pytest.fixture
def world(demo_db_path, tmp_path):
    w = make_world(demo_db_path, tmp_path)
    yield w
    w.close()


@pytest.fixture
def package(world):
    result = returns_send.export_return(world.unit, ACTOR, PERIOD, world.stick, explanations=world.explanations(),
                                        today=TODAY)[0]
    return result.path


def _import_refused(world, path) -> str:
    before = table_counts(world.superior)
    outcomes, _ = returns_receive.import_returns(world.superior, ACTOR, path, write_receipts=False)
    assert [o.status for o in outcomes] == ["refused"], outcomes[0].message
    assert table_counts(world.superior) == before
    assert not list(path.parent.glob("*.tnbn"))
    return outcomes[0].message


def test_byte_flips_at_sampled_positions_are_all_refused(world, package):
    """Every byte of the file matters; the whole file is flipped byte by byte in bench/flip_all_bytes.py."""
    data = package.read_bytes()
    rng = random.Random(14)
    positions = sorted({*range(64), *range(len(data) - 64, len(data)), *rng.sample(range(len(data)), 120)})
    damaged_path = package.with_name("hong.tnr")
    for position in positions:
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(8)
        damaged_path.write_bytes(bytes(damaged))
        message = _import_refused(world, damaged_path)
        assert "hong.tnr" in message, (position, message)


@pytest.mark.parametrize("keep", [0, 10, 1000, -200, -1])
def test_a_truncated_package_is_refused(world, package, keep):
    data = package.read_bytes()
    short = package.with_name("cut.tnr")
    short.write_bytes(data[:keep])
    message = _import_refused(world, short)
    assert "cut.tnr" in message and "hỏng" in message


def test_a_package_from_an_unknown_sender_is_refused(world, tmp_path):
    """A commune that holds the superior's card sends before the superior has taken (and compared) its own."""
    from tayninh_desktop.services import organisation, returns_payload
    from tayninh_desktop.storage.db import open_database

    stranger = open_database(tmp_path / "xa-la.sqlite3", create=True)
    try:
        organisation.initialise(stranger, ACTOR, unit_code="XL", unit_name="Đảng ủy xã Lạ",
                                superior_name="Tỉnh ủy Tây Ninh", superior_code="TU")
        card = returns_keys.export_card(world.superior, ACTOR, tmp_path / "tu.tnkey")
        returns_keys.import_card(stranger, ACTOR, tmp_path / "tu.tnkey", confirmed=card.fingerprint)
        keys = returns_payload.prepare(stranger, PERIOD, today=TODAY).warning_keys
        result = returns_send.export_return(stranger, ACTOR, PERIOD, tmp_path, today=TODAY,
                                            explanations={k: "Chưa có số liệu" for k in keys})[0]
    finally:
        stranger.conn.close()
    message = _import_refused(world, result.path)
    assert "chưa có thẻ khóa" in message and "Đảng ủy xã Lạ" in message


def test_a_package_for_another_receiver_is_refused(world, package, tmp_path):
    other = new_superior(tmp_path / "khac.sqlite3", code="TU2", name="Tỉnh ủy Khác")
    try:
        (tmp_path / "cards2").mkdir()
        exchange(world.unit, other, tmp_path / "cards2")   # the unit now knows other keys too, the package stays
        outcomes, _ = returns_receive.import_returns(other, ACTOR, package, write_receipts=False)
        assert outcomes[0].status == "refused"
        assert "không phải đơn vị này" in outcomes[0].message
    finally:
        other.conn.close()


def test_a_package_signed_by_another_key_is_refused(world, package, tmp_path):
    """Someone makes a package in the unit's name with a key of their own: the signature does not match the card."""
    from tayninh_desktop.exchange import return_crypto, return_package

    parts = return_package.unpack(package.read_bytes(), package.name)
    forger = return_crypto.new_key_pair()
    signature = return_crypto.sign(forger.sign_private, return_package.signed_message(parts.manifest,
                                                                                      parts.ciphertext))
    forged = package.with_name("gia.tnr")
    forged.write_bytes(return_package.pack(return_package.PackageParts(parts.manifest, parts.ciphertext, signature)))
    message = _import_refused(world, forged)
    assert "Chữ ký" in message and "gia.tnr" in message


def test_a_full_stick_leaves_nothing_at_either_end(world, monkeypatch):
    def full(handle, data):
        handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(returns_files, "_write_chunks", full)
    before = table_counts(world.unit)
    with pytest.raises(DomainError) as caught:
        returns_send.export_return(world.unit, ACTOR, PERIOD, world.stick, explanations=world.explanations(),
                                   today=TODAY)
    assert caught.value.code == "return_disk_full" and "đầy" in caught.value.message
    assert table_counts(world.unit) == before
    assert not returns_repo.period_lock(world.unit, PERIOD).locked
    assert list(world.stick.iterdir()) == []


def test_a_stick_pulled_out_while_writing_leaves_nothing(world, monkeypatch):
    def pulled(handle, data):
        handle.write(data[:1000])
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(returns_files, "_write_chunks", pulled)
    before = table_counts(world.unit)
    with pytest.raises(DomainError) as caught:
        returns_send.export_return(world.unit, ACTOR, PERIOD, world.stick, explanations=world.explanations(),
                                   today=TODAY)
    assert caught.value.code == "return_medium_gone" and "rút" in caught.value.message
    assert table_counts(world.unit) == before
    assert list(world.stick.iterdir()) == []


def test_a_stick_that_does_not_keep_what_was_written_is_caught(world, monkeypatch):
    real = returns_files.read_back

    def lying(path):
        data = bytearray(real(path))
        data[len(data) // 2] ^= 0xFF
        return bytes(data)

    monkeypatch.setattr(returns_files, "read_back", lying)
    before = table_counts(world.unit)
    with pytest.raises(DomainError) as caught:
        returns_send.export_return(world.unit, ACTOR, PERIOD, world.stick, explanations=world.explanations(),
                                   today=TODAY)
    assert caught.value.code == "return_read_back_differs"
    assert table_counts(world.unit) == before
    assert list(world.stick.iterdir()) == []


@pytest.fixture
def tiny_stick(tmp_path):
    """A real 64 KB file system (tmpfs) standing for a full stick; needs the right to mount (root, as in CI)."""
    mount = tmp_path / "usb-day"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    (mount / "da-co.bin").write_bytes(b"\0" * 60 * 1024)
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_really_full_stick_is_refused_and_nothing_is_recorded(world, tiny_stick):
    before = table_counts(world.unit)
    with pytest.raises(DomainError) as caught:
        returns_send.export_return(world.unit, ACTOR, PERIOD, tiny_stick, explanations=world.explanations(),
                                   today=TODAY)
    assert caught.value.code == "return_disk_full"
    assert table_counts(world.unit) == before
    assert sorted(p.name for p in tiny_stick.iterdir()) == ["da-co.bin"]


def test_no_superior_card_no_export(demo_copy, tmp_path):
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_copy)
    try:
        with pytest.raises(DomainError) as caught:
            returns_send.export_return(db, ACTOR, PERIOD, tmp_path, today=TODAY)
        assert caught.value.code == "return_no_superior_key"
    finally:
        db.conn.close()


def test_a_key_card_with_a_wrong_fingerprint_is_not_imported(world, tmp_path):
    card = returns_keys.export_card(world.superior, ACTOR, tmp_path / "c.tnkey")
    wrong = "0" * 30 if card.fingerprint != "0" * 30 else "1" * 30
    before = table_counts(world.unit)
    with pytest.raises(DomainError) as caught:
        returns_keys.import_card(world.unit, ACTOR, tmp_path / "c.tnkey", confirmed=wrong)
    assert caught.value.code == "return_card_not_confirmed"
    assert table_counts(world.unit) == before


def test_a_key_card_changed_by_hand_is_refused(world, tmp_path):
    returns_keys.export_card(world.superior, ACTOR, tmp_path / "c.tnkey")
    text = (tmp_path / "c.tnkey").read_text(encoding="utf-8").replace("Tỉnh ủy Tây Ninh", "Tỉnh ủy Giả")
    (tmp_path / "c.tnkey").write_text(text, encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        returns_keys.read_card(tmp_path / "c.tnkey")
    assert caught.value.code == "return_card_damaged"


@pytest.mark.parametrize("content", [b"", b"not json", b'{"noi_dung": {}, "chu_ky": "x"}', b"\xff\xfe" * 10])
def test_garbage_key_cards_and_receipts_are_refused(world, tmp_path, content):
    path = tmp_path / "rac.tnkey"
    path.write_bytes(content)
    with pytest.raises(DomainError) as caught:
        returns_keys.read_card(path)
    assert caught.value.code == "return_card_unreadable" and "rac.tnkey" in caught.value.message
    receipt = tmp_path / "rac.tnbn"
    receipt.write_bytes(content)
    with pytest.raises(DomainError) as caught:
        returns_receive.import_receipt(world.unit, ACTOR, receipt)
    assert caught.value.code == "receipt_unreadable"


def test_a_replaced_superior_key_makes_old_receipts_and_packages_fail_cleanly(world, package, tmp_path):
    """The superior installs anew (new keys): the unit's package, encrypted to the old key, cannot be opened."""
    fresh = new_superior(tmp_path / "moi.sqlite3")
    try:
        (tmp_path / "c3").mkdir()
        exchange(world.unit, fresh, tmp_path / "c3")
        outcomes, _ = returns_receive.import_returns(fresh, ACTOR, package, write_receipts=False)
        assert outcomes[0].status == "refused" and "khóa khác" in outcomes[0].message
    finally:
        fresh.conn.close()
