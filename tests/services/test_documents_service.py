"""Printing from the register: numbering, the document register, reprint, header lines by date."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents
from tayninh_desktop.storage import audit, settings_repo
from tests.documents.conftest import pdftotext


def _print(db, actor, cells, tmp_path, name="nq", on=date(2026, 2, 5), **kw):
    request = documents.PrintRequest(cell_id=cells["CB01"].id, on=on, **kw)
    return documents.print_form(db, actor, "nghi_quyet_chi_bo", tmp_path / f"{name}.pdf", request)


def test_numbers_follow_type_issuer_and_year(home_db, actor, cells, tmp_path):
    first, changes = _print(home_db, actor, cells, tmp_path, "a")
    second, _ = _print(home_db, actor, cells, tmp_path, "b")
    next_year, _ = _print(home_db, actor, cells, tmp_path, "c", on=date(2027, 1, 5))
    assert (first.symbol, second.symbol, next_year.symbol) == ("1-NQ/CB", "2-NQ/CB", "1-NQ/CB")
    assert changes.documents
    assert "Số 2-NQ/CB" in pdftotext(second.path, 1, 1)


def test_configurable_start_number(home_db, actor, cells, tmp_path):
    settings_repo.put(home_db, documents.NUMBER_START_KEY, {"NQ": 15})
    result, _ = _print(home_db, actor, cells, tmp_path)
    assert result.symbol == "15-NQ/CB"


def test_register_records_hash_and_audit(home_db, actor, cells, tmp_path):
    import hashlib

    result, _ = _print(home_db, actor, cells, tmp_path)
    (doc,) = documents.register_listing(home_db)
    assert doc.symbol == "1-NQ/CB" and doc.issued_on == date(2026, 2, 5)
    assert doc.pdf_sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    rows = home_db.execute("SELECT action, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1").fetchall()
    assert rows == [("issue_document", doc.id)]
    assert audit.verify_chain(home_db)[1] is None


def test_reprint_gives_the_same_pdf(home_db, actor, cells, tmp_path):
    result, _ = _print(home_db, actor, cells, tmp_path)
    again = documents.reprint(home_db, actor, result.document_id, tmp_path / "again.pdf")
    assert again.sha256 == result.sha256 and again.symbol == "1-NQ/CB"


def test_drafts_and_blank_forms_take_no_number(home_db, actor, cells, tmp_path):
    _print(home_db, actor, cells, tmp_path, "d", issue=False)
    _print(home_db, actor, cells, tmp_path, "e", blank=True)
    assert documents.register_listing(home_db) == []


def test_cell_form_without_cell_is_refused(home_db, actor, tmp_path):
    with pytest.raises(DomainError) as err:
        documents.print_form(home_db, actor, "nghi_quyet_chi_bo", tmp_path / "x.pdf", documents.PrintRequest())
    assert err.value.code == "form_needs"
    assert not (tmp_path / "x.pdf").exists()


def test_header_comes_from_the_tree_on_the_document_date(home_db, actor, cells, tmp_path):
    result, _ = _print(home_db, actor, cells, tmp_path)
    lines = [line.strip() for line in pdftotext(result.path, 1, 1).splitlines() if line.strip()]
    assert "ĐẢNG ỦY XÃ HƯNG THUẬN" in lines or "ĐẢNG BỘ XÃ HƯNG THUẬN" in lines
    assert "CHI BỘ ẤP CẦU XE" in lines
    assert "Hưng Thuận, ngày 05 tháng 02 năm 2026" in lines


def test_member_list_from_the_register(demo_copy, actor, tmp_path):
    from tayninh_desktop.services import organisation
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_copy)
    cell = organisation.cells(db)[0]
    result, _ = documents.print_form(db, actor, "danh_sach_dang_vien", tmp_path / "ds.pdf",
                                     documents.PrintRequest(cell_id=cell.id))
    members = documents.build_context(db, "danh_sach_dang_vien", documents.PrintRequest(cell_id=cell.id))["members"]
    text = " ".join(pdftotext(result.path).split())
    assert members and all(m["full_name"] in text for m in members)


def test_print_the_register(home_db, actor, cells, tmp_path):
    _print(home_db, actor, cells, tmp_path, on=date.today())
    result = documents.print_register(home_db, actor, tmp_path / "so.pdf")
    assert "1-NQ/CB" in pdftotext(result.path)


def test_forms_list_by_scope():
    ids = {f.id for f in documents.list_forms("member")}
    assert "giay_gioi_thieu_sinh_hoat_dang" in ids and "phieu_bieu_quyet" not in ids
