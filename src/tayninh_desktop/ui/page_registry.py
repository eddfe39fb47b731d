"""The pages of the main window's navigation, in order. Each area adds its page here.

A page is a QWidget built as ``factory(context)``; it may define ``on_changes(changes)`` to refresh
when a user action changed what it shows, and ``focus_search()`` for Ctrl+F.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from tayninh_desktop.ui import strings
from tayninh_desktop.ui.context import UiContext


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[UiContext], QWidget]


def _register_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.register_page import RegisterPage

    return RegisterPage(context)


def _organisation_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.organisation_page import OrganisationPage

    return OrganisationPage(context)


def pages() -> list[PageSpec]:
    """The navigation, top to bottom (only pages that work are listed)."""
    return [
        PageSpec("register", strings.NAV_REGISTER, _register_page),
        PageSpec("organisation", strings.NAV_ORGANISATION, _organisation_page),
    ]
