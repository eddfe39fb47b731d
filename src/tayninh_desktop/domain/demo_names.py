"""Pools for the synthetic demo register: names in Vietnamese order with realistic frequencies,
hamlet and neighbourhood names of a Tây Ninh commune, occupations and places.

Weights are rough shares among people in the South (Huỳnh and Võ are commoner there than in the
North); they only need to make lists look like real ones, not to be census figures.
"""

from __future__ import annotations

FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 31.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 6.0), ("Huỳnh", 5.5), ("Võ", 5.0), ("Phan", 4.5),
    ("Trương", 2.5), ("Bùi", 2.0), ("Đặng", 2.0), ("Đỗ", 1.5), ("Ngô", 1.5), ("Hồ", 1.8), ("Dương", 1.2),
    ("Lý", 0.8), ("Hoàng", 2.5), ("Vũ", 1.5), ("Đinh", 0.8), ("Lâm", 0.8), ("Mai", 0.6), ("Châu", 0.5),
    ("Tô", 0.4), ("Đoàn", 0.7), ("Cao", 0.5), ("Lưu", 0.4), ("Tạ", 0.3), ("Thái", 0.4), ("Kiều", 0.2),
    ("Quách", 0.2), ("Âu", 0.1), ("Ông", 0.1), ("Ừng", 0.05), ("Đào", 0.6), ("La", 0.3), ("Từ", 0.2),
)

MIDDLE_MALE: tuple[tuple[str, float], ...] = (
    ("Văn", 40.0), ("Thanh", 6.0), ("Minh", 6.0), ("Hữu", 5.0), ("Tấn", 5.0), ("Quốc", 4.0), ("Công", 3.5),
    ("Đức", 3.5), ("Hoàng", 3.0), ("Ngọc", 3.0), ("Thành", 3.0), ("Trung", 2.0), ("Phước", 2.0), ("Anh", 1.5),
    ("Chí", 1.5), ("Quang", 2.0), ("Xuân", 1.5), ("Đình", 1.5), ("Hoài", 1.0), ("Duy", 1.0), ("", 2.0),
    ("Văn Minh", 0.8), ("Thanh Tấn", 0.3), ("Hữu Công", 0.3), ("Quang Xuân", 0.2),
)

MIDDLE_FEMALE: tuple[tuple[str, float], ...] = (
    ("Thị", 45.0), ("Ngọc", 6.0), ("Thanh", 5.0), ("Kim", 5.0), ("Thu", 4.0), ("Mỹ", 3.0), ("Bích", 3.0),
    ("Phương", 3.0), ("Hồng", 3.0), ("Thúy", 2.0), ("Minh", 2.0), ("Diễm", 1.0), ("Hoài", 1.0), ("Tuyết", 1.0),
    ("Thị Thúy", 1.0), ("Thị Ngọc", 1.0), ("Thị Kim", 1.0), ("", 1.5),
)

GIVEN_MALE: tuple[str, ...] = (
    "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Nam", "Sơn", "Phúc", "Tài", "Lộc", "Bình", "Hòa", "Thành", "Tâm",
    "Tùng", "Long", "Quang", "Hiếu", "Trung", "Đạt", "Khoa", "Thịnh", "Nghĩa", "Toàn", "Cường", "Vinh", "Ơn",
    "Ước", "Phong", "Tú", "Duy", "Hưng", "Khang", "Lâm", "Nhân", "Phát", "Quý", "Sang", "Tín", "Trí", "Vũ",
    "Bảo", "Công", "Đông", "Hiển", "Kiệt", "Luân", "Mạnh", "Ngạn", "Tấn", "Thuận", "Út", "Xuân", "Ẩn", "Ánh",
    "Anh", "Ân", "Ấn", "Đức", "Hạnh", "Chiến", "Thắng", "Lợi", "Nhựt", "Em", "Ý", "Yên", "Giàu", "Sáu", "Bảy",
)

GIVEN_FEMALE: tuple[str, ...] = (
    "Lan", "Hoa", "Mai", "Hương", "Linh", "Trang", "Thảo", "Ngọc", "Hằng", "Nga", "Loan", "Vân", "Yến",
    "Tuyết", "Hạnh", "Oanh", "Nhung", "Duyên", "Thủy", "Thuỷ", "Phượng", "Diễm", "Ánh", "Xuân", "Hồng", "Dung",
    "Huệ", "Cúc", "Đào", "Liên", "Mỹ", "Nhi", "Phương", "Quyên", "Sương", "Thơ", "Trinh", "Uyên", "Vy", "Ý",
    "Ân", "Bích", "Châu", "Giang", "Hiền", "Kiều", "Lệ", "Mến", "Nguyệt", "Ơn", "Tâm", "Thu", "Tiên", "Út",
    "Anh", "Ảnh", "Em", "Hà", "Hạ", "Lài", "Lụa", "Nương", "Thắm", "Trâm", "Xinh", "Yên",
)

