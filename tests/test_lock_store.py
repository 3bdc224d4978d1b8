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


def test_replicas_issuing_tickets_at_once_never_share_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa's own Redis lock store reads, changes and writes a conversation's tickets without
    holding anything, so two replicas can both be given ticket 0 and handle two messages of one
    conversation at the same time. Two stores here stand for two replicas."""
    import threading
    import uuid

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    replicas = [ConfiguredLockStore(), ConfiguredLockStore()]
    conversation = f"lock-race-{uuid.uuid4().hex}"
    tickets: list = []
    start = threading.Barrier(8)

    def issue(store: ConfiguredLockStore) -> None:
        start.wait()
        for _ in range(25):
            tickets.append(store.issue_ticket(conversation))

    threads = [threading.Thread(target=issue, args=(replicas[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(tickets) == 200 and len(set(tickets)) == 200, f"{200 - len(set(tickets))} tickets given twice"
    finally:
        replicas[0].delete_lock(conversation)
