"""The answers report's judging (bot/answers/report.py) and the held-out set's shape. The report's
figures themselves are in the README; the wrong-money target is issue 14's, not yet met on the
freshest set, so no test asserts it yet."""

from __future__ import annotations

from collections import Counter

from bot.answers.report import ASKED_AGAIN, CONFIRMED, RIGHT, WRONG, expected_cost, judge, rows


def test_the_held_out_set_has_at_least_40_answers_per_question() -> None:
    per_question = Counter(row["question"] for row in rows())
    assert len(per_question) == 9 and min(per_question.values()) >= 40, per_question


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
