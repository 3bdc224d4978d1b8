"""Recording a review of an agreed plan (Care Act s.27), for the review conversation, the web app
and the CLI. Each function is one unit of work; callers get views back, never ORM objects.

Rules:
- A person's reviewable plan is their newest agreed plan. Starting a review returns the unfinished
  one of that plan if there is one, so a conversation can resume.
- Outcomes and services are named by their plan-local ids (the plan JSON's `id`s). Rating an
  outcome again replaces the rating; checking a service sets only the answers given.
- The first change to a service (its cost, stopping it, adding one) makes the plan's next version
  (bot/plans/versions.py) and every change of the review goes to that version, costed by the plan
  service's own rules. A review without changes makes no version. A later review of the same plan,
  while that version still waits for the council, changes that version rather than making another. The reviewed row never changes,
  except that finishing moves its `review_due` on.
- Finishing marks the review for an adviser (`needs_person`) when the person asked, when any
  outcome is rated worse (catalogue RATINGS' `needs_a_person`), or when any life changes are
  recorded (they may be new needs), and sets the next review of the plan in force (the one
  reviewed: a new version is in force only once the council agrees it, and then has its own first
  review) by bot/reviews/due.py's rules.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, List, Optional, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.council import council_rules
from bot.db.models import Plan, Review, ReviewOutcome, ReviewService, Service, utcnow
from bot.db.session import session_scope
from bot.identity import find_person
from bot.money import from_pence
from bot.plans.catalogue import RATINGS
from bot.plans.service import (
    NewService,
    PlanError,
    add_service_to,
    change_cost_in,
    check_text,
    plan_view,
    remove_service_from,
)
from bot.plans.versions import new_version
from bot.plans.views import PlanView, ServiceView
from bot.reviews.due import next_review
from bot.reviews.export import review_to_json
from bot.reviews.views import OutcomeRatingView, ReviewView, ServiceCheckView

__all__ = [
    "NoAgreedPlan",
    "ReviewClosed",
    "ReviewError",
    "ReviewNotFound",
    "add_service",
    "change_service_cost",
    "check_service",
    "finish_review",
    "get_review",
    "latest_review",
    "rate_outcome",
    "rated_worse",
    "review_to_json",
    "reviewable_plan",
    "reviews_of_plan",
    "set_life_changes",
    "set_needs_person",
    "set_would_change",
    "start_review",
    "stop_service",
]

T = TypeVar("T")


class ReviewError(PlanError):
    """Something the review's rules don't allow (the message says why)."""


class NoAgreedPlan(ReviewError):
    """The person has no agreed plan to review."""


class ReviewNotFound(ReviewError):
    pass


class ReviewClosed(ReviewError):
    """The review is finished and can't be changed."""


# --- reading -------------------------------------------------------------------------------


def _newest_agreed(session: Session, person_reference: str) -> Optional[Plan]:
    person = find_person(session, person_reference)
    if person is None:
        return None
    query = select(Plan).where(Plan.person_id == person.id, Plan.status == "agreed")
    return session.execute(query.order_by(Plan.created_at.desc(), Plan.id.desc()).limit(1)).scalar_one_or_none()


def _service(plan: Plan, number: int) -> Optional[Service]:
    return next((service for service in plan.services if service.position == number), None)


def _row(review: Review, number: int) -> Optional[ReviewService]:
    return next((row for row in review.services if row.service_number == number), None)


def _weekly(service: Optional[Service]) -> Optional[Decimal]:
    return from_pence(service.weekly_cost_pence) if service is not None else None


def _service_check(review: Review, number: int) -> ServiceCheckView:
    before = _service(review.plan, number)
    after = _service(review.new_plan or review.plan, number)
    row = _row(review, number) or ReviewService(change="kept")
    described = before or after
    return ServiceCheckView(
        service_id=number,
        description=described.description if described is not None else "",
        happening=row.happening,
        still_right=row.still_right,
        cost_same=row.cost_same,
        change=row.change,
        words=row.words,
        weekly_cost_before=_weekly(before),
        weekly_cost_after=_weekly(after),
    )


def _view(review: Review) -> ReviewView:
    ratings = {row.outcome_number: row for row in review.outcomes}
    numbers = [s.position for s in review.plan.services]
    numbers += sorted(r.service_number for r in review.services if r.change == "added")
    return ReviewView(
        id=review.id,
        person_reference=review.plan.person.reference,
        plan_reference=review.plan.plan_reference,
        new_plan_reference=review.new_plan.plan_reference if review.new_plan else None,
        started_at=review.started_at,
        finished_at=review.finished_at,
        channel=review.channel,
        status=review.status,
        outcome_ratings=tuple(
            OutcomeRatingView(
                outcome.position,
                outcome.text,
                ratings[outcome.position].rating if outcome.position in ratings else None,
                ratings[outcome.position].words if outcome.position in ratings else None,
            )
            for outcome in review.plan.outcomes
        ),
        services=tuple(_service_check(review, number) for number in numbers),
        life_changes=review.life_changes,
        would_change=review.would_change,
        needs_person=review.needs_person,
        next_review_due=review.plan.review_due if review.status == "done" else None,
    )


