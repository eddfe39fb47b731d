"""Several papers of one form in one PDF, each on its own page (reminder letters to every unit owing a return,
printed in one action). Each paper is laid out as ``render`` lays it out alone; the pages carry no running number
(each letter is its own document)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tayninh_desktop.documents.engine import build_story, form_title, switch_to
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.documents.frame import make_doc
from tayninh_desktop.documents.output import RenderResult, sha256_hex, write_atomic
from tayninh_desktop.domain.documents import DocumentSettings


def render_batch_bytes(form: FormDefinition, contexts: Sequence[Mapping[str, Any]], *,
                       settings: DocumentSettings | None = None) -> tuple[bytes, int]:
    settings = settings or DocumentSettings()
    buffer = io.BytesIO()
    doc = make_doc(buffer, settings, title=form_title(form, contexts[0]) if contexts else form.name,
                   page_numbers=False, first=form.orientation)
    story = []
    for index, context in enumerate(contexts):
        story += switch_to(form, first=index == 0)
        story += build_story(form, context, settings)
    doc.build(story)
    return buffer.getvalue(), doc.page


def render_batch(form: FormDefinition, contexts: Sequence[Mapping[str, Any]], path: Path | str, *,
                 settings: DocumentSettings | None = None) -> RenderResult:
    """Write the papers to ``path`` atomically."""
    data, pages = render_batch_bytes(form, contexts, settings=settings)
    path = Path(path)
    write_atomic(path, data)
    return RenderResult(path=path, pages=pages, sha256=sha256_hex(data), size=len(data))
