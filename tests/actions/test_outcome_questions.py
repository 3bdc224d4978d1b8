"""At "What would you like to change or be able to do?", a question or remark about the question
is explained, never recorded as an outcome; real outcomes with question words in them still are;
questions about personal budgets still take the FAQ detour (actions/forms/detours.py)."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from actions.outcomes import ValidateOutcomesForm
from bot.answers.trackers import Outcome, run, tracker
from bot.plans import service
from tests.support.plans import open_demo_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    return prepared(open_demo_plan)


async def _say(plan_ref: str, text: str, **known: Any) -> Outcome:
    slots: Dict[str, Any] = {"plan_reference": plan_ref, "planned_by": "self", **known}
    return await run(ValidateOutcomesForm(), tracker(slots, text, filled="outcome_text", active_loop="outcomes_form"))


@pytest.mark.parametrize(
    "text, response",
    [
        ("what do you mean?", "utter_outcome_meaning"),
        ("can you give me an example?", "utter_outcome_meaning"),
        ("what's an outcome", "utter_outcome_meaning"),
        ("pardon?", "utter_outcome_meaning"),
        ("eh?", "utter_outcome_meaning"),
        ("wot do u mean", "utter_outcome_meaning"),
        ("why do you need to know", "utter_outcome_why"),
        ("how many can I put", "utter_outcome_how_many"),
        ("I don't know", "utter_outcome_unsure"),
        ("not sure", "utter_outcome_unsure"),
        ("dunno", "utter_outcome_unsure"),
    ],
)
async def test_a_question_or_remark_about_the_question_is_answered_not_recorded(
    plan_ref: str, text: str, response: str
) -> None:
    out = await _say(plan_ref, text)
    assert out.responses == [response]
    assert out.slots["outcome_text"] is None
    assert out.slots.get("requested_slot", "outcome_text") == "outcome_text"  # asked again
    assert "outcome_count" not in out.slots
    assert service.get_plan(plan_ref).outcomes == ()


@pytest.mark.parametrize(
    "text",
    [
        "I want to know how to cook again",
        "to be able to get out and about",
        "Why can't I go swimming like I used to - I want to go swimming again",
        "learn what's on in my area",
        "help me understand my bills",
    ],
)
async def test_an_outcome_with_question_words_is_recorded(plan_ref: str, text: str) -> None:
    out = await _say(plan_ref, text)
    assert out.responses == ["utter_outcome_added"]
    assert out.slots["outcome_count"] == 1
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == [text]


async def test_only_the_outcome_is_recorded_when_a_question_comes_with_it(plan_ref: str) -> None:
    out = await _say(plan_ref, "what do you mean? I want to get out more")
    assert out.said("utter_outcome_added")["outcome"] == "I want to get out more"
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == ["I want to get out more"]


async def test_after_an_outcome_a_question_keeps_the_count(plan_ref: str) -> None:
    service.add_outcome(plan_ref, "Cook my own dinner")
    out = await _say(plan_ref, "how many can i put", outcome_count=1)
    assert out.responses == ["utter_outcome_how_many"]
    assert "outcome_count" not in out.slots
    assert len(service.get_plan(plan_ref).outcomes) == 1


async def test_questions_about_the_question_are_asked_at_most_three_times_in_a_row(plan_ref: str) -> None:
    """The second is explained another way with the offer of a person; the third pauses on it."""
    failed = None
    said = []
    for text in ("what do you mean?", "i dont get it", "eh?"):
        out = await _say(plan_ref, text, failed_attempts=failed)
        failed = out.slots.get("failed_attempts")
        said.append(out.responses)
    assert said == [
        ["utter_outcome_meaning"],
        ["utter_explain_outcome_text", "utter_person_offer"],
        ["utter_stuck"],
    ]
    assert out.slots["paused"] is True and out.slots["requested_slot"] is None
    assert service.get_plan(plan_ref).outcomes == ()


async def test_a_question_about_personal_budgets_still_takes_the_faq_detour(plan_ref: str) -> None:
    selector = {"faq": {"response": {"intent_response_key": "faq/what_is_personal_budget", "responses": []}}}
    out = await run(
        ValidateOutcomesForm(),
        tracker(
            {"plan_reference": plan_ref},
            "how much is my budget?",
            intent="faq",
            filled="outcome_text",
            active_loop="outcomes_form",
            response_selector=selector,
        ),
    )
    assert out.responses == ["utter_faq/what_is_personal_budget"]
    assert out.slots["outcome_text"] is None
    assert service.get_plan(plan_ref).outcomes == ()


async def test_a_question_the_faq_model_is_unsure_of_is_explained_here(plan_ref: str) -> None:
    """Below the detour's bar (actions/detours.py) the message reaches the answer's check."""
    out = await run(
        ValidateOutcomesForm(),
        tracker(
            {"plan_reference": plan_ref},
            "whats an outcome",
            intent="faq",
            confidence=0.6,
            filled="outcome_text",
            active_loop="outcomes_form",
        ),
    )
    assert out.responses == ["utter_outcome_meaning"]
    assert service.get_plan(plan_ref).outcomes == ()