#: a review with its plans, their people, outcomes and services, read in a few queries
_WHOLE_REVIEW = (
    joinedload(Review.plan).joinedload(Plan.person),
    joinedload(Review.plan).selectinload(Plan.outcomes),
    joinedload(Review.plan).selectinload(Plan.services),
    joinedload(Review.new_plan).selectinload(Plan.services),
    selectinload(Review.outcomes),
    selectinload(Review.services),
)


def _load(session: Session, review_id: int) -> Review:
    review = (
        session.execute(select(Review).where(Review.id == review_id).options(*_WHOLE_REVIEW))
        .unique()
        .scalar_one_or_none()
    )
    if review is None:
        raise ReviewNotFound("there is no review with that id")
    return review


def reviewable_plan(person_reference: str) -> Optional[PlanView]:
    """The person's newest agreed plan, or None (also for an unknown person)."""
    with session_scope() as session:
        plan = _newest_agreed(session, person_reference)
        return plan_view(plan) if plan is not None else None


def get_review(review_id: int) -> ReviewView:
    with session_scope() as session:
        return _view(_load(session, review_id))


def reviews_of_plan(plan_reference: str) -> List[ReviewView]:
    """Every review of any version of the plan (following `replaces` both ways), oldest first."""
    with session_scope() as session:
        plan = session.execute(select(Plan).where(Plan.plan_reference == plan_reference)).scalar_one_or_none()
        if plan is None:
            return []
        while plan.replaces is not None:
            plan = plan.replaces
        versions, newest = [plan.id], [plan.id]
        while newest:
            newest = list(session.execute(select(Plan.id).where(Plan.replaces_plan_id.in_(newest))).scalars())
            versions += newest
        reviews = (
            session.execute(
                select(Review)
                .where(Review.plan_id.in_(versions))
                .options(*_WHOLE_REVIEW)
                .order_by(Review.started_at, Review.id)
            )
            .unique()
            .scalars()
        )
        return [_view(review) for review in reviews]


def latest_review(person_reference: str) -> Optional[ReviewView]:
    """The person's most recently started review, or None."""
    with session_scope() as session:
        person = find_person(session, person_reference)
        if person is None:
            return None
        query = select(Review).join(Review.plan).where(Plan.person_id == person.id)
        review = (
            session.execute(query.options(*_WHOLE_REVIEW).order_by(Review.started_at.desc(), Review.id.desc()).limit(1))
            .unique()
            .scalar_one_or_none()
        )
        return _view(review) if review is not None else None


# --- changing ------------------------------------------------------------------------------


def start_review(person_reference: str, channel: str) -> ReviewView:
    """A new review of the person's newest agreed plan, or its unfinished one (NoAgreedPlan if none)."""
    with session_scope() as session:
        plan = _newest_agreed(session, person_reference)
        if plan is None:
            raise NoAgreedPlan("there is no agreed plan to review")
        review = (
            session.execute(
                select(Review)
                .where(Review.plan_id == plan.id, Review.status == "in_progress")
                .order_by(Review.id.desc())
            )
            .scalars()
            .first()
        )
        if review is None:
            review = Review(plan=plan, channel=channel, status="in_progress", needs_person=False)
            session.add(review)
            session.flush()
        return _view(_load(session, review.id))


def _change(review_id: int, change: Callable[[Session, Review], T]) -> T:
    """Apply `change` to an unfinished review in one unit of work."""
    with session_scope() as session:
        review = _load(session, review_id)
        if review.status != "in_progress":
            raise ReviewClosed("this review is finished and can't be changed")
        return change(session, review)


def _words(text: Optional[str]) -> Optional[str]:
    """The person's words, trimmed and limited like any plan answer; None when there are none."""
    return check_text(text) or None if text is not None else None


def rate_outcome(review_id: int, outcome_id: int, rating: str, words: Optional[str] = None) -> None:
    """How an outcome of the reviewed plan is going (catalogue RATINGS); again replaces it."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {RATINGS.codes}")
    said = _words(words)

    def rate(session: Session, review: Review) -> None:
        if outcome_id not in {outcome.position for outcome in review.plan.outcomes}:
            raise ReviewError(f"the plan has no outcome {outcome_id}")
        row = next((r for r in review.outcomes if r.outcome_number == outcome_id), None)
        if row is None:
            row = ReviewOutcome(outcome_number=outcome_id)
            review.outcomes.append(row)
        row.rating, row.words = rating, said

    _change(review_id, rate)


def _checked(review: Review, service_id: int) -> ReviewService:
    """The review's row for a service of the reviewed plan (or one it added), made if new."""
    row = _row(review, service_id)
    if row is None:
        if _service(review.plan, service_id) is None:
            raise ReviewError(f"the plan has no service {service_id}")
        row = ReviewService(service_number=service_id, change="kept")
        review.services.append(row)
    return row


