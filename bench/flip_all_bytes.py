"""The slow run of "every byte of a package flipped": each byte of a real return package (a 400-member demo
commune, sent to a province) flipped in turn, and the flipped file imported at the province. Every one must be
refused and the province's register must not change. (The test suite flips a sample of positions.)

    .venv/bin/python bench/flip_all_bytes.py [--members 400]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flip-all-") as scratch:
        root = Path(scratch)
        os.environ.setdefault("TAYNINH_DESKTOP_DATA_DIR", str(root / "du-lieu"))
        from tayninh_desktop.domain.actors import Actor
        from tayninh_desktop.domain.org import UnitType
        from tayninh_desktop.services import (
            demo,
            organisation,
            returns_keys,
            returns_payload,
            returns_receive,
            returns_send,
        )
        from tayninh_desktop.storage.db import open_database

        actor, today = Actor("flip"), date(2026, 11, 27)
        unit = open_database(root / "xa.sqlite3", create=True)
        demo.generate(unit, actor, members=args.members, seed=7, today=today)
        sup = open_database(root / "tinh.sqlite3", create=True)
        organisation.initialise(sup, actor, unit_code="TU", unit_name="Tỉnh ủy Tây Ninh", superior_name="TW",
                                unit_type=UnitType.PROVINCE_COMMITTEE)
        up = returns_keys.export_card(sup, actor, root / "tu.tnkey")
        down = returns_keys.export_card(unit, actor, root / "xa.tnkey")
        returns_keys.import_card(unit, actor, root / "tu.tnkey", confirmed=up.fingerprint)
        returns_keys.import_card(sup, actor, root / "xa.tnkey", confirmed=down.fingerprint)
        keys = returns_payload.prepare(unit, "2026-H1", today=today).warning_keys
        (root / "usb").mkdir()
        result, _ = returns_send.export_return(unit, actor, "2026-H1", root / "usb", today=today,
                                               explanations={k: "x" for k in keys})
        data = result.path.read_bytes()
        target = root / "flip" / result.path.name
        target.parent.mkdir()
        counts = sup.execute("SELECT (SELECT count(*) FROM returns_received), (SELECT count(*) FROM audit_log)").fetchone()
        accepted, codes, start = [], {}, time.perf_counter()
        for position in range(len(data)):
            damaged = bytearray(data)
            damaged[position] ^= 0x01
            target.write_bytes(bytes(damaged))
            outcome = returns_receive.import_one(sup, actor, target, write_receipt=False)
            if outcome.status != "refused":
                accepted.append(position)
            key = outcome.message.split("»", 1)[1][:40] if "»" in outcome.message else outcome.message[:40]
            codes[key] = codes.get(key, 0) + 1
        after = sup.execute("SELECT (SELECT count(*) FROM returns_received), (SELECT count(*) FROM audit_log)").fetchone()
        print(f"{len(data)} bytes flipped one at a time in {time.perf_counter() - start:.1f} s: "
              f"{len(data) - len(accepted)} refused, {len(accepted)} accepted; register unchanged: {counts == after}")
        for text, n in sorted(codes.items(), key=lambda i: -i[1]):
            print(f"  {n:>7}  …{text}…")
        unit.conn.close()
        sup.conn.close()


if __name__ == "__main__":
    main()
