"""Rasa's stored conversations: the SQL tracker store's `events` table (Rasa 3.6 has no way to
delete a tracker, so this works on the table itself)."""

from __future__ import annotations

import json
import os
from typing import Iterable, Set

from sqlalchemy import column, delete, func, inspect, select, table
from sqlalchemy.engine import Engine

from bot.db.session import current_database_url, get_engine
from bot.identity import normalise_reference
from bot.slot_names import PERSON_REFERENCE

EVENTS = table("events", column("sender_id"), column("type_name"), column("timestamp"), column("data"))


def tracker_engine() -> Engine:
    """The tracker store's database: TRACKER_STORE_URL, else the plan database (as endpoints.yml)."""
    return get_engine(os.environ.get("TRACKER_STORE_URL") or current_database_url())


def _has_events(engine: Engine) -> bool:
    return inspect(engine).has_table("events")


def conversations_idle_since(cutoff: float) -> Set[str]:
    """Conversations whose newest event is older than `cutoff` (a Unix time)."""
    engine = tracker_engine()
    if not _has_events(engine):
        return set()
    newest = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(func.max(EVENTS.c.timestamp) < cutoff)
    with engine.connect() as connection:
        return set(connection.execute(newest).scalars())


def conversations_of(reference: str) -> Set[str]:
    """Conversations in which the person reference was given (the `person_reference` slot set to it)."""
    engine = tracker_engine()
    if not _has_events(engine):
        return set()
    key = normalise_reference(reference)
    slots = select(EVENTS.c.sender_id, EVENTS.c.data).where(
        EVENTS.c.type_name == "slot", EVENTS.c.data.like(f'%"{PERSON_REFERENCE}"%')
    )
    found: Set[str] = set()
    with engine.connect() as connection:
        for sender_id, data in connection.execute(slots):
            event = json.loads(data)
            if event.get("name") == PERSON_REFERENCE and normalise_reference(str(event.get("value") or "")) == key:
                found.add(sender_id)
    return found


def delete_conversations(sender_ids: Iterable[str]) -> int:
    """Deletes every event of these conversations; returns how many conversations had any."""
    ids = sorted(set(sender_ids))
    engine = tracker_engine()
    if not ids or not _has_events(engine):
        return 0
    deleted = 0
    with engine.begin() as connection:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            present = connection.execute(select(EVENTS.c.sender_id).where(EVENTS.c.sender_id.in_(chunk)).distinct())
            deleted += len(present.all())
            connection.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(chunk)))
    return deleted
