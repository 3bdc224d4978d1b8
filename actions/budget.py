"""Section 3: the budget, up front. Opens (or resumes) the person's plan and says the amount,
weekly and yearly (with the council's share and the person's contribution when one is assessed),
before anything else is asked."""

from __future__ import annotations

import logging
from typing import Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import call
from bot.budgets.source import budget_source_from_settings
from bot.config import get_settings
from bot.money import format_pounds
from bot.plans import service
from bot.plans.catalogue import PERIOD_WORDS
from bot.plans.views import PlanView
from bot.slot_names import PERSON_NAME, PERSON_REFERENCE, PLANNED_BY

logger = logging.getLogger(__name__)


def channel_of(tracker: Tracker) -> str:
    return (tracker.get_latest_input_channel() or "rest").lower()


async def open_plan_and_tell_budget(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[PlanView]:
    """The person's plan after saying the budget: their latest one if it was already sent,
    else their draft (resumed) or a new draft. None if the council has no budget on record
    for them (the person is told who to call)."""
    settings = get_settings()
    reference = tracker.get_slot(PERSON_REFERENCE)
    budget = await budget_source_from_settings(settings).budget_for(reference)
    if budget is None:
        logger.warning("No budget found for a verified person")
        dispatcher.utter_message(response="utter_budget_unavailable", council_phone=settings.council_phone)
        return None
    plan = await call(service.latest_plan, reference)
    if plan is None or plan.status == "draft":
        plan = await call(
            service.open_plan,
            reference,
            tracker.get_slot(PLANNED_BY) or "self",
            channel_of(tracker),
            tracker.sender_id,
            budget,
        )
    say_budget(dispatcher, plan, tracker.get_slot(PERSON_NAME) or "")
    if plan.status == "draft" and (plan.important_to_me or plan.outcomes or plan.services):
        dispatcher.utter_message(response="utter_resume")  # a sent plan: the router says what can be done
    return plan


def say_budget(dispatcher: CollectingDispatcher, plan: PlanView, person_name: str) -> None:
    """The budget a week and a year; with the council's share and the person's own when a
    contribution is assessed; then that it is the council's estimate to plan with."""
    budget = plan.budget
    figures = dict(weekly=format_pounds(budget.weekly), annual=format_pounds(budget.annual), person_name=person_name)
    if budget.contribution_weekly and budget.council_weekly is not None:
        dispatcher.utter_message(
            response="utter_budget_split",
            council_weekly=format_pounds(budget.council_weekly),
            contribution_weekly=format_pounds(budget.contribution_weekly),
            **figures,
        )
    else:
        dispatcher.utter_message(response="utter_budget", **figures)
    if budget.period != "week":
        dispatcher.utter_message(
            response="utter_budget_period",
            amount=format_pounds(budget.amount),
            period_words=PERIOD_WORDS.get(budget.period, budget.period),
        )
    dispatcher.utter_message(response="utter_budget_estimate")
