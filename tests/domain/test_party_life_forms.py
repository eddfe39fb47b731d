"""The party-life dialogs' forms: typed values out, or every wrong field named in Vietnamese."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain import party_life_forms as forms
from tayninh_desktop.domain.errors import ValidationError


def test_letter_ok():
    assert forms.letter({"direction": "di", "issued_on": "05/02/2026", "temporary": "1", "letter_number": " 12 ",
                         "counterpart": "Đảng ủy phường Tân Ninh"}) == {
        "direction": "di", "issued_on": date(2026, 2, 5), "temporary": True, "letter_number": "12",
        "counterpart": "Đảng ủy phường Tân Ninh", "notes": ""}


def test_letter_names_every_wrong_field():
    with pytest.raises(ValidationError) as caught:
        forms.letter({"direction": "x", "issued_on": "31/02/2026", "counterpart": ""})
    fields = caught.value.by_field()
    assert set(fields) == {"direction", "issued_on", "counterpart"}
    assert "«31/02/2026» không phải ngày hợp lệ" in fields["issued_on"][0]
    assert fields["counterpart"] == ["Nơi đến / nơi đi: chưa nhập (bắt buộc)."]


@pytest.mark.parametrize(("values", "field"), [
    ({"outcome": "da_trinh", "presented_on": ""}, "presented_on"),
    ({"outcome": "cho"}, "outcome"),
    ({"outcome": "???"}, "outcome"),
])
def test_letter_outcome_refusals(values, field):
    with pytest.raises(ValidationError) as caught:
        forms.letter_outcome(values)
    assert field in caught.value.by_field()


def test_rating_score_must_be_a_number_in_range():
    assert forms.rating({"year": "2025", "level": "tot", "score": "85"})["score"] == 85
    with pytest.raises(ValidationError) as caught:
        forms.rating({"year": "2025", "level": "tot", "score": "tám lăm"})
    assert caught.value.by_field()["score"] == ["Điểm: «tám lăm» không phải số hợp lệ (từ 0 đến 100)."]


def test_contact_needs_date_and_channel():
    with pytest.raises(ValidationError) as caught:
        forms.contact({"contacted_on": "", "channel": ""})
    assert set(caught.value.by_field()) == {"contacted_on", "channel"}


RUBRIC = {"rubric_name": "Biểu", "rubric_doc_number": "12-HD/BTCTW", "rubric_doc_date": "18/01/2018",
          "rubric_basis": "Hướng dẫn", "criteria": [{"code": "a", "label": "Chuẩn bị", "max": "40"},
                                                   {"code": "", "label": "Nội dung", "max": "60"}],
          "levels": [{"code": "tot", "label": "Tốt", "min": "80"}, {"code": "", "label": "Kém", "min": "0"}]}


def test_rubric_keeps_codes_and_makes_new_ones():
    data = forms.rubric(RUBRIC, "12-HD/BTCTW")
    assert [c["code"] for c in data["criteria"]] == ["a", "tc1"]
    assert [lv["code"] for lv in data["levels"]] == ["tot", "muc1"]
    assert data["doc_date"] == "2018-01-18" and data["code"] == "12-HD/BTCTW"


def test_rubric_names_each_wrong_row():
    bad = {**RUBRIC, "rubric_doc_number": "", "criteria": [{"label": "", "max": "0"}, {"label": "Dự họp", "max": "100"}],
           "levels": [{"label": "Tốt", "min": "50"}, {"label": "Khá", "min": "50"}]}
    with pytest.raises(ValidationError) as caught:
        forms.rubric(bad)
    fields = caught.value.by_field()
    assert fields["rubric_doc_number"] == ["Số hiệu văn bản căn cứ: chưa nhập (bắt buộc)."]
    assert "dòng 1 chưa có nội dung tiêu chí" in fields["rubric_criteria"][0]
    assert "dòng 1 — điểm tối đa «0»" in fields["rubric_criteria"][1]
    assert any("bắt đầu từ 0 điểm" in m for m in fields["rubric_levels"])
