"""A unit and its superior that have exchanged key cards (real registers in a tmp folder, real keys)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.org import UnitType
from tayninh_desktop.services import organisation, returns_keys, returns_payload
from tayninh_desktop.storage.db import Database, open_database

TODAY = date(2026, 11, 27)
PERIOD = "2026-H1"
ACTOR = Actor("van-thu")


@dataclass
class World:
    unit: Database
    superior: Database
    stick: Path
    root: Path

    def explanations(self, period: str = PERIOD) -> dict[str, str]:
        prepared = returns_payload.prepare(self.unit, period, today=TODAY)
        return {k: "Văn phòng chưa có số liệu dòng này; sẽ bổ sung kỳ sau." for k in prepared.warning_keys}

    def close(self) -> None:
        self.unit.conn.close()
        self.superior.conn.close()


def new_superior(path: Path, code: str = "TU", name: str = "Tỉnh ủy Tây Ninh") -> Database:
    db = open_database(path, create=True)
    organisation.initialise(db, ACTOR, unit_code=code, unit_name=name, superior_name="Ban Chấp hành Trung ương",
                            place_name="Tây Ninh", unit_type=UnitType.PROVINCE_COMMITTEE)
    return db


def exchange(unit: Database, superior: Database, folder: Path) -> None:
    """Each side writes its card, the other compares the fingerprint and imports it."""
    up = returns_keys.export_card(superior, ACTOR, folder / "cap-tren.tnkey")
    down = returns_keys.export_card(unit, ACTOR, folder / "cap-duoi.tnkey")
    returns_keys.import_card(unit, ACTOR, folder / "cap-tren.tnkey", confirmed=up.fingerprint_text)
    returns_keys.import_card(superior, ACTOR, folder / "cap-duoi.tnkey", confirmed=down.fingerprint_text)


def make_world(demo_db_path: Path, root: Path) -> World:
    unit_path = root / "xa.sqlite3"
    shutil.copy(demo_db_path, unit_path)
    unit = open_database(unit_path)
    superior = new_superior(root / "tinh.sqlite3")
    cards = root / "the-khoa"
    cards.mkdir()
    exchange(unit, superior, cards)
    stick = root / "usb"
    stick.mkdir()
    return World(unit, superior, stick, root)


def table_counts(db: Database, tables=("returns_received", "return_rejections", "returns_sent", "return_periods",
                                       "exchange_keys", "audit_log")) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
