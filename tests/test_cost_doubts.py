"""Costs said with doubt are asked about, never recorded as a guess (issue 14, item 3)."""

from __future__ import annotations

import pytest

from bot.parsing.cost_doubts import SHARED, cost_doubt, numbers_left_over, period_doubt


@pytest.mark.parametrize(
    "text",
    [
        "about £40 a week",
        "roughly 100 a month",
        "£40 a week or maybe a month i cant remember",
        "between 30 and 50 a month",
        "£20-£25 per session",
        "£10 per week not per month",
        "around £15 i think",
        "£30 or £35 a visit",
        "£700 for a weeks respite, one time",
        "it's £50ish a month",
        "not sure, maybe £20",
        "under £50 a week",
        "less than 30 a month",
        "no more than £100 a month",
        "at least £20 a session",
        "over £200 a year",
        "it was 200 a month no sorry 250 a month",
        "30 a week or 35",
        "its 40, was 35 last year",
    ],
)
def test_doubtful_costs(text: str) -> None:
    assert cost_doubt(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "£40 a week",
        "£150 a month",
        "£120 one off",
        "£12.25 every other week",
        "£60 return, every other week",
        "£50 a session, twice a week",
        "twenty quid a week",
        "£1,200 a year",
        "£15.50 an hour",
        "£450 for the chair",
        "it's £30 a time",
        "£300 a year for the gym membership",
        "60 every 4 weeks",
        "30 for 2 hours",
        "100 a year for 12 months",
    ],
)
def test_clear_costs(text: str) -> None:
    assert cost_doubt(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "its £80 a week but the council pays half",
        "£60 a month, my son pays the rest",
        "£40 a week but we split it",
        "£90 a month but the NHS covers part of it",
        "£30 a week and my daughter tops it up",
        "£120 a month, half from my pension",
        "£420 a year, but I pay £210 of that myself",
        "£40 a month but she pays £10 of it",
        "£420 a year then, and I'll sort my half separately",
    ],
)
def test_a_cost_shared_with_another_payer_is_asked_about(text: str) -> None:
    """Which part comes from the budget is not said: asked, never the whole recorded."""
    assert cost_doubt(text) == SHARED


@pytest.mark.parametrize(
    "text",
    ["£20 a week and I pay it by card", "£300 a year, paid over 12 months", "£45 a month for the share of the taxi"],
)
def test_paying_words_alone_are_not_a_shared_cost(text: str) -> None:
    assert cost_doubt(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "not monthly, its weekly",
        "year, not month",
        "a week. no hang on, a month",
        "sometimes weekly sometimes monthly",
        "either a week or a month",
        "it's not a one off, it's every week",
    ],
)
def test_doubtful_periods(text: str) -> None:
    assert period_doubt(text) is not None


@pytest.mark.parametrize(
    "text", ["a week", "monthly", "each time", "a year", "just the once", "every 4 weeks", "per session"]
)
def test_clear_periods(text: str) -> None:
    assert period_doubt(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "forty pounds a game and twelve games a year",  # was £40 a year, unasked (play-through 7)
        "£40 a game, 12 home games a year",
        "£80 a day, 3 days at a time, 4 times a year",
        "£60 per term, three terms a year",
        "£22 a day mon-fri, term time only so 36 wks a yr",
    ],
)
def test_a_count_the_cost_does_not_use_is_asked_about(text: str) -> None:
    assert numbers_left_over(text)


@pytest.mark.parametrize(
    "text",
    ["£3.20 on the 36 bus", "£25 a month for 2 people", "£50 a day, twice a week", "£15 an hour, 3 hours a week"],
)
def test_a_cost_with_no_count_left_over(text: str) -> None:
    assert not numbers_left_over(text)