def check_service(
    review_id: int,
    service_id: int,
    *,
    happening: Optional[bool] = None,
    still_right: Optional[bool] = None,
    cost_same: Optional[bool] = None,
    words: Optional[str] = None,
) -> None:
    """Record answers about a service: is it happening, is it still right, does it cost the same,
    and the person's words. Only the answers given are set."""
    answers = {"happening": happening, "still_right": still_right, "cost_same": cost_same, "words": _words(words)}

    def record(session: Session, review: Review) -> None:
        row = _checked(review, service_id)
        for name, value in answers.items():
            if value is not None:
                setattr(row, name, value)

    _change(review_id, record)


def _waiting_version(session: Session, plan: Plan) -> Optional[Plan]:
    """A version of `plan` an earlier review made that the council has not agreed yet."""
    query = select(Plan).where(Plan.replaces_plan_id == plan.id, Plan.status != "agreed")
    return session.execute(query.order_by(Plan.id.desc()).limit(1)).scalar_one_or_none()


def _version(session: Session, review: Review) -> Plan:
    """The version this review changes: at its first change, the one still waiting for the council
    from an earlier review of the same plan (never a second competing version), or a new one."""
    if review.new_plan is None:
        review.new_plan = _waiting_version(session, review.plan) or new_version(session, review.plan, review.channel)
        session.flush()
    return review.new_plan


def change_service_cost(
    review_id: int,
    service_id: int,
    hours_per_week: Optional[Decimal] = None,
    unit_cost: Optional[Decimal] = None,
    weekly_cost: Optional[Decimal] = None,
) -> ServiceView:
    """New figures for a service, in the review's version (as bot.plans.service.change_service_cost)."""

    def change(session: Session, review: Review) -> ServiceView:
        row = _checked(review, service_id)
        changed = change_cost_in(_version(session, review), service_id, hours_per_week, unit_cost, weekly_cost)
        row.change = "added" if row.change == "added" else "changed"
        return changed

    return _change(review_id, change)


def stop_service(review_id: int, service_id: int) -> None:
    """Take a service out of the review's version (one the review added is simply taken back)."""

    def stop(session: Session, review: Review) -> None:
        row = _checked(review, service_id)
        remove_service_from(_version(session, review), service_id)
        if row.change == "added":
            review.services.remove(row)
        else:
            row.change = "stopped"

    _change(review_id, stop)


def add_service(review_id: int, new: NewService) -> ServiceView:
    """A new service in the review's version (ValueError if it is not valid). Its id follows every
    id of the reviewed plan, so a stopped service's id is never given to another."""
    new.checked()

    def add(session: Session, review: Review) -> ServiceView:
        version = _version(session, review)
        number = max((s.position for s in [*review.plan.services, *version.services]), default=0) + 1
        added = add_service_to(version, new, position=number)
        review.services.append(ReviewService(service_number=added.id, change="added"))
        return added

    return _change(review_id, add)


def set_life_changes(review_id: int, text: Optional[str]) -> None:
    """What has changed in the person's life since the plan was agreed (None or empty: nothing)."""
    said = _words(text)
    _change(review_id, lambda session, review: setattr(review, "life_changes", said))


def set_would_change(review_id: int, text: Optional[str]) -> None:
    """What the person would change about their support."""
    said = _words(text)
    _change(review_id, lambda session, review: setattr(review, "would_change", said))


def set_needs_person(review_id: int, needs_person: bool) -> None:
    """The person wants an adviser to get in touch about the review."""
    _change(review_id, lambda session, review: setattr(review, "needs_person", needs_person))


def rated_worse(review: Review) -> bool:
    """An outcome was rated in a way that needs a person (catalogue RATINGS' `needs_a_person`)."""
    return any(RATINGS[row.rating].needs_a_person for row in review.outcomes)


def finish_review(review_id: int) -> ReviewView:
    """Finish the review (see the module's rules); finishing a finished review changes nothing."""
    with session_scope() as session:
        review = _load(session, review_id)
        if review.status == "in_progress":
            review.needs_person = review.needs_person or rated_worse(review) or bool(review.life_changes)
            review.status, review.finished_at = "done", utcnow()
            review.plan.review_due = next_review(review.plan, review.finished_at.date(), council_rules())[0]
            session.flush()
        return _view(review)
