"""A superior's demo (and the benchmark's workload): the 96 communes and wards of the new Tây Ninh as sending
units, each with its own keys and key card, and each one's return of a period on a "USB" folder.

The units have keys but no register of their own: their returns are made from a few demo registers (real
figures, counted and checked as a unit counts them) under each unit's name and code, signed with its key and
encrypted to the superior. Two units (Trảng Bàng and Tân Biên, as in the seed's report) are allotted fewer
removals than they made; a few units send nothing, so the board has units to remind. The names are the new
province's communes and wards as a demo list (see docs/return-package.md), not an official register of them.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.org import UnitType
from tayninh_desktop.domain.returns import Kind, Role, card_name, fingerprint, package_name
from tayninh_desktop.domain.returns_aggregate import measure_in
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.exchange import return_crypto, return_package
from tayninh_desktop.services import (
    demo,
    organisation,
    returns_board,
    returns_files,
    returns_keys,
    returns_payload,
    returns_send,
)
from tayninh_desktop.storage.db import Database, open_database

WARDS = ("Tân Ninh", "Bình Minh", "Ninh Thạnh", "Long Hoa", "Hòa Thành", "Thanh Điền", "Trảng Bàng", "An Tịnh",
         "Gò Dầu", "Gia Lộc", "Long An", "Tân An", "Khánh Hậu", "Kiến Tường")
COMMUNES = (
    "Tân Biên", "Tân Lập", "Thạnh Bình", "Trà Vong", "Tân Châu", "Tân Đông", "Tân Hội", "Tân Hòa", "Tân Thành",
    "Tân Phú", "Dương Minh Châu", "Cầu Khởi", "Lộc Ninh", "Truông Mít", "Châu Thành", "Hảo Đước", "Ninh Điền",
    "Hòa Hội", "Phước Vinh", "Bến Cầu", "Long Chữ", "Long Thuận", "Hưng Thuận", "Phước Chỉ", "Phước Thạnh",
    "Thạnh Đức", "Nhựt Tảo", "Bến Lức", "Lương Hòa", "Bình Đức", "Mỹ Yên", "Đức Hòa", "Hậu Nghĩa", "Hòa Khánh",
    "Đức Lập", "Mỹ Hạnh", "An Ninh", "Hiệp Hòa", "Đức Huệ", "Mỹ Quý", "Đông Thành", "Cần Giuộc", "Phước Lý",
    "Mỹ Lộc", "Phước Vĩnh Tây", "Tân Tập", "Cần Đước", "Rạch Kiến", "Long Cang", "Mỹ Lệ", "Tân Lân", "Long Hựu",
    "Thủ Thừa", "Mỹ An", "Mỹ Thạnh", "Tân Long", "Tân Trụ", "Nhựt Ninh", "Vàm Cỏ", "Tầm Vu", "An Lục Long",
    "Vĩnh Công", "Tân Thạnh", "Nhơn Hòa Lập", "Nhơn Ninh", "Hậu Thạnh", "Thạnh Hóa", "Bình Thành", "Thạnh Phước",
    "Tân Tây", "Mộc Hóa", "Bình Hòa", "Vĩnh Hưng", "Khánh Hưng", "Tuyên Bình", "Vĩnh Châu", "Tân Hưng",
    "Hưng Điền", "Vĩnh Thạnh", "Vĩnh Hòa", "Tân Hưng Điền", "Đông Thạnh",
)
OVER_ALLOTMENT = ("Trảng Bàng", "Tân Biên")
TEMPLATE_SIZES = (0.6, 1.0, 1.6)     # the template registers, as shares of the members asked for


@dataclass(frozen=True)
class DemoReturns:
    superior: Path
    folder: Path
    cards: Path
    units: int
    sent: int
    period: str
    over: tuple[str, ...]


def unit_names(count: int) -> list[tuple[str, str]]:
    """(code, name) of ``count`` units: the wards first, then the communes."""
    names = [("phường", n) for n in WARDS] + [("xã", n) for n in COMMUNES]
    return [("".join(w[0] for w in fold(place).upper().split())[:6] + f"{index + 1:02d}", f"Đảng ủy {kind} {place}")
            for index, (kind, place) in enumerate(names[:count])]


def _templates(actor: Actor, members: int, period: str, today: date, seed: int, scratch: Path) -> list[dict]:
    """The payloads of a few demo registers, counted and checked, every warning explained."""
    out = []
    for index, share in enumerate(TEMPLATE_SIZES):
        db = open_database(scratch / f"mau-{index}.sqlite3", create=True)
        try:
            demo.generate(db, actor, members=max(20, int(members * share)), seed=seed + index, today=today)
            prepared = returns_payload.prepare(db, period, today=today)
            explained = returns_payload.checked_explanations(prepared, {
                k: "Số liệu mẫu: dòng này chưa nhập (sổ mẫu)." for k in prepared.warning_keys})
            out.append(returns_payload.build(db, actor, prepared, explained, revision=1, made="", today=today,
                                             with_snapshot=False))
        finally:
            db.conn.close()
    return out


def _superior(path: Path, actor: Actor) -> Database:
    db = open_database(path, create=True)
    organisation.initialise(db, actor, unit_code="TU", unit_name="Tỉnh ủy Tây Ninh",
                            superior_name="Ban Chấp hành Trung ương", place_name="Tây Ninh",
                            unit_type=UnitType.PROVINCE_COMMITTEE)
    returns_keys.ensure_own_keys(db, actor)
    return db


def _card(code: str, name: str, pair: return_crypto.KeyPair) -> bytes:
    fields = {"format": "tayninh-key-card", "version": 1, "unit": {"code": code, "name": name},
              "sign_public": return_crypto.b64(pair.sign_public), "receive_public": pair.receive_public,
              "fingerprint": fingerprint(pair.sign_public, pair.receive_public),
              "created": datetime.now().astimezone().isoformat(timespec="seconds")}
    return return_package.seal_small(fields, pair.sign_private, return_package.CARD_CONTEXT)


def generate(folder: Path | str, actor: Actor, *, units: int = 96, members: int = 300, period: str = "2026",
             seed: int = 2026, today: date | None = None, missing: int = 3) -> DemoReturns:
    """The superior's register (``tinh-uy.sqlite3``), the units' key cards (``the-khoa/``, already imported) and
    their returns of ``period`` (``usb/``, to import with ``returns import``)."""
    period = parse_period(period).code
    today = today or date.today()
    folder = Path(folder)
    (folder / "the-khoa").mkdir(parents=True, exist_ok=True)
    (folder / "usb").mkdir(exist_ok=True)
    rng = random.Random(seed)
    sup = _superior(folder / "tinh-uy.sqlite3", actor)
    try:
        receiver = returns_keys.own_key(sup)
        with tempfile.TemporaryDirectory(prefix="tayninh-demo-bao-cao-") as scratch:
            templates = _templates(actor, members, period, today, seed, Path(scratch))
        year = parse_period(period).year
        busiest = max(templates, key=lambda t: measure_in(t["de_an_03"], year))
        names = unit_names(units)
        skipped = {code for code, _ in rng.sample(names, min(missing, len(names)))} - {
            c for c, n in names if any(o in n for o in OVER_ALLOTMENT)}
        sent, over = 0, []
        for index, (code, name) in enumerate(names):
            pair = return_crypto.new_key_pair()
            card_path = folder / "the-khoa" / card_name(code)
            returns_files.write_verified(card_path, _card(code, name, pair))
            card = returns_keys.read_card(card_path)
            returns_keys.import_card(sup, actor, card_path, confirmed=card.fingerprint, role=Role.SUBORDINATE)
            is_over = any(o in name for o in OVER_ALLOTMENT)
            template = busiest if is_over else templates[index % len(templates)]
            payload = {**template, "unit": {"code": code, "name": name}}
            measure = measure_in(payload["de_an_03"], year)
            allotted = max(0, measure - 1) if is_over else measure + rng.randint(0, 2)
            returns_board.set_allotment(sup, actor, code, year, allotted, "125-CV/TU")
            if is_over and measure > allotted:
                over.append(name)
            if code in skipped:
                continue
            made = datetime.now().astimezone().isoformat(timespec="seconds")
            data = returns_send.seal_as(code, name, card.fingerprint, pair.sign_private, receiver,
                                        {**payload, "made": made}, kind=Kind.RETURN, revision=1, made=made,
                                        schema=[], audit_head=None)
            returns_files.write_verified(folder / "usb" / package_name(code, period, 1), data)
            sent += 1
        end = parse_period(period).end
        returns_board.expect(sup, actor, period, deadline=end + timedelta(days=20), doc_number="125-CV/TU")
    finally:
        sup.conn.close()
    return DemoReturns(folder / "tinh-uy.sqlite3", folder / "usb", folder / "the-khoa", len(names), sent, period,
                       tuple(over))

