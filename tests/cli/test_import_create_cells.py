"""`members import --create-cells`: a committee's first list names cells the register does not have yet."""

from __future__ import annotations

import json

from tayninh_desktop.cli import main
from tests.services.test_import_new_cells import _rows, first_list


def test_cli_create_cells(tmp_path, capsys):
    db = str(tmp_path / "so.sqlite3")
    assert main(["init", "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận", "--superior-name",
                 "Tỉnh ủy Tây Ninh", "--db", db]) == 0
    capsys.readouterr()
    path = str(first_list(tmp_path / "ds.xlsx", _rows()))
    code = main(["members", "import", path, "--db", db, "--dry-run", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1 and payload["counts"]["refused"] == 3 and payload["new_cells"] == []
    code = main(["members", "import", path, "--db", db, "--create-cells", "--dry-run", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and [c["code"] for c in payload["new_cells"]] == ["CB01", "CB02"]
    assert payload["new_cells"][0] == {"code": "CB01", "name": "Chi bộ ấp Cầu Xe", "rows": [2, 4]}
    code = main(["members", "import", path, "--db", db, "--create-cells"])
    out = capsys.readouterr().out
    assert code == 0 and "Đã tạo chi bộ mới: Chi bộ ấp Suối Dộp (mã CB02)" in out
    assert main(["cells", "list", "--db", db, "--json"]) == 0
    assert "Chi bộ ấp Suối Dộp" in capsys.readouterr().out
