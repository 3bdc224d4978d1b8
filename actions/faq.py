"""Answers to questions about personal budgets, chosen by Rasa's ResponseSelector (retrieval
intent `faq`); the answers themselves live in domain/faq.yml. When a plan is open, the answer
is kept on it (the advice given, Care Act s.25) under the question's title from the catalogue,
never the person's own words."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import call, plan_reference
from bot.config import get_settings
from bot.plans.catalogue import ADVICE_TOPICS
from bot.plans.service import record_advice

_PREFIX = "faq/"


def _advice(response: Dict[str, Any]) -> Optional[Tuple[str, str]]:
    """(the question's title, the answer's text) of the selected answer, or None when it is not
    one of the catalogue's questions or Rasa sent no text for it."""
    topic = str(response.get("intent_response_key") or "").removeprefix(_PREFIX)
    texts = [str(variant.get("text") or "") for variant in response.get("responses") or ()]
    if topic not in ADVICE_TOPICS or not texts or not texts[0] or texts[0] == f"{_PREFIX}{topic}":
        return None  # Rasa puts the bare key in place of an answer it could not find
    return ADVICE_TOPICS[topic].label, texts[0]


async def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    key = response.get("intent_response_key")
    if not key:
        dispatcher.utter_message(response="utter_faq_unknown", council_phone=get_settings().council_phone)
        return
    dispatcher.utter_message(response=f"utter_{key}")
    advice, reference = _advice(response), plan_reference(tracker)
    if advice and reference:
        await call(record_advice, reference, *advice)
