"""Sentences of the screening area: signs and their evidence, cases and their steps, votes, decisions, allotments,
and the guidance a cell secretary reads (the next step, what it needs, its deadline)."""

FIELD_LABELS: dict[str, str] = {
    "step_date": "Ngày",
    "case_member": "Đảng viên",
    "case_kind": "Loại hồ sơ",
    "removal_form": "Hình thức đưa ra khỏi Đảng",
    "removal_ground": "Căn cứ",
    "criterion": "Tiêu chí",
    "vote_level": "Cấp biểu quyết",
    "eligible": "Số có quyền biểu quyết",
    "present": "Số có mặt",
    "ballots": "Số phiếu thu về",
    "yes": "Số phiếu đồng ý",
    "no": "Số phiếu không đồng ý",
    "invalid": "Số phiếu không hợp lệ",
    "helper_id": "Người giúp đỡ",
    "decision_date": "Ngày quyết định",
    "decision_number": "Số quyết định",
    "card_recovered_on": "Ngày thu hồi thẻ đảng viên",
    "withdraw_reason": "Lý do rút hồ sơ",
    "step_text": "Nội dung",
    "step_source": "Nơi cho ý kiến",
    "self_review": "Bản tự kiểm điểm",
    "allotted": "Số được phân bổ",
    "allotment_doc": "Văn bản phân bổ",
    "allotment_unit": "Đảng bộ, chi bộ",
    "fact_kind": "Nội dung phản ánh",
    "fact_source": "Nơi phản ánh, kết luận",
    "source_name": "Tên nơi phản ánh",
    "discipline_id": "Quyết định kỷ luật",
    "screening_year": "Năm rà soát",
}

