"""The raw figures about reviews and spending (before any suppression), for the report.

- Outcome ratings by wellbeing area: every rated outcome of the reviews finished in the period,
  once for each wellbeing area of Care Act s.1(2) it touches (the outcome's `wellbeing_areas`).
- Reviews on time: each review due in the period (bot/reviews/queue.answered_due_dates), done by
  its date, done after it, or overdue (its date has passed and it is not done). A plan replaced by
  an agreed newer version has no more reviews due (as bot/reviews/due.py).
- Spending against the plan: for each agreed plan, the days of the period it was the person's plan
  in force (from its agreement to the day before their next plan was agreed, up to today), with
  the spending on file in those days compared a kind of support at a time, exactly as in a review
  (bot/spending/compare.py: up to the last payment on file, spread over the weeks). Plans with no
  spending on file in the period are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Dict, List, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.council import CouncilRules
from bot.db.models import Outcome, Plan, Review, ReviewOutcome
from bot.plans.catalogue.terms import Term, Vocabulary
from bot.plans.wellbeing import wellbeing_areas
from bot.reporting.period import Period
from bot.reporting.plan_figures import NOT_RECORDED
from bot.reviews.queue import answered_due_dates
from bot.spending.plans import spending_between

#: how a review due in the period went
TIMELINESS: Vocabulary[Term] = Vocabulary(
    Term("on_time", ("Done by the date it was due",)),
    Term("late", ("Done after the date it was due",)),
    Term("overdue", ("Overdue, not done yet",)),
)


@dataclass
class AreaRatings:
    """The reviews that rated an outcome in one wellbeing area, and how many ratings of each kind."""

    reviews: int
    ratings: Dict[str, int]


def ratings_by_area(session: Session, period: Period) -> Dict[str, AreaRatings]:
    statement = (
        select(Review.id, ReviewOutcome.rating, Outcome.wellbeing_areas, Outcome.text, Outcome.domain)
        .join(ReviewOutcome, ReviewOutcome.review_id == Review.id)
        .join(Outcome, (Outcome.plan_id == Review.plan_id) & (Outcome.position == ReviewOutcome.outcome_number))
        .where(Review.status == "done")
    )
    if period.start is not None:
        statement = statement.where(Review.finished_at >= period.start)
    if period.end is not None:
        statement = statement.where(Review.finished_at < period.end)
    reviews: Dict[str, set] = defaultdict(set)
    ratings: Dict[str, Counter[str]] = defaultdict(Counter)
    for review_id, rating, areas, text, domain in session.execute(statement):
        for area in areas or wellbeing_areas(text, domain):
            reviews[area].add(review_id)
            ratings[area][rating] += 1
    return {area: AreaRatings(len(reviews[area]), dict(ratings[area])) for area in reviews}


def _in(day: date, period: Period) -> bool:
    return (period.first is None or day >= period.first) and (period.last is None or day <= period.last)


def _agreed_plans(session: Session) -> List[Plan]:
    return list(
        session.scalars(
            select(Plan)
            .where(Plan.agreed_at.is_not(None))
            .options(selectinload(Plan.services), selectinload(Plan.outcomes))
            .order_by(Plan.agreed_at, Plan.id)
        )
    )


def review_timeliness(session: Session, period: Period, today: date, rules: CouncilRules) -> Dict[str, int]:
    """How many reviews due in the period were done on time, late, or are overdue."""
    finished: Dict[int, List[date]] = defaultdict(list)
    for plan_id, finished_at in session.execute(
        select(Review.plan_id, Review.finished_at).where(Review.status == "done").order_by(Review.finished_at)
    ):
        finished[plan_id].append(finished_at.date())
    replaced = set(
        session.scalars(
            select(Plan.replaces_plan_id).where(Plan.status == "agreed", Plan.replaces_plan_id.is_not(None))
        )
    )
    counts: Counter[str] = Counter()
    for plan in _agreed_plans(session):
        done = finished[plan.id]
        dues = answered_due_dates(plan, done, rules)
        for due, day in zip(dues, done, strict=False):
            if _in(due, period):
                counts["on_time" if day <= due else "late"] += 1
        pending = dues[len(done)]
        if plan.id not in replaced and plan.status == "agreed" and pending < today and _in(pending, period):
            counts["overdue"] += 1
    return dict(counts)


@dataclass
class SpendGroup:
    """Plans sharing one value, what they set aside and spent a week, and how many have a
    difference worth talking about (the council's rules)."""

    plans: int = 0
    planned: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    flagged: int = 0


def _in_force(plans: List[Plan], today: date) -> List[Tuple[Plan, date, date]]:
    """(plan, first day, last day) each agreed plan was the person's plan in force, up to today."""
    by_person: Dict[int, List[Plan]] = defaultdict(list)
    for plan in plans:
        by_person[plan.person_id].append(plan)
    spans = []
    for versions in by_person.values():
        for plan, following in zip(versions, [*versions[1:], None], strict=True):
            last = following.agreed_at.date() - timedelta(days=1) if following is not None else today
            spans.append((plan, plan.agreed_at.date(), min(last, today)))
    return spans


def spend_against_plans(
    session: Session, period: Period, today: date, rules: CouncilRules
) -> Tuple[Dict[str, SpendGroup], Dict[str, SpendGroup]]:
    """(by kind of support, by management option): planned and spent a week, summed over plans."""
    by_category: Dict[str, SpendGroup] = defaultdict(SpendGroup)
    by_management: Dict[str, SpendGroup] = defaultdict(SpendGroup)
    for plan, first, last in _in_force(_agreed_plans(session), today):
        first = max(first, period.first) if period.first else first
        last = min(last, period.last) if period.last else last
        if first > last:
            continue
        spending = spending_between(session, plan, first, last, rules)
        if spending is None:
            continue
        rows = spending.rows
        option = by_management[plan.management or NOT_RECORDED]
        option.plans += 1
        option.flagged += any(row.flagged for row in rows)
        for row in rows:
            option.planned += row.planned_weekly
            option.spent += row.spent_weekly
            kind = by_category[row.category]
            kind.plans += 1
            kind.planned += row.planned_weekly
            kind.spent += row.spent_weekly
            kind.flagged += row.flagged
    return dict(by_category), dict(by_management)
