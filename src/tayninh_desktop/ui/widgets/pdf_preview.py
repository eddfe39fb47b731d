"""A PDF shown inside the window (pypdfium2 renders the pages; QtPdf is not shipped) and printed
through the system dialog at the printer's resolution.

Pages are rendered as they scroll into view, so a 30-page dossier opens at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.ui import strings_documents as s

SCREEN_DPI = 96
PAGE_GAP = 12


def page_image(page, scale: float) -> QImage:
    """One PDF page as an image (a copy: pdfium's buffer dies with the bitmap)."""
    bitmap = page.render(scale=scale, prefer_bgrx=True)   # B, G, R, X bytes: Qt's RGB32 on every PC
    fmt = QImage.Format.Format_RGB32 if bitmap.n_channels == 4 else QImage.Format.Format_BGR888
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
    bitmap.close()
    return image


class _Pages(QWidget):
    """The pages stacked vertically; each is rendered when it first becomes visible."""

    def __init__(self) -> None:
        super().__init__()
        self.document = None
        self.sizes: list[tuple[float, float]] = []
        self.zoom = 1.0
        self._cache: dict[int, QPixmap] = {}
        self.setStyleSheet("background: #808080;")

    def load(self, document) -> None:
        self.document = document
        self.sizes = [document[i].get_size() for i in range(len(document))] if document is not None else []
        self._cache.clear()
        self._resize()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, 0.4), 3.0)
        self._cache.clear()
        self._resize()

    def _scale(self) -> float:
        return self.zoom * SCREEN_DPI / 72

    def _rects(self) -> list[QRect]:
        out, y, width = [], PAGE_GAP, self.width()
        for w, h in self.sizes:
            pw, ph = int(w * self._scale()), int(h * self._scale())
            out.append(QRect(max((width - pw) // 2, PAGE_GAP), y, pw, ph))
            y += ph + PAGE_GAP
        return out

    def _resize(self) -> None:
        scale = self._scale()
        width = int(max((w for w, _ in self.sizes), default=0) * scale) + 2 * PAGE_GAP
        height = int(sum(h * scale + PAGE_GAP for _, h in self.sizes)) + PAGE_GAP
        self.setMinimumSize(width, height)
        self.update()

    def pixmap(self, index: int) -> QPixmap:
        if index not in self._cache:
            self._cache[index] = QPixmap.fromImage(page_image(self.document[index], self._scale()))
        return self._cache[index]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        for index, rect in enumerate(self._rects()):
            if rect.intersects(event.rect()):
                painter.drawPixmap(rect, self.pixmap(index))
        painter.end()


class PdfPreview(QWidget):
    """A scrollable view of a PDF file with zoom; ``print_to(printer)`` prints it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.document = None
        self.pages = _Pages()
        self.scroll = QScrollArea(objectName="preview_scroll")
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.info = QLabel(s.PREVIEW_EMPTY, objectName="preview_info")
        zoom_out = QPushButton(s.ZOOM_OUT, objectName="zoom_out")
        zoom_in = QPushButton(s.ZOOM_IN, objectName="zoom_in")
        zoom_out.clicked.connect(lambda: self.pages.set_zoom(self.pages.zoom / 1.25))
        zoom_in.clicked.connect(lambda: self.pages.set_zoom(self.pages.zoom * 1.25))
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    @property
    def page_count(self) -> int:
        return len(self.document) if self.document is not None else 0

    def load(self, path: Path | str) -> None:
        import pypdfium2 as pdfium

        self.clear()
        self.path = Path(path)
        self.document = pdfium.PdfDocument(str(path))
        self.pages.load(self.document)
        self.fit_width()
        self.info.setText(s.RENDERED.format(pages=self.page_count))

    def fit_width(self) -> None:
        """Zoom so that the widest page fills the visible width (what a clerk wants to read a page)."""
        widest = max((w for w, _ in self.pages.sizes), default=0)
        room = self.scroll.viewport().width() - 2 * PAGE_GAP - self.scroll.verticalScrollBar().sizeHint().width()
        if widest and room > 100:
            self.pages.set_zoom(room / (widest * SCREEN_DPI / 72))

    def clear(self) -> None:
        self.pages.load(None)
        if self.document is not None:
            self.document.close()
        self.document = None
        self.path = None
        self.info.setText(s.PREVIEW_EMPTY)

    def print_to(self, printer) -> int:
        """Draw every page on ``printer`` (rendered at its resolution, fitted to its page); the page count."""
        if self.document is None:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            dpi = printer.resolution()
            for index in range(self.page_count):
                if index:
                    printer.newPage()
                image = page_image(self.document[index], dpi / 72)
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), image)
        finally:
            painter.end()
        return self.page_count
