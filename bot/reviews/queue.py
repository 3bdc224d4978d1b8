"""What advisers see of reviews (issue 16): the reviews queue (plans due and overdue a review,
reviews needing a person and why, reviews done lately), and a plan's reviews and spending, for the
adviser console (bot/web/adviser.py) and the report (bot/reporting/review_figures.py).

Rules:
- "Due" is a review falling in the next DUE_WITHIN; "overdue" one whose date has passed
  (bot/reviews/due.py decides both). "Done" is a review finished in the last RECENTLY.
- A review needs a person for these reasons (REASONS): a safeguarding concern on the plan reviewed
  or the version it made; an outcome rated worse; anything recorded as changed in the person's life
  (it may mean new needs); the person asked; spending that differs from the plan by the council's
  rules (bot/spending/plans.py, said kindly: worth talking about, never blame). Only each person's
  latest review is listed, so the list does not grow for ever.
- Rows hold no more personal data than the console's plan list: plan and person references, how
  the money is managed, dates and the reasons. Names and words stay on the plan's own page.
- Blocking (SQLAlchemy): call from a thread in async code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Dict, List, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.council import CouncilRules, council_rules
from bot.db.models import Plan, Review
from bot.db.session import session_scope
from bot.plans.catalogue import MANAGEMENT
from bot.plans.catalogue.terms import Term, Vocabulary
from bot.reviews.due import DueReview, next_review, reviews_due, schedule
from bot.reviews.record import rated_worse, reviews_of_plan
from bot.reviews.views import ReviewView
from bot.spending.compare import CategorySpending
from bot.spending.plans import PlanSpending, plan_spending

#: a plan is listed as due a review this long before its date
DUE_WITHIN = timedelta(weeks=4)
#: finished reviews are listed as done for this long
RECENTLY = timedelta(weeks=8)
#: rows per list
PAGE_SIZE = 100

#: why a review needs a person, in the order the console lists them
REASONS: Vocabulary[Term] = Vocabulary(
    Term("safeguarding", ("Safeguarding concern",)),
    Term("worse", ("An outcome is worse",)),
    Term("life_changes", ("Life or needs have changed",)),
    Term("asked", ("Asked to talk to someone",)),
    Term("spending", ("Spending is different from the plan: worth talking about",)),
)


@dataclass(frozen=True)
class DueRow:
    """A plan due or overdue a review, with any review of it under way."""

    due: DueReview
    days_overdue: int
    in_progress: bool
    reasons: Tuple[str, ...]


@dataclass(frozen=True)
class ReviewRow:
    """A review, by references and dates only."""

    review_id: int
    plan_reference: str
    person_reference: str
    new_plan_reference: Optional[str]
    status: str
    channel: str
    started_at: datetime
    finished_at: Optional[datetime]
    reasons: Tuple[str, ...]


@dataclass(frozen=True)
class ReviewsQueue:
    overdue: List[DueRow]
    due: List[DueRow]
    needs_person: List[ReviewRow]
    done: List[ReviewRow]


def _spending_differs(session: Session, plan: Plan, today: date, rules: CouncilRules) -> bool:
    """Whether the plan's spending differs enough for an adviser, read once per plan and session."""
    known: Dict[int, bool] = session.info.setdefault("spending_differs", {})
    if plan.id not in known:
        spending = plan_spending(session, plan, today, rules)
        known[plan.id] = spending is not None and bool(spending.flagged)
    return known[plan.id]


def _flagged(plan: Optional[Plan]) -> bool:
    return plan is not None and "safeguarding" in (plan.flags or ())


def review_reasons(review: Review, spending_differs: bool) -> Tuple[str, ...]:
    """The REASONS codes that apply to a review (the plan's spending checked by the caller)."""
    worse = rated_worse(review)
    changed = bool(review.life_changes)
    found = {
        "safeguarding": _flagged(review.plan) or _flagged(review.new_plan),
        "worse": worse,
        "life_changes": changed,
        "asked": review.needs_person and not (worse or changed),
        "spending": spending_differs,
    }
    return tuple(code for code in REASONS.codes if found[code])


def _review_row(session: Session, review: Review, today: date, rules: CouncilRules) -> ReviewRow:
    reasons = review_reasons(review, _spending_differs(session, review.plan, today, rules))
    return ReviewRow(
        review.id,
        review.plan.plan_reference,
        review.plan.person.reference,
        review.new_plan.plan_reference if review.new_plan else None,
        review.status,
        review.channel,
        review.started_at,
        review.finished_at,
        reasons,
    )


_REVIEW_PARTS = (
    joinedload(Review.plan).joinedload(Plan.person),
    joinedload(Review.plan).selectinload(Plan.services),
    joinedload(Review.new_plan),
    selectinload(Review.outcomes),
)


