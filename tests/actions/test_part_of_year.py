"""Support used only part of the year ('term time only', 'April to September'): the weeks a year
are asked before it is recorded, and its cost is spread over the year with the working read back
(bot/parsing/seasons.py, bot/plans/costing.py, actions/service_costing.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest

from actions.services import ValidateServicesForm
from bot.answers.trackers import run, tracker
from bot.plans import service
from bot.plans.service import NewService
from bot.slot_names import CHOICE_CHECK, REQUESTED_SLOT
from tests.support.plans import open_demo_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

FORM = "services_form"
_CLUB = {"service_category": "day_opportunities", "service_description": "after school club"}


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    return prepared(open_demo_plan)


async def _answer(plan_ref: str, slot: str, text: str, known: Dict[str, Any]):  # type: ignore[no-untyped-def]
    return await run(
        ValidateServicesForm(), tracker({"plan_reference": plan_ref, **known}, text, filled=slot, active_loop=FORM)
    )


async def test_term_time_in_the_description_asks_the_weeks_before_recording(plan_ref: str) -> None:
    out = await _answer(
        plan_ref, "service_description", "after school club, term time only", {"service_category": "day_opportunities"}
    )
    assert out.slots["service_part_of_year"] is True
    known = {**_CLUB, "service_part_of_year": True, "service_cost": "15", "service_cost_period": "visit"}
    out = await _answer(plan_ref, "service_visits_per_week", "3 times a week", known)
    assert out.slots[REQUESTED_SLOT] == "service_weeks_a_year"
    assert service.get_plan(plan_ref).services == ()  # nothing recorded on a guess
    out = await _answer(plan_ref, "service_weeks_a_year", "39 weeks", {**known, "service_visits_per_week": "3"})
    said = out.said("utter_service_added")
    assert said["weekly_cost"] == "£33.75"  # £15 × 3 × 39 ÷ 52
    assert "It's used 39 weeks a year, so over the whole year that's £33.75 a week." in said["working"]
    (recorded,) = service.get_plan(plan_ref).services
    assert recorded.weekly_cost == Decimal("33.75")
    assert recorded.description == "after school club (39 weeks a year)"


async def test_term_time_in_the_cost_is_noted_even_when_the_cost_is_asked_again(plan_ref: str) -> None:
    """'36 wks a yr' beside a daily cost is asked about; the part of the year is not forgotten."""
    out = await _answer(plan_ref, "service_cost", "£22 a day mon-fri, term time only so 36 wks a yr", _CLUB)
    assert out.slots["service_part_of_year"] is True and out.slots["service_cost"] is None


async def test_just_term_time_is_checked_as_39_weeks(plan_ref: str) -> None:
    known = {**_CLUB, "service_part_of_year": True, "service_cost": "110", "service_cost_period": "week"}
    out = await _answer(plan_ref, "service_weeks_a_year", "just term time", known)
    check = out.slots[CHOICE_CHECK]
    assert check["response"] == "utter_confirm_weeks_a_year" and check["args"]["weeks"] == "39 weeks a year"
    assert service.get_plan(plan_ref).services == ()
    pending = {"plan_reference": plan_ref, **known, CHOICE_CHECK: check, REQUESTED_SLOT: CHOICE_CHECK}
    out = await run(ValidateServicesForm(), tracker(pending, "yes", active_loop=FORM))
    assert out.said("utter_service_added")["weekly_cost"] == "£82.50"  # £110 × 39 ÷ 52


async def test_hours_in_term_time_are_recorded_as_the_average_over_the_year(plan_ref: str) -> None:
    known = {
        "service_category": "personal_assistant",
        "service_description": "a PA for school runs",
        "service_part_of_year": True,
        "service_hours": "10",
        "service_rate": "15",
    }
    out = await _answer(plan_ref, "service_weeks_a_year", "38", known)
    assert out.said("utter_service_added")["weekly_cost"] == "£109.62"  # 10 × £15 × 38 ÷ 52 = 109.615…
    (recorded,) = service.get_plan(plan_ref).services
    assert (recorded.hours_per_week, recorded.unit_cost, recorded.weekly_cost) == (
        Decimal("7.31"),
        Decimal("15.00"),
        Decimal("109.62"),
    )


async def test_a_yearly_cost_already_covers_the_year(plan_ref: str) -> None:
    out = await _answer(plan_ref, "service_cost", "£600 a year, summer only", _CLUB)
    assert out.said("utter_service_added")["weekly_cost"] == "£11.54"
    assert REQUESTED_SLOT not in out.slots or out.slots[REQUESTED_SLOT] != "service_weeks_a_year"


@pytest.mark.parametrize("said", ["36 or 39", "no idea", "under 40 weeks"])
async def test_an_unclear_number_of_weeks_is_asked_again(plan_ref: str, said: str) -> None:
    known = {**_CLUB, "service_part_of_year": True, "service_cost": "110", "service_cost_period": "week"}
    out = await _answer(plan_ref, "service_weeks_a_year", said, known)
    assert "utter_weeks_a_year_not_understood" in out.responses and out.slots["service_weeks_a_year"] is None
    assert service.get_plan(plan_ref).services == ()


async def test_all_year_after_all_costs_it_every_week(plan_ref: str) -> None:
    known = {**_CLUB, "service_part_of_year": True, "service_cost": "110", "service_cost_period": "week"}
    out = await _answer(plan_ref, "service_weeks_a_year", "actually it's all year round", known)
    assert out.said("utter_service_added")["weekly_cost"] == "£110.00"
    (recorded,) = service.get_plan(plan_ref).services
    assert recorded.description == "after school club"


async def test_term_time_said_when_starting_another_support_is_not_forgotten(plan_ref: str) -> None:
    """'yes, an after school club in term time, £15 a session' at "add another?": the description
    says it, so the weeks a year are asked before it is recorded."""
    service.add_service(plan_ref, NewService("transport", "taxi", None, None, Decimal(20)))
    known = {"service_category": "transport", "service_description": "taxi", "service_cost": "20", "service_id": 1}
    said = "yes, an after school club in term time"
    await _answer(plan_ref, "add_another_service", said, known)
    club = {
        "service_category": "day_opportunities",
        "service_description": "an after school club in term time",
        "service_cost": "15",
        "service_cost_period": "visit",
    }
    out = await _answer(plan_ref, "service_visits_per_week", "twice a week", club)
    assert out.slots[REQUESTED_SLOT] == "service_weeks_a_year"
    assert len(service.get_plan(plan_ref).services) == 1


def test_a_recorded_support_taken_up_again_is_not_asked_its_weeks_again() -> None:
    """Coming back to a support already recorded (bot/plans/loose_ends.py): its figures are already
    over the whole year, so it counts as costed and its weeks are not asked again."""
    from actions.service_costing import weekly_cost
    from bot.plans.loose_ends import _service_costed
    from bot.plans.views import ServiceView

    club = ServiceView(1, "day_opportunities", "after school club (39 weeks a year)", (), None, None, Decimal("82.50"))
    assert weekly_cost(_service_costed(club)) == Decimal("82.50")
