"""A return from the unit to the superior and its receipt back: real registers, real keys, real files."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import zipfile
from datetime import datetime

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services import returns_receive, returns_send, statistics_records
from tayninh_desktop.storage import returns_repo
from tests.services.returns_world import ACTOR, PERIOD, TODAY, make_world, table_counts


@pytest.fixture
def world(demo_db_path, tmp_path):
    w = make_world(demo_db_path, tmp_path)
    yield w
    w.close()


def _export(world, **kwargs):
    kwargs.setdefault("explanations", world.explanations())
    return returns_send.export_return(world.unit, ACTOR, PERIOD, world.stick, today=TODAY, **kwargs)[0]


def test_export_import_receipt_round_trip(world):
    result = _export(world)
    assert result.path.name == f"HT_{PERIOD}_r1.tnr" and result.safe_to_remove
    assert returns_repo.period_lock(world.unit, PERIOD).locked
    outcomes, _ = returns_receive.import_returns(world.superior, ACTOR, world.stick)
    assert [o.status for o in outcomes] == ["accepted"]
    accepted = outcomes[0]
    assert accepted.receipt is not None and accepted.receipt.exists()
    assert any(line.startswith("Biểu 1: đầu kỳ") for line in accepted.summary)
    held = returns_repo.received(world.superior, period=PERIOD)
    assert len(held) == 1 and held[0].payload["unit"]["code"] == "HT"
    assert held[0].payload["indicators"]["forms"]["bieu_1"]["values"]["D"] >= 0
    receipt, _ = returns_receive.import_receipt(world.unit, ACTOR, accepted.receipt)
    assert receipt.outcome == "accepted" and receipt.changed
    assert returns_repo.sent_returns(world.unit, PERIOD)[0].receipt_state == "accepted"
    again, _ = returns_receive.import_receipt(world.unit, ACTOR, accepted.receipt)
    assert not again.changed


def test_the_same_package_twice_changes_nothing(world):
    _export(world)
    returns_receive.import_returns(world.superior, ACTOR, world.stick)
    before = table_counts(world.superior)
    outcomes, _ = returns_receive.import_returns(world.superior, ACTOR, world.stick)
    assert [o.status for o in outcomes] == ["duplicate"]
    assert table_counts(world.superior) == before


def test_no_member_name_is_readable_anywhere_in_the_package(world):
    result = _export(world, with_snapshot=True)
    data = result.path.read_bytes()
    names = [r[0] for r in world.unit.execute("SELECT full_name FROM members")]
    cccds = [r[0] for r in world.unit.execute("SELECT cccd FROM members WHERE cccd <> ''")]
    assert len(names) > 100
    with zipfile.ZipFile(result.path) as archive:
        texts = [data] + [archive.read(n) for n in archive.namelist()]
    for name in names:
        forms = {name, unicodedata.normalize("NFD", name), fold(name), name.upper()}
        for blob in texts:
            for form in forms:
                assert form.encode("utf-8") not in blob, name
                assert form.encode("utf-16-le") not in blob, name
    for number in cccds[:50]:
        assert number.encode() not in data
    manifest = json.loads(zipfile.ZipFile(result.path).read("manifest.json"))
    assert manifest["counts"]["snapshot_members"] == len(names)


def test_reopen_needs_a_reason_and_the_next_export_is_a_new_revision(world):
    _export(world)
    with pytest.raises(DomainError) as caught:
        _export(world)
    assert caught.value.code == "return_period_locked"
    with pytest.raises(DomainError) as caught:
        returns_send.reopen_period(world.unit, ACTOR, PERIOD, "   ")
    assert "lý do" in caught.value.message
    returns_send.reopen_period(world.unit, ACTOR, PERIOD, "Bổ sung một quyết định xóa tên ghi muộn")
    assert returns_repo.reopenings(world.unit, PERIOD)[0].reason.startswith("Bổ sung")
    second = _export(world)
    assert second.revision == 2 and second.path.name.endswith("_r2.tnr")


def test_a_newer_revision_replaces_the_older_and_both_are_kept(world):
    first = _export(world)
    returns_receive.import_returns(world.superior, ACTOR, first.path)
    returns_send.reopen_period(world.unit, ACTOR, PERIOD, "Sửa số liệu")
    second = _export(world)
    outcomes, _ = returns_receive.import_returns(world.superior, ACTOR, second.path)
    assert outcomes[0].status == "accepted" and outcomes[0].superseded == 1
    assert any("So với lần trước" in line for line in outcomes[0].summary)
    states = world.superior.execute("SELECT revision, state FROM returns_received ORDER BY revision").fetchall()
    assert states == [(1, "superseded"), (2, "accepted")]
    # the older one arriving afterwards is refused and changes nothing
    before = table_counts(world.superior)
    again, _ = returns_receive.import_returns(world.superior, ACTOR, first.path)
    assert again[0].status == "duplicate"
    assert table_counts(world.superior) == before


def test_an_older_revision_never_imported_is_refused(world):
    first = _export(world)
    returns_send.reopen_period(world.unit, ACTOR, PERIOD, "Sửa số liệu")
    second = _export(world)
    returns_receive.import_returns(world.superior, ACTOR, second.path)
    before = table_counts(world.superior)
    outcomes, _ = returns_receive.import_returns(world.superior, ACTOR, first.path)
    assert outcomes[0].status == "refused"
    assert "cũ hơn lần 2" in outcomes[0].message
    assert table_counts(world.superior) == before


def test_errors_block_the_export_and_warnings_need_an_explanation(world):
    statistics_records.set_typed(world.unit, ACTOR, "bieu_2", PERIOD, "I.doan_vien", 9999, today=TODAY)
    before = table_counts(world.unit)
    with pytest.raises(DomainError) as caught:
        _export(world)
    assert caught.value.code == "return_check_errors"
    statistics_records.clear_typed(world.unit, ACTOR, "bieu_2", PERIOD, "I.doan_vien")
    with pytest.raises(DomainError) as caught:
        _export(world, explanations={})
    assert caught.value.code == "return_needs_explanations"
    with pytest.raises(DomainError) as caught:
        _export(world, explanations={**world.explanations(), "bieu_9:khong_co": "x"})
    assert caught.value.code == "return_unknown_explanation"
    assert table_counts(world.unit)["returns_sent"] == before["returns_sent"]
    assert list(world.stick.iterdir()) == []


def test_a_locked_period_refuses_typed_figures(world):
    _export(world)
    with pytest.raises(DomainError) as caught:
        statistics_records.set_typed(world.unit, ACTOR, "bieu_2", PERIOD, "I.doan_vien", 1, today=TODAY)
    assert caught.value.code == "return_period_locked_typed"


def test_explanations_travel_in_the_package(world):
    _export(world)
    returns_receive.import_returns(world.superior, ACTOR, world.stick)
    payload = returns_repo.received(world.superior, period=PERIOD)[0].payload
    explained = {e["key"]: e["explanation"] for e in payload["explanations"]}
    assert explained and all(text.startswith("Văn phòng chưa có") for text in explained.values())


def test_receipt_for_a_package_never_sent_is_refused(world, tmp_path):
    result = _export(world)
    returns_receive.import_returns(world.superior, ACTOR, result.path)
    receipt = next(world.stick.glob("*.tnbn"))
    # the unit forgets the package (its register restored from before): the receipt names nothing it sent
    world.unit.execute("DELETE FROM returns_sent")
    world.unit.conn.commit()
    with pytest.raises(DomainError) as caught:
        returns_receive.import_receipt(world.unit, ACTOR, receipt)
    assert caught.value.code == "receipt_unknown_package"


def test_a_receipt_changed_by_hand_is_refused(world):
    _export(world)
    returns_receive.import_returns(world.superior, ACTOR, world.stick)
    receipt = next(world.stick.glob("*.tnbn"))
    text = receipt.read_text(encoding="utf-8").replace('"accepted"', '"rejected"')
    receipt.write_text(text, encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        returns_receive.import_receipt(world.unit, ACTOR, receipt)
    assert caught.value.code == "receipt_bad_signature"
    assert returns_repo.sent_returns(world.unit)[0].receipt_state == ""


def test_content_failing_the_superiors_check_is_rejected_recorded_and_receipted(world):
    """A package signed by the unit whose figures break a rule (sealed without the unit's own gate)."""
    from tayninh_desktop.domain.returns import Kind
    from tayninh_desktop.services import returns_keys, returns_payload

    prepared = returns_payload.prepare(world.unit, PERIOD, today=TODAY)
    explained = returns_payload.checked_explanations(prepared, world.explanations())
    payload = returns_payload.build(world.unit, ACTOR, prepared, explained, revision=1, made="x", today=TODAY,
                                    with_snapshot=False)
    payload["indicators"]["forms"]["bieu_1"]["values"]["D"] += 5
    secrets = returns_keys.own_secrets(world.unit, ACTOR)
    data = returns_send.seal(world.unit, secrets, returns_keys.superior_key(world.unit), payload, kind=Kind.RETURN,
                             revision=1, made="2026-07-01T08:00:00+07:00")
    path = world.stick / f"HT_{PERIOD}_r1.tnr"
    path.write_bytes(data)
    outcomes, _ = returns_receive.import_returns(world.superior, ACTOR, path)
    assert outcomes[0].status == "rejected"
    assert "không đạt kiểm tra" in outcomes[0].message
    assert table_counts(world.superior)["return_rejections"] == 1
    assert table_counts(world.superior)["returns_received"] == 0
    receipt = json.loads(outcomes[0].receipt.read_text(encoding="utf-8"))
    assert receipt["noi_dung"]["outcome"] == "rejected"


def test_import_time_is_recorded_with_the_zone(world):
    _export(world)
    now = datetime(2026, 7, 10, 9, 0).astimezone()
    returns_receive.import_returns(world.superior, ACTOR, world.stick, now=now)
    assert returns_repo.received(world.superior)[0].received_at == now


def test_the_superior_register_is_a_real_sqlite_file(world):
    _export(world)
    returns_receive.import_returns(world.superior, ACTOR, world.stick)
    conn = sqlite3.connect(world.superior.path_text)
    try:
        assert conn.execute("SELECT count(*) FROM returns_received").fetchone()[0] == 1
    finally:
        conn.close()


def test_an_encrypted_backup_carries_the_keys_of_returns(world, tmp_path):
    from tayninh_desktop.services import backup
    from tayninh_desktop.storage import returns_repo as repo

    secret_ids = repo.secret_ids(world.unit)
    assert len(secret_ids) == 2
    info = backup.manifest(world.unit, "sao-luu", datetime(2026, 7, 1))
    assert set(secret_ids) <= set(info["key_ids"])
