"""Safeguarding stays with the council: by text message (whose thread stays on the phone, where
someone else may read it) the person is signposted at once, but the texts never say the plan was
flagged; the flag is still set for advisers. On the web the follow-up is said live (and left out
of the page's history, tests/web/test_chat_sessions.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import respond_to_risk
from bot.answers.trackers import tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service

pytestmark = pytest.mark.asyncio

TEXT = "my carer shouts at me and takes my money"


async def said_on(channel: str, plan_reference: str) -> list:
    t = tracker({"plan_reference": plan_reference}, TEXT)
    t.events[-1]["input_channel"] = channel
    dispatcher = CollectingDispatcher()
    await respond_to_risk(dispatcher, t)
    return [m.get("response") for m in dispatcher.messages]


@pytest.fixture
def plan_reference(demo_person: str) -> str:
    return service.open_plan(
        demo_person, "self", "sms", "sms-abc", BudgetFigures.of(Decimal("250"), "week")
    ).plan_reference


async def test_by_sms_the_person_is_signposted_but_not_told_of_the_flag(plan_reference: str) -> None:
    responses = await said_on("sms", plan_reference)
    assert responses[0] == "utter_safeguarding" and "utter_safeguarding_followup" not in responses
    assert responses == ["utter_safeguarding", "utter_person_offer", "utter_ask_safe_now"]
    assert "safeguarding" in service.get_plan(plan_reference).flags


async def test_on_the_web_the_follow_up_is_said(plan_reference: str) -> None:
    said = await said_on("web", plan_reference)
    assert said == ["utter_safeguarding", "utter_safeguarding_followup", "utter_ask_safe_now"]
