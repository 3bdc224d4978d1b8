"""The needs from the assessment in the services section (issue 15, Care Act s.25): when the
assessment is known, each service is tied to the needs it meets; once the person has said that is
all the support, each need nothing in the plan meets yet is put to them kindly, one at a time:
add something for it (back to the first service question), it is covered another way, or skip.

`AssessedNeeds` is a part of the services form's validation (actions/services.py); it uses the
form base's `accept`, `reject`, `check` and `choose` (actions/forms)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, plan_reference
from actions.forms.choice_checks import ChoiceChecks
from actions.linking import NONE_OF_THEM, ask_which, items_guess, items_picked, need_codes, need_items, picked_by_words
from actions.service_questions import SERVICE_SLOTS
from bot.answers.reading import read_choice
from bot.choices import UNMET_NEED_CHOICES
from bot.parsing import match_choice, parse_yes_no
from bot.plans import service
from bot.plans.catalogue import NEEDS
from bot.plans.views import PlanView
from bot.slot_names import PERSON_NAME, SERVICE_ID, SERVICE_NEEDS, UNMET_NEED, UNMET_NEEDS_LEFT


def labels(codes: Sequence[str]) -> str:
    """'getting washed; getting dressed'."""
    return "; ".join(NEEDS[code].label for code in codes)


def unmet_need_by_words(text: str) -> Optional[str]:
    """'add' or 'elsewhere' by the words; a bare yes is taken as adding and a bare no as covered
    another way, and the caller checks either with the person."""
    chosen = match_choice(text, UNMET_NEED_CHOICES)
    if chosen is not None:
        return chosen
    answer = parse_yes_no(text)
    return None if answer is None else ("add" if answer else "elsewhere")


class AssessedNeeds(ChoiceChecks):
    """`validate_service_needs` and `validate_unmet_need` for the services form."""

    async def validate_service_needs(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text, reference = str(value or ""), plan_reference(tracker)
        plan = await call(service.get_plan, reference)
        confirmed = self.confirmed(tracker, SERVICE_NEEDS)
        if confirmed is not None:
            codes = tuple(code for code in confirmed.split(",") if code)
        else:
            items = need_items(plan, with_words=True)
            chosen = items_picked(text, items)
            guess = items_guess(text, items) if chosen is None else None
            picked = chosen if chosen is not None else guess
            if picked is None:
                return self.reject(dispatcher, tracker, SERVICE_NEEDS, "utter_service_needs_not_understood")
            codes = need_codes(plan, picked)
            if guess is not None or picked_by_words(text, items):  # a guess, or words they did not write
                needs = labels(codes) or NONE_OF_THEM
                return self.check(SERVICE_NEEDS, ",".join(codes), text, "utter_confirm_service_needs", needs=needs)
        service_id = tracker.get_slot(SERVICE_ID)
        if service_id is not None:
            await call(service.link_service_needs, reference, int(service_id), codes)
        if codes:
            dispatcher.utter_message(response="utter_service_needs_linked", needs=labels(codes))
        return self.accept(tracker, SERVICE_NEEDS, ",".join(codes) or "none")

    # --- needs nothing meets yet, after the last service ------------------------------------

    @staticmethod
    async def unmet_needs_round(plan: PlanView) -> Dict[Text, Any]:
        """The slots that ask about each need nothing in the plan meets yet; with none left, the
        services section is complete."""
        left = list(plan.unmet_needs)
        if not left:
            await call(service.set_services_complete, plan.plan_reference, True)
        return {UNMET_NEEDS_LEFT: left or None}

    async def _next_need(self, tracker: Tracker, left: List[str]) -> Dict[Text, Any]:
        """The need just answered is done: ask about the next, or end the section."""
        plan = await call(service.get_plan, plan_reference(tracker))
        pending = [code for code in left if code in plan.unmet_needs]
        if not pending:
            await call(service.set_services_complete, plan.plan_reference, True)
        return self.accept(tracker, UNMET_NEED, None, **{UNMET_NEEDS_LEFT: pending or None})

    async def validate_unmet_need(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        left = list(tracker.get_slot(UNMET_NEEDS_LEFT) or [])
        if not left:
            return {UNMET_NEED: None}
        text, need = str(value or ""), NEEDS[left[0]].label
        bare = match_choice(text, UNMET_NEED_CHOICES) is None
        # read by buttons and words: no choice model is trained for this question (data/choices) yet
        reading = read_choice(
            text, UNMET_NEED_CHOICES, tracker.latest_message, UNMET_NEED, unmet_need_by_words, doubtful=bare
        )
        choice, asked = self.choose(dispatcher, tracker, UNMET_NEED, reading, text, "utter_unmet_need_not_understood")
        if choice is None:
            return asked
        if choice == "add":
            dispatcher.utter_message(response="utter_add_for_need", need=need)
            return self.accept(tracker, UNMET_NEED, None, **{name: None for name in SERVICE_SLOTS})
        await call(service.set_need_met_elsewhere, plan_reference(tracker), left[0])
        dispatcher.utter_message(response="utter_need_met_elsewhere", need=need)
        return await self._next_need(tracker, left[1:])

    async def skip_unmet_need(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """Skipping a need leaves it as it is (the council will see it is not met) and moves on."""
        dispatcher.utter_message(response="utter_need_skipped")
        left = list(tracker.get_slot(UNMET_NEEDS_LEFT) or [])
        updates = await self._next_need(tracker, left[1:])
        return [SlotSet(name, value) for name, value in updates.items()]


class AskServiceNeeds(Action):
    """Asks which of the assessed needs the service just costed helps with, listing them."""

    def name(self) -> Text:
        return "action_ask_service_needs"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        plan = await call(service.get_plan, plan_reference(tracker))
        ask_which(dispatcher, need_items(plan), "utter_which_needs", person_name=tracker.get_slot(PERSON_NAME))
        return []


class AskUnmetNeed(Action):
    """'Nothing in your plan helps with getting washed yet. Would you like to add something, or
    is that covered another way?'"""

    def name(self) -> Text:
        return "action_ask_unmet_need"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        left = tracker.get_slot(UNMET_NEEDS_LEFT) or []
        if left:
            dispatcher.utter_message(
                response="utter_ask_unmet_need", need=NEEDS[left[0]].label, person_name=tracker.get_slot(PERSON_NAME)
            )
        return []
