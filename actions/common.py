"""Small helpers shared by every action: reading the latest message and calling bot/ services."""
from __future__ import annotations

import asyncio
import functools
from typing import Any, Callable, Optional, TypeVar

from rasa_sdk import Tracker

T = TypeVar("T")

ACTION_LISTEN = "action_listen"


async def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking bot/ service call (database work) in a thread, off the event loop."""
    return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "").strip()


def responding_to_user(tracker: Tracker) -> bool:
    """True when this action runs straight after a user message (not after another action)."""
    return tracker.latest_action_name == ACTION_LISTEN


def plan_reference(tracker: Tracker) -> Optional[str]:
    return tracker.get_slot("plan_reference")
