"""Read-only views of a plan, handed out by the plan service (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Optional, Tuple

from bot.budgets.source import BudgetFigures
from bot.plans import sections


@dataclass(frozen=True)
class OutcomeView:
    id: int
    text: str
    domain: str


@dataclass(frozen=True)
class ServiceView:
    id: int
    category: str
    description: str
    outcome_ids: Tuple[int, ...]
    hours_per_week: Optional[Decimal]
    unit_cost: Optional[Decimal]
    weekly_cost: Decimal


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

    def next_section(self) -> str:
        """'important', 'outcomes', 'services', 'management', 'contingency', 'review' or 'submitted'."""
        return sections.next_section(self)