MESSAGES: dict[str, str] = {
    # Rule files of the detectors.
    "detector_file_empty": "Tệp quy tắc «{file}» không có dấu hiệu nào (mục [[detector]]).",
    "detector_bad_range": ("Tệp quy tắc «{file}», mục [{section}]: trường «{field}» = {value} không hợp lý (ngưỡng từ 1"
                           " trở lên; max không nhỏ hơn min)."),
    "detector_overlap": ("Tệp quy tắc «{file}»: dấu hiệu «{detector}» trùng thời gian hiệu lực với tệp «{other}» (muốn"
                         " thay mức mới thì ghi valid_from sau valid_to của bản cũ)."),
    # Evidence of the signs.
    "sign_absent_months": "Vắng sinh hoạt không lý do {count} tháng trong năm {year}: tháng {months}.",
    "sign_absent_months_open": ("Năm {year} vắng sinh hoạt không lý do {count} tháng (tháng {months}); căn cứ chưa"
                                " được hồ sơ nào quyết định."),
    "sign_unpaid_months": "Không đóng đảng phí không lý do {count} tháng trong năm {year}: tháng {months}.",
    "sign_unpaid_months_open": ("Năm {year} không đóng đảng phí không lý do {count} tháng (tháng {months}); căn cứ"
                                " chưa được hồ sơ nào quyết định."),
    "sign_incomplete_years": "Xếp loại «Không hoàn thành nhiệm vụ» {count} năm liền: {years}.",
    "sign_reoffended": "Ngày {on}: {what}, trong khi {earlier} còn hiệu lực (đến {until}).",
    "sign_away_overdue": "Tạm miễn sinh hoạt đi làm ăn xa ({place}) đã hết hạn ngày {until}, chưa trở về sinh hoạt.",
    "sign_away_no_contact": ("Đi làm ăn xa ({place}) từ {since}; lần liên lạc gần nhất: {last} — quá {months} tháng"
                             " không liên lạc được."),
    "sign_help_overdue": ("Được đưa vào danh sách cần giáo dục, giúp đỡ ngày {listed}; đủ thời gian giúp đỡ ngày {due}"
                          " mà chưa được chi bộ công nhận tiến bộ."),
    "sign_probation_overdue": ("Dự bị từ {start}, đủ 12 tháng ngày {due}; hạn chi bộ xét công nhận chính thức {review_by}"
                               " đã qua."),
    "sign_reported": "Ngày {on}, {who}: {kind} — {text} (văn bản {doc}).",
    # Early warnings of the home page.
    "warn_help_due": ("Đưa vào danh sách cần giáo dục, giúp đỡ ngày {listed}; đủ {months} tháng ngày {due}: chuẩn bị"
                      " đánh giá, biểu quyết sàng lọc ({basis})."),
    "warn_help_passed": ("Đưa vào danh sách cần giáo dục, giúp đỡ ngày {listed}; đã đủ {months} tháng ngày {due} mà"
                         " chi bộ chưa biểu quyết sàng lọc ({basis})."),
    "warn_allotment_near": ("{name}: năm {year} đã có {measure} đảng viên bị xóa tên, xin ra khỏi Đảng và {pending} hồ"
                            " sơ đang xử lý; số được phân bổ là {allotted} (văn bản {doc}; {basis})."),
    "warn_allotment_over": ("{name}: năm {year} có {measure} đảng viên bị xóa tên, xin ra khỏi Đảng — vượt số được"
                            " phân bổ {allotted} (văn bản {doc}; {basis})."),
    # Cases.
    "case_open_exists": ("{field_label}: đồng chí {name} đang có hồ sơ {kind} (lập ngày {opened}); mỗi đảng viên chỉ"
                         " có một hồ sơ mỗi loại đang xử lý — tiếp tục hồ sơ đó hoặc rút hồ sơ đó trước."),
    "case_not_open": "Hồ sơ của đồng chí {name} {state} ngày {date}: không ghi thêm bước được.",
    "case_member_not_on_register": "{field_label}: ngày {date}, đồng chí {name} không có tên trong sổ đảng viên.",
    "case_step_not_for_kind": "{field_label}: bước «{step}» không thuộc hồ sơ {kind}.",
    "case_step_needs": "{field_label}: chưa ghi được «{step}» — cần ghi trước: {needs}.",
    "case_form_ground": "{field_label}: «{value}» không phải căn cứ xóa tên (Điều lệ Đảng, Điều 8 khoản 2).",
    "case_expulsion_from_discipline": ("{field_label}: khai trừ là hình thức kỷ luật — ghi bằng lệnh «cases expel»"
                                       " từ quyết định kỷ luật khai trừ đã ghi."),
    "case_discipline_not_expulsion": "{field_label}: quyết định kỷ luật đã chọn không phải khai trừ.",
    "case_discipline_not_found": "{field_label}: không tìm thấy quyết định kỷ luật (mã {value}).",
    "on_request_violation": ("{field_label}: đồng chí {name} đang có vi phạm chưa xử lý xong ({what}); chỉ cho ra"
                             " khỏi Đảng theo đơn khi đảng viên không vi phạm tư cách — xử lý vi phạm trước."),
    "self_review_too_many": ("{field_label}: đã yêu cầu tự kiểm điểm {count} lần; chỉ yêu cầu đến lần thứ {max} ({basis})"
                             " — sau lần thứ {max} chi bộ vẫn xem xét, biểu quyết."),
    "vote_negative": "{field_label}: «{value}» không được âm.",
    "vote_no_voters": "{field_label}: không có ai có quyền biểu quyết ({value}).",
    "vote_ballots_over_eligible": ("{field_label}: {value} phiếu nhiều hơn số có quyền biểu quyết ({eligible}) —"
                                   " kiểm tra lại số phiếu."),
    "vote_ballots_over_present": "{field_label}: {value} phiếu nhiều hơn số có mặt ({present}).",
    "vote_present_over_eligible": "{field_label}: {value} người có mặt nhiều hơn số có quyền biểu quyết ({eligible}).",
    "vote_slips_do_not_add_up": ("{field_label}: {yes} đồng ý + {no} không đồng ý + {invalid} không hợp lệ không bằng"
                                 " {ballots} phiếu thu về."),
    "vote_level_not_in_use": "{field_label}: ngày {date}, quy trình không có cấp «{level}» ({basis}).",
    "vote_level_not_due": "{field_label}: {level} chưa biểu quyết được — {previous} chưa thông qua.",
    "vote_level_done": "{field_label}: {level} đã biểu quyết thông qua ngày {date}.",
    "vote_level_exhausted": ("{field_label}: {level} đã biểu quyết {count} lần không đạt, hồ sơ đã báo cáo cấp trên"
                             " ({basis})."),
    "vote_eligible_given": ("{field_label}: số đảng viên có quyền biểu quyết của chi bộ do sổ đảng viên tính ({value}"
                            " ngày {date}), không nhập tay."),
    "vote_eligible_needed": "{field_label}: ghi số thành viên đương nhiệm của {level} (người có quyền biểu quyết).",
    "review_too_early": ("{field_label}: ngày {value} chưa đủ {months} tháng giúp đỡ (đủ ngày {due}); chi bộ sàng lọc"
                         " khi hết thời hạn."),
    "help_not_listed": "Đồng chí {name} chưa được chi bộ biểu quyết đưa vào danh sách cần giáo dục, giúp đỡ.",
    "help_already_listed": "{field_label}: đồng chí {name} đã được đưa vào danh sách ngày {date}.",
    "helper_self": "{field_label}: đảng viên không tự giúp đỡ mình — chọn một đảng viên chính thức khác của chi bộ.",
    "helper_not_full_member": ("{field_label}: đồng chí {name} không phải đảng viên chính thức của {cell} ngày {date}"
                               " — người giúp đỡ phải là đảng viên chính thức cùng chi bộ."),
    "helper_listed": ("{field_label}: đồng chí {name} cũng đang trong danh sách cần được giáo dục, giúp đỡ — người giúp"
                      " đỡ phải là đảng viên không ở trong danh sách."),
    "decision_before_vote": "{field_label}: ngày {value} ở trước ngày biểu quyết {vote} ({level}).",
    "decision_needs_levels": "Chưa quyết định được: {level} chưa thông qua{escalation}.",
    "decision_escalation_hint": " (hoặc chưa đủ {max} lần biểu quyết không đạt để báo cáo cấp trên)",
    "decision_needs_request": "Chưa quyết định được: chưa ghi đơn của đảng viên ({form}).",
    "deciding_body_missing": ("Ngày {date}, {unit} chưa có cấp ủy cấp trên trong cơ cấu tổ chức: không xác định được"
                              " cấp quyết định ({basis}). Ghi cấp trên tại trang Tổ chức."),
    "case_event_delete": ("Sự kiện này do quyết định của hồ sơ {case} ghi vào quá trình sinh hoạt: không xóa được."
                          " Quyết định sai thì ghi quyết định khác, không xóa lịch sử."),
    "form_not_for_case": "Mẫu «{form}» không in theo hồ sơ (--case); chọn mẫu của hồ sơ rà soát, xóa tên.",
    "decision_by_superior": ("Ngày {date}, quyết định thuộc thẩm quyền {body}: cấp trên ban hành quyết định, văn phòng"
                             " chỉ ghi số, ngày quyết định vào hồ sơ."),
    "decision_already_recorded": ("Quyết định số {number} ngày {date} đã ghi vào hồ sơ: in lại từ sổ đăng ký văn bản"
                                  " (nếu chương trình đã cấp số) hoặc in bản dự thảo."),
    "withdraw_needs_reason": "{field_label}: ghi lý do rút hồ sơ (không xóa gì: hồ sơ và các bước vẫn được giữ).",
    "allotment_needs_document": "{field_label}: ghi số văn bản phân bổ (số được phân bổ phải có văn bản).",
    "allotment_bad_count": "{field_label}: «{value}» phải là số nguyên không âm.",
    "fact_member_not_on_register": "{field_label}: ngày {date}, đồng chí {name} không có tên trong sổ đảng viên.",
    "screening_bad_year": "{field_label}: năm {value} — sổ chưa có số liệu sinh hoạt của năm này hoặc năm chưa đến.",
}

