"""The Settings page ("Cài đặt"): the one place for the program's settings, one section per area.

An area adds its settings by writing a section — a QWidget built as ``factory(context)``, with ``on_changes`` if
it shows something another action can change — and one ``SectionSpec`` line in ``SECTIONS`` (below, in the order
shown). A section that edits typed values gives itself an ``UnsavedGuard`` (ui/unsaved.py): the main window asks
before the page is left. Each change is one service action (audited), applied at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    factory: Callable[[UiContext], QWidget]


def _section(module: str, name: str) -> Callable[[UiContext], QWidget]:
    def factory(context: UiContext) -> QWidget:
        import importlib

        return getattr(importlib.import_module(f"tayninh_desktop.ui.widgets.{module}"), name)(context)

    return factory


# One line per section (parallel work adds lines here; keep the order the clerk reads them in).
SECTIONS: list[SectionSpec] = [
    SectionSpec("register", sw.SETTINGS_REGISTER, _section("settings_sections", "RegisterSection")),
    SectionSpec("warnings", sw.SETTINGS_WARNINGS, _section("settings_sections", "WarningsSection")),
    SectionSpec("meetings", sw.SETTINGS_MEETINGS, _section("settings_sections", "MeetingsSection")),
    SectionSpec("documents", sw.SETTINGS_DOCUMENTS, _section("settings_sections", "DocumentsSection")),
    SectionSpec("signers", sw.SETTINGS_SIGNERS, _section("signers_settings", "SignersSection")),
]


class SettingsPage(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.sections: dict[str, QWidget] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        title = QLabel(sw.SETTINGS_TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        column.addWidget(title)
        intro = QLabel(sw.SETTINGS_INTRO, wordWrap=True)
        intro.setStyleSheet("color: #444;")
        column.addWidget(intro)
        for spec in SECTIONS:
            box = QGroupBox(spec.title, objectName=f"settings_{spec.key}")
            box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
            inner = QVBoxLayout(box)
            section = spec.factory(context)
            inner.addWidget(section)
            self.sections[spec.key] = section
            column.addWidget(box)
        column.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        context.changed.connect(self.on_changes)

    def open_signers(self):
        """Who signs the documents, the Đề án 03 figures, the data-since date (the start checklist's step)."""
        return self.show_section("signers")

    def show_section(self, key: str) -> QWidget:
        """Scroll the page to a section and put the keyboard in it."""
        box = self.findChild(QGroupBox, f"settings_{key}")
        self.scroll.ensureWidgetVisible(box, 0, 0)
        bar = self.scroll.verticalScrollBar()
        bar.setValue(min(box.y(), bar.maximum()))
        self.sections[key].setFocus()
        return self.sections[key]

    def on_changes(self, changes: Changes) -> None:
        for section in self.sections.values():
            if hasattr(section, "on_changes"):
                section.on_changes(changes)
