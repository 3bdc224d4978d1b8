"""parse_frequency: how often, as times per week (6 decimal places)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from bot.parsing import parse_frequency
from bot.parsing.frequency import frequency_beside_cost

D = Decimal
MONTHLY = "12/52"


@pytest.mark.parametrize(
    "text, times",
    [
        # the forms in the brief
        ("once a week", "1"),
        ("a day a week", "1"),
        ("an evening a fortnight", "0.5"),
        ("twice a week", "2"),
        ("three times a week", "3"),
        ("every day", "7"),
        ("daily", "7"),
        ("weekdays", "5"),
        ("every other Tuesday", "0.5"),
        ("fortnightly", "0.5"),
        ("monthly", MONTHLY),
        ("once a month", MONTHLY),
        ("every morning and evening", "14"),
        ("2 days a week", "2"),
        # counts
        ("3 times a day", "21"),
        ("twice daily", "14"),
        ("4 times a year", "1/13"),
        ("once a fortnight", "0.5"),
        ("once every 2 months", "6/52"),
        ("three days a fortnight", "1.5"),
        ("3 mornings a week", "3"),
        ("7 days a week", "7"),
        ("twice", "2"),
        ("once", "1"),
        ("5 times", "5"),
        ("weekly", "1"),
        # rhythms
        ("every other day", "3.5"),
        ("every 2 weeks", "0.5"),
        ("every 3 days", "7/3"),
        ("every second week", "0.5"),
        ("every night", "7"),
        ("nightly", "7"),
        ("everyday", "7"),
        ("24/7", "7"),
        ("every weekday", "5"),
        ("weekends", "2"),
        ("every other weekend", "0.5"),
        ("alternate weekends", "0.5"),
        ("the first Monday of the month", MONTHLY),
        # named days and times of day
        ("tuesdays and thursdays", "2"),
        ("mon-fri", "5"),
        ("Monday to Friday", "5"),
        ("on Tuesdays", "1"),
        ("every Wednesday", "1"),
        ("every tues and thurs", "2"),
        ("mon, wed and fri", "3"),
        ("Saturday and Sunday", "2"),
        ("in the mornings", "7"),
        ("morning, lunch and tea", "21"),
        ("breakfast, lunch and dinner", "21"),
        ("morning and night", "14"),
        # SMS style and typos
        ("2x a wk", "2"),
        ("x2 a week", "2"),
        ("2x/wk", "2"),
        ("2 x weekly", "2"),
        ("twice a wk", "2"),
        ("twic a week", "2"),
        ("wensdays", "1"),
        ("evry day", "7"),
        ("3 times a wk", "3"),
        ("every thurs", "1"),
        # inside sentences
        ("I go every other week", "0.5"),
        ("she comes in 3 days per week", "3"),
        ("£50 a day, twice a week", "2"),
        ("the carer comes every morning and evening", "14"),
        ("about twice a month I think", "24/52"),
        # every so many weeks or months, said the British way
        ("2 weekly", "0.5"),
        ("two-weekly", "0.5"),
        ("3 monthly", "1/13"),
        ("6 monthly", "1/26"),
        ("quarterly", "1/13"),
        ("£90 a quarter", "1/13"),
        ("half yearly", "1/26"),
        ("every 28 days", "0.25"),
        ("a quarter of an hour every day", "7"),
    ],
)
def test_frequency(text: str, times: str) -> None:
    assert parse_frequency(text) == Fraction(times)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "lots",
        "",
        "Tuesday",
        "next Tuesday",
        "Tuesday or Thursday",
        "£50 a day",
        "£15 an hour",
        "6 hours",
        "in the morning",
        "I don't know yet",
    ],
)
def test_no_frequency(text: str) -> None:
    assert parse_frequency(text) is None


def test_monthly_is_exact() -> None:
    assert parse_frequency("monthly") == Fraction(12, 52)


@pytest.mark.parametrize(
    "text, times",
    [
        ("per day it's £55", None),
        ("£55 a day", None),
        ("£40 a session", None),
        ("each visit costs £20", None),
        ("£55 a day, 3 days a week", Decimal(3)),
        ("£50 a session twice a week", Decimal(2)),
        ("£30 a day on mondays and fridays", Decimal(2)),
    ],
)
def test_what_a_cost_is_per_is_not_how_often(text: str, times) -> None:
    assert frequency_beside_cost(text) == times


@pytest.mark.parametrize("text, per_week", [("mon wed fri", 3), ("tues, thurs", 2), ("sat sun", 2)])
def test_days_named_one_by_one_are_the_days_a_week(text: str, per_week: int) -> None:
    assert parse_frequency(text) == per_week
