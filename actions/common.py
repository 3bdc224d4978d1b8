"""Small helpers shared by every action: reading the latest message and calling bot/ services."""

from __future__ import annotations

import asyncio
import functools
from typing import Any, Callable, Dict, Optional, Tuple, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.plans.service import PlanLimitError
from bot.slot_names import PLAN_REFERENCE

T = TypeVar("T")

ACTION_LISTEN = "action_listen"


async def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking bot/ service call (database work) in a thread, off the event loop."""
    return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))


async def within_limits(dispatcher: CollectingDispatcher, fn: Callable[..., T], *args: Any) -> Tuple[bool, Optional[T]]:
    """`call` for a change that adds to the plan: (True, its result), or, when the plan is full
    or the answer too long (service.PlanLimitError), the service's kind message said and (False, None)."""
    try:
        return True, await call(fn, *args)
    except PlanLimitError as limit:
        dispatcher.utter_message(text=str(limit))
        return False, None


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "").strip()


def responding_to_user(tracker: Tracker) -> bool:
    """True when this action runs straight after a user message (not after another action)."""
    return tracker.latest_action_name == ACTION_LISTEN


def first_message(tracker: Tracker) -> bool:
    """The latest message is the first the person has sent in this conversation."""
    return sum(1 for event in tracker.events if event.get("event") == "user") == 1


def form_answered_by_user(tracker: Tracker) -> bool:
    """In a form's validation action: True when the person has just replied to the form's
    question, False when the form is only opening.

    Rasa validates on a copy of the tracker that ends with the form's own ActionExecuted event,
    so look at what came before it: the person's message, or another action (the router)."""
    seen_form = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return seen_form
        if kind == "action":
            if seen_form:
                return False
            seen_form = True
    return False


def plan_reference(tracker: Tracker) -> Optional[str]:
    return tracker.get_slot(PLAN_REFERENCE)


def figures_said(tracker: Tracker) -> Dict[str, str]:
    """The figures in the latest message, as the NLU pipeline's SupportPlanEntityExtractor found
    them: {'hours': '8', 'money': '17.00', 'money_period': 'hour', …} (the first of each kind)."""
    figures: Dict[str, str] = {}
    for entity in tracker.latest_message.get("entities") or []:
        figures.setdefault(entity.get("entity"), str(entity.get("value")))
    return figures
