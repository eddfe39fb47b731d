"""The detector files: one per legal basis, each record with its code, description, basis and validity; a bad file is
set aside whole with a Vietnamese reason naming the file and the field, and only its own detectors are missing."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from tayninh_desktop.domain.rules import RULES_PACKAGE, RuleError
from tayninh_desktop.domain.screening_rules import Level, Measure, load_detectors, parse_detector_file

GOOD = """
[[detector]]
code = "vang_thu"
measure = "absent_months"
level = "sign"
description = "Vắng sinh hoạt thử"
min = 1
max = 2
basis = "Thử nghiệm, Điều 1"
doc_number = "01-HD/THU"
doc_date = 2024-01-01
valid_from = 2024-01-01
"""


def shipped() -> list[tuple[str, str, bool]]:
    folder = resources.files(RULES_PACKAGE)
    return [(e.name, e.read_text(encoding="utf-8"), False) for e in sorted(folder.iterdir(), key=lambda e: e.name)
            if e.name.startswith("detectors_")]


def test_shipped_detector_files_load_one_per_basis():
    found = load_detectors(shipped())
    assert not found.problems
    files = {d.file for d in found.detectors}
    assert files == {"detectors_02_hd_btctw.toml", "detectors_03_da_tu.toml", "detectors_294_qd_tw.toml"}
    for detector in found.detectors:   # every record names its text (number, date, article) and its validity
        assert detector.rule.doc_number and detector.rule.basis and detector.rule.valid_from and detector.description
    by_code = {d.code: d for d in found.in_force(date(2026, 6, 1))}
    ground = by_code["bo_sinh_hoat_3_thang"]
    assert ground.level is Level.GROUND and ground.measure is Measure.ABSENT_MONTHS and ground.get("min") == 3
    assert ground.rule.doc_number == "294-QĐ/TW"
    assert found.by_code("bo_sinh_hoat_3_thang", date(2024, 6, 1)).rule.doc_number == "24-QĐ/TW"
    assert by_code["vang_sinh_hoat_1_2_thang"].rule.unconfirmed   # the program's early threshold, marked


@pytest.mark.parametrize("change, words", [
    (("min = 1", "mim = 1"), "trường «mim» không có trong danh mục"),
    (('basis = "Thử nghiệm, Điều 1"\n', ""), "thiếu trường «basis»"),
    (('measure = "absent_months"', 'measure = "dem_ngay"'), "trường «measure» có giá trị «dem_ngay»"),
    (("max = 2", "max = 0"), "trường «max»"),
    (("[[detector]]", "[[dau_hieu]]"), "mục [dau_hieu] không có"),
    (('description = "Vắng sinh hoạt thử"\n', ""), "thiếu trường «description»"),
])
def test_a_bad_record_is_refused_naming_file_and_field(change, words):
    with pytest.raises(RuleError) as info:
        parse_detector_file("detectors_sai.toml", GOOD.replace(*change))
    assert "«detectors_sai.toml»" in str(info.value) and words in str(info.value)


def test_a_bad_file_disables_only_its_own_detectors():
    bad = GOOD.replace("min = 1", "mim = 1").replace("vang_thu", "vang_hong")
    found = load_detectors([*shipped(), ("detectors_van_phong.toml", bad, True),
                            ("detectors_them.toml", GOOD, True)])
    assert [p.file for p in found.problems] == ["detectors_van_phong.toml"]
    assert found.problems[0].codes == ("vang_hong",) and "«mim»" in found.problems[0].message
    codes = set(found.codes)
    assert "vang_thu" in codes and "vang_hong" not in codes and "bo_sinh_hoat_3_thang" in codes


def test_an_office_file_overlapping_a_shipped_code_is_set_aside():
    clash = GOOD.replace("vang_thu", "bo_sinh_hoat_3_thang")
    found = load_detectors([*shipped(), ("detectors_trung.toml", clash, True)])
    assert found.problems[0].file == "detectors_trung.toml" and "trùng thời gian hiệu lực" in found.problems[0].message
    # a newer text from a later date: the office's record replaces the shipped one from that day
    later = clash.replace("valid_from = 2024-01-01", "valid_from = 2030-01-01").replace("min = 1", "min = 4")
    found = load_detectors([*shipped(), ("detectors_sau.toml", later.replace("max = 2\n", ""), True)])
    assert not found.problems
    assert found.by_code("bo_sinh_hoat_3_thang", date(2029, 12, 31)).get("min") == 3
    assert found.by_code("bo_sinh_hoat_3_thang", date(2030, 1, 1)).get("min") == 4


def test_a_file_that_is_not_toml_is_named():
    found = load_detectors([("detectors_hong.toml", "[[detector]\ncode = ", True)])
    assert found.problems[0].message.startswith("Tệp quy tắc «detectors_hong.toml» không đọc được")
