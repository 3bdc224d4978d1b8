"""Rolling conversation sessions: a long conversation starts a new Rasa session at the end of a
turn, carrying over every slot and the open form, so the person notices nothing.

The limit is SUPPORTPLAN_SESSION_EVENTS (60 by default; a whole plan makes about 400).
Rasa loads, replays, copies and sends to the action server every event of the current session
on every turn, so a turn costs more the longer the session is. Sessions otherwise end only
after an hour idle (domain session_config); rolling them keeps each turn's cost bounded.
"""

from __future__ import annotations

from typing import List

from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker


def session_length(tracker: DialogueStateTracker) -> int:
    """Events since the tracker's latest SessionStarted (or all, if there is none)."""
    count = 0
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            break
        count += 1
    return count


def rollover_events(tracker: DialogueStateTracker) -> List[Event]:
    """A new session, as Rasa's action_session_start makes one with slots carried over, with the
    open form (if any) active again, and listening."""
    events: List[Event] = [ActionExecuted(ACTION_SESSION_START_NAME), SessionStarted()]
    events += [SlotSet(name, slot.value) for name, slot in tracker.slots.items() if slot.value != slot.initial_value]
    if tracker.active_loop_name:
        events.append(ActiveLoop(tracker.active_loop_name))
    events.append(ActionExecuted(ACTION_LISTEN_NAME))
    return events


def should_roll_over(tracker: DialogueStateTracker, limit: int) -> bool:
    """True at the end of a turn (the assistant is listening) in a session past `limit` events."""
    return tracker.latest_action_name == ACTION_LISTEN_NAME and session_length(tracker) >= limit
