"""The import report's table: one line per row of the file (its first row, what became of it, the name, why),
filtered to all rows, the problems or the changes."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget

from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.services import importing
from tayninh_desktop.ui import strings_import as s
from tayninh_desktop.ui.widgets.report_tables import STATUS_COLOURS, table_item

PROBLEMS = (RowStatus.REFUSED, RowStatus.HELD, RowStatus.SKIPPED)
CHANGES = (RowStatus.ADDED, RowStatus.UPDATED)


def fill_outcomes(table: QTableWidget, outcomes, wanted: str) -> None:
    """Show ``outcomes`` passing the filter ``wanted`` ("all", "problems", "changes") in ``table``."""
    rows = [o for o in outcomes if wanted == "all" or (wanted == "problems" and o.status in PROBLEMS)
            or (wanted == "changes" and o.status in CHANGES)]
    table.setRowCount(len(rows))
    for r, outcome in enumerate(rows):
        colour = STATUS_COLOURS[outcome.status.value]
        table.setItem(r, 0, table_item(outcome.first_row))
        table.setItem(r, 1, table_item(s.status_label(outcome.status.value), colour))
        table.setItem(r, 2, table_item(outcome.full_name))
        table.setItem(r, 3, table_item(importing.outcome_detail(outcome, short=True)))
    for column, width in enumerate((60, 120, 220)):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
