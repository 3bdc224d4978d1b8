"""The event broker follows EVENT_BROKER_URL: none when unset, RabbitMQ (Rasa's Pika broker)
when set; events published there can be read from the queue."""
from __future__ import annotations

import asyncio
import json
import os
import uuid

import aio_pika
import pytest
from rasa.core.brokers.pika import PikaEventBroker

from bot.rasa_plugins.event_broker import ConfiguredEventBroker, pika_config

RABBITMQ_URL = os.environ.get("SUPPORTPLAN_TEST_RABBITMQ", "amqp://guest:guest@127.0.0.1:5672")


def test_no_broker_without_a_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENT_BROKER_URL", raising=False)
    assert asyncio.run(ConfiguredEventBroker.from_endpoint_config(None)) is None


def test_url_parts_become_pika_settings() -> None:
    config = pika_config("amqps://reporter:s%40cret@mq.council.example", "events")
    assert (config.url, config.kwargs["username"], config.kwargs["password"], config.kwargs["port"]) == (
        "mq.council.example", "reporter", "s@cret", 5671,
    )
    assert config.kwargs["queues"] == ["events"]


def test_events_reach_the_rabbitmq_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    queue = f"supportplan_test_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("EVENT_BROKER_URL", RABBITMQ_URL)
    monkeypatch.setenv("EVENT_BROKER_QUEUE", queue)

    async def publish_and_read() -> dict:
        broker = await ConfiguredEventBroker.from_endpoint_config(None)
        assert isinstance(broker, PikaEventBroker)
        broker.publish({"event": "user", "sender_id": "someone", "text": "hello"})
        connection = await aio_pika.connect_robust(RABBITMQ_URL)
        try:
            channel = await connection.channel()
            declared = await channel.declare_queue(queue, durable=True)
            for _ in range(50):
                message = await declared.get(fail=False)
                if message is not None:
                    await message.ack()
                    await declared.delete(if_unused=False, if_empty=False)
                    return json.loads(message.body)
                await asyncio.sleep(0.1)
            raise AssertionError("no event arrived")
        finally:
            await broker.close()
            await connection.close()

    assert asyncio.run(publish_and_read())["text"] == "hello"
