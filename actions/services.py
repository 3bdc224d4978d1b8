"""Section 6: support and services, one at a time, each costed against the budget with the
running total and what is left said after each one."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
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
from actions.forms.recording import is_meaningful, slot_value
from actions.linking import ask_which, items_picked, need_items
from actions.plan_changes import (
    MAX_HOURS,
    MAX_RATE,
    MAX_WEEKLY,
    correct_service,
    outcome_items,
    remove_named_item,
    say_budget_after,
)
from actions.service_questions import (
    ABOUT_THE_RECORDED_SERVICE,
    COST_SLOTS,
    FINISHED,
    SERVICE_SLOTS,
    cost_questions,
    service_questions,
)
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.choices import COST_PERIODS, PERIOD_PAID, SERVICE_CATEGORIES, YES_NO
from bot.money import format_pounds
from bot.parsing import Money, is_finished, match_choice, parse_frequency, parse_hours, parse_money, parse_yes_no
from bot.parsing.change_of_mind import CHANGED_MIND_BUT_NO
from bot.parsing.cost_doubts import RANGE, TWO_PERIODS, cost_doubt, period_doubt, settled_cost, settled_period
from bot.parsing.edits import items_chosen, sounds_like_correction
from bot.parsing.frequency import frequency_beside_cost, frequency_match
from bot.parsing.hours import HoursReading, read_hours
from bot.parsing.pipeline import analyse
from bot.parsing.relations import PARTNERS
from bot.plans import costing, service
from bot.plans.service import NewService
from bot.plans.views import PlanView
from bot.slot_names import (
    ADD_ANOTHER_SERVICE,
    PAYEE_LIVES_WITH,
    PAYEE_RELATION,
    PERSON_NAME,
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
    UNMET_NEED,
    UNMET_NEEDS_LEFT,
)

MAX_VISITS = Decimal(50)
WORDS_FOR_A_DESCRIPTION = 4

_BARE_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:times?|x)?\s*$", re.IGNORECASE)


def _decimal(slots: Mapping[str, Any], name: str) -> Optional[Decimal]:
    return Decimal(slots[name]) if slots.get(name) is not None else None


def costed(slots: Mapping[str, Any]) -> Optional[costing.Costed]:
    """The weekly cost, with its working, once every figure this service needs is known, else None."""
    if any(slots.get(q) is None for q in cost_questions(slots)):
        return None
    hourly = slots.get(SERVICE_HOURS) is not None and slots.get(SERVICE_RATE) is not None
    return costing.cost_of(
        hours=_decimal(slots, SERVICE_HOURS) if hourly else None,
        rate=_decimal(slots, SERVICE_RATE) if hourly else None,
        amount=_decimal(slots, SERVICE_COST),
        period=slots.get(SERVICE_COST_PERIOD),
        times_per_week=_decimal(slots, SERVICE_VISITS_PER_WEEK),
    )


def weekly_cost(slots: Mapping[str, Any]) -> Optional[Decimal]:
    """The weekly cost once every figure this service needs is known, else None."""
    found = costed(slots)
    return found.weekly if found is not None else None


def _weekly_for_the_hours(slots: Mapping[str, Any]) -> bool:
    """True when the person gave what the hours cost a week ('£100 a week'), which is then kept."""
    return slots.get(SERVICE_COST) is not None and slots.get(SERVICE_COST_PERIOD) == "week"


def times_per_week(text: str) -> Optional[Decimal]:
    bare = _BARE_NUMBER.match(text)
    if bare:
        try:
            return Decimal(bare.group(1))
        except InvalidOperation:
            return None
    return parse_frequency(text)


class ValidateServicesForm(AssessedNeeds, SectionFormValidation):
    skippable = frozenset(SERVICE_SLOTS) - {*ABOUT_THE_RECORDED_SERVICE, ADD_ANOTHER_SERVICE, UNMET_NEEDS_LEFT}

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
        if is_finished(text):
            return await self._finish(dispatcher, tracker)
        reading = read_choice(text, SERVICE_CATEGORIES, tracker.latest_message, QUESTION_OF_SLOT[SERVICE_CATEGORY])
        category, asked = self.choose(
            dispatcher, tracker, SERVICE_CATEGORY, reading, text, "utter_category_not_understood"
        )
        if category is None:
            return asked
        updates: Dict[Text, Any] = {}
        if len(text.split()) >= WORDS_FOR_A_DESCRIPTION:
            updates[SERVICE_DESCRIPTION] = text  # "a PA to help me shower" says both at once
        return self.accept(tracker, SERVICE_CATEGORY, category, **updates)

    async def validate_service_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, SERVICE_DESCRIPTION, "utter_description_too_short")
        kept, _ = await within_limits(dispatcher, service.check_text, text)
        if not kept:
            return {SERVICE_DESCRIPTION: None}
        return self.accept(tracker, SERVICE_DESCRIPTION, text)

    # --- what it costs ------------------------------------------------------------------

    async def validate_service_hours(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_HOURS)
        reading = read_hours(text) if confirmed is None else HoursReading(Decimal(confirmed), True)
        hours = reading.hours
        if hours is None:
            doubtful = parse_hours(text) is not None  # a range or a guess: one figure is needed
            return self.reject(
                dispatcher,
                tracker,
                SERVICE_HOURS,
                "utter_hours_uncertain" if doubtful else "utter_hours_not_understood",
            )
        if not Decimal(0) < hours <= MAX_HOURS:
            return self.reject(dispatcher, tracker, SERVICE_HOURS, "utter_hours_out_of_range")
        if not reading.certain:
            return self.check(SERVICE_HOURS, str(hours), text, "utter_confirm_hours", hours=f"{hours.normalize():f}")
        updates = self.accept(tracker, SERVICE_HOURS, str(hours))
        money = parse_money(text)
        if money is not None and money.per == "hour" and Decimal(0) < money.amount <= MAX_RATE:
            updates[SERVICE_RATE] = str(money.amount)  # "6 hours at £15 an hour"
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def validate_service_rate(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        money = parse_money(str(value or ""))
        if money is None or money.per not in (None, "hour", "week"):
            return self.reject(dispatcher, tracker, SERVICE_RATE, "utter_rate_not_understood")
        rate, weekly = money.amount, None
        hours = tracker.get_slot(SERVICE_HOURS)
        if money.per == "week" and hours:  # "£90 a week" for 6 hours: £90 a week, kept exactly
            rate, weekly = costing.hourly_rate(money.amount, Decimal(hours)), money.amount
        if not Decimal(0) < rate <= MAX_RATE:
            return self.reject(dispatcher, tracker, SERVICE_RATE, "utter_rate_out_of_range")
        updates = self.accept(tracker, SERVICE_RATE, str(rate))
        if weekly is not None:
            updates.update({SERVICE_COST: str(weekly), SERVICE_COST_PERIOD: "week"})
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def validate_service_cost(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_COST)
        money = _checked_cost(confirmed) if confirmed is not None else parse_money(text)
        if money is None:
            return self.reject(dispatcher, tracker, SERVICE_COST, "utter_cost_not_understood")
        doubt = cost_doubt(text) if confirmed is None else None
        settled = _settled_cost(text, money, doubt)
        if settled is not None:  # '£30 a week, no sorry a month', '£40, no sorry £45': checked first
            amount, per = settled
            return self.check(
                SERVICE_COST,
                f"{amount}|{per}",
                text,
                "utter_confirm_cost",
                cost=format_pounds(amount),
                paid=PERIOD_PAID[per],
            )
        if doubt:
            return self.reject(dispatcher, tracker, SERVICE_COST, "utter_cost_uncertain")
        if money.amount <= 0:
            return self.reject(dispatcher, tracker, SERVICE_COST, "utter_cost_out_of_range")
        if money.per == "hour":
            if money.amount > MAX_RATE:
                return self.reject(dispatcher, tracker, SERVICE_COST, "utter_rate_out_of_range")
            updates = self.accept(
                tracker, SERVICE_COST, None, **{SERVICE_RATE: str(money.amount), SERVICE_COST_PERIOD: "hour"}
            )
            hours = parse_hours(text) if re.search(r"\bhours?\b|\bhrs?\b", text, re.IGNORECASE) else None
            if hours is not None and Decimal(0) < hours <= MAX_HOURS:
                updates[SERVICE_HOURS] = str(hours)
        else:
            updates = self.accept(tracker, SERVICE_COST, str(money.amount))
            updates.update(self._period_updates(dispatcher, money.per, money.amount, text, exact=confirmed is not None))
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def validate_service_cost_period(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_COST_PERIOD)
        doubt = period_doubt(text) if confirmed is None else None
        settled = settled_period(text) if doubt == TWO_PERIODS else None
        if settled is not None:  # 'not monthly, it's weekly': checked first
            return self.check(SERVICE_COST_PERIOD, settled, text)
        if doubt:
            return self.reject(dispatcher, tracker, SERVICE_COST_PERIOD, "utter_cost_period_uncertain")
        by_words = _per_visit_if_often(match_choice(text, COST_PERIODS), text)  # "fortnightly": each time
        if confirmed is None and _said_how_often(text):
            per = by_words
        else:  # the period sets the money: a reading from the model alone is always checked
            reading = read_choice(
                text,
                COST_PERIODS,
                tracker.latest_message,
                QUESTION_OF_SLOT[SERVICE_COST_PERIOD],
                lambda _: by_words,
                model_alone_is_sure=False,
            )
            per, asked = self.choose(
                dispatcher, tracker, SERVICE_COST_PERIOD, reading, text, "utter_cost_period_not_understood"
            )
            if per is None:
                return asked
        amount = Decimal(tracker.get_slot(SERVICE_COST))
        updates = self.accept(tracker, SERVICE_COST_PERIOD, None)
        if per == "hour":
            updates.update({SERVICE_COST: None, SERVICE_RATE: str(amount), SERVICE_COST_PERIOD: "hour"})
        else:
            updates.update(self._period_updates(dispatcher, per, amount, text, exact=confirmed is not None))
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def validate_service_visits_per_week(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        visits = times_per_week(str(value or ""))
        if visits is None or not Decimal(0) < visits <= MAX_VISITS:
            return self.reject(dispatcher, tracker, SERVICE_VISITS_PER_WEEK, "utter_visits_not_understood")
        updates = self.accept(tracker, SERVICE_VISITS_PER_WEEK, str(visits))
        return await self._record_if_complete(dispatcher, tracker, updates)

    @staticmethod
    def _period_updates(
        dispatcher: CollectingDispatcher, per: Optional[str], amount: Decimal, text: str, exact: bool = False
    ) -> Dict[Text, Any]:
        """Slot values for a fixed cost said 'per' something (None: not said yet). With `exact`
        (a period the person has just confirmed) the text is not read again for how often."""
        if not exact:
            per = _per_visit_if_often(per, text)
        if per is None:
            return {}
        updates: Dict[Text, Any] = {SERVICE_COST_PERIOD: per}
        if per == "visit":
            visits = frequency_beside_cost(text)
            if visits is not None and Decimal(0) < visits <= MAX_VISITS:
                updates[SERVICE_VISITS_PER_WEEK] = str(visits)  # "£50 a day, twice a week"
        return updates

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
        hourly = slots[SERVICE_HOURS] is not None and slots[SERVICE_RATE] is not None
        new = NewService(
            category=slots[SERVICE_CATEGORY],
            description=slots[SERVICE_DESCRIPTION],
            hours_per_week=Decimal(slots[SERVICE_HOURS]) if hourly else None,
            unit_cost=Decimal(slots[SERVICE_RATE]) if hourly else None,
            weekly_cost=weekly if not hourly or _weekly_for_the_hours(slots) else None,
        )
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
        relation = added.payee_relation if added.payee_relation not in PARTNERS else None
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
        reference = plan_reference(tracker)
        plan = await call(service.get_plan, reference)
        chosen = items_picked(str(value or ""), outcome_items(plan))
        if chosen is None:
            return self.reject(dispatcher, tracker, SERVICE_OUTCOMES, "utter_service_outcomes_not_understood")
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
        if kind is None:
            return None
        last_id = tracker.get_slot(SERVICE_ID)
        known = {**tracker.slots, requested: None}  # the open question holds this message's raw text
        recorded = weekly_cost(known) is not None and last_id is not None
        in_progress = not recorded and any(known.get(name) is not None for name in COST_SLOTS)
        if in_progress and kind in self._ANSWERS.get(requested, ()):
            return None  # an ordinary answer to the question asked
        if requested == ADD_ANOTHER_SERVICE and parse_yes_no(text) is True:
            return None  # "yes, a cleaner for 2 hours" starts the next service
        after_recording = recorded and requested in (*ABOUT_THE_RECORDED_SERVICE, ADD_ANOTHER_SERVICE)
        if not (after_recording or sounds_like_correction(text)):
            return None
        if in_progress:
            updates = self._in_progress_correction(dispatcher, tracker, figures_said(tracker), kind)
            if updates is None:
                return None
            updates = await self._record_if_complete(dispatcher, tracker, {**updates, requested: None})
            return [SlotSet(name, value) for name, value in updates.items()]
        if last_id is None:
            return None
        handled = await correct_service(dispatcher, plan, int(last_id), figures_said(tracker))
        return [SlotSet(requested, None)] if handled else None

    @staticmethod
    def _in_progress_correction(
        dispatcher: CollectingDispatcher, tracker: Tracker, figures: Dict[str, str], kind: str
    ) -> Optional[Dict[Text, Any]]:
        """Slot changes for a correction to the service still being costed."""
        if kind == "hours":
            hours = Decimal(figures["hours"])
            if not Decimal(0) < hours <= MAX_HOURS:
                return None
            dispatcher.utter_message(response="utter_answer_changed", new_value=f"{hours.normalize():f} hours a week")
            return {SERVICE_HOURS: str(hours)}
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
        answer, asked = self._yes_or_no(dispatcher, tracker, ADD_ANOTHER_SERVICE, str(value or ""))
        if answer == "yes":
            return {name: None for name in SERVICE_SLOTS}
        if answer == "no":
            return await self._finish(dispatcher, tracker)
        return asked

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
        dispatcher.utter_message(response="utter_service_skipped")
        return [SlotSet(name, None) for name in SERVICE_SLOTS]


def _per_visit_if_often(per: Optional[str], text: str) -> Optional[str]:
    """'£60 every other week', '£20 three times a week': an amount said with how often it is
    paid is a cost each time ('visit'); the times a week are then read from the same text."""
    match = frequency_match(analyse(text))
    if per == "one-off" and match is not None and match.span.label_ != "count":
        per = None  # 'once a fortnight', 'once every 3 months': how often, not a one-off
    if match is None or match.span.label_ == "count" or per in ("visit", "hour", "one-off", "4 weeks"):
        return per  # a count with no period ('just the once', 'twice') says nothing of how often
    often = Fraction(match.per_week)
    if per is None and match.span.label_ in ("unit", "adverb"):  # 'per yr', 'monthly': the period itself
        per = next(
            (
                p
                for p in COST_PERIODS
                if p in costing.COST_WEEKS_PER and abs(often - costing.times_a_week(p)) < Fraction(1, 100)
            ),
            None,
        )
    if per in costing.COST_WEEKS_PER and abs(often - costing.times_a_week(per)) < Fraction(1, 100):
        return per
    return "visit"


def _settled_cost(text: str, money: Money, doubt: Optional[str]) -> Optional[Tuple[Decimal, str]]:
    """The cost meant when a doubt comes from a change of mind or a denied period, else None."""
    if doubt == TWO_PERIODS:
        per = settled_period(text)
        return (money.amount, per) if per is not None and money.amount > 0 else None
    return settled_cost(text) if doubt == RANGE else None


def _checked_cost(code: str) -> Money:
    """The cost the person confirmed, as check() stored it: 'amount|period'."""
    amount, per = code.split("|")
    return Money(Decimal(amount), per)


def _said_how_often(text: str) -> bool:
    """True when the text says how often ('every other week', 'twice a week'), which the
    frequency rules read exactly."""
    return _per_visit_if_often(None, text) == "visit"


_YES_WORD = re.compile(r"\b(?:yes|yeah|yep|yup|aye|ok|okay)\b", re.IGNORECASE)
_NO_WORD = re.compile(r"\b(?:no|nope|nah)\b(?! (?:problem|worries|bother)\b)", re.IGNORECASE)


def yes_or_no(text: str) -> Optional[str]:
    """'yes' or 'no' by the words (a short yes or no, or "that's all"), else None. When both are
    said, what follows a change of mind ('no sorry i mean yes'), else None; the caller checks it."""
    if _YES_WORD.search(text) and _NO_WORD.search(text):
        changes = list(CHANGED_MIND_BUT_NO.finditer(text))  # 'no sorry i mean yes': the later answer, checked
        return yes_or_no(text[changes[-1].end() :]) if changes and changes[-1].end() < len(text) else None
    answer = parse_yes_no(text)
    if answer is None:
        return "no" if is_finished(text) else None
    return "yes" if answer else "no"


def _figure_kind(figures: Dict[str, str]) -> Optional[str]:
    """'hours', 'rate' (money an hour) or 'cost' (any other money): what a message's figure is."""
    if "hours" in figures:
        return "hours"
    if "money" in figures:
        return "rate" if figures.get("money_period") == "hour" else "cost"
    return None


class AskServiceOutcomes(Action):
    """Asks which of the plan's outcomes the service just costed helps with, listing them."""

    def name(self) -> Text:
        return "action_ask_service_outcomes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        plan = await call(service.get_plan, plan_reference(tracker))
        ask_which(dispatcher, outcome_items(plan), "utter_which_outcomes", person_name=tracker.get_slot(PERSON_NAME))
        return []
