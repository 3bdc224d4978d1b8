"""Sections 7–8: how the money will be managed, and what happens if support doesn't turn up."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, latest_text, plan_reference
from actions.forms.base import SectionFormValidation
from actions.forms.recording import FreeTextFormValidation
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.choices import MANAGEMENT_OPTIONS, label
from bot.parsing import match_choice
from bot.parsing.edits import sounds_like_correction
from bot.plans import service
from bot.slot_names import CONTINGENCY, MANAGEMENT_OPTION

_SEVERAL = re.compile(r"\band\b|&|\+|,|\bplus\b", re.IGNORECASE)


def management_choice(text: str) -> Optional[str]:
    """The way chosen; 'mixed' when two ways are named together ('card and council')."""
    named = {match_choice(part, MANAGEMENT_OPTIONS) for part in _SEVERAL.split(text)} - {None}
    if len(named) > 1:
        return "mixed"
    return match_choice(text, MANAGEMENT_OPTIONS)


class ValidateManagementForm(SectionFormValidation):
    def name(self) -> Text:
        return "validate_management_form"

    async def validate_management_option(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        reading = read_choice(
            text, MANAGEMENT_OPTIONS, tracker.latest_message, QUESTION_OF_SLOT[MANAGEMENT_OPTION], management_choice
        )
        option, asked = self.choose(
            dispatcher, tracker, MANAGEMENT_OPTION, reading, text, "utter_management_not_understood"
        )
        if option is None:
            return asked
        await call(service.set_management, plan_reference(tracker), option)
        dispatcher.utter_message(response="utter_management_noted", management_words=label(MANAGEMENT_OPTIONS, option))
        return self.accept(tracker, MANAGEMENT_OPTION, option)


class ValidateContingencyForm(FreeTextFormValidation):
    slot = CONTINGENCY
    too_short_response = "utter_contingency_too_short"
    save = staticmethod(service.set_contingency)

    def name(self) -> Text:
        return "validate_contingency_form"

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """A change of mind about the money just chosen ('actually, a payment card')."""
        text = latest_text(tracker)
        option = match_choice(text, MANAGEMENT_OPTIONS) if sounds_like_correction(text) else None
        if option is None:
            return None
        await call(service.set_management, plan_reference(tracker), option)
        dispatcher.utter_message(response="utter_management_noted", management_words=label(MANAGEMENT_OPTIONS, option))
        return [SlotSet(CONTINGENCY, None)]

    async def validate_contingency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._validate_answer(value, dispatcher, tracker)
