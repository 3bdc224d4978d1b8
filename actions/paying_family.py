"""Asks where a relative paid from a direct payment lives (regulation 3), in the words of whoever is
making the plan: the person ("Does your daughter live with you?"), a helper paid themselves ("Do
you live with Priya?"), a helper's own relative ("Does your son live with Priya?"), or the
person's relative ("Does Priya live with their daughter?"). The answer is read by the services
form (actions/services.py `validate_payee_lives_with`, the `lives_with` choice model and
bot/parsing/living.py).

Domain entries: slots `planned_by`, `person_name`, `payee_relation`, `service_id`,
`plan_reference`; responses `utter_ask_payee_lives_with`, `utter_ask_helper_lives_with`,
`utter_ask_helpers_relative_lives_with`."""

from __future__ import annotations

from typing import List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, plan_reference
from bot.parsing.relations import helper_paid, relation_named
from bot.plans import service
from bot.slot_names import PAYEE_RELATION, PERSON_NAME, PLANNED_BY, SERVICE_ID


def lives_with_question(planned_by: Optional[str], description: str) -> str:
    """The response that asks it, for who is planning and how the service was described."""
    if planned_by != "supporter":
        return "utter_ask_payee_lives_with"
    if helper_paid(description):
        return "utter_ask_helper_lives_with"
    named = relation_named(description)
    if named is not None and named.owner == "my":
        return "utter_ask_helpers_relative_lives_with"
    return "utter_ask_payee_lives_with"


class AskPayeeLivesWith(Action):
    def name(self) -> Text:
        return "action_ask_payee_lives_with"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        plan = await call(service.get_plan, plan_reference(tracker))
        service_id = tracker.get_slot(SERVICE_ID)
        recorded = next((s for s in plan.services if service_id is not None and s.id == int(service_id)), None)
        dispatcher.utter_message(
            response=lives_with_question(
                tracker.get_slot(PLANNED_BY) or plan.planned_by, recorded.description if recorded else ""
            ),
            payee_relation=tracker.get_slot(PAYEE_RELATION),
            person_name=tracker.get_slot(PERSON_NAME) or plan.given_name,
        )
        return []
