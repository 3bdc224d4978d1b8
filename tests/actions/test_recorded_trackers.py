"""The hand-built trackers of the action tests (bot/answers/trackers.py) against payloads the
Rasa server really POSTed to the action server (tests/actions/data/, recorded by record.py there
from a conversation with the real servers): the router answers a recorded tracker as it answers
the hand-built one, and the hand-built tracker has the recorded one's shape in what actions read."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

import pytest
from rasa_sdk import Tracker

from actions.plan import ActionNextSection
from bot.answers.trackers import run, tracker
from tests.support.trackers import recorded_payload, recorded_tracker

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

HELLO = "next_section_after_hello.json"
IDENTITY = "next_section_after_identity.json"
IMPORTANT = "next_section_after_important.json"
RECORDED = [HELLO, IDENTITY, IMPORTANT]


def hand_built(name: str) -> Tracker:
    """The hand-built tracker of the recorded moment: its slots, message, intent and last action."""
    real = recorded_tracker(name)
    return tracker(
        {slot: value for slot, value in real.slots.items() if value is not None},
        text=real.latest_message["text"],
        intent=real.latest_message["intent"]["name"],
        latest_action=real.latest_action_name,
    )


TRACKERS: Dict[str, Callable[[str], Tracker]] = {"recorded": recorded_tracker, "hand-built": hand_built}


def test_the_recordings_are_the_routers_payloads_from_rasa_3_6() -> None:
    for name in RECORDED:
        payload = recorded_payload(name)
        assert payload["next_action"] == "action_next_section" and payload["version"].startswith("3.6.")
        assert payload["tracker"]["sender_id"] == "recorded-conversation"


@pytest.mark.parametrize("made", TRACKERS)
async def test_hello_is_welcomed_and_asked_who_is_planning(demo: str, made: str) -> None:
    out = await run(ActionNextSection(), TRACKERS[made](HELLO))
    assert out.responses == ["utter_welcome", "utter_data_use"]
    assert out.slots["current_section"] == "identity"


@pytest.mark.parametrize("made", TRACKERS)
async def test_after_the_identity_check_the_budget_comes_first(demo: str, made: str) -> None:
    out = await run(ActionNextSection(), TRACKERS[made](IDENTITY))
    assert out.responses[0] == "utter_budget"
    assert out.said("utter_budget")["weekly"] == "£250.00"
    assert out.slots["plan_reference"].startswith("SP-")
    assert out.slots["current_section"] == "important"


def last_user_event(t: Tracker) -> Dict[str, Any]:
    return next(e for e in reversed(t.events) if e["event"] == "user")


def keys(items: List[Dict[str, Any]]) -> set:
    return {key for item in items for key in item}


@pytest.mark.parametrize("name", RECORDED)
def test_the_hand_built_message_has_the_recorded_shape(name: str) -> None:
    real, made = recorded_tracker(name).latest_message, hand_built(name).latest_message
    assert made["text"] == real["text"]
    assert set(made["intent"]) == set(real["intent"]) == {"name", "confidence"}
    assert keys(made["intent_ranking"]) == keys(real["intent_ranking"]) == {"name", "confidence"}
    # the same entities (the NLU pipeline's extractor is bot.nlu.entities), less the extractor's name
    assert [{k: e[k] for k in keys(made["entities"])} for e in real["entities"]] == made["entities"]
    assert keys(made["entities"]) <= keys(real["entities"]) | {"entity", "value", "start", "end"}
    # Real messages also carry the trained choice reader's readings (tests that need them pass
    # `parse_data`) and Rasa's ids; the response selector's output comes with questions only, and
    # actions/faq.py reads a missing one as the helper's empty one.
    assert set(real) - set(made) == {"choice_readings", "message_id", "metadata", "text_tokens"}
    assert set(made) - set(real) == {"response_selector"} and made["response_selector"] == {}


@pytest.mark.parametrize("name", RECORDED)
def test_the_hand_built_tracker_has_the_recorded_shape(name: str) -> None:
    real, made = recorded_tracker(name), hand_built(name)
    assert set(made.slots) <= set(real.slots)  # every slot it sets is a domain slot Rasa sends
    assert made.active_loop == real.active_loop == {}  # the form (if any) has just finished
    assert made.latest_action_name == real.latest_action_name
    assert (made.sender_id, made.followup_action, made.is_paused()) == ("test-conversation", None, False)
    assert real.followup_action is None and not real.is_paused()
    # the user event: what the helper writes, Rasa writes too (Rasa adds the channel, ids, time)
    real_user, made_user = last_user_event(real), last_user_event(made)
    assert set(made_user) <= set(real_user) and made_user["text"] == real_user["text"]
    assert set(real_user) - set(made_user) == {"input_channel", "message_id", "metadata", "timestamp"}
    assert real.get_latest_input_channel() == "rest" and made.get_latest_input_channel() is None
    # every other event the helper writes has the keys of Rasa's event of that type
    for event in made.events:
        assert any(e["event"] == event["event"] and set(event) <= set(e) for e in real.events) or (
            event["event"] == "action" and event["name"] == "action_listen"
        ), event
