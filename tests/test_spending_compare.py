"""Spending against the plan, a kind of support at a time, in plain words, with the council's
rule for a difference an adviser should look at."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.council import council_rules, rules_from
from bot.plans.views import ServiceView
from bot.spending.compare import compare, weeks_between

D = Decimal
FIRST, LAST = date(2026, 10, 5), date(2026, 11, 1)  # four weeks


def service(category: str, weekly: str) -> ServiceView:
    return ServiceView(1, category, "x", (), None, None, D(weekly))


def test_four_weeks_of_spending_against_the_plan() -> None:
    services = [
        service("personal_assistant", "150.00"),
        service("personal_assistant", "30.00"),
        service("transport", "20.00"),
    ]
    payments = [
        (date(2026, 10, 5), D("300.00"), "personal_assistant"),
        (date(2026, 10, 19), D("300.00"), "personal_assistant"),
        (date(2026, 11, 2), D("999.00"), "personal_assistant"),  # after the period
        (date(2026, 10, 10), D("80.00"), "transport"),
        (date(2026, 10, 12), D("-4.00"), "transport"),  # a refund
        (date(2026, 10, 20), D("25.50"), "equipment"),
    ]
    rows = compare(services, payments, FIRST, LAST, council_rules({}))
    assert [(r.category, r.planned_weekly, r.spent_weekly, r.flagged) for r in rows] == [
        ("personal_assistant", D("180.00"), D("150.00"), False),  # £30 is under 20% of £180
        ("equipment", D("0"), D("6.38"), False),
        ("transport", D("20.00"), D("19.00"), False),
    ]
    assert rows[0].sentence() == "About £30 a week less than planned on a personal assistant."
    assert rows[2].sentence() == "About £1 a week less than planned on transport."


def test_a_difference_needs_both_the_amount_and_the_share_to_be_flagged() -> None:
    strict = rules_from({"spending": {"flag_difference_weekly": "10", "flag_difference_percent": 50}})
    rows = compare([service("activities", "30.00")], [(FIRST, D("180.00"), "activities")], FIRST, LAST, strict)
    assert rows[0].spent_weekly == D("45.00") and rows[0].flagged  # £15 more, 50% more
    rows = compare([service("activities", "30.00")], [(FIRST, D("160.00"), "activities")], FIRST, LAST, strict)
    assert not rows[0].flagged  # £10 more but 33% more
    assert rows[0].sentence() == "About £10 a week more than planned on clubs and activities."


def test_weeks_are_counted_exactly_with_at_least_one() -> None:
    assert weeks_between(FIRST, LAST) == 4
    assert weeks_between(FIRST, FIRST) == 1


@pytest.mark.parametrize(
    "setting", [{"flag_difference_weekly": "lots"}, {"unspent_money": ""}, {"flag_difference_percent": 0}]
)
def test_bad_spending_settings_are_named(setting: dict) -> None:
    with pytest.raises(ValueError, match=next(iter(setting))):
        rules_from({"spending": setting})


def test_the_unspent_money_rule_is_plain_words_from_the_settings() -> None:
    assert council_rules({}).unspent_money.startswith("Money you don't spend stays in your account")
