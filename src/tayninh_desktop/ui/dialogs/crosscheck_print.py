"""The cross-check biên bản shown before printing: a preview, save as PDF, print."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tayninh_desktop.services import crosscheck_document
from tayninh_desktop.services.crosscheck import CrossCheckResult
from tayninh_desktop.ui import strings_import as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.screen_fit import fit_to_screen
from tayninh_desktop.ui.widgets.pdf_preview import PdfPreview
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path


class CrossCheckPrintDialog(QDialog):
    def __init__(self, context: UiContext, result: CrossCheckResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.CROSSCHECK_PDF_TITLE)
        self.setObjectName("crosscheck_print")
        fit_to_screen(self, 900, 760)
        self._folder = tempfile.TemporaryDirectory(prefix="tayninh-")
        self.pdf = Path(self._folder.name) / "bien-ban-doi-chieu.pdf"
        crosscheck_document.print_crosscheck(context.db, context.actor, result, self.pdf)
        self.preview = PdfPreview(self)
        save = QPushButton(s.SAVE_PDF, objectName="save_pdf")
        save.clicked.connect(lambda: self.save())
        printer = QPushButton(s.PRINT_PDF, objectName="print_pdf")
        printer.clicked.connect(self.print_pdf)
        close = QPushButton("Đóng", objectName="close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (save, printer, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.preview.load(self.pdf)

    def save(self, path: str | None = None) -> Path | None:
        if not path:
            path = ask_save_path(self, s.SAVE_PDF, "bien-ban-doi-chieu.pdf", s.PDF_FILTER)
        if not path:
            return None
        target = Path(path)
        partial = target.with_name(target.name + ".tmp")
        shutil.copyfile(self.pdf, partial)
        partial.replace(target)
        return target

    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.preview.print_to(printer)

    def done(self, result: int) -> None:
        self.preview.clear()
        self._folder.cleanup()
        super().done(result)
