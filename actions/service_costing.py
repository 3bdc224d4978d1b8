"""Costing one service from what the person says, shared by planning (actions/services.py) and
the review (actions/review_form.py): the hours and the hourly rate, or an amount and what it is
paid per (and how many times a week for a cost each time), with doubtful figures put back to the
person before anything is recorded. `ServiceCosting` validates those questions; the form that
mixes it in says what happens once the cost is known (`_record_if_complete`)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, List, Mapping, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text, within_limits
from actions.forms.choice_checks import ChoiceChecks
from actions.forms.recording import is_meaningful
from actions.service_questions import BY_THE_HOUR, COST_SLOTS, cost_questions, for_later
from bot.answers.reading import QUESTION_OF_SLOT, read_choice
from bot.choices import COST_PERIODS, HOURLY_CATEGORIES, PERIOD_PAID, SERVICE_CATEGORIES
from bot.money import format_pounds, round_to_penny
from bot.parsing import Money, match_choice, parse_frequency, parse_hours, parse_money
from bot.parsing.cost_doubts import (
    APPROXIMATE,
    RANGE,
    SHARED,
    TWO_MEANINGS,
    TWO_PERIODS,
    amounts_said,
    bounded,
    cost_doubt,
    hedged,
    hedged_period,
    numbers_left_over,
    period_doubt,
    settled_cost,
    settled_period,
    several_supports,
)
from bot.parsing.frequency import frequency_beside_cost, per_visit_if_often
from bot.parsing.hours import HoursReading, read_hours, unlike_described_hours
from bot.parsing.money import decimal_comma_money, each_way
from bot.parsing.numbers import exact_text
from bot.parsing.seasons import TERM_TIME_WEEKS, WEEKS_IN_A_YEAR, part_of_year, term_time, weeks_a_year
from bot.plans import costing, service
from bot.plans.costing import MAX_HOURS, MAX_RATE, MAX_VISITS
from bot.plans.described import DESCRIBED, confirms, described_figures
from bot.slot_names import (
    CHOICE_CHECK,
    REQUESTED_SLOT,
    SERVICE_CATEGORY,
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_DESCRIPTION,
    SERVICE_HOURS,
    SERVICE_PART_OF_YEAR,
    SERVICE_RATE,
    SERVICE_VISITS_PER_WEEK,
    SERVICE_WEEKS_A_YEAR,
)

WORDS_FOR_A_DESCRIPTION = 4

_BARE_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:times?|x)?\s*$", re.IGNORECASE)


def costed(slots: Mapping[str, Any]) -> Optional[costing.Costed]:
    """The weekly cost, with its working, once every figure this service needs is known, else None."""
    if any(slots.get(q) is None for q in cost_questions(slots)):
        return None
    return costing.cost_of_answers(slots)


def weekly_cost(slots: Mapping[str, Any]) -> Optional[Decimal]:
    """The weekly cost once every figure this service needs is known, else None."""
    found = costed(slots)
    return found.weekly if found is not None else None


def weekly_for_the_hours(slots: Mapping[str, Any]) -> bool:
    """True when the person gave what the hours cost a week ('£100 a week'), which is then kept."""
    return slots.get(SERVICE_COST) is not None and slots.get(SERVICE_COST_PERIOD) == "week"


def cost_figures(
    slots: Mapping[str, Any], found: costing.Costed
) -> Tuple[Optional[Fraction], Optional[Decimal], Optional[Decimal]]:
    """The hours a week, hourly rate and weekly cost to record for a costed service (as
    bot.plans.service.NewService takes them): the hours and rate for an hourly service (with the
    weekly figure too when the person gave what the hours cost a week), else the weekly cost.
    The hours of support used only part of the year are its average over the year."""
    if slots.get(SERVICE_HOURS) is None or slots.get(SERVICE_RATE) is None:
        return None, None, found.weekly
    weeks = slots.get(SERVICE_WEEKS_A_YEAR)
    hours = costing.over_the_year(Fraction(slots[SERVICE_HOURS]), None if weeks is None else Fraction(weeks))
    if round_to_penny(hours) == 0:  # 15 minutes a week for 1 week a year: too little to show as hours
        return None, None, found.weekly
    if weekly_for_the_hours(slots):
        return hours, costing.hourly_rate(found.weekly, hours), found.weekly
    return hours, Decimal(slots[SERVICE_RATE]), None


def described(slots: Mapping[str, Any]) -> str:
    """The description to record: the person's, with the weeks a year of support used only
    part of the year ('After-school club (39 weeks a year)')."""
    description = str(slots.get(SERVICE_DESCRIPTION) or "")
    weeks = slots.get(SERVICE_WEEKS_A_YEAR)
    if weeks is None or Fraction(weeks) >= WEEKS_IN_A_YEAR:
        return description
    noted = f" ({costing.weeks_words(Fraction(weeks))})"
    return description if description.endswith(noted) else description + noted


def times_per_week(text: str) -> Optional[Fraction]:
    bare = _BARE_NUMBER.match(text)
    if bare:
        return Fraction(bare.group(1))
    return parse_frequency(text)


class ServiceCosting(ChoiceChecks):
    """`validate_<slot>` for the cost questions (actions/service_questions.py COST_SLOTS). The form
    mixing it in writes `_record_if_complete`, called with the slot updates of each answer."""

    #: figures said with the description fill the cost questions they answer, once the person
    #: says yes to them (bot/plans/described.py); the planning form does this
    reads_described_figures = False

    async def _record_if_complete(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, updates: Dict[Text, Any]
    ) -> Dict[Text, Any]:
        """The updates, once the service is recorded if every figure is now known."""
        raise NotImplementedError

    # --- what the service is ------------------------------------------------------------

    def category_answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> Dict[Text, Any]:
        """The slot updates of an answer to "What kind of support?" (a long answer is also its description)."""
        if several_supports(text):  # two supports, each with its cost: one at a time, never merged
            dispatcher.utter_message(response="utter_one_support_at_a_time")
            return {SERVICE_CATEGORY: None, **for_later(text)}
        reading = read_choice(text, SERVICE_CATEGORIES, tracker.latest_message, QUESTION_OF_SLOT[SERVICE_CATEGORY])
        category, asked = self.choose(
            dispatcher, tracker, SERVICE_CATEGORY, reading, text, "utter_category_not_understood"
        )
        if category is None:
            return asked
        if len(text.split()) < WORDS_FOR_A_DESCRIPTION or "?" in text:  # a question is not a description
            return self.accept(tracker, SERVICE_CATEGORY, category)
        # "a PA to help me shower" says both at once
        updates = self.accept(tracker, SERVICE_CATEGORY, category, **{SERVICE_DESCRIPTION: text})
        return self._with_described_figures(tracker, updates, text)

    async def validate_service_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, SERVICE_DESCRIPTION, "utter_description_too_short")
        if several_supports(text):
            dispatcher.utter_message(response="utter_one_support_at_a_time")
            return {SERVICE_DESCRIPTION: None, **for_later(text)}
        kept, _ = await within_limits(dispatcher, service.check_text, text)
        if not kept:
            return {SERVICE_DESCRIPTION: None}
        return self._with_described_figures(tracker, self.accept(tracker, SERVICE_DESCRIPTION, text), text)

    def _with_described_figures(self, tracker: Tracker, updates: Dict[Text, Any], description: str) -> Dict[Text, Any]:
        """`updates` keeping the description as said; when it also says figures that answer the
        cost questions ('a PA for 10 hours a week at £15 an hour'), those figures put back to the
        person first, in one short question (a check on the first cost question, as `check`),
        kept with the check until a yes (`answer_to_check`)."""
        slots = {**tracker.slots, **updates}
        hourly = slots.get(SERVICE_CATEGORY) in HOURLY_CATEGORIES
        found = described_figures(description, hourly) if self.reads_described_figures else None
        if found is None:
            return updates
        first = cost_questions(slots)[0]
        check = self.check(first, DESCRIBED, description, "utter_confirm_described_figures", figures=found.words)
        check[CHOICE_CHECK][DESCRIBED] = found.answers
        return {**updates, **check}

    async def answer_to_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The reply to 'So that's 10 hours a week at £15.00 an hour. Is that right?': a plain yes
        fills the questions those figures answer (and records the service once every figure is
        known); anything else (a no, a correction, 'yes but…') asks the questions as usual. The
        form then goes on to the next question not yet answered. Other checks as the base."""
        pending = dict(tracker.get_slot(CHOICE_CHECK) or {})
        answers = pending.get(DESCRIBED)
        if pending.get("code") != DESCRIBED or not isinstance(answers, dict):
            return await super().answer_to_check(dispatcher, tracker, domain)
        events: List[EventType] = [SlotSet(CHOICE_CHECK, None)]
        if not confirms(latest_text(tracker)):
            dispatcher.utter_message(response="utter_described_figures_not_used")
            return events
        updates = await self._record_if_complete(dispatcher, tracker, dict(answers))
        return events + [SlotSet(name, value) for name, value in updates.items()]

    # --- what it costs ------------------------------------------------------------------

    async def validate_service_hours(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_HOURS)
        reading = read_hours(text) if confirmed is None else HoursReading(Fraction(confirmed), True)
        hours = reading.hours
        said_money = parse_money(text) if hours is None else None
        if said_money is not None and re.search(
            r"\b(?:a|per|each|every)\s+day\b|\bdaily\b", text, re.I
        ):  # '£50 a day': paid by the day, not the hour
            return self.reject(dispatcher, tracker, SERVICE_HOURS, "utter_hours_day_rate")
        if hours is None and said_money is not None and said_money.per not in BY_THE_HOUR:
            return await self._paid_otherwise(SERVICE_HOURS, text, dispatcher, tracker, domain)  # '£240 a month'
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
        described = tracker.get_slot(SERVICE_DESCRIPTION)
        if confirmed is None and (not reading.certain or unlike_described_hours(text, hours, described)):
            return self.check_figure(
                SERVICE_HOURS, exact_text(hours), text, "utter_confirm_hours", hours=costing.hours_words(hours)
            )
        updates = self.accept(tracker, SERVICE_HOURS, exact_text(hours))
        money = parse_money(text)
        if money is not None and money.per == "hour" and Decimal(0) < money.amount <= MAX_RATE:
            updates[SERVICE_RATE] = str(money.amount)  # "6 hours at £15 an hour"
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def validate_service_rate(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_RATE)
        money = Money(Decimal(confirmed), "hour") if confirmed is not None else parse_money(text)
        if money is not None and money.per not in BY_THE_HOUR:
            return await self._paid_otherwise(SERVICE_RATE, text, dispatcher, tracker, domain)  # '£19 a visit'
        comma = decimal_comma_money(text) if money is None else None
        if comma is not None and comma.per in (None, "hour") and Decimal(0) < comma.amount <= MAX_RATE:
            # '12,90 £ for hour': a decimal comma, put back first
            return self.check_figure(
                SERVICE_RATE, str(comma.amount), text, "utter_confirm_rate", rate=format_pounds(comma.amount)
            )
        if money is None:
            return self.reject(dispatcher, tracker, SERVICE_RATE, "utter_rate_not_understood")
        doubt = cost_doubt(text) if confirmed is None else None
        if doubt == SHARED:
            return self.reject(dispatcher, tracker, SERVICE_RATE, "utter_cost_shared")
        if doubt in (RANGE, TWO_PERIODS) or (doubt and len(amounts_said(text)) > 1):
            return self.reject(dispatcher, tracker, SERVICE_RATE, "utter_rate_uncertain")
        if doubt and money.per in (None, "hour") and Decimal(0) < money.amount <= MAX_RATE:
            # 'about £14 I think': a rough figure is fine, but it is money, so it is checked first
            return self.check_figure(
                SERVICE_RATE, str(money.amount), text, "utter_confirm_rate", rate=format_pounds(money.amount)
            )
        rate, weekly = money.amount, None
        hours = tracker.get_slot(SERVICE_HOURS)
        if money.per == "week" and hours:  # "£90 a week" for 6 hours: £90 a week, kept exactly
            rate, weekly = costing.hourly_rate(money.amount, Fraction(hours)), money.amount
        if not Decimal(0) < rate <= MAX_RATE:
            return self.reject(dispatcher, tracker, SERVICE_RATE, "utter_rate_out_of_range")
        updates = self.accept(tracker, SERVICE_RATE, str(rate))
        if weekly is not None:
            updates.update({SERVICE_COST: str(weekly), SERVICE_COST_PERIOD: "week"})
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def _paid_otherwise(
        self, asked: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """An hourly service whose cost is said by the visit, month, 4 weeks or year ('£19 a
        visit', '£240 a month') at the hours or rate question (`asked`): costed as said, as the
        cost questions of any other service, with the rate (and hours not yet given) not asked."""
        cleared = {asked: None, SERVICE_RATE: None}
        tracker.slots.update(cleared)
        updates = await self.validate_service_cost(text, dispatcher, tracker, domain)
        return {**cleared, **updates}

    async def validate_service_cost(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_COST)
        money = _checked_cost(confirmed) if confirmed is not None else parse_money(text)
        comma = decimal_comma_money(text) if money is None else None
        if comma is not None and comma.per in PERIOD_PAID and comma.per != "hour" and comma.amount > 0:
            # '£7,50 each time': a decimal comma, put back first with what it is paid per
            return self.check(
                SERVICE_COST,
                f"{comma.amount}|{comma.per}",
                text,
                "utter_confirm_cost",
                cost=format_pounds(comma.amount),
                paid=PERIOD_PAID[comma.per],
            )
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
        if money.amount <= 0:
            return self.reject(dispatcher, tracker, SERVICE_COST, "utter_cost_out_of_range")
        if doubt == TWO_MEANINGS and len(amounts_said(text)) == 1:  # the amount is clear, how often is not
            dispatcher.utter_message(response="utter_cost_period_two_meanings")
            return self.accept(tracker, SERVICE_COST, str(money.amount), **{SERVICE_COST_PERIOD: None})
        rough = doubt == APPROXIMATE and hedged(text) and not bounded(text) and len(amounts_said(text)) == 1
        if rough and money.per in PERIOD_PAID and money.per != "hour":  # 'about £25 a month': checked
            paid = PERIOD_PAID[money.per]
            return self.check(
                SERVICE_COST,
                f"{money.amount}|{money.per}",
                text,
                "utter_confirm_cost",
                cost=format_pounds(money.amount),
                paid=paid,
            )
        if doubt:
            response = "utter_cost_shared" if doubt == SHARED else "utter_cost_uncertain"
            return self.reject(dispatcher, tracker, SERVICE_COST, response)
        if confirmed is None and (money.per is not None or _said_how_often(text)) and numbers_left_over(text):
            # '£80 a day, 3 days at a time, 4 times a year': a cost worked out from how often said,
            # with a number left out of it (with no how often, the period is asked anyway)
            return self.reject(dispatcher, tracker, SERVICE_COST, "utter_cost_sum_unclear")
        if confirmed is None and money.per in (None, "visit") and each_way(text):  # '£22 each way'
            both = money.amount * 2
            each, cost = format_pounds(money.amount), format_pounds(both)
            return self.check(SERVICE_COST, f"{both}|visit", text, "utter_confirm_each_way", each=each, cost=cost)
        if money.per == "hour":
            if money.amount > MAX_RATE:
                return self.reject(dispatcher, tracker, SERVICE_COST, "utter_rate_out_of_range")
            updates = self.accept(
                tracker, SERVICE_COST, None, **{SERVICE_RATE: str(money.amount), SERVICE_COST_PERIOD: "hour"}
            )
            hours = parse_hours(text) if re.search(r"\bhours?\b|\bhrs?\b", text, re.IGNORECASE) else None
            if hours is not None and Decimal(0) < hours <= MAX_HOURS:
                updates[SERVICE_HOURS] = exact_text(hours)
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
        if doubt == TWO_MEANINGS:
            return self.reject(dispatcher, tracker, SERVICE_COST_PERIOD, "utter_cost_period_two_meanings")
        hedged = hedged_period(text) if not _said_how_often(text) else None
        if hedged is not None:  # 'I think it's weekly': put back, not asked from scratch
            return self.check(SERVICE_COST_PERIOD, hedged, text)
        if doubt:
            return self.reject(dispatcher, tracker, SERVICE_COST_PERIOD, "utter_cost_period_uncertain")
        by_words = per_visit_if_often(match_choice(text, COST_PERIODS), text)  # "fortnightly": each time
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
        text = str(value or "")
        if numbers_left_over(text) and not _BARE_NUMBER.match(text):  # '3 days at a time, 4 times a year'
            return self.reject(dispatcher, tracker, SERVICE_VISITS_PER_WEEK, "utter_cost_sum_unclear")
        visits = times_per_week(text)
        if visits is None or not Decimal(0) < visits <= MAX_VISITS:
            return self.reject(dispatcher, tracker, SERVICE_VISITS_PER_WEEK, "utter_visits_not_understood")
        updates = self.accept(tracker, SERVICE_VISITS_PER_WEEK, exact_text(visits))
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def validate_service_weeks_a_year(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        confirmed = self.confirmed(tracker, SERVICE_WEEKS_A_YEAR)
        weeks = Fraction(confirmed) if confirmed is not None else weeks_a_year(text)
        if weeks is None and term_time(text):  # 'just term time': the school year, checked
            weeks = TERM_TIME_WEEKS
        elif weeks is None or (confirmed is None and bounded(text)):
            return self.reject(dispatcher, tracker, SERVICE_WEEKS_A_YEAR, "utter_weeks_a_year_not_understood")
        unsure = hedged(text) or weeks.denominator != 1 or not re.search(r"\d|\bweeks?\b", text)
        if confirmed is None and weeks < WEEKS_IN_A_YEAR and unsure:
            # 'about 39', '5 months' (21.67), 'term time': it sets the money, so it is put back first
            return self.check_figure(
                SERVICE_WEEKS_A_YEAR,
                exact_text(weeks),
                text,
                "utter_confirm_weeks_a_year",
                weeks=costing.weeks_words(weeks),
            )
        updates = self.accept(tracker, SERVICE_WEEKS_A_YEAR, exact_text(weeks))
        return await self._record_if_complete(dispatcher, tracker, updates)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """As the form's, noting first when the answer about the support being costed says it is
        used only part of the year, so that the weeks a year are asked before it is recorded."""
        noted = _part_of_year_noted(tracker)
        tracker.add_slots(noted)
        return noted + await super().get_validation_events(dispatcher, tracker, domain)  # type: ignore[misc]

    @staticmethod
    def _period_updates(
        dispatcher: CollectingDispatcher, per: Optional[str], amount: Decimal, text: str, exact: bool = False
    ) -> Dict[Text, Any]:
        """Slot values for a fixed cost said 'per' something (None: not said yet). With `exact`
        (a period the person has just confirmed) the text is not read again for how often."""
        if not exact:
            per = per_visit_if_often(per, text)
        if per is None:
            return {}
        updates: Dict[Text, Any] = {SERVICE_COST_PERIOD: per}
        if per == "visit":
            visits = frequency_beside_cost(text)
            if visits is not None and Decimal(0) < visits <= MAX_VISITS:
                updates[SERVICE_VISITS_PER_WEEK] = exact_text(visits)  # "£50 a day, twice a week"
        return updates


#: the questions whose answers may say the support is used only part of the year
_ABOUT_THE_SUPPORT = (SERVICE_CATEGORY, SERVICE_DESCRIPTION, *COST_SLOTS)


def _part_of_year_noted(tracker: Tracker) -> List[EventType]:
    """[SlotSet(service_part_of_year, True)] when the person's answer about the support being
    costed says it is used only part of the year ('term time only', 'April to September')."""
    if tracker.get_slot(SERVICE_PART_OF_YEAR) or tracker.get_slot(REQUESTED_SLOT) not in _ABOUT_THE_SUPPORT:
        return []
    return [SlotSet(SERVICE_PART_OF_YEAR, True)] if part_of_year(latest_text(tracker)) else []


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
    return per_visit_if_often(None, text) == "visit"
