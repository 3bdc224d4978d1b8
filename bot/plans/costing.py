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

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Dict, Optional

from bot.money import WEEKS_PER, format_pounds, round_to_penny
from bot.plans.catalogue import PERIOD_WORDS

#: the largest figures the conversation accepts for one service
MAX_HOURS = Decimal(168)
MAX_RATE = Decimal(200)
MAX_WEEKLY = Decimal(5000)
#: the most times a week a cost each time can be used
MAX_VISITS = Decimal(50)
#: a one-off cost is spread over this many weeks
ONE_OFF_WEEKS = Fraction(52)
#: the periods a cost can be given per, and how many weeks each covers
COST_WEEKS_PER: Dict[str, Fraction] = {**WEEKS_PER, "fortnight": Fraction(2), "one-off": ONE_OFF_WEEKS}


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


@dataclass(frozen=True)
class Costed:
    """A service's weekly cost and, in a sentence for the person, how it was worked out."""

    weekly: Decimal
    working: str


_NAMED_OFTEN = {
    Decimal("0.25"): "every 4 weeks",
    Decimal("0.5"): "every other week",
    Decimal(1): "once a week",
    Decimal(2): "twice a week",
}
#: how near a count must be to a whole number to be said as one ('0.461538' a week is twice a month)
_NEAR = Decimal("0.02")


def _whole(value: Decimal) -> Optional[int]:
    nearest = value.to_integral_value()
    return int(nearest) if nearest >= 1 and abs(value - nearest) <= _NEAR else None


def _counted(count: int, period: str) -> str:
    return {1: f"once {period}", 2: f"twice {period}"}.get(count, f"{count} times {period}")


def how_often(times_per_week: Decimal) -> str:
    """How often, in words for the person, never a raw decimal: 'once a week', 'twice a month'
    (0.461538 a week), 'once a year', 'about once every 3 weeks', 'about 2.3 times a week'."""
    times = times_per_week.normalize()
    if times in _NAMED_OFTEN:
        return _NAMED_OFTEN[times]
    if times >= 1:
        if times == times.to_integral_value():
            return f"{int(times)} times a week"
        if times * 10 == (times * 10).to_integral_value():
            return f"{times:f} times a week"
        return f"about {times.quantize(Decimal('0.1'))} times a week"
    per_month = _whole(times * 52 / 12)
    if per_month is not None:
        return _counted(per_month, "a month")
    per_year = _whole(times * 52)
    if per_year is not None and per_year < 12:
        return _counted(per_year, "a year")
    weeks = (1 / times).to_integral_value() if times > 0 else Decimal(0)
    return f"about once every {weeks} weeks" if weeks > 1 else f"about {times.quantize(Decimal('0.1'))} times a week"


#: what a cost is per, in words: '£25.00 a month', '£45.00 each time'
PER_WORDS = {
    **PERIOD_WORDS,
    "fortnight": "a fortnight",
    "visit": "each time",
    "hour": "an hour",
    "one-off": "just once",
}


def cost_of(
    hours: Optional[Decimal] = None,
    rate: Optional[Decimal] = None,
    amount: Optional[Decimal] = None,
    period: Optional[str] = None,
    times_per_week: Optional[Decimal] = None,
) -> Optional[Costed]:
    """The weekly cost of what the person said, with its working; None while a figure is missing.
    Hours with a rate, unless the amount is what those hours cost a week (then kept exactly);
    else an amount per period ('visit' needs the times a week; 'one-off' is spread over a year)."""
    if hours is not None and rate is not None:
        if amount is not None and period == "week":
            return Costed(
                per_period(amount, "week"),
                f"That's {format_pounds(amount)} a week for {hours.normalize():f} hours, about {format_pounds(rate)} an hour.",
            )
        weekly = by_the_hour(hours, rate)
        return Costed(
            weekly, f"{hours.normalize():f} hours at {format_pounds(rate)} an hour is {format_pounds(weekly)} a week."
        )
    if amount is None or period is None:
        return None
    if period == "visit":
        if times_per_week is None:
            return None
        weekly = each_time(amount, times_per_week)
        return Costed(
            weekly,
            f"{format_pounds(amount)} each time, {how_often(times_per_week)}, is {format_pounds(weekly)} a week.",
        )
    if period == "one-off":
        weekly = one_off(amount)
        return Costed(weekly, f"{format_pounds(amount)} once, spread over a year, is {format_pounds(weekly)} a week.")
    weekly = per_period(amount, period)
    if period == "week":
        return Costed(weekly, f"That's {format_pounds(weekly)} a week.")
    return Costed(weekly, f"{format_pounds(amount)} {PER_WORDS[period]} is {format_pounds(weekly)} a week.")
