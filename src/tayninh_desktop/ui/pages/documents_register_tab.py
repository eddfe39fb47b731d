"""The "Sổ đăng ký văn bản đi" tab of the Văn bản page: one issuer's register by year, reprint of an issued
paper (as PDF, or as a Word file to finish), the register printed.

The tab renders through the page (its worker, its busy bar, its preview): ``run(work, on_done)``,
``show(path)`` and ``ask_path(path, kind)`` are the page's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.services import documents, documents_register, documents_word, organisation
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.document_table_model import DocumentTableModel
from tayninh_desktop.ui.widgets.full_text import fit_columns, show_full_text


class DocumentRegisterTab(QWidget):
    def __init__(self, context: UiContext, run: Callable, show: Callable[[Path], None],
                 ask_path: Callable[[str | None, str], Path | None], status: Callable[[str], None]) -> None:
        super().__init__()
        self.context = context
        self._run, self._show, self._ask_path, self._status = run, show, ask_path, status
        self.model = DocumentTableModel(context.db, self)
        self.register_year = QComboBox(objectName="register_year")
        self.register_year.addItem(s.REGISTER_ALL_YEARS, None)
        for year in range(date.today().year, date.today().year - 6, -1):
            self.register_year.addItem(str(year), year)
        self.register_year.currentIndexChanged.connect(self.refresh)
        self.register_unit = QComboBox(objectName="register_unit")    # each issuer keeps its own register
        self.register_unit.currentIndexChanged.connect(self.refresh)
        self.table = QTableView(objectName="register_table")
        show_full_text(self.table, wrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # the number, date, kind, signer and check code as wide as their text (never cut); the summary takes the
        # rest of the row, and a summary longer than that shows whole as a tooltip
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        fit_columns(self.table, (0, 1, 2, 4, 5))
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.register_count = QLabel(objectName="register_count")
        bar = QHBoxLayout()
        bar.addWidget(self.register_unit)
        bar.addWidget(self.register_year)
        bar.addWidget(self.register_count, 1)
        for name, text, slot in (("reprint", s.REPRINT, self.reprint_selected),
                                 ("reprint_word", s.REPRINT_WORD, self.reprint_word),
                                 ("print_register", s.PRINT_REGISTER, self.print_register)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.model.refresh()
        self._update_count()

    def fill_units(self, home, units: list[tuple[str, str]]) -> None:
        current = self.register_unit.currentData()
        self.register_unit.blockSignals(True)
        self.register_unit.clear()
        for index, (label, unit_id) in enumerate(units):
            self.register_unit.addItem(s.REGISTER_OF.format(unit=label), home.id if home and index == 0 else unit_id)
        self.register_unit.setCurrentIndex(max(self.register_unit.findData(current), 0))
        self.register_unit.blockSignals(False)
        self.model.unit_id = self.register_unit.currentData()

    def refresh(self, *_args) -> None:
        self.model.year = self.register_year.currentData()
        self.model.unit_id = self.register_unit.currentData()
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        self.register_count.setText(s.register_count(self.model.rowCount()))

    def _selected(self):
        index = self.table.currentIndex()
        return self.model.document(index.row()) if index.isValid() else None

    def reprint_selected(self, path: str | None = None) -> None:
        doc = self._selected()
        target = self._ask_path(path, "pdf") if doc else None
        if target is None:
            return
        db, actor = self.context.db, self.context.actor

        def reprinted(result) -> None:
            self._status(s.SAVED.format(path=result.path, pages=result.pages))
            self._show(result.path)

        self._run(lambda: documents.reprint(db, actor, doc.id, target), reprinted)

    def reprint_word(self, path: str | None = None) -> None:
        """The issued paper as a Word file, with its number and date, to finish or send on."""
        doc = self._selected()
        target = self._ask_path(path, "docx") if doc else None
        if target is None:
            return
        db, actor = self.context.db, self.context.actor
        self._run(lambda: documents_word.reprint_docx(db, actor, doc.id, target),
                  lambda result: self._status(s.SAVED_WORD.format(path=result.path)))

    def print_register(self, path: str | None = None) -> None:
        target = self._ask_path(path, "pdf")
        if target is None:
            return
        db, actor, year = self.context.db, self.context.actor, self.model.year
        home = organisation.home_unit(db)
        cell_id = self.model.unit_id if self.model.unit_id and (home is None or self.model.unit_id != home.id) else None

        def printed(result) -> None:
            self._status(s.SAVED.format(path=result.path, pages=result.pages))
            self._show(result.path)

        self._run(lambda: documents_register.print_register(db, actor, target, year=year, cell_id=cell_id), printed)
