"""Run in a child process under a memory limit (``test_fuzz_readers``): hypothesis mutates real member
lists (.xlsx and .xls: bit flips, overwritten bytes, cuts, insertions) and imports each into a real
register. Every outcome must be a refusal (DomainError, register unchanged) or a plan (applied when
valid); anything else fails. Prints one JSON line with the figures.

    python -m tests.spreadsheets.fuzz_child WORKDIR MEMORY_MB EXAMPLES SEED
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def limit_memory(megabytes: int) -> None:
    cap = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main(argv: list[str]) -> int:
    workdir, megabytes, examples, seed = Path(argv[0]), int(argv[1]), int(argv[2]), int(argv[3])
    import os

    os.environ["TAYNINH_DESKTOP_DATA_DIR"] = str(workdir / "data")
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis import strategies as st

    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import importing, organisation
    from tayninh_desktop.storage.db import open_database
    from tests.spreadsheets.builders import SAMPLES, flat_list, person

    bases = [flat_list(workdir / "goc.xlsx", [person(n) for n in range(1, 9)]).read_bytes()]
    for name in ("danh-sach-tcvn3.xls", "danh-sach-vni.xlsx"):
        if (SAMPLES / name).exists():
            bases.append((SAMPLES / name).read_bytes())
    db = open_database(workdir / "so.sqlite3", create=True)
    actor = Actor("fuzz")
    organisation.initialise(db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận", superior_name="Tỉnh ủy")
    cell, _ = organisation.create_unit(db, actor, code="CB01", name="Chi bộ ấp Cầu Xe")
    figures = {"examples": 0, "refused": 0, "planned": 0, "applied": 0, "memory_mb": megabytes}
    limit_memory(megabytes)   # from here on, what the reader allocates is bounded

    def state() -> tuple:
        return (db.execute("SELECT max(seq) FROM audit_log").fetchone()[0],
                db.execute("SELECT count(*) FROM members").fetchone()[0])

    mutation = st.tuples(st.sampled_from(["flip", "byte", "cut", "insert", "token"]), st.floats(0, 1),
                         st.integers(0, 255))
    tokens = [b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>', b'<row r="999999">', b'</row>', b'r="0"',
              b'<mergeCell ref="A1:XFD1048576"/>', b't="s"', b'<v>99999999</v>', b's="9999"', b't="d"',
              b"<v>9999-12-31T00:00:00</v>", b"<v>1e308</v>", b"&#0;", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>"]

    @hypothesis_seed(seed)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.integers(0, len(bases) - 1), st.lists(mutation, min_size=1, max_size=6), st.booleans())
    def run(base: int, mutations: list, inside: bool) -> None:
        data = bytearray(bases[base])
        part = None
        if inside and data[:2] == b"PK":   # mutate a part of the zip, not its compressed bytes
            import io
            import zipfile

            with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
                names = archive.namelist()
                part = names[mutations[0][2] % len(names)]
                members = {n: archive.read(n) for n in names}
            data = bytearray(members[part])
        for kind, where, value in mutations:
            at = min(int(where * len(data)), max(len(data) - 1, 0))
            if kind == "flip" and data:
                data[at] ^= 1 << (value % 8)
            elif kind == "byte" and data:
                data[at] = value
            elif kind == "cut":
                del data[at:]
            elif kind == "token":
                data[at:at] = tokens[value % len(tokens)]
            else:
                data[at:at] = bytes([value]) * (1 + value)
        if part is not None:
            import io
            import zipfile

            members[part] = bytes(data)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, content in members.items():
                    archive.writestr(name, content)
            data = bytearray(buffer.getvalue())
        path = workdir / ("dot-bien.xls" if base == 1 else "dot-bien.xlsx")
        path.write_bytes(bytes(data))
        before = state()
        figures["examples"] += 1
        try:
            source = importing.open_source(db, path)
            plan = importing.plan_import(db, source, cell_id=cell)
            figures["planned"] += 1
            if not plan.blocked and plan.counts["added"]:
                importing.apply_import(db, actor, plan)
                figures["applied"] += 1
        except DomainError as error:
            assert error.message and "Traceback" not in error.message
            figures["refused"] += 1
            assert state() == before, "a refused import changed the register"

    run()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
