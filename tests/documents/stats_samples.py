"""Sample values of the statistical forms: the hand-built register of tests/domain, counted by the
domain functions the program uses (so a printed form shows real figures, typed rows and all)."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.stats_classify import classifications
from tayninh_desktop.domain.stats_compute import compute
from tayninh_desktop.domain.stats_forms import stat_form
from tayninh_desktop.domain.stats_period import parse_period, window_for
from tayninh_desktop.domain.stats_register import Award, RatingFact
from tayninh_desktop.domain.stats_table import display_rows
from tayninh_desktop.services.statistics_print import banner, form_values
from tests.domain.stats_register_samples import sample_register

TODAY = date(2026, 11, 27)
RATINGS = {2025: {"An": RatingFact("xuat_sac"), "Bình": RatingFact("tot"), "Lan": RatingFact("hoan_thanh"),
                  "Giang": RatingFact("khong_xep_loai", "mien_sinh_hoat")}}
AWARDS = (Award("Lan", "huy_hieu", date(2026, 2, 3), 30), Award("Hà", "the_cap_lai", date(2026, 5, 19)))
TYPED = {"bieu_7": {"IV.3.gia_mao": 1, "I.2.giay_khen": 4}, "bieu_2": {"I.doan_vien": 1},
         "bieu_6f": {"1.tt": 3, "2.tt": 3, "3.tt": 0}}


def statistics_values(form_id: str, header=None) -> dict:
    form = stat_form(form_id)
    period = parse_period("2025" if form_id in ("bieu_6", "bieu_6f") else "2026-H1")
    window = window_for(period, TODAY)
    register = sample_register(ratings=RATINGS, awards=AWARDS)
    typed = TYPED.get(form_id, {})
    now = compute(form, register, window, classifications(), typed)
    before = compute(form, register, window.same_period_last_year(), classifications(), typed)
    rows = display_rows(form, now, before if form.layout == "comparison" else None)
    return {**form_values(form, rows, period.label, window.start, window.end),
            **banner(form, header, period.label)}
