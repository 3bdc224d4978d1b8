"""The message length cap and rate limits (issue 18 item 3): the rules, and each channel's use of
them — the web relay, REST and socket.io (Sanic handlers, no servers), and SMS."""

from __future__ import annotations

import secrets
from typing import Any, Dict, List

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.limits import MAX_MESSAGE_CHARS, TOO_LONG, TOO_MANY, is_local, limiter_for, refusal
from bot.channels.segments import split
from bot.config import Settings
from bot.readability import MIN_READING_EASE, reading_ease
from bot.web.app import create_app
from bot.web.chat import RELAY_PATH
from bot.web.proxy import parse_networks


def settings(**env: str) -> Settings:
    """Settings with small limits, a fresh in-memory counter (its own numbers) and loopback limited."""
    base = {
        "SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE": "3",
        "SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE": "5",
        "SUPPORTPLAN_LIMIT_LOCAL_CLIENTS": "1",
        "SUPPORTPLAN_SECRET_KEY": secrets.token_urlsafe(32),
    }
    return Settings.from_env({**base, **env})


def test_settings_have_safe_defaults() -> None:
    defaults = Settings.from_env({})
    assert (defaults.conversation_messages_per_minute, defaults.client_messages_per_minute) == (30, 120)
    assert defaults.limit_local_clients is False
    assert MAX_MESSAGE_CHARS == 1000


async def test_a_message_over_the_cap_is_refused_kindly() -> None:
    config = settings()
    assert await refusal("x" * MAX_MESSAGE_CHARS, "c1", "203.0.113.9", config) is None
    refused = await refusal("x" * (MAX_MESSAGE_CHARS + 1), "c1", "203.0.113.9", config)
    assert refused is not None and refused.text == TOO_LONG and "lost" in refused.text


async def test_each_conversation_is_limited() -> None:
    config = settings()
    answers = [await refusal("hello", "conversation-a", "203.0.113.1", config) for _ in range(4)]
    assert answers[:3] == [None] * 3
    assert answers[3] is not None and answers[3].status == 429 and answers[3].text == TOO_MANY
    assert await refusal("hello", "conversation-b", "203.0.113.1", config) is None


async def test_each_client_is_limited_across_conversations() -> None:
    config = settings()
    answers = [await refusal("hello", f"conversation-{i}", "203.0.113.2", config) for i in range(6)]
    assert answers[:5] == [None] * 5 and answers[5] is not None and answers[5].status == 429
    assert await refusal("hello", "conversation-new", "203.0.113.3", config) is None


async def test_a_limit_of_0_means_no_limit() -> None:
    config = settings(SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE="0", SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE="0")
    assert [await refusal("hi", "c", "203.0.113.4", config) for _ in range(50)] == [None] * 50


async def test_this_machine_and_trusted_proxies_are_not_limited_unless_asked() -> None:
    config = settings(SUPPORTPLAN_LIMIT_LOCAL_CLIENTS="", SUPPORTPLAN_TRUSTED_PROXIES="10.0.0.5")
    assert [await refusal("hi", "same", "127.0.0.1", config) for _ in range(10)] == [None] * 10
    assert [await refusal("hi", "same", "10.0.0.5", config) for _ in range(10)] == [None] * 10
    assert is_local("::1", ()) and not is_local("203.0.113.9", parse_networks("10.0.0.0/8"))
    assert (await refusal("x" * 2000, "same", "127.0.0.1", config)) is not None  # the cap still holds


async def test_counters_never_hold_the_address_or_conversation() -> None:
    config = settings()
    await refusal("hello", "web-secret-cookie", "203.0.113.77", config)
    storage = limiter_for(config)._limiter.storage()  # the strategy holds its storage by weak reference
    keys = " ".join(map(str, {**storage.events, **storage.storage}))
    assert keys and "secret-cookie" not in keys and "203.0.113.77" not in keys


# ---------------------------------------------------------------- the web relay
class FakeRasa:
    """Rasa's channel for the web relay (bot/rasa_plugins/relay.py), counting what reaches it."""

    def __init__(self) -> None:
        self.received: List[Dict[str, Any]] = []

    async def webhook(self, request: web.Request) -> web.Response:
        self.received.append(await request.json())
        return web.json_response(
            {"messages": [{"recipient_id": "x", "text": "Hello, I'm the assistant."}], "responses": []}
        )


@pytest.fixture
async def rasa() -> Any:
    fake = FakeRasa()
    app = web.Application()
    app.router.add_post(RELAY_PATH, fake.webhook)
    async with TestServer(app) as server:
        fake.url = str(server.make_url("")).rstrip("/")  # type: ignore[attr-defined]
        yield fake


async def browser(rasa: FakeRasa) -> TestClient:
    client = TestClient(TestServer(create_app(settings(RASA_URL=rasa.url))))  # type: ignore[attr-defined]
    await client.start_server()
    await client.get("/")  # sets the conversation cookie
    return client


async def test_the_web_relay_refuses_a_long_message_kindly_without_asking_rasa(rasa: FakeRasa, database: str) -> None:
    client = await browser(rasa)
    try:
        response = await client.post("/api/messages", json={"message": "a" * 1500})
        assert response.status == 200 and (await response.json()) == [{"text": TOO_LONG}]
        assert rasa.received == []
        response = await client.post("/api/messages", json={"message": "hello"})
        assert response.status == 200 and [body["message"] for body in rasa.received] == ["hello"]
    finally:
        await client.close()


async def test_the_web_relay_limits_a_conversation(rasa: FakeRasa, database: str) -> None:
    client = await browser(rasa)
    try:
        for _ in range(3):
            assert (await client.post("/api/messages", json={"message": "hello"})).status == 200
        response = await client.post("/api/messages", json={"message": "hello"})
        assert response.status == 429 and await response.text() == TOO_MANY
        assert response.headers["Retry-After"] == "60"
        assert len(rasa.received) == 3
    finally:
        await client.close()


async def test_the_web_app_reads_at_most_16_kb(database: str) -> None:
    client = TestClient(TestServer(create_app(settings())))
    await client.start_server()
    try:
        await client.get("/")
        response = await client.post(
            "/api/messages", data=b"x" * (17 * 1024), headers={"Content-Type": "application/json"}
        )
        assert response.status == 413
    finally:
        await client.close()


async def test_memory_counters_forget_conversations_once_their_minute_is_over() -> None:
    """A client inventing a new conversation id per message must not grow the counters for ever."""
    config = settings(SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE="0")
    storage = limiter_for(config)._limiter.storage()
    for n in range(20):
        await refusal("hi", f"invented-{n}", "203.0.113.50", config)
    assert storage.expirations, "each window has an expiry"
    assert all(not entries for entries in storage.events.values())  # no moving-window lists kept per key


@pytest.mark.parametrize("text", [TOO_LONG, TOO_MANY])
def test_the_refusals_are_plain_kind_and_fit_one_text(text: str) -> None:
    assert reading_ease(text) >= MIN_READING_EASE
    assert "Nothing you told me has been lost" in text and "you sent" not in text.lower()
    assert len(split(text).segments) == 1
