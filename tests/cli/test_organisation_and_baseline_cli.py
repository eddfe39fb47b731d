"""Cells merged headless, the Đề án 03 baseline of 2015–2020 and the day the register's data start: what the
organisation and settings pages do, with refusals that exit 1 or 2 and change nothing."""

from __future__ import annotations

import json

from tests.cli.test_rules_cli import _dump, run_main


def test_cells_merged_on_a_day_move_their_members(home_db, cells, actor, make_form, today, db_path, capsys):
    from tayninh_desktop.services import register

    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB02"].id, today=today)
    path = str(db_path)
    before = _dump(path)
    code, _, err = run_main(capsys, "cells", "merge", "--db", path, "--from", "CB02", "--into", "CB02",
                            "--date", "01/07/2026")
    assert code == 1 and "Traceback" not in err and _dump(path) == before
    code, out, err = run_main(capsys, "cells", "merge", "--db", path, "--from", "CB02", "--into", "CB01",
                              "--date", "01/07/2026", "--doc-number", "25-QĐ/ĐU", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "into": "CB01", "merged": ["CB02"], "members_moved": 1}
    code, out, _ = run_main(capsys, "members", "show", member_id, "--db", path, "--json")
    assert json.loads(out)["cell_code"] == "CB01"


def test_the_baseline_and_the_data_start(home_db, cells, db_path, capsys):
    path = str(db_path)
    code, out, err = run_main(capsys, "screening", "baseline", "--db", path, "--unit", "CB01", "--figure", "2016=3",
                              "--figure", "2017=1", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "unit_code": "CB01", "figures": {"2016": 3, "2017": 1}}
    before = _dump(path)
    code, _, err = run_main(capsys, "screening", "baseline", "--db", path, "--unit", "CB01", "--figure", "2030=1")
    assert code == 1 and "2030" in err and "Traceback" not in err
    code, _, err = run_main(capsys, "screening", "baseline", "--db", path, "--unit", "CB01", "--figure", "2016=ba")
    assert code == 2 and "--figure 2016=ba" in err
    assert _dump(path) == before
    code, out, _ = run_main(capsys, "screening", "baseline", "--db", path, "--unit", "CB01")
    assert "2016: 3, 2017: 1" in out
    code, out, err = run_main(capsys, "screening", "data-since", "01/01/2024", "--db", path, "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "data_since": "2024-01-01", "set_by_office": True}
    code, _, err = run_main(capsys, "screening", "data-since", "31/02/2024", "--db", path)
    assert code == 1 and "31/02/2024" in err
    code, out, _ = run_main(capsys, "screening", "data-since", "--clear", "--db", path, "--json")
    assert json.loads(out)["set_by_office"] is False
