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

from bot.rasa_plugins.event_broker import ConfiguredEventBroker, ReportingEventBroker, for_reporting, pika_config

RABBITMQ_URL = os.environ.get("SUPPORTPLAN_TEST_RABBITMQ", "amqp://guest:guest@127.0.0.1:5672")


def test_no_broker_without_a_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENT_BROKER_URL", raising=False)
    assert asyncio.run(ConfiguredEventBroker.from_endpoint_config(None)) is None


def test_url_parts_become_pika_settings() -> None:
    config = pika_config("amqp://reporter:s%40cret@mq.council.example", "events")
    assert (config.url, config.kwargs["username"], config.kwargs["password"], config.kwargs["port"]) == (
        "mq.council.example",
        "reporter",
        "s@cret",
        5672,
    )
    assert config.kwargs["queues"] == ["events"]


def test_amqps_keeps_tls_and_the_url_options() -> None:
    config = pika_config("amqps://reporter:s%40cret@mq.council.example/vhost?cacertfile=/etc/ca.pem", "events")

    async def url() -> str:
        return PikaEventBroker(config.url, **config.kwargs)._configure_url() or ""

    assert asyncio.run(url()) == "amqps://reporter:s%40cret@mq.council.example:5671/vhost?cacertfile=/etc/ca.pem"


KEY = b"k" * 32
USER = {
    "event": "user",
    "timestamp": 1.5,
    "sender_id": "web-secretcookie",
    "text": "I'm Helen, PB-100239",
    "parse_data": {"text": "I'm Helen"},
    "input_channel": "rest",
    "metadata": {"client_key": "abc"},
}


def test_only_what_reporting_reads_is_published() -> None:
    user = for_reporting(USER, KEY)
    assert user is not None and set(user) == {"event", "timestamp", "sender_id", "input_channel"}
    assert user["sender_id"] != "web-secretcookie" and "secretcookie" not in user["sender_id"]
    slot = for_reporting(
        {"event": "slot", "sender_id": "web-secretcookie", "name": "current_section", "value": "budget"}, KEY
    )
    assert slot is not None and slot["value"] == "budget" and slot["sender_id"] == user["sender_id"]
    for private in (
        {"event": "slot", "sender_id": "x", "name": "person_reference", "value": "PB-100239"},
        {"event": "bot", "sender_id": "x", "text": "Hello Helen"},
        {"event": "action", "sender_id": "x", "name": "utter_greet"},
    ):
        assert for_reporting(private, KEY) is None


@pytest.mark.parametrize("events, kept_text", [("", False), ("all", True)])
def test_events_reach_the_rabbitmq_queue(monkeypatch: pytest.MonkeyPatch, events: str, kept_text: bool) -> None:
    queue = f"supportplan_test_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("EVENT_BROKER_URL", RABBITMQ_URL)
    monkeypatch.setenv("EVENT_BROKER_QUEUE", queue)
    monkeypatch.setenv("EVENT_BROKER_EVENTS", events)

    async def publish_and_read() -> dict:
        broker = await ConfiguredEventBroker.from_endpoint_config(None)
        assert isinstance(broker, PikaEventBroker) and isinstance(broker, ReportingEventBroker) != kept_text
        broker.publish(dict(USER))
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

    published = asyncio.run(publish_and_read())
    assert ("Helen" in json.dumps(published)) == kept_text
