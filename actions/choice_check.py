"""Puts a middling reading of an answer back to the person as one short question (see
actions/forms/choice_checks.py, `choose`): "It sounds like you're helping someone else with their plan.
Is that right?"."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.choices import CHECK_WORDS
from bot.slot_names import CHOICE_CHECK


class AskChoiceCheck(Action):
    def name(self) -> Text:
        return "action_ask_choice_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        pending = tracker.get_slot(CHOICE_CHECK) or {}
        if pending.get("response"):
            dispatcher.utter_message(response=pending["response"], **(pending.get("args") or {}))
            return []
        words = CHECK_WORDS.get(str(pending.get("slot")), {}).get(str(pending.get("code")))
        if words is None:  # nothing sensible to check: ask the question itself again
            dispatcher.utter_message(response="utter_choice_not_that")
            return []
        dispatcher.utter_message(response="utter_confirm_choice", choice_words=words)
        return []
