"""Conversations in the test database as Rasa's SQL tracker store keeps them."""

from __future__ import annotations

import json
from typing import Dict, List, Optional, Tuple

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, text
from sqlalchemy.engine import make_url

from bot.db.session import get_engine


def tracker_store(url: str) -> SQLTrackerStore:
    """Rasa's own SQL tracker store on the database at `url`."""
    parts = make_url(url)
    if parts.get_backend_name() == "sqlite":
        return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=parts.database)
    return SQLTrackerStore(
        Domain.empty(),
        dialect="postgresql",
        host=parts.host,
        port=parts.port,
        db=parts.database,
        username=parts.username,
        password=parts.password,
    )


def save_conversation(
    database: str,
    sender_id: str,
    turns: List[Tuple[str, str, List[Dict[str, str]]]],
    responses: Optional[Dict[int, str]] = None,
) -> None:
    """Events as Rasa's SQL tracker store writes them: (type 'user' or 'bot', text, buttons);
    `responses`: the domain response of a bot turn, by its index."""
    metadata = MetaData()
    events = Table(
        "events",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255)),
        Column("type_name", String(255)),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    engine = get_engine(database)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            events.insert(),
            [
                {
                    "sender_id": sender_id,
                    "type_name": "action",
                    "timestamp": 1.0,
                    "data": json.dumps({"event": "action", "name": "action_listen"}),
                }
            ],
        )
        for i, (kind, text, buttons) in enumerate(turns):
            event = {"event": kind, "timestamp": 10.0 + i, "text": text}
            if kind == "bot":
                event["data"] = {"buttons": buttons or None, "elements": None}
                event["metadata"] = {"utter_action": (responses or {})[i]} if i in (responses or {}) else {}
            connection.execute(
                events.insert(),
                [{"sender_id": sender_id, "type_name": kind, "timestamp": 10.0 + i, "data": json.dumps(event)}],
            )


def stored_events(database_url: str, sender_id: str) -> List[Dict[str, object]]:
    """Every event Rasa stored for the conversation, oldest first."""
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            rows = (
                connection.execute(
                    text("SELECT data FROM events WHERE sender_id = :sender ORDER BY id"), {"sender": sender_id}
                )
                .scalars()
                .all()
            )
    finally:
        engine.dispose()
    return [json.loads(row) for row in rows]
