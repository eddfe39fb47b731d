"""The official statistics over a real register file: figures from recorded events, typed rows,
badges and cards, transfer scopes, the check, and the printed forms read back with poppler."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import documents, register, statistics, statistics_records
from tests.conftest import member_form
from tests.documents.conftest import pdftotext

TODAY = date(2026, 11, 27)


@pytest.fixture
def people(home_db, actor, cells):
    """An (1990), Bình (admitted 10/03/2025), Cường (transferred in 01/04/2026, origin not written),
    Dũng (expelled 01/06/2025, restored 10/06/2026), Em (died 15/03/2026)."""
    cell = cells["CB01"].id
    ids = {}
    for i, (name, gender, joined, full) in enumerate([
            ("Nguyễn Văn An", "nam", "19/05/1990", "19/05/1991"), ("Trần Thị Bình", "nu", "10/03/2025", ""),
            ("Phạm Văn Dũng", "nam", "07/07/2000", "07/07/2001"), ("Võ Thị Em", "nu", "09/09/1995", "09/09/1996")]):
        form = member_form(full_name=name, gender=gender, birth_date="01/01/1970", joined_on=joined,
                           full_member_on=full, cccd=f"07217000000{i}", card_number=f"8000000{i}")
        ids[name.split()[-1]], _ = register.add_member(home_db, actor, form, cell, today=TODAY)
    form = member_form(full_name="Lê Văn Cường", gender="nam", birth_date="01/01/1980", joined_on="04/04/2004",
                       full_member_on="04/04/2005", cccd="072170000009", card_number="80000009")
    ids["Cường"], _ = register.add_member(home_db, actor, form, cell, entry=EventKind.TRANSFER_IN,
                                          entry_date=date(2026, 4, 1), doc_issuer="Đảng ủy xã Phước Chỉ", today=TODAY)
    register.record_event(home_db, actor, ids["Dũng"], EventKind.EXPELLED, date(2025, 6, 1), today=TODAY)
    register.record_event(home_db, actor, ids["Dũng"], EventKind.RESTORED, date(2026, 6, 10), cell_id=cell,
                          doc_number="12-QĐ/TU", today=TODAY)
    register.record_event(home_db, actor, ids["Em"], EventKind.DIED, date(2026, 3, 15), today=TODAY)
    return ids


def cells_of(report) -> dict[str, tuple[str, str, str]]:
    return {row.key: row.cells for row in report.rows}


def test_bieu_1_from_recorded_events_this_half_and_last_year(home_db, people):
    report = statistics.report(home_db, "bieu1", "2026-H1", today=TODAY)
    lines = cells_of(report)
    assert lines["A"] == ("3", "3", "100,0")          # An, Bình, Em  |  An, Dũng, Em
    assert lines["B.1"] == ("0", "1", "0,0")           # — | Bình
    assert lines["B.2"] == ("1", "0", "") and lines["B.3"] == ("1", "0", "")     # Cường; Dũng restored
    assert lines["C.1"] == ("1", "0", "") and lines["C.2"] == ("0", "1", "0,0")  # Em; Dũng expelled in 2025
    assert lines["D"] == ("4", "3", "133,3")          # An, Bình, Cường, Dũng | An, Bình, Em
    assert [n.code for n in report.current.notes] == ["transfer_scope_unknown"]


def test_the_scope_of_a_transfer_recorded_by_the_office_moves_it_to_its_row(home_db, actor, people):
    line = statistics_records.transfers(home_db, "2026")[0]
    assert (line.member_name, line.scope, line.recorded) == ("Lê Văn Cường", None, False)
    statistics_records.set_transfer_scope(home_db, actor, line.event_id, "trong_tinh")
    lines = cells_of(statistics.report(home_db, "bieu_1", "2026-H1", today=TODAY))
    assert (lines["B.2.a"][0], lines["B.2.b"][0]) == ("0", "1")
    assert statistics.check(home_db, "2026-H1", form_ids=("bieu_1",), today=TODAY).warnings == ()
    first_event = register.history(home_db, people["An"])[0]
    with pytest.raises(DomainError) as err:
        statistics_records.set_transfer_scope(home_db, actor, first_event.id, "tinh_khac")
    assert "Kết nạp" in err.value.message
    with pytest.raises(ValidationError):
        statistics_records.set_transfer_scope(home_db, actor, line.event_id, "nuoc_ngoai")
    with pytest.raises(DomainError):
        statistics_records.set_transfer_scope(home_db, actor, "khong-co", "tinh_khac")


def test_check_finds_the_unknown_origin_and_changes_nothing(home_db, people):
    before = home_db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    found = statistics.check(home_db, "2026-H1", today=TODAY)
    assert found.ok
    codes = {w.code for w in found.warnings}
    assert {"transfer_scope_unknown", "check_short", "typed_missing"} <= codes
    assert home_db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before


def test_typed_rows_are_kept_per_period_marked_and_audited(home_db, actor, people):
    statistics_records.set_typed(home_db, actor, "bieu_7", "2026", "IV.3.gia_mao", "2", "Phát hiện qua đối chiếu")
    statistics_records.set_typed(home_db, actor, "bieu_7", "2025", "IV.3.gia_mao", 1)
    report = statistics.report(home_db, "bieu_7", "2026", today=TODAY)
    row = next(r for r in report.rows if r.key == "IV.3.gia_mao")
    assert (row.cells, row.typed) == (("2", "1", "200,0"), True)
    assert [f.value for f in statistics_records.typed_figures(home_db, "2026")] == [2]
    statistics_records.set_typed(home_db, actor, "bieu_7", "2026", "IV.3.gia_mao", 3)     # corrected
    entries = home_db.execute("SELECT before_json, after_json FROM audit_log"
                              " WHERE action = 'set_statistics_typed' ORDER BY seq").fetchall()
    assert [(b, a.split(",")[-1]) for b, a in entries][-1] == ('{"value":2}', '"value":3}')
    statistics_records.clear_typed(home_db, actor, "bieu_7", "2026", "IV.3.gia_mao")
    row = next(r for r in statistics.report(home_db, "bieu_7", "2026", today=TODAY).rows if r.key == "IV.3.gia_mao")
    assert row.missing and row.cells[0] == ""
    with pytest.raises(DomainError) as err:
        statistics_records.clear_typed(home_db, actor, "bieu_7", "2026", "IV.3.gia_mao")
    assert "Chưa nhập" in err.value.message


@pytest.mark.parametrize(("form", "period", "row", "value", "words"), [
    ("bieu_1", "2026", "A", 3, "do sổ đảng viên tự tính"),              # a counted row
    ("bieu_7", "2026", "IV.9", 3, "không có dòng «IV.9»"),
    ("bieu_7", "2026", "IV.3.gia_mao", -1, "số nguyên từ 0"),
    ("bieu_7", "2026", "IV.3.gia_mao", "hai", "«hai» không hợp lệ"),
    ("bieu_7", "2026", "IV.3.gia_mao", 5_000_000, "1.000.000"),
    ("bieu_6", "2026-H1", "4.a", 1, "chỉ lập theo năm"),
    ("bieu_7", "2027", "IV.3.gia_mao", 1, "chưa có số liệu"),
    ("bieu_7", "2026-H3", "IV.3.gia_mao", 1, "2026-H1"),
    ("bieu_9", "2026", "IV.3.gia_mao", 1, "Không có biểu thống kê «bieu_9»"),
])
def test_bad_typed_input_is_refused_in_vietnamese_and_nothing_changes(home_db, actor, form, period, row, value, words):
    with pytest.raises(DomainError) as err:
        statistics_records.set_typed(home_db, actor, form, period, row, value, today=TODAY)
    assert words in err.value.message
    assert home_db.execute("SELECT COUNT(*) FROM statistics_typed").fetchone()[0] == 0


def test_badges_and_cards_count_in_bieu_7(home_db, actor, people):
    statistics_records.record_award(home_db, actor, people["An"], "huy_hieu", date(2026, 2, 3), years=30,
                                    doc_number="123-QĐ/TU", today=TODAY)
    card_id, _ = statistics_records.record_award(home_db, actor, people["Bình"], "the_moi", date(2026, 5, 19),
                                                 today=TODAY)
    lines = cells_of(statistics.report(home_db, "bieu_7", "2026", today=TODAY))
    assert (lines["II"][0], lines["II.30"][0], lines["III.1"][0]) == ("1", "1", "1")
    statistics_records.delete_award(home_db, actor, card_id)
    assert cells_of(statistics.report(home_db, "bieu_7", "2026", today=TODAY))["III.1"][0] == "0"
    assert [a.member_name for a in statistics_records.awards(home_db, period_text="2026")] == ["Nguyễn Văn An"]


@pytest.mark.parametrize(("who", "kind", "on", "years", "words"), [
    ("An", "huy_hieu", date(2026, 2, 3), 35, "không có: chọn 30, 40, 45"),
    ("Bình", "huy_hieu", date(2026, 2, 3), 30, "chưa đủ 30 năm tuổi Đảng"),
    ("An", "the_moi", date(2026, 2, 3), 30, "chỉ ghi cho Huy hiệu Đảng"),
    ("An", "huy_chuong", date(2026, 2, 3), None, "huy_hieu (Huy hiệu Đảng)"),
    ("An", "the_moi", date(2027, 2, 3), None, "sau ngày hôm nay"),
    ("Bình", "the_moi", date(2024, 2, 3), None, "10/03/2025"),
])
def test_bad_awards_are_refused(home_db, actor, people, who, kind, on, years, words):
    with pytest.raises(DomainError) as err:
        statistics_records.record_award(home_db, actor, people[who], kind, on, years=years, today=TODAY)
    assert words in err.value.message
    assert statistics_records.awards(home_db) == []


def test_the_same_badge_twice_is_refused(home_db, actor, people):
    statistics_records.record_award(home_db, actor, people["An"], "huy_hieu", date(2020, 2, 3), years=30, today=TODAY)
    with pytest.raises(DomainError) as err:
        statistics_records.record_award(home_db, actor, people["An"], "huy_hieu", date(2026, 2, 3), years=30,
                                        today=TODAY)
    assert "03/02/2020" in err.value.message


def test_restoring_a_member_who_never_left_is_refused(home_db, actor, cells, people):
    with pytest.raises(DomainError) as err:
        register.record_event(home_db, actor, people["An"], EventKind.RESTORED, date(2026, 1, 1),
                              cell_id=cells["CB01"].id, today=TODAY)
    assert "Phục hồi đảng tịch" in err.value.message


def test_printed_bieu_1_reads_back_with_its_figures(home_db, actor, people, tmp_path):
    out = tmp_path / "bieu1.pdf"
    result, changes = documents.print_form(home_db, actor, "bieu_1", out,
                                           documents.PrintRequest(period="2026-H1", on=TODAY))
    assert result.document_id is None and not changes.documents            # a statistical form takes no number
    assert result.pages == 1                  # as the official form: one landscape sheet, signatures included
    lines = [" ".join(line.split()) for line in pdftotext(out, layout=True).splitlines()]
    assert "A - Tổng số đảng viên cuối kỳ trước chuyển sang 3 3 100,0" in lines
    assert "D - Đảng viên trong danh sách cuối kỳ báo cáo 4 3 133,3" in lines
    # the form's own head: the committee, the title and period, the form's number and days
    head = " ".join(pdftotext(out).split())
    for words in ("ĐẢNG ỦY XÃ HƯNG THUẬN", "THỐNG KÊ TĂNG, GIẢM ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM 2026", "Biểu số 1-BTCTW",
                  "(từ 01/01/2026 đến 30/06/2026)", "Thực hiện", "Kỳ này", "Cùng kỳ năm trước",
                  "Hưng Thuận, ngày 27 tháng 11 năm 2026"):
        assert words in head, words


def test_printed_forms_for_a_whole_year_and_blank(home_db, actor, people, tmp_path):
    from pypdf import PdfReader

    for form_id in ("bieu_2", "bieu_2b", "bieu_3", "bieu_4", "bieu_6", "bieu_7"):
        out = tmp_path / f"{form_id}.pdf"
        documents.print_form(home_db, actor, form_id, out, documents.PrintRequest(year=2025, on=TODAY))
        page = PdfReader(str(out)).pages[0]
        assert page.mediabox.width > page.mediabox.height                       # landscape
        assert "NĂM 2025" in pdftotext(out)
    blank = tmp_path / "blank.pdf"
    documents.print_form(home_db, actor, "bieu_4", blank, documents.PrintRequest(blank=True, on=TODAY))
    text = pdftotext(blank)
    assert "Rơ-măm" in text and "Nguyễn Văn An" not in text and "01/01/2026" not in text


def test_a_half_year_is_a_period_print_understands_but_other_forms_keep_theirs(home_db, actor, people, tmp_path):
    with pytest.raises(DomainError) as err:
        documents.print_form(home_db, actor, "bieu_6", tmp_path / "x.pdf",
                             documents.PrintRequest(period="2026-H1", on=TODAY))
    assert "chỉ lập theo năm" in err.value.message and not (tmp_path / "x.pdf").exists()
    with pytest.raises(DomainError):
        documents.print_form(home_db, actor, "bieu_1", tmp_path / "y.pdf",
                             documents.PrintRequest(period="2026-H5", on=TODAY))
