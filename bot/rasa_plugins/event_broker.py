"""Event broker chosen by configuration: RabbitMQ when EVENT_BROKER_URL is set, none otherwise.

endpoints.yml cannot leave out a section when a variable is unset, so this class stands in for
Rasa's Pika broker and builds it only when asked to (`amqp://user:password@host:5672`). Every
conversation event is then published to the queue EVENT_BROKER_QUEUE (default
`supportplan_events`) for reporting tools to read.
"""
from __future__ import annotations

from asyncio import AbstractEventLoop
from typing import Optional
from urllib.parse import unquote, urlsplit

import rasa.shared.core.events  # noqa: F401  (the Pika broker uses this module without importing it)
from rasa.core.brokers.broker import EventBroker
from rasa.core.brokers.pika import PikaEventBroker
from rasa.utils.endpoints import EndpointConfig

from bot.config import get_settings


def pika_config(url: str, queue: str) -> EndpointConfig:
    """Rasa's Pika settings for `url` (amqp:// or amqps://)."""
    parts = urlsplit(url)
    return EndpointConfig(
        url=parts.hostname or "localhost",
        username=unquote(parts.username or "guest"),
        password=unquote(parts.password or "guest"),
        port=parts.port or (5671 if parts.scheme == "amqps" else 5672),
        queues=[queue],
    )


class ConfiguredEventBroker(EventBroker):
    @classmethod
    async def from_endpoint_config(
        cls, broker_config: Optional[EndpointConfig], event_loop: Optional[AbstractEventLoop] = None
    ) -> Optional[EventBroker]:
        settings = get_settings()
        if not settings.event_broker_url:
            return None
        return await PikaEventBroker.from_endpoint_config(
            pika_config(settings.event_broker_url, settings.event_broker_queue), event_loop
        )
