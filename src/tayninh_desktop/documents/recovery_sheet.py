"""The printed recovery key of an encrypted register: one A4 page to keep in the office's safe.

Not a party document (no HD 36 frame, no number): a sheet that says what the key is, what it opens, and
how to use it. It is the only file the program writes that opens the register, so it says so in bold.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tayninh_desktop.documents import fonts
from tayninh_desktop.documents.output import write_atomic


def render(out: Path, *, unit_name: str, register: str, key_id: str, recovery_key: str, made: str,
           lines: list[str]) -> Path:
    """Write the sheet to ``out`` (atomically); ``lines`` are the instructions, one paragraph each."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=fonts.REGULAR, initialFontSize=12)
    canvas.setTitle("Mã khôi phục sổ đảng viên")
    width, height = A4
    y = height - 30 * mm
    canvas.setFont(fonts.BOLD, 13)
    canvas.drawCentredString(width / 2, y, unit_name.upper())
    y -= 14 * mm
    canvas.setFont(fonts.BOLD, 16)
    canvas.drawCentredString(width / 2, y, "MÃ KHÔI PHỤC SỔ ĐẢNG VIÊN ĐÃ MÃ HÓA")
    y -= 9 * mm
    canvas.setFont(fonts.ITALIC, 12)
    canvas.drawCentredString(width / 2, y, f"Lập ngày {made} — khóa số {key_id}")
    y -= 20 * mm
    canvas.setFont(fonts.BOLD, 22)
    groups = recovery_key.split("-")
    for row in (groups[:4], groups[4:]):
        canvas.drawCentredString(width / 2, y, "  -  ".join(row))
        y -= 12 * mm
    canvas.rect(25 * mm, y + 4 * mm, width - 50 * mm, 32 * mm, stroke=1, fill=0)
    y -= 10 * mm
    canvas.setFont(fonts.REGULAR, 12)
    for text in [f"Tệp sổ: {register}", *lines]:
        y = _paragraph(canvas, text, 25 * mm, y, width - 50 * mm)
        y -= 3 * mm
    canvas.showPage()
    canvas.save()
    write_atomic(Path(out), buffer.getvalue())
    return Path(out)


def _paragraph(canvas: Canvas, text: str, x: float, y: float, width: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, fonts.REGULAR, 12) > width and line:
            canvas.drawString(x, y, line)
            y -= 6 * mm
            line = word
        else:
            line = candidate
    if line:
        canvas.drawString(x, y, line)
        y -= 6 * mm
    return y
