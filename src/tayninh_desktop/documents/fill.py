"""Filling the page: the handwriting lines or the blank rows of a form end where the sheet ends.

A form is laid out once; the room left at the foot of its last page is measured (``EndMark``) and the
form's last growable block (the last dotted lines to write on, or a blank table) is given as many more
lines or rows as fit there, so a blank list or Mẫu 7 fills whole sheets and a minutes form offers the
whole page to write on. If the second layout would take another page, the first one is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm

from tayninh_desktop.documents.forms import BodyBlock, FormDefinition, LinesBlock, TableBlock
from tayninh_desktop.domain.documents import DocumentSettings

LINE_SPACING = 8 * mm     # DottedLines' default spacing


class EndMark:
    """Where the story ended (page, height above the page's foot): recorded after every flowable drawn,
    through the document's ``afterFlowable`` hook (a flowable of its own could spill onto a new page)."""

    def __init__(self) -> None:
        self.page = 0
        self.y = 0.0

    def watch(self, doc) -> None:
        def after(_flowable) -> None:
            frame = getattr(doc, "frame", None)
            if frame is not None:
                self.page = doc.page
                self.y = frame._y

        doc.afterFlowable = after


@dataclass(frozen=True)
class Growable:
    """The block that takes the room left, and the height of one more line or row of it."""

    block: Any
    unit: float


def growable(form: FormDefinition, context: Mapping[str, Any], settings: DocumentSettings,
             blank: bool) -> Growable | None:
    """The last top-level block that prints room to write by hand, if any (inside a body block when the paper
    has no typed body: its outline prints instead)."""
    blocks = []
    for block in form.blocks:
        typed = isinstance(block, BodyBlock) and not blank and context.get(block.field)
        blocks.extend(block.blocks if isinstance(block, BodyBlock) and not typed else [block])
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    for block in reversed(blocks):
        if isinstance(block, LinesBlock) and (blank or not (block.field and context.get(block.field))):
            return Growable(block, LINE_SPACING)
        if isinstance(block, TableBlock) and len(tables) == 1 and (blank or not context.get(block.rows)):
            size = block.font_size or settings.table_size
            return Growable(block, block.row_height_mm * mm or block.blank_row_height_mm * mm or size * 1.9)
    return None


def extra_units(grow: Growable | None, mark: EndMark, settings: DocumentSettings) -> int:
    """How many more lines or rows fit under the end of the story on its last page."""
    if grow is None or not mark.page:
        return 0
    free = mark.y - settings.margin_bottom_mm * mm
    return max(int(free // grow.unit), 0)
