"""The lock store follows REDIS_URL: Redis (shared by replicas) when set, in memory otherwise.

The Redis tests use a real Redis at 127.0.0.1:6379, database 3; two stores stand for two replicas."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from typing import Iterator, List

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from bot.rasa_plugins.lock_store import ConfiguredLockStore

REDIS_URL = "redis://127.0.0.1:6379/3"


def test_in_memory_without_redis_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert isinstance(ConfiguredLockStore().backend, InMemoryLockStore)


@pytest.fixture
def conversation(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new conversation id, with REDIS_URL set; its lock is deleted afterwards."""
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    conversation_id = f"lock-test-{uuid.uuid4().hex}"
    yield conversation_id
    ConfiguredLockStore().delete_lock(conversation_id)


def test_redis_lock_store_locks_a_conversation(conversation: str) -> None:
    store = ConfiguredLockStore()
    assert isinstance(store.backend, RedisLockStore)
    ticket = store.issue_ticket(conversation)
    lock = store.get_lock(conversation)
    assert lock is not None and lock.is_someone_waiting() is True and not lock.is_locked(ticket)
    store.cleanup(conversation, ticket)
    assert store.get_lock(conversation) is None


def test_tickets_are_served_in_order_and_a_lost_one_expires(conversation: str) -> None:
    """A replica that dies holding a conversation holds it only until its ticket expires, and the
    Redis keys expire with the last ticket."""
    first, second = ConfiguredLockStore(), ConfiguredLockStore()
    lost = first.issue_ticket(conversation, lock_lifetime=0.3)
    waiting = [second.issue_ticket(conversation), first.issue_ticket(conversation)]
    lock = second.get_lock(conversation)
    assert lock is not None and lock.now_serving == lost and lock.is_locked(waiting[0])
    time.sleep(0.4)
    second.update_lock(conversation)
    assert second.get_lock(conversation).now_serving == waiting[0]  # type: ignore[union-attr]
    second.cleanup(conversation, waiting[0])
    assert first.get_lock(conversation).now_serving == waiting[1]  # type: ignore[union-attr]
    red = first.backend.red  # type: ignore[attr-defined]
    assert all(0 < red.pttl(key) <= 60_000 for key in red.keys(f"*{conversation}"))


def test_replicas_issuing_tickets_at_once_never_share_one(conversation: str) -> None:
    """Rasa's own Redis lock store reads, changes and writes a conversation's tickets without
    holding anything, so two replicas can both be given ticket 0 and handle two messages of one
    conversation at the same time."""
    replicas = [ConfiguredLockStore(), ConfiguredLockStore()]
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
    assert len(tickets) == 200 and len(set(tickets)) == 200, f"{200 - len(set(tickets))} tickets given twice"
    lock = replicas[1].get_lock(conversation)
    assert lock is not None and [ticket.number for ticket in lock.tickets] == sorted(tickets)


async def _tick(gaps: List[float]) -> None:
    """Tick every 10 ms, recording the time between ticks in `gaps`."""
    last = time.monotonic()
    while True:
        await asyncio.sleep(0.01)
        now = time.monotonic()
        gaps.append(now - last)
        last = now


async def test_a_contended_conversation_never_holds_up_the_event_loop(conversation: str) -> None:
    """Another replica (8 threads, each with its own event loop) keeps taking turns on the
    conversation while this event loop takes 10 turns through Rasa's `lock`. Every turn holds the
    conversation alone, and a ticker on this loop keeps ticking: the old store's blocking Redis
    lock (redis-py `Lock`, retried with `time.sleep`) stopped it for more than 0.5 s."""
    here, other = ConfiguredLockStore(), ConfiguredLockStore()
    stop, inside, overlaps, guard = threading.Event(), [0], [0], threading.Lock()

    async def turn(store: ConfiguredLockStore, wait: float) -> None:
        async with store.lock(conversation, wait_time_in_seconds=wait):
            with guard:
                inside[0] += 1
                overlaps[0] += inside[0] > 1
            await asyncio.sleep(0.01)
            with guard:
                inside[0] -= 1

    async def other_replica() -> None:
        while not stop.is_set():
            await turn(other, 0.005)

    threads = [threading.Thread(target=asyncio.run, args=(other_replica(),)) for _ in range(8)]
    gaps: List[float] = []
    ticker = asyncio.create_task(_tick(gaps))
    for thread in threads:
        thread.start()
    try:
        for _ in range(10):
            await asyncio.wait_for(turn(here, 0.05), timeout=30)
    finally:
        stop.set()
        ticker.cancel()
        for thread in threads:
            thread.join()
    assert overlaps[0] == 0, f"{overlaps[0]} turns shared the conversation"
    assert max(gaps) < 0.5, f"the event loop stood still for {max(gaps):.2f} s"
