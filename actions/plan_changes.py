"""Changing what is already in the plan: taking an outcome or a service out ("remove the
gardener", "delete outcome 2") and correcting a recorded service's figures ("actually make that
8 hours", "no, it's £17 an hour"), from the outcomes and services sections and from the
check-answers summary, saying what the budget looks like afterwards."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, cast

from rasa_sdk.executor import CollectingDispatcher

from actions.checks_said import say_new_checks
from actions.common import call
from bot.choices import SERVICE_CATEGORIES, label
from bot.money import format_pounds
from bot.parsing.cost_doubts import amounts_said, change_doubt
from bot.parsing.edits import Item, items_to_remove, points_at_items, removal_request
from bot.parsing.hours import read_hours
from bot.parsing.numbers import exact_text
from bot.plans import costing, service
from bot.plans.costing import MAX_HOURS, MAX_RATE, MAX_WEEKLY
from bot.plans.views import PlanView, ServiceView

#: what can be taken out: 'outcomes', 'services' or both
Kinds = Tuple[str, ...]


def service_items(plan: PlanView) -> List[Item]:
    return [(s.id, f"{s.description} {label(SERVICE_CATEGORIES, s.category)}") for s in plan.services]


def outcome_items(plan: PlanView) -> List[Item]:
    return [(o.id, o.text) for o in plan.outcomes]


def numbered(items: Sequence[Item]) -> str:
    """'1. A PA to help me shower. 2. Day centre.' — the numbered list people reply to."""
    return " ".join(f"{item_id}. {words.rstrip('.')}." for item_id, words in items)


def say_budget_after(dispatcher: CollectingDispatcher, plan: PlanView, response: str, **figures: str) -> None:
    """`response` (or its `_over_budget` form) with the plan's total and what is left."""
    figures["total"] = format_pounds(plan.total_weekly_cost)
    if plan.remaining_weekly < 0:
        dispatcher.utter_message(
            response=f"{response}_over_budget", over=format_pounds(-plan.remaining_weekly), **figures
        )
    else:
        dispatcher.utter_message(response=response, remaining=format_pounds(plan.remaining_weekly), **figures)


async def remove_named_item(
    dispatcher: CollectingDispatcher, plan: PlanView, text: str, kinds: Kinds, ask_if_unclear: bool, loose: bool = False
) -> Optional[PlanView]:
    """If `text` asks to take something out of the plan, do it and say so. Returns the plan as it
    is now, or None when the message is not a removal (or names nothing and `ask_if_unclear` is
    False, so the caller can read it as an ordinary answer)."""
    wanted = removal_request(text, loose=loose)
    if wanted is None:
        return None
    candidates = {
        "services": service_items(plan) if "services" in kinds else [],
        "outcomes": outcome_items(plan) if "outcomes" in kinds else [],
    }
    kind = _kind_named(wanted, kinds)
    for name in (kind,) if kind else kinds:
        chosen = items_to_remove(wanted, candidates[name])
        if chosen:
            return await _remove_all(dispatcher, plan, name, chosen)
    if not (ask_if_unclear or points_at_items(wanted)):
        return None
    listed = [item for name in kinds for item in candidates[name]]
    dispatcher.utter_message(response="utter_remove_which", item_list=numbered(listed))
    return plan


def _kind_named(wanted: str, kinds: Kinds) -> Optional[str]:
    lowered = wanted.lower()
    if "outcomes" in kinds and "outcome" in lowered:
        return "outcomes"
    if "services" in kinds and ("service" in lowered or "support" in lowered):
        return "services"
    return None


async def _remove_all(dispatcher: CollectingDispatcher, plan: PlanView, kind: str, item_ids: List[int]) -> PlanView:
    """Take out every item named; a plan keeps at least one outcome, so taking them all out keeps them."""
    if kind == "outcomes" and len(item_ids) > 1 and len(item_ids) >= len(plan.outcomes):
        dispatcher.utter_message(response="utter_remove_last_outcome")
        return plan
    for item_id in item_ids:
        plan = await _remove(dispatcher, plan, kind, item_id)
    return plan


async def _remove(dispatcher: CollectingDispatcher, plan: PlanView, kind: str, item_id: int) -> PlanView:
    reference = plan.plan_reference
    if kind == "outcomes":
        if len(plan.outcomes) == 1:
            dispatcher.utter_message(response="utter_remove_last_outcome")
            return plan
        outcome = next(o for o in plan.outcomes if o.id == item_id)
        await call(service.remove_outcome, reference, item_id)
        dispatcher.utter_message(response="utter_removed_outcome", outcome=outcome.text)
        return await call(service.get_plan, reference)
    removed: ServiceView = next(s for s in plan.services if s.id == item_id)
    await call(service.remove_service, reference, item_id)
    plan = await call(service.get_plan, reference)
    say_budget_after(dispatcher, plan, "utter_removed_service", description=removed.description)
    return plan


def hours_as_read(text: str, figures: Mapping[str, str]) -> Dict[str, str]:
    """`figures` with the hours as the hours reader reads the whole message: each length times its
    own how often ('45 mins Monday to Saturday and 1 hour Sunday' is 5.5), where the figure found
    first adds the lengths before multiplying."""
    reading = read_hours(text) if "hours" in figures and text else None
    if reading is None or reading.hours is None:
        return dict(figures)
    return {**figures, "hours": exact_text(reading.hours)}


