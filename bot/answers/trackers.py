"""Trackers as the action server receives them just after a person answered: for running form
validation outside a conversation (the action tests, and the answers report)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, List, Optional

from rasa.shared.core.domain import Domain
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import PROJECT_ROOT
from bot.nlu.figures import extract_entities
from bot.slot_names import FAILED_ATTEMPTS, REQUESTED_SLOT


@lru_cache(maxsize=1)
def domain() -> Dict[str, Any]:
    return Domain.load(str(PROJECT_ROOT / "domain")).as_dict()


def tracker(
    slots: Optional[Dict[str, Any]] = None,
    text: str = "",
    intent: str = "inform",
    confidence: float = 0.99,
    latest_action: str = "action_listen",
    active_loop: Optional[str] = None,
    filled: Optional[str] = None,
    response_selector: Optional[Dict[str, Any]] = None,
    parse_data: Optional[Dict[str, Any]] = None,
    channel: Optional[str] = None,
    after_action: Optional[str] = None,
) -> Tracker:
    """A tracker just after the person said `text`. With `filled`, that slot holds the text (as
    the form's from_text mapping would have set it) and is the one to validate. `parse_data`
    (what the NLU model made of the text) replaces the made-up intent and entities; `channel`: the
    input channel the message came on; `after_action`: an action that ran between the message and
    the form (the router, when the form is opening rather than being answered)."""
    all_slots: Dict[str, Any] = {FAILED_ATTEMPTS: None, REQUESTED_SLOT: filled}
    all_slots.update(slots or {})
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": extract_entities(text),  # as the NLU pipeline's SupportPlanEntityExtractor does
        "response_selector": response_selector or {},
    }
    if parse_data is not None:
        message = {**parse_data, "text": text}
    events: List[Dict[str, Any]] = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message, **({"input_channel": channel} if channel else {})},
    ]
    if after_action:
        events.append({"event": "action", "name": after_action})
    if active_loop:
        # Rasa validates on a copy of the tracker: the form's own execution, then the slot
        # values to validate
        events.append({"event": "action", "name": active_loop})
    if filled:
        all_slots[filled] = text
        events.append({"event": "slot", "name": filled, "value": text})
    return Tracker(
        sender_id="test-conversation",
        slots=all_slots,
        latest_message=message,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name=latest_action,
    )


@dataclass
class Outcome:
    """What a validation action did: the slots it set and the responses it said."""

    slots: Dict[str, Any]
    responses: List[str]
    messages: List[Dict[str, Any]]

    def said(self, response: str) -> Dict[str, Any]:
        return next(m for m in self.messages if m.get("response") == response)


async def run(action: Action, t: Tracker) -> Outcome:
    """Run `action` on `t` as the action server would."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, domain())
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return Outcome(slots, [m.get("response") for m in dispatcher.messages], dispatcher.messages)
