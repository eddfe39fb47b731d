"""The rule files: every shipped record has its basis; a file without a basis or with an unknown field is refused at
load with a Vietnamese message naming the file and the field."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from tayninh_desktop.domain import rules

GOOD = """
[[transfer_deadline]]
working_days = 30
basis = "Quy định thi hành Điều lệ Đảng, Điều 6"
doc_number = "294-QĐ/TW"
doc_date = 2025-05-26
valid_from = 2025-07-01
"""


def _load(text: str, name: str = "party_life.toml") -> rules.RuleBook:
    return rules.merge_rule_books([(name, tomllib.loads(text))])


def test_a_good_file_loads():
    assert _load(GOOD).on("transfer_deadline", date(2026, 1, 1))["working_days"] == 30


def test_a_file_without_a_legal_basis_is_refused_naming_file_and_field():
    with pytest.raises(rules.RuleError) as info:
        _load(GOOD.replace('basis = "Quy định thi hành Điều lệ Đảng, Điều 6"\n', ""), "sua_doi.toml")
    assert str(info.value).startswith("Tệp quy tắc «sua_doi.toml», mục [transfer_deadline]: thiếu trường «basis»")


def test_an_empty_document_number_is_no_basis():
    with pytest.raises(rules.RuleError, match="thiếu trường"):
        _load(GOOD.replace('doc_number = "294-QĐ/TW"', 'doc_number = " "'))


def test_an_unknown_field_is_refused_naming_it():
    with pytest.raises(rules.RuleError) as info:
        _load(GOOD.replace("working_days = 30", "working_day = 30"), "sua_doi.toml")
    assert "«sua_doi.toml»" in str(info.value) and "trường «working_day» không có trong danh mục" in str(info.value)


def test_an_unknown_section_and_a_wrong_type_are_refused():
    with pytest.raises(rules.RuleError, match=r"mục \[han_nop\] không có"):
        _load(GOOD.replace("transfer_deadline", "han_nop"))
    with pytest.raises(rules.RuleError, match="«working_days» có giá trị «ba mươi» không đúng kiểu"):
        _load(GOOD.replace("working_days = 30", 'working_days = "ba mươi"'))


def test_shipped_files_load_and_mark_what_is_unconfirmed():
    book = rules.party_life_rules()
    assert {r.source for records in book.sections.values() for r in records} == set(rules.RULE_FILES)
    dues_01 = book.on("dues_rule", date(2026, 2, 1))
    assert dues_01.doc_number == "01-QĐ/TW" and list(dues_01["reduction_percents"]) == [30, 50, 70]
    assert book.on("dues_rule", date(2026, 1, 31)).doc_number == "342-QĐ/TW"
    assert book.on("dues_category", date(2026, 3, 1), key="ngoai_bhxh").unconfirmed  # left to the province
    assert book.on("transfer_deadline", date(2026, 1, 1)).doc_number == "294-QĐ/TW"
    assert "19/09/2021" in book.on("away_contact", date(2026, 1, 1)).citation  # Đề án 03-ĐA/TU, its real date
    assert book.on("abroad_leave", date(2026, 1, 1)).doc_number == "06-HD/TW"  # 01-HD/TW replaced in 2025
    assert book.on("abroad_leave", date(2024, 1, 1)).doc_number == "01-HD/TW"
    assert book.on("party_discipline", date(2026, 1, 1))["lapse_months"] == 12
    assert book.on("rating_quota", date(2025, 12, 31)).citation_marked.endswith("(chưa xác nhận)")
