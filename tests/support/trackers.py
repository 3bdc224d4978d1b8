"""Trackers as the action server receives them: the hand-built ones of bot/answers/trackers.py
changed the way a channel would change them, and the payloads recorded from a real run."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

from rasa_sdk import Tracker

from actions.identity import SMS_PERSON_REFERENCE
from bot.config import PROJECT_ROOT


def over(channel: str, t: Tracker, reference: Optional[str] = "PB-100234") -> Tracker:
    """`t` with its latest message received on `channel`, carrying the SMS channel's metadata."""
    user = next(e for e in reversed(t.events) if e.get("event") == "user")
    user["input_channel"] = channel
    user["metadata"] = {SMS_PERSON_REFERENCE: reference} if reference else {}
    return t


RECORDED = PROJECT_ROOT / "tests" / "actions" / "data"


def recorded_payload(name: str) -> Dict[str, Any]:
    """A payload the Rasa server POSTed to the action server's /webhook in a real conversation
    (tests/actions/data/record.py recorded it; the domain is left out)."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def recorded_tracker(name: str) -> Tracker:
    """The tracker of a recorded payload, as rasa_sdk's executor builds it."""
    return Tracker.from_dict(recorded_payload(name)["tracker"])
