"""Clean text: Unicode digits become ASCII where numbers are expected; names and texts that hide what
they are (control characters, bidirectional overrides, only invisible characters, a formula start)
are refused, and every exported text stays text."""

from __future__ import annotations

import openpyxl
import pytest

from tayninh_desktop.cli import main
from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.members import parse_member_form
from tayninh_desktop.services import exporting, organisation, register

ARABIC_CCCD = "٠٧٢١٦٠١٠٢٨٢٢"        # 072160102822 in Arabic-Indic digits
FULL_WIDTH_CCCD = "０７２１６０１０２８２２"


@pytest.mark.parametrize("typed", [ARABIC_CCCD, FULL_WIDTH_CCCD])
def test_a_cccd_in_other_digits_is_the_same_cccd(home_db, actor, cells, make_form, today, typed):
    register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    with pytest.raises(ValidationError) as caught:
        register.add_member(home_db, actor, make_form(full_name="Trần Văn Khác", cccd=typed, card_number=""),
                            cells["CB01"].id, today=today)
    assert [i.code for i in caught.value.issues] == ["duplicate_cccd"]
    assert "072160102822" in caught.value.message


@pytest.mark.parametrize(("name", "code", "shown"), [
    ("\u200b\u200c", "text_invisible", "chỉ có ký tự vô hình"),
    ("Nguyễn Văn \u202eA", "text_bidi", "⟨U+202E⟩"),
    ("Nguyễn\x07 Văn A", "text_control", "⟨U+0007⟩"),
    ("=HYPERLINK(\"http://x\",\"A\")", "text_formula", "bắt đầu bằng ="),
    ("@SUM(A1)", "text_formula", "@"),
    ("+84 Văn A", "text_formula", "+"),
])
def test_names_that_hide_what_they_are_are_refused(make_form, today, name, code, shown):
    with pytest.raises(ValidationError) as caught:
        parse_member_form(make_form(full_name=name), today)
    assert code in [i.code for i in caught.value.issues] and shown in caught.value.message


def test_zero_width_characters_inside_a_name_are_removed(make_form, today):
    data = parse_member_form(make_form(full_name="Nguyễn\u200b Thị Ánh\u2060 Tuyết"), today)
    assert data.full_name == "Nguyễn Thị Ánh Tuyết"


def test_a_unit_name_may_not_start_like_a_formula(home_db, actor):
    with pytest.raises(ValidationError) as caught:
        organisation.create_unit(home_db, actor, code="CB09", name="=1+1")
    assert caught.value.issues[0].code == "text_formula"


def test_a_note_starting_like_a_formula_is_exported_as_text(home_db, actor, cells, make_form, today, tmp_path):
    register.add_member(home_db, actor, make_form(notes="=cmd|' /C calc'!A0", occupation="- nông dân"),
                        cells["CB01"].id, today=today)
    path = exporting.export_members(home_db, actor, tmp_path / "ds.xlsx", layout="flat").path
    ws = openpyxl.load_workbook(path).active
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(("=", "-"))]
    assert texts and all(c.data_type == "s" for c in texts)
    assert any(c.value == "=cmd|' /C calc'!A0" for c in texts)


@pytest.mark.parametrize("day", ["01/01/0001", "31/12/9999"])
def test_a_document_dated_year_1_or_9999_is_refused(home_db, cells, db_path, tmp_path, capsys, day):
    code = main(["print", "nghi_quyet_chi_bo", "--cell", "CB01", "--date", day, "--out", str(tmp_path / "nq.pdf"),
                 "--db", str(db_path)])
    assert code == 1 and not (tmp_path / "nq.pdf").exists()
    assert day in capsys.readouterr().err


def test_a_document_dated_far_ahead_is_refused(home_db, cells, db_path, tmp_path, capsys):
    code = main(["print", "nghi_quyet_chi_bo", "--cell", "CB01", "--date", "01/01/2900", "--out",
                 str(tmp_path / "nq.pdf"), "--db", str(db_path)])
    assert code == 1 and "01/01/2900" in capsys.readouterr().err
