"""Advice kept (Care Act s.25): a question about personal budgets answered while a plan is open is
kept on the plan as the question's title from the catalogue and the answer given, inside a form
and outside one (the router), after the plan is sent too; never the person's own words."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from actions.outcomes import ValidateImportantForm
from actions.plan import ActionNextSection
from bot.answers.trackers import run, tracker
from bot.plans import service
from bot.plans.views import AdviceView
from tests.support.plans import make_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

ANSWER = "A direct payment is when the council pays your budget to you, or to someone for you."
ASKED = "wot is a direkt paymnt then, my friend Sue said to ask"


def selector(topic: str, text: str) -> Dict[str, Any]:
    """The ResponseSelector's output as Rasa 3.6 sends it (rasa/nlu/selectors/response_selector.py)."""
    return {
        "faq": {
            "response": {
                "responses": [{"text": text}],
                "confidence": 0.97,
                "intent_response_key": f"faq/{topic}",
                "utter_action": f"utter_faq/{topic}",
            },
            "ranking": [],
        }
    }


async def test_a_question_inside_a_form_is_kept_as_its_title_and_answer(plan_ref: str) -> None:
    out = await run(
        ValidateImportantForm(),
        tracker(
            {"plan_reference": plan_ref},
            ASKED,
            intent="faq",
            filled="important_to_me",
            active_loop="important_form",
            response_selector=selector("direct_payment", ANSWER),
        ),
    )
    assert out.responses == ["utter_faq/direct_payment"] and out.slots["important_to_me"] is None
    plan = service.get_plan(plan_ref)
    assert plan.advice == (AdviceView("What is a direct payment?", ANSWER),)
    assert "Sue" not in repr(plan) and plan.important_to_me is None


async def test_a_question_outside_a_form_is_kept_once_however_often_it_is_asked(plan_ref: str) -> None:
    service.set_important_to_me(plan_ref, "My garden")
    answer = "You can usually pay a relative who lives somewhere else to support you."
    for _ in range(2):
        out = await run(
            ActionNextSection(),
            tracker(
                {"plan_reference": plan_ref},
                "can i pay my son",
                intent="faq",
                response_selector=selector("pay_family_member", answer),
            ),
        )
        assert "utter_faq/pay_family_member" in out.responses
    assert service.get_plan(plan_ref).advice == (AdviceView("Can I pay a family member?", answer),)


async def test_questions_after_sending_are_kept_too(demo: str) -> None:
    plan_ref = make_plan(demo, "c", submit=True)
    await run(
        ActionNextSection(),
        tracker(
            {"plan_reference": plan_ref},
            "how do i complain",
            intent="faq",
            response_selector=selector("complaints", "Tell the council first."),
        ),
    )
    assert [a.question for a in service.get_plan(plan_ref).advice] == ["How do I complain?"]


async def test_nothing_is_kept_without_a_plan_or_without_a_known_answer(plan_ref: str) -> None:
    out = await run(
        ActionNextSection(),
        tracker({}, "what is a direct payment", intent="faq", response_selector=selector("direct_payment", ANSWER)),
    )
    assert "utter_faq/direct_payment" in out.responses
    # Rasa puts the bare key where it has no answer's text; an unknown topic is not the catalogue's
    for topic, text in (("direct_payment", "faq/direct_payment"), ("not_a_topic", "Some text")):
        await run(
            ValidateImportantForm(),
            tracker(
                {"plan_reference": plan_ref},
                "what is that",
                intent="faq",
                filled="important_to_me",
                active_loop="important_form",
                response_selector=selector(topic, text),
            ),
        )
    assert service.get_plan(plan_ref).advice == ()
