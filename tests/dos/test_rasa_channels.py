"""The cap and rate limits in the Rasa server's own channels (REST and socket.io), on a Sanic app
made by Rasa's configure_app as `rasa run` makes it, with a stand-in agent: no model, no servers."""

from __future__ import annotations

import asyncio
import secrets
import socket
import uuid
from typing import Any, AsyncIterator, List

import aiohttp
import pytest
import rasa.core.run
import socketio
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.limits import MAX_BODY_BYTES, TOO_LONG, TOO_MANY
from bot.rasa_plugins import ratelimit
from bot.rasa_plugins.rest import RestInput
from bot.rasa_plugins.socketio import SocketIOInput


class FakeAgent:
    """Answers every message it is given, and keeps what it was given."""

    def __init__(self) -> None:
        self.heard: List[str] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.heard.append(message.text or "")
        await message.output_channel.send_text_message(message.sender_id, "Hello, I'm the assistant.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RasaServer:
    def __init__(self, app: Sanic, agent: FakeAgent, port: int, sio: socketio.AsyncServer) -> None:
        self.app, self.agent, self.sio = app, agent, sio
        self.url = f"http://127.0.0.1:{port}"
        self.rest = f"{self.url}/webhooks/rest/webhook"


@pytest.fixture
async def rasa_server(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[RasaServer]:
    for name, value in {
        "SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE": "3",
        "SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE": "100",
        "SUPPORTPLAN_LIMIT_LOCAL_CLIENTS": "1",
        "SUPPORTPLAN_SECRET_KEY": secrets.token_urlsafe(32),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(Sanic, "test_mode", True)  # lets each test make an app of the same name
    ratelimit.install()
    sio_channel = SocketIOInput.from_credentials(
        {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
    )
    app = rasa.core.run.configure_app([RestInput(), sio_channel], enable_api=False)
    agent = FakeAgent()
    app.ctx.agent = agent
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield RasaServer(app, agent, port, sio_channel.sio)
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


async def post(url: str, **kwargs: Any) -> aiohttp.ClientResponse:
    async with aiohttp.ClientSession() as http:
        async with http.post(url, **kwargs) as reply:
            await reply.read()
            return reply


async def test_rest_answers_a_long_message_kindly_without_passing_it_on(rasa_server: RasaServer) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(rasa_server.rest, json={"sender": "s1", "message": "x" * 1001}) as reply:
            assert reply.status == 200
            assert await reply.json() == [{"recipient_id": "s1", "text": TOO_LONG}]
        async with http.post(rasa_server.rest, json={"sender": "s1", "message": "hello"}) as reply:
            assert reply.status == 200 and "assistant" in (await reply.json())[0]["text"]
    assert rasa_server.agent.heard == ["hello"]


async def test_rest_limits_each_conversation(rasa_server: RasaServer) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(3):
            async with http.post(rasa_server.rest, json={"sender": "s2", "message": "hi"}) as reply:
                assert reply.status == 200
        async with http.post(rasa_server.rest, json={"sender": "s2", "message": "hi"}) as reply:
            assert reply.status == 429 and reply.headers["Retry-After"] == "60"
            assert await reply.json() == [{"recipient_id": "s2", "text": TOO_MANY}]
        async with http.post(rasa_server.rest, json={"sender": "s3", "message": "hi"}) as reply:
            assert reply.status == 200
    assert len(rasa_server.agent.heard) == 4


async def test_rest_reads_at_most_16_kb_and_still_answers_bad_bodies_with_400(rasa_server: RasaServer) -> None:
    assert rasa_server.app.config.REQUEST_MAX_SIZE == MAX_BODY_BYTES
    big = b'{"sender": "s4", "message": "' + b"x" * MAX_BODY_BYTES + b'"}'
    assert (await post(rasa_server.rest, data=big, headers={"Content-Type": "application/json"})).status == 413
    assert (await post(rasa_server.rest, json=["not", "an", "object"])).status == 400
    assert rasa_server.agent.heard == []


async def test_socketio_answers_a_long_message_kindly_without_passing_it_on(rasa_server: RasaServer) -> None:
    assert rasa_server.sio.eio.max_http_buffer_size == MAX_BODY_BYTES
    # the polling client's disconnect waits out its open long-poll (Engine.IO's ping interval and
    # timeout, 25 s and 20 s by default): short ones keep the test to a second or two
    rasa_server.sio.eio.ping_interval, rasa_server.sio.eio.ping_timeout = 1, 1
    client = socketio.AsyncClient(reconnection=False)
    replies: asyncio.Queue = asyncio.Queue()
    confirmed = asyncio.get_running_loop().create_future()
    client.on("bot_uttered", replies.put_nowait)
    client.on("session_confirm", lambda data: confirmed.done() or confirmed.set_result(data))
    await client.connect(rasa_server.url, transports=["polling"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": f"sio-{uuid.uuid4().hex[:12]}"})
        session_id = await asyncio.wait_for(confirmed, 10)
        await client.emit("user_uttered", {"message": "y" * 1001, "session_id": session_id})
        assert (await asyncio.wait_for(replies.get(), 10)) == {"text": TOO_LONG}
        for _ in range(2):
            await client.emit("user_uttered", {"message": "hi", "session_id": session_id})
            assert "assistant" in (await asyncio.wait_for(replies.get(), 10))["text"]
        await client.emit("user_uttered", {"message": "hi", "session_id": session_id})
        assert (await asyncio.wait_for(replies.get(), 10)) == {"text": TOO_MANY}
    finally:
        await client.disconnect()
    assert rasa_server.agent.heard == ["hi"] * 2  # the long one counted towards the limit but never reached Rasa
