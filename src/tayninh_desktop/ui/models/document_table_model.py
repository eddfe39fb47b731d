"""The document register as a lazy table: the ids of a year, rows fetched in chunks as they are painted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.services import documents_register
from tayninh_desktop.ui import strings_documents as s

CHUNK = 100
_ROOT = QModelIndex()


class DocumentTableModel(QAbstractTableModel):
    """The document register: the ids of a year, rows fetched in chunks as they are painted."""

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.year: int | None = None
        self.unit_id: str | None = None     # one issuer's register (None: every issuer)
        self.ids: list[str] = []
        self._cache: dict[str, object] = {}

    def refresh(self) -> None:
        self.beginResetModel()
        self.ids = documents_register.register_ids(self.db, year=self.year, unit_id=self.unit_id)
        self._cache.clear()
        self.endResetModel()

    def document(self, row: int):
        if not 0 <= row < len(self.ids):
            return None
        if self.ids[row] not in self._cache:
            start = max(0, row - CHUNK // 4)
            for doc in documents_register.register_rows(self.db, self.ids[start:start + CHUNK]):
                self._cache[doc.id] = doc
        return self._cache.get(self.ids[row])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(s.REGISTER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return s.REGISTER_COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc = self.document(index.row())
        if doc is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (doc.symbol, format_vn_date(doc.issued_on), doc.type_code, doc.summary, doc.signer,
                    doc.pdf_sha256[:12])[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return doc.id
        return None
