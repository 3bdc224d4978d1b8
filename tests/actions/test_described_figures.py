"""Figures said with the description of a support ('a PA for 10 hours a week at £15 an hour') fill
the cost questions they answer, after one short yes/no question that puts them back to the
person; a no, a reply that is not a plain yes, or anything doubtful asks the questions as usual.
Weekly costs are checked against exact arithmetic (DESIGN §5: half up, once)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Dict

import pytest

from actions.services import ValidateServicesForm
from bot.answers.trackers import run, tracker
from bot.plans import service
from bot.slot_names import CHOICE_CHECK, REQUESTED_SLOT
from tests.support.plans import open_demo_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

FORM = "services_form"


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    return prepared(open_demo_plan)


def exact(weekly: Fraction) -> Decimal:
    """A weekly figure to the penny, half up, worked out apart from bot/plans/costing.py."""
    return (Decimal(weekly.numerator) / Decimal(weekly.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def described(plan_ref: str, category: str, text: str):
    slots = {"plan_reference": plan_ref, "service_category": category}
    return tracker(slots, text, filled="service_description", active_loop=FORM)


def reply(plan_ref: str, slots: Dict[str, Any], text: str):
    return tracker({"plan_reference": plan_ref, **slots}, text, active_loop=FORM)


async def describe(plan_ref: str, category: str, text: str) -> Dict[str, Any]:
    """The slots after the description, checking it is kept as said and nothing is recorded yet."""
    out = await run(ValidateServicesForm(), described(plan_ref, category, text))
    assert out.slots["service_description"] == text
    assert not service.get_plan(plan_ref).services
    return {"service_category": category, **out.slots}


EXAMPLES = [
    (
        "personal_assistant",
        "a PA for 10 hours a week at £15 an hour",
        "10 hours a week at £15.00 an hour",
        Fraction(10) * 15,
    ),
    ("other", "cleaner 2 hrs a week, £14 per hour", "2 hours a week at £14.00 an hour", Fraction(2) * 14),
    (
        "day_opportunities",
        "day centre on tuesdays and thursdays, £45 a day",
        "£45.00 each time, twice a week",
        Fraction(45) * 2,
    ),
    ("activities", "gym membership £25 a month", "£25.00 a month", Fraction(25) * 12 / 52),
    (
        "personal_assistant",
        "a PA 10 hours a week, £155.55 a week",
        "£155.55 a week for 10 hours",
        Fraction("155.55"),
    ),
]


@pytest.mark.parametrize("category, text, words, weekly", EXAMPLES)
async def test_figures_said_with_the_description_are_checked_once_then_used(
    plan_ref: str, category: str, text: str, words: str, weekly: Fraction
) -> None:
    slots = await describe(plan_ref, category, text)
    assert slots[REQUESTED_SLOT] == CHOICE_CHECK
    assert slots[CHOICE_CHECK]["response"] == "utter_confirm_described_figures"
    assert slots[CHOICE_CHECK]["args"] == {"figures": words}
    out = await run(ValidateServicesForm(), reply(plan_ref, slots, "yes"))
    assert out.said("utter_service_added")["weekly_cost"] == f"£{exact(weekly)}"
    (recorded,) = service.get_plan(plan_ref).services
    assert recorded.weekly_cost == exact(weekly) and recorded.description == text
    assert out.slots[REQUESTED_SLOT] == "service_outcomes"  # the next question not yet answered
    assert out.slots[CHOICE_CHECK] is None


async def test_only_the_hours_are_checked_then_the_rate_is_asked(plan_ref: str) -> None:
    """'carer 1 hour every morning': 7 hours a week, checked; the rate is the next question."""
    slots = await describe(plan_ref, "home_care_agency", "carer 1 hour every morning")
    assert slots[CHOICE_CHECK]["args"] == {"figures": "7 hours a week"}
    out = await run(ValidateServicesForm(), reply(plan_ref, slots, "yes"))
    assert out.slots["service_hours"] == "7" and out.slots[REQUESTED_SLOT] == "service_rate"
    assert not service.get_plan(plan_ref).services
    slots.update(out.slots, service_rate="£21.50 an hour")
    out = await run(
        ValidateServicesForm(),
        tracker({"plan_reference": plan_ref, **slots}, "£21.50 an hour", filled="service_rate", active_loop=FORM),
    )
    assert service.get_plan(plan_ref).services[0].weekly_cost == exact(Fraction(7) * Fraction("21.50"))


async def test_only_a_rate_is_checked_then_the_hours_are_asked(plan_ref: str) -> None:
    slots = await describe(plan_ref, "personal_assistant", "a PA at £12.35 an hour to help me shower")
    assert slots[CHOICE_CHECK]["args"] == {"figures": "£12.35 an hour"}
    out = await run(ValidateServicesForm(), reply(plan_ref, slots, "yes"))
    assert out.slots[REQUESTED_SLOT] == "service_hours"
    slots.update(out.slots)
    out = await run(
        ValidateServicesForm(),
        tracker({"plan_reference": plan_ref, **slots}, "3.5", filled="service_hours", active_loop=FORM),
    )
    # 3.5 × £12.35 = £43.225, half up to £43.23
    assert service.get_plan(plan_ref).services[0].weekly_cost == exact(Fraction("3.5") * Fraction("12.35"))


@pytest.mark.parametrize("said", ["no", "No, it's 12 hours", "yes, but it's £16 an hour", "not sure"])
async def test_anything_but_a_plain_yes_asks_the_questions_as_usual(plan_ref: str, said: str) -> None:
    slots = await describe(plan_ref, "personal_assistant", "a PA for 10 hours a week at £15 an hour")
    out = await run(ValidateServicesForm(), reply(plan_ref, slots, said))
    assert out.responses == ["utter_described_figures_not_used"]
    assert out.slots[REQUESTED_SLOT] == "service_hours" and out.slots[CHOICE_CHECK] is None
    assert out.slots.get("service_hours") is None and out.slots.get("service_rate") is None
    assert not service.get_plan(plan_ref).services


@pytest.mark.parametrize(
    "category, text, first",
    [
        ("personal_assistant", "a PA for about 10 hours a week at £15 an hour", "service_hours"),
        ("personal_assistant", "a PA for 10 or 12 hours a week at £15 an hour", "service_hours"),
        ("other", "a cleaner for no more than 3 hours a week at £14 an hour", "service_cost"),
        ("other", "a cleaner, under £50 a week", "service_cost"),
        ("other", "a cleaner, £40 a week but my son pays half", "service_cost"),
        ("personal_assistant", "a PA 10 hours a week, £14 an hour or £150 a week", "service_hours"),
        ("transport", "taxi £10 a week or maybe £10 a month", "service_cost"),
        ("transport", "taxi £40 bi-weekly", "service_cost"),
        ("personal_assistant", "a PA to help me shower", "service_hours"),
    ],
)
async def test_doubtful_figures_are_not_used_and_the_questions_are_asked(
    plan_ref: str, category: str, text: str, first: str
) -> None:
    """A guess, a range, a bound, someone else paying part or two figures: nothing is pre-filled."""
    slots = await describe(plan_ref, category, text)
    assert slots.get(CHOICE_CHECK) is None and slots.get(REQUESTED_SLOT) == first
    assert not any(slots.get(name) for name in ("service_hours", "service_rate", "service_cost"))


async def test_a_long_answer_to_what_kind_of_support_checks_its_figures_too(plan_ref: str) -> None:
    """'a PA for 10 hours a week at £15 an hour' as the kind of support is also its description."""
    text = "a PA for 10 hours a week at £15 an hour"
    out = await run(
        ValidateServicesForm(),
        tracker({"plan_reference": plan_ref}, text, filled="service_category", active_loop=FORM),
    )
    assert out.slots["service_category"] == "personal_assistant" and out.slots["service_description"] == text
    assert out.slots[CHOICE_CHECK]["args"] == {"figures": "10 hours a week at £15.00 an hour"}
    out = await run(ValidateServicesForm(), reply(plan_ref, out.slots, "yes"))
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("150.00")
