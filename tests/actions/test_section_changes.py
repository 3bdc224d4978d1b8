"""Asking to change another part of the plan while a question is open: an earlier part is opened
again and the form ends (the router goes there, then comes back); a later part waits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions.management import ValidateManagementForm
from actions.outcomes import ValidateOutcomesForm
from actions.section_changes import section_asked_for
from actions.services import ValidateServicesForm
from bot.answers.trackers import run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)


def _at_the_support() -> str:
    reference = service.open_plan(
        "PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal("250"), "week")
    ).plan_reference
    service.set_important_to_me(reference, "my garden and my dog")
    service.add_outcome(reference, "cook my own dinner")
    service.add_outcome(reference, "get to the allotment")
    service.set_outcomes_complete(reference, True)
    return reference


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    """A plan with what is important and two outcomes done: the person is at the support."""
    return prepared(_at_the_support)


def in_form(plan_ref: str, section: str, text: str, requested: str, confidence: float = 0.97, **slots):
    return tracker(
        {"plan_reference": plan_ref, "current_section": section, **slots},
        text,
        intent="change_section",
        confidence=confidence,
        filled=requested,
        active_loop=f"{section}_form",
    )


async def test_going_back_to_an_earlier_part_ends_this_form_and_keeps_what_was_said(plan_ref: str) -> None:
    out = await run(
        ValidateServicesForm(), in_form(plan_ref, "services", "can I change my outcomes", "service_category")
    )

    assert out.responses == ["utter_going_back_to_section"]
    assert out.said("utter_going_back_to_section")["section_title"] == "the outcomes"
    assert out.slots["requested_slot"] is None and out.slots["service_category"] is None
    plan = service.get_plan(plan_ref)
    assert plan.next_section() == "outcomes"  # the router opens it next
    assert [o.text for o in plan.outcomes] == ["cook my own dinner", "get to the allotment"]


async def test_a_later_part_already_answered_is_opened_again_after_this_one(plan_ref: str) -> None:
    service.set_management(plan_ref, "direct_payment")
    service.set_outcomes_complete(plan_ref, False)  # back from the summary to change the outcomes

    out = await run(
        ValidateOutcomesForm(),
        in_form(plan_ref, "outcomes", "I want to change how the money is managed too", "outcome_text", outcome_count=2),
    )

    assert out.responses[0] == "utter_change_section_after_this"
    assert out.slots.get("requested_slot", "outcome_text") is not None  # the form carries on
    assert service.get_plan(plan_ref).management is None


async def test_a_later_part_not_reached_yet_waits(plan_ref: str) -> None:
    out = await run(
        ValidateServicesForm(), in_form(plan_ref, "services", "can I change the back-up plan", "service_category")
    )

    assert out.responses[0] == "utter_section_still_to_come"
    assert out.slots.get("requested_slot", "service_category") is not None
    assert service.get_plan(plan_ref).next_section() == "services"


async def test_from_the_last_part_to_the_first(plan_ref: str) -> None:
    service.set_management(plan_ref, "payment_card")
    out = await run(
        ValidateManagementForm(), in_form(plan_ref, "management", "change what is important to me", "management_option")
    )
    assert out.slots["requested_slot"] is None
    assert service.get_plan(plan_ref).next_section() == "important"


@pytest.mark.parametrize(
    "text, intent, confidence, current",
    [
        ("can I change my outcomes", "change_section", 0.6, "services"),  # not sure enough inside a form
        ("a carer to help me change my bed", "inform", 0.97, "services"),  # an answer, not a request
        ("change my support", "change_section", 0.97, "services"),  # the part that is open now
        ("change my outcomes", "change_section", 0.97, "review"),  # the summary has its own way
        ("change my outcomes", "change_section", 0.97, "identity"),
        ("can I change something", "change_section", 0.97, "services"),  # no part named
        ("I want to change my diet", "change_section", 0.97, "important"),  # an outcome, said early
    ],
)
def test_messages_that_do_not_move_to_another_part(text: str, intent: str, confidence: float, current: str) -> None:
    message = {"text": text, "intent": {"name": intent, "confidence": confidence}}
    assert section_asked_for(message, current) is None
