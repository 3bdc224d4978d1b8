"""Read-only views of a review, handed out by bot/reviews/record.py (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Optional, Tuple


@dataclass(frozen=True)
class OutcomeRatingView:
    """An outcome of the reviewed plan, with how it is going (None until rated)."""

    outcome_id: int
    text: str
    rating: Optional[str]
    words: Optional[str]


@dataclass(frozen=True)
class ServiceCheckView:
    """A service of the reviewed plan, or one the review added: the answers about it (None until
    asked), what the review did to it, and its weekly cost before and after (None when it was not
    there before, or is stopped)."""

    service_id: int
    description: str
    happening: Optional[bool]
    still_right: Optional[bool]
    cost_same: Optional[bool]
    change: str
    words: Optional[str]
    weekly_cost_before: Optional[Decimal]
    weekly_cost_after: Optional[Decimal]


@dataclass(frozen=True)
class ReviewView:
    id: int
    person_reference: str
    #: the plan version reviewed, and the version the review made (None when nothing changed)
    plan_reference: str
    new_plan_reference: Optional[str]
    started_at: datetime
    finished_at: Optional[datetime]
    channel: str
    status: str
    outcome_ratings: Tuple[OutcomeRatingView, ...]
    services: Tuple[ServiceCheckView, ...]
    life_changes: Optional[str]
    would_change: Optional[str]
    needs_person: bool
    #: the next review of the plan in force, once this one is finished
    next_review_due: Optional[date] = None
