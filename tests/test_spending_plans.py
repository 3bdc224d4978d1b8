"""Spending against one agreed plan, from the database: the period starts when the plan was agreed
(at most `compare_weeks` back) and ends at the last payment on file."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Optional

from sqlalchemy import select

from bot.council import CouncilRules, council_rules, rules_from
from bot.db.models import Person, Plan, Spend, SpendImport
from bot.db.session import session_scope
from bot.plans import service
from bot.spending.plans import PlanSpending, plan_spending
from tests.support.plans import make_plan
from tests.support.reviews import spend

TODAY = date(2026, 11, 30)


def agreed_plan(person: str, agreed_on: date) -> str:
    ref = make_plan(person, "conv-spend", submit=True)
    service.mark_agreed(ref, "adviser:test")
    with session_scope() as session:
        plan = session.scalars(select(Plan).where(Plan.plan_reference == ref)).one()
        plan.agreed_at = datetime(agreed_on.year, agreed_on.month, agreed_on.day, 10, tzinfo=timezone.utc)
    return ref


def spending_of(ref: str, rules: Optional[CouncilRules] = None) -> Optional[PlanSpending]:
    with session_scope() as session:
        plan = session.scalars(select(Plan).where(Plan.plan_reference == ref)).one()
        return plan_spending(session, plan, TODAY, rules or council_rules({}))


def test_spending_since_the_plan_was_agreed_up_to_the_last_payment(demo_person: str) -> None:
    ref = agreed_plan(demo_person, date(2026, 11, 2))  # PA £90 a week, swimming £100 a week
    spend(
        demo_person,
        [
            (date(2026, 10, 26), 50000, "personal_assistant"),  # before the plan was agreed
            (date(2026, 11, 2), 6000, "personal_assistant"),
            (date(2026, 11, 9), 6000, "personal_assistant"),
            (date(2026, 11, 15), 20000, "activities"),  # two weeks, both days counted
        ],
    )
    spending = spending_of(ref)
    assert spending is not None and (spending.first, spending.last) == (date(2026, 11, 2), date(2026, 11, 15))
    assert [(row.category, row.planned_weekly, row.spent_weekly) for row in spending.rows] == [
        ("personal_assistant", Decimal("90.00"), Decimal("60.00")),
        ("activities", Decimal("100.00"), Decimal("100.00")),
    ]
    assert spending.sentences() == [
        "About £30 a week less than planned on a personal assistant.",
        "About the same as planned on clubs and activities.",
    ]
    assert [row.category for row in spending.flagged] == ["personal_assistant"]  # £30 and 33%


def test_only_the_last_compare_weeks_are_counted(demo_person: str) -> None:
    ref = agreed_plan(demo_person, date(2026, 1, 5))
    spend(demo_person, [(TODAY - timedelta(weeks=3), 9000, "personal_assistant"), (TODAY, 9000, "personal_assistant")])
    spending = spending_of(ref, rules_from({"spending": {"compare_weeks": 2}}))
    assert spending is not None and spending.first == TODAY - timedelta(weeks=2) + timedelta(days=1)
    assert spending.rows[0].spent_weekly == Decimal("45.00")  # £90 over two weeks


def test_nothing_to_compare_without_payments_or_before_agreement(demo_person: str) -> None:
    ref = agreed_plan(demo_person, date(2026, 11, 2))
    assert spending_of(ref) is None
    draft = make_plan(demo_person, "conv-draft")
    spend(demo_person, [(date(2026, 11, 3), 1000, "transport")])
    assert spending_of(draft) is None
