"""The catalogue of printable forms: shipped ones, then the office's from the data folder's forms directory."""

from __future__ import annotations

import os

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents, form_catalogue
from tests.documents.test_office_forms import INVITATION


@pytest.fixture
def office(tmp_path, monkeypatch):
    """An empty data folder with its forms directory (the folder an office puts its forms in)."""
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "forms"
    folder.mkdir(parents=True)
    return folder


def test_office_forms_are_listed_after_the_shipped_ones(office):
    shipped = [f.id for f in documents.list_forms()]
    (office / "giay_moi_hop.toml").write_text(INVITATION, encoding="utf-8")
    listed = documents.list_forms()
    assert [f.id for f in listed] == [*shipped, "giay_moi_hop"]
    assert [f.id for f in listed if f.office] == ["giay_moi_hop"]
    assert [f.id for f in documents.list_forms("cell")][-1] == "giay_moi_hop"
    assert form_catalogue.office_folder() == office


def test_a_file_added_changed_or_removed_shows_at_the_next_listing(office):
    path = office / "giay_moi_hop.toml"
    path.write_text(INVITATION, encoding="utf-8")
    assert documents.get_form_info("giay_moi_hop").name == "Giấy mời họp chi bộ mở rộng"
    path.write_text(INVITATION.replace("chi bộ mở rộng", "đảng ủy"), encoding="utf-8")
    os.utime(path, ns=(1, 1))    # a different modification time even on a coarse clock
    assert documents.get_form_info("giay_moi_hop").name == "Giấy mời họp đảng ủy"
    path.write_text("name = ", encoding="utf-8")
    with pytest.raises(DomainError) as refused:
        documents.get_form_info("giay_moi_hop")
    assert refused.value.code == "office_form_broken"
    assert "«giay_moi_hop.toml» có lỗi nên chưa in được: sai cú pháp TOML" in refused.value.message
    path.unlink()
    assert "giay_moi_hop" not in {f.id for f in documents.list_forms()}
    assert documents.office_form_problems() == ()


def test_an_office_form_prints_and_is_numbered(office, cells, papers_ready, actor, tmp_path, today):
    home_db = papers_ready
    (office / "giay_moi_hop.toml").write_text(INVITATION, encoding="utf-8")
    request = documents.PrintRequest(cell_id=cells["CB01"].id, on=today, summary="Mời họp chi bộ mở rộng")
    result, _ = documents.print_form(home_db, actor, "giay_moi_hop", tmp_path / "gm.pdf", request)
    assert result.pages == 1 and result.symbol.startswith("01-GM/")
    from pypdf import PdfReader

    text = PdfReader(str(result.path)).pages[0].extract_text()
    assert "GIẤY MỜI" in text and "Chi bộ ấp Cầu Xe".upper() in text.upper()
    reprinted = documents.reprint(home_db, actor, result.document_id, tmp_path / "lai.pdf")
    assert reprinted.symbol == result.symbol


def test_without_a_forms_folder_only_the_shipped_forms(tmp_path, monkeypatch):
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "trong"))
    assert not any(f.office for f in documents.list_forms())
    assert documents.office_form_problems() == ()
