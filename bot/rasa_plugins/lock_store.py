"""Lock store chosen by configuration: Redis when REDIS_URL is set, otherwise in memory.

Rasa's endpoints.yml cannot choose a store type from an environment variable, so this class
delegates to the right store. With Redis, several Rasa replicas serialise each conversation.

Rasa's own Redis lock store changes a conversation's tickets by reading them, changing them and
writing them back, so two replicas doing it at once can both be given the same ticket and handle
two messages of one conversation together, losing events. `AtomicRedisLockStore` keeps each
conversation's tickets as a Redis sorted set (ticket number -> expiry time) beside a counter, and
changes them only with single Redis commands or one Lua script, each atomic in Redis: replicas
never race, and no call waits for another replica, so Rasa's event loop is never held up (Rasa
waits for its turn with `asyncio.sleep`). Tickets are numbered by the counter (INCR, from 1) and
served lowest number first; both keys expire with their last ticket, so a replica that dies while
holding a conversation holds it for one ticket lifetime (Rasa's TICKET_LOCK_LIFETIME) at most.
Expiry times are the replicas' own clocks, as in Rasa's lock store: keep them in sync (NTP).
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any, Optional, Text
from urllib.parse import urlsplit

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore
from redis.exceptions import RedisError

from bot.config import get_settings

# KEYS: the tickets (sorted set: number -> expiry), the last number issued.
# ARGV: now, lifetime (seconds). Drops expired tickets, adds the next one and returns its number;
# each key lives at least as long as the new ticket.
ISSUE_TICKET = """
local now, lifetime = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
local number = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], now + lifetime, number)
local ttl = math.ceil(lifetime * 1000)
for _, key in ipairs(KEYS) do
  if redis.call('PTTL', key) < ttl then
    redis.call('PEXPIRE', key, ttl)
  end
end
return number
"""


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store with every change of a conversation's tickets atomic in Redis."""

    def __init__(self, **connection: Any) -> None:
        super().__init__(**connection)
        self._issue = self.red.register_script(ISSUE_TICKET)

    def _tickets_key(self, conversation_id: Text) -> str:
        return f"{self.key_prefix}tickets:{conversation_id}"

    def _last_issued_key(self, conversation_id: Text) -> str:
        return f"{self.key_prefix}last-issued:{conversation_id}"

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        keys = [self._tickets_key(conversation_id), self._last_issued_key(conversation_id)]
        try:
            return int(self._issue(keys=keys, args=[repr(time.time()), repr(float(lock_lifetime))]))
        except RedisError as error:  # as Rasa's own issue_ticket
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        """The conversation's unexpired tickets, lowest number (the one served) first."""
        live = self.red.zrangebyscore(self._tickets_key(conversation_id), f"({time.time()!r}", "+inf", withscores=True)
        if not live:
            return None
        tickets = sorted((Ticket(int(number), expires) for number, expires in live), key=lambda ticket: ticket.number)
        return TicketLock(conversation_id, deque(tickets))

    def update_lock(self, conversation_id: Text) -> None:
        self.red.zremrangebyscore(self._tickets_key(conversation_id), "-inf", f"({time.time()!r}")

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self.red.zrem(self._tickets_key(conversation_id), ticket_number)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Redis deletes a sorted set when its last ticket goes; deleting it here could delete a
        ticket another replica has just been given."""
        self.finish_serving(conversation_id, ticket_number)

    def delete_lock(self, conversation_id: Text) -> None:
        deleted = self.red.delete(self._tickets_key(conversation_id), self._last_issued_key(conversation_id))
        self._log_deletion(conversation_id, bool(deleted))

    def save_lock(self, lock: TicketLock) -> None:
        """Replace the conversation's tickets with `lock`'s (numbers this store issued)."""
        key = self._tickets_key(lock.conversation_id)
        with self.red.pipeline(transaction=True) as replace:
            replace.delete(key)
            if lock.tickets:
                replace.zadd(key, {str(ticket.number): ticket.expires for ticket in lock.tickets})
                replace.expireat(key, int(max(ticket.expires for ticket in lock.tickets)) + 1)
            replace.execute()


def _redis_store(url: str) -> AtomicRedisLockStore:
    parts = urlsplit(url)
    return AtomicRedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(parts.path.strip("/") or 0),
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

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self._store.issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: Text) -> None:
        self._store.update_lock(conversation_id)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._store.finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        self._store.cleanup(conversation_id, ticket_number)

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        return self._store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: Text) -> None:
        self._store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._store.save_lock(lock)
