"""Spending against the plan: for each kind of support, what the plan costs a week beside what was
spent a week over a period, in plain words ("about £30 a week less than planned on the personal
assistant"), and whether the difference is big enough for the adviser to look at (the council
settings' `spending` rules). Never an accusation: spending less is often fine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Dict, Iterable, List, Sequence, Tuple

from bot.council import CouncilRules
from bot.money import format_pounds, round_to_penny
from bot.plans.catalogue import CATEGORIES
from bot.plans.views import ServiceView

#: (date, amount in pounds, category) of one payment
Payment = Tuple[date, Decimal, str]


@dataclass(frozen=True)
class CategorySpending:
    category: str
    planned_weekly: Decimal
    spent_weekly: Decimal
    #: big enough for an adviser to look at, by the council's rules
    flagged: bool

    @property
    def difference_weekly(self) -> Decimal:
        """Spent minus planned, a week (below 0: less was spent than planned)."""
        return self.spent_weekly - self.planned_weekly

    def sentence(self) -> str:
        """'About £30 a week less than planned on the personal assistant.' (whole pounds)."""
        label = CATEGORIES[self.category].label
        difference = abs(self.difference_weekly).quantize(Decimal(1), ROUND_HALF_UP)
        if difference == 0:
            return f"About the same as planned on {label}."
        more_or_less = "more" if self.difference_weekly > 0 else "less"
        return f"About {format_pounds(difference).removesuffix('.00')} a week {more_or_less} than planned on {label}."


def weeks_between(first: date, last: date) -> Fraction:
    """The weeks from `first` to `last`, both days counted (at least one week), exactly."""
    return max(Fraction((last - first).days + 1, 7), Fraction(1))


def _flagged(planned: Decimal, spent: Decimal, rules: CouncilRules) -> bool:
    difference = abs(spent - planned)
    share = difference * 100 / planned if planned else Decimal(100)
    return difference >= rules.flag_difference_weekly and share >= rules.flag_difference_percent


def compare(
    services: Sequence[ServiceView], payments: Iterable[Payment], first: date, last: date, rules: CouncilRules
) -> List[CategorySpending]:
    """Each kind of support the plan has or money was spent on, in the catalogue's order, with the
    payments from `first` to `last` spread over those weeks."""
    planned: Dict[str, Decimal] = {}
    for service in services:
        planned[service.category] = planned.get(service.category, Decimal(0)) + service.weekly_cost
    spent: Dict[str, Decimal] = {}
    for day, amount, category in payments:
        if first <= day <= last:
            spent[category] = spent.get(category, Decimal(0)) + amount
    weeks = weeks_between(first, last)
    rows = []
    for category in CATEGORIES.codes:
        if category not in planned and category not in spent:
            continue
        plan_weekly = planned.get(category, Decimal(0))
        spent_weekly = round_to_penny(Fraction(spent.get(category, Decimal(0))) / weeks)
        rows.append(CategorySpending(category, plan_weekly, spent_weekly, _flagged(plan_weekly, spent_weekly, rules)))
    return rows
