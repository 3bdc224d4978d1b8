"""Sections 4–5: what is important to the person, and the outcomes they want (one at a time,
until they say that is all)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, latest_text, plan_reference, within_limits
from actions.forms.base import SectionFormValidation
from actions.forms.recording import FreeTextFormValidation, is_meaningful
from actions.plan_changes import remove_named_item
from bot.parsing import is_finished, parse_yes_no
from bot.parsing.outcomes import OutcomeReply, read_outcome_reply
from bot.plans import service
from bot.slot_names import IMPORTANT_TO_ME, OUTCOME_COUNT, OUTCOME_TEXT, PERSON_NAME, REQUESTED_SLOT

#: "and to have a bath safely": the joining word belongs to the conversation, not the outcome
_LEADING_JOIN = re.compile(r"^(?:(?:oh|and|also|plus|then|next|another one|one more)\b[\s,:.-]*)+", re.IGNORECASE)
#: what is said to a reply that is not an outcome (bot/parsing/outcomes.py) before the question is asked again
NOT_AN_OUTCOME = {
    OutcomeReply.ASKS_MEANING: "utter_outcome_meaning",
    OutcomeReply.ASKS_WHY: "utter_outcome_why",
    OutcomeReply.ASKS_HOW_MANY: "utter_outcome_how_many",
    OutcomeReply.UNSURE: "utter_outcome_unsure",
}


class ValidateImportantForm(FreeTextFormValidation):
    slot = IMPORTANT_TO_ME
    too_short_response = "utter_important_too_short"
    noted_response = "utter_important_noted"
    save = staticmethod(service.set_important_to_me)

    def name(self) -> Text:
        return "validate_important_form"

    async def validate_important_to_me(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._validate_answer(value, dispatcher, tracker)


class ValidateOutcomesForm(SectionFormValidation):
    open_questions = frozenset({OUTCOME_TEXT})

    def name(self) -> Text:
        return "validate_outcomes_form"

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """'remove the second one': take an outcome out (an outcome itself is never read as one)."""
        plan = await call(service.get_plan, plan_reference(tracker))
        after = await remove_named_item(dispatcher, plan, latest_text(tracker), ("outcomes",), ask_if_unclear=False)
        if after is None:
            return None
        return [SlotSet(OUTCOME_TEXT, None), SlotSet(OUTCOME_COUNT, len(after.outcomes))]

    async def validate_outcome_text(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = _LEADING_JOIN.sub("", str(value or "").strip())
        count = int(tracker.get_slot(OUTCOME_COUNT) or 0)
        if is_finished(text):
            if count == 0:
                dispatcher.utter_message(response="utter_outcome_needed")
                return {OUTCOME_TEXT: None}
            await call(service.set_outcomes_complete, plan_reference(tracker), True)
            return self.accept(tracker, OUTCOME_TEXT, text, **{REQUESTED_SLOT: None})
        if parse_yes_no(text) is True:
            return {OUTCOME_TEXT: None}  # "yes, there's more": the ask action invites it
        reading = read_outcome_reply(text)
        if not reading.is_outcome:  # a question about the question, or 'not sure': explained, never recorded
            return self.reject(dispatcher, tracker, OUTCOME_TEXT, NOT_AN_OUTCOME[reading.kind])
        text = reading.outcome
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, OUTCOME_TEXT, "utter_outcome_needed")
        added, _ = await within_limits(dispatcher, service.add_outcome, plan_reference(tracker), text)
        if not added:
            return {OUTCOME_TEXT: None}
        dispatcher.utter_message(response="utter_outcome_added", outcome=text)
        return self.accept(tracker, OUTCOME_TEXT, None, **{OUTCOME_COUNT: count + 1})


class AskOutcomeText(Action):
    """Asks for the first outcome, then for the next one or 'that's all'."""

    def name(self) -> Text:
        return "action_ask_outcome_text"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if int(tracker.get_slot(OUTCOME_COUNT) or 0) == 0:
            dispatcher.utter_message(response="utter_ask_first_outcome", person_name=tracker.get_slot(PERSON_NAME))
        elif parse_yes_no(latest_text(tracker)) is True:
            dispatcher.utter_message(response="utter_ask_outcome_go_on")
        else:
            dispatcher.utter_message(response="utter_ask_next_outcome")
        return []
