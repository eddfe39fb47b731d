"""Sample contexts for every form: realistic Vietnamese values, with every diacritic we print."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.documents import DocumentHeader, Recipients, Signature
from tests.documents.dues_book_samples import dues_book_values
from tests.documents.level_tally_samples import LEVEL_TALLY_FORMS, level_tally_values
from tests.documents.returns_samples import RETURNS_FORMS, returns_values
from tests.documents.support_samples import SUPPORT_FORMS, support_values

ISSUED_ON = date(2026, 2, 5)

COMMITTEE_HEADER = DocumentHeader(
    superior_line="Đảng bộ tỉnh Tây Ninh",
    issuer_line="Đảng ủy xã Tân Ninh",
    issuer_code="ĐU",
    place_name="Tân Ninh",
    number=12,
    on=ISSUED_ON,
)
CELL_HEADER = DocumentHeader(
    superior_line="Đảng bộ xã Tân Ninh",
    issuer_line="Chi bộ ấp Tân Trung",
    issuer_code="CB",
    place_name="Tân Ninh",
    number=12,
    on=ISSUED_ON,
)

GIVEN = ["Tuyết", "Hùng", "Đào", "Ánh", "Thư", "Lộc", "Phượng", "Dũng", "Hạnh", "Khải", "Nguyệt", "Ưng"]
MIDDLE = ["Thị Ánh", "Văn", "Hữu", "Ngọc", "Thị", "Đức", "Minh", "Quốc"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]


def member_rows(count: int) -> list[dict]:
    """Synthetic members (the register's demo data takes over in phase 2)."""
    rows = []
    for i in range(count):
        name = f"{FAMILY[i % len(FAMILY)]} {MIDDLE[i % len(MIDDLE)]} {GIVEN[i % len(GIVEN)]}"
        rows.append({
            "full_name": name,
            "birth_date": date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
            "birth_year": 1950 + i % 50,
            "gender": "Nữ" if i % 3 == 0 else "Nam",
            "ethnicity": "Kinh" if i % 7 else "Khmer",
            "religion": "Không" if i % 5 else "Cao Đài",
            "hometown": "Xã Tân Ninh, tỉnh Tây Ninh" if i % 4 else "Phường Hòa Thành, tỉnh Tây Ninh",
            "education_general": "12/12",
            "political_theory": "Trung cấp" if i % 3 else "Sơ cấp",
            "education_professional": "Đại học" if i % 2 else "",
            "foreign_language": "Tiếng Anh B" if i % 6 == 0 else "",
            "occupation_before": "Nông dân",
            "occupation": "Cán bộ hưu trí" if i % 4 == 0 else "Làm nông nghiệp",
            "joined_on": date(1975 + i % 45, 5, 19),
            "full_member_on": date(1976 + i % 45, 5, 19),
            "card_number": f"{76_000_000 + i:08d}",
            "dossier_number": f"{i + 1:05d}",
            "service": "Hưu trí" if i % 4 == 0 else "",
            "role": "Bí thư" if i == 0 else ("Phó Bí thư" if i == 1 else ""),
            "cell": "Chi bộ ấp Tân Trung" if i % 2 else "Chi bộ ấp Tân Lợi",
            "notes": "Miễn sinh hoạt" if i % 17 == 0 else "",
        })
    return rows


def sample_context(header: DocumentHeader = CELL_HEADER, members: int = 12) -> dict:
    """One context that feeds every form's fields."""
    rows = member_rows(members)
    return {
        "header": header,
        "unit_name": "Chi bộ ấp Tân Trung",
        "cell_name": "Chi bộ ấp Tân Trung",
        "committee_name": "Đảng ủy xã Tân Ninh",
        "superior_name": "Ban Thường vụ Tỉnh ủy Tây Ninh",
        "deciding_body": "Ban Thường vụ Đảng ủy xã Tân Ninh",
        "signer_name": "Nguyễn Thị Ánh Tuyết",
        "as_of": date(2026, 2, 5),
        "members": rows,
        "member_count": len(rows),
        "summary": "về việc đề nghị xóa tên đảng viên Đặng Văn Ưng",
        "meeting_title": "sinh hoạt chi bộ thường kỳ tháng 02 năm 2026",
        "meeting_kind": "thường kỳ",
        "meeting_date": date(2026, 2, 5),
        "meeting_time": "19 giờ 30 phút, ngày 05/02/2026",
        "start_time": "19 giờ 30 phút",
        "month": "02",
        "year": 2026,
        "place": "Nhà văn hóa ấp Tân Trung",
        "chair": "Nguyễn Thị Ánh Tuyết",
        "chair_role": "Bí thư chi bộ",
        "secretary": "Trần Văn Hùng",
        "total_members": 32, "full_members": 30, "probationary_members": 2, "exempted": 3,
        "required": 29, "present": 27, "absent": 2, "absent_excused": 1, "absent_unexcused": 1,
        "absent_names": "Lê Hữu Đào (có lý do), Phạm Ngọc Ánh (không có lý do)",
        "guests": "đồng chí Võ Minh Lộc, Đảng ủy viên phụ trách địa bàn",
        "resolutions": [
            ("Thống nhất đề nghị Đảng ủy xã xem xét, xóa tên đảng viên Đặng Văn Ưng vì bỏ sinh hoạt chi bộ "
             "ba tháng trong năm không có lý do chính đáng."),
            "Phân công đồng chí Trần Văn Hùng giúp đỡ đảng viên Huỳnh Thị Phượng trong năm 2026.",
            "Vận động đảng viên đóng đảng phí đầy đủ, đúng hạn; hoàn thành trước ngày 25 hằng tháng.",
        ],
        "questions": ["đề nghị xóa tên đồng chí Đặng Văn Ưng trong danh sách đảng viên",
                      "đưa đồng chí Huỳnh Thị Phượng vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ"],
        "question": "đề nghị xóa tên đảng viên Đặng Văn Ưng",
        "tellers": [
            {"name": "Bùi Đức Khải", "role": "Trưởng ban"},
            {"name": "Đỗ Thị Nguyệt", "role": "Thành viên"},
            {"name": "Hồ Quốc Dũng", "role": "Thành viên"},
        ],
        "head_teller": "Bùi Đức Khải",
        "issued": 27, "returned": 27, "valid": 27, "invalid": 0, "yes": 25, "yes_pct": "86,2", "no": 2, "no_pct": "6,9",
        "addressee": "Ban Thường vụ Đảng ủy xã Tân Ninh",
        "content": "Chi bộ ấp Tân Trung kính trình Ban Thường vụ Đảng ủy xã xem xét việc xóa tên đảng viên "
                   "Đặng Văn Ưng, sinh năm 1985, vào Đảng ngày 19/5/2010.\nĐồng chí đã bỏ sinh hoạt chi bộ "
                   "ba tháng trong năm 2025 không có lý do chính đáng; chi bộ đã gặp gỡ, giúp đỡ nhưng không tiến bộ.",
        "grounds": ["Quy định của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng",
                    "Tờ trình số 03-TTr/CB ngày 20/01/2026 của Chi bộ ấp Tân Trung"],
        "proposer": "Ban Tổ chức Đảng ủy xã",
        "articles": [
            "Xóa tên đồng chí Đặng Văn Ưng, sinh năm 1985, đảng viên Chi bộ ấp Tân Trung, ra khỏi danh sách đảng viên.",
            "Quyết định có hiệu lực kể từ ngày ký.",
            "Văn phòng Đảng ủy, Chi bộ ấp Tân Trung và đồng chí có tên tại Điều 1 thi hành Quyết định này.",
        ],
        "transfer_kind": "chính thức",
        "receiving_unit": "Đảng ủy phường Hòa Thành",
        "full_name": "Huỳnh Thị Phượng",
        "birth_date": date(1980, 3, 8),
        "gender": "Nữ",
        "ethnicity": "Kinh",
        "religion": "Cao Đài",
        "hometown": "xã Tân Ninh, tỉnh Tây Ninh",
        "current_address": "ấp Tân Trung, xã Tân Ninh, tỉnh Tây Ninh",
        "joined_on": date(2008, 5, 19),
        "full_member_on": date(2009, 5, 19),
        "card_number": "76012345",
        "dossier_number": "00123",
        "standing": "chính thức",
        "effective_on": date(2026, 2, 10),
        "valid_until": date(2026, 3, 12),
        "results": "Toàn Đảng bộ có 1.245 đảng viên; kết nạp mới 18 đảng viên.\n"
                   "Xóa tên 2 đảng viên, giảm 50% so với năm trước.",
        "shortcomings": "Một số chi bộ sinh hoạt chưa đều, nội dung còn đơn điệu.",
        "documents": [{"symbol": "12-NQ/ĐU", "issued_on": "05/02/2026",
                       "summary": "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026", "signer": "Nguyễn Thị Ánh Tuyết",
                       "recipients": "Các chi bộ trực thuộc\nLưu Văn phòng Đảng ủy", "copies": 2}],
        "document_count": 1,
        "next_tasks": "Tiếp tục rà soát, giúp đỡ đảng viên; hoàn thành đánh giá, xếp loại năm 2026.",
        "deputy_name": "Trần Văn Hùng",
        "slip_copies": 27,
        "agenda": ["Ổn định tổ chức; báo cáo số đảng viên có mặt, vắng mặt.",
                   "Xem xét trường hợp đảng viên Đặng Văn Ưng.", "Biểu quyết; bế mạc."],
        "history": [{"date": "19/05/2008", "event": "Kết nạp (dự bị)", "cell": "Chi bộ ấp Tân Trung",
                     "doc": "25-QĐ/ĐU", "notes": ""},
                    {"date": "19/05/2009", "event": "Công nhận đảng viên chính thức", "cell": "", "doc": "",
                     "notes": "Đúng hạn"}],
        "attendance_text": "Năm 2026: có mặt 1/2 kỳ họp phải dự; vắng không có lý do 1 (tháng 01).",
        "contents": [{"title": "Chương trình kỳ họp", "pages": "2"},
                     {"title": "Phụ lục: trích ngang đảng viên Đặng Văn Ưng", "pages": "9–10"}],
        "discussed_names": "Đặng Văn Ưng",
        "printed_on": "05/02/2026",
        **de_an_03_values(),
    }


def de_an_03_values() -> dict:
    """The values the Đề án 03 report takes from the register (as services.reports_de_an_03 makes them)."""
    years = [{"year": 2021, "year_label": "2021", "xoa_ten": 97, "khai_tru": 0, "ra_khoi_dang": 0,
              "dinh_cu_nuoc_ngoai": 19, "total": 116, "measure": 97, "vs_previous": "—", "vs_baseline": "giảm 12,5%"},
             {"year": 2022, "year_label": "2022 (đến 30/11)", "xoa_ten": 53, "khai_tru": 1, "ra_khoi_dang": 2,
              "dinh_cu_nuoc_ngoai": 0, "total": 56, "measure": 55, "vs_previous": "giảm 43,3%",
              "vs_baseline": "giảm 50,4%"}]
    return {"start_year": 2021, "years": years, "overview": "Từ năm 2021 đến ngày 30/11/2022, Đảng bộ có 152 đảng viên "
            "bị xóa tên, xin ra khỏi Đảng.", "baseline_rows": [{"year": 2019, "count": 110}, {"year": 2020, "count": 112}],
            "baseline_years_text": "2019, 2020", "baseline_average": 111.0, "baseline_average_text": "111",
            "target": 55.5, "target_text": "55,5", "help_rows": [{"year": 2022, "listed": 35, "helped": 35,
                                                                    "progressed": 29, "removed": 6}], "assessment_heading": "IV"}


def crosscheck_values() -> dict:
    """The values of the cross-check biên bản (as services.crosscheck_document makes them)."""
    return {"checked": True, "file_name": "danh-sach-tan-trung.xlsx", "sheet": "Danh sách", "on_text": "05/02/2026",
            "file_count": 3, "register_count": 3, "same": "1", "differs": "1", "only_in_file": "1",
            "only_in_register": "1", "unreadable": "0", "conclusion": "danh sách của chi bộ chưa khớp với sổ.",
            "only_in_file_rows": [{"full_name": "Võ Thị Hạnh", "birth": "12/03/1971", "row": 9,
                                   "note": "Không có trong sổ của đảng bộ."}],
            "only_in_register_rows": [{"full_name": "Đặng Văn Ưng", "birth": "01/01/1960", "card_number": "76000011",
                                       "note": ""}],
            "differs_rows": [{"full_name": "Nguyễn Thị Ánh Tuyết", "row": 7, "field": "Nơi ở hiện nay",
                              "in_file": "Ấp Suối Dộp", "in_register": "Ấp Tân Trung"}],
            "unreadable_rows": [], "cell_secretary": "Trần Văn Hùng"}


COMMITTEE_FORMS = {"bao_cao_ket_qua_ra_soat", "danh_sach_canh_bao", "ke_hoach", "thong_bao", "bien_ban_doi_chieu_danh_sach", "bao_cao_de_an_03", "quyet_dinh", "cong_van", "bao_cao", "giay_gioi_thieu_sinh_hoat_dang", "danh_sach_dang_vien_mau_7", "so_dang_ky_van_ban",
                   "danh_sach_dang_vien_dang_bo"}

# The issuer's words, as services.documents_issuer makes them.
CELL_ISSUER = {"issuer_name": "Chi bộ ấp Tân Trung", "report_to": "Đảng ủy xã Tân Ninh", "authority": "T/M CHI BỘ",
               "signer_title": "BÍ THƯ", "signing_for": "", "signer_name": "Nguyễn Thị Ánh Tuyết"}
COMMITTEE_ISSUER = {"issuer_name": "Đảng ủy xã Tân Ninh", "report_to": "Tỉnh ủy Tây Ninh", "authority": "T/M ĐẢNG ỦY",
                    "signer_title": "BÍ THƯ", "signing_for": "", "signer_name": "Nguyễn Thị Ánh Tuyết",
                    "archive_place": "Văn phòng Đảng ủy"}
VOTE_BASE = {"vb_members": 32, "vb_full": 30, "vb_probationary": 2, "vb_exempted": 3, "vb_away": 2, "vb_voters": 27,
             "vb_needed": 14, "vote_fraction": "quá nửa", "secret_fraction": "hai phần ba", "secret_needed": 18,
             "present_voters": 25, "conclusion": "đạt hai phần ba", "list_full": 11, "list_probationary": 1,
             "register_number": "125", "dues_month": "01", "dues_year": "2026", "left_count": 1,
             "span_text": "từ ngày 01/01/2026 đến ngày 05/02/2026"}
COMMITTEE_FORMS |= SUPPORT_FORMS
COMMITTEE_FORMS |= RETURNS_FORMS
COMMITTEE_FORMS |= LEVEL_TALLY_FORMS


def screening_values() -> dict:
    """The values of the screening's papers (as services.screening_papers makes them)."""
    cases = [{"stt": 1, "full_name": "Đặng Văn Ưng", "birth_year": 1985, "criterion": "Hai năm liền không hoàn thành"
              " nhiệm vụ", "evidence": "Xếp loại “Không hoàn thành nhiệm vụ” 2 năm liền: 2024, 2025.",
              "local_opinion": "Ban công tác mặt trận ấp: ít tham gia sinh hoạt khu dân cư", "votes": "25/28",
              "yes_pct": "89,3", "due_on": "05/02/2027", "helper_name": "Trần Văn Hùng",
              "period": "05/02/2026 – 05/02/2027"}]
    row = {"name": "Chi bộ ấp Tân Trung", "signs": 4, "listed": 1, "helped": 2, "progressed": 1, "xoa_ten": 1,
           "khai_tru": 0, "ra_khoi_dang": 0, "dinh_cu_nuoc_ngoai": 0, "vs_previous": "giảm 50%",
           "vs_baseline": "giảm 66,7%", "allotted": 2}
    return {"cases": cases, "case_count": 1, "rows": [row, {**row, "name": "Toàn đảng bộ"}],
            "as_of": date(2026, 2, 5), "allotment_notes": ["Chi bộ ấp Tân Trung: năm 2026 có 1 đảng viên bị xóa tên."],
            "listed_on": date(2026, 2, 5), "due_on": date(2027, 2, 5), "helper_name": "Trần Văn Hùng",
            "criterion": "Hai năm liền không hoàn thành nhiệm vụ", "ground_text": "tự bỏ sinh hoạt đảng",
            "birth_year": 1980, "commitment_lines": ["Tham gia đầy đủ sinh hoạt chi bộ.", "Đóng đảng phí đúng hạn."],
            "progress_lines": ["Ngày 10/09/2026: có tiến bộ."], "history_lines": [("Ngày 10/01/2026, chi ủy yêu cầu"
                                                                                  " đồng chí viết bản tự kiểm điểm.")],
            "rule_basis": "Quy định thi hành Điều lệ Đảng"}


def context_for(form_id: str, members: int = 12) -> dict:
    statistical = form_id.startswith("bieu_")     # the official statistics: the committee reports them
    header = COMMITTEE_HEADER if form_id in COMMITTEE_FORMS or statistical else CELL_HEADER
    ctx = sample_context(header, members)
    ctx.update(VOTE_BASE)
    ctx.update(COMMITTEE_ISSUER if form_id in COMMITTEE_FORMS else CELL_ISSUER)
    if form_id == "quyet_dinh":
        ctx["authority"] = "T/M BAN THƯỜNG VỤ"
    if form_id == "giay_gioi_thieu_sinh_hoat_dang":
        ctx.update(signer_title="PHÓ BÍ THƯ", signing_for="K/T BÍ THƯ", signer_name="Trần Văn Hùng")
    if statistical:
        from tests.documents.stats_samples import statistics_values

        ctx.update(statistics_values(form_id, ctx.get("header")))
    if form_id == "cong_van":
        ctx["summary"] = "triển khai rà soát đảng viên theo Đề án 03"
    if form_id in LEVEL_TALLY_FORMS:
        ctx.update(level_tally_values(form_id))
    if form_id == "bien_ban_doi_chieu_danh_sach":
        ctx.update(crosscheck_values())
    if form_id == "nghi_quyet_chi_bo":
        ctx["summary"] = "lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026"
    if form_id == "danh_sach_canh_bao":
        ctx.update(scope_text="tất cả các chi bộ; mọi loại cảnh báo; tính đến ngày 05/02/2026",
                   counts_text="Tổng số 2 cảnh báo: 1 đã đến ngưỡng, 1 sắp đến ngưỡng, 0 việc cần làm.",
                   warnings=[{"severity": "Đã đến ngưỡng", "kind": "Vắng sinh hoạt không lý do",
                              "cell": "Chi bộ ấp Tân Trung", "who": "Đặng Văn Ưng",
                              "evidence": "Vắng sinh hoạt không lý do 3 tháng trong năm 2026: 01/2026, 02/2026, 03/2026."
                                          " Đủ 3 tháng là căn cứ xem xét xóa tên (294-QĐ/TW ngày 26/05/2025)."},
                             {"severity": "Sắp đến ngưỡng", "kind": "Không đóng đảng phí", "cell": "Đảng bộ",
                              "who": "Tháng 03/2026", "evidence": "Chưa đóng đảng phí 2 tháng."}])
    if form_id in TYPED_BODIES:
        ctx["summary"] = "học tập chuyên đề năm 2026"
        ctx["body"] = TYPED_BODIES[form_id]
    ctx.update(support_values(form_id))
    if form_id in SCREENING_FORMS:
        ctx.update(screening_values())
    ctx.update(returns_values(form_id))
    ctx.update(dues_book_values(form_id))
    return ctx


# Bodies as the Văn bản page's editor stores them: runs of (text, bold), the number of a numbered point.
TYPED_BODIES = {
    "ke_hoach": [
        {"runs": [["I. MỤC ĐÍCH, YÊU CẦU", True]], "number": None},
        {"runs": [["Đảng viên nắm vững ", False], ["nội dung chuyên đề", True], [" năm 2026.", False]], "number": None},
        {"runs": [["Tổ chức học tập tại chi bộ;", False]], "number": 1},
        {"runs": [["Báo cáo kết quả trước ngày 30/6/2026.", False]], "number": 2},
    ],
    "thong_bao": [
        {"runs": [["Chữ <b>này</b> và {unit_name} in đúng như gõ, không phải mã.", False]], "number": None},
        {"runs": [["Lịch sinh hoạt: ", True], ["ngày 05 hằng tháng & 20 hằng tháng.", False]], "number": None},
    ],
}


SCREENING_FORMS = {"ban_cam_ket", "bao_cao_ket_qua_ra_soat", "danh_sach_du_kien_giup_do", "nghi_quyet_danh_sach_giup_do",
                   "nghi_quyet_de_nghi_xoa_ten", "nghi_quyet_ket_qua_giup_do", "nghi_quyet_phan_cong_giup_do",
                   "to_trinh_xoa_ten"}


__all__ = ["Recipients", "Signature", "context_for", "member_rows", "sample_context"]
