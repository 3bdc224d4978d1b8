"""A conversation read back from Rasa's SQL tracker store (the `events` table): what the person
typed and what the assistant said, for restoring the chat page and for the adviser console.

Blocking (SQLAlchemy): call it from a thread in async code."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import column, inspect, select, table

from bot.privacy.conversations import tracker_engine

#: the newest messages kept when a long conversation is read back
MAX_MESSAGES = 400
EVENTS = table("events", column("id"), column("sender_id"), column("type_name"), column("timestamp"), column("data"))


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Message:
    #: "you" (the person) or "bot"
    who: str
    text: str
    at: float
    buttons: Tuple[Button, ...] = ()

    def to_json(self) -> Dict[str, Any]:
        return {"who": self.who, "text": self.text, "at": self.at,
                "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons]}


def _buttons(event: Dict[str, Any]) -> Tuple[Button, ...]:
    raw = (event.get("data") or {}).get("buttons") or []
    return tuple(Button(str(b.get("title") or ""), str(b.get("payload") or "")) for b in raw if isinstance(b, dict))


def _message(event: Dict[str, Any], previous: Optional[Message]) -> Optional[Message]:
    text = event.get("text")
    if not isinstance(text, str) or not text:
        return None
    at = float(event.get("timestamp") or 0)
    if event.get("event") == "bot":
        return Message("bot", text, at, _buttons(event))
    # a button press arrives as its payload: show the title the person chose
    chosen = next((b.title for b in (previous.buttons if previous else ()) if b.payload == text), text)
    return Message("you", chosen, at)


def conversation(sender_id: str, limit: int = MAX_MESSAGES) -> List[Message]:
    """The person's and the assistant's messages in order, oldest first (the newest `limit`)."""
    engine = tracker_engine()
    if not inspect(engine).has_table("events"):
        return []
    query = (
        select(EVENTS.c.data)
        .where(EVENTS.c.sender_id == sender_id, EVENTS.c.type_name.in_(("user", "bot")))
        .order_by(EVENTS.c.timestamp, EVENTS.c.id)
    )
    messages: List[Message] = []
    with engine.connect() as connection:
        for (data,) in connection.execute(query):
            try:
                event = json.loads(data)
            except (TypeError, ValueError):
                continue
            message = _message(event, messages[-1] if messages else None)
            if message:
                messages.append(message)
    return messages[-limit:]
