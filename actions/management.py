"""Sections 7–8: how the money will be managed (and, when it is paid out, how much, how often and
to whom), and what happens if support doesn't turn up (then who took part, how the person needs
information, and an advocate where one would help: actions/taking_part.py)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Dict, FrozenSet, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, latest_text, plan_reference
from actions.forms.base import SectionFormValidation
from actions.forms.recording import FreeTextFormValidation
from actions.taking_part import NOT_SAID, TakingPart, record_involved
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.choices import MANAGEMENT_OPTIONS, PAYEE_CHOICES, label
from bot.money import format_pounds
from bot.parsing import match_choice
from bot.parsing.change_of_mind import management_switch
from bot.parsing.payees import payee_said
from bot.parsing.relations import relation_named
from bot.plans import service
from bot.plans.catalogue import COST_PERIODS, MANAGEMENT
from bot.slot_names import CONTINGENCY, MANAGEMENT_OPTION, PAID_TO, PERSON_NAME, PLANNED_BY, REQUESTED_SLOT

_SEVERAL = re.compile(r"\band\b|&|\+|,|\bplus\b", re.IGNORECASE)


def management_choice(text: str) -> Optional[str]:
    """The way chosen; 'mixed' when two ways are named together ('card and council')."""
    named = {match_choice(part, MANAGEMENT_OPTIONS) for part in _SEVERAL.split(text)} - {None}
    if len(named) > 1:
        return "mixed"
    return match_choice(text, MANAGEMENT_OPTIONS)


def payee_choice(text: str) -> Optional[str]:
    """Who receives the money by the words; a relative named ('my daughter') is someone chosen."""
    return match_choice(text, PAYEE_CHOICES) or ("nominated" if relation_named(text) else None)


def management_questions(option: Optional[str]) -> List[str]:
    """The way, then, when that way pays money out, who receives it."""
    pays_out = option is not None and option in MANAGEMENT and MANAGEMENT[option].paid_out
    return [MANAGEMENT_OPTION] + ([PAID_TO] if pays_out else [])


async def paid_to_unsaid(tracker: Tracker) -> bool:
    """The plan's way pays money out and nobody has said yet who receives it."""
    plan = await call(service.get_plan, plan_reference(tracker))
    return PAID_TO in management_questions(plan.management) and (
        plan.direct_payment is None or plan.direct_payment.paid_to is None
    )


async def tell_management(dispatcher: CollectingDispatcher, tracker: Tracker, option: str) -> None:
    """Record the way chosen; say it, any direct-payment check it newly raises (each once), and
    for a way that pays money out, how much is paid and how often."""
    reference = plan_reference(tracker)
    before = {check.message for check in (await call(service.get_plan, reference)).checks}
    await call(service.set_management, reference, option)
    plan = await call(service.get_plan, reference)
    dispatcher.utter_message(response="utter_management_noted", management_words=label(MANAGEMENT_OPTIONS, option))
    for message in dict.fromkeys(check.message for check in plan.checks if check.message not in before):
        dispatcher.utter_message(text=message)
    payment = plan.direct_payment
    if payment is None:
        return
    if payment.amount is None:
        dispatcher.utter_message(response="utter_direct_payment_mixed")
        return
    dispatcher.utter_message(
        response="utter_direct_payment_net" if plan.budget.contribution_weekly else "utter_direct_payment_amount",
        amount=format_pounds(payment.amount),
        frequency_words=COST_PERIODS[payment.frequency].paid,
        contribution_weekly=format_pounds(plan.budget.contribution_weekly or Decimal(0)),
        person_name=tracker.get_slot(PERSON_NAME) or "",
    )


async def check_management_switch(form: SectionFormValidation, tracker: Tracker) -> Optional[List[EventType]]:
    """A clear change of mind about the way the money is managed ("hang on, I'd rather have the
    payment card"), put back to the person before anything changes; None when there is none."""
    text = latest_text(tracker)
    option = management_switch(text)
    current = tracker.get_slot(MANAGEMENT_OPTION) or (await call(service.get_plan, plan_reference(tracker))).management
    if option is None or option == current:
        return None
    updates = form.check(
        MANAGEMENT_OPTION,
        option,
        text,
        response="utter_confirm_management_change",
        keep={MANAGEMENT_OPTION: current},
        management_words=label(MANAGEMENT_OPTIONS, option),
    )
    return [SlotSet(name, value) for name, value in updates.items()]


