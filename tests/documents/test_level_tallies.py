"""The tallies of the committee's and the standing committee's votes on a removal, printed from the case: the base
entered with the vote, the threshold in force (documents.toml vote_committee: two thirds; vote_standing: more than
half), the body named from the organisation tree; refused for a case without such a vote's form."""

from __future__ import annotations

import os
import subprocess
from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents
from tests.documents.conftest import pdftotext, requires_poppler
from tests.services.screening_world import build, listed_case, removal_through_levels

SHOTS = os.environ.get("TAYNINH_TEST_SHOTS")


@pytest.fixture
def world(papers_ready, actor, cells, make_form, today):
    return build(papers_ready, actor, cells, make_form, today)


def text_of(db, actor, form_id, tmp_path, case_id) -> str:
    result, _ = documents.print_form(db, actor, form_id, tmp_path / f"{form_id}.pdf",
                                     documents.PrintRequest(case_id=case_id))
    if SHOTS:
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(result.path), f"{SHOTS}/{form_id}"], check=True)
    return " ".join(pdftotext(result.path).split())


@requires_poppler
def test_the_committees_tally_prints_its_entered_base_and_two_thirds(papers_ready, actor, world, today, tmp_path):
    case_id = removal_through_levels(papers_ready, actor, world["a"], today)
    text = text_of(papers_ready, actor, "bien_ban_kiem_phieu_dang_uy", tmp_path, case_id)
    assert "ĐẢNG ỦY XÃ HƯNG THUẬN" in text and "ngày 20 tháng 4 năm 2026" in text
    assert ("hội nghị Đảng ủy xã Hưng Thuận xem xét đề nghị của Chi bộ ấp Cầu Xe về việc xóa tên đồng chí Nguyễn Văn"
            " An") in text
    assert "Số đảng ủy viên đương nhiệm có quyền biểu quyết: 15 đồng chí; có mặt: 13 đồng chí" in text
    assert "Số phiếu đồng ý: 12 phiếu, bằng 80% số đảng ủy viên đương nhiệm" in text
    assert "cần ít nhất 10/15 phiếu đồng ý (hai phần ba số đảng ủy viên đương nhiệm); kết quả: đạt hai phần ba" in text


@requires_poppler
def test_the_standing_committees_tally_prints_more_than_half(papers_ready, actor, world, today, tmp_path):
    case_id = removal_through_levels(papers_ready, actor, world["a"], today)
    text = text_of(papers_ready, actor, "bien_ban_kiem_phieu_ban_thuong_vu", tmp_path, case_id)
    assert "hội nghị Ban Thường vụ Đảng ủy xã Hưng Thuận xem xét đề nghị của Đảng ủy xã Hưng Thuận" in text
    assert "Đã tiến hành kiểm phiếu biểu quyết về việc: xóa tên đồng chí Nguyễn Văn An." in text
    assert "cần ít nhất 3/5 phiếu đồng ý (quá nửa số ủy viên Ban Thường vụ đương nhiệm); kết quả: đạt quá nửa" in text


def test_a_help_case_has_no_committee_tally(papers_ready, actor, world, today, tmp_path):
    case_id = listed_case(papers_ready, actor, world["a"], today, on=date(2026, 3, 10))
    with pytest.raises(DomainError) as info:
        documents.print_form(papers_ready, actor, "bien_ban_kiem_phieu_dang_uy", tmp_path / "x.pdf",
                             documents.PrintRequest(case_id=case_id))
    assert "không in theo hồ sơ" in info.value.message and not (tmp_path / "x.pdf").exists()
