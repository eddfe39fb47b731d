"""A check that catches tampering: each direct edit with sqlite3 is named (table, member, entry).

The register is the session's demo (400 members, three years of party life) plus a numbered
document and a few actions through the program; each test edits a private copy with plain sqlite3,
as someone with the file and a SQLite tool would, then runs ``check``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents, integrity, organisation
from tayninh_desktop.storage import keystore
from tayninh_desktop.storage.db import open_database


@pytest.fixture(scope="session")
def sealed_path(demo_db_path, tmp_path_factory):
    """The demo with a numbered document, written by the program."""
    path = tmp_path_factory.mktemp("tamper") / "so.sqlite3"
    shutil.copy(demo_db_path, path)
    db = open_database(path)
    actor = Actor("van-thu")
    cell = organisation.cells(db)[0]
    documents.print_form(db, actor, "nghi_quyet_chi_bo", path.parent / "nq.pdf",
                         documents.PrintRequest(cell_id=cell.id, on=date(2026, 2, 5), summary="về sinh hoạt chi bộ tháng 02",
                                                 content=("Học tập chuyên đề năm 2026.",)))
    db.conn.close()
    return path


@pytest.fixture
def copy(sealed_path, tmp_path):
    """A private copy, opened once by the program at its new place (so this computer records its head)."""
    path = tmp_path / "so.sqlite3"
    shutil.copy(sealed_path, path)
    db = open_database(path)
    organisation.create_unit(db, Actor("van-thu"), code="CBX", name="Chi bộ kiểm tra")
    db.conn.close()
    assert integrity.check_file(path).ok
    return path


def edit(path: Path, *statements: str, params=()) -> None:
    conn = sqlite3.connect(str(path))
    for sql in statements:
        conn.execute(sql, params if "?" in sql else ())
    conn.commit()
    conn.close()


def one(path: Path, sql: str, params=()):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def findings(path: Path) -> tuple[integrity.CheckReport, list[integrity.Finding]]:
    report = integrity.check_file(path)
    return report, report.findings()


def codes(found) -> set[str]:
    return {f.code for f in found}


def test_the_untouched_register_passes(copy):
    report = integrity.check_file(copy)
    assert report.ok and report.scopes > 400 and not report.findings()


@pytest.mark.parametrize(("sql", "table"), [
    ("UPDATE members SET full_name = 'Người Khác' WHERE id = ?", "members"),
    ("UPDATE member_events SET event_date = '1950-01-01' WHERE member_id = ?", "member_events"),
    ("DELETE FROM dues WHERE member_id = ? AND month = (SELECT min(month) FROM dues WHERE member_id = ?)", "dues"),
    ("UPDATE member_periods SET status = 'chinh_thuc' WHERE member_id = ?", "member_periods"),
])
def test_a_member_row_edited_outside_the_program_is_named(copy, sql, table):
    member_id, name = one(copy, "SELECT m.id, m.full_name FROM members m JOIN dues d ON d.member_id = m.id"
                                " WHERE m.status = 'du_bi' LIMIT 1")
    conn = sqlite3.connect(str(copy))
    conn.execute(sql, (member_id,) * sql.count("?"))
    conn.commit()
    conn.close()
    report, found = findings(copy)
    assert not report.ok and report.verdict == integrity.DAMAGED
    (problem,) = [f for f in found if f.data.get("id") == member_id]
    assert problem.code == "row_changed" and problem.data["tables"] == table
    assert problem.data["seq"] >= 1 and "đảng viên" in problem.message
    assert (name if table != "members" else "Người Khác") in problem.message


def test_attendance_changed_names_the_meeting(copy):
    meeting_id, day = one(copy, "SELECT m.id, m.meeting_date FROM meetings m JOIN attendance a ON a.meeting_id = m.id"
                                " WHERE a.state <> 'co_mat' LIMIT 1")
    edit(copy, "UPDATE attendance SET state = 'co_mat' WHERE meeting_id = ?", params=(meeting_id,))
    _report, found = findings(copy)
    (problem,) = found
    assert problem.code == "row_changed" and problem.data["tables"] == "attendance" and day in problem.message


def test_a_document_row_changed_is_named(copy):
    symbol = one(copy, "SELECT symbol FROM documents")[0]
    edit(copy, "UPDATE documents SET summary = 'khác' WHERE symbol = ?", params=(symbol,))
    (problem,) = findings(copy)[1]
    assert problem.data["tables"] == "documents" and symbol in problem.message
    assert problem.data["action"] == "issue_document"


def test_a_member_added_outside_the_program_is_named(copy):
    conn = sqlite3.connect(str(copy))
    row = conn.execute("SELECT * FROM members LIMIT 1").fetchone()
    columns = [r[1] for r in conn.execute("PRAGMA table_info(members)")]
    values = dict(zip(columns, row, strict=True))
    values.update(id="ngoai-chuong-trinh", cccd="", card_number="", full_name="Người Thêm Ngoài")
    conn.execute(f"INSERT INTO members ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                 list(values.values()))
    conn.commit()
    conn.close()
    (problem,) = findings(copy)[1]
    assert problem.code == "row_not_audited" and "Người Thêm Ngoài" in problem.message


def test_a_meeting_deleted_outside_the_program_is_named(copy):
    meeting_id = one(copy, "SELECT id FROM meetings LIMIT 1")[0]
    edit(copy, "DELETE FROM attendance WHERE meeting_id = ?", "DELETE FROM meetings WHERE id = ?",
         params=(meeting_id,))
    (problem,) = findings(copy)[1]
    assert problem.code == "row_deleted" and problem.data["id"] == meeting_id
    assert set(problem.data["tables"].split(", ")) == {"meetings", "attendance"}


def test_a_setting_and_a_unit_changed_are_named(copy):
    edit(copy, "UPDATE unit_versions SET name = 'Chi bộ Giả' WHERE unit_id = (SELECT id FROM units WHERE code = 'CBX')",
         "UPDATE settings SET value = '\"x\"' WHERE key = 'home_unit_id'")
    found = findings(copy)[1]
    assert {(f.data["scope"], f.data["tables"]) for f in found} == {("unit", "unit_versions"), ("setting", "settings")}


def test_an_entry_edited_in_the_log_is_named(copy):
    edit(copy, "UPDATE audit_log SET actor = 'nguoi-khac' WHERE seq = 1")
    report, found = findings(copy)
    assert report.audit_broken_at == 1 and "entry_changed" in codes(found)


def test_a_chain_rehashed_without_the_key_is_caught(copy):
    """Anyone can recompute SHA-256: rewriting an entry and re-hashing the whole chain without the
    secret (as plain entries, or with a key of one's own) does not pass."""
    import hmac

    conn = sqlite3.connect(str(copy))
    rows = conn.execute("SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, rows_digest,"
                        " key_id FROM audit_log ORDER BY seq").fetchall()
    fake_key = b"k" * 32
    prev = "0" * 64
    for seq, at, actor, action, entity, entity_id, before, after, digest, ident in rows:
        actor = "nguoi-khac" if seq == 2 else actor
        payload = json.dumps([prev, at, actor, action, entity, entity_id, before, after, digest, ident],
                             ensure_ascii=False, separators=(",", ":"))
        mac = hmac.new(fake_key, payload.encode(), hashlib.sha256).hexdigest()
        conn.execute("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?", (actor, prev, mac, seq))
        prev = mac
    conn.commit()
    conn.close()
    report, found = findings(copy)
    assert not report.ok and report.audit_broken_at == 1 and "entry_changed" in codes(found)


def test_a_row_and_its_recorded_hash_changed_together_are_caught(copy):
    member_id = one(copy, "SELECT id FROM members LIMIT 1")[0]
    edit(copy, "UPDATE members SET birth_date = '1990-01-01' WHERE id = ?", params=(member_id,))
    from tayninh_desktop.storage import row_hashes

    conn = sqlite3.connect(str(copy))
    fresh = row_hashes.scope_hashes(conn, [f"member:{member_id}"])[f"member:{member_id}"]
    conn.execute("UPDATE audit_rows SET hash = ? WHERE scope = ?", (fresh, f"member:{member_id}"))
    conn.commit()
    conn.close()
    report, found = findings(copy)
    assert "rows_changed" in codes(found) and not report.rows


def test_deleting_the_last_entries_is_caught(copy):
    edit(copy, "DELETE FROM audit_rows WHERE seq = (SELECT max(seq) FROM audit_log)",
         "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    _report, found = findings(copy)
    assert {"deleted_tail", "head_ahead", "row_not_audited"} <= codes(found)


def test_deleting_the_last_entries_and_hiding_it_is_still_caught(copy):
    """Even with sqlite_sequence put back, the head this computer recorded is ahead of the log."""
    edit(copy, "DELETE FROM audit_rows WHERE seq = (SELECT max(seq) FROM audit_log)",
         "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
         "UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM audit_log) WHERE name = 'audit_log'",
         "DELETE FROM unit_versions WHERE unit_id = (SELECT id FROM units WHERE code = 'CBX')",
         "DELETE FROM units WHERE code = 'CBX'")
    _report, found = findings(copy)
    assert codes(found) == {"head_ahead"}
    assert "máy này đã ghi nhận sổ đến dòng" in found[0].message


def test_deleting_the_whole_log_is_caught(copy):
    edit(copy, "DELETE FROM audit_rows", "DELETE FROM audit_log", "DELETE FROM sqlite_sequence")
    report, found = findings(copy)
    assert not report.ok and {"head_ahead", "row_not_audited"} <= codes(found)


def test_an_older_copy_put_back_under_the_same_name_is_caught(copy, tmp_path):
    older = tmp_path / "cu.sqlite3"
    shutil.copy(copy, older)
    db = open_database(copy)
    organisation.create_unit(db, Actor("van-thu"), code="CBY", name="Chi bộ mới hơn")
    db.conn.close()
    shutil.copy(older, copy)
    _report, found = findings(copy)
    assert codes(found) == {"head_ahead"}
    # writing to the old copy does not wipe the evidence
    db = open_database(copy)
    organisation.create_unit(db, Actor("van-thu"), code="CBZ", name="Chi bộ sau cùng")
    db.conn.close()
    assert codes(findings(copy)[1]) == {"head_conflict"}


def test_dropped_table_index_and_a_slipped_in_trigger_are_named(copy):
    edit(copy, "DROP INDEX dues_unpaid", "DROP TABLE away_contacts",
         "CREATE TRIGGER sneaky AFTER INSERT ON members BEGIN SELECT 1; END")
    report, found = findings(copy)
    assert report.verdict == integrity.DAMAGED
    assert {(f.code, f.data["name"]) for f in found} == {
        ("schema_missing", "dues_unpaid"), ("schema_missing", "away_contacts"),
        ("schema_missing", "away_contacts_member"), ("schema_unknown", "sneaky")}


def test_the_log_of_another_computer_is_not_vouched_for(copy, tmp_path, monkeypatch):
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "may-khac"))
    report, found = findings(copy)
    assert not report.ok and codes(found) == {"unverifiable"}
    assert "khóa không có trên máy này" in found[0].message