class ValidateManagementForm(SectionFormValidation):
    skippable = frozenset({PAID_TO})

    def name(self) -> Text:
        return "validate_management_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        return management_questions(tracker.get_slot(MANAGEMENT_OPTION))

    async def validate_management_option(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        reading = read_choice(
            text, MANAGEMENT_OPTIONS, tracker.latest_message, QUESTION_OF_SLOT[MANAGEMENT_OPTION], management_choice
        )
        option, asked = self.choose(
            dispatcher, tracker, MANAGEMENT_OPTION, reading, text, "utter_management_not_understood"
        )
        if option is None:
            return asked
        await tell_management(dispatcher, tracker, option)
        return self.accept(tracker, MANAGEMENT_OPTION, option, **{PAID_TO: None})

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """A change of mind about the way while who receives the money is asked ('actually,
        could the council arrange it'): checked, never read as who is paid."""
        if tracker.get_slot(REQUESTED_SLOT) != PAID_TO:
            return None
        return await check_management_switch(self, tracker)

    async def validate_paid_to(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        planned_by = tracker.get_slot(PLANNED_BY) or (await call(service.get_plan, plan_reference(tracker))).planned_by
        reading = read_choice(
            text,
            PAYEE_CHOICES,
            tracker.latest_message,
            QUESTION_OF_SLOT[PAID_TO],
            payee_choice,
            structured=lambda said: payee_said(said, planned_by),
        )
        payee, asked = self.choose(dispatcher, tracker, PAID_TO, reading, text, "utter_paid_to_not_understood")
        if payee is None:
            return asked
        await call(service.set_paid_to, plan_reference(tracker), payee)
        dispatcher.utter_message(response="utter_paid_to_noted")
        return self.accept(tracker, PAID_TO, payee)

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        await call(service.skip_question, plan_reference(tracker), PAID_TO)  # not asked again on coming back
        dispatcher.utter_message(response="utter_skipped")
        return [SlotSet(PAID_TO, NOT_SAID)]


class ValidateContingencyForm(TakingPart, FreeTextFormValidation):
    slot = CONTINGENCY
    too_short_response = "utter_contingency_too_short"
    save = staticmethod(service.set_contingency)

    def name(self) -> Text:
        return "validate_contingency_form"

    @property
    def skippable(self) -> FrozenSet[str]:  # type: ignore[override]
        return frozenset({CONTINGENCY, *self.skippable_questions})

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        return await self.questions_after(CONTINGENCY, tracker)

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """A change of mind about the money just chosen ('actually, a payment card'), while the
        back-up plan is asked (not the later questions: "no, my daughter reads it to me" answers
        how the person needs information)."""
        if tracker.get_slot(REQUESTED_SLOT) != CONTINGENCY:
            return None
        return await check_management_switch(self, tracker)

    async def validate_management_option(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The person said yes to the change of way checked while the back-up plan was asked."""
        option = self.confirmed(tracker, MANAGEMENT_OPTION)
        if option is None:  # neither yes nor no: an answer to the back-up question
            return await self.validate_contingency(value, dispatcher, tracker, domain)
        await tell_management(dispatcher, tracker, option)
        if await paid_to_unsaid(tracker):  # now paid out: who receives it is asked (the router opens it)
            return {MANAGEMENT_OPTION: option, CONTINGENCY: None, REQUESTED_SLOT: None}
        return {MANAGEMENT_OPTION: option, CONTINGENCY: None}

    async def validate_contingency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        offer = await self.advocacy_offer_for(str(value or ""), tracker)
        if offer:
            return {CONTINGENCY: None, **offer}
        updates = await self._validate_answer(value, dispatcher, tracker)
        if updates.get(CONTINGENCY):
            await record_involved(tracker)
        return updates

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        if slot == CONTINGENCY:
            await record_involved(tracker)
            return await super().skip(slot, dispatcher, tracker)
        return await self.skip_question(slot, dispatcher, tracker)
