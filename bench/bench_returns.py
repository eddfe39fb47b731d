"""Returns to the superior: exporting a 2,000-member commune's return (budget ≤ 1 s), importing and aggregating the
96 returns of the new Tây Ninh's communes and wards (budget ≤ 10 s), each beside the bare cost of the same bytes:
age-encrypting + Ed25519-signing the payload (export), Ed25519-verifying + age-decrypting + gunzipping the 96
packages (import).

    .venv/bin/python bench/bench_returns.py [--members 2000] [--units 96] [--keep DIR]

Builds its workload in a temporary folder (a demo register, a province, ``demo-returns``); prints wall and CPU.
"""

from __future__ import annotations

import argparse
import gzip
import os
import tempfile
import time
from datetime import date
from pathlib import Path


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start) -> tuple[float, float]:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def bench_export(root: Path, members: int) -> dict:
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.domain.org import UnitType
    from tayninh_desktop.exchange import return_crypto, return_package
    from tayninh_desktop.services import demo, organisation, returns_keys, returns_payload, returns_send
    from tayninh_desktop.storage.db import open_database

    actor, today = Actor("bench"), date(2026, 11, 27)
    unit = open_database(root / "xa.sqlite3", create=True)
    demo.generate(unit, actor, members=members, seed=7, today=today)
    superior = open_database(root / "tinh.sqlite3", create=True)
    organisation.initialise(superior, actor, unit_code="TU", unit_name="Tỉnh ủy Tây Ninh", superior_name="TW",
                            unit_type=UnitType.PROVINCE_COMMITTEE)
    up = returns_keys.export_card(superior, actor, root / "tu.tnkey")
    returns_keys.import_card(unit, actor, root / "tu.tnkey", confirmed=up.fingerprint)
    keys = returns_payload.prepare(unit, "2026-H1", today=today).warning_keys
    stick = root / "usb"
    stick.mkdir()
    start = _clock()
    result, _ = returns_send.export_return(unit, actor, "2026-H1", stick, explanations={k: "x" for k in keys},
                                           today=today)
    ours = _since(start)
    parts = return_package.unpack(result.path.read_bytes(), result.path.name)
    plain = returns_keys.own_secrets(superior, actor).identity
    payload = gzip.decompress(return_crypto.decrypt_with(plain, parts.ciphertext, "x"))
    seed = returns_keys.own_secrets(unit, actor).sign_seed
    start = _clock()
    compressed = gzip.compress(payload, compresslevel=6, mtime=0)
    sealed = return_crypto.encrypt_to(up.receive_public, compressed)
    return_crypto.sign(seed, return_package.signed_message(parts.manifest, sealed))
    bare = _since(start)
    unit.conn.close()
    superior.conn.close()
    return {"members": members, "size_kb": result.size // 1024, "ours": ours, "bare": bare}


def bench_import(root: Path, units: int) -> dict:
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.exchange import return_crypto, return_package
    from tayninh_desktop.services import demo_returns, returns_keys, returns_receive, returns_report
    from tayninh_desktop.storage import returns_repo
    from tayninh_desktop.storage.db import open_database

    actor = Actor("bench")
    made = demo_returns.generate(root / "tinh", actor, units=units, period="2026", today=date(2027, 2, 15),
                                 missing=0)
    files = sorted(made.folder.glob("*.tnr"))
    db = open_database(made.superior)
    secrets = returns_keys.own_secrets(db, actor)
    publics = {k.unit_code: return_crypto.unb64(k.sign_public, 32) for k in returns_keys.known_keys(db)}
    start = _clock()
    for path in files:   # the bare cost: read, verify, decrypt, inflate the same bytes
        parts = return_package.unpack(path.read_bytes(), path.name)
        code = path.name.split("_")[0]
        assert return_crypto.verify(publics[code], parts.signature,
                                    return_package.signed_message(parts.manifest, parts.ciphertext))
        gzip.decompress(return_crypto.decrypt_with(secrets.identity, parts.ciphertext, path.name))
    bare = _since(start)
    start = _clock()
    outcomes, _ = returns_receive.import_returns(db, actor, made.folder)
    imported = _since(start)
    start = _clock()
    report = returns_report.aggregate(db, "2026", today=date(2027, 2, 15))
    aggregated = _since(start)
    assert sum(o.status == "accepted" for o in outcomes) == len(files) == len(report.units)
    assert len(returns_repo.received(db, period="2026", with_payload=False)) == len(files)
    db.conn.close()
    return {"units": len(files), "import": imported, "aggregate": aggregated, "bare": bare,
            "over": [u.name for u in report.over]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--units", type=int, default=96)
    parser.add_argument("--keep", help="build the workload in this folder (kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-returns-") as scratch:
        root = Path(args.keep or scratch)
        root.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("TAYNINH_DESKTOP_DATA_DIR", str(root / "du-lieu"))
        (root / "gui").mkdir(exist_ok=True)
        export = bench_export(root / "gui", args.members)
        print(f"export, {export['members']} members ({export['size_kb']} KB): wall {export['ours'][0]:.3f} s, "
              f"CPU {export['ours'][1]:.3f} s  | bare gzip+age+Ed25519 of the same payload: wall "
              f"{export['bare'][0]:.3f} s, CPU {export['bare'][1]:.3f} s  (budget 1 s)")
        done = bench_import(root, args.units)
        total = (done["import"][0] + done["aggregate"][0], done["import"][1] + done["aggregate"][1])
        print(f"import {done['units']} returns: wall {done['import'][0]:.3f} s, CPU {done['import'][1]:.3f} s; "
              f"aggregate: wall {done['aggregate'][0]:.3f} s, CPU {done['aggregate'][1]:.3f} s; together wall "
              f"{total[0]:.3f} s (budget 10 s)  | bare read+verify+decrypt+gunzip: wall {done['bare'][0]:.3f} s, "
              f"CPU {done['bare'][1]:.3f} s")
        print("over their allotment:", ", ".join(done["over"]))


if __name__ == "__main__":
    main()
