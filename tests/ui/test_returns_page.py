"""The "Báo cáo cấp trên" page driven offscreen: a commune checks, explains and sends its return; the province
imports it on its board, prints its report and reminders; key cards are compared before they are taken."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import returns_board, returns_keys, returns_receive
from tayninh_desktop.storage import returns_repo
from tayninh_desktop.ui.context import UiContext
from tests.conftest import make_papers_ready
from tests.services.returns_world import PERIOD, TODAY, make_world

SHOTS = os.environ.get("TAYNINH_SCREENSHOTS")   # a folder: the test saves what it shows there (1366×768)


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.resize(1366, 768)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def world(demo_db_path, tmp_path, qapp):
    w = make_world(demo_db_path, tmp_path)
    yield w
    w.close()


def test_commune_checks_explains_and_sends(world, qtbot):
    from tayninh_desktop.ui.pages.returns_page import ReturnsPage

    page = ReturnsPage(UiContext(world.unit, Actor("van-thu")), today=TODAY)
    qtbot.addWidget(page)
    assert page.tabs.currentWidget() is page.send        # a commune opens on sending
    send = page.send
    send.period.setText(PERIOD)
    send.check()
    assert send.findings.rowCount() >= 1
    assert "cảnh báo cần giải trình" in send.message.text()
    _shot(page, "bao-cao-gui-kiem-tra")
    assert send.export_to(str(world.stick)) is None       # refused: the warnings are not explained yet
    assert list(world.stick.iterdir()) == []
    for key in send.explanations():
        send.set_explanation(key, "Văn phòng chưa có số liệu dòng này.")
    exported = send.export_to(str(world.stick))
    assert exported is not None and exported.path.exists()
    assert "Có thể rút USB" in send.message.text()
    assert send.sent_model.rowCount() == 1
    _shot(page, "bao-cao-gui-da-ghi")
    returns_receive.import_returns(world.superior, Actor("tinh"), world.stick)
    send.import_receipts(sorted(world.stick.glob("*.tnbn")))
    assert "cấp trên đã nhận" in send.message.text()
    send.sent.selectRow(0)
    send.reopen(send.selected_period(), "Bổ sung quyết định ghi muộn")
    assert not returns_repo.period_lock(world.unit, PERIOD).locked


def test_province_opens_on_its_board_and_imports_prints_reminds(world, qtbot, tmp_path):
    from tayninh_desktop.services import returns_payload, returns_send
    from tayninh_desktop.ui.main_window import MainWindow

    keys = returns_payload.prepare(world.unit, PERIOD, today=TODAY).warning_keys
    returns_send.export_return(world.unit, Actor("x"), PERIOD, world.stick, today=TODAY,
                               explanations={k: "Chưa có số liệu" for k in keys})
    context = UiContext(world.superior, Actor("van-phong"))
    returns_board.expect(world.superior, context.actor, PERIOD, deadline=date(2026, 7, 20), doc_number="125-CV/TU")
    returns_board.expect(world.superior, context.actor, "2026", deadline=date(2027, 1, 20))
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.stack.currentWidget()
    assert page.objectName() == "page_returns"
    assert page.tabs.currentWidget() is page.board
    board = page.board
    board.today = date(2027, 2, 1)
    outcomes = board.import_from(world.stick)
    assert [o.status for o in outcomes] == ["accepted"]
    assert "ĐÃ NHẬN" in board.log.toPlainText()
    board.period.setCurrentIndex(board.period.findData(PERIOD))
    text = board.model.rows[0].cells[1]
    assert text.startswith(("Đúng hạn", "Muộn")) and "lần 1" in text
    _shot(window, "bao-cao-bang-theo-doi")
    printed = board.print_report(tmp_path / "bc.pdf")
    assert printed is not None and (tmp_path / "bc.pdf").exists()
    board.period.setCurrentIndex(board.period.findData("2026"))
    assert board.model.rows[0].cells[1] == "Chưa nộp"
    board.owed.setChecked(True)
    assert board.model.rowCount() == 1
    assert board.print_reminders(tmp_path / "nhac.pdf") is None   # numbered letters: the signer is needed first
    assert "Bí thư" in board.message.text() and not (tmp_path / "nhac.pdf").exists()
    board.draft.setChecked(True)
    assert board.print_reminders(tmp_path / "du-thao.pdf") is not None and "dự thảo" in board.message.text()
    board.draft.setChecked(False)
    make_papers_ready(world.superior, context.actor)
    result = board.print_reminders(tmp_path / "nhac.pdf")
    assert result is not None and "1 công văn" in board.message.text()
    assert f"số {result.symbols[0]} (đã vào sổ đăng ký văn bản)" in board.message.text()


def test_key_card_is_compared_before_it_is_taken(world, qtbot, tmp_path):
    from tayninh_desktop.services import organisation
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui.pages.returns_keys_tab import KeysTab

    other = open_database(tmp_path / "xa2.sqlite3", create=True)
    organisation.initialise(other, Actor("x"), unit_code="TB", unit_name="Đảng ủy xã Tân Biên",
                            superior_name="Tỉnh ủy Tây Ninh")
    card = returns_keys.export_card(other, Actor("x"), tmp_path / "tb.tnkey")
    other.conn.close()
    tab = KeysTab(UiContext(world.superior, Actor("van-phong")))
    qtbot.addWidget(tab)
    tab.reload()
    assert len(tab.fingerprint.text().split()) == 6
    dialog = tab.open_card(tmp_path / "tb.tnkey")
    assert card.fingerprint_text in dialog.findChild(type(tab.message), "card_text").text()
    assert dialog.subordinate.isChecked()
    _shot(dialog, "the-khoa-doi-chieu")
    dialog.reject()
    assert returns_repo.current_key(world.superior, returns_keys.Role.SUBORDINATE, "TB") is None
    dialog = tab.open_card(tmp_path / "tb.tnkey")
    dialog.accept_card()
    assert returns_repo.current_key(world.superior, returns_keys.Role.SUBORDINATE, "TB") is not None
    assert "Tân Biên" in tab.message.text()
    _shot(tab, "the-khoa")


def test_a_damaged_card_is_refused_with_a_message(world, qtbot, tmp_path, monkeypatch):
    from tayninh_desktop.ui import context as ui_context
    from tayninh_desktop.ui.pages.returns_keys_tab import KeysTab

    shown = []
    monkeypatch.setattr("tayninh_desktop.ui.pages.returns_keys_tab.show_error", lambda _p, e: shown.append(e))
    (tmp_path / "hong.tnkey").write_text("{}", encoding="utf-8")
    tab = KeysTab(UiContext(world.superior, Actor("van-phong")))
    qtbot.addWidget(tab)
    assert tab.open_card(tmp_path / "hong.tnkey") is None
    assert shown and "hong.tnkey" in shown[0].message
    assert ui_context is not None


def test_the_imports_of_the_first_screen_stay_light():
    """Opening the window must not load the crypto libraries (the page imports them only when they work)."""
    import subprocess
    import sys

    code = ("import sys; from tayninh_desktop.ui import page_registry; "
            "import tayninh_desktop.ui.pages.returns_page; "
            "print(any(m.startswith(('pyrage', 'cryptography')) for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "False", done.stderr


