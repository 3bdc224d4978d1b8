"""A conversation read back from Rasa's SQL tracker store (the `events` table): what the person
typed and what the assistant said, for restoring the chat page and for the adviser console.

Safeguarding stays with the council: the person's own copy (`for_person=True`) leaves out each
message that showed risk (or was checked on) and the assistant's replies to it, so someone else who
opens the page later does not see them. Advisers see everything.

Blocking (SQLAlchemy): call it from a thread in async code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from sqlalchemy import column, inspect, select, table

from bot.privacy.conversations import tracker_engine
from bot.safety import replies

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
        return {
            "who": self.who,
            "text": self.text,
            "at": self.at,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
        }


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


def _council_only(event: Dict[str, Any]) -> bool:
    return event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") in replies.COUNCIL_ONLY


def _turns(events: Iterable[Dict[str, Any]]) -> Iterator[List[Dict[str, Any]]]:
    """The events in turns: each of the person's messages with the replies after it."""
    turn: List[Dict[str, Any]] = []
    for event in events:
        if event.get("event") == "user" and turn:
            yield turn
            turn = []
        turn.append(event)
    if turn:
        yield turn


def _without_safeguarding(events: Iterable[Dict[str, Any]]) -> Iterator[Dict[str, Any]]:
    """The events less each safeguarding reply and the person's message it answered."""
    for turn in _turns(events):
        if any(_council_only(event) for event in turn):
            yield from (event for event in turn if event.get("event") == "bot" and not _council_only(event))
        else:
            yield from turn


def _events(sender_id: str) -> Iterator[Dict[str, Any]]:
    engine = tracker_engine()
    if not inspect(engine).has_table("events"):
        return
    query = (
        select(EVENTS.c.data)
        .where(EVENTS.c.sender_id == sender_id, EVENTS.c.type_name.in_(("user", "bot")))
        .order_by(EVENTS.c.timestamp, EVENTS.c.id)
    )
    with engine.connect() as connection:
        for (data,) in connection.execute(query):
            try:
                event = json.loads(data)
            except (TypeError, ValueError):
                continue
            if isinstance(event, dict):
                yield event


def conversation(sender_id: str, limit: int = MAX_MESSAGES, for_person: bool = False) -> List[Message]:
    """The person's and the assistant's messages in order, oldest first (the newest `limit`);
    `for_person`: without the safeguarding exchanges (see the module's docstring)."""
    events = _events(sender_id)
    messages: List[Message] = []
    for event in _without_safeguarding(events) if for_person else events:
        message = _message(event, messages[-1] if messages else None)
        if message:
            messages.append(message)
    return messages[-limit:]
