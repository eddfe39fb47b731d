"""The sample register knows it is one (a setting written by `demo`) and every page printed from it carries the
mark; a real register's papers never do."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from tayninh_desktop.services import (
    documents,
    documents_register,
    organisation,
    register_files,
    sample_register,
)
from tayninh_desktop.services.form_catalogue import all_forms
from tayninh_desktop.storage.db import open_database

MARK = "SỔ MẪU"


def _pages(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


@pytest.fixture
def sample_db(demo_copy):
    db = open_database(demo_copy)
    yield db
    db.conn.close()


def test_demo_marks_its_register_and_init_does_not(sample_db, home_db):
    assert sample_register.is_sample(sample_db)
    assert not sample_register.is_sample(home_db)


@pytest.mark.parametrize("form_id", sorted(all_forms()))
def test_every_page_printed_from_the_sample_register_is_marked(sample_db, actor, tmp_path, form_id):
    if form_id == "the_khoa":   # a key card prints the unit's own public key: the unit has one first
        from tayninh_desktop.services import returns_keys

        returns_keys.ensure_own_keys(sample_db, actor)
    cell = organisation.cells(sample_db)[0]
    out = tmp_path / f"{form_id}.pdf"
    documents.print_form(sample_db, actor, form_id, out, documents.PrintRequest(cell_id=cell.id, blank=True,
                                                                                on=date(2026, 11, 27)))
    pages = _pages(out)
    assert pages and all(MARK in page for page in pages), form_id


def test_filled_issued_and_reprinted_papers_of_the_sample_are_marked(sample_db, actor, tmp_path):
    cell = organisation.cells(sample_db)[0]
    request = documents.PrintRequest(cell_id=cell.id, on=date(2026, 11, 27), summary="về sinh hoạt chi bộ tháng 11",
                                     content=("Học tập chuyên đề năm 2026.",))
    listing = tmp_path / "danh-sach.pdf"
    documents.print_form(sample_db, actor, "danh_sach_dang_vien", listing, request)
    issued, _changes = documents.print_form(sample_db, actor, "nghi_quyet_chi_bo", tmp_path / "nq.pdf", request)
    again = documents.reprint(sample_db, actor, issued.document_id, tmp_path / "nq-lai.pdf")
    book = documents_register.print_register(sample_db, actor, tmp_path / "so.pdf", year=2026)
    for path in (listing, issued.path, again.path, book.path):
        assert all(MARK in page for page in _pages(path)), path.name


def test_a_real_registers_papers_carry_no_sample_mark(home_db, actor, tmp_path, cells):
    out = tmp_path / "nq.pdf"
    documents.print_form(home_db, actor, "nghi_quyet_chi_bo", out,
                         documents.PrintRequest(cell_id=cells["CB01"].id, blank=True))
    assert not any(MARK in page for page in _pages(out))


def test_the_sample_is_never_made_in_the_real_registers_file(tmp_path):
    from tayninh_desktop.domain.errors import DomainError

    real = tmp_path / "so-dang-vien.sqlite3"
    with pytest.raises(DomainError, match="sổ đảng viên thật"):
        sample_register.check_sample_target(tmp_path / "." / "so-dang-vien.sqlite3", real)
    sample_register.check_sample_target(tmp_path / "so-mau.sqlite3", real)
    assert not register_files.has_committee(real)
