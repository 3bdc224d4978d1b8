"""Costs said with doubt are asked about, never recorded as a guess (issue 14, item 3)."""

from __future__ import annotations

import pytest

from bot.parsing.cost_doubts import cost_doubt, period_doubt


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
    ],
)
def test_clear_costs(text: str) -> None:
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