def corrected_figures(figures: Mapping[str, str], hourly: bool) -> Optional[Dict[str, costing.Count]]:
    """The service figures a correction gives ({'hours_per_week': 8}, {'unit_cost': 17},
    {'weekly_cost': 40}…), None if it gives none or one out of range. A bare amount is an
    hourly rate for a service paid by the hour, else a weekly cost; an amount with how often
    ('£50 a fortnight') is that amount each time."""
    try:
        hours = Fraction(figures["hours"]) if "hours" in figures else None
        money = Decimal(figures["money"]) if "money" in figures else None
        often = Fraction(figures["frequency"]) if "frequency" in figures else None
    except (InvalidOperation, ValueError, ZeroDivisionError):
        return None
    per = figures.get("money_period")
    changes: Dict[str, costing.Count] = {}
    if hours is not None:
        if not Decimal(0) < hours <= MAX_HOURS:
            return None
        changes["hours_per_week"] = hours
    if money is not None:
        if per == "hour" or (per is None and hourly and often is None):
            if not Decimal(0) < money <= MAX_RATE:
                return None
            changes["unit_cost"] = money
        elif (per in (None, "visit") and often is not None) or (per or "week") in costing.COST_WEEKS_PER:
            # '£50 a fortnight', '£50 every two weeks', '£52 a day, 3 days a week': each time, times
            # how often (not £50 a week)
            each = per in (None, "visit") and often is not None
            weekly = (
                costing.each_time(money, cast(Fraction, often)) if each else costing.per_period(money, per or "week")
            )
            if not Decimal(0) < weekly <= MAX_WEEKLY:
                return None
            changes["weekly_cost"] = weekly
    return changes or None


def change_words(changes: Mapping[str, costing.Count]) -> str:
    """'£18.00 an hour', '8 hours a week', '£24.00 a week': the new figures in words (money is a
    Decimal, hours may be exact)."""
    words = []
    if "hours_per_week" in changes:
        words.append(f"{costing.hours_words(changes['hours_per_week'])} a week")
    if "unit_cost" in changes:
        words.append(f"{format_pounds(cast(Decimal, changes['unit_cost']))} an hour")
    if "weekly_cost" in changes:
        words.append(f"{format_pounds(cast(Decimal, changes['weekly_cost']))} a week")
    return " at ".join(words)


def _changes_nothing(current: ServiceView, changes: Mapping[str, costing.Count]) -> bool:
    """Whether the new figures are the ones already recorded."""
    recorded = {
        "hours_per_week": current.hours,
        "unit_cost": current.unit_cost,
        "weekly_cost": current.weekly_cost,
    }
    return all(recorded[name] is not None and recorded[name] == value for name, value in changes.items())


def says_nothing_changes(
    dispatcher: CollectingDispatcher,
    current: ServiceView,
    figures: Mapping[str, str],
    changes: Mapping[str, costing.Count],
    text: str,
) -> bool:
    """True, having said why, when a change is not to be made: a doubtful one ('£12 there and £12
    back so £24', 'about £20') is asked about, and one that gives the figures already recorded is
    said to change nothing."""
    if "money" in figures and change_doubt(text):
        amounts = [format_pounds(amount) for amount in amounts_said(text)]
        said = " and ".join(amounts) if len(amounts) > 1 else f"about {amounts[0]}"
        dispatcher.utter_message(response="utter_change_uncertain", description=current.description, amounts=said)
        return True
    if _changes_nothing(current, changes):
        dispatcher.utter_message(
            response="utter_service_unchanged",
            description=current.description,
            weekly_cost=format_pounds(current.weekly_cost),
        )
        return True
    return False


async def correct_service(
    dispatcher: CollectingDispatcher, plan: PlanView, service_id: int, figures: Mapping[str, str], text: str
) -> bool:
    """Apply a correction to a recorded service and say the new figures. False when the message
    holds no usable figure for it. A doubtful change ('£12 there and £12 back so £24', 'about
    £20') is asked about and nothing changed; one that gives the figures already recorded is said
    to change nothing."""
    current = next((s for s in plan.services if s.id == service_id), None)
    if current is None:
        return False
    figures = hours_as_read(text, figures)
    changes = corrected_figures(figures, hourly=current.hours_per_week is not None)
    if changes is None and figures.get("money_period") == "visit" and "frequency" not in figures:
        # '£52 a day now': the cost each time, but how often is not kept with a set cost
        dispatcher.utter_message(response="utter_change_how_often", description=current.description)
        return True
    if changes is None:
        return False
    if says_nothing_changes(dispatcher, current, figures, changes, text):
        return True
    try:
        changed = await call(service.change_service_cost, plan.plan_reference, service_id, **changes)
    except ValueError:
        dispatcher.utter_message(response="utter_correction_not_possible")
        return True
    after = await call(service.get_plan, plan.plan_reference)
    say_budget_after(
        dispatcher,
        after,
        "utter_service_changed",
        description=changed.description,
        weekly_cost=format_pounds(changed.weekly_cost),
    )
    say_new_checks(dispatcher, plan, after)
    return True
