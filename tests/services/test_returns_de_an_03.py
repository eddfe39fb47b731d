"""The return carries the Đề án 03 work of the year: the screening results per cell and the case summaries."""

from datetime import date

from tayninh_desktop.services import cases, returns_payload
from tayninh_desktop.storage.db import open_database

TODAY = date(2026, 11, 27)


def test_the_de_an_03_section_carries_results_and_cases(demo_copy):
    db = open_database(demo_copy)
    try:
        section = returns_payload.de_an_03_section(db, date(2026, 12, 31), TODAY)
        alive = [c for c in cases.list_cases(db) if c.closed_on is None or c.closed_on.year >= 2026]
    finally:
        db.conn.close()
    screening = section["screening"]
    assert screening["year"] == 2026 and screening["cells"] and "listed" in screening["committee"]
    assert {c["id"] for c in section["cases"]} == {c.id for c in alive} and alive
    first = section["cases"][0]
    assert set(first) >= {"member_id", "kind", "state", "opened_on", "due_on"} and "full_name" not in first
