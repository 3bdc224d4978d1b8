"""Conversation ids are not passwords: the public REST and socket.io channels refuse the ids the
chat page (`web-…`) and the SMS channel (`sms-…`) use, and tag each message with a key standing
for the client's address (never the address itself)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import pytest
from sanic.exceptions import InvalidUsage

from bot.channels.metadata import CLIENT_KEY, client_key_for
from bot.config import get_settings
from bot.rasa_plugins.rest import RestInput
from bot.rasa_plugins.socketio import SocketIOInput

pytestmark = pytest.mark.asyncio

RESERVED = ["web-abc123", "sms-0123456789abcdef", "WEB-abc", "Sms-x"]


@dataclass
class FakeSanicRequest:
    json: Any
    ip: str = "203.0.113.7"
    headers: Dict[str, str] = field(default_factory=dict)


@pytest.mark.parametrize("sender", RESERVED)
async def test_rest_refuses_the_chat_page_and_sms_conversation_ids(sender: str) -> None:
    with pytest.raises(InvalidUsage, match="web-") as refused:
        await RestInput()._extract_sender(FakeSanicRequest({"sender": sender, "message": "hi"}))
    assert refused.value.status_code == 400


async def test_rest_accepts_other_ids_and_keys_the_client_address() -> None:
    request = FakeSanicRequest({"sender": "app-user-42", "message": "hi", "metadata": {CLIENT_KEY: "forged"}})
    channel = RestInput()
    assert await channel._extract_sender(request) == "app-user-42"
    metadata = channel.get_metadata(request)
    assert metadata == {CLIENT_KEY: client_key_for("203.0.113.7", get_settings().secret_key)}
    assert "203.0.113.7" not in str(metadata)


@dataclass
class FakeSocketServer:
    """Stands in for python-socketio's AsyncServer around the channel's handlers."""

    server: Any
    emitted: List[Any] = field(default_factory=list)
    rooms: List[Any] = field(default_factory=list)
    disconnected: List[str] = field(default_factory=list)

    async def emit(self, event: str, data: Any = None, room: Optional[str] = None, **_: Any) -> None:
        self.emitted.append((event, data, room))

    async def enter_room(self, sid: str, room: str, **_: Any) -> None:
        self.rooms.append((sid, room))

    async def disconnect(self, sid: str, **_: Any) -> None:
        self.disconnected.append(sid)

    def get_environ(self, sid: str, namespace: Optional[str] = None) -> Dict[str, Any]:
        return {"REMOTE_ADDR": "127.0.0.1", "sanic.request": FakeSanicRequest(None, "198.51.100.9")}


def socket_channel(received: List[Any]) -> tuple:
    channel = SocketIOInput(session_persistence=True)

    async def on_new_message(message: Any) -> None:
        received.append(message)

    channel.blueprint(on_new_message)
    fake = FakeSocketServer(channel.sio)
    for name in ("emit", "enter_room", "disconnect", "get_environ"):
        setattr(channel.sio, name, getattr(fake, name))
    return channel.sio.handlers["/"], fake


@pytest.mark.parametrize("session_id", RESERVED)
async def test_socketio_refuses_a_session_with_a_reserved_id(session_id: str) -> None:
    received: List[Any] = []
    handlers, fake = socket_channel(received)
    await handlers["session_request"]("sid1", {"session_id": session_id})
    assert fake.disconnected == ["sid1"] and fake.rooms == [] and fake.emitted == []
    await handlers["user_uttered"]("sid1", {"message": "hi", "session_id": session_id})
    assert received == []


async def test_socketio_keys_the_client_address_and_drops_client_metadata() -> None:
    received: List[Any] = []
    handlers, fake = socket_channel(received)
    await handlers["session_request"]("sid2", {"session_id": "abc-session"})
    assert fake.rooms == [("sid2", "abc-session")] and fake.disconnected == []
    await handlers["user_uttered"](
        "sid2",
        {
            "message": "hi",
            "session_id": "abc-session",
            "customData": {CLIENT_KEY: "forged", "sms_person_reference": "PB-1"},
        },
    )
    (message,) = received
    assert message.sender_id == "abc-session" and message.input_channel == "socketio"
    assert message.metadata == {CLIENT_KEY: client_key_for("198.51.100.9", get_settings().secret_key)}
