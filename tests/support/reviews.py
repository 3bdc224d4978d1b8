"""Agreed plans, their reviews and spending in the test database, made through the plan service and
the review record API (bot/reviews/record.py), then moved to known dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Dict, Optional, Sequence, Tuple

from sqlalchemy import select, update

from bot.budgets.importer import import_budgets
from bot.budgets.source import BudgetFigures
from bot.council import council_rules
from bot.db.models import Person, Plan, Review, Spend, SpendImport
from bot.db.session import session_scope, use_database
from bot.plans import service
from bot.plans.service import NewService
from bot.reviews import record
from bot.reviews.due import next_review
from bot.reviews.views import ReviewView
from tests.support.plans import make_plan
from tests.support.servers import Servers


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.utc)


def agreed_plan(person: str, agreed_on: date, conversation_id: str = "web-review") -> str:
    """`make_plan`'s plan (outcomes 1 swimming, 2 cooking; services 1 a PA £90 a week, 2 a swimming
    club £100 a week; a direct payment), sent and agreed on `agreed_on` (first review 8 weeks on)."""
    reference = make_plan(person, conversation_id, submit=True)
    service.mark_agreed(reference, "adviser:test")
    with session_scope() as session:
        plan = session.scalars(select(Plan).where(Plan.plan_reference == reference)).one()
        plan.agreed_at = at(agreed_on)
        plan.review_due = service.first_review_due(agreed_on)
    return reference


def review(
    person: str,
    ratings: Dict[int, str],
    *,
    finished_on: Optional[date] = None,
    started_on: Optional[date] = None,
    words: Optional[Dict[int, str]] = None,
    life_changes: Optional[str] = None,
    would_change: Optional[str] = None,
    new_pa_hours: Optional[Decimal] = None,
    channel: str = "web",
) -> ReviewView:
    """A review of the person's agreed plan: outcome ratings (outcome id: rating code), the PA
    checked (and its hours changed when `new_pa_hours`), then finished on `finished_on` (left
    unfinished when None). It is moved to start on `started_on` (or `finished_on`)."""
    started = record.start_review(person, channel)
    for outcome, rating in ratings.items():
        record.rate_outcome(started.id, outcome, rating, (words or {}).get(outcome))
    record.check_service(started.id, 1, happening=True, still_right=new_pa_hours is None, cost_same=True)
    if new_pa_hours is not None:
        record.change_service_cost(started.id, 1, hours_per_week=new_pa_hours)
    record.set_life_changes(started.id, life_changes)
    record.set_would_change(started.id, would_change)
    begun = started_on or finished_on
    if begun is not None:
        with session_scope() as session:
            session.execute(update(Review).where(Review.id == started.id).values(started_at=at(begun, 9)))
    if finished_on is None:
        return record.get_review(started.id)
    record.finish_review(started.id)
    with session_scope() as session:
        done = session.get(Review, started.id)
        assert done is not None
        done.finished_at = at(finished_on, 11)
        done.plan.review_due = next_review(done.plan, finished_on, council_rules())[0]
    return record.get_review(started.id)


def spend(person: str, payments: Sequence[Tuple[date, int, str]], name: str = "spend") -> None:
    """Payments (day, pence, category) on file for the person, as `supportplan import-spend` keeps them."""
    with session_scope() as session:
        owner = session.scalars(select(Person).where(Person.reference == person)).one()
        upload = SpendImport(sha256=f"{name}-{person}-{len(payments)}".ljust(64, "0")[:64], rows=len(payments))
        session.add(upload)
        session.flush()
        for day, pence, category in payments:
            session.add(
                Spend(person_id=owner.id, import_id=upload.id, spent_on=day, amount_pence=pence, category=category)
            )


#: what make_plan's plan sets aside a week, in pence
PLANNED = ((9000, "personal_assistant"), (10000, "activities"))


def add_people(folder: Path, references: Sequence[str]) -> None:
    """People with a £250 a week budget (no phone), loaded as `supportplan import-budgets` does."""
    budgets = folder / "review-budgets.csv"
    lines = ["reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period"]
    lines += [f"{person},Robin,Lee,1960-01-{n:02d},LS1 1AA,,250.00,week" for n, person in enumerate(references, 1)]
    budgets.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_budgets(budgets, actor="test")


DEMO_PEOPLE = ("PB-100234", "PB-100235", "PB-100236", "PB-100237")


def review_scenario(today: date, people: Sequence[str] = DEMO_PEOPLE) -> Dict[str, str]:
    """Four people's agreed plans around `today` (plan references by name):
    - overdue: agreed 10 weeks ago, never reviewed (its first review was due 2 weeks ago);
    - due: agreed 7 weeks ago, its review started (not finished), flagged for safeguarding;
    - needs: reviewed 3 days ago: swimming worse (in the person's words), cooking a bit better,
      a life change, the PA's hours up from 6 to 8 (a new version); and £60 a week spent on the PA
      against £90 planned (a difference worth talking about);
    - twice: reviewed twice (no change, then better), nothing else to look at.
    """
    week = timedelta(weeks=1)
    plans = {
        "overdue": agreed_plan(people[0], today - 10 * week, "web-overdue"),
        "due": agreed_plan(people[1], today - 7 * week, "web-due"),
        "needs": agreed_plan(people[2], today - 9 * week, "web-needs"),
        "twice": agreed_plan(people[3], today - 20 * week, "web-twice"),
    }
    service.add_flag(plans["due"], "safeguarding")
    review(people[1], {1: "a_bit_better"}, started_on=today - timedelta(days=1))
    needs = review(
        people[2],
        {1: "worse", 2: "a_bit_better"},
        finished_on=today - timedelta(days=3),
        words={1: "The pool shut"},
        life_changes="I moved house",
        would_change="More hours with my PA",
        new_pa_hours=Decimal("8"),
    )
    assert needs.new_plan_reference is not None
    plans["new_version"] = needs.new_plan_reference
    # a payment at the end of each week since the plan was agreed: 9 weeks of £60
    spend(people[2], [(today - timedelta(days=d), 6000, "personal_assistant") for d in range(57, 0, -7)], "needs")
    review(people[3], {1: "no_change", 2: "no_change"}, finished_on=today - 12 * week)
    review(people[3], {1: "much_better", 2: "a_bit_better"}, finished_on=today - timedelta(days=5))
    # the 12 weeks compared (spending.compare_weeks), as planned: £90 on the PA and £100 on swimming
    weekly = [today - timedelta(days=d) for d in range(77, -1, -7)]
    spend(people[3], [(day, pence, kind) for day in weekly for pence, kind in PLANNED], "twice")
    return plans


def agreed_plan_with_spending(servers: Servers, person: str, conversation: str, folder: Path) -> str:
    """An agreed plan (a PA 6 hours at £15, £90 a week; a swimming club at £100 a week) and a
    week's spending imported: £40 on the PA, £100 on activities."""
    use_database(servers.database_url)
    try:
        reference = make_plan(person, conversation, submit=True)
        service.mark_agreed(reference, "adviser:e2e")
    finally:
        use_database(None)
    spending = folder / "spend.csv"
    today = date.today().isoformat()
    spending.write_text(
        "reference,date,amount,category,description\n"
        f"{person},{today},40.00,personal_assistant,PA wages\n"
        f"{person},{today},100.00,activities,swimming club\n",
        encoding="utf-8",
    )
    loaded = servers.cli("import-spend", str(spending))
    assert loaded.returncode == 0, loaded.stderr
    return reference


def agreed_plan_managed_by(reference: str, management: str, agreed_on: date) -> str:
    """A small whole plan for `reference` (one activity, £10 a week) with the money managed by
    `management`, sent and agreed, as if agreed on `agreed_on`."""
    plan = service.open_plan(reference, "self", "rest", None, BudgetFigures.of(Decimal("250"), "week")).plan_reference
    service.set_important_to_me(plan, "My garden")
    service.add_outcome(plan, "Get out more")
    service.set_outcomes_complete(plan, True)
    service.add_service(plan, NewService("activities", "Swimming", None, None, Decimal("10")))
    service.set_services_complete(plan, True)
    service.set_management(plan, management)
    service.set_contingency(plan, "Ring my son")
    service.submit_plan(plan)
    service.mark_agreed(plan, "adviser@example.org")
    moment = datetime(agreed_on.year, agreed_on.month, agreed_on.day, 12, tzinfo=timezone.utc)
    with session_scope() as session:
        session.execute(
            update(Plan)
            .where(Plan.plan_reference == plan)
            .values(agreed_at=moment, review_due=service.first_review_due(agreed_on))
        )
    return plan
