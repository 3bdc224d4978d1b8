"""The router between sections (DESIGN §6), and sections 9–10: check answers and submit.

`action_next_section` runs after every form and after any message outside a form. It works out
where the person is from their saved plan, so a conversation can stop and resume anywhere, and
sets `current_section`; the rules in data/rules/sections.yml then open that section's form."""

from __future__ import annotations

import logging
import re
import time
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import detours
from actions.budget import open_plan_and_tell_budget
from actions.common import call, figures_said, latest_text, plan_reference, responding_to_user
from actions.forms.base import SectionFormValidation
from actions.forms.change_checks import ServiceChangeChecks
from actions.forms.resuming import may_answer
from actions.identity import is_locked
from actions.plan_changes import (
    numbered,
    outcome_items,
    remove_named_item,
    service_items,
)
from actions.review import after_finished_review, asks_for_review, route_review
from actions.safety import flag_risk_said_before, reply_to_safe_now
from actions.services import SERVICE_SLOTS
from actions.taking_part import NOT_SAID
from bot.answers.reading import read_choice
from bot.choices import MANAGEMENT_OPTIONS, PLAN_PARTS, SERVICE_CATEGORIES, label
from bot.config import get_settings
from bot.money import format_pounds
from bot.parsing import parse_yes_no
from bot.parsing.edits import adds_support, asks_for_a_change, item_named
from bot.parsing.replies import asks_to_send
from bot.parsing.sections import section_named
from bot.plans import catalogue, service
from bot.plans.loose_ends import LooseEnd, loose_end
from bot.plans.views import PlanView
from bot.slot_names import (
    ADVOCACY_OFFER,
    ADVOCACY_WANTED,
    COMMUNICATION_NEEDS,
    CONTINGENCY,
    COPY_ROUTE,
    CURRENT_SECTION,
    DATE_OF_BIRTH,
    HELPER_DETAILS,
    IMPORTANT_TO_ME,
    MANAGEMENT_OPTION,
    OUTCOME_COUNT,
    OUTCOME_TEXT,
    PAID_TO,
    PAUSED,
    PAUSED_QUESTION,
    PERSON_REFERENCE,
    PLAN_CONFIRMED,
    PLAN_REFERENCE,
    PLANNED_BY,
    REQUESTED_SLOT,
    REVIEW_STEP,
    REVIEW_WANTED,
    SAFE_NOW_ASKED,
    SERVICE_ID,
    VERIFIED,
    WELCOMED,
)

logger = logging.getLogger(__name__)

#: the slots each section's form asks, cleared before the form opens so it asks afresh
SECTION_SLOTS: Dict[str, tuple] = {
    "identity": (PLANNED_BY, PERSON_REFERENCE, DATE_OF_BIRTH),
    "important": (IMPORTANT_TO_ME,),
    "outcomes": (OUTCOME_TEXT,),
    "services": (*SERVICE_SLOTS, SERVICE_ID),
    "management": (MANAGEMENT_OPTION, PAID_TO),
    "contingency": (CONTINGENCY, HELPER_DETAILS, COMMUNICATION_NEEDS, ADVOCACY_WANTED, ADVOCACY_OFFER),
    "review": (PLAN_CONFIRMED, REVIEW_STEP),
}

CONFIRMED = "yes"


