"""Sections 1–2: who is planning, and checking identity against the council's records.

Three failed checks lock verification for this conversation for 15 minutes. Failed checks are
also counted per reference and per client (the client key our channels put in the message
metadata), from any conversations, with escalating locks (bot/identity.py); while one is in
force the conversation is paused as long. The reply to a failed check never says whether the
reference exists."""
from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call
from actions.forms_base import SectionFormValidation
from bot.channels.metadata import client_key
from bot.choices import PLANNED_BY
from bot.identity import check_identity
from bot.parsing import extract_reference, match_choice, parse_date

logger = logging.getLogger(__name__)

SMS_CHANNEL = "sms"
#: the metadata key bot/channels/sms.py puts the phone's person reference under
SMS_PERSON_REFERENCE = "sms_person_reference"
MAX_FAILURES = 3
LOCK_SECONDS = 15 * 60


def message_metadata(tracker: Tracker) -> Dict[Text, Any]:
    """The metadata our channel attached to the person's latest message (empty when none)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return event.get("metadata") or {}
    return {}


def sms_reference(tracker: Tracker) -> Optional[str]:
    """Over SMS, the reference of the person whose phone number sent the message (the SMS
    channel adds it when exactly one person has that number); None on any other channel."""
    if tracker.get_latest_input_channel() != SMS_CHANNEL:
        return None
    return message_metadata(tracker).get(SMS_PERSON_REFERENCE) or None


def is_locked(tracker: Tracker, now: float) -> bool:
    until = tracker.get_slot("identity_locked_until")
    return until is not None and float(until) > now


class ValidateIdentityForm(SectionFormValidation):
    def name(self) -> Text:
        return "validate_identity_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        """Over SMS the phone number stands in for the reference (DESIGN §6.2) when it is known."""
        if sms_reference(tracker) and not tracker.get_slot("person_reference"):
            return [slot for slot in domain_slots if slot != "person_reference"]
        return domain_slots

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
        reference = tracker.get_slot("person_reference") or sms_reference(tracker) or ""
        check = await call(check_identity, reference, born, client=client_key(message_metadata(tracker)))
        person = check.person
        if person is None:
            return self._failed_check(dispatcher, tracker, check.locked_until)
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

    def _failed_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, locked_until: Optional[datetime]
    ) -> Dict[Text, Any]:
        """A failed check; the conversation locks after MAX_FAILURES, or at once (for as long)
        when the reference or the client is locked (failed checks from other conversations too)."""
        failures = int(tracker.get_slot("identity_failures") or 0) + 1
        logger.info("Identity check failed (%d of %d)", failures, MAX_FAILURES)
        cleared: Dict[Text, Any] = {"person_reference": None, "date_of_birth": None}
        if failures >= MAX_FAILURES or locked_until is not None:
            # The router tells the person about the lock once the form has closed.
            until = max(time.time() + LOCK_SECONDS, locked_until.timestamp() if locked_until else 0.0)
            return {**cleared, "identity_failures": 0, "identity_locked_until": until, "requested_slot": None}
        dispatcher.utter_message(response="utter_identity_no_match")
        return {**cleared, "identity_failures": failures}