CASE_KIND_LABELS = {"giup_do": "giáo dục, giúp đỡ", "dua_ra": "đưa ra khỏi Đảng"}
FORM_LABELS = {"xoa_ten": "Xóa tên", "xin_ra": "Cho ra khỏi Đảng (theo đơn)", "dinh_cu": "Ra nước ngoài định cư",
               "khai_tru": "Khai trừ"}
STATE_LABELS = {"dang_xu_ly": "Đang xử lý", "da_ket_thuc": "Đã kết thúc", "da_rut": "Đã rút"}
STATE_VERBS = {"dang_xu_ly": "đang xử lý", "da_ket_thuc": "đã kết thúc", "da_rut": "đã rút"}
OUTCOME_LABELS = {"": "", "khong_dua_vao": "Không đưa vào danh sách", "tien_bo": "Tiến bộ, ra khỏi danh sách",
                  "khong_tien_bo": "Không tiến bộ, đề nghị đưa ra khỏi Đảng", "da_dua_ra": "Đã quyết định",
                  "khong_dua_ra": "Cấp có thẩm quyền không đưa ra khỏi Đảng", "rut": "Rút hồ sơ"}
STEP_LABELS = {
    "phat_hien": "Phát hiện dấu hiệu",
    "de_xuat": "Chi ủy đề xuất",
    "y_kien_noi_cu_tru": "Ý kiến nơi cư trú, nơi làm việc",
    "y_kien_cap_tren": "Ý kiến cấp ủy cấp trên",
    "bieu_quyet": "Biểu quyết",
    "phan_cong_giup_do": "Phân công giúp đỡ",
    "cam_ket": "Bản cam kết",
    "theo_doi": "Theo dõi, nhận xét",
    "bieu_quyet_sang_loc": "Biểu quyết sàng lọc",
    "lap_ho_so": "Lập hồ sơ",
    "don_de_nghi": "Đơn của đảng viên",
    "yeu_cau_kiem_diem": "Yêu cầu tự kiểm điểm",
    "tu_kiem_diem": "Tự kiểm điểm",
    "bao_cao_cap_tren": "Báo cáo cấp trên",
    "quyet_dinh": "Quyết định",
    "thu_hoi_the": "Thu hồi thẻ đảng viên",
    "rut_ho_so": "Rút hồ sơ",
}
VOTE_LEVEL_LABELS = {"cell": "Chi bộ", "committee": "Đảng ủy", "standing": "Ban Thường vụ"}
SIGN_LEVEL_LABELS = {"ground": "Căn cứ xóa tên", "criterion": "Tiêu chí giúp đỡ", "sign": "Dấu hiệu sớm",
                     "review": "Việc phải xét"}
