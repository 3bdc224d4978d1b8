"""Sections 1–2: who is planning, and checking identity against the council's records.

Three failed checks lock verification for this conversation for 15 minutes. Failed checks are
also counted per reference and per client (the client key our channels put in the message
metadata), from any conversations, with escalating locks (bot/identity.py); while one is in
force the conversation is paused as long. The reply to a failed check never says whether the
reference exists.

With IDENTITY_SECOND_FACTOR=sms, a match texts a one-time code to the phone on file
(bot/second_factor.py) and the form asks for it (`one_time_code`) before the person is verified."""

from __future__ import annotations

import logging
import re
import time
from datetime import date, datetime
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, first_message, form_answered_by_user, latest_text
from actions.detours import detect_latest
from actions.forms.base import SectionFormValidation
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.channels.metadata import client_key
from bot.choices import PLANNED_BY
from bot.config import get_settings
from bot.identity import VerifiedPerson, check_identity, confirm_identity, verify_identity
from bot.parsing import extract_reference, match_choice, parse_date
from bot.parsing.choices import without_the_plan_named
from bot.parsing.reference import birth_date_beside_reference
from bot.second_factor import CODE_DIGITS, CodeResult, check_code, new_code, phone_on_file, send_code
from bot.slot_names import (
    DATE_OF_BIRTH,
    IDENTITY_FAILURES,
    IDENTITY_LOCKED_UNTIL,
    ONE_TIME_CODE,
    PAUSED,
    PERSON_NAME,
    PERSON_REFERENCE,
    REQUESTED_SLOT,
    VERIFIED,
)
from bot.slot_names import PLANNED_BY as PLANNED_BY_SLOT

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
    until = tracker.get_slot(IDENTITY_LOCKED_UNTIL)
    return until is not None and float(until) > now


