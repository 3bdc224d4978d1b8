"""Changes to a recorded service's figures that are put back to the person before they are made
('Do you want to change the PA to £18.00 an hour?'): a figure said while another question is
open, or a change that does not read clearly ('45 mins Monday to Saturday and 1 hour Sunday').
A yes makes the change (actions/plan_changes.py correct_service), a no leaves the service as it
was; either way the open question is asked again. Anything else answers that question.

Domain entries: responses `utter_confirm_service_change` and `utter_service_left_as_it_was`,
besides those of choice checks (actions/forms/choice_checks.py) and of correct_service."""

from __future__ import annotations

from typing import Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, latest_text, plan_reference
from actions.forms.choice_checks import ChoiceChecks
from actions.plan_changes import (
    change_words,
    correct_service,
    corrected_figures,
    hours_as_read,
    says_nothing_changes,
)
from bot.parsing import parse_yes_no
from bot.plans import service
from bot.plans.views import ServiceView
from bot.slot_names import CHOICE_CHECK, REQUESTED_SLOT, SERVICE_ID

#: the code of a check that puts a change to a recorded support back to the person
CHANGE = "change"


class ServiceChangeChecks(ChoiceChecks):
    def check_change(
        self,
        dispatcher: CollectingDispatcher,
        current: ServiceView,
        figures: Dict[str, str],
        text: str,
        requested: str,
    ) -> Optional[List[EventType]]:
        """Slot events that put the change `figures` make to `current` back to the person before
        it is made (None when they make none); `requested` is asked again after the reply. A
        doubtful change, or one to the figures already recorded, is said so and `requested` asked
        again (plan_changes.says_nothing_changes)."""
        figures = hours_as_read(text, figures)
        changes = corrected_figures(figures, hourly=current.hours_per_week is not None)
        if changes is None:
            return None
        if says_nothing_changes(dispatcher, current, figures, changes, text):
            return [SlotSet(requested, None)]
        updates = self.check(
            requested,
            CHANGE,
            text,
            "utter_confirm_service_change",
            description=current.description,
            new_value=change_words(changes),
        )
        updates[CHOICE_CHECK][CHANGE] = {SERVICE_ID: current.id, "figures": dict(figures)}
        return [SlotSet(name, value) for name, value in updates.items()]

    async def answer_to_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The reply to 'Do you want to change … to …?': yes makes the change, no leaves it; either
        way the open question is asked again. Anything else answers that question."""
        pending = dict(tracker.get_slot(CHOICE_CHECK) or {})
        change, slot = pending.get(CHANGE), pending.get("slot")
        answer = parse_yes_no(latest_text(tracker)) if change else None
        if answer is None or not slot or not change:
            return await super().answer_to_check(dispatcher, tracker, domain)
        if answer:
            plan = await call(service.get_plan, plan_reference(tracker))
            await correct_service(dispatcher, plan, int(change[SERVICE_ID]), change["figures"], "")
        else:
            dispatcher.utter_message(response="utter_service_left_as_it_was")
        return [SlotSet(CHOICE_CHECK, None), SlotSet(slot, None), SlotSet(REQUESTED_SLOT, slot)]
