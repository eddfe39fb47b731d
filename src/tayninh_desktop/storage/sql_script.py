"""Run a multi-statement SQL script inside the current transaction.

sqlite3's ``executescript`` commits first, which would break the all-or-nothing migrations; this
splits the script into complete statements (triggers included) and executes them one by one.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database


def split_statements(script: str) -> list[str]:
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def run_script(db: Database, script: str) -> None:
    for statement in split_statements(script):
        db.execute(statement)
