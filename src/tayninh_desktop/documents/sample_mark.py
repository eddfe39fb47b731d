"""The mark of the sample register on a printed page: a light diagonal line across the page and a line in the
bottom margin, so that a page printed while practising can never pass for a real party document."""

from __future__ import annotations

import math

from tayninh_desktop.documents.fonts import BOLD, REGULAR, string_width

MARK_GREY = 0.82          # light enough to read the page through, dark enough to see on any copy
FOOT_SIZE = 9
FOOT_TEXT = "{mark} — trang in từ sổ mẫu để xem thử, không có giá trị."


def draw_sample_mark(canvas, mark: str) -> None:
    """Draw ``mark`` across the page (nothing when empty: a real register's documents)."""
    if not mark:
        return
    width, height = canvas._pagesize
    angle = math.degrees(math.atan2(height, width))
    diagonal = math.hypot(width, height)
    size = min(72.0, 0.7 * diagonal / max(string_width(mark, BOLD, 1.0), 1.0))
    canvas.saveState()
    canvas.setFillGray(MARK_GREY)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size / 3, mark)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(REGULAR, FOOT_SIZE)
    canvas.setFillGray(0.35)
    canvas.drawCentredString(width / 2, FOOT_SIZE * 1.5, FOOT_TEXT.format(mark=mark))
    canvas.restoreState()
