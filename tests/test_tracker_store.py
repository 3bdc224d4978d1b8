"""The SQL tracker store keeps every event exactly once, on SQLite and PostgreSQL, whether a
conversation is saved right after being read (the counted-at-read path) or saved again."""

from __future__ import annotations

import asyncio
from typing import List

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.tracker_store import ResilientSQLTrackerStore

DOMAIN = Domain.from_yaml('version: "3.1"\nslots:\n  person_reference: {type: text, mappings: [{type: custom}]}\n')


def texts(tracker: DialogueStateTracker) -> List[str]:
    return [event.text for event in tracker.events if isinstance(event, UserUttered)]


def test_each_event_is_stored_once(database: str) -> None:
    store = ResilientSQLTrackerStore(DOMAIN, host=database)

    async def conversation() -> None:
        tracker = DialogueStateTracker.from_events(
            "someone", [ActionExecuted(ACTION_LISTEN_NAME), UserUttered("one")], slots=DOMAIN.slots
        )
        await store.save(tracker)
        for text in ("two", "three"):
            tracker = await store.retrieve("someone")
            tracker.update_with_events([ActionExecuted(ACTION_LISTEN_NAME), UserUttered(text)], DOMAIN)
            await store.save(tracker)
        tracker.update(SlotSet("person_reference", "PB-100234"))  # saved again without a new read
        await store.save(tracker)

        tracker = await store.retrieve("someone")
        assert texts(tracker) == ["one", "two", "three"] and tracker.get_slot("person_reference") == "PB-100234"
        # a new session started in the turn: the next read holds that session only, whole
        tracker.update_with_events(
            [SessionStarted(), SlotSet("person_reference", "PB-100234"), ActionExecuted(ACTION_LISTEN_NAME)], DOMAIN
        )
        await store.save(tracker)
        tracker = await store.retrieve("someone")
        assert texts(tracker) == [] and len(tracker.events) == 3 and tracker.get_slot("person_reference") == "PB-100234"
        full = await store.retrieve_full_tracker("someone")
        assert texts(full) == ["one", "two", "three"] and len(full.events) == 10

    try:
        asyncio.run(conversation())
    finally:
        store.engine.dispose()
