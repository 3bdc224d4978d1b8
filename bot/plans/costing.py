"""What a service costs a week (DESIGN §5), from the figures a person gives. One set of rules,
exact arithmetic, and one rounding at the end (bot.money.round_to_penny: to the penny, half up):

- a cost per period (week, fortnight, 4 weeks, month, year) ÷ the weeks it covers;
- a cost each time × the times a week ("£12.25 every other week" is £12.25 × ½ = £6.13);
- hours a week × an hourly rate; but when the person says what the hours cost a week, that
  weekly figure is kept exactly, and the hourly rate is only worked out from it to show
  ("£100 a week for 3 hours" is £100.00 a week, about £33.33 an hour);
- a one-off cost is spread over a year (÷ 52).
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Dict

from bot.money import WEEKS_PER, round_to_penny

#: the periods a cost can be given per, and how many weeks each covers
COST_WEEKS_PER: Dict[str, Fraction] = {**WEEKS_PER, "fortnight": Fraction(2)}
#: a one-off cost is spread over this many weeks
ONE_OFF_WEEKS = Fraction(52)


def times_a_week(period: str) -> Fraction:
    """How many times a week a period comes round: 'month' → 12/52."""
    return 1 / COST_WEEKS_PER[period]


def per_period(amount: Decimal, period: str) -> Decimal:
    """A cost per `period` (one of COST_WEEKS_PER) as a weekly cost."""
    return round_to_penny(Fraction(amount) / COST_WEEKS_PER[period])


def each_time(amount: Decimal, times_per_week: Decimal) -> Decimal:
    """A cost each time, used `times_per_week` times a week."""
    return round_to_penny(Fraction(amount) * Fraction(times_per_week))


def by_the_hour(hours_per_week: Decimal, rate: Decimal) -> Decimal:
    """Hours a week at an hourly rate."""
    return round_to_penny(Fraction(hours_per_week) * Fraction(rate))


def hourly_rate(weekly: Decimal, hours_per_week: Decimal) -> Decimal:
    """The hourly rate a weekly figure for those hours comes to (shown, never multiplied back)."""
    return round_to_penny(Fraction(weekly) / Fraction(hours_per_week))


def one_off(amount: Decimal) -> Decimal:
    """A one-off cost, spread over a year."""
    return round_to_penny(Fraction(amount) / ONE_OFF_WEEKS)
