"""Sections 1–2: who is planning, and checking identity against the council's records.

Three failed checks lock verification for this conversation for 15 minutes. The reply to a
failed check never says whether the reference exists."""
from __future__ import annotations

import logging
import time
from typing import Any, Dict, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call
from actions.forms_base import SectionFormValidation
from bot.choices import PLANNED_BY
from bot.identity import verify_identity
from bot.parsing import extract_reference, match_choice, parse_date

logger = logging.getLogger(__name__)

MAX_FAILURES = 3
LOCK_SECONDS = 15 * 60


def is_locked(tracker: Tracker, now: float) -> bool:
    until = tracker.get_slot("identity_locked_until")
    return until is not None and float(until) > now


class ValidateIdentityForm(SectionFormValidation):
    def name(self) -> Text:
        return "validate_identity_form"

    async def validate_planned_by(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        who = match_choice(str(value or ""), PLANNED_BY)
        if who is None:
            return self.reject(dispatcher, tracker, "planned_by", "utter_planned_by_not_understood")
        return self.accept(tracker, "planned_by", who)

    async def validate_person_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        reference = extract_reference(str(value or ""))
        if reference is None:
            return self.reject(dispatcher, tracker, "person_reference", "utter_reference_not_understood")
        return self.accept(tracker, "person_reference", reference)

    async def validate_date_of_birth(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        born = parse_date(str(value or ""))
        if born is None:
            return self.reject(dispatcher, tracker, "date_of_birth", "utter_date_not_understood")
        person = await call(verify_identity, tracker.get_slot("person_reference") or "", born)
        if person is None:
            return self._failed_check(dispatcher, tracker)
        logger.info("Identity verified")
        dispatcher.utter_message(response="utter_identity_confirmed", person_name=person.given_name)
        return self.accept(
            tracker,
            "date_of_birth",
            born.isoformat(),
            person_reference=person.reference,
            person_name=person.given_name,
            verified=True,
            identity_failures=0,
        )

    def _failed_check(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        failures = int(tracker.get_slot("identity_failures") or 0) + 1
        logger.info("Identity check failed (%d of %d)", failures, MAX_FAILURES)
        cleared: Dict[Text, Any] = {"person_reference": None, "date_of_birth": None}
        if failures >= MAX_FAILURES:
            # The router tells the person about the lock once the form has closed.
            return {
                **cleared,
                "identity_failures": 0,
                "identity_locked_until": time.time() + LOCK_SECONDS,
                "requested_slot": None,
            }
        dispatcher.utter_message(response="utter_identity_no_match")
        return {**cleared, "identity_failures": failures}
