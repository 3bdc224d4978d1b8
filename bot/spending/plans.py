"""What was spent against one agreed plan, read from the database for a review and for the adviser.

The period runs from the day the plan was agreed (or `compare_weeks` before `today`, if later) to
the last payment on file in it, so a spending file that stops short of today does not read as money
not spent. With no payment in the period there is nothing to compare: `plan_spending` gives None."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.council import CouncilRules
from bot.db.models import Plan, Spend
from bot.money import from_pence
from bot.plans.service import plan_view
from bot.spending.compare import CategorySpending, Payment, compare


@dataclass(frozen=True)
class PlanSpending:
    """Spending against the plan from `first` to `last`, a kind of support at a time."""

    first: date
    last: date
    rows: List[CategorySpending]

    @property
    def flagged(self) -> List[CategorySpending]:
        """The kinds of support whose difference an adviser should look at."""
        return [row for row in self.rows if row.flagged]

    def sentences(self) -> List[str]:
        """One plain sentence a kind of support, in the catalogue's order."""
        return [row.sentence() for row in self.rows]


def spending_between(
    session: Session, plan: Plan, first: date, last: date, rules: CouncilRules
) -> Optional[PlanSpending]:
    """Spending on file from `first` to `last` against `plan`, up to the last payment in those days;
    None when there is none."""
    spends = session.scalars(
        select(Spend).where(Spend.person_id == plan.person_id, Spend.spent_on >= first, Spend.spent_on <= last)
    ).all()
    if not spends:
        return None
    payments: List[Payment] = [(spend.spent_on, from_pence(spend.amount_pence), spend.category) for spend in spends]
    paid_up_to = max(spend.spent_on for spend in spends)
    return PlanSpending(first, paid_up_to, compare(plan_view(plan).services, payments, first, paid_up_to, rules))


def plan_spending(session: Session, plan: Plan, today: date, rules: CouncilRules) -> Optional[PlanSpending]:
    """Spending against `plan` up to `today`; None when the plan is not agreed or nothing was spent."""
    if plan.agreed_at is None:
        return None
    first = max(plan.agreed_at.date(), today - timedelta(weeks=rules.compare_weeks) + timedelta(days=1))
    return spending_between(session, plan, first, today, rules)
