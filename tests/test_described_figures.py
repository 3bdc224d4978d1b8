"""bot/plans/described.py: the figures said with a support's description that answer its cost
questions, read as those questions read them; nothing when any of them is in doubt."""

from __future__ import annotations

import pytest

from bot.plans.described import confirms, described_figures


@pytest.mark.parametrize(
    "text, hourly, answers, words",
    [
        (
            "a PA for 10 hours a week at £15 an hour",
            True,
            {"service_hours": "10", "service_rate": "15"},
            "10 hours a week at £15.00 an hour",
        ),
        (
            "cleaner 2 hrs a week, £14 per hour",
            False,
            {"service_cost_period": "hour", "service_hours": "2", "service_rate": "14"},
            "2 hours a week at £14.00 an hour",
        ),
        (
            "day centre on tuesdays and thursdays, £45 a day",
            False,
            {"service_cost": "45", "service_cost_period": "visit", "service_visits_per_week": "2"},
            "£45.00 each time, twice a week",
        ),
        (
            "gym membership £25 a month",
            False,
            {"service_cost": "25", "service_cost_period": "month"},
            "£25.00 a month",
        ),
        ("carer 1 hour every morning", True, {"service_hours": "7"}, "7 hours a week"),
        ("carer 2 hours a day at £22 an hour", True, {"service_hours": "14", "service_rate": "22"}, None),
        # what the hours cost a week is kept exactly, as the rate question keeps it
        (
            "PA £150 a week for 10 hours",
            True,
            {"service_hours": "10", "service_rate": "15.00", "service_cost": "150", "service_cost_period": "week"},
            "£150.00 a week for 10 hours",
        ),
        # '£14' with no period, for a support paid by the hour: an hourly rate or the week's cost? asked
        ("PA 10 hours a week, £14", True, {"service_hours": "10"}, "10 hours a week"),
        (
            "a cleaner every other week, £30 a visit",
            False,
            {"service_cost": "30", "service_cost_period": "visit"},
            None,
        ),
        ("riser chair £450, just the once", False, {"service_cost": "450", "service_cost_period": "one-off"}, None),
        ("a taxi to the club, £10", False, {"service_cost": "10"}, "£10.00"),  # how often: asked
    ],
)
def test_figures_that_answer_the_cost_questions(text: str, hourly: bool, answers, words) -> None:
    found = described_figures(text, hourly)
    assert found is not None
    assert {name: found.answers[name] for name in answers} == answers
    if words is not None:
        assert found.words == words


@pytest.mark.parametrize(
    "text, hourly",
    [
        ("a PA to help me shower", True),
        ("Dial-a-ride to the WI on Thursdays, it's £4.50 each way", False),  # the cost question reads it
        ("a PA for about 10 hours a week at £15 an hour", True),
        ("a PA for 10 or 12 hours a week at £15 an hour", True),
        ("a PA for 10 hours a week at £15 an hour, no sorry £16", True),
        ("a PA 10 hours a week, £14 an hour or £150 a week", True),
        ("a cleaner for no more than 3 hours a week at £14 an hour", False),
        ("cleaner under £50 a week", False),
        ("cleaner £40 a week, my son pays half", False),
        ("taxi £40 bi-weekly", False),
        ("taxi £10 a week or a month", False),
        ("a PA 2 calls a day of 30 mins at £15 an hour", True),  # a number left over: in doubt
        ("PA 200 hours at £15 an hour", True),  # more hours than a week has
        ("gym £9,999,999 a week", False),
        ("carer 24 hours a day", True),  # round the clock: talked through, not costed by the hour
        ("a PA at £15 a week", True),  # a week's cost without the hours answers no question
    ],
)
def test_nothing_in_doubt_is_read(text: str, hourly: bool) -> None:
    assert described_figures(text, hourly) is None


@pytest.mark.parametrize(
    "reply, plain_yes",
    [
        ("yes", True),
        ("Yes that's right", True),
        ("yep", True),
        ("no", False),
        ("yes, £16 an hour", False),
        ("yes but it's 12 hours", False),
        ("yes twelve hours", False),
        ("not sure", False),
    ],
)
def test_only_a_plain_yes_confirms(reply: str, plain_yes: bool) -> None:
    assert confirms(reply) is plain_yes
