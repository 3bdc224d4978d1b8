"""Section 6: support and services, one at a time, each costed against the budget with the
running total and what is left said after each one."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, List, Mapping, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.assessed_needs import AssessedNeeds
from actions.checks_said import say_new_checks
from actions.common import call, figures_said, latest_text, plan_reference, within_limits
from actions.forms.base import SectionFormValidation
from actions.forms.change_checks import ServiceChangeChecks
from actions.forms.recording import slot_value
from actions.linking import NONE_OF_THEM, ask_which, items_guess, items_picked, need_items
from actions.plan_changes import (
    correct_service,
    outcome_items,
    remove_named_item,
    say_budget_after,
    service_items,
)
from actions.service_costing import ServiceCosting, cost_figures, costed, described, weekly_cost
from actions.service_questions import (
    ABOUT_THE_RECORDED_SERVICE,
    COST_SLOTS,
    FINISHED,
    SERVICE_SLOTS,
    for_later,
    service_questions,
)
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.choices import SERVICE_CATEGORIES, YES_NO
from bot.money import format_pounds
from bot.parsing import is_finished, match_choice, parse_yes_no
from bot.parsing.change_of_mind import CHANGED_MIND_BUT_NO
from bot.parsing.cost_doubts import change_doubt
from bot.parsing.edits import (
    item_named,
    items_chosen,
    names_other_support,
    opens_with_change,
    sounds_like_correction,
    unsure_correction,
)
from bot.parsing.numbers import exact_text
from bot.parsing.relations import the_persons_partner
from bot.parsing.replies import after_yes, leaves_the_question, opens_with_yes
from bot.plans import costing, service
from bot.plans.costing import MAX_HOURS, MAX_RATE, MAX_WEEKLY
from bot.plans.service import NewService
from bot.plans.views import PlanView
from bot.slot_names import (
    ADD_ANOTHER_SERVICE,
    CHOICE_CHECK,
    PAYEE_LIVES_WITH,
    PAYEE_RELATION,
    PERSON_NAME,
    PLANNED_BY,
    REQUESTED_SLOT,
    SERVICE_CATEGORY,
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_DESCRIPTION,
    SERVICE_HOURS,
    SERVICE_ID,
    SERVICE_NEEDS,
    SERVICE_OUTCOMES,
    SERVICE_RATE,
    SERVICE_VISITS_PER_WEEK,
    SUPPORT_FOR_LATER,
    UNMET_NEED,
    UNMET_NEEDS_LEFT,
)


class ValidateServicesForm(AssessedNeeds, ServiceChangeChecks, ServiceCosting, SectionFormValidation):
    skippable = frozenset(SERVICE_SLOTS) - {*ABOUT_THE_RECORDED_SERVICE, ADD_ANOTHER_SERVICE, UNMET_NEEDS_LEFT}
    reads_described_figures = True

    def name(self) -> Text:
        return "validate_services_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        recorded = tracker.get_slot(SERVICE_ID) is not None and tracker.get_slot(SERVICE_OUTCOMES) is not None
        assessed = recorded and bool((await call(service.get_plan, plan_reference(tracker))).budget.eligible_needs)
        return service_questions(tracker.slots, assessed)

    # --- what the service is -------------------------------------------------------------

    async def validate_service_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if is_finished(text) or (leaves_the_question(text) and await self._has_support(tracker)):
            return await self._finish(dispatcher, tracker)
        return self.category_answer(dispatcher, tracker, text)

    @staticmethod
    async def _has_support(tracker: Tracker) -> bool:
        return bool((await call(service.get_plan, plan_reference(tracker))).services)

    # --- recording ------------------------------------------------------------------------

    async def _record_if_complete(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, updates: Dict[Text, Any]
    ) -> Dict[Text, Any]:
        slots: Dict[str, Any] = {name: slot_value(tracker, updates, name) for name in SERVICE_SLOTS}
        found = costed(slots)
        if found is None:
            return updates
        weekly = found.weekly
        if weekly > MAX_WEEKLY:
            dispatcher.utter_message(response="utter_cost_out_of_range")
            return {**updates, **{name: None for name in COST_SLOTS}}
        new = NewService(slots[SERVICE_CATEGORY], described(slots), *cost_figures(slots, found))
        reference = plan_reference(tracker)
        before = await call(service.get_plan, reference)
        recorded, added = await within_limits(dispatcher, service.add_service, reference, new)
        if not recorded or added is None:
            return {**updates, **{name: None for name in SERVICE_SLOTS}}
        plan = await call(service.get_plan, reference)
        say_budget_after(
            dispatcher,
            plan,
            "utter_service_added",
            description=added.description,
            weekly_cost=format_pounds(added.weekly_cost),
            working=found.working,
        )
        say_new_checks(dispatcher, before, plan)
        planned_by = tracker.get_slot(PLANNED_BY) or plan.planned_by
        relation = None if the_persons_partner(added.description, planned_by) else added.payee_relation
        return {**updates, SERVICE_ID: added.id, PAYEE_RELATION: relation}

    async def reads_as_answer(self, slot: str, tracker: Tracker) -> bool:
        """'He chose 1 and 2' answers which outcomes (or needs) a service helps; other questions as the base."""
        if slot not in (SERVICE_OUTCOMES, SERVICE_NEEDS):
            return await super().reads_as_answer(slot, tracker)
        plan = await call(service.get_plan, plan_reference(tracker))
        items = outcome_items(plan) if slot == SERVICE_OUTCOMES else need_items(plan, with_words=True)
        return items_chosen(latest_text(tracker), items) is not None

    # --- which outcomes it serves -----------------------------------------------------------

    async def validate_service_outcomes(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        reference, text = plan_reference(tracker), str(value or "")
        plan = await call(service.get_plan, reference)
        confirmed = self.confirmed(tracker, SERVICE_OUTCOMES)
        items = outcome_items(plan)
        chosen = (
            items_picked(text, items) if confirmed is None else [int(n) for n in confirmed.split(",") if n.isdigit()]
        )
        if chosen is None:
            guess = items_guess(text, items)
            if guess is None:
                return self.reject(dispatcher, tracker, SERVICE_OUTCOMES, "utter_service_outcomes_not_understood")
            return self.check(
                SERVICE_OUTCOMES,
                ",".join(map(str, guess)) or "none",
                text,
                "utter_confirm_service_outcomes",
                outcomes="; ".join(words for item_id, words in items if item_id in guess) or NONE_OF_THEM,
            )
        service_id = tracker.get_slot(SERVICE_ID)
        if service_id is not None:
            await call(service.link_service_outcomes, reference, int(service_id), chosen)
        if chosen:
            texts = "; ".join(o.text for o in plan.outcomes if o.id in chosen)
            dispatcher.utter_message(response="utter_service_outcomes_linked", outcomes=texts)
        return self.accept(tracker, SERVICE_OUTCOMES, ",".join(map(str, chosen)) or "none")

    # --- changes to what is already said ----------------------------------------------------

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """'remove the gardener', or a figure correcting an earlier answer ('actually make that
        8 hours') given while another question is open."""
        text, requested = latest_text(tracker), tracker.get_slot(REQUESTED_SLOT)
        plan = await call(service.get_plan, plan_reference(tracker))
        free_text = requested in (SERVICE_CATEGORY, SERVICE_DESCRIPTION)
        after = await remove_named_item(dispatcher, plan, text, ("services",), ask_if_unclear=not free_text)
        if after is not None:
            current = tracker.get_slot(SERVICE_ID)
            if current is not None and int(current) not in {s.id for s in after.services}:
                return [SlotSet(name, None) for name in (*SERVICE_SLOTS, SERVICE_ID)]
            return [SlotSet(requested, None)]
        return await self._correction(dispatcher, tracker, text, requested, plan)

    #: the figures each question takes as its own answer (anything else there is a correction)
    _ANSWERS = {SERVICE_HOURS: {"hours", "rate"}, SERVICE_RATE: {"rate", "cost"}, SERVICE_COST: {"rate", "cost"}}

    async def _correction(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str, requested: str, plan: Any
    ) -> Optional[List[EventType]]:
        kind = _figure_kind(figures_said(tracker))
        # '10 mins away' says where they live; a reply to a check is not a change
        if kind is None or requested in (PAYEE_LIVES_WITH, CHOICE_CHECK):
            return None
        if requested in (SERVICE_CATEGORY, SERVICE_DESCRIPTION) and opens_with_change(text):
            # 'actually the carers should be 1 hour a day' when asked what to add: a change, checked
            named = item_named(text, service_items(plan))
            changed = next((s for s in plan.services if s.id == named), None)
            if changed is not None and not names_other_support(text, changed.category, changed.description):
                return self.check_change(dispatcher, changed, figures_said(tracker), text, requested)
        last_id = tracker.get_slot(SERVICE_ID)
        known = {**tracker.slots, requested: None}  # the open question holds this message's raw text
        recorded = weekly_cost(known) is not None and last_id is not None
        in_progress = not recorded and any(known.get(name) is not None for name in COST_SLOTS)
        if in_progress and kind in self._ANSWERS.get(requested, ()):
            return None  # an ordinary answer to the question asked
        if requested == ADD_ANOTHER_SERVICE and (
            parse_yes_no(text) is True or opens_with_yes(text) or _names_another_kind(text, known)
        ):
            return None  # "yes, a cleaner for 2 hours", 'Snooker club membership, £45 a quarter': the next service
        after_recording = recorded and requested in (*ABOUT_THE_RECORDED_SERVICE, ADD_ANOTHER_SERVICE)
        if not (after_recording or sounds_like_correction(text)):
            return None
        if in_progress and unsure_correction(text, kind == "hours"):
            # 'not 14 hours. 7 hours. the 14 is pound': no figure is changed on a guess; the cost
            # questions of this support are asked again, one at a time
            dispatcher.utter_message(response="utter_described_figures_not_used")
            return [SlotSet(name, None) for name in (*COST_SLOTS, requested)]
        if in_progress:
            updates = self._in_progress_correction(dispatcher, tracker, figures_said(tracker), kind)
            if updates is None:
                return None
            updates = await self._record_if_complete(dispatcher, tracker, {**updates, requested: None})
            return [SlotSet(name, value) for name, value in updates.items()]
        if last_id is None:  # no support recorded in this round: the message answers the question
            return None
        named = item_named(text, service_items(plan))  # 'change the PA rate': the PA, not the last one added
        current = next((s for s in plan.services if s.id == (named if named is not None else int(last_id))), None)
        if current is None:
            return None
        if names_other_support(
            text, current.category, current.description
        ):  # 'she'd need a taxi, £18': not this service's cost
            dispatcher.utter_message(response="utter_other_support_later", description=current.description)
            return [SlotSet(requested, None), *(SlotSet(name, value) for name, value in for_later(text).items())]
        figures = figures_said(tracker)
        visits = tracker.get_slot(SERVICE_VISITS_PER_WEEK)
        if figures.get("money_period") == "visit" and "frequency" not in figures and visits and current.id == last_id:
            figures["frequency"] = str(visits)  # '£52 a day now' for the support just added: as often as before
        doubtful_money = "money" in figures and change_doubt(text)  # said back by correct_service
        if not doubtful_money and (not sounds_like_correction(text) or unsure_correction(text, "hours" in figures)):
            # a figure not said as a change, or a change that does not read clearly: put back first
            return self.check_change(dispatcher, current, figures, text, requested)
        handled = await correct_service(dispatcher, plan, current.id, figures, text)
        return [SlotSet(requested, None)] if handled else None

    @staticmethod
    def _in_progress_correction(
        dispatcher: CollectingDispatcher, tracker: Tracker, figures: Dict[str, str], kind: str
    ) -> Optional[Dict[Text, Any]]:
        """Slot changes for a correction to the service still being costed."""
        if kind == "hours":
            hours = Fraction(figures["hours"])
            if not Decimal(0) < hours <= MAX_HOURS:
                return None
            dispatcher.utter_message(response="utter_answer_changed", new_value=f"{costing.hours_words(hours)} a week")
            return {SERVICE_HOURS: exact_text(hours)}
        amount = Decimal(figures["money"])
        if kind == "rate":
            if not Decimal(0) < amount <= MAX_RATE:
                return None
            dispatcher.utter_message(response="utter_answer_changed", new_value=f"{format_pounds(amount)} an hour")
            updates: Dict[Text, Any] = {SERVICE_RATE: str(amount)}
            if tracker.get_slot(SERVICE_COST) is not None:
                updates.update({SERVICE_COST: None, SERVICE_COST_PERIOD: "hour"})
            return updates
        per = figures.get("money_period")
        if not Decimal(0) < amount <= MAX_WEEKLY:
            return None
        dispatcher.utter_message(
            response="utter_answer_changed", new_value=format_pounds(amount) + (f" a {per}" if per else "")
        )
        return {SERVICE_COST: str(amount), **({SERVICE_COST_PERIOD: per} if per else {})}

    # --- another one? ---------------------------------------------------------------------

    def _yes_or_no(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str, text: str
    ) -> Tuple[Optional[str], Dict[Text, Any]]:
        """'yes' or 'no' for a yes/no question, or None with the slot updates that check or reject it."""
        mixed = bool(_YES_WORD.search(text) and _NO_WORD.search(text))  # 'no wait, yes'
        reading = read_choice(text, YES_NO, tracker.latest_message, QUESTION_OF_SLOT[slot], yes_or_no, doubtful=mixed)
        return self.choose(dispatcher, tracker, slot, reading, text, "utter_yes_no_not_understood")

    async def validate_payee_lives_with(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Regulation 3: a close relative paid from a direct payment who lives with the person."""
        answer, asked = self._yes_or_no(dispatcher, tracker, PAYEE_LIVES_WITH, str(value or ""))
        service_id = tracker.get_slot(SERVICE_ID)
        if answer is None or service_id is None:
            return asked
        reference = plan_reference(tracker)
        before = await call(service.get_plan, reference)
        await call(service.set_payee_lives_with, reference, int(service_id), answer == "yes")
        say_new_checks(dispatcher, before, await call(service.get_plan, reference))
        return self.accept(tracker, PAYEE_LIVES_WITH, answer)

    async def validate_add_another_service(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        if only_asks_for_another(text):  # the button 'Yes, add another': 'another' is not 'something else'
            return dict(_NEXT_SUPPORT)
        if _names_another_kind(text, tracker.slots):  # 'Snooker club membership. It's £45 a quarter.'
            return await self._start_support(text, dispatcher, tracker, domain)
        answer, asked = self._yes_or_no(dispatcher, tracker, ADD_ANOTHER_SERVICE, text)
        if answer == "yes":
            named = after_yes(text)
            if named and match_choice(named, SERVICE_CATEGORIES) is not None:  # 'yes, a taxi to church, £15'
                return await self._start_support(named, dispatcher, tracker, domain)
            return dict(_NEXT_SUPPORT)
        if answer == "no":
            return await self._finish(dispatcher, tracker) | {SUPPORT_FOR_LATER: None}
        return asked

    async def _start_support(
        self, said: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The next support, begun with what the person said of it (read as its kind)."""
        tracker.slots.update(_NEXT_SUPPORT)
        return _NEXT_SUPPORT | await self.validate_service_category(said, dispatcher, tracker, domain)

    async def _finish(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        """No more support: at least one is needed; then the needs nothing meets yet, if any."""
        plan: PlanView = await call(service.get_plan, plan_reference(tracker))
        if not plan.services:
            dispatcher.utter_message(response="utter_service_needed")
            return {SERVICE_CATEGORY: None}
        cleared = {name: None for name in SERVICE_SLOTS}
        return cleared | {ADD_ANOTHER_SERVICE: FINISHED} | await self.unmet_needs_round(plan)

    def start_again_events(self) -> List[EventType]:
        """The service being planned is forgotten; services already added stay."""
        return [SlotSet(name, None) for name in SERVICE_SLOTS]

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        if slot == UNMET_NEED:
            return await self.skip_unmet_need(dispatcher, tracker)
        if slot == SERVICE_CATEGORY and await self._has_support(tracker):  # no more support to add
            return [SlotSet(name, value) for name, value in (await self._finish(dispatcher, tracker)).items()]
        dispatcher.utter_message(response="utter_service_skipped")
        return [SlotSet(name, None) for name in SERVICE_SLOTS]


#: the slots cleared when the next support begins
_NEXT_SUPPORT: Dict[Text, Any] = {name: None for name in SERVICE_SLOTS} | {SUPPORT_FOR_LATER: None}


#: the words of a reply that only asks to add more support ('Yes, add another', 'add one more please')
_ASKING_FOR_ANOTHER = frozenset(
    "yes yeah yep yup ye yeh aye ok okay sure please add another one more new kind of support thing "
    "a an i i'd id like want to can let's lets go on thanks thank you".split()
)
_MORE = frozenset({"add", "another", "more"})


def only_asks_for_another(text: str) -> bool:
    """Whether the reply only asks to add more support, naming no kind of it."""
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return bool(_MORE & set(words)) and all(word in _ASKING_FOR_ANOTHER for word in words)


def _names_another_kind(text: str, known: Mapping[str, Any]) -> bool:
    """Whether an answer to 'add another kind of support?' that is not a yes or no names a kind of
    support other than the one just added ('Snooker club membership, £45 a quarter' after a PA)."""
    if parse_yes_no(text) is not None or yes_or_no(text) is not None or sounds_like_correction(text):
        return False
    kind = match_choice(text, SERVICE_CATEGORIES)
    return kind is not None and kind != known.get(SERVICE_CATEGORY)


_YES_WORD = re.compile(r"\b(?:yes|yeah|yep|yup|aye|ok|okay)\b", re.IGNORECASE)
_NO_WORD = re.compile(r"\b(?:no|nope|nah)\b(?! (?:problem|worries|bother)\b)", re.IGNORECASE)


def yes_or_no(text: str) -> Optional[str]:
    """'yes' or 'no' by the words (a short yes or no, or "that's all"), else None. When both are
    said, what follows a change of mind ('no sorry i mean yes'), else None; the caller checks it."""
    if _YES_WORD.search(text) and _NO_WORD.search(text):
        changes = list(CHANGED_MIND_BUT_NO.finditer(text))  # 'no sorry i mean yes': the later answer, checked
        return yes_or_no(text[changes[-1].end() :]) if changes and changes[-1].end() < len(text) else None
    answer = parse_yes_no(text)
    if answer is None:  # "ok that's all" is no more; "Yes, the minibus, £4 each way" is yes
        return "no" if is_finished(text) else ("yes" if opens_with_yes(text) else None)
    return "yes" if answer else "no"


def _figure_kind(figures: Dict[str, str]) -> Optional[str]:
    """'hours', 'rate' (money an hour) or 'cost' (any other money): what a message's figure is."""
    if "hours" in figures:
        return "hours"
    if "money" in figures:
        return "rate" if figures.get("money_period") == "hour" else "cost"
    return None


class AskAddAnotherService(Action):
    """'Would you like to add another kind of support?', or, when the person told about more
    support while another was being planned, a reminder of it in their words."""

    def name(self) -> Text:
        return "action_ask_add_another_service"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        said = tracker.get_slot(SUPPORT_FOR_LATER)
        if said:
            dispatcher.utter_message(response="utter_ask_add_another_service_said", support_said=said)
        else:
            dispatcher.utter_message(response="utter_ask_add_another_service")
        return []


class AskServiceOutcomes(Action):
    """Asks which of the plan's outcomes the service just costed helps with, listing them."""

    def name(self) -> Text:
        return "action_ask_service_outcomes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        plan = await call(service.get_plan, plan_reference(tracker))
        ask_which(dispatcher, outcome_items(plan), "utter_which_outcomes", person_name=tracker.get_slot(PERSON_NAME))
        return []
