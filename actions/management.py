"""Sections 7–8: how the money will be managed, and what happens if support doesn't turn up."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, plan_reference
from actions.forms_base import SKIPPED_ANSWER, SectionFormValidation
from actions.outcomes import is_meaningful
from bot.choices import MANAGEMENT_OPTIONS, label
from bot.parsing import match_choice
from bot.plans import service


class ValidateManagementForm(SectionFormValidation):
    def name(self) -> Text:
        return "validate_management_form"

    async def validate_management_option(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        option = match_choice(str(value or ""), MANAGEMENT_OPTIONS)
        if option is None:
            return self.reject(dispatcher, tracker, "management_option", "utter_management_not_understood")
        await call(service.set_management, plan_reference(tracker), option)
        dispatcher.utter_message(response="utter_management_noted", management_words=label(MANAGEMENT_OPTIONS, option))
        return self.accept(tracker, "management_option", option)


class ValidateContingencyForm(SectionFormValidation):
    skippable = frozenset({"contingency"})

    def name(self) -> Text:
        return "validate_contingency_form"

    async def validate_contingency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, "contingency", "utter_contingency_too_short")
        await call(service.set_contingency, plan_reference(tracker), text)
        return self.accept(tracker, "contingency", text)

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        await call(service.set_contingency, plan_reference(tracker), SKIPPED_ANSWER)
        dispatcher.utter_message(response="utter_skipped")
        return [SlotSet("contingency", SKIPPED_ANSWER)]
