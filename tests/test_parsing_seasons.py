"""Support used only part of the year (bot/parsing/seasons.py): said, and how many weeks."""

from __future__ import annotations

from fractions import Fraction
from typing import Optional

import pytest

from bot.parsing.seasons import part_of_year, term_time, weeks_a_year


@pytest.mark.parametrize(
    "text",
    [
        "£22 a day mon-fri, term time only",
        "after school club in term-time",
        "only April to September",
        "from may till sept",
        "summer only",
        "only in the school holidays",
        "holiday club, school hols only",
        "not in the holidays",
        "every week except August",
        "36 weeks a year",
        "38 wks per yr",
        "it's seasonal",
        "only during term",
        "about half the year",
    ],
)
def test_part_of_the_year_is_heard(text: str) -> None:
    assert part_of_year(text)


@pytest.mark.parametrize(
    "text",
    ["£15 an hour", "every week", "twice a week, all year", "I may go to the day centre", "3 hours on Mondays", ""],
)
def test_all_year_is_not_part_of_it(text: str) -> None:
    assert not part_of_year(text)


@pytest.mark.parametrize(
    "text, weeks",
    [
        ("39", Fraction(39)),
        ("38 weeks", Fraction(38)),
        ("thirty nine", Fraction(39)),
        ("about 39 weeks", Fraction(39)),
        ("9 months", Fraction(39)),
        ("5 months of the year", Fraction(65, 3)),
        ("half the year", Fraction(26)),
        ("all year round", Fraction(52)),
        ("every week", Fraction(52)),
        ("5 days a week for 39 weeks", Fraction(39)),
        ("39 wks", Fraction(39)),
        ("36 or 39", None),
        ("36 weeks, maybe 40 weeks", None),
        ("every week except August", None),
        ("term time", None),
        ("60", None),
        ("0", None),
        ("no idea", None),
    ],
)
def test_weeks_a_year(text: str, weeks: Optional[Fraction]) -> None:
    assert weeks_a_year(text) == weeks


def test_term_time_is_named() -> None:
    assert term_time("just term time") and term_time("school terms only") and not term_time("summer only")


def test_a_long_answer_is_read_quickly() -> None:
    """No pattern backtracks badly on a long message (the channels allow 1,000 characters)."""
    for text in ("term " * 200, "1" * 1000, "april to " * 100, "not " * 250):
        part_of_year(text)
        weeks_a_year(text)
