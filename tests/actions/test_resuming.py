"""The message after a pause on a question (its third failure) may be the answer: "ok 10 then"
answers the paused question instead of being met with "welcome back" and the question again
(actions/forms/resuming.py, the router in actions/plan.py)."""

from __future__ import annotations

from typing import Any, Dict, Optional, Type

import pytest
from rasa_sdk import Action

from actions.identity import ValidateIdentityForm
from actions.plan import ActionNextSection
from actions.services import ValidateServicesForm
from bot.answers.trackers import Outcome, run, tracker
from bot.parsing.replies import only_a_return
from tests.support.plans import VERIFIED

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

_PA = {"service_category": "personal_assistant", "service_description": "help to get up"}


async def _opening(
    form: Type[Action], form_name: str, slots: Dict[str, Any], text: str, paused_on: Optional[str]
) -> Outcome:
    """The form opening straight after the router, the person's `text` the latest message."""
    known = {**slots, "paused_question": paused_on, "paused": False}
    return await run(form(), tracker(known, text, active_loop=form_name, after_action="action_next_section"))


async def _stuck_on(plan_ref: str, question: str, known: Dict[str, Any]) -> Dict[str, Any]:
    """The slots after `question` failed three times in a row in the services form."""
    slots: Dict[str, Any] = {"plan_reference": plan_ref, **VERIFIED, **known}
    for _ in range(3):
        out = await run(ValidateServicesForm(), tracker(slots, "hm", filled=question, active_loop="services_form"))
        slots["failed_attempts"] = out.slots.get("failed_attempts")
    assert out.slots["paused"] is True and out.slots["paused_question"] == question
    return {**slots, **out.slots}


async def test_the_answer_sent_after_a_pause_answers_the_paused_question(plan_ref: str) -> None:
    slots = await _stuck_on(plan_ref, "service_hours", _PA)
    out = await _opening(ValidateServicesForm, "services_form", slots, "ok 10 then", "service_hours")
    assert out.slots["service_hours"] == "10"
    assert out.slots["paused_question"] is None
    assert "utter_welcome_back" not in out.responses


async def test_a_hello_after_a_pause_is_welcomed_back_and_asked_again(plan_ref: str) -> None:
    slots = await _stuck_on(plan_ref, "service_hours", _PA)
    out = await _opening(ValidateServicesForm, "services_form", slots, "hi, I'm back", "service_hours")
    assert out.responses == ["utter_welcome_back"]
    assert out.slots.get("service_hours") is None and out.slots["paused_question"] is None


async def test_an_unusable_message_after_a_pause_is_not_a_fourth_failure(plan_ref: str) -> None:
    slots = await _stuck_on(plan_ref, "service_hours", _PA)
    out = await _opening(ValidateServicesForm, "services_form", slots, "the thing", "service_hours")
    assert out.responses == ["utter_welcome_back"]  # not what a failed answer is told
    assert out.slots.get("service_hours") is None
    assert out.slots.get("failed_attempts", slots["failed_attempts"]).get("service_hours", 0) == 0


async def test_a_skip_after_a_pause_skips_the_question_where_it_may_be_skipped(plan_ref: str) -> None:
    slots = {"plan_reference": plan_ref, **VERIFIED, **_PA}
    out = await _opening(ValidateServicesForm, "services_form", slots, "skip it", "service_hours")
    assert "utter_service_skipped" in out.responses
    assert "utter_welcome_back" not in out.responses


async def test_a_paused_question_the_form_no_longer_asks_first_is_not_answered(plan_ref: str) -> None:
    slots = {"plan_reference": plan_ref, **VERIFIED, **_PA}
    out = await _opening(ValidateServicesForm, "services_form", slots, "10", "service_cost")
    assert out.responses == ["utter_welcome_back"]
    assert out.slots.get("service_hours") is None and out.slots.get("service_cost") is None


async def test_who_is_planning_said_after_a_pause_is_read(demo: Any) -> None:
    out = await _opening(ValidateIdentityForm, "identity_form", {}, "I'm her daughter, helping mum", "planned_by")
    assert out.slots["planned_by"] == "supporter"
    assert "utter_welcome_back" not in out.responses


async def test_without_a_pause_an_opening_form_reads_nothing(plan_ref: str) -> None:
    slots = {"plan_reference": plan_ref, **VERIFIED, **_PA}
    out = await _opening(ValidateServicesForm, "services_form", slots, "10", None)
    assert out.slots.get("service_hours") is None and out.responses == []


async def test_the_router_leaves_a_possible_answer_to_the_form(demo: Any) -> None:
    paused = {**VERIFIED, "paused": True, "paused_question": "service_hours"}
    out = await run(ActionNextSection(), tracker(paused, "ok 10 then"))
    assert "utter_welcome_back" not in out.responses
    assert "paused_question" not in out.slots  # the form reads it


@pytest.mark.parametrize("text", ["hello", "I'm back", "ok ready now", "hiya, where were we?"])
async def test_the_router_welcomes_back_a_return_with_no_answer_in_it(demo: Any, text: str) -> None:
    paused = {**VERIFIED, "paused": True, "paused_question": "service_hours"}
    out = await run(ActionNextSection(), tracker(paused, text))
    assert out.responses[0] == "utter_welcome_back"
    assert out.slots["paused_question"] is None


async def test_a_question_after_a_pause_is_answered_and_not_taken_as_the_answer(demo: Any) -> None:
    paused = {**VERIFIED, "paused": True, "paused_question": "service_hours"}
    out = await run(ActionNextSection(), tracker(paused, "talk to someone", intent="human_handoff"))
    assert out.slots["paused_question"] is None


@pytest.mark.parametrize(
    "text, returning",
    [
        ("hi", True),
        ("Hello again!", True),
        ("ok I'm ready", True),
        ("morning, I'm back", True),
        ("sorry, where were we?", True),
        ("ok 10 then", False),
        ("10", False),
        ("my daughter", False),
        ("hi it's for my mum", False),
        ("yes a cleaner", False),
        ("again " * 150 + "x", False),  # read word by word: a long message is not a pattern's worst case
        ("ok ready now", True),
    ],
)
def test_only_a_return(text: str, returning: bool) -> None:
    assert only_a_return(text) is returning
