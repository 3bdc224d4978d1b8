"""Detours inside a form (DESIGN §6): a sign of risk, a request for a person, a question about
personal budgets, stop/save for later or start this part again is handled (actions/detours.py)
whatever question is open; the answer to that question is not lost, it is asked again (after a
check-in on a long answer to an open question, the answer is kept). A
message the question's choice model reads surely as an answer is an answer, not a question, a
request for a person or a check-in (a clear sign of risk is always heard). A check-in counts as
a time the question is asked in a row (actions/forms/retries.py).

Domain entries: those of retries (a check-in counts there); slots `requested_slot`, `paused`,
`plan_reference` (to flag the plan); the responses actions/detours.py says:
`utter_safeguarding`, `utter_safeguarding_followup`, `utter_safety_check_in`, `utter_person_offer`, `utter_handoff`, `utter_handoff_continue`, `utter_handoff_call`,
`utter_<faq answer>` (domain/faq.yml), `utter_faq_unknown`, `utter_out_of_scope`, `utter_paused`,
`utter_start_section_again`, `utter_goodbye`, `utter_you_are_welcome`, `utter_iamabot`; and for a
review asked for while planning, slots `person_reference`, `review_wanted` and the response
`utter_review_instead_of_planning`.
"""

from __future__ import annotations

from typing import FrozenSet, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import detours
from actions.common import call, latest_text
from actions.forms.retries import Retries
from bot.answers.reading import answers_the_question, asks_back
from bot.reviews import record
from bot.safety.phrases import asks_for_person, shows_risk
from bot.slot_names import PAUSED, PAUSED_QUESTION, PERSON_REFERENCE, REQUESTED_SLOT, REVIEW_WANTED

#: the intent of asking to review an agreed plan (actions/review.py), and how sure the model must
#: be inside a form, where most messages are answers (as for the other detours, actions/detours.py)
START_REVIEW = "start_review"
REVIEW_IN_FORM_CONFIDENCE = 0.85
#: an answer to an open question this long, which only the risk model hears as risk (no risk
#: phrase), is checked on, not signposted and flagged: people describing their life ('Mum loves
#: the temple on Sundays, she can't kneel down anymore…') met a safeguarding alert in 6 of 7 blind
#: play-throughs. A check-in still counts as caught in the safety figures.
LONG_ANSWER_WORDS = 15


class Detours(Retries):
    #: a request for a review while a question is open leaves the form for the review (not in the review itself)
    hears_review_requests = True
    #: the form's open questions (free text): a long answer (LONG_ANSWER_WORDS) the risk model alone
    #: hears as risk is checked on, and after a check-in a long answer is kept, not asked for again
    open_questions: FrozenSet[str] = frozenset()

    async def detour(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """The events of the detour the message takes while `requested` is asked, or None."""
        detour = detours.detect_latest(tracker, in_form=True)
        if (
            detour in (detours.Detour.QUESTION, detours.Detour.HANDOFF)
            and not asks_for_person(latest_text(tracker))
            and not asks_back(latest_text(tracker))
            and await self.reads_as_answer(requested, tracker)
        ):
            detour = None  # 'social worker' answers 'who is making this plan?'; it is not a request
        elif detour is detours.Detour.CHECK_IN and await self.reads_as_answer(requested, tracker):
            detour = None  # a sure pick from the question's own choices needs no check-in
        elif (
            detour is detours.Detour.SAFEGUARDING
            and not shows_risk(latest_text(tracker))
            and await self.reads_as_answer(requested, tracker)
        ):
            detour = None  # nor the risk model alone on one ('Transport, I just said'); a risk phrase still is
        text = latest_text(tracker)
        long_answer = requested in self.open_questions and len(text.split()) >= LONG_ANSWER_WORDS
        if detour is detours.Detour.SAFEGUARDING and long_answer and not shows_risk(text):
            detour = detours.Detour.CHECK_IN
        if detour is None:
            return await self.review_request(requested, dispatcher, tracker)
        if detour is detours.Detour.CHECK_IN and long_answer:
            await detours.handle(detour, dispatcher, tracker)
            return None  # checked on, and the answer they wrote is kept ('tired of it all' is asked again)
        events = await detours.handle(detour, dispatcher, tracker)
        events.append(SlotSet(requested, None))
        if detour is detours.Detour.CHECK_IN:
            events += [SlotSet(slot, value) for slot, value in self.asked_again(dispatcher, tracker, requested).items()]
        if detour in detours.PAUSING:  # the next message may answer the question (resuming.py)
            events += [SlotSet(PAUSED, True), SlotSet(PAUSED_QUESTION, requested), SlotSet(REQUESTED_SLOT, None)]
        if detour is detours.Detour.START_AGAIN:
            events += self.start_again_events()
        return events

    async def review_request(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """'Can we look at how my support is going' while a planning question is open, heard surely
        (intent `start_review` at REVIEW_IN_FORM_CONFIDENCE), from a person with an agreed plan:
        the plan so far is kept, the form ends and the router opens the review. None otherwise."""
        intent = tracker.latest_message.get("intent") or {}
        sure = (
            intent.get("name") == START_REVIEW and float(intent.get("confidence") or 0.0) >= REVIEW_IN_FORM_CONFIDENCE
        )
        person = tracker.get_slot(PERSON_REFERENCE)
        if not self.hears_review_requests or not sure or not person:
            return None
        if await call(record.reviewable_plan, person) is None:
            return None
        dispatcher.utter_message(response="utter_review_instead_of_planning")
        return [SlotSet(REVIEW_WANTED, True), SlotSet(requested, None), SlotSet(REQUESTED_SLOT, None)]

    async def reads_as_answer(self, slot: str, tracker: Tracker) -> bool:
        """The message reads surely as an answer to `slot`'s question (by its choice model), so a
        question or a request for a person the intent model saw in it is not taken as a detour."""
        return answers_the_question(slot, tracker.latest_message)

    def start_again_events(self) -> List[EventType]:
        """What 'start this part again' clears, beyond the open question (nothing by default:
        what is already saved stays; the question is asked again)."""
        return []