CRITERION_LABELS = {
    "hai_nam_khong_hoan_thanh": "Hai năm liền không hoàn thành nhiệm vụ",
    "tai_pham_ky_luat": "Vi phạm mới khi kỷ luật còn hiệu lực",
    "suy_thoai": "Suy thoái tư tưởng chính trị, đạo đức, lối sống (cấp ủy kết luận)",
    "vi_pham_neu_guong": "Vi phạm trách nhiệm nêu gương, những điều đảng viên không được làm",
    "uy_tin_thap": "Uy tín thấp ở nơi cư trú, nơi làm việc",
    "bo_sinh_hoat": "Vắng sinh hoạt không lý do",
    "khong_dong_dang_phi": "Không đóng đảng phí",
    "khac": "Khác",
}
SOURCE_LABELS = {"mat_tran": "Ban công tác mặt trận ấp, khu phố", "noi_lam_viec": "Cơ quan, nơi làm việc",
                 "cap_uy": "Cấp ủy"}
FACT_KIND_LABELS = {"suy_thoai": "suy thoái tư tưởng chính trị, đạo đức, lối sống", "vi_pham": "vi phạm",
                    "uy_tin_thap": "uy tín thấp"}
SELF_REVIEW_LABELS = {"nop": "Đã nộp bản tự kiểm điểm", "tu_choi": "Không viết bản tự kiểm điểm"}

