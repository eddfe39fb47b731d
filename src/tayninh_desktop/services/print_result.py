"""What printing a paper gives back: the file, its pages and digest, and its number when it was issued."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    sha256: str
    document_id: str | None = None   # the document register's id of an issued (numbered) paper
    symbol: str = ""                 # its number and symbol, "12-BC/ĐU"


__all__ = ["PrintResult"]
