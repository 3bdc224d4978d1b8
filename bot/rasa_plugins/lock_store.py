"""Lock store chosen by configuration: Redis when REDIS_URL is set, otherwise in memory.

Rasa's endpoints.yml cannot choose a store type from an environment variable, so this class
delegates to the right store. With Redis, several Rasa replicas serialise each conversation.

Rasa's lock store changes a conversation's tickets by reading them, changing them and writing
them back. In one process that is safe (nothing awaits in between), but two replicas doing it
at once can both be given the same ticket and handle two messages of one conversation together,
losing events. With Redis, each of those changes is therefore made while holding a short Redis
lock of its own (redis-py's `Lock`: an atomic SET NX with an expiry).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional, Text
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore

from bot.config import get_settings

#: how long one change of a conversation's tickets may hold the Redis lock, and wait for it
CHANGE_SECONDS = 10


def _redis_store(url: str) -> RedisLockStore:
    parts = urlsplit(url)
    db = int(parts.path.strip("/") or 0)
    return RedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=db,
        password=parts.password,
        use_ssl=parts.scheme == "rediss",
    )


class ConfiguredLockStore(LockStore):
    def __init__(self, endpoint_config: Optional[Any] = None) -> None:
        redis_url = get_settings().redis_url
        self._store: LockStore = _redis_store(redis_url) if redis_url else InMemoryLockStore()

    @property
    def backend(self) -> LockStore:
        return self._store

    @contextmanager
    def _changing(self, conversation_id: Text) -> Iterator[None]:
        """Held while a conversation's tickets are read, changed and written back."""
        if not isinstance(self._store, RedisLockStore):
            yield
            return
        with self._store.red.lock(
            f"{self._store.key_prefix}change:{conversation_id}", timeout=CHANGE_SECONDS, blocking_timeout=CHANGE_SECONDS
        ):
            yield

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._changing(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: Text) -> None:
        with self._changing(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        with self._changing(conversation_id):
            super().cleanup(conversation_id, ticket_number)

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        return self._store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: Text) -> None:
        self._store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._store.save_lock(lock)
