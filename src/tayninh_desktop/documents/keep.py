"""Keeping a document's closing with what it closes: a signature block never opens a page alone; a heading
stays with the start of its table without dragging a long table to the next page.

``KeepTail`` holds a table and its tail (a total line, the signature block). When the table runs
to the bottom of a page and the tail does not fit under it, the table's last rows go over to the
next page with the tail, as a clerk retyping the page would do.

``HeadingRoom`` goes before a heading followed by a table (the heading no longer keeps "with next", which
moved heading and table together to a new page whenever the whole table did not fit: a long per-unit
table left the page before it mostly blank). A short table still goes over with its heading when it does
not fit; a long one starts under its heading as soon as the heading, the table's header and its first
rows fit.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, FrameBreak, KeepTogether, Paragraph, Table
from reportlab.platypus.flowables import _listWrapOn

TAIL_ROWS = 2          # table rows that go over with the tail
HEADING_ROWS = 3       # body rows of a long table that must fit under its heading


class KeepTail(Flowable):
    def __init__(self, table: Table, tail: list[Flowable], rows: int = TAIL_ROWS) -> None:
        super().__init__()
        self.table = table
        self.tail = tail
        self.rows = rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        # The table alone first, in the room there is: a LongTable stops measuring its rows once they pass
        # the page, where measuring the whole (as _listWrapOn does) measured every remaining row on every page.
        _, table_height = self.table.wrapOn(self.canv, avail_width, avail_height)
        self._measured = (avail_width, avail_height, table_height)
        if table_height > avail_height:
            self._height = table_height
            return avail_width, 0xFFFFFF
        width, self._height = _listWrapOn([self.table, *self.tail], avail_width, self.canv)
        # What fits is drawn in one piece (draw); what does not reports a height that forces a split.
        return width, self._height if self._height <= avail_height else 0xFFFFFF

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        whole = [self.table, *self.tail]
        table_height = self._table_height(avail_width, avail_height)
        if table_height > avail_height:   # the table breaks anyway: carry the tail with its rest
            parts = self.table.split(avail_width, avail_height)
            if len(parts) < 2:   # not even one row fits under the text above: start on the next page
                at_top = getattr(getattr(self, "_frame", None), "_atTop", True)
                return whole if at_top else [FrameBreak(), KeepTail(self.table, self.tail, self.rows)]
            return [parts[0], KeepTail(parts[1], self.tail, self.rows)]
        _, self._height = _listWrapOn(whole, avail_width, self.canv)
        if self._height <= avail_height:
            return whole
        heights = getattr(self.table, "_rowHeights", [])
        body = len(heights) - getattr(self.table, "repeatRows", 0)
        if body <= self.rows:
            return self._together(whole, avail_width, avail_height)
        parts = self.table.split(avail_width, table_height - sum(heights[-self.rows:]) - 0.5)
        if len(parts) < 2:
            return self._together(whole, avail_width, avail_height)
        return [parts[0], KeepTogether([parts[1], *self.tail])]

    def _table_height(self, avail_width: float, avail_height: float) -> float:
        """The table's height in this room: the frame splits right after wrapping, in the same room, and measuring
        a long table's rows again (a page of them) would double the work of every page."""
        measured = getattr(self, "_measured", None)
        if measured is not None and measured[:2] == (avail_width, avail_height):
            return measured[2]
        return self.table.wrap(avail_width, avail_height)[1]

    def _together(self, flowables: list[Flowable], avail_width: float, avail_height: float) -> list[Flowable]:
        """KeepTogether's own split: a frame break first when the whole does not fit here."""
        together = KeepTogether(flowables)
        together.canv = self.canv
        together._frame = getattr(self, "_frame", None)
        return together.split(avail_width, avail_height)

    def draw(self) -> None:
        """The table and its tail stacked, as the frame would have placed them."""
        y = self._height
        for index, flowable in enumerate([self.table, *self.tail]):
            if index:
                y -= flowable.getSpaceBefore()
            width, height = flowable.wrapOn(self.canv, self._width, 0xFFFFFF)
            y -= height
            x = (self._width - width) / 2 if getattr(flowable, "hAlign", "LEFT") == "CENTER" else 0
            flowable.drawOn(self.canv, x, y)
            y -= flowable.getSpaceAfter()


class HeadingRoom(CondPageBreak):
    """A new page before ``heading`` only when the heading and the start of what follows do not fit in the room left:
    a table's header and first rows (the whole table when it fits on one page: a short table is never split from its
    heading), or the first lines left to write on."""

    def __init__(self, heading: Flowable, block: Flowable, rows: int = HEADING_ROWS) -> None:
        super().__init__(0)
        self.heading, self.block, self.rows = heading, block, rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        page = getattr(frame, "_aH", avail_height) if frame is not None else avail_height
        heading = self.heading.wrap(avail_width, page)[1] + self.heading.getSpaceBefore()
        self.height = heading + self._start(avail_width, page - heading)
        return super().wrap(avail_width, avail_height)

    def _start(self, avail_width: float, room: float) -> float:
        if isinstance(self.block, Table):
            whole = self.block.wrap(avail_width, room)[1]
            heights = getattr(self.block, "_rowHeights", [])
            return whole if whole <= room else sum(heights[:getattr(self.block, "repeatRows", 0) + self.rows])
        return min(self.block.count, self.rows + 1) * self.block.spacing   # lines to write on: the first few


def _follows(flowable: Flowable) -> bool:
    """A table, or dotted lines to write on (``blocks.DottedLines``: a count of lines and their spacing)."""
    return isinstance(flowable, Table) or (hasattr(flowable, "count") and hasattr(flowable, "spacing"))


def keep_headings_with_tables(story: list[Flowable]) -> list[Flowable]:
    """A heading kept "with next" before a table or lines to write on: kept with their start instead
    (``HeadingRoom``), so that a long one begins on the page where its heading is."""
    out: list[Flowable] = []
    for index, flowable in enumerate(story):
        following = story[index + 1] if index + 1 < len(story) else None
        if isinstance(flowable, Paragraph) and following is not None and _follows(following) \
                and flowable.getKeepWithNext():
            flowable.keepWithNext = 0
            out.append(HeadingRoom(flowable, following))
        out.append(flowable)
    return out
