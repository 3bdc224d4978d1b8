"""A middling reading of a choice is put back to the person before it is used (issue 14): yes
uses it, no asks again (and counts as a failed answer, so it never traps), anything else is a
fresh answer."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest

from actions.choice_check import AskChoiceCheck
from actions.forms.retries import STOP_AFTER
from actions.identity import ValidateIdentityForm
from actions.management import ValidateManagementForm
from actions.services import ValidateServicesForm
from bot.answers.reading import CHECK_AT, READINGS
from bot.answers.trackers import run, tracker
from bot.choices import (
    CHECK_WORDS,
    COST_PERIODS,
    MANAGEMENT_OPTIONS,
    PLAN_PARTS,
    PLANNED_BY,
    SERVICE_CATEGORIES,
    YES_NO,
)
from bot.plans import service
from bot.slot_names import CHOICE_CHECK, SERVICE_ID

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

IDENTITY = "identity_form"


def middling(question: str, code: str) -> Dict[str, Any]:
    """What the NLU model makes of an answer it reads only half-confidently."""
    return {
        "intent": {"name": "inform", "confidence": 0.99},
        "intent_ranking": [{"name": "inform", "confidence": 0.99}],
        "entities": [],
        READINGS: {question: [[code, CHECK_AT + 0.1], ["unclear", 0.2]]},
    }


def pending(slot: str, code: str, text: str) -> Dict[str, Any]:
    return {CHOICE_CHECK: {"slot": slot, "code": code, "text": text}, "requested_slot": CHOICE_CHECK}


async def test_a_middling_reading_is_put_back_to_the_person_not_used() -> None:
    text = "wor lass is sortin it out"
    out = await run(
        ValidateIdentityForm(),
        tracker({}, text, filled="planned_by", active_loop=IDENTITY, parse_data=middling("planned_by", "supporter")),
    )
    assert out.slots["planned_by"] is None
    assert out.slots[CHOICE_CHECK] == {"slot": "planned_by", "code": "supporter", "text": text}
    assert out.slots["requested_slot"] == CHOICE_CHECK
    assert not (out.slots.get("failed_attempts") or {}).get("planned_by")


@pytest.mark.parametrize("reply", ["yes", "yeah thats right", "\U0001f44d"])
async def test_yes_uses_the_reading(reply: str) -> None:
    out = await run(
        ValidateIdentityForm(),
        tracker(pending("planned_by", "supporter", "wor lass is sortin it out"), reply, active_loop=IDENTITY),
    )
    assert out.slots["planned_by"] == "supporter"
    assert out.slots[CHOICE_CHECK] is None
    assert out.slots.get("requested_slot") != CHOICE_CHECK  # Rasa asks the next question


async def test_no_asks_the_question_again_as_a_failed_answer() -> None:
    out = await run(
        ValidateIdentityForm(), tracker(pending("planned_by", "supporter", "x"), "no", active_loop=IDENTITY)
    )
    assert out.slots["planned_by"] is None and out.slots[CHOICE_CHECK] is None
    assert out.slots["failed_attempts"] == {"planned_by": 1}
    assert out.responses == ["utter_choice_not_that"]
    assert out.slots.get("requested_slot") != CHOICE_CHECK  # Rasa asks the question again


async def test_another_answer_is_read_as_an_answer_to_the_question() -> None:
    out = await run(
        ValidateIdentityForm(),
        tracker(pending("planned_by", "supporter", "x"), "no, I'm an adviser", active_loop=IDENTITY),
    )
    assert out.slots["planned_by"] == "adviser"


async def test_saying_no_to_every_check_never_traps_the_person() -> None:
    slots: Dict[str, Any] = {}
    for _attempt in range(1, STOP_AFTER + 1):
        out = await run(
            ValidateIdentityForm(), tracker({**slots, **pending("planned_by", "self", "x")}, "no", active_loop=IDENTITY)
        )
        slots["failed_attempts"] = out.slots["failed_attempts"]
    assert out.slots.get("paused") is True
    assert "utter_stuck" in out.responses


async def test_a_checked_way_of_managing_the_money_is_saved_only_after_yes(plan_ref: str) -> None:
    known = {"plan_reference": plan_ref}
    out = await run(
        ValidateManagementForm(),
        tracker(
            known,
            "the lass from the care firm can hold it",
            filled="management_option",
            active_loop="management_form",
            parse_data=middling("management_option", "individual_service_fund"),
        ),
    )
    assert out.slots[CHOICE_CHECK]["code"] == "individual_service_fund"
    assert service.get_plan(plan_ref).management is None

    out = await run(ValidateManagementForm(), tracker({**known, **out.slots}, "yes", active_loop="management_form"))
    assert out.slots["management_option"] == "individual_service_fund"
    assert service.get_plan(plan_ref).management == "individual_service_fund"


async def test_a_period_read_only_by_the_model_is_always_checked(plan_ref: str) -> None:
    """The period sets the money: even a sure model reading is put to the person first."""
    known = {
        "plan_reference": plan_ref,
        "service_category": "transport",
        "service_description": "a taxi",
        "service_cost": "120",
    }
    parse = middling("service_cost_period", "one-off")
    parse[READINGS]["service_cost_period"][0][1] = 0.99
    out = await run(
        ValidateServicesForm(),
        tracker(known, "bought outright", filled="service_cost_period", active_loop="services_form", parse_data=parse),
    )
    assert out.slots[CHOICE_CHECK]["code"] == "one-off"
    assert len(service.get_plan(plan_ref).services) == 1

    out = await run(ValidateServicesForm(), tracker({**known, **out.slots}, "yes", active_loop="services_form"))
    assert out.slots.get(SERVICE_ID) is not None
    assert service.get_plan(plan_ref).services[-1].weekly_cost == Decimal("2.31")  # £120 over 52 weeks


async def test_the_check_is_asked_in_plain_words() -> None:
    out = await run(AskChoiceCheck(), tracker(pending("planned_by", "supporter", "x")))
    assert out.responses == ["utter_confirm_choice"]
    assert out.said("utter_confirm_choice")["choice_words"] == "you're helping someone else with their plan"


@pytest.mark.parametrize(
    "slot, choices",
    [
        ("planned_by", PLANNED_BY),
        ("service_category", SERVICE_CATEGORIES),
        ("management_option", MANAGEMENT_OPTIONS),
        ("service_cost_period", COST_PERIODS),
        ("add_another_service", YES_NO),
        ("plan_confirmed", PLAN_PARTS),
    ],
)
def test_every_choice_that_can_be_checked_has_words_to_check_it(slot: str, choices: Dict[str, Any]) -> None:
    assert set(CHECK_WORDS[slot]) == set(choices)


async def test_hours_said_with_a_change_of_mind_are_checked_before_costing(plan_ref: str) -> None:
    known = {
        "plan_reference": plan_ref,
        "service_category": "personal_assistant",
        "service_description": "help to get up",
    }
    out = await run(
        ValidateServicesForm(),
        tracker(known, "8 hours a week, no sorry 6", filled="service_hours", active_loop="services_form"),
    )
    assert out.slots["service_hours"] is None and out.slots[CHOICE_CHECK]["code"] == "6"

    asked = await run(AskChoiceCheck(), tracker({**known, **out.slots}))
    assert asked.responses == ["utter_confirm_hours"] and asked.said("utter_confirm_hours")["hours"] == "6 hours"

    out = await run(ValidateServicesForm(), tracker({**known, **out.slots}, "yes", active_loop="services_form"))
    assert out.slots["service_hours"] == "6"


async def test_a_range_of_hours_is_asked_about_again(plan_ref: str) -> None:
    known = {
        "plan_reference": plan_ref,
        "service_category": "personal_assistant",
        "service_description": "help to get up",
    }
    out = await run(
        ValidateServicesForm(), tracker(known, "3 or 4 hours", filled="service_hours", active_loop="services_form")
    )
    assert out.slots["service_hours"] is None and out.responses == ["utter_hours_uncertain"]


async def test_a_cost_with_a_change_of_mind_is_checked_then_costed_as_said_last(plan_ref: str) -> None:
    known = {"plan_reference": plan_ref, "service_category": "transport", "service_description": "a taxi"}
    out = await run(
        ValidateServicesForm(),
        tracker(known, "£30 a week, no sorry a month", filled="service_cost", active_loop="services_form"),
    )
    assert out.slots["service_cost"] is None and len(service.get_plan(plan_ref).services) == 1
    asked = await run(AskChoiceCheck(), tracker({**known, **out.slots}))
    assert (
        asked.said("utter_confirm_cost")["cost"] == "£30.00"
        and asked.said("utter_confirm_cost")["paid"] == "each month"
    )

    await run(ValidateServicesForm(), tracker({**known, **out.slots}, "yes", active_loop="services_form"))
    assert service.get_plan(plan_ref).services[-1].weekly_cost == Decimal("6.92")  # £30 × 12 / 52


@pytest.mark.parametrize(
    "said, period",
    [("not monthly, its weekly", "week"), ("year, not month", "year"), ("a week. no hang on, a month", "month")],
)
async def test_a_period_said_with_another_denied_is_checked(plan_ref: str, said: str, period: str) -> None:
    known = {
        "plan_reference": plan_ref,
        "service_category": "transport",
        "service_description": "a taxi",
        "service_cost": "30",
    }
    out = await run(
        ValidateServicesForm(), tracker(known, said, filled="service_cost_period", active_loop="services_form")
    )
    assert out.slots[CHOICE_CHECK]["code"] == period


async def test_a_changed_amount_is_checked_with_the_later_figure(plan_ref: str) -> None:
    known = {"plan_reference": plan_ref, "service_category": "transport", "service_description": "a taxi"}
    out = await run(
        ValidateServicesForm(),
        tracker(known, "£40 a week, no sorry £45", filled="service_cost", active_loop="services_form"),
    )
    assert out.slots[CHOICE_CHECK]["code"] == "45|week"
    await run(ValidateServicesForm(), tracker({**known, **out.slots}, "yes", active_loop="services_form"))
    assert service.get_plan(plan_ref).services[-1].weekly_cost == Decimal("45")


async def test_a_sure_answer_is_not_taken_for_a_question_or_a_request_for_a_person() -> None:
    """'social worker' answers 'who is making this plan?' even when the intent model hears a
    request for a person; a real request or a question back is still a detour."""

    def parse(intent: str, code: str) -> Dict[str, Any]:
        return {
            "intent": {"name": intent, "confidence": 0.95},
            "intent_ranking": [{"name": intent, "confidence": 0.95}],
            "entities": [],
            READINGS: {"planned_by": [[code, 0.99]]},
        }

    out = await run(
        ValidateIdentityForm(),
        tracker(
            {}, "social worker", filled="planned_by", active_loop=IDENTITY, parse_data=parse("request_human", "adviser")
        ),
    )
    assert out.slots["planned_by"] == "adviser" and "utter_handoff" not in out.responses
    out = await run(
        ValidateIdentityForm(),
        tracker(
            {},
            "I want to talk to a social worker",
            filled="planned_by",
            active_loop=IDENTITY,
            parse_data=parse("request_human", "adviser"),
        ),
    )
    assert out.slots["planned_by"] is None and any(r.startswith("utter_handoff") for r in out.responses)


async def test_a_no_to_a_figure_check_asks_for_the_figure_again_in_plain_words(plan_ref: str) -> None:
    """'So that's 26 hours a week in all. Is that right?' 'no': nothing to pick, so the hours are asked again."""
    known = {
        "plan_reference": plan_ref,
        "service_category": "personal_assistant",
        "service_description": "help to get up",
    }
    out = await run(
        ValidateServicesForm(),
        tracker(known, "8 hours a week, no sorry 6", filled="service_hours", active_loop="services_form"),
    )
    out = await run(ValidateServicesForm(), tracker({**known, **out.slots}, "no", active_loop="services_form"))
    assert "utter_choice_not_that" not in out.responses
    assert out.responses == ["utter_figure_not_that"]
    assert out.slots["service_hours"] is None and out.slots["requested_slot"] == "service_hours"
