"""Trackers as the action server receives them: the hand-built ones of bot/answers/trackers.py
changed the way a channel would change them, and the payloads recorded from a real run."""

from __future__ import annotations

from typing import Optional

from rasa_sdk import Tracker

from actions.identity import SMS_PERSON_REFERENCE


def over(channel: str, t: Tracker, reference: Optional[str] = "PB-100234") -> Tracker:
    """`t` with its latest message received on `channel`, carrying the SMS channel's metadata."""
    user = next(e for e in reversed(t.events) if e.get("event") == "user")
    user["input_channel"] = channel
    user["metadata"] = {SMS_PERSON_REFERENCE: reference} if reference else {}
    return t
