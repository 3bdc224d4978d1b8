"""What a service costs a week (DESIGN §5), from the figures a person gives. One set of rules,
exact arithmetic, and one rounding at the end (bot.money.round_to_penny: to the penny, half up):

- a cost per period (week, fortnight, 4 weeks, month, year) ÷ the weeks it covers;
- a cost each time × the times a week ("£12.25 every other week" is £12.25 × ½ = £6.13);
- hours a week × an hourly rate; but when the person says what the hours cost a week, that
  weekly figure is kept exactly, and the hourly rate is only worked out from it to show
  ("£100 a week for 3 hours" is £100.00 a week, about £33.33 an hour);
- a one-off cost is spread over a year (÷ 52);
- support used only part of the year ('term time only') is costed for the weeks it is used and
  spread over the year (× weeks a year ÷ 52), still rounded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from bot.money import WEEKS_PER, format_pounds, round_to_penny
from bot.parsing.numbers import to_places
from bot.parsing.seasons import WEEKS_IN_A_YEAR
from bot.plans.catalogue import PERIOD_WORDS
from bot.slot_names import (
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_HOURS,
    SERVICE_RATE,
    SERVICE_VISITS_PER_WEEK,
    SERVICE_WEEKS_A_YEAR,
)

#: hours or times a week, exactly as worked out ('10 hours a month' is 30/13 hours a week)
Count = Union[Decimal, Fraction]

#: the largest figures the conversation accepts for one service
MAX_HOURS = Decimal(168)
MAX_RATE = Decimal(200)
MAX_WEEKLY = Decimal(5000)
#: the most times a week a cost each time can be used
MAX_VISITS = Decimal(50)
#: a one-off cost is spread over this many weeks
ONE_OFF_WEEKS = WEEKS_IN_A_YEAR
#: the periods a cost can be given per, and how many weeks each covers
COST_WEEKS_PER: Dict[str, Fraction] = {**WEEKS_PER, "fortnight": Fraction(2), "one-off": ONE_OFF_WEEKS}


def times_a_week(period: str) -> Fraction:
    """How many times a week a period comes round: 'month' → 12/52."""
    return 1 / COST_WEEKS_PER[period]


def _per_period(amount: Decimal, period: str) -> Fraction:
    return Fraction(amount) / COST_WEEKS_PER[period]


def _each_time(amount: Decimal, times_per_week: Count) -> Fraction:
    return Fraction(amount) * Fraction(times_per_week)


def _by_the_hour(hours_per_week: Count, rate: Decimal) -> Fraction:
    return Fraction(hours_per_week) * Fraction(rate)


def per_period(amount: Decimal, period: str) -> Decimal:
    """A cost per `period` (one of COST_WEEKS_PER) as a weekly cost."""
    return round_to_penny(_per_period(amount, period))


def each_time(amount: Decimal, times_per_week: Count) -> Decimal:
    """A cost each time, used `times_per_week` times a week."""
    return round_to_penny(_each_time(amount, times_per_week))


def by_the_hour(hours_per_week: Count, rate: Decimal) -> Decimal:
    """Hours a week at an hourly rate."""
    return round_to_penny(_by_the_hour(hours_per_week, rate))


def over_the_year(count: Count, weeks_a_year: Optional[Count]) -> Fraction:
    """Hours or times a week in the weeks a support is used, as an average over the whole year
    (`weeks_a_year` None: used all year)."""
    return Fraction(count) * (1 if weeks_a_year is None else Fraction(weeks_a_year) / WEEKS_IN_A_YEAR)


def weeks_words(weeks_a_year: Count) -> str:
    """'39 weeks a year', 'about 21.67 weeks a year' (5 months)."""
    shown = to_places(weeks_a_year).removesuffix(".00")
    return f"{'' if Fraction(shown) == Fraction(weeks_a_year) else 'about '}{shown} weeks a year"


def hourly_rate(weekly: Decimal, hours_per_week: Count) -> Decimal:
    """The hourly rate a weekly figure for those hours comes to (shown, never multiplied back)."""
    return round_to_penny(Fraction(weekly) / Fraction(hours_per_week))


def one_off(amount: Decimal) -> Decimal:
    """A one-off cost, spread over a year."""
    return per_period(amount, "one-off")


@dataclass(frozen=True)
class Costed:
    """A service's weekly cost and, in a sentence for the person, how it was worked out."""

    weekly: Decimal
    working: str


_NAMED_OFTEN = {
    Fraction(1, 4): "every 4 weeks",
    Fraction(1, 2): "every other week",
    Fraction(1): "once a week",
    Fraction(2): "twice a week",
}
#: how near a count must be to a whole number to be said as one (a count typed as '0.46' a week
#: is twice a month)
_NEAR = Fraction(2, 100)


def _whole(value: Fraction) -> Optional[int]:
    nearest = round(value)
    return nearest if nearest >= 1 and abs(value - nearest) <= _NEAR else None


def _counted(count: int, period: str) -> str:
    return {1: f"once {period}", 2: f"twice {period}"}.get(count, f"{count} times {period}")


def hours_words(hours: Count) -> str:
    """Hours a week for the person to read: '6 hours', '1 hour', 'about 2.31 hours' (30/13)."""
    shown = to_places(hours)
    about = "" if Fraction(shown) == Fraction(hours) else "about "
    return f"{about}{shown} hour{'' if Fraction(shown) == 1 else 's'}"


