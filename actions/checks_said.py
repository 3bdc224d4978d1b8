"""The direct-payment checks (bot/plans/checks.py) said while planning: after a change to the
plan's services, each check the change newly raised is said once, kindly, and the conversation
carries on; nothing is blocked. A PA paid below the living wage also gets the way to the answer
about being an employer (the FAQ answer `faq/employ_personal_assistant`)."""

from __future__ import annotations

from typing import Set, Tuple

from rasa_sdk.executor import CollectingDispatcher

from bot.plans.views import PlanView

#: checks said with a response of their own (`utter_check_raised_<code>`); the rest use utter_check_raised
_OWN_RESPONSE = frozenset({"living_wage"})


def _raised(plan: PlanView) -> Set[Tuple[str, object]]:
    return {(check.code, check.service_id) for check in plan.checks}


def say_new_checks(dispatcher: CollectingDispatcher, before: PlanView, after: PlanView) -> None:
    """Say each check raised in `after` that was not raised in `before`, in the plan's order."""
    already = _raised(before)
    for check in after.checks:
        if (check.code, check.service_id) in already:
            continue
        response = f"utter_check_raised_{check.code}" if check.code in _OWN_RESPONSE else "utter_check_raised"
        dispatcher.utter_message(response=response, message=check.message)
