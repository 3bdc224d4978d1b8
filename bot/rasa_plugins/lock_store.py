"""Lock store chosen by configuration: Redis when REDIS_URL is set, otherwise in memory.

Rasa's endpoints.yml cannot choose a store type from an environment variable, so this class
delegates to the right store. With Redis, several Rasa replicas serialise each conversation.
"""
from __future__ import annotations

from typing import Any, Optional, Text
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore

from bot.config import get_settings


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

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        return self._store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: Text) -> None:
        self._store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._store.save_lock(lock)