class ValidateIdentityForm(SectionFormValidation):
    hears_review_requests = False  # not verified yet: the router remembers the request (review_wanted)

    def name(self) -> Text:
        return "validate_identity_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        """Over SMS the phone number stands in for the reference (DESIGN §6.2) when it is known;
        with the second factor on, the code texted is asked last."""
        slots = domain_slots
        if sms_reference(tracker) and not tracker.get_slot(PERSON_REFERENCE):
            slots = [slot for slot in slots if slot != PERSON_REFERENCE]
        if get_settings().identity_second_factor:
            slots = [*slots, ONE_TIME_CODE]
        return slots

    def said_before_asked(self, asking: Optional[str], tracker: Tracker) -> List[EventType]:
        """A first message often says who is planning ("hi, I'm helping my mum with her plan"):
        a reading of it is put back as one check rather than asking the question from scratch. It
        is used only when the words and the model agree on it, and checked even then, as the person
        was not asked."""
        if asking != PLANNED_BY_SLOT or not first_message(tracker) or detect_latest(tracker, in_form=False):
            return []
        text = latest_text(tracker)
        question = QUESTION_OF_SLOT[PLANNED_BY_SLOT]
        words = match_choice(without_the_plan_named(text), PLANNED_BY)
        reading = read_choice(text, PLANNED_BY, tracker.latest_message, question, lambda _: words, False)
        if reading.code is None or not reading.sure:
            return []
        return [SlotSet(slot, value) for slot, value in self.check(PLANNED_BY_SLOT, reading.code, text).items()]

    async def extract_one_time_code(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The code is what the person typed when it was asked (a custom mapping: the domain's form
        does not list it, as it is asked only with the second factor on)."""
        if tracker.get_slot(REQUESTED_SLOT) != ONE_TIME_CODE or not form_answered_by_user(tracker):
            return {}
        return {ONE_TIME_CODE: latest_text(tracker)}

    async def validate_planned_by(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        reading = read_choice(text, PLANNED_BY, tracker.latest_message, QUESTION_OF_SLOT[PLANNED_BY_SLOT])
        who, asked = self.choose(dispatcher, tracker, PLANNED_BY_SLOT, reading, text, "utter_planned_by_not_understood")
        if who is None:
            return asked
        return self.accept(tracker, PLANNED_BY_SLOT, who)

    async def validate_person_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        reference = extract_reference(text)
        if reference is None:
            return self.reject(dispatcher, tracker, PERSON_REFERENCE, "utter_reference_not_understood")
        updates = self.accept(tracker, PERSON_REFERENCE, reference)
        rest = birth_date_beside_reference(text)  # 'PB-100234, and his birthday is 3rd April 1956'
        if rest and DATE_OF_BIRTH in await self._still_asked(dispatcher, tracker, domain) and parse_date(rest):
            tracker.slots.update({PERSON_REFERENCE: reference, DATE_OF_BIRTH: rest})
            return {**updates, **await self.validate_date_of_birth(rest, dispatcher, tracker, domain)}
        return updates

    async def validate_date_of_birth(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        born = parse_date(str(value or ""))
        if born is None:
            return self.reject(dispatcher, tracker, DATE_OF_BIRTH, "utter_date_not_understood")
        reference = tracker.get_slot(PERSON_REFERENCE) or sms_reference(tracker) or ""
        second_factor = bool(get_settings().identity_second_factor)
        check = await call(
            check_identity, reference, born, client=client_key(message_metadata(tracker)), second_factor=second_factor
        )
        person = check.person
        if person is None:
            return self._failed_check(dispatcher, tracker, check.locked_until)
        if second_factor:
            return await self._text_a_code(dispatcher, tracker, person, born)
        return self._verified(dispatcher, tracker, person, DATE_OF_BIRTH, born.isoformat())

    async def validate_one_time_code(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        typed = re.sub(r"\D", "", str(value or ""))
        if len(typed) != CODE_DIGITS:
            return self.reject(dispatcher, tracker, ONE_TIME_CODE, "utter_one_time_code_not_understood")
        reference = tracker.get_slot(PERSON_REFERENCE) or ""
        result = await call(check_code, tracker.sender_id, reference, typed)
        born = tracker.get_slot(DATE_OF_BIRTH)
        matched = result is CodeResult.MATCHED and born
        person = await call(verify_identity, reference, date.fromisoformat(born)) if matched else None
        if person is not None:
            await call(confirm_identity, reference)
            return self._verified(dispatcher, tracker, person, ONE_TIME_CODE, "checked")
        if result is CodeResult.WRONG:
            dispatcher.utter_message(response="utter_one_time_code_wrong")
            return {ONE_TIME_CODE: None}
        logger.info("One-time code: starting the check again")
        dispatcher.utter_message(response="utter_one_time_code_start_again")
        return {ONE_TIME_CODE: None, PERSON_REFERENCE: None, DATE_OF_BIRTH: None}

    def _verified(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, person: VerifiedPerson, slot: str, value: Any
    ) -> Dict[Text, Any]:
        """The person is who they say: `slot` is the one just answered, with `value`."""
        logger.info("Identity verified")
        dispatcher.utter_message(response="utter_identity_confirmed", person_name=person.given_name)
        return self.accept(
            tracker,
            slot,
            value,
            **{
                PERSON_REFERENCE: person.reference,
                PERSON_NAME: person.given_name,
                VERIFIED: True,
                IDENTITY_FAILURES: 0,
            },
        )

    async def _text_a_code(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, person: VerifiedPerson, born: date
    ) -> Dict[Text, Any]:
        """Texts a one-time code to the phone on file; the form then asks for it. Without a phone,
        or when it cannot be sent, the person is asked kindly to call the council."""
        settings = get_settings()
        phone = await call(phone_on_file, person.reference)
        problem = "utter_second_factor_no_phone" if phone is None else None
        if phone is not None:
            code = await call(new_code, tracker.sender_id, person.reference)
            if not await send_code(settings, phone, code):
                problem = "utter_second_factor_not_sent"
        if problem is not None:
            dispatcher.utter_message(response=problem, council_phone=settings.council_phone)
            return {PERSON_REFERENCE: None, DATE_OF_BIRTH: None, REQUESTED_SLOT: None, PAUSED: True}
        logger.info("One-time code texted")
        return self.accept(
            tracker, DATE_OF_BIRTH, born.isoformat(), **{PERSON_REFERENCE: person.reference, ONE_TIME_CODE: None}
        )

    def _failed_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, locked_until: Optional[datetime]
    ) -> Dict[Text, Any]:
        """A failed check; the conversation locks after MAX_FAILURES, or at once (for as long)
        when the reference or the client is locked (failed checks from other conversations too)."""
        failures = int(tracker.get_slot(IDENTITY_FAILURES) or 0) + 1
        logger.info("Identity check failed (%d of %d)", failures, MAX_FAILURES)
        cleared: Dict[Text, Any] = {PERSON_REFERENCE: None, DATE_OF_BIRTH: None}
        if failures >= MAX_FAILURES or locked_until is not None:
            # The router tells the person about the lock once the form has closed.
            until = max(time.time() + LOCK_SECONDS, locked_until.timestamp() if locked_until else 0.0)
            return {**cleared, IDENTITY_FAILURES: 0, IDENTITY_LOCKED_UNTIL: until, REQUESTED_SLOT: None}
        dispatcher.utter_message(response="utter_identity_no_match")
        return {**cleared, IDENTITY_FAILURES: failures}