HAMLETS: tuple[str, ...] = (
    "ấp Cầu Xe", "ấp Suối Dộp", "ấp Thạnh Đông", "ấp Bàu Sen", "ấp Long Hải", "ấp Phước Hội", "ấp Trường Đông",
    "ấp Đồng Kèn", "khu phố Ninh Trung", "khu phố Hiệp Thạnh", "ấp Lộc Thuận", "ấp Lộc An", "ấp Bàu Đồn",
    "ấp Suối Cao", "ấp Trà Võ", "ấp Bến Kéo", "ấp Phước Trung", "ấp Long Mỹ", "ấp Thuận Hòa", "ấp Bông Trang",
    "ấp Chánh", "ấp Cây Me", "ấp Trảng Cỏ", "ấp Rạch Sơn", "ấp Ninh Phước", "khu phố Gia Huỳnh", "khu phố An Hòa",
    "khu phố Lộc Du", "khu phố Bình Hòa", "ấp Tân Định", "ấp Tân Lập", "ấp Hòa Bình", "ấp Xóm Mới", "ấp Gò Nổi",
    "ấp Bàu Mây", "ấp Cầu Sắt", "ấp Láng", "ấp Hội Thạnh", "ấp Thạnh Hiệp", "ấp Ninh Thạnh",
)

INSTITUTIONAL_CELLS: tuple[str, ...] = (
    "Chi bộ Quân sự xã", "Chi bộ Công an xã", "Chi bộ Trường Tiểu học", "Chi bộ Trường Trung học cơ sở",
    "Chi bộ Trạm Y tế", "Chi bộ Cơ quan Ủy ban nhân dân xã",
)

OCCUPATIONS: tuple[tuple[str, float], ...] = (
    ("Làm nông", 30.0), ("Hưu trí", 18.0), ("Công chức", 8.0), ("Viên chức", 7.0), ("Giáo viên", 6.0),
    ("Buôn bán", 7.0), ("Công nhân", 8.0), ("Cán bộ ấp", 4.0), ("Lực lượng vũ trang", 3.0),
    ("Lao động tự do", 5.0), ("Nội trợ", 2.0), ("Bác sĩ", 1.0), ("Kỹ sư", 1.0),
)

HOMETOWNS: tuple[str, ...] = (
    "xã Hưng Thuận, Tây Ninh", "xã Trảng Bàng, Tây Ninh", "phường Gò Dầu, Tây Ninh", "xã Phước Chỉ, Tây Ninh",
    "phường Long An, Tây Ninh", "xã Đức Hòa, Tây Ninh", "phường Bình Dương, TP. Hồ Chí Minh",
    "xã Củ Chi, TP. Hồ Chí Minh", "tỉnh Đồng Tháp", "tỉnh Vĩnh Long", "tỉnh Nghệ An", "tỉnh Thanh Hóa",
    "tỉnh Quảng Ngãi", "tỉnh Hà Tĩnh", "tỉnh Bắc Ninh", "tỉnh An Giang",
)

EDUCATION_GENERAL: tuple[str, ...] = ("12/12", "12/12", "12/12", "9/12", "10/10", "7/10", "5/12")
EDUCATION_PROFESSIONAL: tuple[str, ...] = ("", "", "Trung cấp", "Cao đẳng", "Đại học", "Đại học", "Thạc sĩ")
POLITICAL_THEORY: tuple[str, ...] = ("Sơ cấp", "Sơ cấp", "Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp")
ETHNICITIES: tuple[tuple[str, float], ...] = (("Kinh", 97.0), ("Khmer", 1.5), ("Hoa", 1.0), ("Chăm", 0.5))
RELIGIONS: tuple[tuple[str, float], ...] = (("Không", 80.0), ("Cao Đài", 12.0), ("Phật giáo", 6.0),
                                            ("Công giáo", 2.0))
AWAY_PLACES: tuple[str, ...] = (
    "TP. Hồ Chí Minh", "phường Thủ Dầu Một, TP. Hồ Chí Minh", "tỉnh Đồng Nai", "tỉnh Bình Phước (cũ)",
    "Khu công nghiệp Phước Đông", "tỉnh Bà Rịa – Vũng Tàu (cũ)", "Hàn Quốc (lao động có thời hạn)",
)