# What a cell secretary reads: the next step, what it needs.
GUIDE: dict[str, str] = {
    "propose": "Chi ủy xem xét, đưa đồng chí vào danh sách dự kiến cần giáo dục, giúp đỡ và ghi rõ tiêu chí.",
    "opinion_local": ("Lấy ý kiến ban công tác mặt trận ấp, khu phố nơi đồng chí cư trú (hoặc lãnh đạo, đoàn thể nơi"
                      " làm việc)."),
    "opinion_superior": "Báo cáo, xin ý kiến cấp ủy cấp trên trực tiếp về danh sách dự kiến.",
    "vote_help": ("Chi bộ họp, biểu quyết bằng phiếu kín từng người: cần ít nhất {needed}/{voters} đảng viên chính thức"
                  " (không tính đảng viên miễn sinh hoạt) đồng ý ({basis})."),
    "helper": ("Chi bộ ra nghị quyết phân công một đảng viên chính thức của chi bộ (không ở trong danh sách) giúp đỡ"
               " đồng chí."),
    "commitment": "Đồng chí viết bản cam kết sửa chữa khuyết điểm, gửi chi ủy.",
    "progress": ("Theo dõi, nhận xét sự tiến bộ của đồng chí tại các kỳ sinh hoạt chi bộ; hết {months} tháng (ngày"
                 " {due}) chi bộ biểu quyết sàng lọc."),
    "review": ("Đủ {months} tháng giúp đỡ: chi bộ họp, biểu quyết phiếu kín công nhận tiến bộ (cần ít nhất"
               " {needed}/{voters} phiếu đồng ý, {basis}); không đạt thì đề nghị hình thức đưa ra khỏi Đảng."),
    "request_letter": "Nhận đơn của đảng viên ({form}) ghi rõ lý do; ghi ngày nhận đơn.",
    "self_review": ("Chi ủy yêu cầu đồng chí viết bản tự kiểm điểm (lần {next}/{max}); sau lần thứ {max} mà đồng chí"
                    " không viết, chi bộ vẫn xem xét ({basis})."),
    "vote_cell": ("Chi bộ họp, biểu quyết {form_words}: cần ít nhất {needed}/{voters} đảng viên chính thức đồng ý"
                  " ({basis}); ra nghị quyết và tờ trình báo cáo đảng ủy."),
    "vote_committee": ("Đảng ủy xem xét đề nghị của chi bộ: cần ít nhất hai phần ba số đảng ủy viên đương nhiệm đồng"
                       " ý ({basis})."),
    "vote_standing": "Ban Thường vụ {body} xem xét, quyết định: cần quá nửa số ủy viên đồng ý ({basis}).",
    "decision": ("Ghi quyết định {form_words} của {body}: số, ngày; chi bộ thu hồi thẻ đảng viên. Khi ghi quyết định,"
                 " quá trình sinh hoạt của đồng chí được ghi theo quyết định."),
    "card": "Chi bộ thu hồi thẻ đảng viên của đồng chí, nộp về văn phòng đảng ủy; ghi ngày thu hồi.",
    "escalated": "{level} đã biểu quyết {count} lần không đạt: báo cáo cấp ủy cấp trên xem xét, quyết định ({basis}).",
    "closed": "Hồ sơ đã kết thúc: {outcome}.",
    "withdrawn": "Hồ sơ đã rút ngày {date}: {reason}.",
}
DEADLINE_MEETING = "kỳ sinh hoạt chi bộ tháng {month} (hạn {date})"
FORM_WORDS = {"xoa_ten": "đề nghị xóa tên", "xin_ra": "đề nghị cho ra khỏi Đảng",
              "dinh_cu": "đề nghị cho ra khỏi Đảng (ra nước ngoài định cư)", "khai_tru": "khai trừ"}
DECISION_WORDS = {"xoa_ten": "xóa tên", "xin_ra": "cho ra khỏi Đảng", "dinh_cu": "cho ra khỏi Đảng",
                  "khai_tru": "khai trừ"}