def test_check_never_writes(copy):
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    wal = Path(f"{copy}-wal")
    assert integrity.check_file(copy).ok
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert not wal.exists() or wal.stat().st_size == 0


def test_an_empty_file_is_not_migrated_and_is_reported_damaged(tmp_path):
    path = tmp_path / "so.sqlite3"
    path.write_bytes(b"")
    report = integrity.check_file(path)
    assert report.verdict == integrity.DAMAGED and "0 byte" in report.integrity[0]
    with pytest.raises(DomainError) as caught:
        open_database(path)
    assert caught.value.code == "db_empty"
    assert path.stat().st_size == 0 and not Path(f"{path}-wal").exists()


def test_a_file_of_another_program_is_not_a_register(tmp_path):
    path = tmp_path / "khac.sqlite3"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError) as caught:
        integrity.check_file(path)
    assert caught.value.code in integrity.NOT_REGISTER_CODES


def test_a_damaged_file_says_restore_a_backup(copy):
    data = bytearray(copy.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 200] = b"\xff" * 200
    copy.write_bytes(bytes(data))
    report = integrity.check_file(copy)
    assert report.verdict == integrity.DAMAGED


def test_the_key_lives_outside_the_register(copy):
    ident = one(copy, "SELECT key_id FROM audit_log ORDER BY seq DESC LIMIT 1")[0]
    key = keystore.load_key(ident)
    assert key is not None and key.hex() not in copy.read_bytes().hex()
    assert (keystore.keys_dir() / f"{ident}.key").stat().st_mode & 0o077 == 0


def test_every_table_is_covered_by_the_row_hashes(copy):
    """A table another area adds is covered without changes (one scope per row); this lists the tables
    that are not hashed at all, which must be the log, the schema's bookkeeping and derived indexes."""
    from tayninh_desktop.storage import row_hashes

    conn = sqlite3.connect(str(copy))
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    unhashed = sorted(t for t in tables if not row_hashes.is_hashed(t))
    assert all(t.startswith(("audit_", "members_fts", "sqlite_", "_sqlite_migrations")) for t in unhashed)
    assert {"audit_log", "audit_rows"} <= set(unhashed)


def test_an_older_register_is_checked_as_it_is_and_not_upgraded(copy):
    """Check never migrates: a register from before the keyed log keeps its file, and its plain chain is verified."""
    from tests.crash.harness import downgrade

    downgrade(copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    report = integrity.check_file(copy)
    assert report.ok and report.pending_migrations == ["m014_integrity"] and report.audit_rows > 1
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    edit(copy, "UPDATE audit_log SET actor = 'khac' WHERE seq = 1")
    assert integrity.check_file(copy).audit_broken_at == 1
