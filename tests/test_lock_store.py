"""The lock store follows REDIS_URL: Redis (shared by replicas) when set, in memory otherwise."""
from __future__ import annotations

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from bot.rasa_plugins.lock_store import ConfiguredLockStore


def test_in_memory_without_redis_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert isinstance(ConfiguredLockStore().backend, InMemoryLockStore)


def test_redis_lock_store_locks_a_conversation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    store = ConfiguredLockStore()
    assert isinstance(store.backend, RedisLockStore)
    ticket = store.issue_ticket("lock-test-conversation")
    lock = store.get_lock("lock-test-conversation")
    assert lock is not None and lock.is_someone_waiting() is True
    store.cleanup("lock-test-conversation", ticket)