class ActionNextSection(Action):
    def name(self) -> Text:
        return "action_next_section"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        events: List[EventType] = []
        #: coming back after a pause: the section's answers so far are kept, not asked again
        resuming = bool(tracker.get_slot(PAUSED)) and responding_to_user(tracker)
        if responding_to_user(tracker):
            detour = detours.detect_latest(tracker, in_form=False)
            asked_if_safe = bool(tracker.get_slot(SAFE_NOW_ASKED)) and detour in detours.ABOUT_SAFETY
            events.append(SlotSet(SAFE_NOW_ASKED, None))
            if asked_if_safe:  # the reply to "Are you safe right now?"
                more_risk = detour is detours.Detour.SAFEGUARDING
                if not reply_to_safe_now(latest_text(tracker), more_risk, dispatcher):
                    # the next message is read as a reply to the same question ('no, nobody is in
                    # danger, carry on'), never as the answer to the plan's paused question
                    still = SlotSet(SAFE_NOW_ASKED, True)
                    return events + [still, SlotSet(PAUSED, True), SlotSet(CURRENT_SECTION, "paused")]
                events.append(SlotSet(PAUSED_QUESTION, None))  # the question is asked again as the form opens
            elif detour is not None:
                events.append(SlotSet(PAUSED_QUESTION, None))  # a detour does not answer a paused question
                events += await detours.handle(detour, dispatcher, tracker)
                if detour in detours.PAUSING:
                    return events + [SlotSet(PAUSED, True), SlotSet(CURRENT_SECTION, "paused")]
            elif tracker.get_slot(PAUSED) and not may_answer(tracker):  # else the form tries it as the answer
                dispatcher.utter_message(response="utter_welcome_back")
                events.append(SlotSet(PAUSED_QUESTION, None))
            events.append(SlotSet(PAUSED, False))
        elif tracker.get_slot(PAUSED):
            return events + [SlotSet(CURRENT_SECTION, "paused")]

        #: asked for a review now, or before their identity was checked (actions/review.py)
        review_wanted = bool(tracker.get_slot(REVIEW_WANTED))
        if responding_to_user(tracker) and asks_for_review(tracker):
            review_wanted = True
            events.append(SlotSet(REVIEW_WANTED, True))

        if not tracker.get_slot(WELCOMED):
            dispatcher.utter_message(response="utter_welcome")
            dispatcher.utter_message(response="utter_data_use")
            events.append(SlotSet(WELCOMED, True))

        if not tracker.get_slot(VERIFIED):
            if is_locked(tracker, time.time()):
                dispatcher.utter_message(response="utter_identity_locked", council_phone=get_settings().council_phone)
                return events + [SlotSet(CURRENT_SECTION, "locked")]
            return events + self._go_to("identity", tracker, keep_answers=resuming)
        if review_wanted:
            return events + await route_review(dispatcher, tracker)
        if not plan_reference(tracker):
            told = not responding_to_user(tracker) or detours.detect_latest(tracker, in_form=False) is not None
            finished = await after_finished_review(dispatcher, tracker, say=not told)
            if finished:
                return events + finished

        try:
            plan = await self._plan(dispatcher, tracker, events)
        except Exception:
            logger.exception("Could not read or open the plan")
            dispatcher.utter_message(response="utter_try_again_later")
            return events + [SlotSet(CURRENT_SECTION, "paused"), SlotSet(PAUSED, True)]
        if plan is None:
            return events + [SlotSet(CURRENT_SECTION, "paused"), SlotSet(PAUSED, True)]
        opened = not plan_reference(tracker)
        return events + await self._route(plan, dispatcher, tracker, resuming, opened)

    async def _plan(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
    ) -> Optional[PlanView]:
        reference = plan_reference(tracker)
        if reference:
            return await call(service.get_plan, reference)
        plan = await open_plan_and_tell_budget(dispatcher, tracker)
        if plan is not None:
            events.append(SlotSet(PLAN_REFERENCE, plan.plan_reference))
            events += await flag_risk_said_before(tracker, plan.plan_reference)
        return plan

    async def _route(
        self,
        plan: PlanView,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        resuming: bool = False,
        opened: bool = False,
    ) -> List[EventType]:
        section = plan.next_section()
        if section == "review" and tracker.get_slot(PLAN_CONFIRMED) == CONFIRMED:
            plan = await call(service.submit_plan, plan.plan_reference)
            logger.info("Plan submitted")
            dispatcher.utter_message(response="utter_plan_submitted", plan_reference=plan.plan_reference)
            return self._ask_for_copy()
        if section == "submitted" and plan.status == "submitted" and plan.copy_route is None:
            return self._ask_for_copy()
        loose = loose_end(plan, skipped_questions(tracker), in_a_service=resuming)
        if loose is not None:  # left part-way through a question the section holds: asked again from there
            if loose.section == "services" and plan.services:
                dispatcher.utter_message(response="utter_services_so_far", item_list=numbered(service_items(plan)))
            return self._pick_up(loose)
        if section == "submitted":
            phone = get_settings().council_phone
            answering = responding_to_user(tracker) and not detours.detect_latest(tracker, in_form=False)
            if answering and asks_for_a_change(latest_text(tracker)):
                dispatcher.utter_message(response="utter_change_after_sent", council_phone=phone)
            elif answering or opened:  # coming back to a sent plan: what they can do now
                dispatcher.utter_message(
                    response="utter_plan_already_submitted", plan_reference=plan.plan_reference, council_phone=phone
                )
            return [SlotSet(CURRENT_SECTION, "submitted")]
        if section == "review":
            say_summary(dispatcher, plan)
        if section == "outcomes" and plan.outcomes:
            dispatcher.utter_message(response="utter_outcomes_so_far", item_list=numbered(outcome_items(plan)))
        if section == "services" and plan.services:
            dispatcher.utter_message(response="utter_services_so_far", item_list=numbered(service_items(plan)))
        events = self._go_to(section, tracker, keep_answers=resuming)
        if section == "outcomes":
            events.append(SlotSet(OUTCOME_COUNT, len(plan.outcomes)))
        return events

    @staticmethod
    def _pick_up(loose: LooseEnd) -> List[EventType]:
        """Open the loose end's section with what the plan already holds, so its form asks from there."""
        cleared = [SlotSet(slot, None) for slot in SECTION_SLOTS[loose.section] if slot not in loose.known]
        known = [SlotSet(slot, value) for slot, value in loose.known.items()]
        return cleared + known + [SlotSet(CURRENT_SECTION, loose.section)]

    @staticmethod
    def _ask_for_copy() -> List[EventType]:
        """The plan is sent (reporting counts it there); then how the person wants their copy."""
        return [SlotSet(CURRENT_SECTION, "submitted"), SlotSet(COPY_ROUTE, None), SlotSet(CURRENT_SECTION, "copy")]

    @staticmethod
    def _go_to(section: str, tracker: Tracker, keep_answers: bool = False) -> List[EventType]:
        """Open `section`, clearing what its form held from an earlier visit (kept when coming
        back after a pause in it, so a half-costed service is not asked again from the start)."""
        cleared = [] if keep_answers else [SlotSet(slot, None) for slot in SECTION_SLOTS[section]]
        return cleared + [SlotSet(CURRENT_SECTION, section)]


