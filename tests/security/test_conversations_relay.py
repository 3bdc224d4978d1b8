"""The private relay channel: only the web app (which knows the key derived from the secret key)
may reach the chat page's `web-…` conversations; it passes the client key the web app worked out
and tells the web app which responses were said (so it can see a verification)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List

import pytest
import yaml

from bot.channels.metadata import CLIENT_KEY
from bot.channels.relay_key import KEY_HEADER, relay_key
from bot.config import PROJECT_ROOT, get_settings
from bot.rasa_plugins.relay import WebRelayInput

pytestmark = pytest.mark.asyncio


@dataclass
class FakeRequest:
    json: Any
    headers: Dict[str, str] = field(default_factory=dict)


@dataclass
class Assistant:
    received: List[Any] = field(default_factory=list)

    async def __call__(self, message: Any) -> None:
        self.received.append(message)
        await message.output_channel.send_response(
            message.sender_id, {"text": "Thank you, Sam.", "utter_action": "utter_identity_confirmed"}
        )
        await message.output_channel.send_response(message.sender_id, {"text": "What matters to you?"})


def key() -> str:
    return relay_key(get_settings().secret_key)


async def receive(body: Any, headers: Dict[str, str]) -> Any:
    assistant = Assistant()
    reply = await WebRelayInput()._receive(FakeRequest(body, headers), assistant)
    return reply, assistant


GOOD = {"sender": "web-abc", "message": "3/4/1956", "client_key": "k" * 32}


@pytest.mark.parametrize("headers", [{}, {KEY_HEADER: ""}, {KEY_HEADER: "0" * 64}, {"X-Other": "x"}])
async def test_the_relay_refuses_callers_without_the_key(headers: Dict[str, str]) -> None:
    reply, assistant = await receive(GOOD, headers)
    assert reply.status == 403 and assistant.received == []


@pytest.mark.parametrize(
    "body",
    [
        [1],
        {"sender": "e2e-1", "message": "hi"},
        {"sender": "web-a"},
        {"sender": "web-a", "message": 3},
        {**GOOD, "client_key": 5},
    ],
)
async def test_the_relay_refuses_a_malformed_message(body: Any) -> None:
    reply, assistant = await receive(body, {KEY_HEADER: key()})
    assert reply.status == 400 and assistant.received == []


async def test_the_relay_passes_the_client_key_and_names_the_responses() -> None:
    reply, assistant = await receive(GOOD, {KEY_HEADER: key()})
    assert reply.status == 200
    (message,) = assistant.received
    assert (message.sender_id, message.text, message.input_channel) == ("web-abc", "3/4/1956", "web")
    assert message.metadata == {CLIENT_KEY: "k" * 32}
    body = json.loads(reply.body)
    assert [m["text"] for m in body["messages"]] == ["Thank you, Sam.", "What matters to you?"]
    assert body["responses"] == ["utter_identity_confirmed"]


async def test_the_relay_is_registered_beside_the_public_channels() -> None:
    credentials = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text())
    assert "bot.rasa_plugins.relay.WebRelayInput" in credentials
    assert WebRelayInput.name() == "web"  # reporting counts every channel but "sms" as the web
