"""The review's questions (issue 16), asked by review_conversation_form one at a time: how each
outcome is going, each service (happening, still right, same cost; a new cost is asked and costed
exactly as in planning, by actions/service_costing.py, and confirmed before it is recorded), new
support, life changes and what they would change. Each answer is saved to the review record at
once (bot/reviews/record.py); which question comes next is bot/reviews/questions.py's rule. Risk,
asking for a person and the other detours are handled as in planning (actions/forms/), and mark
the review for an adviser."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from datetime import date
from decimal import Decimal
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import detours
from actions.common import call
from actions.forms.base import SectionFormValidation
from actions.forms.recording import is_meaningful, slot_value
from actions.review import REVIEW_FORM_SLOTS, passed
from actions.service_costing import ServiceCosting, cost_figures, costed, described
from actions.service_questions import COST_SLOTS, cost_questions
from actions.services import yes_or_no
from bot.answers.reading import read_choice
from bot.choices import YES_NO
from bot.money import format_pounds
from bot.parsing import parse_yes_no
from bot.parsing.ratings import rating_said, vague
from bot.plans import service
from bot.plans.catalogue import RATINGS
from bot.plans.costing import MAX_WEEKLY
from bot.plans.service import NewService
from bot.plans.views import PlanView
from bot.reviews import record
from bot.reviews.questions import (
    ADD,
    COST_SAME,
    HAPPENING,
    LIFE,
    NEW_COST,
    RATING,
    SPENDING,
    STILL_RIGHT,
    STOP,
    WOULD,
    Question,
    next_question,
    own_words,
)
from bot.reviews.views import ReviewView, ServiceCheckView
from bot.reviews.wording import YES_NO_CHECKS, rating_words, spending_words
from bot.slot_names import (
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
    REVIEW_WOULD_CHANGE,
    SERVICE_CATEGORY,
    SERVICE_DESCRIPTION,
)

logger = logging.getLogger(__name__)

FORM = "review_conversation_form"
RATING_CHOICES = RATINGS.words()
#: the choice model reading how an outcome is going (data/choices/review_rating.yml)
RATING_QUESTION = REVIEW_RATING
#: the yes/no question of each kind
YES_NO_SLOTS = {HAPPENING: REVIEW_HAPPENING, STILL_RIGHT: REVIEW_STILL_RIGHT, COST_SAME: REVIEW_COST_SAME}
QUESTION_SLOTS = {
    RATING: REVIEW_RATING,
    **YES_NO_SLOTS,
    STOP: REVIEW_STOP,
    LIFE: REVIEW_LIFE_CHANGES,
    WOULD: REVIEW_WOULD_CHANGE,
}
#: a reply to "has anything changed?" or "what would you change?" that says nothing has
NOTHING = {
    "no",
    "nope",
    "nah",
    "none",
    "nothing",
    "no nothing",
    "not really",
    "no change",
    "nothing really",
    "all good",
}


async def current(tracker: Tracker) -> Tuple[ReviewView, Optional[Question]]:
    """The review under way and its next question (None when all are asked)."""
    review = await call(record.get_review, int(tracker.get_slot(REVIEW_ID)))
    return review, next_question(review, set(passed(tracker)))


async def reviewed_plan(review: ReviewView) -> PlanView:
    """The plan as it is now: the review's new version once there is one, else the one reviewed."""
    return await call(service.get_plan, review.new_plan_reference or review.plan_reference)


def _passing(tracker: Tracker, key: str) -> Dict[Text, Any]:
    """The slot update that keeps `key` among the questions passed."""
    return {REVIEW_PASSED: sorted({*passed(tracker), key})}


def says_nothing(text: str) -> bool:
    said = " ".join(text.lower().strip(" .!").split())
    return said in NOTHING or parse_yes_no(text) is False