def skipped_questions(tracker: Tracker) -> List[str]:
    """The sign-off questions the person skipped in this conversation (not asked again in it)."""
    return [slot for slot in (PAID_TO, HELPER_DETAILS, COMMUNICATION_NEEDS) if tracker.get_slot(slot) == NOT_SAID]


def say_summary(dispatcher: CollectingDispatcher, plan: PlanView) -> None:
    """Section 9: the plan read back, one part per message (short messages suit SMS too)."""
    dispatcher.utter_message(response="utter_summary_intro")
    dispatcher.utter_message(response="utter_summary_important", important_to_me=plan.important_to_me)
    dispatcher.utter_message(response="utter_summary_outcomes", outcomes="; ".join(o.text for o in plan.outcomes))
    services = "; ".join(
        f"{s.description} ({label(SERVICE_CATEGORIES, s.category)}, {format_pounds(s.weekly_cost)} a week)"
        for s in plan.services
    )
    figures = dict(
        services=services, total=format_pounds(plan.total_weekly_cost), weekly=format_pounds(plan.budget.weekly)
    )
    if plan.remaining_weekly < 0:
        dispatcher.utter_message(
            response="utter_summary_services_over", over=format_pounds(-plan.remaining_weekly), **figures
        )
    else:
        dispatcher.utter_message(
            response="utter_summary_services", remaining=format_pounds(plan.remaining_weekly), **figures
        )
    if plan.management is not None:  # always chosen by the summary; nothing to say otherwise
        dispatcher.utter_message(
            response="utter_summary_management", management_words=label(MANAGEMENT_OPTIONS, plan.management)
        )
        payee = plan.direct_payment.paid_to if plan.direct_payment else None
        if payee is not None and catalogue.PAYEES[payee].summary_words:  # someone else receives the money
            dispatcher.utter_message(
                response="utter_summary_paid_to", payee_words=catalogue.PAYEES[payee].summary_words
            )
    dispatcher.utter_message(response="utter_summary_contingency", contingency=plan.contingency)
    communication = communication_words(plan)
    if communication is not None:
        dispatcher.utter_message(response="utter_summary_communication", communication_words=communication)


def communication_words(plan: PlanView) -> Optional[str]:
    """How the person would like information, in the catalogue's labels as the plan documents
    show them, with the language they named ('large print and another language (Polish)'); None
    when the plan holds no such need (not asked, skipped, or the usual way is fine)."""
    if not plan.communication_needs:
        return None
    words = [catalogue.COMMUNICATION_NEEDS[code].label for code in plan.communication_needs]
    if plan.communication_detail and "other_language" in plan.communication_needs:
        at = plan.communication_needs.index("other_language")
        words[at] = f"{words[at]} ({plan.communication_detail})"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


