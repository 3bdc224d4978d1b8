"""After the back-up plan (section 8): who took part in the plan, how the person needs information
(Accessible Information Standard), and an independent advocate (Care Act s.67) offered when the
person says they find it hard to understand, remember or decide and nobody is helping them.

`TakingPart` is mixed into the contingency form (actions/management.py): `questions_after` gives
the form's questions after its first, each asked once (what the plan already holds is not asked
again); `advocacy_offer_for` turns a message into the offer where it applies.

Domain entries: slots `helper_details`, `communication_needs`, `communication_language`,
`advocacy_wanted`, `advocacy_offer`, `planned_by`, `plan_reference`; their questions and the
responses below."""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, plan_reference
from actions.forms.base import SectionFormValidation
from actions.forms.recording import is_meaningful
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.choices import YES_NO
from bot.parsing import parse_yes_no
from bot.parsing.choices import weighs_up
from bot.parsing.communication import WORDS, english_after_all, language_said, languages_named, needs_named
from bot.parsing.people import finds_it_hard, helper_named
from bot.plans import service
from bot.plans.loose_ends import language_unnamed
from bot.plans.views import InvolvedView, PlanView
from bot.slot_names import (
    ADVOCACY_OFFER,
    ADVOCACY_WANTED,
    COMMUNICATION_LANGUAGE,
    COMMUNICATION_NEEDS,
    HELPER_DETAILS,
    PLANNED_BY,
)

#: what a skipped question holds, so the form goes on (the plan keeps nothing for it)
NOT_SAID = "(not said)"
ADVOCACY_FLAG = "advocacy_requested"


def _yes_no_words(text: str) -> Optional[str]:
    answer = parse_yes_no(text)
    return None if answer is None else ("yes" if answer else "no")


def _supporter(plan: PlanView) -> Optional[InvolvedView]:
    return next((entry for entry in plan.involved if entry.role == "supporter"), None)


async def record_involved(tracker: Tracker, helper: Optional[InvolvedView] = None) -> None:
    """Who took part: the person always; the helper when a supporter is planning (once named, or
    as already recorded); an adviser when an adviser is planning."""
    reference = plan_reference(tracker)
    plan = await call(service.get_plan, reference)
    planned_by = tracker.get_slot(PLANNED_BY) or plan.planned_by
    entries = [InvolvedView("person")]
    supporter = helper or _supporter(plan)
    if planned_by == "supporter" and supporter is not None:
        entries.append(supporter)
    if planned_by == "adviser":
        entries.append(InvolvedView("adviser"))
    await call(service.set_involved, reference, entries)


