"""Qt's own buttons and menus in Vietnamese: a translator installed on the application that answers Qt's standard
texts from ui/strings_qt.py (PySide6 ships no qtbase_vi.qm), and the Vietnamese locale for day and month names in
calendars."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tayninh_desktop.ui.strings_qt import QT_TEXTS


class QtVietnamese(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1):
        return QT_TEXTS.get(source)

    def isEmpty(self) -> bool:
        return False


def install(app: QApplication) -> QtVietnamese:
    """Install the translator (kept alive as the application's child) and the Vietnamese locale."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QtVietnamese(app)
    app.installTranslator(translator)
    return translator
