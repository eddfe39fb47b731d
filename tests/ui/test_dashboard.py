"""The home page's charts: drawn after the page is shown (never while it is built), a card per chart with its
figures as text, drawn again after a change, hidden on request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tayninh_desktop.services import organisation
from tayninh_desktop.ui.pages.warnings_page import WarningsPage
from tests.conftest import TODAY

SHOTS = Path("/tmp/shots")


def test_the_home_page_shows_the_charts_once_it_is_shown(demo_context, qtbot):
    page = WarningsPage(demo_context, today=TODAY)
    qtbot.addWidget(page)
    assert page.dashboard.cards == {}                       # nothing drawn while the page is built
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.dashboard.ready, timeout=20000)
    cards = page.dashboard.cards
    assert list(cards) == ["members_by_cell", "meetings_by_month", "dues_by_month", "ratings_by_cell",
                           "removals_by_year"]
    cell = organisation.cells(demo_context.db)[0].name
    assert cells_text(cards["members_by_cell"]).startswith("Đảng viên theo chi bộ và tình trạng")
    assert f"{cell}: Chính thức" in cards["members_by_cell"].text
    assert "Tỷ lệ dự họp" in cards["meetings_by_month"].text and " %" in cards["meetings_by_month"].text
    assert not cards["members_by_cell"].picture.pixmap().isNull()
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(200)   # the cards' layout, as the event loop does it
    page.grab().save(str(SHOTS / "home_dashboard.png"))


def cells_text(card) -> str:
    return card.toolTip()


def test_a_change_draws_the_charts_again(demo_context, qtbot):
    from tayninh_desktop.services import dues

    page = WarningsPage(demo_context, today=date(2026, 12, 3))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.dashboard.ready, timeout=20000)
    assert "T12: —" in page.dashboard.cards["dues_by_month"].text      # December not recorded yet
    cell = organisation.cells(demo_context.db)[0]
    lines = dues.dues_sheet(demo_context.db, cell.id, "12/2026")
    entries = {line.member_id: (line.due or 0, "da_dong", "") for line in lines if line.due is not None}
    changes = dues.record_dues(demo_context.db, demo_context.actor, cell.id, "12/2026", entries,
                               today=date(2026, 12, 3))
    demo_context.changed.emit(changes)
    qtbot.waitUntil(lambda: "T12: —" not in page.dashboard.cards["dues_by_month"].text, timeout=20000)


def test_hidden_charts_are_not_drawn(demo_context, qtbot):
    page = WarningsPage(demo_context, today=TODAY)
    qtbot.addWidget(page)
    page.dashboard.toggle.setChecked(True)
    page.show()
    qtbot.wait(900)
    assert page.dashboard.cards == {} and not page.dashboard.area.isVisible()
    page.dashboard.toggle.setChecked(False)
    qtbot.waitUntil(lambda: page.dashboard.ready, timeout=20000)
