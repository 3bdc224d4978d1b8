"""Rasa's SQL tracker store, ready for a database restart.

Its engine tests each pooled connection before use (`pool_pre_ping`), so connections that a
PostgreSQL restart closed are replaced instead of failing the next turn. Building it also
installs the project's message processor (bot/rasa_plugins/processor.py): endpoints.yml always
names this store, and Rasa builds the store before the processor.
"""
from __future__ import annotations

from typing import Any, Optional, Text

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from sqlalchemy.orm import sessionmaker

from bot.rasa_plugins import processor


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


class ResilientSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        **kwargs: Any,
    ) -> None:
        processor.install()
        super().__init__(domain=domain, host=host, event_broker=event_broker, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = pinged_engine(url)
        self.sessionmaker = sessionmaker(bind=self.engine)
