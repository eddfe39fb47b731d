"""Dues: one cell's month in one keyboard grid, with the month's totals, the text in force (marked when a value is
not confirmed), and the member's category and base, exemptions and reductions set from the selected row."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QPushButton

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_dues import EXEMPTION_GROUND_LABELS, PAYMENT_KINDS, RELIEF_LABELS
from tayninh_desktop.domain.party_life import month_label, parse_month
from tayninh_desktop.services import dues, dues_payments, dues_terms
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_rules as sr
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog
from tayninh_desktop.ui.models.party_life_models import DuesModel
from tayninh_desktop.ui.widgets.cell_sheet_page import CellSheetPage


class DuesPage(CellSheetPage):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        today = today or date.today()
        self.month = QLineEdit(objectName="dues_month", placeholderText="mm/yyyy")
        self.month.setText(today.strftime("%m/%Y"))
        self.month.setMaximumWidth(110)
        self.loaded_month = ""
        self.load_button = QPushButton(s.DUES_LOAD, objectName="dues_load")
        self.terms_button = QPushButton(sr.DUES_TERMS, objectName="dues_terms")
        self.relief_button = QPushButton(sr.DUES_RELIEF, objectName="dues_relief")
        self.payment_button = QPushButton(sr.DUES_PAYMENT, objectName="dues_payment", toolTip=sr.DUES_PAYMENT_TIP)
        self.relief_remove_button = QPushButton(sr.DUES_RELIEF_REMOVE, objectName="dues_relief_remove",
                                                toolTip=sr.DUES_RELIEF_REMOVE_TIP)
        self.cancel_payment_button = QPushButton(sr.DUES_CANCEL_PAYMENT, objectName="dues_cancel_payment",
                                                 toolTip=sr.DUES_CANCEL_PAYMENT_TIP)
        self.fill_button = QPushButton(sw.DUES_FILL_DEFAULT, objectName="dues_fill_default",
                                       toolTip=sw.DUES_FILL_DEFAULT_TIP)
        super().__init__(context, today, name="dues", model=DuesModel(), period_label=s.MONTH, period=self.month,
                         help_text=s.DUES_HELP, summary_name="dues_totals",
                         extra=(self.load_button, self.terms_button, self.relief_button, self.payment_button),
                         actions=(self.relief_remove_button, self.cancel_payment_button, self.fill_button))
        self.totals = self.summary
        self.load_button.clicked.connect(self.switch_month)
        self.month.returnPressed.connect(self.switch_month)
        self.terms_button.clicked.connect(self.edit_terms)
        self.relief_button.clicked.connect(self.grant_relief)
        self.payment_button.clicked.connect(self.record_payment)
        self.cancel_payment_button.clicked.connect(self.cancel_payment)
        self.relief_remove_button.clicked.connect(self.remove_relief)
        self.fill_button.clicked.connect(self.fill_default)
        self.model.dataChanged.connect(lambda *_: self._update_totals())
        self.rule_text = ""
        self.load()

    def what(self) -> str:
        return sw.WHAT_DUES.format(month=self.loaded_month, cell=self.cell.currentText())

    def switch_month(self) -> None:
        """Open the typed month, after asking about marks typed for the month on screen (shown again while the
        question is open, so that "Lưu" saves them under their own month)."""
        typed = self.month.text().strip()
        if typed == self.loaded_month:
            self.load()
            return
        self.month.setText(self.loaded_month)
        if self.guard.allow_leave():
            self.month.setText(typed)
            self.load()

    def load(self) -> None:
        cell_id = self.cell.currentData()
        if not cell_id:
            self.model.set_rows([])
            self._update_totals()
            return
        try:
            lines = dues.dues_sheet(self.context.db, cell_id, self.month.text())
            rule = dues.rule_of_month(self.month.text())
        except DomainError as error:
            show_error(self, error)
            self.month.setText(self.loaded_month)
            return
        self.loaded_month = self.month.text().strip()
        self.rule_text = sr.DUES_RULE_LINE.format(rule=rule.citation, mark=sr.UNCONFIRMED_MARK if rule.unconfirmed
                                                  else "")
        self.help_label.setText(f"<b>{self.rule_text}</b>. {s.DUES_HELP}")
        self.model.set_rows(lines)
        self.message.setText("")
        self._update_totals()
        self.grid.start()
        self.loaded(sw.PERIOD_MONTH.format(month=self.loaded_month))

    def fill_default(self) -> int:
        """Every line still "chưa ghi" takes the month's default: paid at the computed amount; away for work:
        deferred; exempted by decision: not required. Lines already marked keep their marks."""
        count = self.model.mark_all()
        self._update_totals()
        return count

    def _update_totals(self) -> None:
        collected, paid, unpaid, not_recorded = self.model.totals()
        self.totals.setText(sw.DUES_SUMMARY.format(collected=s.money(collected), paid=paid, unpaid=unpaid,
                                                   not_recorded=not_recorded))
        self.fill_button.setEnabled(not_recorded > 0)

    def save(self):
        entries = self.model.entries()
        if not entries:
            self.message.setText(sw.DUES_NOTHING_MARKED.format(button=sw.DUES_FILL_DEFAULT))
            return None
        result = self.context.run_action(self, dues.record_dues, self.cell.currentData(), self.month.text(),
                                         entries, today=self.today)
        if result is not None:
            self.load()
            self.message.setText(s.DUES_SAVED.format(month=month_label(parse_month(self.month.text()))))
        return result

    # -- the selected member's category, base and reliefs ------------------------------------------------------
    def _selected(self) -> tuple[str, str]:
        row = self.grid.currentIndex().row()
        member_id = self.model.member_id(row)
        if not member_id:
            self.message.setText(sr.DUES_PICK_MEMBER)
        return member_id, self.model.rows[row].full_name if member_id else ""

    def edit_terms(self) -> RecordDialog | None:
        member_id, name = self._selected()
        if not member_id:
            return None
        month = self.month.text()
        choices = tuple((code, label + (sr.UNCONFIRMED_MARK if unconfirmed else ""))
                        for code, label, unconfirmed in dues_terms.categories(month))
        db, actor = self.context.db, self.context.actor
        return self._open(sr.DLG_TERM.format(name=name), [
            Field("from_month", month, hint=sr.MONTH_HINT), Field("category", choices[0][0], choices),
            Field("base", hint=sr.BASE_HINT), Field("notes")],
            lambda v: dues_terms.set_dues_term(db, actor, member_id, v["from_month"], v["category"],
                                               _money(v["base"]), notes=v["notes"]))

    def grant_relief(self) -> RecordDialog | None:
        member_id, name = self._selected()
        if not member_id:
            return None
        db, actor = self.context.db, self.context.actor
        grounds = (("", "—"), *EXEMPTION_GROUND_LABELS.items())
        return self._open(sr.DLG_RELIEF.format(name=name), [
            Field("relief_kind", "giam", tuple(RELIEF_LABELS.items())), Field("first_month", self.month.text(),
                                                                              hint=sr.MONTH_HINT),
            Field("last_month", hint=sr.LAST_MONTH_HINT), Field("percent", hint=sr.PERCENT_HINT),
            Field("exemption_ground", "", grounds), Field("decision_number"), Field("decision_date", hint="dd/mm/yyyy"),
            Field("reason")],
            lambda v: dues_terms.grant_relief(db, actor, member_id, v["relief_kind"], v["first_month"],
                                              v["last_month"], percent=_number(v["percent"]),
                                              ground=v["exemption_ground"],
                                              decision_number=v["decision_number"],
                                              decision_date=_day(v["decision_date"]), reason=v["reason"]))

    def remove_relief(self) -> RecordDialog | None:
        """Remove one of the selected member's exemptions or reductions recorded by mistake, with the reason."""
        member_id, name = self._selected()
        if not member_id:
            return None
        db, actor = self.context.db, self.context.actor
        reliefs = dues_terms.member_reliefs(db, member_id)
        if not reliefs:
            self.message.setText(sr.RELIEFS_NONE_TO_REMOVE.format(name=name))
            return None
        choices = tuple((r.id, sr.RELIEF_ITEM.format(
            label=dues.relief_label(r), first=month_label(r.first_month),
            last=f" đến tháng {month_label(r.last_month)}" if r.last_month else "")) for r in reversed(reliefs))
        dialog = self._open(sr.DLG_RELIEF_REMOVE.format(name=name), [
            Field("dues_relief", choices[0][0], choices), Field("remove_reason", hint=sr.CANCEL_REASON_HINT)],
            lambda v: dues_terms.remove_relief(db, actor, v["dues_relief"], v["remove_reason"]))
        dialog.set_hint(sr.RELIEF_REMOVE_HINT)
        return dialog

    def record_payment(self) -> RecordDialog | None:
        """Dues paid for several months at once by the selected member: in advance (away for work) or late."""
        member_id, name = self._selected()
        if not member_id:
            return None
        db, actor, today = self.context.db, self.context.actor, self.today
        month = self.loaded_month
        rule = dues_payments.advance_rule(parse_month(month)) if month else None
        limit = rule["max_months"] if rule else dues_payments.DEFAULT_MAX_MONTHS
        basis = rule.citation_marked if rule else ""

        def submit(v: dict[str, str]):
            record = dues_payments.record_advance if v["payment_kind"] == "advance" else \
                dues_payments.record_settlement
            request = dues_payments.PaymentRequest(
                v["payment_from"], v["payment_to"], _day(v["dues_paid_on"], "dues_paid_on") if v["dues_paid_on"].strip()
                else None, v["dues_received_by"], _money(v["dues_payment_amount"]), v["payment_reason"], v["dues_approval"])
            return record(db, actor, member_id, request, today=today)

        dialog = self._open(sr.DLG_PAYMENT.format(name=name), [
            Field("payment_kind", "advance", sr.PAYMENT_KIND_CHOICES),
            Field("payment_from", month, hint=sr.MONTH_HINT), Field("payment_to", month, hint=sr.MONTH_HINT),
            Field("dues_paid_on", today.strftime("%d/%m/%Y"), hint="dd/mm/yyyy"), Field("dues_received_by"),
            Field("dues_payment_amount", hint=sr.PAYMENT_AMOUNT_HINT), Field("payment_reason", hint=sr.PAYMENT_REASON_HINT),
            Field("dues_approval", hint=sr.PAYMENT_APPROVAL_HINT)], submit)
        dialog.set_hint(sr.PAYMENT_HINT.format(limit=limit, basis=basis) + "\n" + _payments_line(db, member_id))
        return dialog

    def cancel_payment(self) -> RecordDialog | None:
        """Cancel one of the selected member's payments recorded by mistake, with the reason."""
        member_id, name = self._selected()
        if not member_id:
            return None
        db, actor = self.context.db, self.context.actor
        rows = dues_payments.payments(db, member_id)
        if not rows:
            self.message.setText(sr.PAYMENTS_NONE_TO_CANCEL.format(name=name))
            return None
        choices = tuple((str(p.id), _payment_text(p)[:1].upper() + _payment_text(p)[1:]) for p in reversed(rows))   # latest first
        dialog = self._open(sr.DLG_CANCEL_PAYMENT.format(name=name), [
            Field("dues_payment", choices[0][0], choices), Field("cancel_reason", hint=sr.CANCEL_REASON_HINT)],
            lambda v: dues_payments.cancel_payment(db, actor, member_id, int(v["dues_payment"]), v["cancel_reason"]))
        dialog.set_hint(sr.CANCEL_PAYMENT_HINT)
        return dialog

    def _open(self, title: str, fields: list[Field], submit) -> RecordDialog:
        dialog = RecordDialog(self.context, title, fields, submit, self)
        dialog.accepted.connect(lambda: self.guard.allow_leave() and self.load())
        dialog.open()
        return dialog


