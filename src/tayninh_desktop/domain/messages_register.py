"""Sentences and field labels of the register: units, members, their history, the database."""

import errno

FIELD_LABELS: dict[str, str] = {
    "full_name": "Họ và tên",
    "other_name": "Tên gọi khác",
    "gender": "Giới tính",
    "birth_date": "Ngày sinh",
    "hometown": "Quê quán",
    "permanent_address": "Nơi thường trú",
    "current_address": "Nơi ở hiện nay",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "cccd": "Số CCCD",
    "card_number": "Số thẻ đảng viên",
    "dossier_number": "Số lý lịch",
    "joined_on": "Ngày vào Đảng",
    "full_member_on": "Ngày chính thức",
    "cell_id": "Chi bộ",
    "occupation": "Nghề nghiệp",
    "education_general": "Giáo dục phổ thông",
    "education_professional": "Chuyên môn, nghiệp vụ",
    "political_theory": "Lý luận chính trị",
    "phone": "Điện thoại",
    "notes": "Ghi chú",
    "event_date": "Ngày",
    "doc_number": "Số văn bản",
    "doc_date": "Ngày văn bản",
    "doc_issuer": "Cơ quan ban hành",
    "end_date": "Đến ngày",
    "place": "Nơi đến / nơi đi",
    "code": "Mã",
    "name": "Tên",
    "unit_type": "Loại tổ chức",
    "parent_id": "Trực thuộc",
    "valid_from": "Từ ngày",
    "valid_to": "Đến ngày",
}

