"""The processor's parts that need no servers: rolling sessions and the action-answer check."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins import action_responses
from bot.rasa_plugins.processor import PLEASE_TRY_AGAIN
from bot.readability import longest_run, reading_ease
from bot.rasa_plugins.sessions import rollover_events, session_length, should_roll_over

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  person_reference: {type: text, mappings: [{type: custom}]}
  outcome_count: {type: float, initial_value: 0, mappings: [{type: custom}]}
  verified: {type: bool, initial_value: false, mappings: [{type: custom}]}
forms:
  outcomes_form: {required_slots: []}
"""
)


def tracker_with(*events: object) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("someone", list(events), slots=DOMAIN.slots)


def test_session_length_counts_events_since_the_latest_session_start() -> None:
    tracker = tracker_with(
        SessionStarted(), ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi"),
        SessionStarted(), ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hello"), ActionExecuted(ACTION_LISTEN_NAME),
    )
    assert session_length(tracker) == 3


def test_rolls_over_only_while_listening_in_a_long_session() -> None:
    listening = tracker_with(ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi"), ActionExecuted(ACTION_LISTEN_NAME))
    assert should_roll_over(listening, 3) and not should_roll_over(listening, 4)
    acting = tracker_with(ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi"), ActionExecuted("outcomes_form"))
    assert not should_roll_over(acting, 1)


def test_a_new_session_carries_every_set_slot_and_the_open_form() -> None:
    tracker = tracker_with(
        ActionExecuted(ACTION_LISTEN_NAME), UserUttered("PB-100234"),
        SlotSet("person_reference", "PB-100234"), SlotSet("verified", True), ActiveLoop("outcomes_form"),
        SlotSet("outcome_count", 2.0), ActionExecuted(ACTION_LISTEN_NAME),
    )
    events = rollover_events(tracker)
    assert isinstance(events[1], SessionStarted)
    assert {(e.key, e.value) for e in events if isinstance(e, SlotSet)} == {
        ("person_reference", "PB-100234"), ("verified", True), ("outcome_count", 2.0),
    }
    assert events[-2] == ActiveLoop("outcomes_form") and events[-1] == ActionExecuted(ACTION_LISTEN_NAME)

    tracker.update_with_events(events, DOMAIN)
    assert session_length(tracker) == len(events) - 2
    assert tracker.active_loop_name == "outcomes_form"
    assert tracker.get_slot("person_reference") == "PB-100234" and tracker.get_slot("outcome_count") == 2.0


def test_action_answers_are_checked_as_rasa_checks_them() -> None:
    action_responses.install()
    action = RemoteAction("action_anything", None)
    assert action._validate_action_result({"events": [{"event": "slot", "name": "verified", "value": True}], "responses": []})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"name": "no event type"}]})


def test_the_apology_is_plain_english() -> None:
    assert reading_ease(PLEASE_TRY_AGAIN) >= 60 and longest_run(PLEASE_TRY_AGAIN) <= 60