class TakingPart(SectionFormValidation):
    skippable_questions: FrozenSet[str] = frozenset({HELPER_DETAILS, COMMUNICATION_NEEDS, COMMUNICATION_LANGUAGE})

    async def questions_after(self, first: str, tracker: Tracker) -> List[Text]:
        """The offer of an advocate when it is due, `first`, then the helper's name (a supporter
        planning, not yet named), how the person needs information (not yet asked) and which
        language, when another language was chosen without naming one (and not skipped)."""
        plan = await call(service.get_plan, plan_reference(tracker))
        questions = [ADVOCACY_WANTED] if tracker.get_slot(ADVOCACY_OFFER) else []
        questions.append(first)
        if (tracker.get_slot(PLANNED_BY) or plan.planned_by) == "supporter" and _supporter(plan) is None:
            questions.append(HELPER_DETAILS)
        if plan.communication_needs is None:
            questions.append(COMMUNICATION_NEEDS)
        if language_unnamed(plan):
            questions.append(COMMUNICATION_LANGUAGE)
        return questions

    async def advocacy_offer_for(self, text: str, tracker: Tracker) -> Dict[Text, Any]:
        """The slot updates that offer an advocate, when the person (planning alone) says they find
        this hard and has not been offered one yet; else {}."""
        if not finds_it_hard(text) or tracker.get_slot(ADVOCACY_WANTED) is not None:
            return {}
        plan = await call(service.get_plan, plan_reference(tracker))
        alone = (tracker.get_slot(PLANNED_BY) or plan.planned_by) == "self" and _supporter(plan) is None
        if not alone or ADVOCACY_FLAG in plan.flags:
            return {}
        return {ADVOCACY_OFFER: True}

    async def validate_helper_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, HELPER_DETAILS, "utter_helper_details_too_short")
        helper = helper_named(text)
        await record_involved(tracker, InvolvedView("supporter", helper.name, helper.relationship))
        dispatcher.utter_message(response="utter_helper_noted")
        return self.accept(tracker, HELPER_DETAILS, text)

    async def validate_communication_needs(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        named = needs_named(text)
        offer = await self.advocacy_offer_for(text, tracker)
        if offer and not named:  # 'I get confused with all this': the offer first, then this again
            return {COMMUNICATION_NEEDS: None, **offer}
        if len(named) > 1 and weighs_up(text):  # 'large print, or maybe easy read, not sure which'
            return self.reject(dispatcher, tracker, COMMUNICATION_NEEDS, "utter_communication_not_understood")
        if len(named) > 1:  # 'large print and easy read': several, said in words
            codes = named
        else:
            reading = read_choice(
                text,
                WORDS,
                tracker.latest_message,
                QUESTION_OF_SLOT[COMMUNICATION_NEEDS],
                lambda _: named[0] if named else None,
            )
            code, asked = self.choose(
                dispatcher, tracker, COMMUNICATION_NEEDS, reading, text, "utter_communication_not_understood"
            )
            if code is None:
                return asked
            codes = [code]
        detail = languages_named(text) if "other_language" in codes else None
        await call(service.set_communication_needs, plan_reference(tracker), codes, detail)
        dispatcher.utter_message(
            response="utter_communication_none_noted" if codes == ["none"] else "utter_communication_noted"
        )
        return self.accept(tracker, COMMUNICATION_NEEDS, ",".join(codes), **offer)

    async def validate_communication_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The language for 'another language': a known one is kept, another name is checked
        first, and 'English is fine after all' takes the language off."""
        text = str(value or "").strip()
        plan = await call(service.get_plan, plan_reference(tracker))
        needs = list(plan.communication_needs or ())
        language = self.confirmed(tracker, COMMUNICATION_LANGUAGE) or languages_named(text)
        if language is None and english_after_all(text):
            kept = [code for code in needs if code != "other_language"] or ["none"]
            await call(service.set_communication_needs, plan_reference(tracker), kept, None)
            dispatcher.utter_message(response="utter_communication_noted")
            return self.accept(tracker, COMMUNICATION_LANGUAGE, "English")
        if language is None:
            said = language_said(text)
            if said is None:
                return self.reject(
                    dispatcher, tracker, COMMUNICATION_LANGUAGE, "utter_communication_language_not_understood"
                )
            return self.check(COMMUNICATION_LANGUAGE, said, text, "utter_confirm_language", language=said)
        await call(service.set_communication_needs, plan_reference(tracker), needs, language)
        dispatcher.utter_message(response="utter_communication_noted")
        return self.accept(tracker, COMMUNICATION_LANGUAGE, language)

    async def validate_advocacy_wanted(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        reading = read_choice(text, YES_NO, tracker.latest_message, QUESTION_OF_SLOT[ADVOCACY_WANTED], _yes_no_words)
        answer, asked = self.choose(dispatcher, tracker, ADVOCACY_WANTED, reading, text, "utter_yes_no_not_understood")
        if answer is None:
            return asked
        if answer == "yes":
            await call(service.add_flag, plan_reference(tracker), ADVOCACY_FLAG)
            dispatcher.utter_message(response="utter_advocacy_requested")
        else:
            dispatcher.utter_message(response="utter_advocacy_declined")
        return self.accept(tracker, ADVOCACY_WANTED, answer, **{ADVOCACY_OFFER: False})

    async def skip_question(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """Skipping the helper's name keeps them on the plan without it; skipping the
        communication question leaves it unasked on the plan."""
        if slot == HELPER_DETAILS:
            await record_involved(tracker, InvolvedView("supporter"))
        await call(service.skip_question, plan_reference(tracker), slot)  # not asked again on coming back
        dispatcher.utter_message(response="utter_skipped")
        return [SlotSet(slot, NOT_SAID)]
