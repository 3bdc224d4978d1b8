"""Which detour a message takes, given what the NLU model said: inside a form the bar is high,
and a description of support is never taken as asking for a person."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from actions.detours import Detour, detect


def parsed(text: str, intent: str, confidence: float) -> Dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": []}


@pytest.mark.parametrize(
    "text",
    [
        "someone called Bernadette to drive me to rehearsals",
        "someone to sit with me in the evenings",
        "a person to help me shower",
    ],
)
def test_support_described_as_someone_is_an_answer_inside_a_form(text: str) -> None:
    assert detect(parsed(text, "request_human", 0.97), in_form=True) is None


@pytest.mark.parametrize(
    "text",
    [
        "i need to speak to sum1",
        "get me an adviser",
        "can the council call me",
        "i want a human",
    ],
)
def test_asking_for_a_person_inside_a_form(text: str) -> None:
    assert detect(parsed(text, "request_human", 0.97), in_form=True) is Detour.HANDOFF


def test_outside_a_form_the_model_decides() -> None:
    assert detect(parsed("someone from your lot please", "request_human", 0.9), in_form=False) is Detour.HANDOFF


@pytest.mark.parametrize("intent", ["save_for_later", "goodbye", "faq"])
@pytest.mark.parametrize("text", ["finish", "that's all", "I'm done"])
def test_finishing_words_inside_a_form_end_the_list_not_the_session(text: str, intent: str) -> None:
    assert detect(parsed(text, intent, 0.97), in_form=True) is None


def test_finishing_for_now_inside_a_form_still_pauses() -> None:
    assert detect(parsed("I'm done for now", "save_for_later", 0.97), in_form=True) is Detour.PAUSE


@pytest.mark.parametrize("sure", [True, False])
def test_a_plain_question_outside_a_form_is_answered_when_its_answer_is_sure(sure: bool) -> None:
    """After the plan was sent, 'Can mum pay me out of her budget? I do most of her shopping…'
    left the intent model unsure (0.4) and met 'Your plan has been sent' instead of an answer."""
    message = parsed("Can mum pay me out of her budget? I do most of her shopping and cleaning", "faq", 0.4)
    answer = {"intent_response_key": "faq/pay_family_member", "confidence": 0.95 if sure else 0.5}
    message["response_selector"] = {"faq": {"response": answer}}
    assert (detect(message, in_form=False) is Detour.QUESTION) is sure
