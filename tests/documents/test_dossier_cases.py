"""A case's papers bound into the dossier of the meeting where the cell votes: the slips with each case's motion,
the tally with the figures recorded that day, the resolution (issued: with its number; else its draft), the annex;
a case of another cell is refused and nothing is written."""

from __future__ import annotations

import os
import subprocess
from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents, dossier_cases
from tests.documents.conftest import pdftotext, requires_poppler
from tests.services.screening_world import build, listed_case, removal_through_levels

SHOTS = os.environ.get("TAYNINH_TEST_SHOTS")
MEETING = date(2026, 4, 10)


@pytest.fixture
def world(papers_ready, actor, cells, make_form, today):
    ids = build(papers_ready, actor, cells, make_form, today)
    ids["removal"] = removal_through_levels(papers_ready, actor, ids["a"], today, vote_on=MEETING)   # 7/9
    ids["help"] = listed_case(papers_ready, actor, ids["b"], today, on=MEETING)                     # 8/9
    return ids


def _dossier(db, actor, tmp_path, world, **more):
    out = tmp_path / "ho-so.pdf"
    request = documents.PrintRequest(case_ids=(world["removal"], world["help"]), **more)
    result, _ = documents.print_form(db, actor, "ho_so_hop_chi_bo", out, request)
    if SHOTS:
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(out), f"{SHOTS}/dossier"], check=True)
    return result, " ".join(pdftotext(out).split())


@requires_poppler
def test_the_cases_voted_at_the_meeting_are_bound_with_their_papers(papers_ready, actor, world, tmp_path):
    result, text = _dossier(papers_ready, actor, tmp_path, world)   # the cell and the date come from the case
    assert "HỒ SƠ KỲ HỌP CHI BỘ" in text and "ngày 10 tháng 4 năm 2026" in text
    assert "Đảng viên được xem xét: Nguyễn Văn An, Trần Thị Bình" in text
    assert "Đồng ý đề nghị xóa tên đồng chí Nguyễn Văn An trong danh sách đảng viên" in text
    assert "Đồng ý đưa đồng chí Trần Thị Bình vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ" in text
    # each tally carries the figures recorded for its vote that day
    assert "Số phiếu đồng ý: 7 phiếu, bằng 77,8% số đảng viên có quyền biểu quyết" in text
    assert "Số phiếu đồng ý: 8 phiếu, bằng 88,9% số đảng viên có quyền biểu quyết" in text
    # the resolutions: the removal's for the member, the help list's once
    assert "Nghị quyết đề nghị xóa tên đồng chí Nguyễn Văn An (dự thảo)" in text
    assert "Nghị quyết đưa vào danh sách cần giáo dục, giúp đỡ (dự thảo)" in text
    assert text.count("DỰ THẢO") >= 3     # the monthly resolution and the two of the cases
    assert "TRÍCH NGANG LÝ LỊCH ĐẢNG VIÊN" in text and result.pages > 8


@requires_poppler
def test_an_issued_resolution_is_bound_with_its_number(papers_ready, actor, world, tmp_path):
    issued, _ = documents.print_form(papers_ready, actor, "nghi_quyet_de_nghi_xoa_ten", tmp_path / "nq.pdf",
                                     documents.PrintRequest(case_id=world["removal"]))
    assert issued.symbol
    _, text = _dossier(papers_ready, actor, tmp_path, world)
    assert f"Nghị quyết đề nghị xóa tên đồng chí Nguyễn Văn An (số {issued.symbol})" in text
    assert f"Số {issued.symbol}" in text


def test_a_case_of_another_cell_is_refused(papers_ready, actor, world, cells, tmp_path):
    with pytest.raises(DomainError) as info:
        _dossier(papers_ready, actor, tmp_path, world, cell_id=cells["CB02"].id, on=MEETING)
    assert "Nguyễn Văn An" in info.value.message and not (tmp_path / "ho-so.pdf").exists()


def test_the_cases_voted_the_same_day_share_the_meeting(papers_ready, world):
    from tayninh_desktop.services import cases

    case = cases.get_case(papers_ready, world["removal"])
    assert dossier_cases.meeting_of(case, date(2026, 11, 27)) == MEETING
    assert dossier_cases.voted_with(papers_ready, case, MEETING) == (world["removal"], world["help"])
