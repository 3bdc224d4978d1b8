"""Review records (bot/reviews/record.py) and plan versions (bot/plans/versions.py), on SQLite and
PostgreSQL: a review without changes makes no version, the first change makes exactly one, the old
version stays as it was, and finishing sets the next review."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Callable

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from dateutil.relativedelta import relativedelta
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from bot.db.migrate import alembic_config, upgrade
from bot.db.models import Base, Plan, Review, ReviewOutcome, ReviewService
from bot.db.session import get_engine, session_scope
from bot.plans import costing, service
from bot.plans.service import MAX_TEXT, NewService, PlanLimitError
from bot.plans.versions import plan_version
from bot.reviews import record
from bot.reviews.due import DIRECT_PAYMENT_CHECK, reviews_due
from bot.reviews.record import NoAgreedPlan, ReviewClosed, ReviewError
from tests.support.databases import BACKENDS, postgres_database, sqlite_database
from tests.support.plans import agreed, make_plan  # noqa: F401  (agreed: a fixture)

D = Decimal
CHANNEL = "web"


def rows(table: type) -> int:
    with session_scope() as session:
        return session.execute(select(func.count()).select_from(table)).scalar_one()


# --- which plan, starting and resuming -----------------------------------------------------


def test_only_an_agreed_plan_can_be_reviewed(demo_person: str) -> None:
    assert record.reviewable_plan(demo_person) is None
    assert record.reviewable_plan("ZZ-404") is None
    ref = make_plan(demo_person, "c1", submit=True)
    assert record.reviewable_plan(demo_person) is None
    with pytest.raises(NoAgreedPlan):
        record.start_review(demo_person, CHANNEL)
    service.mark_agreed(ref, "adviser:test")
    plan = record.reviewable_plan("pb 100234")
    assert plan is not None and (plan.plan_reference, plan.version, plan.replaces) == (ref, 1, None)


def test_starting_again_resumes_the_unfinished_review(agreed: str, demo_person: str) -> None:
    first = record.start_review(demo_person, CHANNEL)
    assert (first.plan_reference, first.status, first.channel, first.new_plan_reference) == (
        agreed,
        "in_progress",
        CHANNEL,
        None,
    )
    assert [o.outcome_id for o in first.outcome_ratings] == [1, 2]
    assert [s.service_id for s in first.services] == [1, 2]
    assert record.start_review(demo_person, "sms").id == first.id
    record.finish_review(first.id)
    assert record.start_review(demo_person, CHANNEL).id != first.id


# --- answers -------------------------------------------------------------------------------


def test_rating_again_replaces_the_rating(agreed: str, demo_person: str) -> None:
    review = record.start_review(demo_person, CHANNEL)
    record.rate_outcome(review.id, 1, "worse", "The pool shut")
    record.rate_outcome(review.id, 1, "much_better")
    record.rate_outcome(review.id, 2, "no_change", "  ")
    ratings = record.get_review(review.id).outcome_ratings
    assert [(o.outcome_id, o.text, o.rating, o.words) for o in ratings] == [
        (1, "Go swimming every week", "much_better", None),
        (2, "Cook my own meals", "no_change", None),
    ]
    assert rows(ReviewOutcome) == 2


def test_a_bad_rating_is_refused_by_the_service_and_the_database(agreed: str, demo_person: str) -> None:
    review = record.start_review(demo_person, CHANNEL)
    with pytest.raises(ValueError):
        record.rate_outcome(review.id, 1, "fine")
    with pytest.raises(ReviewError):
        record.rate_outcome(review.id, 9, "worse")
    with pytest.raises(IntegrityError):
        with session_scope() as session:
            session.add(ReviewOutcome(review_id=review.id, outcome_number=1, rating="fine"))
    assert rows(ReviewOutcome) == 0


def test_texts_are_limited_like_plan_answers(agreed: str, demo_person: str) -> None:
    review = record.start_review(demo_person, CHANNEL)
    too_long = "x" * (MAX_TEXT + 1)
    for change in (
        lambda: record.set_life_changes(review.id, too_long),
        lambda: record.set_would_change(review.id, too_long),
        lambda: record.rate_outcome(review.id, 1, "worse", too_long),
        lambda: record.check_service(review.id, 1, words=too_long),
    ):
        with pytest.raises(PlanLimitError):
            change()
    record.set_life_changes(review.id, "  I moved house  ")
    assert record.get_review(review.id).life_changes == "I moved house"


def test_checking_a_service_sets_only_what_is_given(agreed: str, demo_person: str) -> None:
    review = record.start_review(demo_person, CHANNEL)
    record.check_service(review.id, 1, happening=True)
    record.check_service(review.id, 1, still_right=False, words="Too early in the day")
    record.check_service(review.id, 1, cost_same=True)
    pa = record.get_review(review.id).services[0]
    assert (pa.happening, pa.still_right, pa.cost_same, pa.words, pa.change) == (
        True,
        False,
        True,
        "Too early in the day",
        "kept",
    )
    with pytest.raises(ReviewError):
        record.check_service(review.id, 7, happening=True)


# --- versions ------------------------------------------------------------------------------


def test_a_review_without_changes_makes_no_version(agreed: str, demo_person: str) -> None:
    review = record.start_review(demo_person, CHANNEL)
    record.rate_outcome(review.id, 1, "a_bit_better")
    record.check_service(review.id, 2, happening=True, still_right=True, cost_same=True)
    record.set_would_change(review.id, "Nothing")
    done = record.finish_review(review.id)
    assert done.new_plan_reference is None and done.status == "done"
    assert rows(Plan) == 1
    latest = service.latest_plan(demo_person)
    assert latest is not None and (latest.plan_reference, latest.version) == (agreed, 1)


def test_a_cost_change_makes_one_version_costed_like_planning(agreed: str, demo_person: str) -> None:
    before = service.get_plan(agreed)
    review = record.start_review(demo_person, CHANNEL)
    record.change_service_cost(review.id, 1, hours_per_week=D("8"))
    changed = record.change_service_cost(review.id, 1, unit_cost=D("16.50"))
    new_ref = record.get_review(review.id).new_plan_reference

    assert new_ref is not None and rows(Plan) == 2
    assert service.get_plan(agreed) == before  # the old version is untouched
    new = service.get_plan(new_ref)
    assert (new.status, new.version, new.replaces, new.submitted_at is not None) == ("submitted", 2, agreed, True)
    assert changed.weekly_cost == costing.by_the_hour(D("8"), D("16.50")) == D("132.00")
    # planning's own rule: the same change to a draft gives the same figure
    draft = service.open_plan("PB-100235", "self", "web", None, before.budget).plan_reference
    service.add_service(draft, NewService("personal_assistant", "A PA", D("6"), D("15"), None))
    assert service.change_service_cost(draft, 1, hours_per_week=D("8"), unit_cost=D("16.50")).weekly_cost == (
        changed.weekly_cost
    )
    # everything else is copied: answers, outcomes, links, money
    assert (new.important_to_me, new.outcomes, new.management, new.contingency, new.budget) == (
        before.important_to_me,
        before.outcomes,
        before.management,
        before.contingency,
        before.budget,
    )
    assert [s.outcome_ids for s in new.services] == [s.outcome_ids for s in before.services]
    assert new.total_weekly_cost == D("232.00")
    pa = record.get_review(review.id).services[0]
    assert (pa.change, pa.weekly_cost_before, pa.weekly_cost_after) == ("changed", D("90.00"), D("132.00"))

    assert plan_version(demo_person, 1) == before
    assert plan_version(demo_person, 2) == new
    assert plan_version(demo_person, 3) is None
    latest = service.latest_plan(demo_person)
    assert latest is not None and latest.plan_reference == new_ref


def test_a_rate_change_at_the_review_works_from_the_exact_hours(agreed: str, demo_person: str) -> None:
    """A PA for 10 hours a month (30/13 a week, shown 2.31) given a new rate at the review is costed
    from the exact hours, as in planning: £16 an hour is £36.92 a week."""
    review = record.start_review(demo_person, CHANNEL)
    record.change_service_cost(review.id, 1, hours_per_week=Fraction(30, 13))
    changed = record.change_service_cost(review.id, 1, unit_cost=D("16"))
    assert (changed.hours_per_week, changed.weekly_cost) == (D("2.31"), D("36.92"))


def test_stopping_and_adding_go_to_the_same_version(agreed: str, demo_person: str) -> None:
    review = record.start_review(demo_person, CHANNEL)
    record.stop_service(review.id, 2)
    added = record.add_service(review.id, NewService("transport", "Taxi to the pool", None, None, D("20"), (1,)))
    record.add_service(review.id, NewService("equipment", "Grab rail", None, None, D("5")))
    record.stop_service(review.id, 4)  # taken back: it was only added in this review
    assert added.id == 3  # never the stopped service's id
    with pytest.raises(ValueError):
        record.add_service(review.id, NewService("nonsense", "X", None, None, D("1")))
    view = record.get_review(review.id)
    assert [(s.service_id, s.change, s.weekly_cost_before, s.weekly_cost_after) for s in view.services] == [
        (1, "kept", D("90.00"), D("90.00")),
        (2, "stopped", D("100.00"), None),
        (3, "added", None, D("20.00")),
    ]
    assert view.new_plan_reference is not None and rows(Plan) == 2
    new = service.get_plan(view.new_plan_reference)
    assert [(s.id, s.description) for s in new.services] == [(1, "A PA to help me cook"), (3, "Taxi to the pool")]
    assert len(service.get_plan(agreed).services) == 2


# --- finishing -----------------------------------------------------------------------------


def test_finishing_sets_the_next_review_and_asks_for_a_person(agreed: str, demo_person: str) -> None:
    today = date.today()
    first_due = today + timedelta(weeks=8)
    assert [r.plan_reference for r in reviews_due(first_due)] == [agreed]
    review = record.start_review(demo_person, CHANNEL)
    record.rate_outcome(review.id, 1, "worse")
    done = record.finish_review(review.id)

    assert done.status == "done" and done.finished_at is not None and done.needs_person
    check = today + relativedelta(months=6)  # a direct payment: the check within 6 months comes next
    assert done.next_review_due == check == service.get_plan(agreed).review_due
    assert reviews_due(first_due) == []
    [due] = reviews_due(check)
    assert (due.plan_reference, due.kind, due.due) == (agreed, DIRECT_PAYMENT_CHECK, check)
    with pytest.raises(ReviewClosed):
        record.rate_outcome(review.id, 1, "much_better")
    assert record.finish_review(review.id) == done


@pytest.mark.parametrize("life_changes, needs_person", [(None, False), ("My wife has died", True)])
def test_life_changes_count_as_new_needs(agreed: str, demo_person: str, life_changes: str, needs_person: bool) -> None:
    review = record.start_review(demo_person, CHANNEL)
    record.rate_outcome(review.id, 1, "much_better")
    record.set_life_changes(review.id, life_changes)
    assert record.finish_review(review.id).needs_person is needs_person


def test_reviews_of_a_plan_span_its_versions(agreed: str, demo_person: str) -> None:
    first = record.start_review(demo_person, CHANNEL)
    record.change_service_cost(first.id, 2, weekly_cost=D("80"))
    new_ref = record.finish_review(first.id).new_plan_reference
    assert new_ref is not None
    assert [r.plan_reference for r in reviews_due(date.today() + relativedelta(months=7))] == [agreed]
    service.mark_agreed(new_ref, "adviser:test")
    assert [r.plan_reference for r in reviews_due(date.today() + relativedelta(months=7))] == [new_ref]
    second = record.start_review(demo_person, CHANNEL)
    assert second.plan_reference == new_ref
    assert [r.id for r in record.reviews_of_plan(agreed)] == [first.id, second.id]
    assert [r.id for r in record.reviews_of_plan(new_ref)] == [first.id, second.id]
    assert record.reviews_of_plan("SP-NOTHING") == []


def test_a_second_review_carries_on_the_version_still_waiting_for_the_council(agreed: str, demo_person: str) -> None:
    first = record.start_review(demo_person, CHANNEL)
    record.change_service_cost(first.id, 2, weekly_cost=D("80"))
    waiting = record.finish_review(first.id).new_plan_reference
    second = record.start_review(demo_person, CHANNEL)
    assert second.plan_reference == agreed  # the version waiting is not in force yet
    record.change_service_cost(second.id, 1, weekly_cost=D("70"))
    assert record.get_review(second.id).new_plan_reference == waiting and rows(Plan) == 2
    new = service.get_plan(waiting or "")
    assert [s.weekly_cost for s in new.services] == [D("70.00"), D("80.00")] and new.version == 2


def test_forget_erases_the_reviews(agreed: str, demo_person: str) -> None:
    from bot.privacy.erasure import forget

    review = record.start_review(demo_person, CHANNEL)
    record.rate_outcome(review.id, 1, "worse", "I feel alone")
    record.check_service(review.id, 1, happening=False)
    record.change_service_cost(review.id, 2, weekly_cost=D("80"))
    erased = forget(demo_person)
    assert erased is not None and erased.plans == 2 and erased.reviews == 1
    assert (rows(Review), rows(ReviewOutcome), rows(ReviewService), rows(Plan)) == (0, 0, 0, 0)


# --- the migration -------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_reviews_migration_goes_up_and_down(backend: str, tmp_path: Path) -> None:
    fresh = sqlite_database(tmp_path) if backend == "sqlite" else postgres_database()
    with fresh as url:
        upgrade(url)
        engine = get_engine(url)
        try:
            assert {"reviews", "review_outcomes", "review_services"} <= set(inspect(engine).get_table_names())
            command.downgrade(alembic_config(url), "0009_spending")
            inspector = inspect(engine)
            assert not {"reviews", "review_outcomes", "review_services"} & set(inspector.get_table_names())
            assert {"version", "replaces_plan_id"}.isdisjoint(c["name"] for c in inspector.get_columns("plans"))
            assert {"spending", "advisers", "web_sessions"} <= set(inspector.get_table_names())
            upgrade(url)
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []
        finally:
            engine.dispose()
            get_engine.cache_clear()
