"""A member's record: the "Hỗ trợ" tab (household by year, loans and interest paid, outreach, applications) for a
role that may see household data, absent for one that may not; its buttons open the support page's editors and
the tab shows what they record. And the day a change of occupation or schooling takes effect, typed with the
edit (a wrong day is named under the box and nothing is saved). Screenshots at 1366×768 go to /tmp/shots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.services import member_field_history, register, support_screening
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog
from tests.services import support_fixtures
from tests.ui.test_support_page import submit

people = support_fixtures.people
SHOTS = Path("/tmp/shots")
TODAY = date(2026, 11, 27)


@pytest.fixture
def dialog(context, people, qtbot):
    support_screening.record_told(context.db, context.actor, people["hoa"],
                                  {"told_on": "05/02/2026", "how": "Tại buổi sinh hoạt chi bộ"}, today=TODAY)
    widget = MemberDialog(context, people["hoa"])
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.support.today = TODAY
    return widget


def _texts(model) -> list[tuple[str, ...]]:
    return [row.cells for row in model.rows]


def test_the_support_tab_shows_the_members_support_record(dialog):
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[-1] == "Hỗ trợ"
    dialog.tabs.setCurrentWidget(dialog.support)
    tab = dialog.support
    assert _texts(tab.household_model)[0][:3] == ("2026", "Hộ cận nghèo", "15/GCN-UBND 10/01/2026")
    loan = _texts(tab.loan_model)[0]
    assert loan[1:3] == ("KU-0001", "50.000.000") and loan[6] == "2.970.000 đ (3 lần)"
    assert _texts(tab.outreach_model)[0][:2] == ("05/02/2026", "Tại buổi sinh hoạt chi bộ")
    assert tab.application_model.rowCount() == 0
    assert not dialog.save_button.isVisible() or dialog.tabs.currentIndex() == 0
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "member_support_tab.png"))


def test_its_buttons_open_the_support_pages_editors_and_the_tab_follows(dialog):
    tab = dialog.support
    told = tab.told()
    assert told.objectName() == "support_told_dialog"
    assert submit(told, told_on="20/11/2026", how="Gặp trực tiếp tại nhà")
    assert _texts(tab.outreach_model)[0][:2] == ("20/11/2026", "Gặp trực tiếp tại nhà")
    tab.loans.selectRow(0)
    paid = tab.interest()
    assert paid.objectName() == "support_interest_dialog"
    assert submit(paid, paid_on="15/10/2026", interest_amount="990.000")
    assert _texts(tab.loan_model)[0][6] == "3.960.000 đ (4 lần)"
    applied = tab.apply()
    assert submit(applied, period_from="01/01/2026", period_to="31/10/2026", submitted_on="20/11/2026")
    assert _texts(tab.application_model)[0][3] == "Đã nộp"
    assert tab.household().objectName() == "support_household_dialog"
    assert tab.new_loan().objectName() == "support_loan_dialog"
    dialog.tabs.setCurrentWidget(tab)
    dialog.grab().save(str(SHOTS / "member_support_after.png"))


def test_a_viewer_has_no_support_tab(home_db, people, qtbot):
    viewer = UiContext(home_db, Actor("khach", Role.VIEWER))
    widget = MemberDialog(viewer, people["hoa"])
    qtbot.addWidget(widget)
    assert "Hỗ trợ" not in [widget.tabs.tabText(i) for i in range(widget.tabs.count())]
    assert not hasattr(widget, "support")


def test_a_change_of_occupation_is_saved_with_the_day_it_took_effect(context, people, qtbot):
    widget = MemberDialog(context, people["lam"])
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.form.inputs["occupation"].setText("Công chức xã")
    widget.changes_on.setText("31/02/2026")
    assert not widget.save()
    assert "31/02/2026" in widget.changes_error.text() and widget.changes_error.isVisibleTo(widget)
    assert register.get_member(context.db, people["lam"]).occupation == ""
    widget.grab().save(str(SHOTS / "member_changes_error.png"))
    widget.changes_on.setText("01/03/2026")
    assert widget.save()
    [change] = member_field_history.history(context.db, people["lam"])
    assert (change.field, change.changed_on, change.new_value) == ("occupation", date(2026, 3, 1), "Công chức xã")


def test_a_correction_is_saved_without_a_dated_change(context, people, qtbot):
    widget = MemberDialog(context, people["lam"])
    qtbot.addWidget(widget)
    widget.form.inputs["occupation"].setText("Làm nông")
    widget.correction.setChecked(True)
    assert not widget.changes_on.isEnabled()
    assert widget.save()
    assert member_field_history.history(context.db, people["lam"]) == []
    assert register.get_member(context.db, people["lam"]).occupation == "Làm nông"
