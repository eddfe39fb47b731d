"""Identifiers: UUIDs for everything that can travel in a return; integer ids never leave the machine."""

import uuid


def new_id() -> str:
    return str(uuid.uuid4())