MESSAGES: dict[str, str] = {
    "validation_failed": "Có {count} trường chưa đúng.",
    "required": "{field_label}: chưa nhập (bắt buộc).",
    "bad_year": "{field_label}: «{value}» không phải năm hợp lệ (từ {low} đến {high}).",
    "bad_date": "{field_label}: «{value}» không phải ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/02/1960.",
    "date_in_future": "{field_label}: ngày {value} ở sau ngày hôm nay.",
    "date_too_early": "{field_label}: ngày {value} quá xa trong quá khứ (trước năm {min_year}).",
    "date_before": "{field_label}: ngày {value} phải sau {other_label} ({other_value}).",
    "too_young_to_join": "{field_label}: ngày {value} — khi đó người này chưa đủ 18 tuổi (sinh {birth}).",
    "bad_cccd": "{field_label}: «{value}» phải gồm đúng 12 chữ số (hiện có {digits} chữ số).",
    "bad_gender": "{field_label}: chọn Nam hoặc Nữ.",
    "bad_phone": "{field_label}: «{value}» không phải số điện thoại (9–11 chữ số).",
    "duplicate_cccd": "{field_label}: số {value} đã có ở đảng viên {other_name} (sinh {other_birth}).",
    "duplicate_card_number": "{field_label}: số {value} đã có ở đảng viên {other_name} (sinh {other_birth}).",
    "cell_closed_on": "{field_label}: {cell} không hoạt động vào ngày {date}.",
    "member_not_found": "Không tìm thấy đảng viên (mã {member_id}).",
    "unit_not_found": "Không tìm thấy tổ chức đảng «{unit}».",
    "duplicate_unit_code": "Mã tổ chức {code} đã được dùng cho «{other_name}».",
    "bad_unit_code": "Mã tổ chức «{code}» chỉ gồm chữ không dấu, chữ số, dấu gạch (-, _) và dấu chấm, tối đa 20 ký tự.",
    "unit_not_cell": "«{unit}» không phải chi bộ, không thể xếp đảng viên vào.",
    "unit_parent_type": "«{unit}» ({unit_type}) không thể trực thuộc «{parent}» ({parent_type}).",
    "unit_has_members": "Chi bộ «{unit}» còn {count} đảng viên đang sinh hoạt; chuyển họ sang chi bộ khác trước.",
    "merge_same_unit": "Không thể hợp nhất một chi bộ với chính nó.",
    "unit_closed": "«{unit}» đã thôi hoạt động từ ngày {value}.",
    "already_initialised": "Cơ sở dữ liệu này đã có đảng bộ «{unit}»; không khởi tạo lại.",
    "not_initialised": "Cơ sở dữ liệu chưa được khởi tạo: hãy tạo đảng bộ (lệnh init) hoặc mở sổ mẫu (lệnh demo).",
    "event_not_allowed": "Không thể ghi «{event}» ngày {value}: {reason}",
    "event_before_joining": "trước ngày đảng viên vào Đảng hoặc chuyển đến.",
    "event_not_present": "đảng viên không còn trong sổ của đảng bộ vào ngày đó.",
    "event_already_full": "đảng viên đã là đảng viên chính thức.",
    "event_not_probationary": "đảng viên không phải đảng viên dự bị.",
    "event_already_present": "đảng viên đang sinh hoạt tại đảng bộ.",
    "event_not_exempted": "đảng viên không được miễn công tác và sinh hoạt.",
    "event_already_exempted": "đảng viên đã được miễn công tác và sinh hoạt.",
    "event_not_away": "đảng viên không ở diện tạm miễn sinh hoạt đi làm ăn xa.",
    "event_same_cell": "đảng viên đã ở chi bộ này.",
    "event_end_before_start": "ngày kết thúc phải sau ngày bắt đầu.",
    "event_not_removed": "đảng viên chưa ra khỏi Đảng, không thể kết nạp lại.",
    "event_not_restorable": "chỉ phục hồi đảng tịch cho người đã bị khai trừ, xóa tên hoặc đã ra khỏi Đảng.",
    "event_not_temp_out": "đảng viên không đang chuyển sinh hoạt tạm thời đi.",
    "event_after_last": "đã có sự kiện sau ngày này ({last}); xóa sự kiện đó trước hoặc chọn ngày muộn hơn.",
    "event_not_found": "Không tìm thấy sự kiện cần xóa.",
    "event_cannot_delete_first": "Không thể xóa sự kiện đầu tiên trong lịch sử đảng viên.",
    "db_not_sqlite": ("Tệp «{path}» không phải cơ sở dữ liệu của chương trình (không đọc được dạng SQLite; nếu "
                      "đây là sổ đã mã hóa thì thiếu tệp khóa «….khoa» đi kèm)."),
    "db_newer": "Tệp «{path}» được tạo bởi phiên bản mới hơn của chương trình (có {unknown}). Hãy cài phiên bản mới hơn.",
    "db_locked": "Tệp «{path}» đang được một chương trình khác dùng. Đóng chương trình đó rồi thử lại.",
    "db_missing": "Không tìm thấy tệp cơ sở dữ liệu «{path}».",
    "db_foreign": ("Tệp «{path}» là cơ sở dữ liệu của một chương trình khác, không phải sổ đảng viên; "
                   "chương trình không mở và không sửa tệp này. Hãy chọn đúng tệp sổ đảng viên."),
    "db_unreadable": "Không mở được tệp «{path}»: {reason}",
    "bad_search": "Không hiểu chuỗi tìm kiếm «{value}».",
}

