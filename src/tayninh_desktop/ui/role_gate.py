"""The window gated by the logged-in person's role (issue 15): what the services would refuse is greyed before it
is tried, with the reason.

- ``page_reason(actor, key)``: why a page of the navigation is not for this role (None: it is); the navigation
  greys its item with the reason as tooltip, and the page shows the reason in a banner at its top.
- ``gate_page(page, actor)``: on a page, the buttons of ``BUTTONS`` the role may not use are disabled (kept so
  when the page enables them again) with the reason as tooltip; a viewer gets a banner saying the page is
  read only; a cell secretary's cell filters are set to their cell and locked.

The services refuse the same things (tests/services/test_service_access.py): this only saves the person a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QListWidget, QPushButton, QWidget

from tayninh_desktop.domain.actors import Actor, Permission, Role
from tayninh_desktop.ui import strings_accounts as s

COMMITTEE = "committee"

# Pages: what the role needs (a permission, or COMMITTEE: not a cell secretary's).
PAGES: dict[str, tuple[str | Permission, ...]] = {
    "support": (Permission.HOUSEHOLD_DATA,),
    "audit": (Permission.READ_AUDIT,),
    "returns": (COMMITTEE,),
    "statistics": (COMMITTEE,),
}

_E, _O = Permission.EDIT_REGISTER, Permission.EDIT_ORGANISATION
# Buttons (by objectName) and what pressing them needs.
BUTTONS: dict[str, tuple[str | Permission, ...]] = {
    **{name: (_E,) for name in (
        "all_present", "dues_cancel_payment", "dues_fill_default", "dues_payment", "dues_relief", "dues_relief_remove",
        "dues_terms", "meeting_delete", "meeting_new", "meeting_save", "new_member", "open_import", "rating_correct", "screening_new_case",
        "screening_open_from_sign")},
    **{name: (_E, COMMITTEE) for name in (
        "stats_award_add", "stats_award_delete", "stats_clear", "stats_type", "send_export", "send_receipt",
        "send_reopen", "statement_apply")},
    **{name: (COMMITTEE,) for name in ("fund_show", "report_show", "report_print", "statement_report")},
    **{name: (_O,) for name in (
        "add_cell", "merge_cell", "merge_registers", "move_unit", "rename_unit", "rubric_edit", "save_baseline",
        "save_since", "save_signers", "screening_set_allotment")},
    **{name: (Permission.MANAGE_KEYS,) for name in ("encryption_on", "encryption_off", "new_recovery")},
    "save_policy": (Permission.MANAGE_ACCOUNTS,),
}

_ADMIN = {Permission.EDIT_ORGANISATION, Permission.MANAGE_KEYS, Permission.MANAGE_ACCOUNTS}


def reason(actor: Actor, needs: tuple[str | Permission, ...]) -> str | None:
    """Why ``actor`` may not do what needs ``needs`` (None: they may)."""
    for need in needs:
        if need == COMMITTEE:
            if actor.scoped:
                return s.GATE_COMMITTEE
        elif not actor.may(need):
            if need in _ADMIN:
                return s.GATE_ADMIN_ONLY
            if need is Permission.HOUSEHOLD_DATA:
                return s.GATE_HOUSEHOLD
            if need is Permission.READ_AUDIT:
                return s.GATE_AUDIT
            return s.GATE_NOT_WRITE
    return None


def page_reason(actor: Actor, key: str) -> str | None:
    return reason(actor, PAGES.get(key, ()))


def gate_navigation(nav: QListWidget, actor: Actor) -> None:
    """Grey the pages this role cannot use, the reason as tooltip (they still open, to show the reason)."""
    for row in range(nav.count()):
        item = nav.item(row)
        why = page_reason(actor, item.data(Qt.ItemDataRole.UserRole))
        if why:
            item.setForeground(QBrush(QColor("#8A8A8A")))
            item.setToolTip(why)
            item.setData(Qt.ItemDataRole.UserRole + 1, why)


class _KeepDisabled(QObject):
    """Turns a gated button off again whenever its page enables it (selection changed, form filled…)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.EnabledChange and watched.isEnabled():
            watched.setEnabled(False)
        return False


def _banner(page: QWidget, text: str, name: str) -> None:
    layout = page.layout()
    if page.findChild(QLabel, name) is not None:
        return
    label = QLabel(text, objectName=name, wordWrap=True)
    label.setStyleSheet("background: #EEF3FA; color: #1F3A5F; padding: 6px; border: 1px solid #C5D3E6;")
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, label)
    else:
        label.setParent(page)


def gate_page(page: QWidget, actor: Actor, key: str = "") -> list[QPushButton]:
    """Grey what this role cannot use on ``page``; the buttons greyed."""
    why = page_reason(actor, key)
    if why:
        _banner(page, s.GATE_PAGE.format(role=s.role_label(actor.role.value), reason=why[:1].lower() + why[1:]),
                "role_gate_page")
    elif actor.role is Role.VIEWER:
        _banner(page, s.GATE_VIEWER.format(name=actor.name), "role_gate_viewer")
    greyed = gate_buttons(page, actor, BUTTONS)
    if actor.scoped:
        lock_cell_filters(page, actor)
    return greyed


# The member dialog's buttons that write (its tabs record facts with their own buttons): a viewer sees them grey
# with the reason, instead of a refusal after filling a form. A name ending in * covers every name it begins (the
# history's event buttons).
MEMBER_DIALOG_BUTTONS: dict[str, tuple[str | Permission, ...]] = {
    name: (_E,) for name in (
        "save", "delete_event", "event_*", "add_rating", "add_discipline", "remove_discipline", "add_task", "edit_task",
        "add_letter", "letter_outcome", "add_contact")}


def gate_buttons(widget: QWidget, actor: Actor, needs_by_name: dict[str, tuple[str | Permission, ...]]) -> list:
    """Grey the buttons of ``widget`` this role may not press (by objectName; a name missing from the table
    is left alone), the reason as tooltip; they stay grey when the widget enables them again."""
    greyed = []
    keeper = widget.findChild(_KeepDisabled, "role_gate_keeper") or _KeepDisabled(widget,
                                                                                  objectName="role_gate_keeper")
    for button in widget.findChildren(QPushButton):
        name = button.objectName()
        needs = needs_by_name.get(name) or next(
            (v for k, v in needs_by_name.items() if k.endswith("*") and name.startswith(k[:-1])), None)
        why = reason(actor, needs) if needs else None
        if why:
            button.setEnabled(False)
            button.setToolTip(why)
            button.installEventFilter(keeper)
            greyed.append(button)
    return greyed


def lock_cell_filters(page: QWidget, actor: Actor) -> list[QComboBox]:
    """A cell secretary's cell choosers: set to their cell and locked (the other choices are gone)."""
    locked = []
    for combo in page.findChildren(QComboBox):
        index = combo.findData(actor.cell_id)
        if index < 0:
            continue
        if combo.currentIndex() != index:
            combo.setCurrentIndex(index)
        combo.setEnabled(False)
        combo.setToolTip(s.GATE_CELL_LOCKED)
        locked.append(combo)
    return locked
