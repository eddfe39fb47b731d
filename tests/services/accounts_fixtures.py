"""Registers with accounts, opened for a given person (real files, real argon2 hashes, real logins)."""

from __future__ import annotations

from tayninh_desktop.domain.actors import DEFAULT_ADMIN_NAME, Actor, Role
from tayninh_desktop.services import accounts
from tayninh_desktop.services.session import open_register
from tayninh_desktop.storage import audit

ADMIN_PASSWORD = "quan-tri-2026"
PASSWORDS = {"quantri": ADMIN_PASSWORD, "vanthu": "van-thu-2026", "bithu1": "bi-thu-so-1", "bithu2": "bi-thu-so-2",
             "xem": "chi-xem-2026"}


def add_people(db, cells: dict) -> None:
    """An administrator, the office, a secretary for each of CB01 and CB02 and a viewer, passwords set
    (no change asked: the test is about what each may do, not about the first login)."""
    boot = Actor(DEFAULT_ADMIN_NAME, Role.ADMIN)
    admin, _ = accounts.create_first_admin(db, boot, "quantri", "Nguyễn Văn Quản", ADMIN_PASSWORD)
    who = admin.actor()
    for name, role, cell in (("vanthu", "van_thu", None), ("bithu1", "bi_thu_chi_bo", cells["CB01"].id),
                             ("bithu2", "bi_thu_chi_bo", cells["CB02"].id), ("xem", "xem", None)):
        accounts.add_account(db, who, name, name.title(), role, PASSWORDS[name], cell_id=cell)
    with db.atomic():   # as if each had changed it at the first login (recorded, as the service records it)
        db.execute("UPDATE accounts SET must_change = 0")
        audit.append(db, "kiem-thu", "account_password", "account", None, None, {"all": True})


def demo_with_people(demo_db_path, folder) -> tuple:
    """A copy of the session's demo register in ``folder`` with ``add_people``'s accounts: (its path, its cells by
    code)."""
    import shutil

    from tayninh_desktop.services import organisation
    from tayninh_desktop.storage.db import open_database

    path = folder / "so.sqlite3"
    shutil.copy(demo_db_path, path)
    db = open_database(path)
    cells = {c.code: c for c in organisation.cells(db)}
    add_people(db, cells)
    db.conn.close()
    return path, cells


def login(path, name: str):
    return open_register(path, user=name, password=PASSWORDS[name])
