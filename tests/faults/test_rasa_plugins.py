"""The processor's parts that need no servers: rolling sessions and the calls to the action server."""

from __future__ import annotations

from typing import Any, Dict, Optional

import pytest
import yaml
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Tracker

from bot.config import PROJECT_ROOT
from bot.rasa_plugins import event_types, remote_actions
from bot.rasa_plugins.processor import PLEASE_TRY_AGAIN
from bot.rasa_plugins.sessions import rollover_events, session_length, should_roll_over
from bot.readability import longest_run, reading_ease

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  person_reference: {type: text, mappings: [{type: custom}]}
  outcome_count: {type: float, initial_value: 0, mappings: [{type: custom}]}
  verified: {type: bool, initial_value: false, mappings: [{type: custom}]}
forms:
  outcomes_form: {required_slots: [outcome_count]}
actions:
  - validate_outcomes_form
  - action_next_section
  - action_reading_the_domain: {send_domain: true}
responses:
  utter_ask_outcome_count:
    - text: "What would you like to change?"
"""
)


def tracker_with(*events: object) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("someone", list(events), slots=DOMAIN.slots)


def test_session_length_counts_events_since_the_latest_session_start() -> None:
    tracker = tracker_with(
        SessionStarted(),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("hi"),
        SessionStarted(),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("hello"),
        ActionExecuted(ACTION_LISTEN_NAME),
    )
    assert session_length(tracker) == 3


def test_rolls_over_only_while_listening_in_a_long_session() -> None:
    listening = tracker_with(ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi"), ActionExecuted(ACTION_LISTEN_NAME))
    assert should_roll_over(listening, 3) and not should_roll_over(listening, 4)
    acting = tracker_with(ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi"), ActionExecuted("outcomes_form"))
    assert not should_roll_over(acting, 1)


def test_a_new_session_carries_every_set_slot_and_the_open_form() -> None:
    tracker = tracker_with(
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("PB-100234"),
        SlotSet("person_reference", "PB-100234"),
        SlotSet("verified", True),
        ActiveLoop("outcomes_form"),
        SlotSet("outcome_count", 2.0),
        ActionExecuted(ACTION_LISTEN_NAME),
    )
    events = rollover_events(tracker)
    assert isinstance(events[1], SessionStarted)
    assert {(e.key, e.value) for e in events if isinstance(e, SlotSet)} == {
        ("person_reference", "PB-100234"),
        ("verified", True),
        ("outcome_count", 2.0),
    }
    assert events[-2] == ActiveLoop("outcomes_form") and events[-1] == ActionExecuted(ACTION_LISTEN_NAME)

    tracker.update_with_events(events, DOMAIN)
    assert session_length(tracker) == len(events) - 2
    assert tracker.active_loop_name == "outcomes_form"
    assert tracker.get_slot("person_reference") == "PB-100234" and tracker.get_slot("outcome_count") == 2.0


def test_action_answers_are_checked_as_rasa_checks_them() -> None:
    remote_actions.install()
    action = RemoteAction("action_anything", None)
    assert action._validate_action_result(
        {"events": [{"event": "slot", "name": "verified", "value": True}], "responses": []}
    )
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"name": "no event type"}]})


def test_the_action_server_gets_this_turn_and_the_domain_without_responses() -> None:
    remote_actions.install()
    tracker = tracker_with(
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("PB-100234"),
        SlotSet("person_reference", "PB-100234"),
        ActiveLoop("outcomes_form"),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("see friends more", intent={"name": "inform", "confidence": 0.9}),
        ActionExecuted("outcomes_form"),
    )
    request = RemoteAction("validate_outcomes_form", None)._action_call_format(tracker, DOMAIN)

    assert [event["event"] for event in request["tracker"]["events"]] == ["user", "action"]
    seen = Tracker.from_dict(request["tracker"])
    assert seen.latest_message["text"] == "see friends more" and seen.latest_message["intent"]["name"] == "inform"
    assert seen.get_slot("person_reference") == "PB-100234" and seen.active_loop_name == "outcomes_form"
    assert seen.latest_action_name == "outcomes_form"
    assert "responses" not in request["domain"] and request["domain"]["forms"] == DOMAIN.as_dict()["forms"]
    assert request["next_action"] == "validate_outcomes_form" and request["sender_id"] == "someone"


def test_with_selective_domain_only_the_actions_that_read_it_get_the_domain() -> None:
    """endpoints.yml sets enable_selective_domain: Rasa's rule decides who gets the domain, and
    a domain sent still has no responses."""
    remote_actions.install()
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook", enable_selective_domain=True)
    tracker = tracker_with(ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi"))

    def call(name: str, endpoint: Optional[EndpointConfig]) -> Dict[str, Any]:
        return RemoteAction(name, endpoint)._action_call_format(tracker, DOMAIN)

    assert "domain" not in call("action_next_section", endpoint)
    for name in ("validate_outcomes_form", "action_reading_the_domain"):
        assert call(name, endpoint)["domain"] == remote_actions.domain_without_responses(DOMAIN)
    assert call("action_next_section", None)["domain"] == remote_actions.domain_without_responses(DOMAIN)


def test_the_action_endpoint_sends_the_domain_selectively() -> None:
    endpoints = (PROJECT_ROOT / "endpoints.yml").read_text()
    assert yaml.safe_load(endpoints)["action_endpoint"]["enable_selective_domain"] is True


def test_before_any_message_the_action_server_gets_every_event() -> None:
    tracker = tracker_with(
        SessionStarted(), SlotSet("person_reference", "PB-100234"), ActionExecuted(ACTION_LISTEN_NAME)
    )
    assert remote_actions.events_of_this_turn(list(tracker.events)) == list(tracker.events)


def test_event_classes_are_found_as_rasa_finds_them() -> None:
    event_types.install()
    names = [cls.type_name for cls in all_subclasses(Event)]
    assert all(Event.resolve_by_type(name) is event_types._original_resolve(name) for name in names)
    assert Event.resolve_by_type("user") is UserUttered and Event.resolve_by_type("no such event", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no such event")
    assert Event.from_parameters({"event": "slot", "name": "verified", "value": True}) == SlotSet("verified", True)


def test_the_apology_is_plain_english() -> None:
    assert reading_ease(PLEASE_TRY_AGAIN) >= 60 and longest_run(PLEASE_TRY_AGAIN) <= 60
