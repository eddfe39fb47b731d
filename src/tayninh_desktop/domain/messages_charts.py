"""Words of the charts (home page and printed reports): titles, legends, units, notes."""

from __future__ import annotations

UNIT_MEMBERS = "đảng viên"
UNIT_MEETINGS = "kỳ họp"

REMOVALS_TITLE = "Số đảng viên bị xóa tên và xin ra khỏi Đảng theo năm"
BASELINE_LINE = "Bình quân 2015–2020"
TARGET_LINE = "Mức tối đa theo mục tiêu giảm {percent}%"

MEMBERS_TITLE = "Đảng viên theo chi bộ và tình trạng"
MEMBERS_EMPTY = "Sổ chưa có đảng viên."
OTHER_CELLS_NOTE = "Vẽ {shown} chi bộ lớn nhất trong {total} chi bộ; {count} chi bộ còn lại có {members} đảng viên."

MEETINGS_TITLE = "Sinh hoạt chi bộ thường kỳ 12 tháng qua"
MEETINGS_HELD = "Số kỳ họp"
ATTENDANCE_RATE = "Tỷ lệ dự họp"
MEETINGS_EMPTY = "Chưa ghi kỳ họp nào trong 12 tháng qua."

DUES_TITLE = "Đảng phí đã thu theo tháng"
DUES_COLLECTED = "Đã thu"
DUES_NOT_RECORDED = "Chưa ghi đủ đảng phí: {months}."
DUES_CELLS_MISSING = "{month} ({count} chi bộ chưa ghi)"
DUES_EMPTY = "Chưa ghi đảng phí tháng nào trong 12 tháng qua."

RATINGS_TITLE = "Xếp loại đảng viên năm {year} theo chi bộ"
RATINGS_TITLE_NONE = "Xếp loại đảng viên theo chi bộ"
RATINGS_EMPTY = "Chưa ghi kết quả xếp loại năm nào."

REMOVALS_EMPTY = "Chưa có đảng viên bị xóa tên, xin ra khỏi Đảng từ khi có Đề án."

STATUS_GROUPS = (("chinh_thuc", "Chính thức", "good"), ("du_bi", "Dự bị", "fair"),
                 ("mien_sinh_hoat", "Miễn sinh hoạt", "muted"), ("di_lam_an_xa", "Đi làm ăn xa", "warn"),
                 ("sinh_hoat_tam_thoi", "Sinh hoạt tạm thời", "strong"),
                 ("chuyen_tam_thoi_di", "Chuyển tạm thời đi", "neutral"))
RATING_GROUPS = (("xuat_sac", "Xuất sắc", "strong"), ("tot", "Tốt", "good"), ("hoan_thanh", "Hoàn thành", "fair"),
                 ("khong_hoan_thanh", "Không hoàn thành", "bad"), ("khong_xep_loai", "Không xếp loại", "muted"))
MONTH_LABEL = "T{month}"
MONTH_LABEL_YEAR = "T{month}\n{year}"
