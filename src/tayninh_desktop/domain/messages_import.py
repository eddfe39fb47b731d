"""Sentences and labels of importing, exporting and cross-checking member lists (xlsx/xls).

Every message about a file names the file, the sheet, the row and the column, so a clerk can open
the file and find the cell. Merged into ``domain.messages`` automatically.
"""

FIELD_LABELS: dict[str, str] = {
    "moved_out": "Ngày chuyển đi",
    "moved_in": "Ngày chuyển đến",
    "died": "Ngày từ trần",
    "left_party": "Ngày ra khỏi Đảng",
    "cell": "Chi bộ",
    "row_number": "Số TT",
}

MESSAGES: dict[str, str] = {
    # The file as a whole
    "import_not_spreadsheet": "Tệp «{file}» không phải bảng tính Excel (.xlsx hoặc .xls) nên không đọc được.",
    "import_encrypted": ("Tệp «{file}» được đặt mật khẩu mở. Hãy mở tệp bằng Excel, bỏ mật khẩu"
                         " (Tệp → Thông tin → Bảo vệ sổ làm việc), lưu lại rồi nhập lại."),
    "import_unreadable": "Tệp «{file}» bị hỏng hoặc không đọc được ({reason}).",
    "import_missing_file": "Không tìm thấy tệp «{file}».",
    "import_empty": "Tệp «{file}», trang «{sheet}»: trang trống, không có dữ liệu nào.",
    "import_no_header": ("Tệp «{file}», trang «{sheet}»: không tìm thấy dòng tiêu đề cột trong {rows} dòng đầu"
                         " (cần ít nhất cột «Họ và tên» và một cột như «Ngày sinh», «Số CCCD», «Ngày vào Đảng»)."),
    "import_no_rows": ("Tệp «{file}», trang «{sheet}»: có dòng tiêu đề (dòng {row}) nhưng bên dưới không có"
                       " dòng đảng viên nào."),
    "import_sheet_not_found": "Tệp «{file}» không có trang «{sheet}» (các trang: {sheets}).",
    "import_bad_mapping": "Không hiểu cách gán cột «{value}»; viết dạng CỘT=TRƯỜNG, ví dụ C=birth_date.",
    # One row
    "import_at_cell": "Tệp «{file}», trang «{sheet}», dòng {row}, cột {column} («{header}»): {message}",
    "import_at_row": "Tệp «{file}», trang «{sheet}», dòng {row}: {message}",
    "import_column_missing": "{field_label}: tệp không có cột này mà đây là thông tin bắt buộc.",
    "import_duplicate_in_file": "{field_label}: số {value} có ở cả các dòng {rows} của tệp; không nhập dòng nào trong số đó.",
    "import_several_matches": ("có {count} đảng viên trong sổ cùng họ tên và ngày sinh ({names}); chưa rõ là ai,"
                               " cần người dùng quyết định."),
    "import_card_conflict": ("số CCCD trùng với đảng viên {name} nhưng số thẻ {value} lại là của đảng viên"
                             " {other_name}; cần người dùng quyết định."),
    "import_identity_conflict": ("trùng họ tên và ngày sinh với đảng viên {name} nhưng {field_label} khác"
                                 " (trong tệp: {value}, trong sổ: {other}); cần người dùng quyết định."),
    "import_possible_duplicate": ("trùng họ tên và ngày sinh với dòng {rows} của tệp mà không có số CCCD hay số thẻ"
                                  " để phân biệt: có thể là một người nhập hai lần; cần người dùng quyết định."),
    "import_left_the_list": ("{field_label}: «{value}» — đảng viên này đã ra khỏi danh sách (sổ giữ lại dòng của năm);"
                             " không nhập như đảng viên đang sinh hoạt."),
    "import_no_cell": "Chi bộ: tệp không có cột chi bộ và chưa chọn chi bộ nhận đảng viên mới.",
    "import_unknown_cell": "Chi bộ: «{value}» không có trong sổ (hoặc đã thôi hoạt động).",
    "import_year_only": "{field_label}: «{value}» chỉ có năm; trường này cần đủ ngày/tháng/năm.",
    # Outcome of a whole import
    "import_rows_refused": ("Có {refused} dòng bị từ chối và {held} dòng chờ quyết định: chưa ghi gì vào sổ."
                            " Sửa tệp rồi nhập lại, hoặc chỉ nhập các dòng hợp lệ."),
    "import_cancelled": "Đã hủy việc nhập; sổ đảng viên không thay đổi.",
    # Decisions on held rows
    "import_decide_no_row": "Tệp «{file}», trang «{sheet}»: không có dòng đảng viên nào ở dòng {row} để quyết định.",
    "import_decide_not_held": ("Tệp «{file}», trang «{sheet}», dòng {row}: dòng này không chờ quyết định"
                               " (kết quả: {status}); chỉ quyết định được các dòng «Chờ quyết định»."),
    "import_decide_not_candidate": ("Tệp «{file}», trang «{sheet}», dòng {row}: «{value}» không phải một trong các"
                                    " đảng viên có thể là người này ({candidates}). Chọn một mã trong số đó, «new»"
                                    " (thêm mới) hoặc «skip» (bỏ qua)."),
    "import_decide_no_cell": ("Tệp «{file}», trang «{sheet}», dòng {row}: muốn thêm mới thì phải biết chi bộ: tệp"
                              " không ghi chi bộ và chưa chọn chi bộ nhận đảng viên mới."),
    "import_decide_taken": ("Tệp «{file}», trang «{sheet}», dòng {row}: {field_label} {value} đã là của đảng viên"
                            " {name} trong sổ, nên không thể {what}."),
    "import_decide_same_member": ("Tệp «{file}», trang «{sheet}»: các dòng {rows} cùng được gán cho đảng viên"
                                  " {name}; mỗi đảng viên chỉ ứng với một dòng."),
    "import_nothing_valid": "Không có dòng hợp lệ nào để nhập.",
    # Export and cross-check
    "export_bad_layout": "Mẫu xuất «{value}» không có; chọn mau7 hoặc flat.",
    "crosscheck_no_cell": "Đối chiếu cần chọn chi bộ.",
}

