"""Which agreed plans are due a review by a date. Each agreed plan has a first review (the council's
`reviews.first_after_weeks` after agreement, stored on the plan as `review_due`), then one at least
every `every_months`; a plan whose money is paid out also has a direct-payment check within
`direct_payment_check_months` (regulation 7). The earliest of these is the plan's next review.
Once a review is finished (bot/reviews/record.py), the next is the earliest of the later ones
still to come, and never more than `every_months` after it. A plan replaced by an agreed newer
version is no longer reviewed (the new version has its own first review). Rows carry no more
personal data than the adviser console's plan list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import List, Optional, Tuple

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import aliased, joinedload

from bot.council import CouncilRules, council_rules
from bot.db.models import Plan, Review
from bot.db.session import session_scope
from bot.plans.catalogue import MANAGEMENT

FIRST, DIRECT_PAYMENT_CHECK, YEARLY = "first review", "direct payment check", "yearly review"


@dataclass(frozen=True)
class DueReview:
    plan_reference: str
    person_reference: str
    management: Optional[str]
    agreed_on: date
    kind: str
    due: date

    def days_overdue(self, today: date) -> int:
        return max((today - self.due).days, 0)


def schedule(agreed_on: date, first_due: Optional[date], paid_out: bool, rules: CouncilRules) -> List[Tuple[date, str]]:
    """(date, kind) of the reviews an agreed plan has, in date order."""
    reviews = [
        (first_due or agreed_on + relativedelta(weeks=rules.first_review_weeks), FIRST),
        (agreed_on + relativedelta(months=rules.review_every_months), YEARLY),
    ]
    if paid_out:
        reviews.append((agreed_on + relativedelta(months=rules.direct_payment_check_months), DIRECT_PAYMENT_CHECK))
    return sorted(reviews)


def next_review(plan: Plan, last_reviewed: Optional[date], rules: CouncilRules) -> Tuple[date, str]:
    """(date, kind) of an agreed plan's next review, given the day its last review finished (None
    before any)."""
    agreed_on = plan.agreed_at.date()
    paid_out = plan.management is not None and MANAGEMENT[plan.management].paid_out
    reviews = schedule(agreed_on, plan.review_due if last_reviewed is None else None, paid_out, rules)
    if last_reviewed is None:
        return reviews[0]
    at_the_latest = (last_reviewed + relativedelta(months=rules.review_every_months), YEARLY)
    return min([*(r for r in reviews if r[1] != FIRST and r[0] > last_reviewed), at_the_latest])


def reviews_due(due_by: date) -> List[DueReview]:
    """Agreed plans in force whose next review falls on or before `due_by` (overdue ones included), by date."""
    rules = council_rules()
    due: List[DueReview] = []
    newer = aliased(Plan)
    replaced = select(newer.id).where(newer.replaces_plan_id == Plan.id, newer.status == "agreed").exists()
    with session_scope() as session:
        last_reviewed = dict(
            session.execute(
                select(Review.plan_id, func.max(Review.finished_at))
                .where(Review.status == "done")
                .group_by(Review.plan_id)
            ).all()
        )
        plans = session.execute(
            select(Plan)
            .where(Plan.status == "agreed", Plan.agreed_at.is_not(None), ~replaced)
            .options(joinedload(Plan.person))
        ).scalars()
        for plan in plans:
            agreed_on = plan.agreed_at.date()
            finished = last_reviewed.get(plan.id)
            when, kind = next_review(plan, finished.date() if finished else None, rules)
            if when <= due_by:
                due.append(
                    DueReview(plan.plan_reference, plan.person.reference, plan.management, agreed_on, kind, when)
                )
    return sorted(due, key=lambda review: (review.due, review.plan_reference))
