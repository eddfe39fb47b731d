"""The superior's board, its aggregated report and reminder letters, and a consolidated return sent further up."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.returns import BoardState, Role
from tayninh_desktop.services import (
    demo,
    documents,
    documents_register,
    returns_board,
    returns_consolidate,
    returns_keys,
    returns_printing,
    returns_receive,
    returns_report,
    returns_send,
)
from tayninh_desktop.storage import returns_repo
from tayninh_desktop.storage.db import open_database
from tests.conftest import make_papers_ready
from tests.documents.conftest import pdffonts, pdftotext, requires_poppler
from tests.services.returns_world import ACTOR, PERIOD, TODAY, exchange, make_world, new_superior

ON_TIME = datetime(2026, 7, 15, 9, 0).astimezone()
LATE = datetime(2026, 8, 2, 9, 0).astimezone()


@pytest.fixture
def province(demo_db_path, tmp_path):
    """The demo commune (HT) and a second one (TB), both with cards at the province; the half year asked for by
    20/07/2026."""
    world = make_world(demo_db_path, tmp_path)
    second = open_database(tmp_path / "tb.sqlite3", create=True)
    demo.generate(second, ACTOR, members=60, seed=11, today=TODAY)
    second.execute("UPDATE units SET code = 'TB' WHERE is_home = 1")
    second.execute("UPDATE unit_versions SET name = 'Đảng ủy xã Tân Biên' WHERE unit_id IN "
                   "(SELECT id FROM units WHERE is_home = 1)")
    second.conn.commit()
    (tmp_path / "c2").mkdir()
    exchange(second, world.superior, tmp_path / "c2")
    returns_board.expect(world.superior, ACTOR, PERIOD, deadline=date(2026, 7, 20), doc_number="125-CV/TU")
    yield world, second
    second.conn.close()
    world.close()


def _send(db, folder, period=PERIOD):
    from tayninh_desktop.services import returns_payload

    keys = returns_payload.prepare(db, period, today=TODAY).warning_keys
    return returns_send.export_return(db, ACTOR, period, folder, today=TODAY,
                                      explanations={k: "Chưa có số liệu dòng này." for k in keys})[0]


def test_board_states_on_time_late_missing(province, tmp_path):
    world, second = province
    returns_receive.import_returns(world.superior, ACTOR, _send(world.unit, world.stick).path, now=ON_TIME)
    board = returns_board.board(world.superior, today=date(2026, 7, 25), period=PERIOD)
    cells = {row.unit_code: row.cells[PERIOD] for row in board.rows}
    assert cells["HT"].state is BoardState.ON_TIME and cells["HT"].revision == 1
    assert cells["TB"].state is BoardState.MISSING
    assert [r.unit_code for r in board.owed(PERIOD)] == ["TB"]
    assert [r.unit_code for r in returns_board.board(world.superior, today=date(2026, 7, 25),
                                                     only_owed=True).rows] == ["TB"]
    before_deadline = returns_board.board(world.superior, today=date(2026, 7, 1), period=PERIOD)
    assert {r.unit_code: r.cells[PERIOD].state for r in before_deadline.rows}["TB"] is BoardState.EXPECTED
    (tmp_path / "usb2").mkdir()
    returns_receive.import_returns(world.superior, ACTOR, _send(second, tmp_path / "usb2").path, now=LATE)
    late = returns_board.board(world.superior, today=date(2026, 8, 5), period=PERIOD)
    assert {r.unit_code: r.cells[PERIOD].state for r in late.rows} == {"HT": BoardState.ON_TIME,
                                                                         "TB": BoardState.LATE}


def test_a_deadline_not_recorded_comes_from_the_rule_marked_unconfirmed(province):
    world, _ = province
    deadline = returns_board.deadline_for(world.superior, "2026")
    assert deadline.from_rule and deadline.day == date(2027, 1, 20)
    assert "chưa xác nhận" in deadline.citation


@requires_poppler
def test_reminders_go_to_the_owed_units_only(province, tmp_path):
    world, _ = province
    make_papers_ready(world.superior, ACTOR)
    returns_receive.import_returns(world.superior, ACTOR, _send(world.unit, world.stick).path, now=ON_TIME)
    result, _ = returns_printing.print_reminders(world.superior, ACTOR, PERIOD, tmp_path / "nhac.pdf",
                                                 today=date(2026, 7, 25))
    assert result.units == ("TB",)
    text = " ".join(pdftotext(result.path).split())
    assert "Kính gửi: Đảng ủy xã Tân Biên" in text and "Hưng Thuận" not in text
    assert "125-CV/TU" in text and "20/07/2026" in text
    assert all(f["emb"] == "yes" for f in pdffonts(result.path))


def test_no_reminder_when_nobody_owes(province, tmp_path):
    world, _ = province
    with pytest.raises(DomainError) as caught:
        returns_printing.print_reminders(world.superior, ACTOR, PERIOD, tmp_path / "x.pdf", today=date(2026, 7, 1))
    assert caught.value.code == "return_no_owed_units"
    assert not (tmp_path / "x.pdf").exists()


@requires_poppler
def test_aggregated_report_sums_units_and_highlights_the_unit_over_its_allotment(province, tmp_path):
    world, second = province
    _strike_off_two(second)
    (tmp_path / "usb2").mkdir()
    for db, folder in ((world.unit, world.stick), (second, tmp_path / "usb2")):
        returns_receive.import_returns(world.superior, ACTOR, _send(db, folder).path, now=ON_TIME)
    report = returns_report.aggregate(world.superior, PERIOD, today=date(2026, 7, 25))
    assert len(report.units) == 2
    assert report.totals["D"] == sum(u.bieu_1["D"] for u in report.units)
    assert report.totals["A"] == sum(u.bieu_1["A"] for u in report.units)
    busy = next(u for u in report.units if u.code == "TB")
    assert busy.measure >= 2
    returns_board.set_allotment(world.superior, ACTOR, busy.code, 2026, busy.measure - 1, "125-CV/TU")
    other = next(u for u in report.units if u is not busy)
    returns_board.set_allotment(world.superior, ACTOR, other.code, 2026, other.measure + 3, "125-CV/TU")
    report = returns_report.aggregate(world.superior, PERIOD, today=date(2026, 7, 25))
    assert [u.code for u in report.over] == [busy.code]
    printed, _ = documents.print_form(world.superior, ACTOR, "bao_cao_tong_hop_bao_cao", tmp_path / "bc.pdf",
                                      documents.PrintRequest(period=PERIOD, on=date(2026, 7, 25), issue=False))
    text = " ".join(pdftotext(printed.path).split())
    assert "TỈNH ỦY" in text and "ĐẢNG BỘ TỈNH TÂY NINH" in text
    assert "Đảng ủy xã Tân Biên" in text and "Đảng ủy xã Hưng Thuận" in text
    assert f"cao hơn số được phân bổ: {busy.name}" in text
    assert "Tổng cộng" in text and "BIỂU SỐ 1-BTCTW" in text


def test_consolidated_return_goes_further_up_and_is_accepted(province, tmp_path):
    world, _ = province
    returns_receive.import_returns(world.superior, ACTOR, _send(world.unit, world.stick).path, now=ON_TIME)
    centre = new_superior(tmp_path / "tw.sqlite3", code="TW", name="Ban Tổ chức Trung ương")
    try:
        up = returns_keys.export_card(centre, ACTOR, tmp_path / "tw.tnkey")
        returns_keys.import_card(world.superior, ACTOR, tmp_path / "tw.tnkey", confirmed=up.fingerprint,
                                 role=Role.SUPERIOR)
        down = returns_keys.export_card(world.superior, ACTOR, tmp_path / "tu.tnkey")
        returns_keys.import_card(centre, ACTOR, tmp_path / "tu.tnkey", confirmed=down.fingerprint)
        (tmp_path / "usb-tw").mkdir()
        result, _ = returns_consolidate.export_consolidated(world.superior, ACTOR, PERIOD, tmp_path / "usb-tw",
                                                            today=TODAY, explanations=_consolidated_keys(world))
        assert result.kind == "consolidated"
        outcomes, _ = returns_receive.import_returns(centre, ACTOR, result.path)
        assert outcomes[0].status == "accepted", outcomes[0].message
        held = returns_repo.received(centre, period=PERIOD)[0]
        unit = returns_repo.received(world.superior, period=PERIOD)[0]
        assert held.kind == "consolidated"
        assert held.payload["indicators"]["forms"]["bieu_1"]["values"] == \
            unit.payload["indicators"]["forms"]["bieu_1"]["values"]
        assert [u["code"] for u in held.payload["units"]] == ["HT"]
    finally:
        centre.conn.close()


def _consolidated_keys(world) -> dict[str, str]:
    try:
        returns_consolidate.build_consolidated(world.superior, PERIOD, {}, revision=1, made="", today=TODAY)
    except DomainError as error:
        if error.code != "return_needs_explanations":
            raise
        return {k.strip(): "Đơn vị chưa nhập dòng này." for k in error.data["keys"].split(",")}
    return {}


def _strike_off_two(db) -> None:
    """Two members of the unit struck off in the half year (decisions of the standing committee)."""
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.services import register

    ids = [r[0] for r in db.execute("SELECT id FROM members WHERE status = 'chinh_thuc' ORDER BY sort_key LIMIT 2")]
    for number, member_id in enumerate(ids, start=1):
        register.record_event(db, ACTOR, member_id, EventKind.STRUCK_OFF, date(2026, 3, 10 + number),
                              doc_number=f"{number}-QĐ/ĐU", doc_date=date(2026, 3, 10 + number), today=TODAY)


@requires_poppler
def test_each_reminder_is_a_numbered_letter_in_the_register(province, tmp_path):
    world, _ = province
    before = [d.symbol for d in documents_register.register_listing(world.superior)]
    refused = tmp_path / "tu-choi.pdf"
    with pytest.raises(DomainError) as caught:   # a numbered letter needs its signer: nothing numbered, no file
        returns_printing.print_reminders(world.superior, ACTOR, PERIOD, refused, today=date(2026, 7, 25))
    assert "Bí thư" in caught.value.message and not refused.exists()
    assert [d.symbol for d in documents_register.register_listing(world.superior)] == before
    make_papers_ready(world.superior, ACTOR)
    result, changes = returns_printing.print_reminders(world.superior, ACTOR, PERIOD, tmp_path / "nhac.pdf",
                                                       today=date(2026, 7, 25))
    assert set(result.units) == {"HT", "TB"}
    assert len(result.symbols) == 2 and result.symbols[0] != result.symbols[1] and changes.documents
    register = {d.symbol: d for d in documents_register.register_listing(world.superior)}
    for symbol, page in zip(result.symbols, (1, 2), strict=True):
        text = " ".join(pdftotext(result.path, page, page).split())
        assert f"Số {symbol}" in text and register[symbol].type_code == "CV"
        assert register[symbol].summary.startswith("Công văn V/v đôn đốc gửi báo cáo")
    again = tmp_path / "in-lai.pdf"
    documents.reprint(world.superior, ACTOR, register[result.symbols[1]].id, again)
    text = " ".join(pdftotext(again).split())
    assert f"Số {result.symbols[1]}" in text and "Kính gửi:" in text


@requires_poppler
def test_a_draft_reminder_takes_no_number(province, tmp_path):
    world, _ = province
    result, changes = returns_printing.print_reminders(world.superior, ACTOR, PERIOD, tmp_path / "du-thao.pdf",
                                                       today=date(2026, 7, 25), draft=True)
    assert result.symbols == () and not changes.documents
    assert "DỰ THẢO" in pdftotext(result.path) and documents_register.register_listing(world.superior) == []
