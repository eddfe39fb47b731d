"""Printing from the register: numbering per HD 36, the document register, reprint, header lines by date."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import (
    documents,
    documents_context,
    documents_numbering,
    documents_register,
    organisation,
)
from tayninh_desktop.storage import audit, settings_repo
from tests.documents.conftest import pdftotext

CONTENT = ("Tổ chức cho đảng viên học tập Nghị quyết.",)


@pytest.fixture
def ready(home_db, actor, cells):
    """The register of a committee whose term and signers are recorded (what numbering needs)."""
    home = organisation.require_home(home_db)
    documents_numbering.add_congress(home_db, actor, date(2025, 8, 15), "Đại hội lần thứ I", today=date(2026, 1, 1))
    documents_context.set_signers(home_db, actor, home.id, "Trần Văn Bí", "Lê Thị Phó")
    documents_context.set_signers(home_db, actor, cells["CB01"].id, "Nguyễn Văn Chín", "")
    documents_context.set_signers(home_db, actor, cells["CB02"].id, "Phạm Thị Mười", "")
    return home_db


def _print(db, cells, actor, tmp_path, name="nq", on=date(2026, 2, 5), cell="CB01", **kw):
    kw.setdefault("content", CONTENT)
    request = documents.PrintRequest(cell_id=cells[cell].id, on=on, **kw)
    return documents.print_form(db, actor, "nghi_quyet_chi_bo", tmp_path / f"{name}.pdf", request)


def test_numbers_run_from_01_per_type_and_issuer(ready, actor, cells, tmp_path):
    first, changes = _print(ready, cells, actor, tmp_path, "a")
    second, _ = _print(ready, cells, actor, tmp_path, "b")
    next_year, _ = _print(ready, cells, actor, tmp_path, "c", on=date(2027, 1, 5))   # same term: the series goes on
    assert (first.symbol, second.symbol, next_year.symbol) == ("01-NQ/CB", "02-NQ/CB", "03-NQ/CB")
    assert changes.documents
    assert "Số 02-NQ/CB" in pdftotext(second.path, 1, 1)


def test_configurable_start_number(ready, actor, cells, tmp_path):
    settings_repo.put(ready, documents.NUMBER_START_KEY, {"NQ": 15})
    result, _ = _print(ready, cells, actor, tmp_path)
    assert result.symbol == "15-NQ/CB"


def test_register_records_hash_recipients_and_audit(ready, actor, cells, tmp_path):
    result, _ = _print(ready, cells, actor, tmp_path)
    (doc,) = documents_register.register_listing(ready)
    assert doc.symbol == "01-NQ/CB" and doc.issued_on == date(2026, 2, 5) and doc.term_start == date(2025, 8, 16)
    assert doc.pdf_sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert doc.recipients.splitlines() == ["Đảng ủy xã Hưng Thuận (để báo cáo)", "Đảng viên trong chi bộ", "Lưu Chi bộ"]
    assert doc.copies == 3 and doc.signer == "Nguyễn Văn Chín"
    rows = ready.execute("SELECT action, entity_id FROM audit_log ORDER BY seq DESC LIMIT 1").fetchall()
    assert rows == [("issue_document", doc.id)]
    assert audit.verify_chain(ready)[1] is None


def test_reprint_gives_the_same_pdf(ready, actor, cells, tmp_path):
    result, _ = _print(ready, cells, actor, tmp_path)
    again = documents.reprint(ready, actor, result.document_id, tmp_path / "again.pdf")
    assert again.sha256 == result.sha256 and again.symbol == "01-NQ/CB"


def test_drafts_blank_forms_and_empty_templates_take_no_number(ready, actor, cells, tmp_path):
    draft, _ = _print(ready, cells, actor, tmp_path, "d", draft=True, issue=False)
    _print(ready, cells, actor, tmp_path, "e", blank=True)
    template, _ = _print(ready, cells, actor, tmp_path, "f", content=())    # nothing written yet
    assert documents_register.register_listing(ready) == []
    assert "DỰ THẢO" in pdftotext(draft.path, 1, 1)
    assert "DỰ THẢO" not in pdftotext(template.path, 1, 1) and template.symbol == ""


def test_numbered_paper_without_a_signer_is_refused_with_the_way_to_set_it(ready, actor, cells, tmp_path):
    documents_context.set_signers(ready, actor, cells["CB01"].id, "", "")
    with pytest.raises(DomainError) as err:
        _print(ready, cells, actor, tmp_path, "x")
    assert err.value.code == "signer_missing" and "signers set --unit CB01" in err.value.message
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*")) and documents_register.register_listing(ready) == []


def test_numbering_without_a_recorded_term_is_refused(home_db, actor, cells, tmp_path):
    documents_context.set_signers(home_db, actor, cells["CB01"].id, "Nguyễn Văn Chín", "")
    with pytest.raises(DomainError) as err:
        _print(home_db, cells, actor, tmp_path, "x")
    assert err.value.code == "term_unknown" and "36-HD/VPTW" in err.value.message
    assert not list(tmp_path.glob("*.pdf"))


def test_cell_form_without_cell_is_refused(ready, actor, tmp_path):
    with pytest.raises(DomainError) as err:
        documents.print_form(ready, actor, "nghi_quyet_chi_bo", tmp_path / "x.pdf", documents.PrintRequest())
    assert err.value.code == "form_needs"
    assert not (tmp_path / "x.pdf").exists()


def test_header_comes_from_the_tree_on_the_document_date(ready, actor, cells, tmp_path):
    result, _ = _print(ready, cells, actor, tmp_path)
    lines = [line.strip() for line in pdftotext(result.path, 1, 1).splitlines() if line.strip()]
    assert "ĐẢNG ỦY XÃ HƯNG THUẬN" in lines or "ĐẢNG BỘ XÃ HƯNG THUẬN" in lines
    assert "CHI BỘ ẤP CẦU XE" in lines
    assert "Hưng Thuận, ngày 05 tháng 02 năm 2026" in lines


def test_member_list_from_the_register(demo_copy, actor, tmp_path):
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_copy)
    cell = organisation.cells(db)[0]
    result, _ = documents.print_form(db, actor, "danh_sach_dang_vien", tmp_path / "ds.pdf",
                                     documents.PrintRequest(cell_id=cell.id))
    members = documents.build_context(db, "danh_sach_dang_vien", documents.PrintRequest(cell_id=cell.id))["members"]
    text = " ".join(pdftotext(result.path).split())
    assert members and all(m["full_name"] in text for m in members)


def test_print_the_register(ready, actor, cells, tmp_path):
    _print(ready, cells, actor, tmp_path, on=date(2026, 2, 5))
    result = documents_register.print_register(ready, actor, tmp_path / "so.pdf", cell_id=cells["CB01"].id)
    assert "01-NQ/CB" in pdftotext(result.path)


def test_stored_context_keeps_only_what_the_paper_shows(demo_copy, actor, tmp_path):
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_copy)
    cell = organisation.cells(db)[0]
    request = documents.PrintRequest(cell_id=cell.id, on=date(2026, 11, 20), content=CONTENT)
    result, _ = documents.print_form(db, actor, "nghi_quyet_chi_bo", tmp_path / "nq.pdf", request)
    (doc,) = [d for d in documents_register.register_listing(db) if d.id == result.document_id]
    stored = json.loads(doc.context_json)
    assert "members" not in stored and "questions" not in stored and "deciding_body" not in stored
    assert stored["resolutions"] == list(CONTENT)
    again = documents.reprint(db, actor, doc.id, tmp_path / "again.pdf")
    assert again.sha256 == result.sha256


def test_forms_list_by_scope():
    ids = {f.id for f in documents.list_forms("member")}
    assert "giay_gioi_thieu_sinh_hoat_dang" in ids and "phieu_bieu_quyet" not in ids