class ValidateReviewConversationForm(ServiceCosting, SectionFormValidation):
    skippable = frozenset(REVIEW_FORM_SLOTS)
    hears_review_requests = False  # already in the review

    def name(self) -> Text:
        return "validate_review_conversation_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        if tracker.get_slot(REVIEW_ID) is None:
            return []
        _, question = await current(tracker)
        if question is None:
            return []
        if question.kind == NEW_COST:
            return [*cost_questions(tracker.slots), REVIEW_COST_OK]
        if question.kind == ADD:
            adding = tracker.get_slot(REVIEW_ADD_SERVICE) == "yes"
            more = [SERVICE_CATEGORY, SERVICE_DESCRIPTION, *cost_questions(tracker.slots), REVIEW_COST_OK]
            return [REVIEW_ADD_SERVICE, *(more if adding else [])]
        return [QUESTION_SLOTS[question.kind]]

    # --- detours: as in planning, and the review is marked for an adviser -----------------------

    async def detour(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        events = await super().detour(requested, dispatcher, tracker)
        kind = detours.detect_latest(tracker, in_form=True)
        if events is not None and kind in (detours.Detour.SAFEGUARDING, detours.Detour.HANDOFF):
            await call(record.set_needs_person, int(tracker.get_slot(REVIEW_ID)), True)
        return events

    async def section_change(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """A review has no parts of the plan to go back to: what is said is an answer."""
        return None

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """The question is left (the cost stays as it was; no support is added)."""
        _, question = await current(tracker)
        dispatcher.utter_message(response="utter_review_skipped")
        updates = _passing(tracker, question.key) if question is not None else {}
        return [SlotSet(name, None) for name in REVIEW_FORM_SLOTS] + [SlotSet(k, v) for k, v in updates.items()]

    # --- outcomes ---------------------------------------------------------------------------

    async def validate_review_rating(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        review, question = await current(tracker)
        if question is None or question.kind != RATING:
            return {REVIEW_RATING: None}
        rating = self.confirmed(tracker, REVIEW_RATING)
        if rating is None:
            reading = read_choice(
                text,
                RATING_CHOICES,
                tracker.latest_message,
                RATING_QUESTION,
                structured=lambda said: rating_said(said, RATING_CHOICES),
                doubtful=vague(text),  # 'ok', 'better': put back to the person, never taken silently
            )
            if reading.to_check and reading.code is not None:
                words = rating_words(reading.code)
                return self.check(REVIEW_RATING, reading.code, text, "utter_review_confirm_rating", rating_words=words)
            if not reading.sure or reading.code is None:
                return self.reject(dispatcher, tracker, REVIEW_RATING, "utter_review_rating_not_understood")
            rating = reading.code
        await call(record.rate_outcome, review.id, int(question.item or 0), rating, own_words(text, RATING_CHOICES))
        return self.accept(tracker, REVIEW_RATING, None)

    # --- services -----------------------------------------------------------------------------

    async def _yes_no_about_service(
        self, kind: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[Text, Any]:
        """Is it happening / still right / the same cost: yes or no, saved with any more words."""
        slot, text = YES_NO_SLOTS[kind], str(value or "").strip()
        review, question = await current(tracker)
        if question is None or question.kind != kind:
            return {slot: None}
        answer, asked = self._yes_or_no(dispatcher, tracker, slot, text)
        if answer is None:
            return asked
        said = own_words(text, {"yes": YES_NO["yes"], "no": YES_NO["no"]}) if len(text.split()) > 1 else None
        number = int(question.item or 0)
        await call(record.check_service, review.id, number, **{kind: answer == "yes"}, words=said)
        updates = self.accept(tracker, slot, None)
        if kind == COST_SAME and answer == "no":
            plan = await reviewed_plan(review)
            now = next(s for s in plan.services if s.id == number)
            dispatcher.utter_message(response="utter_review_new_cost")
            updates.update({SERVICE_CATEGORY: now.category, SERVICE_DESCRIPTION: now.description})
        return updates

    def _yes_or_no(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, text: str
    ) -> Tuple[Optional[str], Dict[Text, Any]]:
        """'yes' or 'no', or None with the updates that check a middling reading or reject a poor one."""
        reading = read_choice(text, YES_NO, tracker.latest_message, "yes_no", yes_or_no)
        if reading.to_check and reading.code is not None and self.confirmed(tracker, slot) is None:
            words = YES_NO_CHECKS[slot][reading.code]
            return None, self.check(slot, reading.code, text, "utter_confirm_choice", choice_words=words)
        return self.choose(dispatcher, tracker, slot, reading, text, "utter_review_yes_no_not_understood")

    async def validate_review_happening(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._yes_no_about_service(HAPPENING, value, dispatcher, tracker)

    async def validate_review_still_right(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._yes_no_about_service(STILL_RIGHT, value, dispatcher, tracker)

    async def validate_review_cost_same(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._yes_no_about_service(COST_SAME, value, dispatcher, tracker)

    async def validate_review_stop(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        review, question = await current(tracker)
        if question is None or question.kind != STOP:
            return {REVIEW_STOP: None}
        answer, asked = self._yes_or_no(dispatcher, tracker, REVIEW_STOP, str(value or ""))
        if answer is None:
            return asked
        if answer == "no":
            dispatcher.utter_message(response="utter_review_service_kept")
            return self.accept(tracker, REVIEW_STOP, None, **_passing(tracker, question.key))
        before = await reviewed_plan(review)
        description = next(s.description for s in before.services if s.id == question.item)
        await call(record.stop_service, review.id, int(question.item or 0))
        logger.info("Review: a service stopped")
        dispatcher.utter_message(response="utter_review_service_stopped", description=description)
        return self.accept(tracker, REVIEW_STOP, None)

    # --- a new cost, or new support: costed as in planning, then confirmed ---------------------

    async def _record_if_complete(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, updates: Dict[Text, Any]
    ) -> Dict[Text, Any]:
        """Once every figure is known, the form asks for it to be confirmed (review_cost_ok)."""
        slots = {name: slot_value(tracker, updates, name) for name in REVIEW_FORM_SLOTS}
        found = costed(slots)
        if found is not None and found.weekly > MAX_WEEKLY:
            dispatcher.utter_message(response="utter_cost_out_of_range")
            return {**updates, **{name: None for name in COST_SLOTS}}
        return updates

    async def validate_review_add_service(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        answer, asked = self._yes_or_no(dispatcher, tracker, REVIEW_ADD_SERVICE, str(value or ""))
        if answer is None:
            return asked
        if answer == "yes":
            return self.accept(tracker, REVIEW_ADD_SERVICE, "yes")
        return self.accept(tracker, REVIEW_ADD_SERVICE, None, **_passing(tracker, ADD))

    async def validate_service_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self.category_answer(dispatcher, tracker, str(value or "").strip())

    async def validate_review_cost_ok(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        review, question = await current(tracker)
        answer, asked = self._yes_or_no(dispatcher, tracker, REVIEW_COST_OK, str(value or ""))
        found = costed(tracker.slots)
        if answer is None or question is None or found is None:
            return asked
        if answer == "no":
            dispatcher.utter_message(response="utter_review_cost_try_again")
            return self.accept(tracker, REVIEW_COST_OK, None, **{name: None for name in COST_SLOTS})
        figures = cost_figures(tracker.slots, found)
        description = described(tracker.slots)
        cleared = {name: None for name in REVIEW_FORM_SLOTS}
        if question.kind == NEW_COST:
            await call(record.change_service_cost, review.id, int(question.item or 0), *figures)
            logger.info("Review: a service's cost changed")
            dispatcher.utter_message(
                response="utter_review_cost_changed", description=description, weekly_cost=format_pounds(found.weekly)
            )
            return self.accept(tracker, REVIEW_COST_OK, None, **cleared)
        new = NewService(str(tracker.get_slot(SERVICE_CATEGORY)), description, *figures)
        try:
            await call(record.add_service, review.id, new)
        except ValueError as problem:
            dispatcher.utter_message(text=str(problem))
            return {**cleared, **_passing(tracker, ADD)}
        logger.info("Review: a service added")
        dispatcher.utter_message(
            response="utter_review_service_added", description=description, weekly_cost=format_pounds(found.weekly)
        )
        return self.accept(tracker, REVIEW_COST_OK, None, **cleared)

    # --- their life, and what they would change -------------------------------------------------

    async def _free_text(
        self, slot: str, kind: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        review, question = await current(tracker)
        if question is None or question.kind != kind:
            return {slot: None}
        save = record.set_life_changes if kind == LIFE else record.set_would_change
        if says_nothing(text):
            await call(save, review.id, None)
            return self.accept(tracker, slot, None, **_passing(tracker, kind))
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, slot, f"utter_explain_{slot}")
        await call(save, review.id, text)
        dispatcher.utter_message(response="utter_review_noted")
        return self.accept(tracker, slot, None)

    async def validate_review_life_changes(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._free_text(REVIEW_LIFE_CHANGES, LIFE, value, dispatcher, tracker)

    async def validate_review_would_change(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return await self._free_text(REVIEW_WOULD_CHANGE, WOULD, value, dispatcher, tracker)


# --- asking ------------------------------------------------------------------------------------


def _service(review: ReviewView, question: Question) -> ServiceCheckView:
    """The service of the review the question is about."""
    return next(service for service in review.services if service.service_id == question.item)


class _AskAboutItem(Action, ABC):
    """Asks the review's current question, naming its outcome or service."""

    slot: str

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        review, question = await current(tracker)
        if question is not None:
            return await self.ask(dispatcher, tracker, review, question)
        return []

    @abstractmethod
    async def ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, review: ReviewView, question: Question
    ) -> List[EventType]:
        """Say the question (abstract, so the action server does not register this base)."""


class AskReviewRating(_AskAboutItem):
    slot = REVIEW_RATING

    async def ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, review: ReviewView, question: Question
    ) -> List[EventType]:
        outcome = next(o.text for o in review.outcome_ratings if o.outcome_id == question.item)
        dispatcher.utter_message(response="utter_ask_review_rating", outcome=outcome)
        return []


class AskReviewHappening(_AskAboutItem):
    slot = REVIEW_HAPPENING

    async def ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, review: ReviewView, question: Question
    ) -> List[EventType]:
        dispatcher.utter_message(
            response="utter_ask_review_happening", description=_service(review, question).description
        )
        return []


class AskReviewCostSame(_AskAboutItem):
    slot = REVIEW_COST_SAME

    async def ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, review: ReviewView, question: Question
    ) -> List[EventType]:
        weekly = _service(review, question).weekly_cost_before or Decimal(0)
        dispatcher.utter_message(response="utter_ask_review_cost_same", weekly_cost=format_pounds(weekly))
        return []


class AskReviewCostOk(_AskAboutItem):
    """'So for a PA: 8 hours at £16.00 an hour is £128.00 a week. Is that right?'"""

    slot = REVIEW_COST_OK

    async def ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, review: ReviewView, question: Question
    ) -> List[EventType]:
        found = costed(tracker.slots)
        if found is not None:
            dispatcher.utter_message(
                response="utter_ask_review_cost_ok",
                description=tracker.get_slot(SERVICE_DESCRIPTION),
                working=found.working,
            )
        return []


class AskReviewLifeChanges(_AskAboutItem):
    """Before the questions about their life: how spending compares with the plan, said once."""

    slot = REVIEW_LIFE_CHANGES

    async def ask(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, review: ReviewView, question: Question
    ) -> List[EventType]:
        events: List[EventType] = []
        if SPENDING not in passed(tracker):
            said = await call(spending_words, review, date.today())
            if said is not None:
                dispatcher.utter_message(response="utter_review_spending", sentences=" ".join(said.sentences))
                dispatcher.utter_message(response="utter_review_unspent", unspent_money=said.unspent_money)
                if said.flagged:
                    await call(record.set_needs_person, review.id, True)
                    logger.info("Review: spending differs enough for an adviser to look")
                    dispatcher.utter_message(response="utter_review_spending_adviser")
            events.append(SlotSet(REVIEW_PASSED, sorted({*passed(tracker), SPENDING})))
        dispatcher.utter_message(response="utter_ask_review_life_changes")
        return events
