"""Safeguarding signposting and handoff to a person. Both flag the plan for a practitioner.

After signposting, the person is asked "Are you safe right now?" and the conversation waits (the
callers pause it, actions/detours.py PAUSING); the router reads the reply (`reply_to_safe_now`). A
reply that is neither yes nor no is thanked and not taken as an answer to the plan's question: after
that question a person more often goes on about what worries them ("I worry I'll fall in the
shower") than answers the plan.

Safeguarding stays with the council: by text message, whose thread stays on the phone where
someone else may read it, the person is signposted but the texts never say the plan was flagged."""

from __future__ import annotations

import logging
from typing import List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import call, plan_reference
from bot.config import get_settings
from bot.parsing.replies import says_safe
from bot.plans import service
from bot.safety import replies
from bot.safety.phrases import questions_the_alert
from bot.slot_names import RISK_BEFORE_PLAN, SAFE_NOW_ASKED

logger = logging.getLogger(__name__)


async def _flag(tracker: Tracker, flag: str) -> bool:
    reference = plan_reference(tracker)
    if not reference:
        return False
    await call(service.add_flag, reference, flag)
    logger.info("Plan flagged: %s", flag)
    return True


def _by_sms(tracker: Tracker) -> bool:
    from actions.identity import SMS_CHANNEL  # here: actions.identity imports this module (through the form base)

    return tracker.get_latest_input_channel() == SMS_CHANNEL


async def respond_to_risk(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Signpost at once (999, safeguarding line, Samaritans); flag the plan if there is one; ask
    whether the person is safe right now."""
    settings = get_settings()
    dispatcher.utter_message(response=replies.SAFEGUARDING, safeguarding_phone=settings.safeguarding_phone)
    try:
        flagged = await _flag(tracker, "safeguarding")
    except Exception:  # the signposting above must never depend on the database
        logger.exception("Could not flag a plan for safeguarding")
        flagged = False
    if flagged and not _by_sms(tracker):
        dispatcher.utter_message(response=replies.SAFEGUARDING_FOLLOWUP)
    else:
        dispatcher.utter_message(response="utter_person_offer")
    dispatcher.utter_message(response=replies.ASK_SAFE_NOW)
    remember = [] if flagged or plan_reference(tracker) else [SlotSet(RISK_BEFORE_PLAN, True)]
    return [SlotSet(SAFE_NOW_ASKED, True), *remember]


async def flag_risk_said_before(tracker: Tracker, reference: str) -> List[EventType]:
    """Once the plan opens, flag it for a sign of risk signposted before identity was checked
    (so what was said then reaches the council's team)."""
    if not tracker.get_slot(RISK_BEFORE_PLAN):
        return []
    await call(service.add_flag, reference, "safeguarding")
    logger.info("Plan flagged: safeguarding (said before the plan opened)")
    return [SlotSet(RISK_BEFORE_PLAN, None)]


def reply_to_safe_now(text: str, more_risk: bool, dispatcher: CollectingDispatcher) -> bool:
    """The reply to the person's answer to "Are you safe right now?"; False when the conversation
    stays paused (not safe, not sure, or more risk said without saying safe: the shorter not-safe
    reply, not all the signposting again)."""
    safe = says_safe(text)
    if more_risk and safe is not True:
        safe = False
    if safe is not False and questions_the_alert(text):  # 'I am safe. I only need taxi. Why you tell council?'
        dispatcher.utter_message(response=replies.WHY_THE_COUNCIL_KNOWS)
    if safe is None:
        dispatcher.utter_message(response=replies.SAFE_NOW_OTHER)
    elif safe:
        dispatcher.utter_message(response=replies.SAFE_NOW_THANKS)
    else:
        dispatcher.utter_message(response=replies.NOT_SAFE_NOW, safeguarding_phone=get_settings().safeguarding_phone)
    return safe is not False


def check_in(dispatcher: CollectingDispatcher) -> None:
    """A kind check on the person, with where to get help; the plan is not flagged (the person
    can ask for a person, and a clearer sign of risk is signposted and flagged)."""
    dispatcher.utter_message(response=replies.CHECK_IN)


async def offer_handoff(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    settings = get_settings()
    try:
        flagged = await _flag(tracker, "handoff_requested")
    except Exception:
        logger.exception("Could not flag a plan for handoff")
        flagged = False
    if flagged:
        dispatcher.utter_message(response="utter_handoff", council_phone=settings.council_phone)
        dispatcher.utter_message(response="utter_handoff_continue")
    else:
        dispatcher.utter_message(response="utter_handoff_call", council_phone=settings.council_phone)
    return []
