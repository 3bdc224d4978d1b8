"""Answers to questions about personal budgets, chosen by Rasa's ResponseSelector (retrieval
intent `faq`); the answers themselves live in domain/faq.yml."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import get_settings


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    key = response.get("intent_response_key")
    if key:
        dispatcher.utter_message(response=f"utter_{key}")
    else:
        dispatcher.utter_message(response="utter_faq_unknown", council_phone=get_settings().council_phone)