_CHANGE = re.compile(
    r"\b(change|edit|alter|amend|wrong|fix|redo|update|not right|no|instead|rather|prefer|switch)\b", re.IGNORECASE
)


class ValidateReviewForm(ServiceChangeChecks, SectionFormValidation):
    def name(self) -> Text:
        return "validate_review_form"

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """At the summary: 'remove the gardener', 'take out outcome 2', 'make the PA 8 hours'."""
        text = latest_text(tracker)
        plan = await call(service.get_plan, plan_reference(tracker))
        after = await remove_named_item(
            dispatcher, plan, text, ("services", "outcomes"), ask_if_unclear=True, loose=True
        )
        if after is None:
            figures = figures_said(tracker)
            if adds_support(text):  # 'I forgot the choir subs, £45 a quarter, can you add that'
                return None
            named = item_named(text, service_items(plan))
            if named is None and len(plan.services) == 1:
                named = plan.services[0].id
            current = next((s for s in plan.services if s.id == named), None)
            if not figures or current is None:
                return None
            # every change of a cost at the summary is put back first: '…card 4 PA…' set £0.08 a
            # week, '2 tickets. £45.20' changed another support, unasked
            checked = self.check_change(dispatcher, current, figures, text, PLAN_CONFIRMED)
            return None if checked is None else [*checked, SlotSet(REVIEW_STEP, None)]
        section = after.next_section()
        if section != "review":  # the last service went: plan one before sending
            return [
                SlotSet(PLAN_CONFIRMED, f"change {section}"),
                SlotSet(REVIEW_STEP, None),
                SlotSet(REQUESTED_SLOT, None),
            ]
        return [SlotSet(PLAN_CONFIRMED, None), SlotSet(REVIEW_STEP, None)]

    async def reads_as_answer(self, slot: str, tracker: Tracker) -> bool:
        """At 'Which part would you like to change?' a message surely naming a part ('what I care
        about', 'who handles the money') answers it, though it starts like a question."""
        if tracker.get_slot(REVIEW_STEP) == "choose":
            text = latest_text(tracker)
            return read_choice(text, PLAN_PARTS, tracker.latest_message, "which_section", section_named).sure
        return await super().reads_as_answer(slot, tracker)

    async def validate_plan_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        adding = adds_support(text)  # 'I forgot the choir subs, can you add that': the support section
        section: Optional[str] = section_named(text) or ("services" if adding else None)
        if section is None and asks_to_send(text):  # 'oh never mind, just send it', at either step
            return self.accept(tracker, PLAN_CONFIRMED, CONFIRMED, **{REVIEW_STEP: None})
        if tracker.get_slot(REVIEW_STEP) == "choose":  # "Which part would you like to change?"
            if section is None and parse_yes_no(text) is not None:  # 'no, nothing': back to "Is this right?"
                return {PLAN_CONFIRMED: None, REVIEW_STEP: None}
            reading = read_choice(text, PLAN_PARTS, tracker.latest_message, "which_section", section_named)
            section, asked = self.choose(
                dispatcher, tracker, PLAN_CONFIRMED, reading, text, "utter_review_not_understood"
            )
            if section is None:  # checked with the person, or not understood (said once)
                return asked
        elif not (_CHANGE.search(text) or adding):
            section = None
        if section is not None:
            await call(service.reopen_section, plan_reference(tracker), section)
            return self.accept(
                tracker, PLAN_CONFIRMED, f"change {section}", **{REVIEW_STEP: None, REQUESTED_SLOT: None}
            )
        answer = parse_yes_no(text)
        if answer is True:
            return self.accept(tracker, PLAN_CONFIRMED, CONFIRMED, **{REVIEW_STEP: None})
        if answer is False or _CHANGE.search(text):
            return {PLAN_CONFIRMED: None, REVIEW_STEP: "choose"}
        return self.reject(dispatcher, tracker, PLAN_CONFIRMED, "utter_review_not_understood")


class AskPlanConfirmed(Action):
    """Asks whether the plan is right, or which part to change once the person said 'change'."""

    def name(self) -> Text:
        return "action_ask_plan_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if tracker.get_slot(REVIEW_STEP) == "choose":
            dispatcher.utter_message(response="utter_ask_which_section")
        else:
            dispatcher.utter_message(response="utter_ask_plan_confirmed")
        return []
