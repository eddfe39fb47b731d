"""Papers a chief of office signs as printed: the issuer and its authority, names on the paper's date, the
vote base, numbering across a term and two issuers, lists a signer can trust, the giấy giới thiệu."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import (
    documents,
    documents_numbering,
    documents_register,
    organisation,
    register,
    transfers,
)
from tayninh_desktop.storage import letters_repo
from tests.conftest import member_form
from tests.documents.conftest import pdftotext

ON = date(2026, 11, 20)
CONTENT = ("Tổ chức học tập chuyên đề năm 2026.",)


def _add(db, actor, cell, name, n, *, full=True, joined="16/01/1994"):
    form = member_form(full_name=name, cccd=f"0721601029{n:02d}", card_number=f"876543{n:02d}", joined_on=joined,
                       full_member_on="16/01/1995" if full else "")
    return register.add_member(db, actor, form, cell.id, today=ON)[0]


@pytest.fixture
def cell_a(papers_ready, actor, cells):
    """CB01 on 20/11/2026: four full members at home, one probationary, one exempted, one away."""
    db, cell = papers_ready, cells["CB01"]
    ids = {name: _add(db, actor, cell, name, n) for n, name in enumerate(
        ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Văn Em", "Đỗ Thị Giang"])}
    ids["Huỳnh Văn Hải"] = _add(db, actor, cell, "Huỳnh Văn Hải", 10, full=False, joined="10/03/2026")
    register.record_event(db, actor, ids["Võ Văn Em"], EventKind.EXEMPTED, date(2026, 5, 1), today=ON)
    register.record_event(db, actor, ids["Đỗ Thị Giang"], EventKind.AWAY, date(2026, 6, 1), end_date=date(2027, 3, 1),
                          place="Bình Dương", doc_number="12-QĐ/ĐU", doc_date=date(2026, 5, 28), today=ON)
    return ids


def _text(path) -> str:
    return " ".join(pdftotext(path).split())


def test_vote_base_of_a_cell_with_probationary_exempted_and_away_members(papers_ready, cell_a, actor, cells, tmp_path):
    request = documents.PrintRequest(cell_id=cells["CB01"].id, on=ON)
    ctx = documents.build_context(papers_ready, "bien_ban_kiem_phieu", request)
    # 6 full (the exempted and the away included) + 1 probationary; the base leaves out the probationary
    # (no vote) and the exempted only: the member working away stays in it.
    assert (ctx["vb_members"], ctx["vb_full"], ctx["vb_probationary"], ctx["vb_exempted"], ctx["vb_voters"]) == (
        7, 6, 1, 1, 5)
    assert ctx["secret_needed"] == 4 and ctx["secret_fraction"] == "hai phần ba"
    counted = documents.PrintRequest(cell_id=cells["CB01"].id, on=ON, tally=(4, 1, 5))
    result, _ = documents.print_form(papers_ready, actor, "bien_ban_kiem_phieu", tmp_path / "kp.pdf", counted)
    text = _text(result.path)
    assert "Chi bộ có 7 đảng viên (chính thức 6, dự bị 1)" in text
    assert "miễn công tác và sinh hoạt đảng: 1 đồng chí" in text
    assert "sinh hoạt đảng): 5 đồng chí" in text and "cần ít nhất 4/5 phiếu đồng ý" in text
    assert "bằng 80% số đảng viên có quyền biểu quyết" in text and "kết quả: đạt hai phần ba" in text
    three = documents.PrintRequest(cell_id=cells["CB01"].id, on=ON, tally=(3, 2, 5))
    result, _ = documents.print_form(papers_ready, actor, "bien_ban_kiem_phieu", tmp_path / "kp3.pdf", three)
    assert "kết quả: không đạt hai phần ba" in _text(result.path)
    with pytest.raises(DomainError) as err:       # more slips than members entitled to vote
        documents.print_form(papers_ready, actor, "bien_ban_kiem_phieu", tmp_path / "bad.pdf",
                             documents.PrintRequest(cell_id=cells["CB01"].id, on=ON, tally=(6, 0, 6)))
    assert err.value.code == "tally_impossible" and not (tmp_path / "bad.pdf").exists()


def test_slips_one_per_voter_and_the_monthly_dossier_has_no_ballots(papers_ready, cell_a, actor, cells, tmp_path):
    cell = cells["CB01"].id
    monthly, _ = documents.print_form(papers_ready, actor, "ho_so_hop_chi_bo", tmp_path / "thang.pdf",
                                      documents.PrintRequest(cell_id=cell, on=ON))
    text = _text(monthly.path)
    assert "PHIẾU BIỂU QUYẾT" not in text and "BIÊN BẢN KIỂM PHIẾU" not in text
    assert "Biểu quyết giơ tay thông qua Nghị quyết" in text
    member = cell_a["Nguyễn Văn An"]
    dossier, _ = documents.print_form(papers_ready, actor, "ho_so_hop_chi_bo", tmp_path / "hs.pdf",
                                      documents.PrintRequest(cell_id=cell, on=ON, member_ids=(member,)))
    text = _text(dossier.path)
    motion = "Đồng ý đưa đồng chí Nguyễn Văn An vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ"
    assert text.count(motion) == 5                # as many slips as members entitled to vote, not eight
    assert "BIÊN BẢN KIỂM PHIẾU" in text


def test_a_member_of_another_cell_is_refused(papers_ready, cell_a, actor, cells, tmp_path):
    member = cell_a["Nguyễn Văn An"]
    request = documents.PrintRequest(cell_id=cells["CB02"].id, member_id=member, on=ON, content=CONTENT)
    with pytest.raises(DomainError) as err:
        documents.print_form(papers_ready, actor, "to_trinh", tmp_path / "tt.pdf", request)
    assert err.value.code == "member_not_in_cell" and "Chi bộ ấp Cầu Xe" in err.value.message
    assert not list(tmp_path.glob("*.pdf")) and documents_register.register_listing(papers_ready) == []
    with pytest.raises(DomainError) as err:        # before joining: not on the register that day
        documents.print_form(papers_ready, actor, "giay_gioi_thieu_sinh_hoat_dang", tmp_path / "gt.pdf",
                             documents.PrintRequest(member_id=member, on=date(1990, 1, 1)))
    assert err.value.code == "member_not_on_register"


def test_a_members_paper_comes_from_the_members_cell_on_the_papers_date(papers_ready, cell_a, actor, cells, tmp_path):
    member = cell_a["Trần Thị Bình"]
    register.record_event(papers_ready, actor, member, EventKind.MOVED_CELL, date(2026, 6, 1),
                          cell_id=cells["CB02"].id, today=ON)
    organisation.rename_unit(papers_ready, actor, cells["CB01"].id, "Chi bộ ấp Cầu Xe Hai", date(2026, 9, 1))
    before, _ = documents.print_form(papers_ready, actor, "to_trinh", tmp_path / "a.pdf",
                                     documents.PrintRequest(member_id=member, on=date(2026, 3, 2), content=CONTENT))
    after, _ = documents.print_form(papers_ready, actor, "to_trinh", tmp_path / "b.pdf",
                                    documents.PrintRequest(member_id=member, on=date(2026, 7, 2), content=CONTENT))
    text_before, text_after = _text(before.path), _text(after.path)
    assert "CHI BỘ ẤP CẦU XE T/M" not in text_before and "CHI BỘ ẤP CẦU XE *" in text_before
    assert "T/M CHI BỘ BÍ THƯ Bí thư CB01" in text_before and before.symbol == "01-TTr/CB"
    assert "CHI BỘ ẤP SUỐI DỘP" in text_after and "T/M CHI BỘ BÍ THƯ Bí thư CB02" in text_after
    renamed, _ = documents.print_form(papers_ready, actor, "danh_sach_dang_vien", tmp_path / "c.pdf",
                                      documents.PrintRequest(cell_id=cells["CB01"].id, on=date(2026, 8, 1)))
    assert "CẦU XE HAI" not in _text(renamed.path)            # renamed on 01/09: the old name on 01/08


def test_authority_matches_the_issuer_and_no_paper_reports_to_itself(papers_ready, cell_a, actor, cells, tmp_path):
    def printed(form_id, **kw):
        request = documents.PrintRequest(on=ON, **kw)
        return _text(documents.print_form(papers_ready, actor, form_id, tmp_path / f"{form_id}.pdf", request)[0].path)

    committee = printed("danh_sach_dang_vien_dang_bo")
    assert "T/M ĐẢNG ỦY BÍ THƯ Nguyễn Văn Bí" in committee and "T/M CHI BỘ" not in committee
    assert "Tỉnh ủy Tây Ninh (để báo cáo)" in committee and "Đảng ủy xã Hưng Thuận (để báo cáo)" not in committee
    cell = printed("danh_sach_dang_vien", cell_id=cells["CB01"].id)
    assert "T/M CHI BỘ BÍ THƯ Bí thư CB01" in cell and "Đảng ủy xã Hưng Thuận (để báo cáo)" in cell
    decision = printed("quyet_dinh", member_id=cell_a["Lê Văn Cường"], content=("Xóa tên đồng chí Lê Văn Cường.",))
    assert "T/M BAN THƯỜNG VỤ BÍ THƯ Nguyễn Văn Bí" in decision and "Số 01-QĐ/ĐU" in decision


def test_numbering_across_a_term_and_two_issuers(papers_ready, cell_a, actor, cells, tmp_path):
    documents_numbering.add_congress(papers_ready, actor, date(2020, 6, 20), today=ON)

    def issue(name, on, cell="CB01", form="nghi_quyet_chi_bo"):
        request = documents.PrintRequest(cell_id=cells[cell].id if cell else None, on=on, content=CONTENT,
                                         summary="kết quả công tác tháng 01 năm 2026" if not cell else "")
        return documents.print_form(papers_ready, actor, form, tmp_path / f"{name}.pdf", request)[0].symbol

    assert issue("a", date(2025, 8, 10)) == "01-NQ/CB"           # the 2020–2025 term
    assert issue("b", date(2025, 8, 15)) == "02-NQ/CB"           # the closing day still belongs to it
    assert issue("c", date(2025, 8, 16)) == "01-NQ/CB"           # the new term starts again at 01
    assert issue("d", date(2026, 1, 5)) == "02-NQ/CB"            # and does not restart with the year
    assert issue("e", date(2026, 1, 6), cell="CB02") == "01-NQ/CB"     # each cell has its own series
    assert issue("f", date(2026, 1, 7), cell=None, form="bao_cao") == "01-BC/ĐU"
    with pytest.raises(DomainError) as err:
        issue("g", date(2019, 5, 1))                              # before any recorded congress
    assert err.value.code == "term_unknown"
    # The committee's register shows only its own documents; a cell's register only the cell's, by date.
    result, _ = documents.print_form(papers_ready, actor, "so_dang_ky_van_ban", tmp_path / "so.pdf",
                                     documents.PrintRequest())
    committee = _text(result.path)
    assert "01-BC/ĐU" in committee and "NQ/CB" not in committee and "Tỉnh ủy Tây Ninh" in committee
    assert "Báo cáo kết quả công tác tháng 01 năm 2026" in committee
    assert "Sổ gồm 1 văn bản" in committee
    result, _ = documents.print_form(papers_ready, actor, "so_dang_ky_van_ban", tmp_path / "so1.pdf",
                                     documents.PrintRequest(cell_id=cells["CB01"].id))
    cell = _text(result.path)
    assert cell.index("10/08/2025") < cell.index("15/08/2025") < cell.index("16/08/2025") < cell.index("05/01/2026")
    assert "Sổ gồm 4 văn bản" in cell and "Đảng ủy xã Hưng Thuận (để báo cáo)" in cell and "BC/ĐU" not in cell


def test_lists_a_signer_can_trust(papers_ready, cell_a, actor, cells, tmp_path):
    _add(papers_ready, actor, cells["CB02"], "Bùi Văn Khoa", 20)
    result, _ = documents.print_form(papers_ready, actor, "danh_sach_dang_vien_dang_bo", tmp_path / "ds.pdf",
                                     documents.PrintRequest(on=ON))
    text = _text(result.path)
    assert "Chi bộ" in text and "Chi bộ ấp Suối Dộp" in text and "Chi bộ ấp Cầu Xe" in text
    assert "Danh sách gồm 8 đảng viên (chính thức 7, dự bị 1)" in text
    assert "Dự bị" in text and "Miễn công tác và sinh hoạt đảng" in text and "Đi làm ăn xa (đến 01/03/2027)" in text


def test_mau_7_in_register_order_with_members_who_left(papers_ready, cell_a, actor, cells, tmp_path):
    register.record_event(papers_ready, actor, cell_a["Lê Văn Cường"], EventKind.TRANSFER_OUT, date(2026, 4, 2),
                          place="Đảng ủy phường Hòa Thành", today=ON)
    register.record_event(papers_ready, actor, cell_a["Phạm Thị Dung"], EventKind.DIED, date(2026, 7, 9),
                          notes="Bệnh nặng", today=ON)
    result, _ = documents.print_form(papers_ready, actor, "danh_sach_dang_vien_mau_7", tmp_path / "m7.pdf",
                                     documents.PrintRequest(on=ON, year=2026))
    text = _text(result.path)
    assert "02/04/2026 Đảng ủy phường Hòa Thành" in text and "09/07/2026 Bệnh nặng" in text
    # register order: the member admitted in 2026 comes last, the members who left keep their place
    assert text.index("Nguyễn Văn An") < text.index("Lê Văn Cường") < text.index("Phạm Thị Dung") < text.index(
        "Huỳnh Văn Hải")
    assert "kể cả 2 đảng viên chuyển đi, từ trần hoặc ra khỏi Đảng" in text


def test_giay_gioi_thieu_from_the_transfer_letter_with_one_symbol(papers_ready, cell_a, actor, cells, tmp_path):
    member = cell_a["Nguyễn Văn An"]
    letter_id, _ = transfers.issue_letter(papers_ready, actor, member, "di", date(2026, 11, 2),
                                          counterpart="Đảng ủy phường Hòa Thành", today=ON)
    result, changes = documents.print_form(papers_ready, actor, "giay_gioi_thieu_sinh_hoat_dang", tmp_path / "gt.pdf",
                                           documents.PrintRequest(letter_id=letter_id, on=ON))
    assert result.symbol == "01-GGT/ĐU" and changes.party_life
    assert letters_repo.get_letter(papers_ready, letter_id).letter_number == "01-GGT/ĐU"
    text = _text(result.path)
    assert "Kính gửi: Đảng ủy phường Hòa Thành" in text and "ngày 02 tháng 11 năm 2026" in text
    assert "số thẻ đảng viên: 87654300" in text and "số sổ danh sách đảng viên: 1." in text
    assert "PHIẾU BÁO ĐÃ TIẾP NHẬN SINH HOẠT ĐẢNG" in text and "giấy giới thiệu sinh hoạt đảng số 01-GGT/ĐU" in text
    with pytest.raises(DomainError) as err:         # one letter, one number
        documents.print_form(papers_ready, actor, "giay_gioi_thieu_sinh_hoat_dang", tmp_path / "again.pdf",
                             documents.PrintRequest(letter_id=letter_id))
    assert err.value.code == "letter_already_numbered" and not (tmp_path / "again.pdf").exists()


def test_a_refused_issue_leaves_no_file_and_no_number(papers_ready, cell_a, actor, cells, tmp_path):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "nq.pdf"
    papers_ready.execute("CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'x'); END")
    with pytest.raises(sqlite3.IntegrityError):      # the audit entry is refused: the whole issue is
        documents.print_form(papers_ready, actor, "nghi_quyet_chi_bo", target,
                             documents.PrintRequest(cell_id=cells["CB01"].id, on=ON, content=CONTENT))
    assert list((tmp_path / "out").iterdir()) == [] and documents_register.register_listing(papers_ready) == []


def test_a_numbered_paper_without_its_summary_is_refused(papers_ready, cell_a, actor, cells, tmp_path):
    request = documents.PrintRequest(on=ON, content=CONTENT)
    with pytest.raises(DomainError) as err:
        documents.print_form(papers_ready, actor, "bao_cao", tmp_path / "bc.pdf", request)
    assert err.value.code == "summary_missing" and not list(tmp_path.glob("*.pdf"))
