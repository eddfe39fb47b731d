"""A form as a Word file (.docx) in the same HD 36 frame as its PDF, for the office to finish in Word.

The same form definition and the same context as the PDF (``engine.paper_parts`` fills the frame, the
blocks are laid out by ``docx_blocks``); python-docx writes it, and the file is written to a temporary
name, fsynced and renamed like every file the program writes.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tayninh_desktop.documents import docx_frame as frame
from tayninh_desktop.documents.docx_blocks import WordContext, add_blocks
from tayninh_desktop.documents.engine import form_title, paper_parts
from tayninh_desktop.documents.fields import fill
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.documents.output import write_atomic
from tayninh_desktop.domain.documents import DocumentSettings, nfc

# Fixed metadata times: the same paper makes the same file (a reprint is the paper issued).
FIXED_TIME = datetime(2000, 1, 1)


@dataclass(frozen=True)
class WordResult:
    path: Path
    sha256: str
    size: int


def docx_bytes(form: FormDefinition, context: Mapping[str, Any], *, settings: DocumentSettings | None = None,
               blank: bool = False) -> bytes:
    """The Word file of one form, in memory."""
    from docx import Document

    settings = settings or DocumentSettings()
    header, scope, signature, recipients = paper_parts(form, context, blank)
    document = Document()
    width = frame.setup(document, settings, form.orientation)
    ctx = WordContext(scope, settings, width, blank, header)
    if form.header == "party":
        summary = fill(form.summary, scope, markup=False) if form.summary else ""
        under_number = (summary,) if form.summary_position == "number" and summary else ()
        frame.party_header(document, header, settings, width, numbered=form.numbered, summary_lines=under_number)
        frame.title(document, fill(form.title, scope) if form.title else "",
                    "" if under_number or not form.summary else fill(form.summary, scope), settings, width)
    add_blocks(document, form.blocks, ctx)
    if signature or recipients:
        frame.closing(document, recipients, signature, settings, width)
    if form.after:
        frame.cut_line(document)
        add_blocks(document, form.after, ctx)
    if form.page_numbers:
        frame.page_numbers(document, settings)
    frame.sample_footer(document, settings)   # a paper from the sample register says so on every page
    props = document.core_properties
    props.title, props.author, props.comments = nfc(form_title(form, context, blank=blank)), "tayninh_desktop", ""
    props.created = props.modified = FIXED_TIME
    props.last_modified_by, props.revision = "tayninh_desktop", 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The same paper makes the same file: python-docx stamps each part of the zip with the clock (to two
    seconds), so two saves a moment apart differed; every part gets FIXED_TIME instead."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def render_docx(form: FormDefinition, context: Mapping[str, Any], path: Path | str, *,
                settings: DocumentSettings | None = None, blank: bool = False) -> WordResult:
    """Write the Word file of ``form`` to ``path`` (atomically)."""
    data = docx_bytes(form, context, settings=settings, blank=blank)
    path = Path(path)
    write_atomic(path, data)
    return WordResult(path, hashlib.sha256(data).hexdigest(), len(data))
