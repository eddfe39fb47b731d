"""Forms an office adds in the data folder's forms directory: listed beside the shipped ones, checked
the same way; a broken file is named with what is wrong (Vietnamese) and skipped, never breaking the list."""

from __future__ import annotations

import pytest

from tayninh_desktop.documents.forms import all_forms
from tayninh_desktop.documents.office_forms import load_folder

INVITATION = """\
name = "Giấy mời họp chi bộ mở rộng"
description = "Mời đại biểu dự họp chi bộ mở rộng."
type_code = "GM"
title = "GIẤY MỜI"
scope = ["cell"]

[signature]
on_behalf = "T/M CHI BỘ"
title = "BÍ THƯ"
name = "{signer_name}"

[[blocks]]
kind = "paragraph"
style = "center"
text = "Kính gửi: {guest:50}"

[[blocks]]
kind = "table"
rows = "members"
number_row = true
blank_rows = 5
[[blocks.columns]]
header = "Họ và tên"
value = "{full_name}"
width = 60
"""


def _load(tmp_path, files: dict[str, str | bytes]):
    for name, text in files.items():
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_folder(tmp_path, all_forms())


def test_a_good_office_form_loads_like_a_shipped_one(tmp_path):
    found, problems = _load(tmp_path, {"giay_moi_hop.toml": INVITATION})
    assert problems == ()
    form = found["giay_moi_hop"]
    assert (form.name, form.type_code, form.scope) == ("Giấy mời họp chi bộ mở rộng", "GM", ("cell",))
    assert [b.kind for b in form.blocks] == ["paragraph", "table"]
    assert form.blocks[1].columns[0].width == 60


def test_a_byte_order_mark_from_notepad_is_accepted(tmp_path):
    found, problems = _load(tmp_path, {"giay_moi.toml": b"\xef\xbb\xbf" + INVITATION.encode("utf-8")})
    assert list(found) == ["giay_moi"] and problems == ()


BROKEN = [
    ("hong.toml", 'name = "Giấy mời\ntype_code = "GM"\n', "sai cú pháp TOML ở dòng 1, cột"),
    ("ma_1258.toml", INVITATION.encode("cp1258", errors="replace"), "bảng mã UTF-8"),
    ("Giấy mời.toml", INVITATION, "tên tệp chỉ được dùng chữ thường không dấu"),
    ("cong_van.toml", INVITATION, "trùng mã của mẫu có sẵn «Công văn»"),
    ("thieu_ten.toml", INVITATION.replace('name = "Giấy mời họp chi bộ mở rộng"\n', ""),
     "thiếu khóa bắt buộc «name»"),
    ("go_sai.toml", INVITATION.replace("scope =", "scop ="), "có khóa «scop» không dùng được"),
    ("so_chu.toml", INVITATION.replace("width = 60", 'width = "60"'),
     "khối thứ 2 (table) › cột thứ 1: «width» phải là một số"),
    ("dung_sai.toml", INVITATION.replace('blank_rows = 5', 'blank_rows = "năm"'),
     "khối thứ 2 (table): «blank_rows» phải là một số nguyên"),
    ("co_sai.toml", INVITATION.replace("number_row = true", 'number_row = "có"'), "phải là true hoặc false"),
    ("khoi_la.toml", INVITATION.replace('kind = "paragraph"', 'kind = "doan_van"'),
     "khối thứ 1: loại khối «doan_van» không có (các loại: paragraph"),
    ("kieu_chu.toml", INVITATION.replace('style = "center"', 'style = "giua"'),
     "khối thứ 1 (paragraph): «style» không nhận giá trị «giua» (chỉ nhận: body, center"),
    ("can_le.toml", INVITATION.replace("width = 60", 'width = 60\nalign = "giua"'),
     "cột thứ 1: «align» không nhận giá trị «giua» (chỉ nhận: left, center, right)"),
    ("huong.toml", INVITATION.replace('scope = ["cell"]', 'scope = ["cell"]\norientation = "ngang"'),
     "«orientation» phải là một trong: portrait, landscape"),
    ("pham_vi.toml", INVITATION.replace('scope = ["cell"]', 'scope = ["year"]'), "«scope» phải có ít nhất"),
    ("pham_vi_la.toml", INVITATION.replace('scope = ["cell"]', 'scope = ["cell", "xa"]'), "đang ghi: xa"),
    ("nguoi_ky.toml", INVITATION.replace('on_behalf = "T/M CHI BỘ"', 'thay_mat = "T/M CHI BỘ"'),
     "phần [signature]: có khóa «thay_mat» không dùng được"),
    ("bo_phan.toml", INVITATION.replace('scope = ["cell"]', 'scope = ["cell"]\nparts = ["khong_co"]'),
     "«parts» nêu mẫu không có"),
    ("nguon.toml", INVITATION.replace('scope = ["cell"]', 'scope = ["cell"]\nsource = "crosscheck"'),
     "«source» không nhận giá trị «crosscheck» (chỉ nhận: de_an_03, meeting"),
]


@pytest.mark.parametrize(("name", "content", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_office_form_is_named_and_skipped(tmp_path, name, content, expected):
    found, problems = _load(tmp_path, {name: content, "giay_moi_hop.toml": INVITATION})
    assert list(found) == ["giay_moi_hop"]          # the good one is still there
    (problem,) = problems
    assert problem.file == name
    assert problem.message.startswith(f"Bỏ qua mẫu của văn phòng «{name}»: ")
    assert expected in problem.message, problem.message


def test_every_broken_file_at_once_leaves_the_good_ones(tmp_path):
    found, problems = _load(tmp_path, {**{name: content for name, content, _ in BROKEN},
                                       "giay_moi_hop.toml": INVITATION})
    assert list(found) == ["giay_moi_hop"]
    assert sorted(p.file for p in problems) == sorted(name for name, _, _ in BROKEN)


def test_an_office_dossier_may_bind_shipped_and_office_forms(tmp_path):
    dossier = INVITATION.replace('scope = ["cell"]', 'scope = ["cell"]\nparts = ["giay_moi_hop", "bien_ban_hop_chi_bo"]')
    found, problems = _load(tmp_path, {"giay_moi_hop.toml": INVITATION, "ho_so_moi.toml": dossier})
    assert problems == () and found["ho_so_moi"].parts == ("giay_moi_hop", "bien_ban_hop_chi_bo")


def test_no_folder_means_no_office_forms(tmp_path):
    assert load_folder(tmp_path / "khong-co", all_forms()) == ({}, ())
