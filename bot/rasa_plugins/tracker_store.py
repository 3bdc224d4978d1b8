"""Rasa's SQL tracker store, ready for a database restart.

Its engine tests each pooled connection before use (`pool_pre_ping`), so connections that a
PostgreSQL restart closed are replaced instead of failing the next turn. Saving a conversation
just read skips Rasa's count of the events already stored: the read noted how many there were
(the lock store keeps anyone else from adding to the conversation in between).
"""

from __future__ import annotations

import itertools
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Write-ahead logging, synced at checkpoints: a turn's commit no longer waits for a sync."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def pinged_engine(url: Any) -> sa.engine.Engine:
    """An engine like Rasa's own, with connections checked out only once they answer. On
    SQLite, connections are kept in a pool (SQLAlchemy 1.4 opens and closes one per session,
    and each close of a write-ahead-logged database checkpoints it) with a write-ahead log."""
    if sa.engine.make_url(url).get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
    engine = sa.create_engine(
        url, pool_pre_ping=True, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False}
    )
    sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


#: noted on a tracker read from the database: how many of its events were stored then
_EVENTS_STORED = "_supportplan_events_stored"


class ResilientSQLTrackerStore(SQLTrackerStore):
    engine: Any  # set by SQLTrackerStore, replaced below

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain=domain, host=host, event_broker=event_broker, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = pinged_engine(url)
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:
            setattr(tracker, _EVENTS_STORED, len(tracker.events))
        return tracker

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> Iterator:
        """The tracker's events not yet in the database: those after the ones it was read with,
        the first time it is saved; otherwise Rasa's way (count the session's stored events)."""
        stored = getattr(tracker, _EVENTS_STORED, None)
        if stored is None:
            return super()._additional_events(session, tracker)
        delattr(tracker, _EVENTS_STORED)
        return itertools.islice(tracker.events, stored, len(tracker.events))
