"""Signers, the 2015–2020 figures, the data-since date and the congress terms: one place, the Settings page.

The "Văn bản" page holds no copy of them, only a link that opens the section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget

from tayninh_desktop.services import documents_context, organisation, reports_de_an_03
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.pages.settings_page import SettingsPage
from tayninh_desktop.ui.tasks import TaskRunner

SHOTS = Path("/tmp/shots")


@pytest.fixture
def settings(demo_context, qtbot):
    page = SettingsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    return page


def test_signers_and_baseline_are_saved_with_audit(settings):
    section = settings.sections["signers"]
    db = settings.context.db
    home = organisation.require_home(db)
    assert section.signer_unit.itemData(0) == home.id
    section.signer_unit.setCurrentIndex(0)
    section.secretary.setText("Nguyễn Thị Ánh Tuyết")
    section.deputy.setText("Trần Văn Hùng")
    section.save_signers()
    assert documents_context.signers(db, home.id) == ("Nguyễn Thị Ánh Tuyết", "Trần Văn Hùng")
    section.baseline[2019].setValue(7)
    section.baseline[2020].setValue(5)
    section.save_baseline()
    assert reports_de_an_03.baseline(db, home.id) == {2019: 7, 2020: 5}
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2")]
    assert actions == ["set_de_an_03_baseline", "set_signers"]
    assert "Trần Văn Hùng" not in section.status.text() and section.status.text()   # says what was saved
    SHOTS.mkdir(exist_ok=True)
    settings.show_section("signers")
    settings.grab().save(str(SHOTS / "settings_signers.png"))


def test_data_since_is_set_on_the_settings_page(settings):
    section = settings.sections["signers"]
    section.since_auto.setChecked(False)
    section.since.setDate(QDate(2023, 1, 1))
    section.save_data_since()
    assert reports_de_an_03.data_since(settings.context.db) == (date(2023, 1, 1), True)
    assert "01/01/2023" in section.since_note.text()
    section.since_auto.setChecked(True)
    section.save_data_since()
    assert reports_de_an_03.data_since(settings.context.db)[1] is False


def test_terms_are_entered_and_unconfirmed_rules_say_so(settings):
    from tayninh_desktop.services import documents_numbering

    section = settings.sections["signers"]
    db = settings.context.db
    terms = section.terms
    before = len(documents_numbering.congresses(db))
    terms.closed.setDate(QDate(2015, 7, 10))
    terms.label.setText("Đại hội lần thứ XII")
    assert terms.add()
    assert len(documents_numbering.congresses(db)) == before + 1
    assert any("10/07/2015" in terms.list.item(r).text() for r in range(terms.list.count()))
    assert not terms.add()                      # the same day twice is refused, the box says why
    terms.list.setCurrentRow(0)
    terms.remove_selected()
    assert len(documents_numbering.congresses(db)) == before
    note = section.findChild(QLabel, "rules_note").text()
    assert "36-HD/VPTW" in note and "chưa đối chiếu văn bản gốc" in note


def test_a_new_cell_is_offered_for_signers_at_once(settings):
    from tayninh_desktop.domain.actors import Actor

    section = settings.sections["signers"]
    before = section.signer_unit.count()
    _, changes = organisation.create_unit(settings.context.db, Actor("van-thu"), code="CB99", name="Chi bộ ấp Mới")
    settings.context.changed.emit(changes)
    assert section.signer_unit.count() == before + 1


def test_the_documents_page_links_to_the_settings_page(demo_context, qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    documents = window.show_page("documents")
    assert not documents.findChildren(QLineEdit, "secretary")    # no copy of the signers on the Văn bản page
    documents.findChild(QTabWidget, "documents_tabs").setCurrentWidget(documents.settings_tab)
    section = documents.open_settings()
    settings = window.pages["settings"]
    assert window.stack.currentWidget() is settings
    assert section is settings.sections["signers"]
