"""Vietnamese sentences of returns, key cards, receipts, the superior's board and merging units."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # keys and key cards
    "return_keys_missing": ("Khóa bí mật của đơn vị (để ký và mở báo cáo) không có trên máy này. Hãy phục hồi từ bản "
                            "sao lưu đã mã hóa của máy cũ, hoặc tạo khóa mới và gửi lại thẻ khóa cho cấp trên, cấp dưới."),
    "return_card_unreadable": "Tệp «{file}» không phải là thẻ khóa của chương trình, hoặc đã bị hỏng.",
    "return_card_damaged": ("Thẻ khóa «{file}» đã bị sửa hoặc bị hỏng (chữ ký của thẻ không khớp). Hãy xin đơn vị "
                            "gửi lại thẻ khóa."),
    "return_card_is_own": "Thẻ khóa «{file}» là thẻ của chính đơn vị này; không cần nhập.",
    "return_card_not_confirmed": ("Dấu vân tay đã nhập ({typed}) không khớp dấu vân tay của thẻ khóa "
                                  "({fingerprint}). Chưa nhập thẻ khóa; hãy gọi điện đối chiếu lại với {unit}."),
    "return_card_needs_confirm": ("Thẻ khóa của {unit} (mã {unit_code}) có dấu vân tay: {fingerprint}. Hãy gọi điện "
                                  "hoặc xem bản in để đối chiếu từng nhóm số, rồi nhập lại với "
                                  "--fingerprint \"{fingerprint}\" (hoặc --yes nếu đã đối chiếu)."),
    "return_card_role_conflict": ("Mã {unit_code} là của cấp trên của đơn vị này; không thể nhập thẻ khóa của cấp trên "
                                  "làm đơn vị cấp dưới."),
    "return_not_a_unit_code": "Mã đơn vị «{unit_code}» trong thẻ khóa không hợp lệ.",
    # sending
    "return_no_superior_key": ("Chưa có thẻ khóa của cấp trên. Hãy nhập thẻ khóa do cấp trên gửi (lệnh «keys import» "
                               "hoặc nút «Nhập thẻ khóa») trước khi gửi báo cáo."),
    "return_check_errors": ("Số liệu kỳ {period} còn {count} lỗi nên chưa gửi được báo cáo: {first}. Hãy sửa rồi "
                            "kiểm tra lại (lệnh «statistics check --period {period}»)."),
    "return_needs_explanations": ("Số liệu kỳ {period} có {count} cảnh báo chưa giải trình: {keys}. Mỗi cảnh báo "
                                  "cần một lời giải trình gửi kèm báo cáo."),
    "return_unknown_explanation": "Không có cảnh báo «{key}» trong số liệu kỳ {period} (các cảnh báo: {keys}).",
    "return_period_locked": ("Kỳ {period} đã gửi báo cáo (lần {revision}) và đang khóa. Muốn gửi lại phải mở lại kỳ "
                             "và ghi rõ lý do (lệnh «returns reopen --period {period} --reason …»)."),
    "return_period_not_locked": "Kỳ {period} chưa gửi báo cáo hoặc đã được mở lại; không cần mở lại.",
    "return_reopen_needs_reason": "Mở lại kỳ đã gửi phải ghi lý do.",
    "return_period_locked_typed": ("Kỳ {period} đã gửi báo cáo và đang khóa; muốn sửa số liệu phải mở lại kỳ và "
                                   "ghi rõ lý do."),
    "return_nothing_to_consolidate": ("Chưa nhận được báo cáo nào của đơn vị cấp dưới cho kỳ {period}; chưa có gì để "
                                      "tổng hợp gửi cấp trên."),
    # files on the stick
    "return_disk_full": ("USB (hoặc thư mục) «{path}» đã đầy, không ghi được tệp. Chưa gửi gì; hãy xóa bớt tệp hoặc "
                         "dùng USB khác rồi làm lại."),
    "return_medium_gone": ("Không ghi được «{path}»: USB đã bị rút ra hoặc hỏng trong khi ghi. Chưa gửi gì; hãy cắm "
                           "lại USB và làm lại."),
    "return_medium_read_only": "USB (hoặc thư mục) «{path}» không cho ghi (bị khóa chống ghi hoặc không có quyền).",
    "return_read_back_differs": ("Đọc lại tệp «{path}» không khớp với dữ liệu vừa ghi: USB có thể bị hỏng. Tệp đã "
                                 "bị xóa, chưa gửi gì; hãy dùng USB khác."),
    "return_file_missing": "Không có tệp «{file}».",
    "return_no_packages": "Thư mục «{folder}» không có tệp báo cáo nào (đuôi .tnr).",
    # receiving
    "return_too_big": "Tệp «{file}» ({size} MB) quá lớn, không phải là một tệp báo cáo.",
    "return_damaged": "Tệp «{file}» bị hỏng hoặc đã bị sửa đổi (không đúng định dạng tệp báo cáo); không nhập.",
    "return_newer_format": ("Tệp «{file}» được lập bằng phiên bản mới hơn của chương trình (định dạng {version}); "
                            "hãy cài phiên bản mới hơn rồi nhập lại."),
    "return_unknown_sender": ("Tệp «{file}» gửi từ {unit} (mã {unit_code}), đơn vị chưa có thẻ khóa ở đây hoặc dùng khóa "
                              "khác với thẻ khóa đã nhập; không nhập. Hãy nhập và đối chiếu thẻ khóa của đơn vị trước."),
    "return_bad_signature": ("Chữ ký của tệp «{file}» không đúng với thẻ khóa của {unit}: tệp đã bị sửa hoặc không do "
                             "đơn vị lập; không nhập."),
    "return_other_receiver": ("Tệp «{file}» gửi cho {receiver} (mã {unit_code}), không phải đơn vị này; không nhập."),
    "return_other_receiver_key": ("Tệp «{file}» được mã hóa cho một khóa khác của đơn vị này (thẻ khóa cũ?); không "
                                  "mở được. Hãy gửi thẻ khóa hiện tại cho {unit} để lập lại báo cáo."),
    "return_cannot_decrypt": "Không mở được phần dữ liệu mã hóa của tệp «{file}» (không đúng khóa hoặc bị hỏng).",
    "return_older_revision": ("Tệp «{file}» là báo cáo lần {revision} của {unit} kỳ {period}, cũ hơn lần {latest} đã "
                              "nhận; không nhập."),
    "return_revision_conflict": ("Tệp «{file}» mang số lần {revision} của {unit} kỳ {period} nhưng khác với tệp cùng "
                                 "lần đã nhận; không nhập. Hãy hỏi lại đơn vị."),
    "return_fails_checks": ("Số liệu trong báo cáo của {unit} kỳ {period} không đạt kiểm tra: {first}."),
    "return_missing_explanations": ("Báo cáo của {unit} kỳ {period} có {count} cảnh báo chưa có giải trình."),
    "return_not_expected_period": "Kỳ báo cáo «{period}» không hợp lệ.",
    # receipts
    "receipt_unreadable": "Tệp «{file}» không phải là giấy biên nhận báo cáo của chương trình, hoặc đã bị hỏng.",
    "receipt_bad_signature": ("Chữ ký của giấy biên nhận «{file}» không khớp thẻ khóa của cấp trên; không ghi nhận."),
    "receipt_unknown_package": ("Giấy biên nhận «{file}» nói về một báo cáo ({package}) mà đơn vị này không gửi; "
                                "không ghi nhận."),
    "receipt_other_unit": "Giấy biên nhận «{file}» là của {unit} (mã {unit_code}), không phải của đơn vị này.",
    # the board
    "return_bad_deadline": "{field_label}: hạn nộp {value} trước ngày kết thúc kỳ {period} ({end}).",
    "return_unit_unknown": "Không có đơn vị báo cáo mã «{unit_code}».",
    "allotment_bad_count": "{field_label}: «{value}» phải là số nguyên không âm.",
    "allotment_needs_document": "{field_label}: phải ghi số văn bản phân bổ.",
    "return_report_no_data": "Chưa có báo cáo nào được nhận cho kỳ {period}; chưa lập được báo cáo tổng hợp.",
    "return_no_owed_units": "Kỳ {period}: không có đơn vị nào chưa nộp báo cáo; không cần in công văn đôn đốc.",
    # removable drives
    "drives_none": "Không thấy USB nào đang cắm vào máy.",
    # merging units
    "merge_source_unreadable": "Không đọc được sổ «{file}»: {reason}",
    "merge_source_same": "Sổ «{file}» là sổ đang mở; hãy chọn sổ của đơn vị sáp nhập vào.",
    "merge_no_snapshot": ("Chưa nhận được báo cáo nào của {unit_code} có kèm toàn bộ sổ đảng viên; hãy đề nghị đơn vị gửi "
                          "báo cáo kèm sổ (tùy chọn «kèm sổ»)."),
    "merge_not_found": "Không có đợt hợp nhất «{source}».",
    "merge_pair_not_found": "Không có cặp trùng «{pair}».",
    "merge_undecided": ("Còn {count} trường hợp có thể trùng chưa quyết định (ví dụ: {example}); hãy quyết định từng "
                        "trường hợp trước khi hợp nhất."),
    "merge_already_applied": "Đợt hợp nhất «{source}» đã thực hiện ngày {on}.",
    "merge_different_same_id": ("Hai hồ sơ trùng {by} nên là một người; không thể ghi là hai người khác nhau. Nếu "
                                "số ấy ghi sai, hãy sửa trong sổ nguồn rồi lập lại."),
    "merge_code_taken": "Mã {unit_code} đã có trong sổ này ({name}); hãy đặt mã khác cho đơn vị sáp nhập (--code).",
    "merge_bad_decision": "{field_label}: chọn «cung» (cùng một người) hoặc «khac» (hai người khác nhau).",
}

FIELD_LABELS: dict[str, str] = {
    "explanation": "Giải trình", "reason": "Lý do mở lại", "deadline": "Hạn nộp", "period": "Kỳ báo cáo",
    "allotted": "Số được phân bổ", "allotment_doc": "Văn bản phân bổ", "decision": "Quyết định",
    "fingerprint": "Dấu vân tay",
}

ROLE_LABELS = {"self": "Đơn vị này", "superior": "Cấp trên", "subordinate": "Đơn vị cấp dưới"}
STATE_LABELS = {"cho": "Chờ (chưa đến hạn)", "dung_han": "Đã nhận đúng hạn", "muon": "Đã nhận muộn",
                "tu_choi": "Bị từ chối", "chua_nop": "Chưa nộp (quá hạn)"}
RECEIPT_LABELS = {"": "Chưa có biên nhận", "accepted": "Cấp trên đã nhận", "rejected": "Cấp trên từ chối"}
MATCH_LABELS = {"cccd": "số CCCD", "card": "số thẻ đảng viên", "name_birth": "họ tên và ngày sinh"}
