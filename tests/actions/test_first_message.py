"""A first message that already says who is planning ("hi, I'm helping my mum with her plan") is
put back as one check when the identity form opens, not asked from scratch (actions/identity.py
`said_before_asked`)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.identity import ValidateIdentityForm
from bot.answers.trackers import Outcome, run, tracker

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)


async def _identity_opens_after(text: str, intent: str = "inform") -> Outcome:
    opening = tracker({}, text, intent=intent, active_loop="identity_form", after_action="action_next_section")
    return await run(ValidateIdentityForm(), opening)


@pytest.mark.parametrize(
    "text, code",
    [
        ("hi, I'm helping my mum with her plan", "supporter"),
        ("Hello I am doing this for myself", "self"),
    ],
)
async def test_who_is_planning_in_a_first_message_is_put_back_as_a_check(demo: Any, text: str, code: str) -> None:
    out = await _identity_opens_after(text)
    assert out.slots["requested_slot"] == "choice_check"
    assert out.slots["choice_check"]["slot"] == "planned_by" and out.slots["choice_check"]["code"] == code
    assert out.slots["planned_by"] is None  # not used until the person says yes


@pytest.mark.parametrize(
    "text, intent",
    [
        ("hello", "greet"),
        ("hi there", "greet"),
        ("how much is my budget?", "faq"),
        ("Hello. I am Tomasz. My english not so good. I want make plan for my budget please", "inform"),
    ],
)
async def test_a_first_message_without_it_leaves_the_question_to_be_asked(demo: Any, text: str, intent: str) -> None:
    out = await _identity_opens_after(text, intent)
    assert "choice_check" not in out.slots and out.responses == []


async def test_the_model_alone_does_not_read_a_first_message(demo: Any) -> None:
    said = {
        "intent": {"name": "greet", "confidence": 0.9},
        "entities": [],
        "choice_readings": {"planned_by": [["self", 0.95]]},
    }
    opening = tracker({}, "hello", parse_data=said, active_loop="identity_form", after_action="action_next_section")
    out = await run(ValidateIdentityForm(), opening)
    assert "choice_check" not in out.slots


async def test_only_the_first_message_is_read(demo: Any) -> None:
    later = tracker({}, "I'm helping my mum", active_loop="identity_form", after_action="action_next_section")
    later.events[:0] = [{"event": "user", "text": "hello", "parse_data": {}}]
    out = await run(ValidateIdentityForm(), later)
    assert "choice_check" not in out.slots
