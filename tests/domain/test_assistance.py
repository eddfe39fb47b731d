"""The support programme's pure parts: money and rates the Vietnamese way, the reference data's checks, the
support computation and its rounding, the screening verdict, the fund's running balance."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.assistance import Discharged, Household, HouseholdClass
from tayninh_desktop.domain.assistance_calc import ScreenFacts, compute_support, running_minimum, screen
from tayninh_desktop.domain.assistance_reference import book_to_raw, parse_reference
from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.domain.vn_money import format_money, format_rate, money_words, parse_money, parse_rate

SHIPPED = tomllib.loads((Path(__file__).resolve().parents[2] / "resources" / "reference" / "support.toml")
                        .read_text(encoding="utf-8"))


@pytest.mark.parametrize(("value", "words"), [
    (0, "Không đồng chẵn"), (15, "Mười lăm đồng"), (21, "Hai mươi mốt đồng"), (24, "Hai mươi tư đồng"),
    (105, "Một trăm linh năm đồng"), (1_005_000, "Một triệu không trăm linh năm nghìn đồng chẵn"),
    (2_079_000, "Hai triệu không trăm bảy mươi chín nghìn đồng chẵn"),
    (2_500_000_000, "Hai tỷ năm trăm triệu đồng chẵn"),
])
def test_money_in_words(value, words):
    assert money_words(value) == words


def test_money_and_rates_read_and_written():
    assert parse_money("5.000.000 đ") == parse_money("5000000") == parse_money("5 000 000") == 5_000_000
    assert format_money(1_234_567) == "1.234.567 đ"
    for bad in ("1,5", "abc", "5.00.000", "-3"):
        with pytest.raises(ValueError):
            parse_money(bad)
    assert (parse_rate("6,6"), parse_rate("7.92"), parse_rate("9"), parse_rate("6,6 %")) == (660, 792, 900, 660)
    assert format_rate(660) == "6,6 %/năm" and format_rate(825) == "8,25 %/năm"
    with pytest.raises(ValueError):
        parse_rate("6,666")


def test_the_shipped_reference_data_parses_and_round_trips():
    book = parse_reference(SHIPPED)
    assert [p.code for p in book.plans] == ["90-KH/TU", "KH-2026"]
    assert book.plans[0].share_bp == 7000 and book.plans[0].is_unconfirmed("max_principal")
    assert not book.plans[0].is_unconfirmed("share")      # 70 % confirmed by the seed report
    assert book.plan_on(date(2025, 12, 31)).code == "90-KH/TU" and book.plan_on(date(2026, 1, 1)).code == "KH-2026"
    assert book.poverty_line_on(date(2027, 3, 1)).rural_line == 2_200_000
    assert parse_reference(book_to_raw(book)) == book


@pytest.mark.parametrize(("change", "message"), [
    (lambda raw: raw["plan"][0].pop("basis"), "Kế hoạch hỗ trợ, dòng 1, trường «basis»: chưa có."),
    (lambda raw: raw["plan"][0].update(share="170"), ("Kế hoạch hỗ trợ, dòng 1, trường «share»: «170» phải là số từ"
                                                     " 0 đến 100 (vd. 6,6).")),
    (lambda raw: raw["programmes"][0].update(tien_lai="1"), ("Chương trình cho vay NHCSXH, dòng 1, trường «tien_lai»:"
                                                            " trường không có trong mẫu dữ liệu.")),
    (lambda raw: raw["plan"][1].update(valid_from="2025-06-01"), ("Kế hoạch hỗ trợ: thời gian hiệu lực của 90-KH/TU và"
                                                                 " (chưa có số) chồng nhau (ngày 01/06/2025).")),
])
def test_bad_reference_data_is_refused_naming_section_row_field(change, message):
    raw = book_to_raw(parse_reference(SHIPPED))
    change(raw)
    with pytest.raises(ValidationError) as caught:
        parse_reference(raw)
    assert message in caught.value.message


def test_support_is_rounded_down_to_the_dong_and_capped():
    plan = parse_reference(SHIPPED).plans[0]
    assert compute_support(plan, 1_000_001, 10_000_000).amount == 700_000     # 700.000,7 → 700.000
    assert compute_support(plan, 300, 200_000_000).amount == 105              # half the loan above the cap
    assert compute_support(plan, 30_000_000, 50_000_000, 0).amount == 10_000_000   # the yearly cap
    assert compute_support(plan, 0, 50_000_000).amount == 0


def _facts(classification=None, loans=0, discharged=Discharged.NONE, certificate="1/GCN"):
    household = None if classification is None else Household("m", 2026, classification, certificate_number=certificate,
                                                              discharged=discharged)
    return ScreenFacts(household, loans, None)


def test_screening_verdicts():
    plan = parse_reference(SHIPPED).plans[1]
    assert screen(plan, _facts(HouseholdClass.POOR, 1)).basis.value == "doi_tuong"
    assert screen(plan, _facts(HouseholdClass.OTHER, 1)).basis is None
    assert screen(plan, _facts(HouseholdClass.OTHER, 0, Discharged.ARMY)).categories[0].value == "xuat_ngu"
    assert screen(plan, _facts(None, 1)).missing == ("hoan_canh",)
    assert screen(plan, _facts(None, 0)).missing == ("hoan_canh", "khoan_vay")
    assert screen(plan, _facts(HouseholdClass.NEAR_POOR, 1, certificate="")).missing == ("giay_chung_nhan",)
    assert screen(plan, _facts(HouseholdClass.OTHER), income_hint=True).basis.value == "chua_ro"


def test_running_minimum_finds_the_day_the_fund_would_go_below_zero():
    entries = [(date(2026, 1, 5), 2, -300), (date(2026, 1, 1), 1, 500), (date(2026, 1, 3), 3, -400)]
    assert running_minimum(entries) == (-200, date(2026, 1, 5))
    assert running_minimum([(date(2026, 1, 1), 1, 100)]) == (0, None)
