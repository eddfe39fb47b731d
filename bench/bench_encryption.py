"""What the register encrypted at rest (SQLCipher, issue 15) costs, beside the same register stored plain.

    .venv/bin/python bench/bench_encryption.py [--members 10000] [--repeat 5]

On a copy of the demo register of --members (bench/out, built once), with one administrator: the migration
(`encryption on`: export, check, rename), then on the plain copy and the encrypted one, each in the same process
with connections of their own: opening the register (no login: the key given), `members list` of everyone,
the early warnings of the committee, an FTS search, a backup beside the register, and the file sizes. The login
itself (argon2id, 64 MiB) is timed apart: it is the same for both and bounds every command's start-up.
Medians of --repeat runs in ms; the ratio is encrypted / plain.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, demo_db

PASSWORD = "mat-khau-do-toc-do"


def _median_ms(fn, repeat: int) -> float:
    fn()   # once, not counted (the page cache)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _prepare(source: Path, folder: Path) -> tuple[Path, Path, float]:
    from tayninh_desktop.domain.actors import DEFAULT_ADMIN_NAME, Actor, Role
    from tayninh_desktop.services import accounts, encryption
    from tayninh_desktop.services.session import open_register

    plain = folder / "thuong.sqlite3"
    shutil.copy(source, plain)
    session = open_register(plain)
    accounts.create_first_admin(session.db, Actor(DEFAULT_ADMIN_NAME, Role.ADMIN), "quantri", "", PASSWORD)
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.db.conn.close()
    sealed = folder / "ma-hoa.sqlite3"
    shutil.copy(plain, sealed)
    session = open_register(sealed, user="quantri", password=PASSWORD)
    start = time.perf_counter()
    result = encryption.turn_on(session.db, session.actor, PASSWORD)
    migration = (time.perf_counter() - start) * 1000
    result.db.conn.close()
    return plain, sealed, migration


def _rows(path: Path, key: bytes | None, repeat: int) -> dict[str, float]:
    from tayninh_desktop.services import backup, register, warnings
    from tayninh_desktop.services.session import default_actor
    from tayninh_desktop.storage.db import open_database

    out = {"open": _median_ms(lambda: open_database(path, key=key).conn.close(), repeat)}
    db = open_database(path, key=key)
    actor = default_actor()
    out["members list (all)"] = _median_ms(lambda: register.list_rows(db), repeat)
    out["warnings, committee"] = _median_ms(lambda: warnings.compute_warnings(db), max(1, repeat // 2))
    out["search 'nguyen thi'"] = _median_ms(lambda: register.search_rowids(db, "nguyen thi"), repeat)
    out["backup beside it"] = _median_ms(lambda: backup.create_backup(db, actor).path.unlink(), max(1, repeat // 2))
    db.conn.close()
    out["file MB"] = path.stat().st_size / 1e6
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    source = demo_db(args.members)
    with tempfile.TemporaryDirectory(prefix="bench-ma-hoa-", dir=OUT) as scratch:
        os.environ["TAYNINH_DESKTOP_DATA_DIR"] = str(Path(scratch) / "data")
        plain, sealed, migration = _prepare(source, Path(scratch))
        from tayninh_desktop.services.session import open_register

        login = _median_ms(lambda: open_register(sealed, user="quantri", password=PASSWORD).db.conn.close(),
                           max(1, args.repeat // 2))
        from tayninh_desktop.services import encryption

        key = encryption.key_for(sealed, "quantri", PASSWORD)[0]
        base, ours = _rows(plain, None, args.repeat), _rows(sealed, key, args.repeat)
    lines = [(f"Encrypted register, {args.members:,} members (demo, seed 2026): migration `encryption on` "
              f"{migration / 1000:.1f} s; login incl. argon2id and opening {login:.0f} ms."),
             "", "| path | plain | encrypted | ratio |", "|---|---|---|---|"]
    for name in base:
        unit = "" if name == "file MB" else " ms"
        lines.append(f"| {name} | {base[name]:.1f}{unit} | {ours[name]:.1f}{unit} | {ours[name] / base[name]:.2f}× |")
    text = "\n".join(lines)
    print(text)
    (OUT / f"bench_encryption-{args.members}.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
