"""The plan's limits (bot/plans/service.py: MAX_OUTCOMES, MAX_SERVICES, MAX_TEXT) reach the
person as a kind message, the question stays open, and nothing is recorded."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions.management import ValidateContingencyForm
from actions.outcomes import ValidateImportantForm, ValidateOutcomesForm
from actions.services import ValidateServicesForm
from bot.answers.trackers import Outcome, run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service
from tests.support.plans import open_demo_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

TOO_LONG = "I would like to go out more often with my friends. " * 12


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    return prepared(open_demo_plan)


def said_kindly(out: Outcome, words: str) -> None:
    (text,) = [m["text"] for m in out.messages if m.get("text")]
    assert words in text and TOO_LONG[:40] not in text


@pytest.mark.parametrize(
    "form,slot,loop,field",
    [
        (ValidateImportantForm, "important_to_me", "important_form", "important_to_me"),
        (ValidateContingencyForm, "contingency", "contingency_form", "contingency"),
    ],
)
async def test_a_long_answer_is_refused_kindly(plan_ref: str, form, slot: str, loop: str, field: str) -> None:  # type: ignore[no-untyped-def]
    assert len(TOO_LONG) > service.MAX_TEXT
    out = await run(form(), tracker({"plan_reference": plan_ref}, TOO_LONG, filled=slot, active_loop=loop))
    said_kindly(out, f"{service.MAX_TEXT} characters")
    assert out.slots[slot] is None
    assert getattr(service.get_plan(plan_ref), field) is None


async def test_a_long_outcome_is_refused_kindly(plan_ref: str) -> None:
    out = await run(
        ValidateOutcomesForm(),
        tracker({"plan_reference": plan_ref}, TOO_LONG, filled="outcome_text", active_loop="outcomes_form"),
    )
    said_kindly(out, f"{service.MAX_TEXT} characters")
    assert out.slots["outcome_text"] is None and "outcome_count" not in out.slots
    assert service.get_plan(plan_ref).outcomes == ()


async def test_a_full_plan_takes_no_more_outcomes(plan_ref: str) -> None:
    for number in range(service.MAX_OUTCOMES):
        service.add_outcome(plan_ref, f"Outcome number {number}")
    slots = {"plan_reference": plan_ref, "outcome_count": service.MAX_OUTCOMES}
    out = await run(
        ValidateOutcomesForm(), tracker(slots, "go swimming", filled="outcome_text", active_loop="outcomes_form")
    )
    said_kindly(out, f"{service.MAX_OUTCOMES} outcomes")
    assert out.slots["outcome_text"] is None
    assert len(service.get_plan(plan_ref).outcomes) == service.MAX_OUTCOMES


async def test_a_long_service_description_is_refused_kindly(plan_ref: str) -> None:
    slots = {"plan_reference": plan_ref, "service_category": "activities"}
    out = await run(
        ValidateServicesForm(), tracker(slots, TOO_LONG, filled="service_description", active_loop="services_form")
    )
    said_kindly(out, f"{service.MAX_TEXT} characters")
    assert out.slots["service_description"] is None


async def test_a_full_plan_takes_no_more_services(plan_ref: str) -> None:
    for number in range(service.MAX_SERVICES):
        service.add_service(plan_ref, service.NewService("transport", f"Taxi {number}", None, None, Decimal("1")))
    known = {"plan_reference": plan_ref, "service_category": "equipment", "service_description": "a stool"}
    out = await run(
        ValidateServicesForm(),
        tracker({**known, "service_cost_period": "week"}, "£20", filled="service_cost", active_loop="services_form"),
    )
    said_kindly(out, f"{service.MAX_SERVICES} services")
    assert out.slots["service_category"] is None and out.slots["service_cost"] is None
    assert len(service.get_plan(plan_ref).services) == service.MAX_SERVICES
