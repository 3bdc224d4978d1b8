"""Event broker chosen by configuration: RabbitMQ when EVENT_BROKER_URL is set, none otherwise.

endpoints.yml cannot leave out a section when a variable is unset, so this class stands in for
Rasa's Pika broker and builds it only when asked to (`amqp://user:password@host:5672`, or
`amqps://…` for TLS, with RabbitMQ's URL options such as `?cacertfile=…`). Events are published
to the queue EVENT_BROKER_QUEUE (default `supportplan_events`) for reporting tools to read.

What is published (EVENT_BROKER_EVENTS): by default only what reporting reads — that a person
sent a message (when, and on which channel; never the text), session starts, and changes to the
slots reporting follows — with each conversation id replaced by a keyed hash, because `forget`
cannot reach a message once it has left for a queue. `all` publishes Rasa's full events.
"""

from __future__ import annotations

import hashlib
import hmac
from asyncio import AbstractEventLoop
from typing import Any, Dict, Optional, Text
from urllib.parse import unquote, urlsplit

import rasa.shared.core.events  # noqa: F401  (the Pika broker uses this module without importing it)
from rasa.core.brokers.broker import EventBroker
from rasa.core.brokers.pika import PikaEventBroker
from rasa.utils.endpoints import EndpointConfig

from bot.config import ALL_EVENTS, get_settings
from bot.reporting.conversation_figures import WATCHED_SLOTS
from bot.secret_keys import EVENT_SENDERS, derived_key

_KEPT_FIELDS = {
    "user": ("event", "timestamp", "sender_id", "input_channel"),
    "session_started": ("event", "timestamp", "sender_id"),
    "slot": ("event", "timestamp", "sender_id", "name", "value"),
}


def for_reporting(event: Dict[Text, Any], sender_key: bytes) -> Optional[Dict[Text, Any]]:
    """The part of `event` reporting reads, with the conversation id hashed; None to publish nothing."""
    kept = _KEPT_FIELDS.get(event.get("event", ""))
    if kept is None or (event["event"] == "slot" and event.get("name") not in WATCHED_SLOTS):
        return None
    reduced = {field: event[field] for field in kept if field in event}
    sender = str(event.get("sender_id", ""))
    reduced["sender_id"] = hmac.new(sender_key, sender.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
    return reduced


def pika_config(url: str, queue: str) -> EndpointConfig:
    """Rasa's Pika settings for `url`. For amqps:// the whole URL goes to Rasa, which then connects
    with TLS and RabbitMQ's URL options; the user name and password stay as the URL spells them."""
    parts = urlsplit(url)
    tls = parts.scheme == "amqps"
    return EndpointConfig(
        url=url if tls else parts.hostname or "localhost",
        username=(parts.username if tls else unquote(parts.username or "")) or "guest",
        password=(parts.password if tls else unquote(parts.password or "")) or "guest",
        port=parts.port or (5671 if tls else 5672),
        queues=[queue],
    )


class ReportingEventBroker(PikaEventBroker):
    """Rasa's Pika broker publishing only `for_reporting`'s part of each event."""

    sender_key: bytes = b""

    def publish(self, event: Dict[Text, Any], headers: Optional[Dict[Text, Text]] = None) -> None:
        reduced = for_reporting(event, self.sender_key)
        if reduced is not None:
            super().publish(reduced, headers)


class ConfiguredEventBroker(EventBroker):
    @classmethod
    async def from_endpoint_config(
        cls, broker_config: Optional[EndpointConfig], event_loop: Optional[AbstractEventLoop] = None
    ) -> Optional[EventBroker]:
        settings = get_settings()
        if not settings.event_broker_url:
            return None
        config = pika_config(settings.event_broker_url, settings.event_broker_queue)
        if settings.event_broker_events == ALL_EVENTS:
            return await PikaEventBroker.from_endpoint_config(config, event_loop)
        broker = await ReportingEventBroker.from_endpoint_config(config, event_loop)
        if isinstance(broker, ReportingEventBroker):
            broker.sender_key = derived_key(settings.secret_key, EVENT_SENDERS)
        return broker
