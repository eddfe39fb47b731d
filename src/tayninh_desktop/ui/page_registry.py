"""The pages of the main window's navigation, in order. Each area adds its page here.

A page is a QWidget built as ``factory(context)``; it may define ``on_changes(changes)`` to refresh
when a user action changed what it shows, and ``focus_search()`` for Ctrl+F.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from tayninh_desktop.ui import (
    strings,
    strings_accounts,
    strings_documents,
    strings_import,
    strings_party_life,
    strings_returns,
    strings_screening,
    strings_statistics,
    strings_support,
    strings_window,
)
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


def _lists_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.lists_page import ListsPage

    return ListsPage(context)


def _party_life_page(name: str) -> Callable[[UiContext], QWidget]:
    """Factory of a party-life page (ui/pages/<name>_page.py), imported on first visit."""

    def factory(context: UiContext) -> QWidget:
        import importlib

        module = importlib.import_module(f"tayninh_desktop.ui.pages.{name}_page")
        return getattr(module, f"{name.capitalize()}Page")(context)

    return factory


def _screening_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.screening_page import ScreeningPage

    return ScreeningPage(context)


def _documents_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.documents_page import DocumentsPage

    return DocumentsPage(context)


def _support_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.support_page import SupportPage

    return SupportPage(context)


def _returns_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.returns_page import ReturnsPage

    return ReturnsPage(context)


def _statistics_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.statistics_page import StatisticsPage

    return StatisticsPage(context)


def start_page(context: UiContext) -> str:
    """The page the window opens on: the board for a superior that receives returns, else the first page."""
    from tayninh_desktop.ui.pages.returns_page import receives_only

    return "returns" if receives_only(context) else pages()[0].key


def _settings_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.settings_page import SettingsPage

    return SettingsPage(context)


def _accounts_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.accounts_page import AccountsPage

    return AccountsPage(context)


def _audit_page(context: UiContext) -> QWidget:
    from tayninh_desktop.ui.pages.audit_page import AuditPage

    return AuditPage(context)


def pages() -> list[PageSpec]:
    """The navigation, top to bottom (only pages that work are listed); the first is the home page."""
    return [
        PageSpec("warnings", strings_party_life.NAV_WARNINGS, _party_life_page("warnings")),
        PageSpec("screening", strings_screening.NAV_SCREENING, _screening_page),
        PageSpec("register", strings.NAV_REGISTER, _register_page),
        PageSpec("meetings", strings_party_life.NAV_MEETINGS, _party_life_page("meetings")),
        PageSpec("dues", strings_party_life.NAV_DUES, _party_life_page("dues")),
        PageSpec("ratings", strings_party_life.NAV_RATINGS, _party_life_page("ratings")),
        PageSpec("organisation", strings.NAV_ORGANISATION, _organisation_page),
        PageSpec("lists", strings_import.NAV_LISTS, _lists_page),
        PageSpec("documents", strings_documents.NAV_DOCUMENTS, _documents_page),
        PageSpec("support", strings_support.NAV_SUPPORT, _support_page),
        PageSpec("statistics", strings_statistics.NAV_STATISTICS, _statistics_page),
        PageSpec("returns", strings_returns.NAV_RETURNS, _returns_page),
        PageSpec("settings", strings_window.NAV_SETTINGS, _settings_page),


        PageSpec("audit", strings_accounts.NAV_AUDIT, _audit_page),
        PageSpec("accounts", strings_accounts.NAV_ACCOUNTS, _accounts_page),
    ]