EVENT_LABELS: dict[str, str] = {
    "ket_nap": "Kết nạp (dự bị)",
    "chinh_thuc": "Công nhận đảng viên chính thức",
    "chuyen_den": "Chuyển sinh hoạt chính thức đến",
    "chuyen_den_tam_thoi": "Chuyển sinh hoạt tạm thời đến",
    "chuyen_di": "Chuyển sinh hoạt chính thức đi",
    "chuyen_di_tam_thoi": "Chuyển sinh hoạt tạm thời đi",
    "tro_ve": "Trở về sau sinh hoạt tạm thời",
    "chuyen_chi_bo": "Chuyển chi bộ trong đảng bộ",
    "mien_sinh_hoat": "Miễn công tác và sinh hoạt đảng",
    "het_mien_sinh_hoat": "Thôi miễn công tác và sinh hoạt đảng",
    "di_lam_an_xa": "Tạm miễn sinh hoạt (đi làm ăn xa)",
    "het_di_lam_an_xa": "Trở lại sinh hoạt (hết đi làm ăn xa)",
    "xoa_ten": "Xóa tên",
    "khai_tru": "Khai trừ",
    "ra_khoi_dang": "Cho ra khỏi Đảng (xin ra)",
    "dinh_cu_nuoc_ngoai": "Ra nước ngoài định cư",
    "tu_tran": "Từ trần",
    "ket_nap_lai": "Kết nạp lại",
    "phuc_hoi_dang_tich": "Phục hồi đảng tịch",
}

STATUS_LABELS: dict[str, str] = {
    "du_bi": "Dự bị",
    "chinh_thuc": "Chính thức",
    "mien_sinh_hoat": "Miễn sinh hoạt",
    "di_lam_an_xa": "Đi làm ăn xa",
    "chuyen_tam_thoi_di": "Sinh hoạt tạm thời nơi khác",
    "sinh_hoat_tam_thoi": "Sinh hoạt tạm thời tại đây",
    "da_chuyen_di": "Đã chuyển đi",
    "xoa_ten": "Đã xóa tên",
    "khai_tru": "Đã khai trừ",
    "ra_khoi_dang": "Đã ra khỏi Đảng",
    "dinh_cu_nuoc_ngoai": "Định cư nước ngoài",
    "tu_tran": "Đã từ trần",
}

MESSAGES["permission_denied"] = "Tài khoản «{actor}» không có quyền thực hiện việc này."
MESSAGES["file_error"] = "Không ghi/đọc được tệp «{path}»: {reason}"
MESSAGES["unexpected"] = "Đã xảy ra lỗi không lường trước: {reason}. Dữ liệu không bị thay đổi."
MESSAGES["unexpected_cli"] = ("Đã xảy ra lỗi không lường trước; thao tác không được lưu dở dang. "
                              "Chi tiết kỹ thuật được ghi vào tệp {log}.")

MESSAGES["file_write_failed"] = "Không ghi được tệp «{path}»: {reason}. Hãy chọn nơi lưu khác."

# Why the system refused a file, by errno, as the office reads it.
OS_REASONS: dict[int, str] = {
    errno.ENOENT: "thư mục chứa tệp không có hoặc không ghi được vào đó",
    errno.EACCES: "không có quyền ghi vào đó",
    errno.EPERM: "không có quyền ghi vào đó",
    errno.EISDIR: "đó là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc (thẻ nhớ hoặc USB có thể đang khóa ghi)",
    errno.EBUSY: "tệp hoặc thư mục đang được dùng",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EEXIST: "đã có một tệp hoặc thư mục trùng tên",
}


def os_reason(error: OSError) -> str:
    """The Vietnamese reason for an operating-system refusal (never the English strerror)."""
    return OS_REASONS.get(error.errno or 0, f"hệ điều hành từ chối (mã lỗi {error.errno})")

MESSAGES["bad_count"] = "{field_label}: «{value}» phải là số nguyên từ {low} đến {high}."
FIELD_LABELS.update({"members": "Số đảng viên (--members)", "cells": "Số chi bộ (--cells)",
                     "years": "Số năm sinh hoạt (--years)"})
MESSAGES["duplicate_unit_name"] = ("{field_label}: đã có «{name}» (mã {code}) trực thuộc cùng cấp trên; "
                                  "hai tổ chức đảng cùng cấp không được trùng tên.")
MESSAGES["too_long"] = "{field_label}: dài {length} ký tự, quá mức {max} ký tự."
MESSAGES["before_joining"] = "{field_label}: ngày {value} trước ngày vào Đảng của đồng chí {name} ({joined})."
