"""The screening's papers printed with their content from recorded cases, read back with pdftotext."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import case_votes, cases, documents, organisation
from tests.documents.conftest import pdftotext
from tests.services.screening_world import build, listed_case


@pytest.fixture
def world(papers_ready, actor, cells, make_form, today):
    return build(papers_ready, actor, cells, make_form, today)


def text_of(db, actor, form_id, tmp_path, **request) -> tuple[str, documents.PrintResult]:
    result, _ = documents.print_form(db, actor, form_id, tmp_path / f"{form_id}.pdf", documents.PrintRequest(**request))
    return " ".join(pdftotext(result.path).split()), result


def _removal(db, actor, member_id, today) -> str:
    case_id, _ = cases.open_case(db, actor, member_id, "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="bo_sinh_hoat", evidence="Vắng sinh hoạt không lý do 3 tháng trong năm 2025",
                                 today=today)
    for day in (date(2026, 3, 5), date(2026, 3, 15), date(2026, 3, 25)):
        cases.record_step(db, actor, case_id, "yeu_cau_kiem_diem", day, today=today)
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 10), present=8, ballots=8, yes=7, no=1,
                           doc_number="03-NQ/CB", today=today)
    return case_id


def test_the_help_list_papers_carry_their_content(papers_ready, actor, cells, world, today, tmp_path):
    db = papers_ready
    first = listed_case(db, actor, world["a"], today, on=date(2026, 3, 10))
    cases.open_case(db, actor, world["b"], "giup_do", date(2026, 3, 1), criterion="uy_tin_thap",
                    evidence="Ban công tác mặt trận phản ánh", today=today)
    proposed, _ = text_of(db, actor, "danh_sach_du_kien_giup_do", tmp_path, cell_id=cells["CB01"].id,
                          on=date(2026, 3, 20))
    assert "Trần Thị Bình" in proposed and "Uy tín thấp ở nơi cư trú" in proposed
    assert "Nguyễn Văn An" not in proposed   # already listed
    listing, result = text_of(db, actor, "nghi_quyet_danh_sach_giup_do", tmp_path, cell_id=cells["CB01"].id,
                              on=date(2026, 3, 10))
    assert result.symbol.endswith("-NQ/CB")   # numbered: it has its content
    assert "Nguyễn Văn An" in listing and "8/9" in listing and "88,9%" in listing and "10/03/2027" in listing
    assert "có 9 đảng viên chính thức có quyền biểu quyết" in listing
    cases.assign_helper(db, actor, first, world["c"], date(2026, 3, 15), doc_number="04-NQ/CB", today=today)
    helpers, _ = text_of(db, actor, "nghi_quyet_phan_cong_giup_do", tmp_path, cell_id=cells["CB01"].id,
                         on=date(2026, 3, 15))
    assert "Nguyễn Văn An" in helpers and "Lê Văn Cường" in helpers and "10/03/2026 – 10/03/2027" in helpers
    cases.record_step(db, actor, first, "cam_ket", date(2026, 3, 20),
                      text="Tham gia đầy đủ sinh hoạt chi bộ.\nĐóng đảng phí đúng hạn.", today=today)
    commitment, _ = text_of(db, actor, "ban_cam_ket", tmp_path, case_id=first)
    assert "BẢN CAM KẾT" in commitment and "Đóng đảng phí đúng hạn." in commitment and "Lê Văn Cường" in commitment


def test_the_slips_and_the_tally_of_a_case(papers_ready, actor, world, today, tmp_path):
    case_id = _removal(papers_ready, actor, world["a"], today)
    slips, _ = text_of(papers_ready, actor, "phieu_bieu_quyet", tmp_path, case_id=case_id, on=date(2026, 4, 10))
    assert slips.count("Đồng ý đề nghị xóa tên đồng chí Nguyễn Văn An trong danh sách đảng viên") == 9   # one a voter
    tally, _ = text_of(papers_ready, actor, "bien_ban_kiem_phieu", tmp_path, case_id=case_id)
    assert "có quyền biểu quyết" in tally and "Số phiếu đồng ý: 7 phiếu, bằng 77,8%" in tally
    assert "cần ít nhất 6/9 phiếu đồng ý" in tally and "đạt hai phần ba" in tally


def test_the_resolution_the_request_and_the_decision(papers_ready, actor, world, today, tmp_path):
    db = papers_ready
    case_id = _removal(db, actor, world["a"], today)
    resolution, result = text_of(db, actor, "nghi_quyet_de_nghi_xoa_ten", tmp_path, case_id=case_id)
    assert result.symbol and "đề nghị xóa tên đảng viên Nguyễn Văn An" in resolution
    assert "tự bỏ sinh hoạt đảng" in resolution and "đồng ý 7 phiếu (77,8%)" in resolution
    assert "ngày 25/03/2026, chi ủy yêu cầu đồng chí viết bản tự kiểm điểm" in resolution.lower()
    request, _ = text_of(db, actor, "to_trinh_xoa_ten", tmp_path, case_id=case_id)
    assert "TỜ TRÌNH" in request and "Kính gửi: Đảng ủy xã Hưng Thuận" in request and "77,8%" in request
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 20), level="committee", eligible=15, present=13,
                           ballots=13, yes=12, no=1, doc_number="21-NQ/ĐU", today=today)
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 25), level="standing", eligible=5, present=5, ballots=5,
                           yes=4, no=1, today=today)
    decision, result = text_of(db, actor, "quyet_dinh", tmp_path, case_id=case_id, on=date(2026, 5, 2))
    assert "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ HƯNG THUẬN" in decision and "T/M BAN THƯỜNG VỤ" in decision
    assert "Điều 1. Xóa tên đồng chí Nguyễn Văn An" in decision and "Lý do: tự bỏ sinh hoạt đảng" in decision
    assert "Chi bộ ấp Cầu Xe (nghị quyết ngày 10/04/2026, số 03-NQ/CB)" in decision
    assert "Điều 3." in decision and result.symbol.endswith("-QĐ/ĐU")
    # the decision recorded without a number takes the printed paper's number, and writes the status event with it
    case_votes.decide(db, actor, case_id, date(2026, 5, 2), today=today)
    from tayninh_desktop.services import register

    case = cases.get_case(db, case_id)
    event = next(e for e in register.history(db, world["a"]) if e.id == case.decision_event_id)
    assert event.doc_number == result.symbol and case.last(cases.Step.DECISION).doc_number == result.symbol
    with pytest.raises(DomainError, match="đã ghi vào hồ sơ"):
        documents.print_form(db, actor, "quyet_dinh", tmp_path / "lai.pdf", documents.PrintRequest(case_id=case_id))


def test_a_case_paper_needs_a_case_and_the_right_case(papers_ready, actor, world, today, tmp_path):
    with pytest.raises(DomainError, match="hồ sơ"):
        documents.print_form(papers_ready, actor, "ban_cam_ket", tmp_path / "x.pdf", documents.PrintRequest())
    with pytest.raises(DomainError, match="Không tìm thấy hồ sơ"):
        documents.print_form(papers_ready, actor, "ban_cam_ket", tmp_path / "x.pdf",
                             documents.PrintRequest(case_id="khong-co"))
    assert not (tmp_path / "x.pdf").exists()


def test_the_report_to_the_superior_and_the_de_an_03_help_section(papers_ready, actor, world, today, tmp_path):
    db = papers_ready
    case_id = listed_case(db, actor, world["a"], today, on=date(2025, 3, 10))
    case_votes.screening_vote(db, actor, case_id, date(2026, 3, 12), present=9, ballots=9, yes=8, no=1, today=today)
    report, _ = text_of(db, actor, "bao_cao_ket_qua_ra_soat", tmp_path, year=2026, on=date(2026, 11, 27))
    assert "kết quả rà soát, giáo dục, giúp đỡ, sàng lọc đảng viên năm 2026" in report and "Toàn đảng bộ" in report
    de_an, _ = text_of(db, actor, "bao_cao_de_an_03", tmp_path, on=date(2026, 11, 27))
    assert "III. KẾT QUẢ GIÁO DỤC, GIÚP ĐỠ ĐẢNG VIÊN" in de_an and "IV. NHẬN XÉT, KIẾN NGHỊ" in de_an
    home = organisation.require_home(db)
    assert home is not None
