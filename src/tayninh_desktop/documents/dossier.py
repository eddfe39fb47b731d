"""A meeting dossier: several forms bound into one PDF behind a cover with its contents.

Every part starts on a fresh page of its own orientation; page numbers run through the whole file
(the cover unnumbered, as on paper). The contents need the page each part starts on, which is only
known once laid out: the story is built twice, the first time only to read those pages (the cover
is one page either way, so the second layout places every part on the same page). Each part is
also a bookmark of the PDF, so a viewer shows the contents in its side bar.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from tayninh_desktop.documents.engine import build_story, form_title, switch_to
from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.documents.frame import make_doc
from tayninh_desktop.documents.output import RenderResult, sha256_hex, write_atomic
from tayninh_desktop.domain.documents import DocumentSettings, nfc


@dataclass(frozen=True)
class DossierPart:
    """One document of the dossier: a form, its values, the line it takes in the contents."""

    form: FormDefinition
    context: Mapping[str, Any]
    title: str
    blank: bool = False
    group: str = ""        # parts of one group share a contents line ("Phụ lục: trích ngang…")


@dataclass
class _Pages:
    starts: dict[int, int] = field(default_factory=dict)


class PartStart(Flowable):
    """Takes no room; records the page a part starts on and adds its bookmark."""

    def __init__(self, index: int, title: str, pages: _Pages) -> None:
        super().__init__()
        self.index, self.title, self.pages = index, nfc(title), pages

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages.starts[self.index] = self.canv.getPageNumber()
        key = f"part-{self.index}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.title, key, level=0)


def contents_rows(parts: list[DossierPart], starts: Mapping[int, int]) -> list[dict]:
    """The contents: one line per part (a group of parts on one line), with its first and last page."""
    rows: list[dict] = []
    for index, part in enumerate(parts):
        start = starts.get(index)
        end = (starts.get(index + 1) or 0) - 1 if index + 1 < len(parts) else starts.get(-1)
        title = part.group or part.title
        if rows and part.group and rows[-1]["title"] == title:
            rows[-1]["last"] = end
        else:
            rows.append({"title": title, "first": start, "last": end})
    for row in rows:
        first, last = row.pop("first"), row.pop("last")
        row["pages"] = "" if first is None else (f"{first}–{last}" if last and last > first else str(first))
    return rows


def _story(cover: FormDefinition, cover_context: Mapping[str, Any], parts: list[DossierPart],
           settings: DocumentSettings, pages: _Pages, starts: Mapping[int, int]) -> list[Flowable]:
    story: list[Flowable] = [*switch_to(cover, first=True)]
    story += build_story(cover, {**cover_context, "contents": contents_rows(parts, starts)}, settings)
    for index, part in enumerate(parts):
        story += switch_to(part.form, first=False)
        story.append(PartStart(index, part.title, pages))
        story += build_story(part.form, part.context, settings, blank=part.blank)
    return story


def render_dossier_bytes(cover: FormDefinition, cover_context: Mapping[str, Any], parts: list[DossierPart],
                         *, settings: DocumentSettings | None = None) -> tuple[bytes, int, dict[int, int]]:
    """The dossier's PDF, its page count, and the page each part starts on."""
    settings = settings or DocumentSettings()
    title = form_title(cover, cover_context)
    first = _Pages()
    doc = make_doc(io.BytesIO(), settings, title=title, first=cover.orientation)
    doc.build(_story(cover, cover_context, parts, settings, first, {}))
    starts = {**first.starts, -1: doc.page}
    final = _Pages()
    buffer = io.BytesIO()
    doc = make_doc(buffer, settings, title=title, first=cover.orientation)
    doc.build(_story(cover, cover_context, parts, settings, final, starts))
    return buffer.getvalue(), doc.page, final.starts


def render_dossier(cover: FormDefinition, cover_context: Mapping[str, Any], parts: list[DossierPart],
                   path: Path | str, *, settings: DocumentSettings | None = None) -> RenderResult:
    """Write the dossier to ``path`` atomically."""
    data, pages, _ = render_dossier_bytes(cover, cover_context, parts, settings=settings)
    path = Path(path)
    write_atomic(path, data)
    return RenderResult(path=path, pages=pages, sha256=sha256_hex(data), size=len(data))