ROW_STATUS_LABELS: dict[str, str] = {
    "added": "Thêm mới",
    "updated": "Cập nhật",
    "unchanged": "Không đổi",
    "held": "Chờ quyết định",
    "refused": "Từ chối",
    "skipped": "Bỏ qua",
}

# What a column of the file can be assigned to (the mapping the user sees and corrects).
TARGET_LABELS: dict[str, str] = {
    "ignore": "(bỏ qua)",
    "row_number": "Số TT",
    "full_name": "Họ và tên",
    "other_name": "Tên gọi khác",
    "gender": "Giới tính",
    "birth_date": "Ngày sinh",
    "birth_male": "Năm sinh (cột Nam)",
    "birth_female": "Năm sinh (cột Nữ)",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "cccd": "Số CCCD",
    "card_number": "Số thẻ đảng viên",
    "dossier_number": "Số lý lịch",
    "joined_on": "Ngày vào Đảng",
    "full_member_on": "Ngày chính thức",
    "hometown": "Quê quán",
    "permanent_address": "Nơi thường trú",
    "current_address": "Nơi ở hiện nay",
    "occupation": "Nghề nghiệp",
    "education_general": "Giáo dục phổ thông",
    "education_professional": "Chuyên môn, nghiệp vụ",
    "political_theory": "Lý luận chính trị",
    "phone": "Điện thoại",
    "notes": "Ghi chú",
    "cell": "Chi bộ",
    "name_birth": "Họ tên + ngày sinh (Mẫu 7)",
    "gender_ethnicity_religion": "Giới tính + dân tộc + tôn giáo (Mẫu 7)",
    "education": "Văn hóa + lý luận + chuyên môn (Mẫu 7)",
    "occupations": "Nghề nghiệp trước và nay (Mẫu 7)",
    "party_dates": "Ngày vào Đảng + ngày chính thức (Mẫu 7)",
    "party_numbers": "Số thẻ + số lý lịch (Mẫu 7)",
    "moved_out_column": "Ngày chuyển đi (Mẫu 7)",
    "moved_in_column": "Ngày chuyển đến (Mẫu 7)",
    "died_column": "Ngày từ trần (Mẫu 7)",
    "left_party_column": "Ngày ra khỏi Đảng (Mẫu 7)",
}

CROSSCHECK_LABELS: dict[str, str] = {
    "same": "Khớp",
    "differs": "Khác thông tin",
    "only_in_file": "Chỉ có trong danh sách",
    "only_in_register": "Chỉ có trong sổ",
    "unreadable": "Dòng không đọc được",
}
