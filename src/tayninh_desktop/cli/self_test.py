"""``--self-test``: a fresh temporary register exercised end to end, then thrown away."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError


def _steps(folder: Path) -> list[tuple[str, bool]]:
    from tayninh_desktop.services import integrity, organisation, register
    from tayninh_desktop.storage.db import open_database

    actor = Actor("tu-kiem-tra")
    results: list[tuple[str, bool]] = [("Đọc mẫu văn bản, phông chữ và quy định", _resources_read())]
    db = open_database(folder / "tu-kiem-tra.sqlite3", create=True)
    try:
        organisation.initialise(db, actor, unit_code="TKT", unit_name="Đảng ủy xã Thử Nghiệm",
                                superior_name="Tỉnh ủy Tây Ninh", place_name="Thử Nghiệm")
        cell_id, _ = organisation.create_unit(db, actor, code="CB01", name="Chi bộ ấp Một")
        results.append(("Tạo đảng bộ và chi bộ", True))
        member_id, _ = register.add_member(db, actor, {
            "full_name": "Nguyễn Thị Ánh Tuyết", "gender": "nu", "birth_date": "05/02/1960",
            "joined_on": "16/01/1994", "full_member_on": "16/01/1995", "cccd": "072160102822"}, cell_id)
        found = register.summaries(db, register.list_rowids(db, search="nguyen thi anh tuyet"))
        results.append(("Thêm đảng viên và tìm không dấu", [s.id for s in found] == [member_id]))
        on = date(2000, 1, 1)
        results.append(("Danh sách chi bộ tại một ngày",
                        [m.id for m in register.members_in_cell_on(db, cell_id, on)] == [member_id]))
        from tayninh_desktop.services import documents

        printed, _ = documents.print_form(db, actor, "danh_sach_dang_vien", folder / "danh-sach.pdf",
                                          documents.PrintRequest(cell_id=cell_id, issue=False))
        results.append(("In một mẫu văn bản (PDF)",
                        printed.pages >= 1 and printed.path.read_bytes().startswith(b"%PDF")))
        results.append(("Lưu văn bản có biểu đồ thành tệp Word (.docx)", _word_file(db, actor, folder)))
        results.append(("Kiểm tra toàn vẹn và nhật ký", integrity.check(db).ok))
        results.append(("Một báo cáo gửi cấp trên: mã hóa, ký, ghi, đọc lại, nhận", _return_round(db, folder, actor)))
    finally:
        db.conn.close()
    return results


def _word_file(db, actor: Actor, folder: Path) -> bool:
    """A report with its chart as a Word file: python-docx's templates and matplotlib's drawing are in the
    install (a bundle that left them out fails here, not in an office)."""
    from tayninh_desktop.services import documents, documents_word

    result = documents_word.save_docx(db, actor, "bao_cao_de_an_03", folder / "bao-cao.docx",
                                      documents.PrintRequest(on=date.today(), issue=False))
    return result.path.read_bytes().startswith(b"PK") and result.size > 10_000


def _return_round(db, folder: Path, actor: Actor) -> bool:
    """A throw-away superior and a key exchange; the register's return of last year written to a "stick", read
    back, then imported at the superior and its receipt brought back."""
    from tayninh_desktop.domain.org import UnitType
    from tayninh_desktop.domain.returns import Role
    from tayninh_desktop.services import (
        organisation,
        returns_keys,
        returns_payload,
        returns_receive,
        returns_send,
    )
    from tayninh_desktop.storage.db import open_database

    superior = open_database(folder / "cap-tren.sqlite3", create=True)
    try:
        organisation.initialise(superior, actor, unit_code="TTN", unit_name="Tỉnh ủy Thử Nghiệm",
                                superior_name="Trung ương", unit_type=UnitType.PROVINCE_COMMITTEE)
        up = returns_keys.export_card(superior, actor, folder / "cap-tren.tnkey")
        down = returns_keys.export_card(db, actor, folder / "cap-duoi.tnkey")
        returns_keys.import_card(db, actor, folder / "cap-tren.tnkey", confirmed=up.fingerprint, role=Role.SUPERIOR)
        returns_keys.import_card(superior, actor, folder / "cap-duoi.tnkey", confirmed=down.fingerprint)
        period = str(date.today().year - 1)
        keys = returns_payload.prepare(db, period).warning_keys
        stick = folder / "usb"
        stick.mkdir()
        sent, _ = returns_send.export_return(db, actor, period, stick, explanations={k: "Tự kiểm tra" for k in keys})
        outcomes, _ = returns_receive.import_returns(superior, actor, stick)
        receipt, _ = returns_receive.import_receipt(db, actor, outcomes[0].receipt)
        return sent.safe_to_remove and outcomes[0].status == "accepted" and receipt.outcome == "accepted"
    finally:
        superior.conn.close()


def _resources_read() -> bool:
    """Every shipped form and rule file parses, and the fonts are there (a file missing from a bundle or a
    wheel shows here)."""
    import tomllib
    from importlib import resources

    from tayninh_desktop.documents.forms import all_forms
    from tayninh_desktop.domain import rules

    root = resources.files("tayninh_desktop.resources")
    rule_files = [p for p in root.joinpath("rules").iterdir() if p.name.endswith(".toml")]
    for path in rule_files:
        tomllib.loads(path.read_text(encoding="utf-8"))
    rules.party_life_rules()
    rules.default_rubric()
    fonts = [p.name for p in root.joinpath("fonts").iterdir() if p.name.endswith(".ttf")]
    from tayninh_desktop.services import province_units

    communes = len(province_units.shipped().units)   # the first run's pick
    return bool(rule_files) and len(all_forms()) > 10 and "LiberationSerif-Regular.ttf" in fonts and communes > 0


def run_self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="tayninh-self-test-") as folder:
        try:
            results = _steps(Path(folder))
        except DomainError as error:
            print(f"Tự kiểm tra KHÔNG ĐẠT: {error.message}")
            return 1
        except Exception as error:  # noqa: BLE001 - a broken install (a file missing from a bundle) says what broke
            # The register is a throw-away one with made-up data: the fault's text may be shown.
            print(f"Tự kiểm tra KHÔNG ĐẠT: {type(error).__name__}: {error}")
            return 1
    for name, ok in results:
        print(f"[{'ĐẠT' if ok else 'LỖI'}] {name}")
    passed = all(ok for _, ok in results)
    print("Tự kiểm tra: ĐẠT." if passed else "Tự kiểm tra: KHÔNG ĐẠT.")
    return 0 if passed else 1
