"""How much one person or one client may send (issue 18 item 3), the same in every channel.

- **Length.** A message may be at most MAX_MESSAGE_CHARS (1,000) characters: plenty for this
  conversation. A longer one is answered kindly and never reaches Rasa, its tracker or a parser.
  Request bodies are limited to MAX_BODY_BYTES (16 KB) by the servers themselves (Sanic's
  REQUEST_MAX_SIZE, socket.io's max_http_buffer_size, aiohttp's client_max_size).
- **Rate.** Each conversation may send SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE (30) messages
  a minute, and each client address SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE (120), counted with
  the `limits` library in fixed one-minute windows: in Redis when REDIS_URL is set (shared by
  replicas), in memory otherwise. (Fixed windows, because the in-memory moving window of limits
  2.4 never forgets a key, and would grow and slow with every new conversation id.) Over the limit the message is answered kindly (HTTP 429) and dropped.
  Counters are kept under keyed hashes, never the address or conversation id itself.
  Messages from this machine (loopback) or from a trusted proxy that names no client (the web
  app relaying its own chats, which it has already limited) are not limited unless
  SUPPORTPLAN_LIMIT_LOCAL_CLIENTS is on. Behind a proxy, list it in SUPPORTPLAN_TRUSTED_PROXIES
  so each client is counted by its own address.
- If Redis cannot be reached, messages are let through (and a warning is logged): a broken
  counter must not stop the service.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Sequence

from aiohttp import web
from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from bot.channels.metadata import client_key_for
from bot.channels.segments import split
from bot.config import Settings
from bot.web.keys import SETTINGS_KEY
from bot.web.proxy import Network, client_address

logger = logging.getLogger(__name__)

#: the longest message any channel passes on
MAX_MESSAGE_CHARS = 1000
#: the largest request body the Rasa server and the web app read (a message of MAX_MESSAGE_CHARS
#: characters, each up to 4 bytes of UTF-8 or 12 of JSON escapes, fits with room to spare)
MAX_BODY_BYTES = 16 * 1024

TOO_LONG = "That message is a bit long for me. Could you say it in fewer words? Nothing you told me has been lost."
TOO_MANY = (
    "I've had a lot of messages in a short time. Please wait a minute, then send your message again. "
    "Nothing you told me has been lost."
)
#: how long a client over the limit is asked to wait (HTTP Retry-After), in seconds
RETRY_AFTER_SECONDS = 60


@dataclass(frozen=True)
class Refusal:
    """Why a message is not passed on: the HTTP status to answer with and the kind text."""

    status: int
    text: str


TOO_LONG_REFUSAL = Refusal(200, TOO_LONG)
TOO_MANY_REFUSAL = Refusal(429, TOO_MANY)


class MessageLimiter:
    """Counts messages per conversation and per client; `allows` says whether one more may pass."""

    def __init__(self, storage_url: str, per_conversation: int, per_client: int) -> None:
        self._shared = not storage_url.startswith("memory://")
        self._storage = storage_from_string(storage_url)  # the strategy holds it only by weak reference
        self._limiter = FixedWindowRateLimiter(self._storage)
        self._per_conversation = RateLimitItemPerMinute(per_conversation) if per_conversation > 0 else None
        self._per_client = RateLimitItemPerMinute(per_client) if per_client > 0 else None
        self._notice = RateLimitItemPerMinute(1)

    def _hit(self, *counted: tuple) -> bool:
        try:
            return all(self._limiter.hit(item, *identifiers) for item, *identifiers in counted if item is not None)
        except Exception as error:  # a counter that cannot be reached must not stop the service
            logger.warning("Rate limit storage unavailable (%s): message let through", type(error).__name__)
            return True

    async def _hit_async(self, *counted: tuple) -> bool:
        return await asyncio.to_thread(self._hit, *counted) if self._shared else self._hit(*counted)

    async def allows(self, conversation: str, client: Optional[str]) -> bool:
        """Counts one message; False once the conversation or the client (if given) is over its limit."""
        counted = [(self._per_conversation, "conversation", conversation)]
        if client is not None:
            counted.insert(0, (self._per_client, "client", client))
        return await self._hit_async(*counted)

    async def first_notice(self, conversation: str) -> bool:
        """True at most once a minute per conversation: whether to tell the person they are over."""
        return await self._hit_async((self._notice, "notice", conversation))


@lru_cache(maxsize=8)
def _limiter(storage_url: str, per_conversation: int, per_client: int) -> MessageLimiter:
    return MessageLimiter(storage_url, per_conversation, per_client)


def limiter_for(settings: Settings) -> MessageLimiter:
    """The process's limiter for these settings (Redis when REDIS_URL is set, else memory)."""
    storage = settings.redis_url or "memory://"
    return _limiter(storage, settings.conversation_messages_per_minute, settings.client_messages_per_minute)


def is_local(address: str, proxies: Sequence[Network]) -> bool:
    """Whether `address` is this machine or a trusted proxy (one that named no client behind it)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or any(ip in network for network in proxies)


def counter_key(value: str, settings: Settings) -> str:
    """What a conversation id or client address is counted under: a keyed hash, never the value."""
    return client_key_for(value, settings.secret_key)


async def refusal(text: str, conversation: str, client_address: Optional[str], settings: Settings) -> Optional[Refusal]:
    """Why this message may not be passed on, or None. Every message is counted, long ones too.
    `client_address` None: the channel has no client of its own (SMS: the conversation is the phone)."""
    local = (
        client_address is not None
        and not settings.limit_local_clients
        and is_local(client_address, settings.trusted_proxies)
    )
    if not local:
        client = counter_key(client_address, settings) if client_address is not None else None
        if not await limiter_for(settings).allows(counter_key(conversation, settings), client):
            return TOO_MANY_REFUSAL
    if len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG_REFUSAL
    return None


async def web_refusal(request: web.Request, sender: str, text: str) -> Optional[web.Response]:
    """The web relay's answer instead of relaying `text` (None: relay it). Too long: the kind text
    as the assistant's reply; too many: HTTP 429 with the kind text, which the chat page shows."""
    settings = request.app[SETTINGS_KEY]
    refused = await refusal(text, sender, client_address(request, settings.trusted_proxies), settings)
    if refused is None:
        return None
    if refused.status == 429:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
        return web.Response(status=429, text=refused.text, headers=headers)
    return web.json_response([{"text": refused.text}], headers={"Cache-Control": "no-store"})


async def sms_refusal(conversation: str, body: str, settings: Settings) -> Optional[List[str]]:
    """The SMS segments to reply with instead of passing `body` on (None: pass it on). Over the
    rate limit the person is told once a minute at most, not once per message: [] is no reply."""
    refused = await refusal(body, conversation, None, settings)
    if refused is None:
        return None
    if refused is TOO_MANY_REFUSAL and not await limiter_for(settings).first_notice(
        counter_key(conversation, settings)
    ):
        return []
    return split(refused.text).segments


__all__ = [
    "MAX_BODY_BYTES",
    "MAX_MESSAGE_CHARS",
    "MessageLimiter",
    "Refusal",
    "TOO_LONG",
    "TOO_MANY",
    "is_local",
    "limiter_for",
    "refusal",
    "sms_refusal",
    "web_refusal",
]