def how_often(times_per_week: Count) -> str:
    """How often, in words for the person, never a raw decimal: 'once a week', 'twice a month'
    (6/13 a week), 'once a year', 'about once every 3 weeks', 'about 2.3 times a week'."""
    times = Fraction(times_per_week)
    if times in _NAMED_OFTEN:
        return _NAMED_OFTEN[times]
    if times >= 1:
        if times.denominator == 1:
            return f"{times.numerator} times a week"
        if (times * 10).denominator == 1:
            return f"{to_places(times, '0.1')} times a week"
        return f"about {to_places(times, '0.1')} times a week"
    per_month = _whole(times * 52 / 12)
    if per_month is not None:
        return _counted(per_month, "a month")
    per_year = _whole(times * 52)
    if per_year is not None and per_year < 12:
        return _counted(per_year, "a year")
    weeks = round(1 / times) if times > 0 else 0
    return f"about once every {weeks} weeks" if weeks > 1 else f"about {to_places(times, '0.1')} times a week"


#: what a cost is per, in words: '£25.00 a month', '£45.00 each time'
PER_WORDS = {
    **PERIOD_WORDS,
    "fortnight": "a fortnight",
    "visit": "each time",
    "hour": "an hour",
    "one-off": "just once",
}


#: the periods whose cost already covers the whole year, so the weeks a year are never asked
WHOLE_YEAR_PERIODS = ("year", "one-off")


def cost_of(
    hours: Optional[Count] = None,
    rate: Optional[Decimal] = None,
    amount: Optional[Decimal] = None,
    period: Optional[str] = None,
    times_per_week: Optional[Count] = None,
    weeks_a_year: Optional[Count] = None,
) -> Optional[Costed]:
    """The weekly cost of what the person said, with its working; None while a figure is missing.
    Hours with a rate, unless the amount is what those hours cost a week (then kept exactly);
    else an amount per period ('visit' needs the times a week; 'one-off' is spread over a year).
    With `weeks_a_year` (support used only part of the year) that cost is spread over the year."""
    found = _all_year(hours, rate, amount, period, times_per_week)
    if found is None:
        return None
    exact, costed = found
    if weeks_a_year is None or Fraction(weeks_a_year) >= WEEKS_IN_A_YEAR or period in WHOLE_YEAR_PERIODS:
        return costed
    weekly = round_to_penny(over_the_year(exact, weeks_a_year))
    return Costed(
        weekly,
        f"{costed.working} It's used {weeks_words(weeks_a_year)}, so over the whole year that's "
        f"{format_pounds(weekly)} a week.",
    )


def _all_year(
    hours: Optional[Count],
    rate: Optional[Decimal],
    amount: Optional[Decimal],
    period: Optional[str],
    times_per_week: Optional[Count],
) -> Optional[Tuple[Fraction, Costed]]:
    """The exact weekly cost in the weeks the support is used, and that cost rounded with its working."""
    if hours is not None and rate is not None:
        if amount is not None and period == "week":
            return Fraction(amount), Costed(
                per_period(amount, "week"),
                f"That's {format_pounds(amount)} a week for {hours_words(hours)}, about {format_pounds(rate)} an hour.",
            )
        exact = _by_the_hour(hours, rate)
        weekly = round_to_penny(exact)
        return exact, Costed(
            weekly, f"{hours_words(hours)} at {format_pounds(rate)} an hour is {format_pounds(weekly)} a week."
        )
    if amount is None or period is None:
        return None
    if period == "visit":
        if times_per_week is None:
            return None
        exact = _each_time(amount, times_per_week)
        weekly = round_to_penny(exact)
        return exact, Costed(
            weekly,
            f"{format_pounds(amount)} each time, {how_often(times_per_week)}, is {format_pounds(weekly)} a week.",
        )
    exact = _per_period(amount, period)
    weekly = round_to_penny(exact)
    if period == "one-off":
        return exact, Costed(
            weekly, f"{format_pounds(amount)} once, spread over a year, is {format_pounds(weekly)} a week."
        )
    if period == "week":
        return exact, Costed(weekly, f"That's {format_pounds(weekly)} a week.")
    return exact, Costed(weekly, f"{format_pounds(amount)} {PER_WORDS[period]} is {format_pounds(weekly)} a week.")


def _said(answers: Mapping[str, Any], name: str) -> Optional[str]:
    value = answers.get(name)
    return None if value is None else str(value)


def cost_of_answers(answers: Mapping[str, Any]) -> Optional[Costed]:
    """cost_of the cost questions' answers as their slots hold them (hours and times a week
    exactly, '30/13' included; money in pounds); hours count only with a rate."""
    hours, rate, amount, visits, weeks = (
        _said(answers, name)
        for name in (SERVICE_HOURS, SERVICE_RATE, SERVICE_COST, SERVICE_VISITS_PER_WEEK, SERVICE_WEEKS_A_YEAR)
    )
    hourly = hours is not None and rate is not None
    return cost_of(
        hours=Fraction(hours) if hourly and hours is not None else None,
        rate=Decimal(rate) if hourly and rate is not None else None,
        amount=Decimal(amount) if amount is not None else None,
        period=answers.get(SERVICE_COST_PERIOD),
        times_per_week=Fraction(visits) if visits is not None else None,
        weeks_a_year=Fraction(weeks) if weeks is not None else None,
    )
