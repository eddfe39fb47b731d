"""The support programme for members in hardship (Kế hoạch 90-KH/TU and successors): what is recorded.

A member's household circumstances per year, the member's loans from the social-policy bank (NHCSXH)
with the interest actually paid, the record that the member was told of the policy, the applications
carried from submission to payment, and the fund that pays them. Money is integer đồng; a loan's rate
is an integer number of hundredths of a percent a year (6,6 %/năm → 660).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class HouseholdClass(StrEnum):
    """The household's classification in the commune's yearly review (Nghị định 07/2021 and successors)."""

    POOR = "ngheo"
    NEAR_POOR = "can_ngheo"
    AVERAGE = "muc_song_trung_binh"
    OTHER = "khac"


class Discharged(StrEnum):
    """A member back home after military or police service (quân nhân, công an xuất ngũ)."""

    NONE = ""
    ARMY = "quan_doi"
    POLICE = "cong_an"


class Category(StrEnum):
    """The categories of members a support plan names."""

    DISCHARGED = "xuat_ngu"
    POOR = "ngheo"
    NEAR_POOR = "can_ngheo"
    AVERAGE = "muc_song_trung_binh"


class ApplicationState(StrEnum):
    SUBMITTED = "da_nop"
    CHECKED = "da_kiem_tra"
    APPROVED = "da_duyet"
    PAID = "da_chi"
    REJECTED = "tu_choi"


class FundKind(StrEnum):
    CONTRIBUTION = "thu"
    DISBURSEMENT = "chi"
    REVERSAL = "dao"


class ContributorKind(StrEnum):
    UNIT = "don_vi"
    PERSON = "ca_nhan"


class ScreenBasis(StrEnum):
    """Why a member appears on the screening list."""

    CATEGORY = "doi_tuong"        # the household (or discharge) of the year is in the plan's categories
    LOAN = "khoan_vay"            # has a loan of an eligible programme, circumstances not yet recorded
    UNKNOWN = "chua_ro"           # nothing recorded for the year: to be surveyed


@dataclass(frozen=True)
class Household:
    """A member's household in one year, as the commune's review classified it (with its certificate)."""

    member_id: str
    year: int
    classification: HouseholdClass
    certificate_number: str = ""
    certificate_date: date | None = None
    certificate_issuer: str = ""
    discharged: Discharged = Discharged.NONE
    discharged_on: date | None = None
    income_per_person: int | None = None   # đồng per person a month, when the survey noted it
    rural: bool = True
    notes: str = ""
    id: str = ""

    def categories(self) -> frozenset[Category]:
        out: set[Category] = set()
        if self.classification is not HouseholdClass.OTHER:
            out.add(Category(self.classification.value))
        if self.discharged is not Discharged.NONE:
            out.add(Category.DISCHARGED)
        return frozenset(out)


@dataclass(frozen=True)
class Loan:
    """A loan from the social-policy bank, as written in the member's loan book (sổ vay vốn)."""

    member_id: str
    programme: str
    amount: int
    rate_bp: int
    start_date: date
    term_months: int
    contract_number: str = ""
    purpose: str = ""
    notes: str = ""
    id: str = ""

    @property
    def end_date(self) -> date:
        from tayninh_desktop.domain.dates import add_months

        return add_months(self.start_date, self.term_months)

    def active_on(self, day: date) -> bool:
        return self.start_date <= day < self.end_date


@dataclass(frozen=True)
class InterestPayment:
    """Interest the member paid the bank on a loan (typed from the statement or imported from it)."""

    loan_id: str
    paid_on: date
    amount: int
    period_from: date | None = None
    period_to: date | None = None
    reference: str = ""
    source: str = ""
    id: str = ""


@dataclass(frozen=True)
class Outreach:
    """The member was told of the support policy: when, by whom, how (at a meeting or in person)."""

    member_id: str
    told_on: date
    how: str
    told_by: str = ""
    meeting_id: str | None = None
    notes: str = ""
    id: str = ""


@dataclass(frozen=True)
class ChecklistEntry:
    """One item of the eligibility check of an application, with what proves it."""

    item: str
    ok: bool
    evidence: str = ""


@dataclass(frozen=True)
class Application:
    """An application for the interest support, from submission to payment."""

    id: str
    number: int
    member_id: str
    loan_id: str
    plan_code: str
    category: str
    period_from: date
    period_to: date
    submitted_on: date
    state: ApplicationState
    interest_paid: int = 0
    support_amount: int | None = None
    computation: str = ""
    checked_on: date | None = None
    checked_by: str = ""
    approved_on: date | None = None
    approved_by: str = ""
    decision_number: str = ""
    rejected_on: date | None = None
    rejected_by: str = ""
    rejection_reason: str = ""
    notes: str = ""
    checklist: tuple[ChecklistEntry, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        """How the office names an application: "HS 007/2026"."""
        return f"HS {self.number:03d}/{self.submitted_on.year}"


@dataclass(frozen=True)
class FundEntry:
    """One line of the fund's ledger. Entries are never edited: a mistake is reversed by a new entry."""

    id: str
    seq: int
    entry_date: date
    kind: FundKind
    amount: int                      # always positive
    direction: int                   # +1 money in, -1 money out
    contributor: str = ""
    contributor_kind: str = ""
    receipt_number: str = ""
    application_id: str | None = None
    reverses_id: str | None = None
    reason: str = ""
    recorded_by: str = ""

    @property
    def signed(self) -> int:
        return self.amount * self.direction
