"""Fixtures of the documents tests: real PDFs in tmp folders, read back with pypdf and poppler."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.forms import all_forms
from tests.documents.doc_samples import context_for


def pdftotext(path: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def pypdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdffonts(path: Path) -> list[dict[str, str]]:
    """The rows of `pdffonts`: name, type, emb, sub, uni."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [encoding words…] emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


requires_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[tuple[str, bool], Path]:
    """Every form rendered once, filled and blank (shared by the checks below)."""
    folder = tmp_path_factory.mktemp("forms")
    out = {}
    for form_id, form in all_forms().items():
        for blank in (False, True):
            path = folder / f"{form_id}{'-blank' if blank else ''}.pdf"
            render(form, context_for(form_id), path, blank=blank)
            out[(form_id, blank)] = path
    return out
