"""Starting, resuming and finishing a review of an agreed plan (issue 16), for the router
(actions/plan.py). The person asks in their own words (intent `start_review`) or by texting
REVIEW (bot/channels/keywords.py); identity is checked first, as for planning. The questions are
asked by review_conversation_form (actions/review_form.py); which comes next is worked out from
the review's record (bot/reviews/questions.py), so a review resumes where it stopped."""

from __future__ import annotations

import logging
from datetime import date
from typing import List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.budget import channel_of
from actions.common import call
from actions.forms import detours as detours_in_forms
from actions.identity import message_metadata
from actions.service_questions import COST_SLOTS
from bot.channels.metadata import SMS_KEYWORD
from bot.plans import service
from bot.reviews import record
from bot.reviews.questions import next_question
from bot.reviews.views import ReviewView
from bot.reviews.wording import read_back
from bot.slot_names import (
    CURRENT_SECTION,
    PERSON_REFERENCE,
    REQUESTED_SLOT,
    REVIEW_ADD_SERVICE,
    REVIEW_COST_OK,
    REVIEW_COST_SAME,
    REVIEW_HAPPENING,
    REVIEW_ID,
    REVIEW_LIFE_CHANGES,
    REVIEW_PASSED,
    REVIEW_RATING,
    REVIEW_STILL_RIGHT,
    REVIEW_STOP,
    REVIEW_WANTED,
    REVIEW_WOULD_CHANGE,
    SERVICE_CATEGORY,
    SERVICE_DESCRIPTION,
    SERVICE_PART_OF_YEAR,
)

logger = logging.getLogger(__name__)

START_REVIEW = detours_in_forms.START_REVIEW
#: how sure the intent model must be, outside a form, that the person asked for a review
START_CONFIDENCE = 0.5
#: the review's own questions (slots), in the order they come
REVIEW_QUESTIONS = (
    REVIEW_RATING,
    REVIEW_HAPPENING,
    REVIEW_STILL_RIGHT,
    REVIEW_STOP,
    REVIEW_COST_SAME,
    REVIEW_COST_OK,
    REVIEW_ADD_SERVICE,
    REVIEW_LIFE_CHANGES,
    REVIEW_WOULD_CHANGE,
)
#: the review form's slots, cleared before it opens: its own and the cost questions it shares with planning
REVIEW_FORM_SLOTS = (
    *REVIEW_QUESTIONS,
    SERVICE_CATEGORY,
    SERVICE_DESCRIPTION,
    SERVICE_PART_OF_YEAR,
    *COST_SLOTS,
)


def asks_for_review(tracker: Tracker) -> bool:
    """The latest message asks to review the plan: texted REVIEW, or said so in words."""
    if message_metadata(tracker).get(SMS_KEYWORD) == "review":
        return True
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") == START_REVIEW and float(intent.get("confidence") or 0.0) >= START_CONFIDENCE


def passed(tracker: Tracker) -> List[str]:
    """The review's questions skipped or answered without a trace in the record."""
    return list(tracker.get_slot(REVIEW_PASSED) or [])


def long_date(day: date) -> str:
    """'6 March 2027'."""
    return f"{day.day} {day:%B %Y}"


async def _review(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[ReviewView]:
    """The review under way in this conversation, or the person's new or unfinished one (None,
    said kindly, when they have no agreed plan)."""
    review_id = tracker.get_slot(REVIEW_ID)
    if review_id is not None:
        review = await call(record.get_review, int(review_id))
        if review.status == "in_progress":
            return review
    try:
        review = await call(record.start_review, tracker.get_slot(PERSON_REFERENCE), channel_of(tracker))
    except record.NoAgreedPlan:
        logger.info("Review asked for without an agreed plan")
        latest = await call(service.latest_plan, tracker.get_slot(PERSON_REFERENCE))
        if latest is not None and latest.status == "submitted":  # sent, not yet agreed: no 'carry on'
            dispatcher.utter_message(response="utter_review_plan_not_agreed_yet", plan_reference=latest.plan_reference)
        else:
            dispatcher.utter_message(response="utter_review_no_plan")
        return None
    logger.info("Review started or resumed")
    resumed = any(o.rating for o in review.outcome_ratings) or any(s.happening is not None for s in review.services)
    dispatcher.utter_message(response="utter_review_resume" if resumed else "utter_review_start")
    return review


async def route_review(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Where a verified person who asked for a review goes next: the review's next question, or,
    when every question is asked, the read-back, finishing and what happens next."""
    review = await _review(dispatcher, tracker)
    if review is None:
        return [SlotSet(REVIEW_WANTED, False), SlotSet(REVIEW_ID, None), SlotSet(CURRENT_SECTION, "reviewed")]
    events: List[EventType] = [SlotSet(REVIEW_WANTED, True), SlotSet(REVIEW_ID, review.id)]
    if next_question(review, set(passed(tracker))) is not None:
        cleared = [SlotSet(slot, None) for slot in REVIEW_FORM_SLOTS]
        return events + cleared + [SlotSet(REQUESTED_SLOT, None), SlotSet(CURRENT_SECTION, "reviewing")]
    lines = read_back(review)
    if lines:
        dispatcher.utter_message(response="utter_review_read_back", lines=" ".join(lines))
    done = await call(record.finish_review, review.id)
    logger.info("Review finished")
    dispatcher.utter_message(
        response="utter_review_done_new_version" if done.new_plan_reference else "utter_review_done_no_change"
    )
    if done.needs_person:
        dispatcher.utter_message(response="utter_review_done_adviser")
    if done.next_review_due is not None:
        dispatcher.utter_message(response="utter_review_next", next_review=long_date(done.next_review_due))
    return [  # review_id stays: the router then knows the review is done (`after_finished_review`)
        SlotSet(REVIEW_WANTED, False),
        SlotSet(REVIEW_PASSED, None),
        SlotSet(CURRENT_SECTION, "reviewed"),
    ]


async def after_finished_review(dispatcher: CollectingDispatcher, tracker: Tracker, say: bool) -> List[EventType]:
    """The review finished in this conversation and the person says something more (not asking for
    another review): they are told it is done and what they can do now, never taken back into
    planning; `say` is False when a detour already answered them. [] when no review finished here."""
    review_id = tracker.get_slot(REVIEW_ID)
    if review_id is None or (await call(record.get_review, int(review_id))).status != "done":
        return []
    if say:
        dispatcher.utter_message(response="utter_review_finished_what_next")
    return [SlotSet(CURRENT_SECTION, "reviewed")]