def _due_rows(session: Session, today: date, rules: CouncilRules) -> List[DueRow]:
    due = reviews_due(today + DUE_WITHIN)
    plans = {
        plan.plan_reference: plan
        for plan in session.scalars(
            select(Plan)
            .where(Plan.plan_reference.in_([row.plan_reference for row in due]))
            .options(selectinload(Plan.services))
        )
    }
    started = set(
        session.scalars(
            select(Plan.plan_reference)
            .join(Review, Review.plan_id == Plan.id)
            .where(Review.status == "in_progress", Plan.plan_reference.in_(list(plans)))
        )
    )
    rows = []
    for row in due:
        plan = plans[row.plan_reference]
        found = {"safeguarding": _flagged(plan), "spending": _spending_differs(session, plan, today, rules)}
        reasons = tuple(code for code in REASONS.codes if found.get(code))
        rows.append(DueRow(row, row.days_overdue(today), row.plan_reference in started, reasons))
    return rows


def reviews_queue(today: date, rules: Optional[CouncilRules] = None) -> ReviewsQueue:
    """The console's reviews queue on `today`."""
    rules = rules or council_rules()
    with session_scope() as session:
        due = _due_rows(session, today, rules)
        reviews = list(
            session.execute(select(Review).options(*_REVIEW_PARTS).order_by(Review.started_at.desc(), Review.id.desc()))
            .unique()
            .scalars()
        )
        latest: Dict[int, Review] = {}
        for review in reviews:
            latest.setdefault(review.plan.person_id, review)
        needs = [_review_row(session, review, today, rules) for review in latest.values()]
        since = today - RECENTLY
        finished = sorted(
            (r for r in reviews if r.finished_at is not None and r.finished_at.date() > since),
            key=lambda r: (r.finished_at, r.id),
            reverse=True,
        )
        done = [_review_row(session, review, today, rules) for review in finished[:PAGE_SIZE]]
    return ReviewsQueue(
        overdue=[row for row in due if row.days_overdue > 0][:PAGE_SIZE],
        due=[row for row in due if row.days_overdue == 0][:PAGE_SIZE],
        needs_person=[row for row in needs if row.reasons][:PAGE_SIZE],
        done=done,
    )


# --- one plan's reviews and spending -------------------------------------------------------


@dataclass(frozen=True)
class RatingsRow:
    """One outcome's ratings, a review at a time (None: not rated at that review)."""

    outcome_id: int
    text: str
    ratings: Tuple[Optional[str], ...]


@dataclass(frozen=True)
class PlanReviews:
    """Every review of the plan's versions, oldest first, and the outcome ratings over time."""

    reviews: Tuple[ReviewView, ...]
    ratings: Tuple[RatingsRow, ...]
    reasons: Dict[int, Tuple[str, ...]]


def ratings_over_time(reviews: Sequence[ReviewView]) -> Tuple[RatingsRow, ...]:
    """Each outcome (in the order first reviewed) against each review."""
    texts: Dict[int, str] = {}
    for review in reviews:
        for outcome in review.outcome_ratings:
            texts[outcome.outcome_id] = outcome.text
    by_review = [{o.outcome_id: o.rating for o in review.outcome_ratings} for review in reviews]
    return tuple(
        RatingsRow(number, text, tuple(ratings.get(number) for ratings in by_review)) for number, text in texts.items()
    )


def plan_reviews(plan_reference: str, today: date, rules: Optional[CouncilRules] = None) -> PlanReviews:
    """The reviews of every version of the plan, with the reasons each needs a person."""
    rules = rules or council_rules()
    reviews = tuple(reviews_of_plan(plan_reference))
    reasons: Dict[int, Tuple[str, ...]] = {}
    with session_scope() as session:
        for review in (
            session.execute(select(Review).where(Review.id.in_([r.id for r in reviews])).options(*_REVIEW_PARTS))
            .unique()
            .scalars()
        ):
            reasons[review.id] = review_reasons(review, _spending_differs(session, review.plan, today, rules))
    return PlanReviews(reviews, ratings_over_time(reviews), reasons)


@dataclass(frozen=True)
class SpendingView:
    """Spending against a plan: `against` is the agreed version compared (the plan itself, or the
    version a plan still waiting for the council replaces; None when there is none), and
    `spending` None when nothing is on file."""

    against: Optional[str]
    spending: Optional[PlanSpending]

    @property
    def rows(self) -> List[CategorySpending]:
        return self.spending.rows if self.spending else []


def spending_of_plan(plan_reference: str, today: date, rules: Optional[CouncilRules] = None) -> SpendingView:
    rules = rules or council_rules()
    with session_scope() as session:
        plan = session.scalars(select(Plan).where(Plan.plan_reference == plan_reference)).one_or_none()
        if plan is not None and plan.agreed_at is None:
            plan = plan.replaces
        if plan is None or plan.agreed_at is None:
            return SpendingView(None, None)
        return SpendingView(plan.plan_reference, plan_spending(session, plan, today, rules))


# --- due dates of reviews done, for the report -----------------------------------------------


def answered_due_dates(plan: Plan, finished: Sequence[date], rules: CouncilRules) -> List[date]:
    """The due date each finished review of an agreed plan answered (in order), then the date of
    the review still to come. The first is worked out from the council's settings, as when the
    plan was agreed (its stored `review_due` has moved on since)."""
    paid_out = plan.management is not None and MANAGEMENT[plan.management].paid_out
    stored = plan.review_due if not finished else None
    dues = [stored or schedule(plan.agreed_at.date(), None, paid_out, rules)[0][0]]
    for day in finished:
        dues.append(next_review(plan, day, rules)[0])
    return dues