def _payments_line(db, member_id: str) -> str:
    rows = dues_payments.payments(db, member_id)
    if not rows:
        return sr.PAYMENTS_NONE
    return sr.PAYMENTS_LINE.format(items="; ".join(_payment_text(p) for p in rows))


def _payment_text(p) -> str:
    return sr.PAYMENT_ITEM.format(kind=PAYMENT_KINDS[p.kind], first=month_label(p.from_month),
                                  last=month_label(p.to_month), amount=s.money(p.amount), day=format_vn_date(p.paid_on))


def _money(text: str) -> int | None:
    """A base as typed ("6.000.000"); a text that is not a number goes through as is, to be refused by name."""
    digits = (text or "").replace(".", "").replace(",", "").replace("đ", "").strip()
    if not digits:
        return None
    return int(digits) if digits.isdigit() else digits  # type: ignore[return-value]


def _number(text: str):
    digits = (text or "").replace("%", "").strip()
    return int(digits) if digits.isdigit() else (digits or 0)


def _day(text: str, field: str = "decision_date"):
    from tayninh_desktop.domain.dates import parse_vn_date
    from tayninh_desktop.domain.errors import FieldIssue, ValidationError

    try:
        return parse_vn_date(text)
    except ValueError:
        raise ValidationError([FieldIssue(field, "bad_date", {"value": text})]) from None
