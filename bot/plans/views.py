"""Read-only views of a plan, handed out by the plan service (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Optional, Tuple

from bot.budgets.source import BudgetFigures
from bot.plans import sections


@dataclass(frozen=True)
class OutcomeView:
    id: int
    text: str
    domain: str
    wellbeing_areas: Tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceView:
    id: int
    category: str
    description: str
    outcome_ids: Tuple[int, ...]
    hours_per_week: Optional[Decimal]
    unit_cost: Optional[Decimal]
    weekly_cost: Decimal
    #: the assessed needs it meets; None until asked (or when the assessment is not known)
    need_codes: Optional[Tuple[str, ...]] = None
    payee_relation: Optional[str] = None
    payee_lives_with: Optional[bool] = None
    #: the hours a week exactly, when `hours_per_week` (two places) rounds them ('10 hours a month')
    exact_hours: Optional[Fraction] = None

    @property
    def hours(self) -> Optional[Fraction]:
        """The hours a week to work costs from: exact when known."""
        if self.exact_hours is not None:
            return self.exact_hours
        return None if self.hours_per_week is None else Fraction(self.hours_per_week)


@dataclass(frozen=True)
class CheckView:
    code: str
    service_id: Optional[int]
    message: str


@dataclass(frozen=True)
class DirectPaymentView:
    """What is paid out: `amount` each `frequency` (None for a mix, whose split the council agrees)."""

    amount: Optional[Decimal]
    frequency: str
    paid_to: Optional[str]


@dataclass(frozen=True)
class AdviceView:
    """A question the person asked while planning, and the answer they were given."""

    question: str
    answer: str


@dataclass(frozen=True)
class InvolvedView:
    role: str
    name: Optional[str] = None
    relationship: Optional[str] = None


@dataclass(frozen=True)
class PlanView:
    plan_reference: str
    person_reference: str
    given_name: str
    status: str
    planned_by: str
    channel: str
    budget: BudgetFigures
    important_to_me: Optional[str]
    outcomes: Tuple[OutcomeView, ...]
    services: Tuple[ServiceView, ...]
    total_weekly_cost: Decimal
    remaining_weekly: Decimal
    management: Optional[str]
    contingency: Optional[str]
    flags: Tuple[str, ...]
    outcomes_complete: bool
    services_complete: bool
    created_at: datetime
    updated_at: datetime
    submitted_at: Optional[datetime]
    checks: Tuple[CheckView, ...] = ()
    direct_payment: Optional[DirectPaymentView] = None
    involved: Tuple[InvolvedView, ...] = ()
    #: None until asked; () when nothing else is needed
    communication_needs: Optional[Tuple[str, ...]] = None
    communication_detail: Optional[str] = None
    copy_route: Optional[str] = None
    review_due: Optional[date] = None
    agreed_at: Optional[datetime] = None
    needs_met_elsewhere: Tuple[str, ...] = ()
    advice: Tuple[AdviceView, ...] = ()
    #: 1, or the number of the version a review made; `replaces` the previous version's reference
    version: int = 1
    replaces: Optional[str] = None
    #: sign-off questions skipped and not answered since ('paid_to', 'helper_details', 'communication_needs')
    skipped_questions: Tuple[str, ...] = ()

    @property
    def unmet_needs(self) -> Tuple[str, ...]:
        """Assessed needs that no service has been tied to, in the order of the assessment."""
        met = {code for service in self.services for code in service.need_codes or ()} | set(self.needs_met_elsewhere)
        return tuple(code for code in self.budget.eligible_needs if code not in met)

    def next_section(self) -> str:
        """'important', 'outcomes', 'services', 'management', 'contingency', 'review' or 'submitted'."""
        return sections.next_section(self)
